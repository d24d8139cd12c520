"""Search at scale: p50/p95 of a warm `kit.index.search.search` at 10k and 100k entries, for the embedded store
and a Chroma server (a real `chroma run` process on loopback), in one run.

    python bench/scale_bench.py [--sizes 10000,100000] [--queries 60]

The journals are real notebooks and are indexed by `Index.update` (the kit's own path: scan, word index, batched
writes to Chroma). Their vectors are precomputed so the 100k build takes minutes, not the ~11 minutes the embedder
would: real embeddings of a few hundred topic texts, each entry a mix of two of them plus noise, so neighbourhoods
look like a journal's rather than uniform noise. The query embedding is real (the embedded model), and is part of
every timed search; its own p50 (timed just before each search) is shown so the store's share can be read off.

Also shown: what a query used to spend re-opening the collection and counting it (`reopen+count`, now done once
per process) and the server/embedded ratio of the search p50. The stores are searched in turn, query by query,
so the ratio holds on a busy machine. The server is the Rust server `chroma run` runs,
started through chromadb_rust_bindings directly (the `chroma` script first imports all of chromadb).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from index_bench import TOPICS, pct, synthetic_texts  # noqa: E402

QUERIES = [
    "couldn't sleep again, awake at four",
    "argument with my sister at dinner",
    "deadline stress and the manager's email",
    "long run by the river, legs sore",
    "baked bread and cooked soup",
    "chest tight, worried about everything",
    "grateful for coffee with a friend",
    "what helped when I felt anxious at work",
]


def write_journal(journal: Path, texts: list[str], per_notebook: int) -> None:
    """Notebooks of `per_notebook` entries, dated evenly over the ten years before today (index_bench's writer
    dates entries 6 hours apart, which puts 100k entries decades ahead)."""
    from kit.journal.entries import kit_metadata, new_id
    from kit.journal.notebooks import entry_cell, new_notebook, save

    end = datetime.now().astimezone() - timedelta(days=1)
    step = min(timedelta(hours=6), timedelta(days=3650) / max(1, len(texts)))
    start = end - step * len(texts)
    for first in range(0, len(texts), per_notebook):
        nb = new_notebook()
        for i, text in enumerate(texts[first : first + per_notebook], start=first):
            meta = kit_metadata(
                entry_id=new_id(), created=start + step * i, template="daily-journal", field="entry"
            )
            nb.cells.append(entry_cell(nb, text, meta))
        save(journal / f"journal-{first // per_notebook:04d}.ipynb", nb, None)


class Precomputed:
    """An embedder that returns prepared vectors for the journal's texts and embeds queries for real."""

    english_only = False  # the bench texts are English; skip the per-entry language count

    def __init__(self, real: Any, vectors: dict[str, list[float]]) -> None:
        self.real = real
        self.vectors = vectors
        self.kit_name = real.kit_name  # the index records the real model's name, as search expects
        self.dimension = real.dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vectors[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.real.embed_query(text)


def realistic_vectors(texts: list[str], real: Any, seed: int = 0) -> dict[str, list[float]]:
    """Each text gets a mix of two real embeddings of topic texts plus noise, normalised."""
    import numpy as np

    rng = np.random.default_rng(seed)
    bases = np.asarray(real.embed_documents(synthetic_texts(300, seed=seed + 1)), dtype=np.float32)
    names = list(TOPICS)
    per_topic = {t: [i for i in range(len(bases)) if i % len(names) == k] for k, t in enumerate(names)}
    out: dict[str, list[float]] = {}
    for i, text in enumerate(texts):
        own = per_topic[names[i % len(names)]]
        a = bases[own[rng.integers(len(own))]]
        b = bases[rng.integers(len(bases))]
        v = 0.75 * a + 0.25 * b + rng.normal(0.0, 0.35 / np.sqrt(a.size), a.size).astype(np.float32)
        out[text] = (v / np.linalg.norm(v)).tolist()
    return out


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "import sys, chromadb_rust_bindings as b; b.cli(['chroma', *sys.argv[1:]])"
    args = ["run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    t0 = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    url = f"http://127.0.0.1:{port}"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while True:
        try:
            direct.open(f"{url}/api/v2/heartbeat", timeout=2).read()
            return process, url, time.perf_counter() - t0
        except OSError:
            if process.poll() is not None or time.perf_counter() - t0 > 120:
                raise SystemExit("the Chroma server did not start") from None
            time.sleep(0.05)


def measure(indexes: dict[str, Any], queries: int) -> dict[str, dict[str, float]]:
    """Warm searches on every store, interleaved query by query so that all of them (and the query embedding
    timed alone) see the same load on a busy machine."""
    from kit.index.search import search

    for index in indexes.values():
        for q in QUERIES[:3]:  # warm: the handle, the model, the store's caches
            search(q, k=5, index=index)
    times: dict[str, list[float]] = {name: [] for name in indexes}
    embeds: list[float] = []
    embedder = next(iter(indexes.values())).embedder
    for i in range(queries):
        query = QUERIES[i % len(QUERIES)]
        t0 = time.perf_counter()
        embedder.embed_query(query)
        embeds.append((time.perf_counter() - t0) * 1000)
        for name, index in indexes.items():
            t0 = time.perf_counter()
            search(query, k=5, index=index)
            times[name].append((time.perf_counter() - t0) * 1000)
    reopen: dict[str, list[float]] = {name: [] for name in indexes}
    for _ in range(max(10, queries // 3)):  # what every search did before: open the collection, count it
        for name, index in indexes.items():
            t0 = time.perf_counter()
            index._chroma().get_collection(index.collection_name, embedding_function=None).count()
            reopen[name].append((time.perf_counter() - t0) * 1000)
    return {
        name: {
            "p50": statistics.median(times[name]),
            "p95": pct(times[name], 95),
            "reopen": statistics.median(reopen[name]),
            "embed": statistics.median(embeds),
        }
        for name in indexes
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="entry counts, comma-separated")
    parser.add_argument("--queries", type=int, default=100, help="timed searches per store and size")
    parser.add_argument("--per-notebook", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="keep the journals and stores (printed folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    work = Path(tempfile.mkdtemp(prefix="kit-scale-"))
    if args.keep:
        print(f"working in {work}")
    os.environ.update(KIT_HOME=str(work / "home"), KIT_EMBED="embedded", ANONYMIZED_TELEMETRY="False")
    os.environ.pop("KIT_CHROMA_URL", None)
    from kit.index.store import Index
    from kit.models.embedders import get_embedder

    real = get_embedder()

    server, url, started = start_server(work / "server")
    print(f"Chroma server on {url}: heartbeat {started:.2f} s after start", flush=True)
    rows = []
    try:
        for n in sizes:
            journal = work / f"journal-{n}"
            journal.mkdir()
            t0 = time.perf_counter()
            texts = synthetic_texts(n, seed=n)
            write_journal(journal, texts, args.per_notebook)
            vectors = realistic_vectors(texts, real, seed=n)
            prepared = time.perf_counter() - t0
            print(f"{n:,} entries: notebooks and vectors prepared in {prepared:.0f} s", flush=True)
            indexes, built = {}, {}
            for store, server_url in (("embedded", ""), ("server", url)):
                home = work / f"home-{n}-{store}"
                index = Index(
                    journal=journal, home=home, embedder=Precomputed(real, vectors), server=server_url
                )
                t0 = time.perf_counter()
                report = index.update(progress=False)
                built[store] = time.perf_counter() - t0
                assert report.entries == n, report
                indexes[store] = index
                print(f"  {store:8s} built in {built[store]:.0f} s", flush=True)
            for store, figures in measure(indexes, args.queries).items():
                rows.append((n, store, built[store], figures))
            del vectors
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)  # 1.2 GB at 100k entries

    print()
    header = (
        f"{'entries':>8} | {'store':8} | {'build s':>7} | {'search p50 ms':>13} | {'p95 ms':>7} | "
        f"{'embed p50 ms':>12} | {'reopen+count ms':>15} | {'server/embedded p50':>19}"
    )
    print(header)
    print("-" * len(header))
    p50 = {(n, s): f["p50"] for n, s, _, f in rows}
    for n, store, built, f in rows:
        ratio = f"{p50[(n, 'server')] / p50[(n, 'embedded')]:.2f}x" if store == "server" else ""
        print(
            f"{n:>8,} | {store:8} | {built:7.0f} | {f['p50']:13.1f} | {f['p95']:7.1f} | {f['embed']:12.1f} | "
            f"{f['reopen']:15.2f} | {ratio:>19}"
        )
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the server on the way out
    raise SystemExit(main())
