"""The two offline embedders side by side: the default (English-first) and KIT_EMBED=multilingual.

    python bench/embedder_bench.py [--n 200] [--threads 2] [--runs 3]

Each embedder runs in fresh processes (medians of --runs) so its load time and peak memory are its own.
Reported: load (import, file checks and the first short text), ms per entry embedding n journal entries in one
call (the kit hands the embedder 256 at a time), ms per question, peak RSS, and how often the right entry comes
first on the small journal in tests/multilingual_journal.py — questions in the entry's language, and across
languages.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def measure(which: str, n: int, threads: int) -> dict[str, float]:
    """Run in the child process: everything for one embedder."""
    import numpy as np
    from multilingual_journal import CROSS_LANGUAGE, ENTRIES, SAME_LANGUAGE

    start = time.perf_counter()
    if which == "multilingual":
        from kit.models.multilingual import MultilingualEmbeddings

        embedder = MultilingualEmbeddings(threads=threads)
    else:
        from kit.models.embedders import EmbeddedEmbeddings

        embedder = EmbeddedEmbeddings(threads=threads)
    embedder.embed_query("warm up")
    load = time.perf_counter() - start

    texts = list(ENTRIES.values())
    batch = [texts[i % len(texts)] + f" ({i})" for i in range(n)]  # ~30 words each, all distinct
    start = time.perf_counter()
    embedder.embed_documents(batch)
    per_entry = (time.perf_counter() - start) / n * 1000

    ids = list(ENTRIES)
    docs = np.asarray(embedder.embed_documents(texts))
    found = {}
    start = time.perf_counter()
    for kind, questions in (("same", SAME_LANGUAGE), ("cross", CROSS_LANGUAGE)):
        firsts = 0
        for question, want in questions:
            scores = docs @ np.asarray(embedder.embed_query(question))
            firsts += ids[int(np.argmax(scores))] == want
        found[kind] = f"{firsts}/{len(questions)}"
    per_query = (time.perf_counter() - start) / (len(SAME_LANGUAGE) + len(CROSS_LANGUAGE)) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"load_s": load, "ms_per_entry": per_entry, "ms_per_query": per_query, "peak_mb": peak, **found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="entries embedded in one call")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per embedder (medians)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.n, args.threads)))
        return
    print(
        f"{'embedder':<14}{'load s':>8}{'ms/entry':>10}{'ms/query':>10}{'peak MB':>9}{'same 1st':>10}{'cross 1st':>11}"
    )
    for which in ("embedded", "multilingual"):
        runs = []
        for _ in range(args.runs):
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    which,
                    "--n",
                    str(args.n),
                    "--threads",
                    str(args.threads),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        r = {
            key: statistics.median(run[key] for run in runs)
            for key in runs[0]
            if key.endswith(("_s", "_mb", "entry", "query"))
        }
        r.update(same=runs[0]["same"], cross=runs[0]["cross"])
        print(
            f"{which:<14}{r['load_s']:>8.2f}{r['ms_per_entry']:>10.1f}{r['ms_per_query']:>10.1f}"
            f"{r['peak_mb']:>9.0f}{r['same']:>10}{r['cross']:>11}"
        )


if __name__ == "__main__":
    main()
