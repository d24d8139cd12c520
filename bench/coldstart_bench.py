"""Scale figures: cold-start times as ratios to a bare interpreter, index memory, the digest, the embedded summary.

    python bench/coldstart_bench.py [--runs 5] [--work DIR] [--skip-summary] [--rebuild]

Every time is a fresh process, run --runs times in turn with a bare `python -c pass` (A B A B …), and quoted as
the median wall time and as the median of the ratios pair by pair, so the figures hold on a busy machine. Peak
memory is the child's own maximum resident set (os.wait4). The 10k-entry journal and its index are built once
with the real embedder (a few minutes on 2 cores) and kept in --work for later runs.

Targets (issue #20), on a quiet 2-core machine: `reflect search` on 10k entries <= 1.0 s; `import kit` <= 0.2 s;
`reflect --help` <= 0.4 s; `reflect index` of 10k with 100 changed <= 600 MB peak; the digest of 2,000 entries
<= 1 s; the embedded summary of 30 entries <= 20 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from index_bench import synthetic_texts, write_journal  # noqa: E402

PY = sys.executable
LAYOUT = "coldstart-1"  # bump when the built journal changes shape
QUERY = "trouble sleeping at night"
CHECK = "I walked by the river with my sister and felt calmer afterwards."
DIGEST_SPAN = ("2024-01-01", "2024-03-24")  # 2,000 entries an hour apart from 2024-01-01 00:00
# The embedder's own load: its core (kit.models.minilm), as a search uses it, without langchain-core.
EMBED_LOAD = "from kit.models.minilm import shared; shared().embed_query('warm-up')"
DIGEST = """
import json, sys, time
t0 = time.perf_counter()
from kit.reflection.digest import digest
from kit.index.store import Index
index = Index(); index.collection()
times, cpu = [], []
for _ in range(2):
    t, c = time.perf_counter(), time.process_time()
    d = digest(*sys.argv[1:3], index=index)
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(json.dumps({"entries": d.entries, "themes": len(d.themes), "first": times[0], "again": times[1],
                  "cpu": cpu[1]}))
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of one fresh process (its output is discarded)."""
    # posix_spawn, not fork: a forked child's peak would count this process's pages before exec.
    quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=quiet)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def paired(cmd: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    """``cmd`` and a bare interpreter in turn after one warm-up each: medians and the median ratio."""
    run(cmd, env)
    run([PY, "-c", "pass"], env)
    a, b = [], []
    for _ in range(runs):
        a.append(run(cmd, env))
        b.append(run([PY, "-c", "pass"], env))
    return {
        "wall": statistics.median(x[0] for x in a),
        "cpu": statistics.median(x[1] for x in a),
        "peak": statistics.median(x[2] for x in a),
        "bare": statistics.median(x[0] for x in b),
        "ratio": statistics.median(x[0] / y[0] for x, y in zip(a, b, strict=True)),
    }


def environment(work: Path, name: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    repo = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (repo, env.get("PYTHONPATH", "")) if p)
    env.update(
        KIT_HOME=str(work / name / "home"), KIT_JOURNAL=str(work / name / "journal"), KIT_EMBED="embedded"
    )
    env.update(extra)
    return env


def build(work: Path, name: str, n: int, hours: float, start: datetime, rebuild: bool) -> dict[str, str]:
    """A journal of n synthetic entries, indexed with the real embedder; kept for later runs."""
    env = environment(work, name)
    marker = work / name / "built.json"
    if not rebuild and marker.is_file() and json.loads(marker.read_text()) == {"layout": LAYOUT, "n": n}:
        return env
    import shutil

    shutil.rmtree(work / name, ignore_errors=True)
    (work / name / "journal").mkdir(parents=True)
    write_journal(work / name / "journal", synthetic_texts(n, seed=n), 50, hours=hours, start=start)
    print(f"  building the {n:,}-entry index once with the embedded model (minutes on 2 cores)…", flush=True)
    subprocess.run([PY, "-m", "kit.cli", "index"], env=env, check=True, stdout=subprocess.DEVNULL)
    marker.write_text(json.dumps({"layout": LAYOUT, "n": n}))
    return env


def change_entries(journal: Path, n: int, tag: str) -> int:
    """Append a word to the first n entries (whole notebooks of them), as a person editing them would."""
    from kit.journal.notebooks import load, save

    changed = 0
    for path in sorted(journal.glob("*.ipynb")):
        nb, snapshot = load(path)
        for cell in nb.cells:
            if "kit-entry" in cell.metadata.get("tags", []):
                cell.source += f" Edited {tag}."
                changed += 1
        save(path, nb, snapshot)
        if changed >= n:
            break
    return changed


def spinning(runs: int) -> list[str]:
    """Embedding throughput and CPU time with onnxruntime's thread spinning on and off, in this process."""
    from kit.models.embedders import EmbeddedEmbeddings

    texts = synthetic_texts(256, seed=7)
    lines = []
    for spin in (True, False):
        embedder = EmbeddedEmbeddings(spin=spin)
        embedder.embed_documents(texts[:8])
        walls, cpus = [], []
        for _ in range(max(1, runs // 2)):
            t0, c0 = time.perf_counter(), time.process_time()
            embedder.embed_documents(texts)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        lines.append(
            f"  embedding, spinning {'on ' if spin else 'off'}      {len(texts) / wall:8.1f} texts/s  "
            f"cpu {cpu:5.2f} s for {len(texts)} texts (cpu/wall {cpu / wall:.2f})"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure (default 5)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kit-coldstart-bench")
    parser.add_argument("--skip-summary", action="store_true", help="leave out the embedded summary")
    parser.add_argument("--rebuild", action="store_true", help="build the journals and their indexes again")
    args = parser.parse_args()
    runs = max(1, args.runs)
    load = os.getloadavg()[0]
    print(
        f"Cold-start benchmark — {runs} fresh processes per figure, load average {load:.1f} on {os.cpu_count()} cores"
    )

    big = build(args.work, "10k", 10_000, 1, datetime(2024, 1, 1).astimezone(), args.rebuild)
    subprocess.run([PY, "-m", "kit.cli", "search", QUERY], env=big, check=True, stdout=subprocess.DEVNULL)

    def show(label: str, fig: dict[str, float], target: float | None = None) -> None:
        line = (
            f"  {label:<30}{fig['wall']:7.3f} s  x{fig['ratio']:6.1f} bare  cpu {fig['cpu']:6.3f} s  "
            f"peak {fig['peak']:5.0f} MiB"
        )
        if target is not None:
            line += f"   target <= {target} s (quiet machine)"
        print(line)

    bare = paired([PY, "-c", "pass"], big, runs)
    show("python -c pass", bare)
    show("import kit", paired([PY, "-c", "import kit"], big, runs), 0.2)
    show("reflect --help", paired([PY, "-m", "kit.cli", "--help"], big, runs), 0.4)
    show("reflect check TEXT", paired([PY, "-m", "kit.cli", "check", CHECK], big, runs))
    embed = paired([PY, "-c", EMBED_LOAD], big, runs)
    show("embedder load + one query", embed)
    search = paired([PY, "-m", "kit.cli", "search", QUERY], big, runs)
    show("reflect search (10k entries)", search, 1.0)
    floor = embed["wall"]  # a bare interpreter plus the embedder's own load, as measured above
    print(
        f"  search / (bare interpreter + embedder load) = {search['wall']:.3f} / {floor:.3f} s "
        f"= {search['wall'] / floor:.2f}"
    )

    peaks, secs = [], []
    for n in range(max(1, runs // 2 + 1)):
        changed = change_entries(Path(big["KIT_JOURNAL"]), 100, f"{int(time.time())}-{n}")
        wall, _cpu, peak = run([PY, "-m", "kit.cli", "index"], big)
        peaks.append(peak)
        secs.append(wall)
    print(
        f"  reflect index, 10k with {changed} changed {statistics.median(secs):6.2f} s  "
        f"peak {statistics.median(peaks):5.0f} MiB (max {max(peaks):.0f})   target <= 600 MB"
    )

    digests = []
    for _ in range(max(1, runs // 2 + 1)):
        out = subprocess.run(
            [PY, "-c", DIGEST, *DIGEST_SPAN], env=big, check=True, capture_output=True, text=True
        ).stdout
        digests.append(json.loads(out.strip().splitlines()[-1]))
    print(
        f"  digest of {digests[0]['entries']:,} entries         first call "
        f"{statistics.median(d['first'] for d in digests):5.2f} s (scipy imported), again "
        f"{statistics.median(d['again'] for d in digests):5.2f} s (cpu {statistics.median(d['cpu'] for d in digests):.2f} s), "
        f"{digests[0]['themes']} themes   target <= 1 s"
    )

    for line in spinning(runs):
        print(line)

    if not args.skip_summary:
        import importlib.util

        if importlib.util.find_spec("llama_cpp") is None:
            print("  embedded summary: skipped (llama-cpp-python is not installed: `make demo` installs it)")
        else:
            small = build(args.work, "30", 30, 24, datetime(2025, 3, 1).astimezone(), args.rebuild)
            small["KIT_MODEL"] = "embedded"
            got = [run([PY, "-m", "kit.cli", "summarize"], small) for _ in range(max(1, runs // 2))]
            times = [g[0] for g in got]
            print(
                f"  reflect summarize, 30 entries, embedded model {statistics.median(times):6.2f} s "
                f"(min {min(times):.2f}, max {max(times):.2f}; cpu {statistics.median(g[1] for g in got):.2f} s)"
                "   target <= 20 s (quiet machine)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
