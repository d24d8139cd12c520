"""The retrieval benchmark's scores on a hand-worked case, and its data files well-formed (no embedder)."""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("retrieval_bench", ROOT / "bench" / "retrieval_bench.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

GRADES = {"a": 2, "b": 1, "c": 2}


def test_hit_at_k_counts_only_answers() -> None:
    assert bench.hit_at(["b", "a"], GRADES, 1) == 0.0  # a related entry first is not a hit
    assert bench.hit_at(["b", "a"], GRADES, 2) == 1.0
    assert bench.hit_at(["x", "y", "z", "w", "v", "a"], GRADES, 5) == 0.0
    assert bench.hit_at([], GRADES, 5) == 0.0


def test_reciprocal_rank_is_of_the_first_answer() -> None:
    assert bench.reciprocal_rank(["c", "a"], GRADES) == 1.0
    assert bench.reciprocal_rank(["x", "b", "a"], GRADES) == pytest.approx(1 / 3)
    assert bench.reciprocal_rank(["x", "b"], GRADES) == 0.0


def test_ndcg_uses_the_grades() -> None:
    # Ideal order a, c, b: gains 3, 3, 1 at ranks 1–3.
    ideal = 3 + 3 / math.log2(3) + 1 / math.log2(4)
    assert bench.ndcg_at(["a", "c", "b"], GRADES, 10) == pytest.approx(1.0)
    assert bench.ndcg_at(["b", "x", "a"], GRADES, 10) == pytest.approx((1 + 3 / math.log2(4)) / ideal)
    assert bench.ndcg_at(["x", "a"], GRADES, 1) == 0.0  # cut at k
    assert bench.ndcg_at(["x"], {}, 10) == 0.0


def test_scores_and_means() -> None:
    one = bench.scores(["b", "a"], GRADES)
    assert one["hit@1"] == 0.0 and one["hit@5"] == 1.0 and one["MRR"] == 0.5
    both = bench.mean_scores([one, bench.scores(["a"], GRADES)])
    assert both["hit@1"] == 0.5 and both["MRR"] == 0.75


def test_journal_is_well_formed() -> None:
    entries = bench.load_journal()
    assert len(entries) >= 300
    ids = [e["id"] for e in entries]
    assert len(set(ids)) == len(ids)
    days = [date.fromisoformat(e["date"]) for e in entries]
    assert min(days) >= date(2025, 1, 1) and max(days) < date.fromisoformat(bench.TODAY)
    assert (max(days) - min(days)).days > 600  # two years, near enough
    for e in entries:
        assert set(e) == {"id", "date", "template", "mood", "language", "text"}
        assert e["text"].strip() and e["template"]
        assert e["mood"] is None or 0 <= e["mood"] <= 10
    languages = Counter(e["language"] for e in entries)
    assert all(languages[lang] >= 10 for lang in ("es", "de", "pl"))
    assert any(e["mood"] is None for e in entries) and sum(e["mood"] is not None for e in entries) > 200


def test_questions_are_well_formed() -> None:
    ids = {e["id"] for e in bench.load_journal()}
    questions = bench.load_questions()
    assert len(questions) >= 100
    assert len({q["id"] for q in questions}) == len(questions)
    assert set(Counter(q["kind"] for q in questions)) == set(bench.KINDS)
    for q in questions:
        assert q["question"].strip() and "--" not in q["question"]
        assert q["relevant"] and set(q["relevant"]) <= ids, q["id"]
        assert set(q["relevant"].values()) <= {1, 2} and 2 in q["relevant"].values(), q["id"]
