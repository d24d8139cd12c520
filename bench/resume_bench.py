"""Resumable indexing: a crash at 80 % of a cold index, then what the next `reflect index` has to embed again.

    python bench/resume_bench.py [--n 2000] [--at 0.8] [--embedder embedded]

A child process indexes a fresh journal and is killed (SIGKILL, no clean-up) once the embedder has been handed
``at`` of the texts; the next run in a new process reports how many texts it embedded and how long it took,
against a cold index of the same journal measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from index_bench import synthetic_texts, write_journal  # noqa: E402

# The child: an embedder that kills its own process once it has been handed ``after`` texts.
CHILD = """
import os, signal, sys
from kit.index.store import Index
from kit.models.embedders import get_embedder

inner, after = get_embedder(), int(sys.argv[1])
class Dies:
    kit_name = getattr(inner, "kit_name", None)
    def __init__(self):
        self.handed = 0
    def __getattr__(self, name):
        return getattr(inner, name)
    def embed_documents(self, texts):
        if self.handed >= after:
            os.kill(os.getpid(), signal.SIGKILL)
        self.handed += len(texts)
        return inner.embed_documents(texts)
    def embed_query(self, text):
        return inner.embed_query(text)
Index(embedder=Dies()).update(progress=False)
"""
RUN = """
import json, time
from kit.index.store import Index
start = time.perf_counter()
report = Index().update(progress=False)
print(json.dumps({"embedded": report.embedded, "entries": report.entries, "seconds": time.perf_counter() - start}))
"""


def run(code: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument(
        "--at", type=float, default=0.8, help="share of the texts handed over before the kill"
    )
    parser.add_argument("--embedder", default="embedded", help="embedded | fake | ollama:<name>")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kit-resume-"))
    journal = work / "journal"
    journal.mkdir()
    env = {
        **os.environ,
        "KIT_HOME": str(work / "home"),
        "KIT_JOURNAL": str(journal),
        "KIT_EMBED": args.embedder,
    }
    os.environ.update(env)
    write_journal(journal, synthetic_texts(args.n), per_notebook=50)

    cold = json.loads(run(RUN, {**env, "KIT_HOME": str(work / "cold-home")}).stdout)
    killed = run(CHILD, env, str(int(args.n * args.at)))
    resumed = json.loads(run(RUN, env).stdout)
    print(f"entries                         {args.n}")
    print(f"embedder                        {args.embedder}")
    print(f"cold index: texts embedded      {cold['embedded']}  ({cold['seconds']:.1f} s)")
    print(f"killed (exit {killed.returncode}) once handed     {int(args.n * args.at)} texts")
    print(f"next run: texts embedded        {resumed['embedded']}  ({resumed['seconds']:.1f} s)")
    print(f"next run / cold index, texts    {resumed['embedded'] / cold['embedded']:.2f}")
    print(f"next run / cold index, time     {resumed['seconds'] / cold['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(bench took {time.perf_counter() - start:.0f} s)")
    raise SystemExit(code)
