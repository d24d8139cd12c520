"""What the word index adds to a search: p50/p95 with meaning only and with hybrid ranking, on one index.

    python bench/hybrid_bench.py [--n 10000] [--queries 200] [--embedder fake]

Target (issue #19): hybrid ranking adds at most 5 ms to the search p50 at 10,000 entries. The two kinds of
search alternate over the same queries, so both see the same machine load. Query embedding is included in both
(the same cost); with the default fake embedder it is almost nothing, so the difference stands out.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from index_bench import TOPICS, pct, synthetic_texts, write_journal  # noqa: E402

NAMES = ["Tomasz", "Ngozi", "Siobhan", "sertraline", "Aurelio", "Kwame"]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--per-notebook", type=int, default=100)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--embedder", default="fake", help="fake | embedded | ollama:<name>")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kit-hybrid-bench-"))
    os.environ.update(KIT_HOME=str(work / "home"), KIT_JOURNAL=str(work / "journal"), KIT_EMBED=args.embedder)
    if args.embedder == "fake":
        import kit.testing

        kit.testing.register()
    from kit.index.search import search
    from kit.index.store import Index
    from kit.models.embedders import get_embedder

    rng = random.Random(2)
    texts = synthetic_texts(args.n)
    for i in range(0, len(texts), 97):  # a name or a rare word in about 1 % of the entries
        texts[i] += f" Saw {rng.choice(NAMES)} today."
    write_journal(work / "journal", texts, args.per_notebook)
    index = Index(embedder=get_embedder(args.embedder))
    t0 = time.perf_counter()
    index.update(progress=False)
    print(
        f"Hybrid search benchmark — {args.n} entries, embedder {args.embedder}, indexed in {time.perf_counter() - t0:.1f} s"
    )
    size = index.words.path.stat().st_size
    print(f"  word index on disk           {size / 1e6:8.1f} MB")

    queries = []
    for _ in range(args.queries):
        words = rng.sample(TOPICS[rng.choice(list(TOPICS))].split(), 3)
        if rng.random() < 0.5:
            words.insert(rng.randrange(4), rng.choice(NAMES))
        queries.append(" ".join(words))
    for q in queries[:5]:  # warm both paths
        search(q, k=5, index=index, words=False, mood=False)
        search(q, k=5, index=index)
    meaning, hybrid = [], []
    for q in queries:
        t0 = time.perf_counter()
        search(q, k=5, index=index, words=False, mood=False)
        meaning.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        search(q, k=5, index=index)
        hybrid.append((time.perf_counter() - t0) * 1000)
    m50, m95, h50, h95 = pct(meaning, 50), pct(meaning, 95), pct(hybrid, 50), pct(hybrid, 95)
    print(f"  meaning only p50 / p95       {m50:6.2f} / {m95:.2f} ms")
    print(f"  hybrid p50 / p95             {h50:6.2f} / {h95:.2f} ms")
    added = h50 - m50
    line = f"  added p50                    {added:6.2f} ms"
    if args.n >= 10000:
        line += f"   target <= 5 ms at 10k: {'met' if added <= 5 else 'MISSED'}"
    print(line)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
