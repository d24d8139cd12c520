"""Figures for KIT_MODEL=openai:… against llama-cpp-python's own server, with in-process baselines.

    .venv/bin/python bench/model_servers_bench.py [--runs 3] [--threads 2]

Prints medians of ``--runs``:
- server start: ``python -m llama_cpp.server`` with the SmolLM2 GGUF on 127.0.0.1 until /v1/models answers,
  against loading the same file in this process (EmbeddedChatModel's first load) as the baseline;
- one answer (40 tokens at most; a prompt whose first words change each run, so the server cannot reuse the
  previous request's work) through the server with KitChatOpenAI, against the same prompts answered by the
  in-process embedded model;
- import cost of langchain_openai (fresh interpreter, ``-X importtime`` cumulative), against langchain_ollama
  and a bare interpreter.
No timing is asserted: the machine is shared, so read the ratios.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from langchain_core.messages import HumanMessage

from kit.models.files import package_file
from kit.models.llama import GGUF_FILE, EmbeddedChatModel
from kit.models.registry import get_backend

PROMPT = [
    HumanMessage("Ask one short open question about this journal entry: I slept badly before the exam.")
]
# A different opening each run, so the server cannot reuse the previous request's work (it would otherwise only
# evaluate the last token of a repeated prompt; the in-process model starts afresh every time).
OPENINGS = ["Monday.", "Tuesday night.", "After the walk.", "Sunday morning.", "Late again.", "Before work."]


def prompt(n: int) -> list[HumanMessage]:
    return [HumanMessage(f"{OPENINGS[n % len(OPENINGS)]} {PROMPT[0].content}")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(threads: int, log: Path) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(package_file(*GGUF_FILE))]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", str(threads)]
    url = f"http://127.0.0.1:{port}/v1"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    while True:
        try:
            with opener.open(f"{url}/models", timeout=1):
                return process, url, time.perf_counter() - started
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"the server stopped:\n{log.read_text()[-2000:]}") from None
            time.sleep(0.02)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=15)


def import_cost(module: str) -> float:
    """Seconds to import ``module`` in a fresh interpreter (the last line of -X importtime, cumulative)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True
    )
    last = [line for line in out.stderr.splitlines() if re.search(rf"\| {re.escape(module)}$", line)]
    return int(last[-1].split("|")[1]) / 1e6 if last else float("nan")


def bare_interpreter() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("KIT_MODEL", "embedded")
    log = Path(tempfile.mkdtemp()) / "server.log"

    starts, loads = [], []
    for _ in range(args.runs):
        process, url, took = start_server(args.threads, log)
        starts.append(took)
        stop(process)
        model = EmbeddedChatModel(n_threads=args.threads, max_tokens=40)
        import kit.models.llama

        kit.models.llama._close_all()  # a cold load each time
        loads.append(timed(model._llama))

    process, url, _ = start_server(args.threads, log)
    try:
        server = get_backend(f"openai:smollm2@{url}").model
        server.invoke(PROMPT, max_tokens=40)  # the first request also reads /v1/models
        through_server = [
            timed(lambda n=n: server.invoke(prompt(n), max_tokens=40)) for n in range(args.runs)
        ]
    finally:
        stop(process)
    embedded = EmbeddedChatModel(n_threads=args.threads, max_tokens=40, temperature=0.0)
    embedded.invoke(PROMPT)
    in_process = [timed(lambda n=n: embedded.invoke(prompt(n))) for n in range(args.runs)]

    bare = statistics.median(bare_interpreter() for _ in range(args.runs))
    openai_import = statistics.median(import_cost("langchain_openai") for _ in range(args.runs))
    ollama_import = statistics.median(import_cost("langchain_ollama") for _ in range(args.runs))

    def row(name: str, value: float, baseline: float, against: str) -> None:
        print(f"{name:<34} {value:7.2f} s   {value / baseline:5.1f}x {against} ({baseline:.2f} s)")

    print(f"medians of {args.runs} runs, {args.threads} llama.cpp threads")
    row(
        "server start (to /v1/models)", statistics.median(starts), statistics.median(loads), "in-process load"
    )
    row(
        "one answer through the server",
        statistics.median(through_server),
        statistics.median(in_process),
        "in-process answer",
    )
    row("import langchain_openai", openai_import, ollama_import, "langchain_ollama")
    print(f"{'bare interpreter':<34} {bare:7.2f} s")


if __name__ == "__main__":
    main()
