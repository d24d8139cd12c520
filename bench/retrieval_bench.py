"""Retrieval benchmark: how well search finds the entries a question is about, three ways, on one written journal.

    python bench/retrieval_bench.py [--today 2026-12-01] [--fake] [--scale 10000]

The journal (bench/data/retrieval/journal.jsonl, 311 entries over two years in English, Spanish, German and
Polish) is written into real notebooks with the kit's own cell and save functions, with each entry's date and
recorded mood, and indexed with the real embedder (KIT_EMBED, default the embedded all-MiniLM-L6-v2) in a
temporary KIT_HOME. Every question in bench/data/retrieval/questions.jsonl is then searched (k=10):

  vector          meaning only: search(words=False, mood=False)
  hybrid          meaning + word index + recorded mood: search()
  hybrid+dates    hybrid, with the period the question names read by kit.when.understand relative to --today,
                  searched without its date words, as `reflect search` does

Scores per method and per kind of question: hit@1 and hit@5 (an entry graded 2, "the answer", in the first 1 or
5), MRR (1 / rank of the first graded-2 entry, 0 when none is in the first 10) and nDCG@10 over the grades (2 = the
answer, 1 = related). Latency: the search time of hybrid over vector-only on the same questions, p50 and p95 of the
per-question difference (query embedding included in both). ``--scale N`` also measures it on an index grown to N
entries with precomputed vectors (the journal's own vectors, slightly moved), so no extra text is embedded.
``--fake`` uses the fake bag-of-words embedder: a quick smoke run, not a measurement.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shlex
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "retrieval"
TODAY = "2026-12-01"
K = 10
METHODS = ("vector", "hybrid", "hybrid+dates")
KINDS = (
    "paraphrase",
    "month/season",
    "relative date",
    "name",
    "rare word",
    "good/bad day",
    "other language",
)

# ------------------------------------------------------------------ scores (pure; tests/test_retrieval_bench.py)


def hit_at(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """1.0 when an answer (grade 2) is among the first ``k`` ranked ids, else 0.0."""
    return 1.0 if any(grades.get(i, 0) >= 2 for i in ranked[:k]) else 0.0


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, int]) -> float:
    """1 / the rank of the first answer (grade 2); 0.0 when none was ranked."""
    for rank, entry_id in enumerate(ranked, 1):
        if grades.get(entry_id, 0) >= 2:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """Normalised discounted cumulative gain over the first ``k``, gain 2^grade - 1 (Järvelin & Kekäläinen)."""

    def dcg(gains: Sequence[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(i, 0) for i in ranked]) / ideal if ideal else 0.0


def scores(ranked: Sequence[str], grades: Mapping[str, int]) -> dict[str, float]:
    """The four scores of one ranking."""
    return {
        "hit@1": hit_at(ranked, grades, 1),
        "hit@5": hit_at(ranked, grades, 5),
        "MRR": reciprocal_rank(ranked, grades),
        "nDCG@10": ndcg_at(ranked, grades, 10),
    }


def mean_scores(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Each score averaged over the questions."""
    return {name: statistics.fmean(r[name] for r in rows) for name in ("hit@1", "hit@5", "MRR", "nDCG@10")}


def percentile(values: Sequence[float], q: int) -> float:
    """The q-th percentile (inclusive method), the value itself for one value."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


# ------------------------------------------------------------------ data


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_journal(path: Path = DATA / "journal.jsonl") -> list[dict[str, Any]]:
    """The entries: id, date (ISO), template, mood (0–10 or null), language, text."""
    return read_jsonl(path)


def load_questions(path: Path = DATA / "questions.jsonl") -> list[dict[str, Any]]:
    """The questions: id, kind, question, relevant ({entry id: grade})."""
    return read_jsonl(path)


def kit_id(entry_id: str) -> str:
    """The entry's id in the notebooks: stable across runs, so ties in a ranking fall the same way each time."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"retrieval-bench/{entry_id}").hex


def write_journal(folder: Path, entries: Sequence[Mapping[str, Any]]) -> None:
    """One notebook per month, each entry a tagged cell with its date, template and mood, as the kit writes them."""
    from kit.journal.entries import kit_metadata
    from kit.journal.notebooks import entry_cell, new_notebook, save

    months: dict[str, list[Mapping[str, Any]]] = {}
    for e in entries:
        months.setdefault(e["date"][:7], []).append(e)
    for month, group in sorted(months.items()):
        nb = new_notebook()
        for e in group:
            day = date.fromisoformat(e["date"])
            meta = kit_metadata(
                entry_id=kit_id(e["id"]),
                created=datetime(day.year, day.month, day.day, 21, 0).astimezone(),
                template=e["template"],
                field="entry",
                mood=e["mood"],
            )
            nb.cells.append(entry_cell(nb, e["text"], meta))
        save(folder / f"{month}-journal.ipynb", nb, None)


# ------------------------------------------------------------------ runs


def run_methods(
    questions: Sequence[Mapping[str, Any]], index: Any, today: str, progress: Any
) -> tuple[dict[str, list[list[str]]], dict[str, list[float]]]:
    """Each question searched the three ways: ranked kit ids per method, and per-method search times (ms)."""
    from kit.errors import KitError
    from kit.index.search import search
    from kit.when import understand

    def vector(q: str) -> Any:
        return search(q, k=K, index=index, words=False, mood=False)

    def hybrid(q: str) -> Any:
        return search(q, k=K, index=index)

    def dated(q: str) -> Any:
        try:
            asked = understand(q, today)
        except KitError:  # words that make no period: searched as they are, as the CLI would refuse them
            return hybrid(q)
        return search(asked.query or q, k=K, since=asked.since, until=asked.until, index=index)

    ways: dict[str, Callable[[str], Any]] = {"vector": vector, "hybrid": hybrid, "hybrid+dates": dated}
    for q in questions[:3]:  # warm every path before anything is timed
        for way in ways.values():
            way(q["question"])
    ranked: dict[str, list[list[str]]] = {m: [] for m in METHODS}
    times: dict[str, list[float]] = {m: [] for m in METHODS}
    for q in progress(questions, desc="questions"):
        for method, way in ways.items():
            t0 = time.perf_counter()
            hits = way(q["question"])
            times[method].append((time.perf_counter() - t0) * 1000)
            ranked[method].append([h.id for h in hits])
    return ranked, times


def added_latency(questions: Sequence[Mapping[str, Any]], index: Any, repeats: int = 3) -> dict[str, float]:
    """Vector-only and hybrid search times (ms) on the same questions, alternated so both see the same load;
    each question's time is the median of ``repeats``."""
    from kit.index.search import search

    vec, hyb, diff = [], [], []
    for q in questions:
        v, h = [], []
        for _ in range(repeats):
            t0 = time.perf_counter()
            search(q["question"], k=K, index=index, words=False, mood=False)
            v.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            search(q["question"], k=K, index=index)
            h.append((time.perf_counter() - t0) * 1000)
        vec.append(statistics.median(v))
        hyb.append(statistics.median(h))
        diff.append(hyb[-1] - vec[-1])
    return {
        "vector p50": percentile(vec, 50),
        "vector p95": percentile(vec, 95),
        "hybrid p50": percentile(hyb, 50),
        "hybrid p95": percentile(hyb, 95),
        "added p50": percentile(diff, 50),
        "added p95": percentile(diff, 95),
    }


class PrecomputedEmbeddings:
    """Documents get stored vectors (a journal entry's, moved a little for each copy); queries the real embedder's.
    Grows an index to thousands of entries without embedding them."""

    kit_name = "retrieval-bench-precomputed"

    def __init__(self, real: Any, vectors: Mapping[str, list[float]], seed: int = 0) -> None:
        self.real, self.vectors, self.rng = real, vectors, random.Random(seed)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out = []
        for text in texts:
            source, _, _ = text.rpartition("\n\n(")
            base = self.vectors[source]
            moved = [x + self.rng.gauss(0.0, 0.02) for x in base]
            norm = math.sqrt(sum(x * x for x in moved))
            out.append([x / norm for x in moved])
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.real.embed_query(text)


def scaled_latency(
    work: Path,
    entries: Sequence[Mapping[str, Any]],
    questions: Sequence[Mapping[str, Any]],
    n: int,
    real: Any,
) -> dict[str, float]:
    """Added latency on an index of ``n`` entries: the journal repeated (each copy's words and vector nudged),
    the real embedder only for the queries."""
    from kit.index.store import Index

    vectors = dict(
        zip([e["text"] for e in entries], real.embed_documents([e["text"] for e in entries]), strict=True)
    )
    grown = []
    for i in range(n):
        e = dict(entries[i % len(entries)])
        e["id"] = f"{e['id']}~{i}"
        e["text"] = f"{e['text']}\n\n(copy {i // len(entries)})"
        grown.append(e)
    folder = work / f"journal-{n}"
    folder.mkdir()
    write_journal(folder, grown)
    index = Index(journal=folder, embedder=PrecomputedEmbeddings(real, vectors))
    index.update(progress=sys.stderr.isatty())
    return added_latency(questions, index)


# ------------------------------------------------------------------ report


def table(
    questions: Sequence[Mapping[str, Any]], ranked: Mapping[str, list[list[str]]], ids: Mapping[str, str]
) -> list[str]:
    """Lines of the score table: per method overall, then per kind of question."""
    rows: dict[str, list[dict[str, float]]] = {m: [] for m in METHODS}
    for method in METHODS:
        for q, hits in zip(questions, ranked[method], strict=True):
            rows[method].append(scores([ids.get(h, h) for h in hits], q["relevant"]))
    head = f"  {'kind':<16}{'n':>4}  {'method':<14}{'hit@1':>7}{'hit@5':>7}{'MRR':>7}{'nDCG@10':>9}"
    lines = [head, "  " + "-" * (len(head) - 2)]
    for kind in ("all", *KINDS):
        picked = [i for i, q in enumerate(questions) if kind in ("all", q["kind"])]
        for n, method in enumerate(METHODS):
            s = mean_scores([rows[method][i] for i in picked])
            label = f"{kind:<16}{len(picked):>4}" if n == 0 else " " * 20
            lines.append(
                f"  {label}  {method:<14}{s['hit@1']:>7.2f}{s['hit@5']:>7.2f}{s['MRR']:>7.2f}{s['nDCG@10']:>9.2f}"
            )
    return lines


def details(
    questions: Sequence[Mapping[str, Any]], ranked: Mapping[str, list[list[str]]], ids: Mapping[str, str]
) -> list[str]:
    """One line a question: the rank of its first answer per method ("-" when not in the first 10)."""
    lines = [f"  {'question':<58}" + "".join(f"{m:>14}" for m in METHODS)]
    for n, q in enumerate(questions):
        ranks = []
        for method in METHODS:
            rr = reciprocal_rank([ids.get(h, h) for h in ranked[method][n]], q["relevant"])
            ranks.append(f"{round(1 / rr) if rr else '-':>14}")
        lines.append(f"  {q['id']} {q['question'][:53]:<53}" + "".join(ranks))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--today", default=TODAY, help=f"the day relative dates count from (default {TODAY})")
    parser.add_argument("--fake", action="store_true", help="the fake embedder: a quick smoke run")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        help="also measure the added latency at this many entries (e.g. 10000)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary journal and index")
    parser.add_argument(
        "--details", action="store_true", help="also print each question's first-answer rank per method"
    )
    args = parser.parse_args(argv)
    print("$ " + shlex.join([Path(sys.executable).name, *sys.argv]))

    from tqdm.auto import tqdm

    work = Path(tempfile.mkdtemp(prefix="kit-retrieval-bench-"))
    spec = "fake" if args.fake else os.environ.get("KIT_EMBED", "embedded")
    os.environ.update(KIT_HOME=str(work / "home"), KIT_JOURNAL=str(work / "journal"), KIT_EMBED=spec)
    if args.fake:
        import kit.testing

        kit.testing.register()
    from kit.index.store import Index
    from kit.models.embedders import embedder_name, get_embedder

    try:
        entries, questions = load_journal(), load_questions()
        (work / "journal").mkdir()
        write_journal(work / "journal", entries)
        embedder = get_embedder(spec)
        index = Index(journal=work / "journal", embedder=embedder)
        t0 = time.perf_counter()
        report = index.update(progress=sys.stderr.isatty())
        indexed = time.perf_counter() - t0
        ids = {kit_id(e["id"]): e["id"] for e in entries}
        print(
            f"Retrieval benchmark — {len(entries)} entries ({report.embedded} embedded in {indexed:.1f} s), "
            f"{len(questions)} questions, embedder {embedder_name(embedder)}, today {args.today}, k={K}"
        )
        ranked, _ = run_methods(
            questions, index, args.today, lambda it, desc: tqdm(it, desc=desc, leave=False, disable=None)
        )
        print("\n".join(table(questions, ranked, ids)))
        if args.details:
            print("\n".join(details(questions, ranked, ids)))
        print(
            "  hit@k: an answer (grade 2) in the first k · MRR: 1/rank of the first answer · nDCG@10: grades 2 and 1"
        )
        lat = added_latency(questions, index)
        print(
            f"\nSearch latency at {len(entries)} entries (median of 3 per question, {len(questions)} questions, "
            "query embedding included):"
        )
        print(latency_line(lat))
        if args.scale:
            print(f"Search latency at {args.scale} entries (precomputed vectors; queries embedded for real):")
            print(latency_line(scaled_latency(work, entries, questions, args.scale, embedder)))
    finally:
        if args.keep:
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def latency_line(lat: Mapping[str, float]) -> str:
    return (
        f"  vector-only p50 / p95 {lat['vector p50']:6.2f} / {lat['vector p95']:6.2f} ms · "
        f"hybrid {lat['hybrid p50']:6.2f} / {lat['hybrid p95']:6.2f} ms · "
        f"added by hybrid p50 {lat['added p50']:+.2f} ms, p95 {lat['added p95']:+.2f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
