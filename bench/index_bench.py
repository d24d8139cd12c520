"""Index and search benchmark: kit figures as ratios against the raw embedder, measured in the same run.

    python bench/index_bench.py [--n 2000] [--queries 200] [--embedder embedded]

Targets (issue #3): cold index >= 85 % of raw embedder throughput; unchanged re-index < 1 s at 2,000
entries; search p50 <= 25 ms at 10,000 entries, query embedding included (`--n 10000`).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

TOPICS = {
    "sleep": "slept woke awake night insomnia tired bed alarm dream restless pillow dark hours",
    "work": "manager deadline meeting report email project colleague review office client presentation",
    "family": "sister brother mum dad birthday call argument dinner visit cousin grandparents",
    "exercise": "run ran gym swim walk legs km pace stretch climbing bike sore",
    "food": "cooked recipe soup bread kitchen baked dinner lunch spices oven garden tomatoes",
    "worry": "anxious worried chest tight panic what-if nervous heart racing overthinking",
    "gratitude": "grateful thankful kind laugh sunshine friend coffee small joy noticed",
}
FILLER = "today felt like the kind of day where I kept noticing how much I wanted to change something small".split()


def synthetic_texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    names = list(TOPICS)
    texts = []
    for i in range(n):
        words = TOPICS[names[i % len(names)]].split()
        body = [rng.choice(words if rng.random() < 0.55 else FILLER) for _ in range(rng.randint(35, 70))]
        texts.append(f"Entry {i}. " + " ".join(body).capitalize() + ".")
    return texts


def write_journal(
    journal: Path, texts: list[str], per_notebook: int, hours: float = 6, start: datetime | None = None
) -> None:
    """Notebooks of ``per_notebook`` entries each, the entries ``hours`` apart from ``start`` (2024-01-01)."""
    from kit.journal.entries import kit_metadata, new_id
    from kit.journal.notebooks import entry_cell, new_notebook, save

    start = start or datetime(2024, 1, 1).astimezone()
    for nb_index in range(0, len(texts), per_notebook):
        nb = new_notebook()
        for i, text in enumerate(texts[nb_index : nb_index + per_notebook], start=nb_index):
            meta = kit_metadata(
                entry_id=new_id(),
                created=start + timedelta(hours=hours * i),
                template="daily-journal",
                field="entry",
            )
            nb.cells.append(entry_cell(nb, text, meta))
        save(journal / f"journal-{nb_index // per_notebook:04d}.ipynb", nb, None)


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="number of synthetic entries (default 2000)")
    parser.add_argument("--per-notebook", type=int, default=50)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--embedder", default="embedded", help="embedded | fake | ollama:<name>")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    os.environ.update(KIT_HOME=str(work / "home"), KIT_JOURNAL=str(work / "journal"), KIT_EMBED=args.embedder)
    from kit.index.search import search
    from kit.index.store import EMBED_CHUNK, Index
    from kit.models.embedders import get_embedder

    texts = synthetic_texts(args.n)
    write_journal(work / "journal", texts, args.per_notebook)
    embedder = get_embedder(args.embedder)
    embedder.embed_documents(["warm-up: load the model before timing"])

    t0 = time.perf_counter()
    for start in range(0, len(texts), EMBED_CHUNK):
        embedder.embed_documents(texts[start : start + EMBED_CHUNK])
    raw_s = time.perf_counter() - t0
    raw_tps = len(texts) / raw_s

    index = Index(embedder=embedder)
    t0 = time.perf_counter()
    report = index.update(progress=False)
    cold_s = time.perf_counter() - t0
    cold_tps = report.embedded / cold_s

    t0 = time.perf_counter()
    again = index.update(progress=False)
    reindex_s = time.perf_counter() - t0

    rng = random.Random(1)
    queries = [" ".join(rng.sample(TOPICS[rng.choice(list(TOPICS))].split(), 4)) for _ in range(args.queries)]
    search(queries[0], k=5, index=index)  # first query opens the collection
    times = []
    for q in queries:
        t0 = time.perf_counter()
        search(q, k=5, index=index)
        times.append((time.perf_counter() - t0) * 1000)
    p50, p95 = pct(times, 50), pct(times, 95)

    ratio = cold_tps / raw_tps
    print(
        f"Index benchmark — {args.n} entries in {-(-args.n // args.per_notebook)} notebooks, embedder {args.embedder}"
    )
    print(f"  raw embedder throughput      {raw_tps:8.1f} texts/s  ({raw_s:.2f} s)")
    print(
        f"  kit cold index throughput    {cold_tps:8.1f} texts/s  ({cold_s:.2f} s, {report.embedded} embedded)"
    )
    print(
        f"  cold index / raw             {ratio:8.1%}   target >= 85 %: {'met' if ratio >= 0.85 else 'MISSED'}"
    )
    ok = reindex_s < 1.0 or args.n > 2000
    print(
        f"  unchanged re-index           {reindex_s:8.3f} s        ({again.embedded} embedded)"
        + (f"   target < 1 s at 2,000: {'met' if ok else 'MISSED'}" if args.n <= 2000 else "")
    )
    line = f"  search p50 / p95 ({len(times)} q)   {p50:6.2f} / {p95:.2f} ms (query embedding included)"
    if args.n >= 10000:
        line += f"   target p50 <= 25 ms at 10k: {'met' if p50 <= 25 else 'MISSED'}"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
