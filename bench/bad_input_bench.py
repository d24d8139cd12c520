"""Hostile input against the `reflect` CLI: how many cases end in "unexpected error" (the target is 0).

    .venv/bin/python bench/bad_input_bench.py [--workers 2] [--timeout 60] [--only CATEGORY ...] [--keep]

Every case runs ``python -m kit.cli ARGS`` in a subprocess, with no standard input, the fake chat model and
embedder (``KIT_MODEL=fake``, ``KIT_EMBED=fake``: no network, no model files) and its own KIT_HOME, KIT_JOURNAL,
HOME, XDG folders and TMPDIR in fresh temporary folders. A small good journal is written with
``reflect add`` and indexed once, and so is one of 1,100 entries (large enough for Chroma to write its HNSW
files); each group of cases works on its own copy. The categories:

- notebook: one hostile notebook file (or directory, symlink, FIFO, odd file name) placed beside the good
  ones, then ``index``, ``search``, ``summarize`` and ``export`` on that journal (bad values of one field
  share a notebook, one cell each; the kinds beyond the brief run ``index`` and ``export`` only);
- args: bad arguments for every command (missing, extra, bad dates, -k, --mood, paths outside the journal,
  unknown names, non-UTF-8 and very long arguments);
- env: bad settings (KIT_HOME / KIT_JOURNAL that are files, missing, under /proc, not writable (skipped
  as root, where permissions do not bite); KIT_MODEL,
  KIT_EMBED, KIT_OLLAMA_*, KIT_ALLOW_REMOTE, KIT_BREAK_MINUTES, KIT_CHROMIUM values; a full disk on stdout);
- index: the 1,100-entry store damaged on disk (truncated, garbled or missing files), then ``search``,
  ``summarize`` and ``index``.

A case fails when its stderr says "unexpected error" or holds a Python traceback, when it exits with a code
other than 0, 1 or 130, dies by a signal, runs past the timeout, or exits non-zero with more than
--max-error-lines lines on stderr. The summary table counts each; every failing case is printed as one line
(category, input, exit code, flags, last stderr line). Exit status: 1 when any case fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SEARCH = ["search", "some words"]
EXPORT = ["export", "--out", "{root}/p.html"]
NOTEBOOK_COMMANDS = [["index"], SEARCH, ["summarize"], EXPORT]
INDEX_COMMANDS = [SEARCH, ["summarize"], ["index"]]
# Rough seconds per command on the reference machine (Chroma's import alone is ~4 s): the longest groups start
# first so that the workers finish together.
COST = {
    "index": 5,
    "search": 6,
    "summarize": 6,
    "ask": 6,
    "doctor": 8,
    "review": 13,
    "prompt": 3,
    "export": 2,
}
NON_UTF8 = os.fsdecode(b"\xff\xfe-not-utf8")  # passes through subprocess as the raw bytes
LONG = "x" * 100_000  # below Linux's 128 KiB limit for one argument


# ---------------------------------------------------------------- cases


@dataclass
class Step:
    argv: list[str]
    env: dict[str, str | None] = field(default_factory=dict)  # None unsets the variable
    stdout: str | None = None  # a path to write standard output to (e.g. /dev/full), else captured


@dataclass
class Group:
    """Cases that share one workspace and run in order (a later step may rely on an earlier one)."""

    category: str
    label: str  # the hostile input, as printed
    steps: list[Step]
    base: str = "good"  # the journal copied in: good, big or none
    setup: Callable[[Workspace], dict[str, str | None] | None] | None = None  # may return env overrides
    skip: str = ""  # why the group cannot run here

    def cost(self) -> float:
        return sum(COST.get(s.argv[0] if s.argv else "", 1.0) for s in self.steps)


@dataclass
class Workspace:
    root: Path
    home: Path
    journal: Path


@dataclass
class Result:
    category: str
    label: str
    argv: list[str]
    returncode: int | None
    stderr: str
    seconds: float
    flags: list[str]


def steps(*argvs: list[str], **env: str | None) -> list[Step]:
    return [Step(list(a), dict(env)) for a in argvs]


# ---------------------------------------------------------------- notebook JSON


def entry_cell(
    text: str = "Hostile neighbour entry about walking", cid: str = "h0001", **kit: object
) -> dict:
    meta = {"created": "2026-01-02T10:00:00", "id": f"hostile-{cid}", "template": "journal", "field": "entry"}
    meta.update(kit)
    return {
        "cell_type": "markdown",
        "id": cid,
        "metadata": {"tags": ["kit-entry"], "kit": meta},
        "source": [text],
    }


def notebook(cells: list, **top: object) -> dict:
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    nb.update(top)
    return nb


def dumps(nb: object) -> bytes:
    return json.dumps(nb, indent=1).encode("utf-8")


def raw_values(raws: list[str], key: str = "", *, cell_key: str = "") -> bytes:
    """A notebook with one entry per raw JSON value (NaN, 1e309, 5,000 digits, "\\ud800" ...), set as
    ``metadata.kit[key]`` or as the cell's own ``cell_key``; the kit names each bad cell in its warnings."""
    cells = [entry_cell(f"Neighbour entry {n} about walking", f"v{n}") for n in range(len(raws))]
    for n, cell in enumerate(cells):
        if cell_key:
            cell[cell_key] = f"__RAW_{n}__"
        else:
            cell["metadata"]["kit"][key] = f"__RAW_{n}__"
    data = dumps(notebook(cells))
    for n, raw in enumerate(raws):
        data = data.replace(f'"__RAW_{n}__"'.encode(), raw.encode("utf-8"))
    return data


def with_kit(**kit: object) -> bytes:
    return dumps(notebook([entry_cell(**kit)]))


def nested(depth: int) -> object:
    value: object = "deep"
    for _ in range(depth):
        value = {"a": value}
    return value


GOOD_NB = dumps(notebook([entry_cell(), entry_cell("A second neighbour entry about sleep", "h0002")]))


def place(name: str | bytes, data: bytes) -> Callable[[Workspace], None]:
    """Setup: write one hostile file into the journal (a bytes name is used as raw file-system bytes)."""

    def setup(ws: Workspace) -> None:
        target = os.path.join(os.fsencode(ws.journal), name) if isinstance(name, bytes) else ws.journal / name
        with open(target, "wb") as fh:
            fh.write(data)

    return setup


def place_many(files: dict[str, bytes]) -> Callable[[Workspace], None]:
    def setup(ws: Workspace) -> None:
        for name, data in files.items():
            (ws.journal / name).write_bytes(data)

    return setup


def run_in_journal(action: Callable[[Path], None]) -> Callable[[Workspace], None]:
    def setup(ws: Workspace) -> None:
        action(ws.journal)

    return setup


def _directory(j: Path) -> None:
    (j / "x.ipynb").mkdir()
    (j / "x.ipynb" / "inner.ipynb").write_bytes(GOOD_NB)


def _symlink_loop(j: Path) -> None:
    os.symlink("loop-b.ipynb", j / "loop-a.ipynb")
    os.symlink("loop-a.ipynb", j / "loop-b.ipynb")
    os.symlink("self.ipynb", j / "self.ipynb")


def _dir_symlink_loop(j: Path) -> None:
    os.symlink(".", j / "again")
    os.symlink("..", j / "up")


def _dangling(j: Path) -> None:
    os.symlink("/nonexistent/gone.ipynb", j / "dangling.ipynb")
    os.symlink("/dev/null", j / "devnull.ipynb")


def _fifo(j: Path) -> None:
    os.mkfifo(j / "fifo.ipynb")


def _duplicate_ids(j: Path) -> None:
    # The same entry ids in two notebooks: a copied notebook, the commonest accident.
    for path in sorted(j.glob("*.ipynb")):
        shutil.copyfile(path, j / f"copy-of-{path.name}")


def notebook_groups(seed: int) -> list[Group]:
    """The brief's hostile notebooks get all four commands; the extra kinds only ``index`` and ``export`` (the
    two ways a notebook is read), to keep the sweep near ten minutes."""
    rng = random.Random(seed)
    code = {"cell_type": "code", "metadata": {}, "source": "1", "execution_count": 1}
    full: list[tuple[str, Callable[[Workspace], None]]] = [
        ("invalid JSON", place("invalid.ipynb", b'{"cells": [}, "nbformat": 4')),
        ("truncated JSON", place("truncated.ipynb", GOOD_NB[: len(GOOD_NB) // 2])),
        ("JSON nested 100,000 deep", place("deep.ipynb", b"[" * 100_000 + b"]" * 100_000)),
        (
            "lone surrogate \\ud800 in source",
            place("surrogate.ipynb", raw_values(['["a \\ud800 b"]'], cell_key="source")),
        ),
        (
            "cells that are not dicts",
            place("cells-junk.ipynb", dumps(notebook([1, "x", None, [], True, 2.5]))),
        ),
        (
            "source list with numbers/None/dicts",
            place(
                "source-list.ipynb",
                dumps(notebook([{**entry_cell(), "source": ["walk ", 1, None, {"x": 1}, ["y"], 2.5, True]}])),
            ),
        ),
        (
            'outputs not a list (5, "abc", {})',
            place(
                "outputs.ipynb",
                dumps(
                    notebook(
                        [
                            {**code, "id": "o1", "outputs": 5},
                            {**code, "id": "o2", "outputs": "abc"},
                            {**code, "id": "o3", "outputs": {"metadata": {}}},
                        ]
                    )
                ),
            ),
        ),
        (
            'metadata.kit not a dict ("x", [], 5)',
            place(
                "kit-types.ipynb",
                dumps(
                    notebook(
                        [
                            {**entry_cell(cid="k1"), "metadata": {"tags": ["kit-entry"], "kit": "x"}},
                            {**entry_cell(cid="k2"), "metadata": {"tags": ["kit-entry"], "kit": []}},
                            {**entry_cell(cid="k3"), "metadata": {"tags": ["kit-entry"], "kit": 5}},
                        ]
                    )
                ),
            ),
        ),
        (
            "created 0001-01-01, 9999-12-31",
            place("created.ipynb", raw_values(['"0001-01-01"', '"9999-12-31"'], "created")),
        ),
        (
            'created "yesterday", [], {}',
            place("created.ipynb", raw_values(['"yesterday"', "[]", "{}"], "created")),
        ),
        (
            "created 1e308, 2026-02-30T25:61:00+99:00",
            place("created.ipynb", raw_values(["1e308", '"2026-02-30T25:61:00+99:00"'], "created")),
        ),
        ("mood -1, 11", place("mood.ipynb", raw_values(["-1", "11"], "mood"))),
        ('mood "five", true, NaN', place("mood.ipynb", raw_values(['"five"', "true", "NaN"], "mood"))),
        (
            "mood 1e309, 10**5000 as digits",
            place("mood.ipynb", raw_values(["1e309", "1" + "0" * 5000], "mood")),
        ),
        ("nbformat 1 and 2", place_many({"fmt1.ipynb": with_format("1"), "fmt2.ipynb": with_format("2")})),
        ("nbformat 3", place("fmt3.ipynb", with_format("3"))),
        (
            'nbformat 5 and "x"',
            place_many({"fmt5.ipynb": with_format("5"), "fmtx.ipynb": with_format('"x"')}),
        ),
        ("empty file", place("empty.ipynb", b"")),
        ("binary garbage", place("garbage.ipynb", rng.randbytes(64 * 1024))),
        ("a directory named x.ipynb", run_in_journal(_directory)),
        ("symlink loops (a->b->a, self)", run_in_journal(_symlink_loop)),
        ("file name not UTF-8 (b'bad-\\xff.ipynb')", place(b"bad-\xff.ipynb", GOOD_NB)),
        (
            "cell text of 2 MB of words",
            place("long.ipynb", dumps(notebook([entry_cell("walk sleep work " * 131_072)]))),
        ),
    ]
    extra: list[tuple[str, Callable[[Workspace], None]]] = [
        ("metadata.kit nested 900 deep", place("deep900.ipynb", with_kit(extra=nested(900)))),
        (
            "lone surrogate \\ud800 in cell id",
            place("surrogate-id.ipynb", raw_values(['"\\ud800"'], cell_key="id")),
        ),
        (
            "NUL and control characters in source",
            place("nul.ipynb", dumps(notebook([entry_cell("a\x00b\x1b[2J\x07c")]))),
        ),
        ("top level is a list", place("list.ipynb", b"[1, 2, 3]")),
        (
            "cell metadata is a string",
            place("meta-str.ipynb", dumps(notebook([{**entry_cell(), "metadata": "kit-entry"}]))),
        ),
        (
            "tags a string / holding non-strings",
            place(
                "tags.ipynb",
                dumps(
                    notebook(
                        [
                            {**entry_cell(cid="t1"), "metadata": {"tags": "kit-entry", "kit": {}}},
                            {
                                **entry_cell(cid="t2"),
                                "metadata": {"tags": [1, None, {"a": 1}, "kit-entry"], "kit": {}},
                            },
                        ]
                    )
                ),
            ),
        ),
        (
            "source a number / null / dict",
            place(
                "source-types.ipynb",
                dumps(
                    notebook(
                        [
                            {**entry_cell(cid="s1"), "source": 42},
                            {**entry_cell(cid="s2"), "source": None},
                            {**entry_cell(cid="s3"), "source": {"text": "walk"}},
                        ]
                    )
                ),
            ),
        ),
        (
            "output metadata a string / kit entry text a number",
            place(
                "output-meta.ipynb",
                dumps(
                    notebook(
                        [
                            {
                                **code,
                                "id": "m1",
                                "outputs": [
                                    {"output_type": "display_data", "data": {}, "metadata": "x"},
                                    {
                                        "output_type": "display_data",
                                        "data": {},
                                        "metadata": {"kit": {"kind": "entry", "text": 5}},
                                    },
                                    {
                                        "output_type": "display_data",
                                        "data": {},
                                        "metadata": {"kit": {"kind": "entry", "text": "t", "created": []}},
                                    },
                                ],
                            },
                        ]
                    )
                ),
            ),
        ),
        (
            'kit fields of odd types (id 5, template [], private "yes")',
            place("kit-fields.ipynb", with_kit(id=5, template=[], field={"a": 1}, private="yes")),
        ),
        ("directory symlink loops (again -> ., up -> ..)", run_in_journal(_dir_symlink_loop)),
        ("dangling symlink and symlink to /dev/null", run_in_journal(_dangling)),
        ("a FIFO named fifo.ipynb", run_in_journal(_fifo)),
        ("file name with newline and leading dash", place("-\nnew line.ipynb", GOOD_NB)),
        (
            "cell text of 1 MB without a space",
            place("long-word.ipynb", dumps(notebook([entry_cell("w" * 1_000_000)]))),
        ),
        ("the same entry ids in two notebooks", run_in_journal(_duplicate_ids)),
    ]
    return [Group("notebook", label, steps(*NOTEBOOK_COMMANDS), setup=setup) for label, setup in full] + [
        Group("notebook", label, steps(["index"], EXPORT), setup=setup) for label, setup in extra
    ]


def with_format(raw: str) -> bytes:
    return dumps(notebook([entry_cell()], nbformat="__F__")).replace(b'"__F__"', raw.encode())


# ---------------------------------------------------------------- arguments


def _arg_fixtures(ws: Workspace) -> None:
    j = ws.journal
    (j / "dir.ipynb").mkdir()
    (j / "bad.ipynb").write_bytes(b"{not json")
    (j / "old.ipynb").write_bytes(
        dumps(
            {
                "nbformat": 3,
                "nbformat_minor": 0,
                "metadata": {},
                "worksheets": [{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "old"}]}],
            }
        )
    )
    (ws.root / "outside.ipynb").write_bytes(GOOD_NB)
    os.symlink(ws.root / "outside.ipynb", j / "link-out.ipynb")
    os.mkfifo(j / "fifo.ipynb")
    (ws.root / "exists.html").write_text("keep me")
    (ws.root / "file.txt").write_text("a file")


def args_groups() -> list[Group]:
    bad_dates = ["2026-13-01", "0001-01-01", "99999-01-01", "", "yesterday", "2026-02-30"]
    bad_k = ["0", "-1", "1000000000", "9" * 100, "abc", "1e3"]
    bad_moods = ["-1", "11", "NaN", "inf", "1e309", "five", "", "1" * 5000]
    bad_paths = [
        "../outside.ipynb",
        "{root}/abs-outside.ipynb",
        "notes.txt",
        "",
        ".",
        "a/../../x.ipynb",
        "dir.ipynb",
        "bad.ipynb",
        "old.ipynb",
        "link-out.ipynb",
        "fifo.ipynb",
        "a" * 300 + ".ipynb",
        "d/" * 1500 + "x.ipynb",
        "x\ny.ipynb",
        ".hidden.ipynb",
        NON_UTF8 + ".ipynb",
        "a:b*?<>|\"'$`.ipynb",
        "/proc/self/x.ipynb",
    ]
    save_paths = [
        "../x.ipynb",
        "{root}/abs.ipynb",
        "x.txt",
        "",
        "dir.ipynb",
        "bad.ipynb",
        "fifo.ipynb",
        "a" * 300 + ".ipynb",
        NON_UTF8 + ".ipynb",
    ]
    groups: list[Group] = []

    def add(label: str, *argvs: list[str], fixtures: bool = False) -> None:
        groups.append(Group("args", label, steps(*argvs), setup=_arg_fixtures if fixtures else None))

    add(
        "top level",
        [],
        ["nonsense"],
        ["--nonsense"],
        [""],
        [NON_UTF8],
        [LONG],
        ["templates", "extra"],
        ["index", "extra"],
        ["values", "--domain", "nope"],
        ["activities", "--effort", "x"],
    )
    add(
        "add: text",
        ["add"],
        ["add", ""],
        ["add", "   \n\t "],
        ["add", "-"],
        ["add", LONG],
        ["add", NON_UTF8],
        ["add", "\x1b[2J\x07 escape codes"],
    )
    add("add: --mood", *[["add", "mood entry", "--mood", m] for m in bad_moods])
    add("add: --notebook", *[["add", "path entry", "--notebook", p] for p in bad_paths], fixtures=True)
    add(
        "add: --journal",
        ["add", "x", "--journal", "{root}/file.txt"],
        ["add", "x", "--journal", "/dev/null"],
        ["add", "x", "--journal", "/proc/self"],
        ["add", "x", "--journal", ""],
        ["add", "x", "--journal", "{root}/" + "d" * 300],
        ["add", "x", "--journal", "{root}/" + NON_UTF8],
        fixtures=True,
    )
    add(
        "new",
        ["new"],
        ["new", "nope"],
        ["new", ""],
        ["new", "../../etc/passwd"],
        ["new", NON_UTF8],
        ["new", "daily-journal", "--journal", "{root}/file.txt"],
        fixtures=True,
    )
    add(
        "index",
        ["index", "--journal", "{root}/file.txt"],
        ["index", "--journal", "{root}/missing"],
        ["index", "--journal", "/dev/null"],
        ["index", "--journal", "{root}/" + NON_UTF8],
        ["index", "--rebuild", "--json", "x"],
        fixtures=True,
    )
    add(
        "search: query",
        *[["search", q] for q in ["", " \t\n", "???", "-", LONG, NON_UTF8, "🙂" * 1000, "-x"]],
        ["search", "a", "b"],
    )
    add("search: -k", *[["search", "walk", "-k", k] for k in bad_k])
    add("search: --since", *[["search", "walk", "--since", d] for d in bad_dates])
    add(
        "search: --until/--template",
        *[["search", "walk", "--until", d] for d in ["2026-13-01", "99999-01-01"]],
        ["search", "walk", "--since", "2026-06-01", "--until", "2026-01-01"],
        ["search", "walk", "--template", "nope"],
    )
    add(
        "forget",
        ["forget"],
        ["forget", "nope"],
        ["forget", "x" * 10_000],
        ["forget", NON_UTF8],
        ["forget", "--notebook", "../x.ipynb"],
        ["forget", "--notebook", "/etc/passwd"],
        ["forget", "--notebook", "nope.ipynb"],
        ["forget", "id", "--notebook", "x"],
        fixtures=True,
    )
    add(
        "summarize: filters",
        ["summarize", "--since", "2026-13-01"],
        ["summarize", "--until", "99999-01-01"],
        ["summarize", "--since", "2026-06-01", "--until", "2026-01-01"],
        ["summarize", "--query", ""],
        ["summarize", "--query", LONG],
        ["summarize", "--template", "nope"],
        ["summarize", "--mode", "x"],
        ["summarize", "--pii", "x"],
    )
    add("summarize: --save", *[["summarize", "--save", p] for p in save_paths], fixtures=True)
    add(
        "ask",
        ["ask"],
        ["ask", ""],
        ["ask", "what", "-k", "0"],
        ["ask", "what", "-k", "-3"],
        ["ask", "what", "-k", "99999999999"],
        ["ask", "what", "--since", "0001-01-01"],
        ["ask", "what", "--save", "../x.ipynb"],
        ["ask", LONG],
        fixtures=True,
    )
    add(
        "check",
        ["check", ""],
        ["check"],
        ["check", "-"],
        ["check", LONG],
        ["check", NON_UTF8],
    )
    add(
        "explain",
        ["explain"],
        ["explain", "nonsense-term"],
        ["explain", ""],
        ["explain", LONG],
        ["explain", NON_UTF8],
        ["explain", "DBT", "--ask", ""],
        ["explain", "DBT", "--pii", "x"],
        ["explain", "DBT", "--ask", LONG],
    )
    add(
        "prompt",
        ["prompt", "-n", "0"],
        ["prompt", "-n", "-1"],
        ["prompt", "-n", "1000000000"],
        ["prompt", "--seed", "abc"],
        ["prompt", "--seed", "9" * 100],
        ["prompt", "nonsense", "topic"],
        ["prompt", LONG],
        ["prompt", "--for-me", "-n", "0"],
    )
    add(
        "review",
        ["review", "--week", "2026-W99"],
        ["review", "--week", "abc"],
        ["review", "--week", ""],
        ["review", "--week", "0001-W01"],
        ["review", "--week", "99999-W01"],
        ["review", "--timeout", "abc"],
        ["review", "--timeout", "-1"],
        ["review", "--timeout", "nan"],
    )
    add(
        "replay",
        ["replay"],
        ["replay", "missing.ipynb"],
        ["replay", "/etc/passwd"],
        ["replay", "bad.ipynb"],
        ["replay", "dir.ipynb"],
        ["replay", "/dev/null"],
        ["replay", "fifo.ipynb"],
        ["replay", NON_UTF8 + ".ipynb"],
        ["replay", "a" * 300 + ".ipynb"],
        fixtures=True,
    )
    add(
        "export",
        ["export"],
        ["export", "--out", ""],
        ["export", "--out", "{root}/p.txt"],
        ["export", "--out", "{root}/nodir/x/p.html"],
        ["export", "--out", "/proc/p.html"],
        ["export", "--out", "{journal}"],
        ["export", "--out", "{root}/exists.html"],
        ["export", "--out", "/dev/full"],
        ["export", "--out", "{root}/p.html", "--since", "2026-13-01"],
        ["export", "--out", "{root}/p.html", "--template", "nope"],
        ["export", "--out", "{root}/" + NON_UTF8 + ".html"],
        ["export", "--out", "{root}/" + "a" * 300 + ".html"],
        fixtures=True,
    )
    return groups


# ---------------------------------------------------------------- environment


def _home_file(ws: Workspace) -> dict[str, str | None]:
    (ws.root / "home-file").write_text("not a folder")
    return {"KIT_HOME": str(ws.root / "home-file")}


def _journal_file(ws: Workspace) -> dict[str, str | None]:
    (ws.root / "journal-file").write_text("not a folder")
    return {"KIT_JOURNAL": str(ws.root / "journal-file")}


def _read_only(which: str) -> Callable[[Workspace], dict[str, str | None]]:
    def setup(ws: Workspace) -> dict[str, str | None]:
        folder = ws.root / f"ro-{which}"
        folder.mkdir()
        folder.chmod(0o500)
        return {f"KIT_{which.upper()}": str(folder)}

    return setup


def _xdg_file(ws: Workspace) -> dict[str, str | None]:
    (ws.root / "xdg-file").write_text("not a folder")
    return {"KIT_HOME": None, "XDG_DATA_HOME": str(ws.root / "xdg-file")}


def _chromium(kind: str) -> Callable[[Workspace], dict[str, str | None]]:
    def setup(ws: Workspace) -> dict[str, str | None]:
        paths = {
            "missing": "/nonexistent/chromium",
            "false": "/bin/false",
            "true": "/bin/true",
            "directory": str(ws.root),
        }
        return {"KIT_CHROMIUM": paths[kind]}

    return setup


def env_groups() -> list[Group]:
    paths = [SEARCH, ["add", "env entry"]]  # `index` behaves as `search` here: search indexes first
    model = [["summarize"], ["explain", "DBT", "--ask", "what is it"]]
    groups: list[Group] = []

    def add(
        label: str, argvs: list[list[str]], env: dict[str, str | None] | None = None, **kw: object
    ) -> None:
        groups.append(Group("env", label, steps(*argvs, **(env or {})), **kw))  # type: ignore[arg-type]

    add("KIT_HOME is a file", [*paths, ["doctor"]], setup=_home_file)
    add("KIT_JOURNAL is a file", [*paths, ["doctor"]], setup=_journal_file)
    add("KIT_JOURNAL missing", [*paths, ["summarize"]], {"KIT_JOURNAL": "{root}/missing/journal"})
    skip = "running as root: permissions do not bite" if IS_ROOT else ""
    add("KIT_HOME not writable (0o500)", [*paths, ["doctor"]], setup=_read_only("home"), skip=skip)
    add("KIT_JOURNAL not writable (0o500)", paths, setup=_read_only("journal"), skip=skip)
    add("KIT_HOME=/proc/kit-home", paths, {"KIT_HOME": "/proc/kit-home"})
    add("KIT_HOME=/proc/self/status/x", paths, {"KIT_HOME": "/proc/self/status/x"})
    add("KIT_HOME=/dev/null", paths, {"KIT_HOME": "/dev/null"})
    add("KIT_HOME path longer than PATH_MAX", paths, {"KIT_HOME": "{root}/" + "h" * 5000})
    add("KIT_HOME not UTF-8", paths, {"KIT_HOME": "{root}/" + NON_UTF8})
    add("KIT_JOURNAL=/proc/self", paths, {"KIT_JOURNAL": "/proc/self"})
    add("KIT_JOURNAL=/dev/null", paths, {"KIT_JOURNAL": "/dev/null"})
    add("KIT_JOURNAL not UTF-8", paths, {"KIT_JOURNAL": "{root}/" + NON_UTF8})
    add("KIT_HOME unset, XDG_DATA_HOME a file", paths, setup=_xdg_file)
    add("KIT_HOME unset, XDG_DATA_HOME empty", paths, {"KIT_HOME": None, "XDG_DATA_HOME": ""})
    add("HOME unset (KIT_HOME set)", paths, {"HOME": None})
    for value in ["maybe", "yes please"]:
        add(f"KIT_ALLOW_REMOTE={value}", [SEARCH, ["doctor"]], {"KIT_ALLOW_REMOTE": value})
    for host in ["not a url", "http://[::1", "http://127.0.0.1:99999", "127.0.0.1:11434"]:
        add(
            f"KIT_OLLAMA_HOST={host} (KIT_MODEL=ollama:x)",
            [["summarize"]],
            {"KIT_OLLAMA_HOST": host, "KIT_MODEL": "ollama:x"},
        )
    add(
        "KIT_OLLAMA_HOST=http://example.com",
        [["summarize"], ["ask", "what"]],
        {"KIT_OLLAMA_HOST": "http://example.com", "KIT_MODEL": "ollama:x"},
    )
    add(
        "KIT_OLLAMA_HOST=http://example.com (fake model)",
        [["summarize"], ["doctor"]],
        {"KIT_OLLAMA_HOST": "http://example.com"},
    )
    servers = [
        "openai:",
        "openai:x",
        "openai:x@http://127.0.0.1:9/v1",  # nothing listens there
        "openai:x@http://example.com/v1",
        "openai:x@http://[::1",
        "gguf:",
        "gguf:/nonexistent.gguf",
        "gguf:/etc/hostname",
        "gguf:/tmp",
    ]
    for value in ["nonsense", "ollama:", "ollama:x", "ollama:x:y:z", "", "embedded", " fake ", *servers]:
        ask = [["ask", "what helped"]] if value in ("ollama:x", "openai:x@http://127.0.0.1:9/v1") else []
        add(f"KIT_MODEL={value!r}", [*model, *ask], {"KIT_MODEL": value})
    for value in ["nonsense", "ollama:", "ollama:x", "embedded (index built with fake)"]:
        add(f"KIT_EMBED={value!r}", [SEARCH, ["index"]], {"KIT_EMBED": value.split(" ")[0]})
    for value in ["-1", "abc", "0", "nan", "inf", "1e309"]:
        add(
            f"KIT_OLLAMA_TIMEOUT={value} (KIT_MODEL=ollama:x)",
            [["summarize"]],
            {"KIT_OLLAMA_TIMEOUT": value, "KIT_MODEL": "ollama:x"},
        )
    for value in ["abc", "-1", "nan"]:
        doctor = [["doctor"]] if value == "abc" else []
        add(f"KIT_BREAK_MINUTES={value}", [["add", "break entry"], *doctor], {"KIT_BREAK_MINUTES": value})
    for kind in ["missing", "false", "true", "directory"]:
        add(f"KIT_CHROMIUM {kind}", [["export", "--out", "{root}/p.pdf"]], setup=_chromium(kind))
    full = [SEARCH, ["templates"], ["explain", "DBT"], ["summarize"], EXPORT]
    groups.append(
        Group("env", "stdout is /dev/full (disk full)", [Step(a, stdout="/dev/full") for a in full])
    )
    add("TMPDIR missing", [["add", "tmp entry"], ["index"], EXPORT], {"TMPDIR": "/nonexistent/tmp"})
    add(
        "LANG=C, LC_ALL=C with non-ASCII",
        [["add", "café ☕ naïve 😀"], ["search", "café ☕"]],
        {"LANG": "C", "LC_ALL": "C"},
    )
    add("PYTHONIOENCODING=ascii", [SEARCH, ["explain", "DBT"], ["add", "x"]], {"PYTHONIOENCODING": "ascii"})
    return groups


# ---------------------------------------------------------------- a damaged index


def _chroma(ws: Workspace) -> Path:
    return ws.home / "index" / "chroma"


def _segment_file(name: str) -> Callable[[Workspace], Path]:
    def find(ws: Workspace) -> Path:
        hits = sorted(_chroma(ws).glob(f"*/{name}"))
        if not hits:
            raise FileNotFoundError(f"no {name} under {_chroma(ws)}")
        return hits[0]

    return find


def _damage(locate: Callable[[Workspace], Path], how: str, seed: int) -> Callable[[Workspace], None]:
    def setup(ws: Workspace) -> None:
        path = locate(ws)
        rng = random.Random(seed)
        if how == "delete":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        elif how == "empty":
            path.write_bytes(b"")
        elif how == "half":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        elif how == "head":  # the first 100 bytes (SQLite's header, HNSW's header)
            data = bytearray(path.read_bytes())
            data[:100] = rng.randbytes(min(100, len(data)))
            path.write_bytes(bytes(data))
        elif how == "middle":  # one 4 KiB page in the middle
            data = bytearray(path.read_bytes())
            start = (len(data) // 2) // 4096 * 4096
            data[start : start + 4096] = rng.randbytes(len(data[start : start + 4096]))
            path.write_bytes(bytes(data))
        elif how == "all":
            path.write_bytes(rng.randbytes(path.stat().st_size))
        elif how == "file":  # the folder replaced by a file
            shutil.rmtree(path)
            path.write_text("not a folder")
        elif how == "dir":  # the file replaced by a folder
            path.unlink()
            path.mkdir()
        else:
            raise ValueError(how)

    return setup


def index_groups(seed: int) -> list[Group]:
    def sqlite(ws: Workspace) -> Path:
        return _chroma(ws) / "chroma.sqlite3"

    damages = [
        ("chroma.sqlite3 emptied", sqlite, "empty"),
        ("chroma.sqlite3 cut in half", sqlite, "half"),
        ("chroma.sqlite3 header garbled", sqlite, "head"),
        ("chroma.sqlite3 middle page garbled", sqlite, "middle"),
        ("header.bin garbled", _segment_file("header.bin"), "all"),
        ("data_level0.bin cut in half", _segment_file("data_level0.bin"), "half"),
        ("data_level0.bin middle garbled", _segment_file("data_level0.bin"), "middle"),
        ("link_lists.bin garbled", _segment_file("link_lists.bin"), "all"),
        ("index_metadata.pickle garbled", _segment_file("index_metadata.pickle"), "all"),
        ("segment folder deleted", lambda ws: _segment_file("header.bin")(ws).parent, "delete"),
        ("chroma folder replaced by a file", _chroma, "file"),
        ("write.lock replaced by a folder", lambda ws: ws.home / "index" / "write.lock", "dir"),
    ]
    return [
        Group("index", label, steps(*INDEX_COMMANDS), base="big", setup=_damage(locate, how, seed + n))
        for n, (label, locate, how) in enumerate(damages)
    ]


# ---------------------------------------------------------------- running


class Runner:
    def __init__(self, tmp: Path, timeout: float, max_error_lines: int) -> None:
        self.tmp = tmp
        self.timeout = timeout
        self.max_error_lines = max_error_lines
        self._counter = 0
        self._lock = threading.Lock()
        self._live: set[subprocess.Popen] = set()
        self.stopping = threading.Event()

    def stop(self) -> None:
        """Stop the cases running now (each in its own process group) and start no more."""
        self.stopping.set()
        with self._lock:
            live = list(self._live)
        for proc in live:
            _kill_group(proc)

    def workspace(self, base: str) -> Workspace:
        with self._lock:
            self._counter += 1
            root = self.tmp / f"ws{self._counter:04d}"
        root.mkdir()
        ws = Workspace(root, root / "home", root / "journal")
        if base == "none":
            ws.home.mkdir()
            ws.journal.mkdir()
        else:
            shutil.copytree(self.tmp / base / "home", ws.home, symlinks=True)
            shutil.copytree(self.tmp / base / "journal", ws.journal, symlinks=True)
        for sub in ("user", "cwd", "tmp", "xdg-data", "xdg-cache", "xdg-config"):
            (root / sub).mkdir()
        return ws

    def env(self, ws: Workspace, extra: dict[str, str | None]) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "OLLAMA_"))}
        env.update(
            KIT_HOME=str(ws.home),
            KIT_JOURNAL=str(ws.journal),
            KIT_EMBED="fake",
            KIT_MODEL="fake",
            HOME=str(ws.root / "user"),
            XDG_DATA_HOME=str(ws.root / "xdg-data"),
            XDG_CACHE_HOME=str(ws.root / "xdg-cache"),
            XDG_CONFIG_HOME=str(ws.root / "xdg-config"),
            TMPDIR=str(ws.root / "tmp"),
            PYTHONPATH=str(REPO),
            PYTHONDONTWRITEBYTECODE="1",
            COLUMNS="100",
        )
        for key, value in extra.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = fill(value, ws)
        return env

    def run(self, category: str, label: str, ws: Workspace, step: Step, env: dict[str, str]) -> Result:
        argv = [fill(a, ws) for a in step.argv]
        cmd = [sys.executable, "-m", "kit.cli", *argv]
        stdout = open(step.stdout, "wb") if step.stdout else subprocess.PIPE
        started = time.monotonic()
        try:
            # Its own session, so a timeout stops the command and anything it started (a kernel, Chromium).
            proc = subprocess.Popen(
                cmd,
                cwd=ws.root / "cwd",
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            with self._lock:
                self._live.add(proc)
            if self.stopping.is_set():
                _kill_group(proc)
            try:
                _, raw_err = proc.communicate(timeout=self.timeout)
                code: int | None = proc.returncode
            except subprocess.TimeoutExpired:
                _kill_group(proc)
                _, raw_err = proc.communicate()
                code = None
            finally:
                with self._lock:
                    self._live.discard(proc)
            err = raw_err.decode("utf-8", "backslashreplace")
        finally:
            if step.stdout:
                stdout.close()
        seconds = time.monotonic() - started
        return Result(category, label, step.argv, code, err, seconds, self.flags(code, err))

    def flags(self, code: int | None, err: str) -> list[str]:
        flags = []
        if code is None:
            flags.append("timeout")
        elif code < 0:
            flags.append(f"signal {-code}")
        elif code not in (0, 1, 130):
            flags.append("bad exit")
        if "unexpected error" in err:
            flags.append("unexpected")
        if "Traceback (most recent call last)" in err:
            flags.append("traceback")
        if code not in (0, None) and len(lines(err)) > self.max_error_lines:
            flags.append(f"stderr {len(lines(err))} lines")
        return flags

    def group(self, g: Group) -> list[Result]:
        ws = self.workspace(g.base)
        extra: dict[str, str | None] = {}
        if g.setup:
            extra.update(g.setup(ws) or {})
        results = []
        for step in g.steps:
            if self.stopping.is_set():
                break
            result = self.run(g.category, g.label, ws, step, self.env(ws, {**extra, **step.env}))
            if not self.stopping.is_set():  # a case stopped by the bench itself is no result
                results.append(result)
        return results


def collect(future: Future, i: int, groups: list[Group]) -> tuple[int, list[Result]]:
    try:
        return i, future.result()
    except Exception as exc:  # a setup that could not build its input is a bench bug: say so
        g = groups[i]
        err = f"bench setup failed: {type(exc).__name__}: {exc}"
        return i, [Result(g.category, g.label, [], None, err, 0.0, ["setup"])]


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Interrupted(Exception):
    """SIGINT or SIGTERM: stop the running cases, clean up, and print what finished."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: object) -> None:
    signal.signal(signum, signal.SIG_DFL)  # a second signal stops the bench at once
    raise Interrupted(signum)


def remove_tree(tmp: Path) -> None:
    def writable(_func: object, path: str, _exc: object) -> None:  # undo a chmod, then try once more
        try:
            os.chmod(os.path.dirname(path), 0o700)
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.unlink(path)
        except OSError:
            pass

    shutil.rmtree(tmp, onerror=writable)
    if tmp.exists():
        print(f"note: could not remove all of {tmp}", file=sys.stderr)


def fill(text: str, ws: Workspace) -> str:
    return text.replace("{root}", str(ws.root)).replace("{journal}", str(ws.journal))


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def last_line(text: str) -> str:
    found = lines(text)
    line = found[-1].split("\r")[-1].strip() if found else ""
    return line if len(line) <= 300 else line[:297] + "..."


def show(argv: list[str]) -> str:
    out = []
    for arg in argv:
        if len(arg) > 60:
            arg = f"{arg[:12]}…({len(arg):,} chars)"
        simple = arg and arg.isprintable() and " " not in arg and all(ord(c) < 0xD800 for c in arg)
        out.append(arg if simple else repr(arg))
    return " ".join(out) if out else "(no arguments)"


def build_bases(tmp: Path, runner: Runner) -> None:
    """The good journal (four entries through `reflect add`, indexed) and the big one (1,100 entries, indexed)."""
    good = [
        (["add", "Walked by the river after work and felt calm", "--mood", "6"]),
        (["add", "Slept badly, worried about the deadline at work", "--mood", "3"]),
        (
            [
                "add",
                "Called an old friend and we laughed about school",
                "--mood",
                "8",
                "--notebook",
                "2026-01-05-journal.ipynb",
            ]
        ),
        (["add", "Some words about a quiet evening with a book", "--mood", "5"]),
        (["index"]),
    ]
    cells = [
        {
            "cell_type": "markdown",
            "id": f"b{i:05d}",
            "metadata": {"tags": ["kit-entry"], "kit": {"created": "2026-01-01T10:00:00"}},
            "source": [f"Entry {i} about walking, work and sleep, some words number {i % 37}"],
        }
        for i in range(1100)
    ]

    def build(name: str, argvs: list[list[str]], files: dict[str, bytes]) -> None:
        ws = Workspace(tmp / name, tmp / name / "home", tmp / name / "journal")
        for folder in (
            ws.home,
            ws.journal,
            *(ws.root / s for s in ("user", "cwd", "tmp", "xdg-data", "xdg-cache", "xdg-config")),
        ):
            folder.mkdir(parents=True)
        for fname, data in files.items():
            (ws.journal / fname).write_bytes(data)
        for argv in argvs:
            res = runner.run("setup", name, ws, Step(argv), runner.env(ws, {}))
            if res.returncode != 0:
                sys.exit(
                    f"setup failed: reflect {show(argv)} exited {res.returncode}: {last_line(res.stderr)}"
                )

    with ThreadPoolExecutor(2) as pool:
        futures = [
            pool.submit(build, "good", good, {}),
            pool.submit(build, "big", [["index"]], {"big.ipynb": dumps(notebook(cells))}),
        ]
        for f in futures:
            f.result()
    seg = sorted((tmp / "big" / "home" / "index" / "chroma").glob("*/header.bin"))
    if not seg:
        sys.exit(
            "setup: the 1,100-entry index has no HNSW segment folder (header.bin); the index cases need one"
        )


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


FLAG_COLUMNS = ["unexpected", "traceback", "signal", "bad exit", "timeout", "stderr"]


def summary(results: list[Result], skipped: list[Group]) -> str:
    cats = sorted({r.category for r in results}, key=["notebook", "args", "env", "index"].index)
    head = (
        f"{'category':<10}{'cases':>7}{'pass':>7}"
        + "".join(f"{c:>12}" for c in FLAG_COLUMNS)
        + f"{'failing':>9}"
    )
    rows = [head, "-" * len(head)]
    for cat in [*cats, "total"]:
        rs = [r for r in results if cat in ("total", r.category)]
        counts = [sum(any(f.startswith(c) for f in r.flags) for r in rs) for c in FLAG_COLUMNS]
        failing = sum(bool(r.flags) for r in rs)
        rows.append(
            f"{cat:<10}{len(rs):>7}{len(rs) - failing:>7}"
            + "".join(f"{n:>12}" for n in counts)
            + f"{failing:>9}"
        )
    for g in skipped:
        rows.append(f"skipped: [{g.category}] {g.label} ({len(g.steps)} cases) — {g.skip}")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="cases run in parallel (default 2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case (default 60)")
    parser.add_argument(
        "--max-error-lines",
        type=int,
        default=5,
        help="most stderr lines a failing command may print (default 5)",
    )
    parser.add_argument(
        "--only", nargs="+", choices=["notebook", "args", "env", "index"], help="categories to run"
    )
    parser.add_argument("--seed", type=int, default=20261202, help="seed for the garbage bytes")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--json", metavar="FILE", help="also write every result as JSON")
    args = parser.parse_args()
    sys.setrecursionlimit(10_000)  # the bench itself writes a notebook nested 900 deep

    groups = notebook_groups(args.seed) + args_groups() + env_groups() + index_groups(args.seed)
    groups = [g for g in groups if not args.only or g.category in args.only]
    skipped = [g for g in groups if g.skip]
    groups = [g for g in groups if not g.skip]
    before = tree_digest(REPO / "kit")
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="bad-input-bench-"))
    results: list[tuple[int, list[Result]]] = []
    runner = Runner(tmp, args.timeout, args.max_error_lines)
    pool = ThreadPoolExecutor(args.workers)
    interrupted = 0
    futures: dict = {}
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        build_bases(tmp, runner)
        print(
            f"{sum(len(g.steps) for g in groups)} cases in {len(groups)} groups, {args.workers} workers "
            f"(setup {time.monotonic() - started:.0f} s)",
            flush=True,
        )
        order = sorted(range(len(groups)), key=lambda i: -groups[i].cost())
        futures = {pool.submit(runner.group, groups[i]): i for i in order}
        for done, future in enumerate(as_completed(futures), 1):
            results.append(collect(future, futures[future], groups))
            if done % 10 == 0:
                print(f"  {done}/{len(groups)} groups, {time.monotonic() - started:.0f} s", flush=True)
    except Interrupted as exc:
        interrupted = 128 + exc.signum
        print(f"\ninterrupted by signal {exc.signum}: stopping the running cases", flush=True)
        runner.stop()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if interrupted:  # the groups that finished, or stopped part-way, after the last one collected
            seen = {i for i, _ in results}
            results += [
                collect(f, i, groups) for f, i in futures.items() if i not in seen and not f.cancelled()
            ]
        if args.keep:
            print(f"kept {tmp}")
        else:
            remove_tree(tmp)
    flat = [r for _, rs in sorted(results, key=lambda x: x[0]) for r in rs]
    elapsed = time.monotonic() - started

    print()
    if interrupted:
        print(f"INTERRUPTED: {len(flat)} cases finished before the signal; the rest did not run")
    print(summary(flat, skipped))
    failing = [r for r in flat if r.flags]
    if failing:
        print(f"\nfailing cases ({len(failing)}):")
        for r in failing:
            code = "timeout" if r.returncode is None else r.returncode
            print(
                f"[{r.category}] {r.label} :: reflect {show(r.argv)} -> exit {code} [{', '.join(r.flags)}] "
                f"{last_line(r.stderr)}"
            )
    slowest = sorted(flat, key=lambda r: -r.seconds)[:5]
    print(
        f"\n{len(flat)} cases in {elapsed:.0f} s; slowest: "
        + "; ".join(f"{r.seconds:.1f} s {r.category}/{show(r.argv)[:40]}" for r in slowest)
    )
    after = tree_digest(REPO / "kit")
    if after != before:
        print(f"WARNING: kit/ changed during the run ({before} -> {after}); results may mix versions — rerun")
    if args.json:
        Path(args.json).write_text(
            json.dumps([r.__dict__ for r in flat], indent=1, ensure_ascii=True, default=str)
        )
    return interrupted or (1 if failing else 0)


if __name__ == "__main__":
    sys.exit(main())
