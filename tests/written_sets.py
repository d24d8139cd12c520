"""Reading the bench's written sets (bench/data/crisis/*.jsonl) in the tests that hold floors under them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from kit.safety import crisis as safety

DATA = Path(__file__).resolve().parent.parent / "bench" / "data" / "crisis"
# The files the learned layer's builds read (and the ones they tried): a measured set shares no text with them.
TRAINING = [DATA / f"{name}_train.jsonl" for name in ("written", "plans", "journal", "posts", "indirect")]


def rows(path: Path) -> list[dict]:
    """The rows of a JSON-lines file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def texts(read: list[dict]) -> set[str]:
    """The rows' texts as compared across files: lower case, spaces run together."""
    return {" ".join(row["text"].lower().split()) for row in read}


@cache
def verdicts(path: Path) -> tuple[tuple[dict, bool], ...]:
    """Each row of a written set beside whether the layered check reads it as a crisis (read once per run)."""
    read = rows(path)
    return tuple(zip(read, (r.crisis for r in safety.check_all([row["text"] for row in read])), strict=True))


def listed(read: list[dict]) -> str:
    """Rows as a short list for an assertion message."""
    return "\n".join(f"  - [{row['kind']}] {' '.join(row['text'].split())[:160]}" for row in read)


def found(path: Path) -> tuple[float, list[dict]]:
    """The share of a written set's crisis texts the layered check finds, and the ones it misses."""
    crisis = [(row, hit) for row, hit in verdicts(path) if row["crisis"]]
    missed = [row for row, hit in crisis if not hit]
    return 1 - len(missed) / len(crisis), missed


def flagged(path: Path) -> tuple[float, list[dict]]:
    """The share of a written set's other texts the layered check flags, and the ones it flags."""
    others = [(row, hit) for row, hit in verdicts(path) if not row["crisis"]]
    hits = [row for row, hit in others if hit]
    return len(hits) / len(others), hits
