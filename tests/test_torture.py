"""Hostile input, kept as regression tests: one bad notebook never stops the journal.

Each bad notebook lies beside a good one. Whatever is wrong with it, `reflect index`, `search`, `summarize` and
`export` go on for the good one, exit 0, and name the bad one with why; nothing reaches the person as an
"unexpected error".
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.cli import main
from kit.index.search import search
from kit.index.store import Index
from kit.journal.entries import ENTRY_TAG
from kit.journal.notebooks import append_entry, scan_journal
from kit.testing import FakeEmbeddings

pytestmark = pytest.mark.torture

GOOD = "Walked along the canal at dusk and the herons were out."


def _entry_cell(source: object, **kit: object) -> dict[str, object]:
    return {
        "cell_type": "markdown",
        "id": "c1",
        "metadata": {"tags": [ENTRY_TAG], "kit": {"created": "2026-03-02T09:00:00", **kit}},
        "source": source,
    }


def _notebook(*cells: dict[str, object]) -> str:
    return json.dumps({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _deep(depth: int) -> str:
    return '{"cells": ' + "[" * depth + "]" * depth + ', "nbformat": 4, "metadata": {}}'


# Each kind alone used to stop `index`, `search`, `summarize` and `export` for the whole journal.
BAD: dict[str, bytes] = {
    "dated-year-one": _notebook(_entry_cell("An old day.", created="0001-01-01")).encode(),
    "nested-too-deep": _deep(100_000).encode(),
    "lone-surrogate": _notebook(_entry_cell("half a character: \\ud800 here"))
    .encode()
    .replace(b"\\\\ud800", b"\\ud800"),
    "outputs-not-a-list": _notebook(
        {"cell_type": "code", "id": "c2", "metadata": {}, "source": "", "outputs": 7, "execution_count": None}
    ).encode(),
    "source-holds-a-number": _notebook(_entry_cell(["text ", 42])).encode(),
    "mood-of-5000-digits": _notebook(_entry_cell("A day."))
    .encode()
    .replace(b'"created"', b'"mood": ' + b"9" * 5000 + b', "created"'),
}


def _good(journal: Path) -> None:
    append_entry(journal / "good.ipynb", GOOD, mood=6)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", sorted(BAD))
def test_one_bad_notebook_is_named_and_the_rest_of_the_journal_goes_on(kind, journal, capsys, tmp_path):
    _good(journal)
    (journal / f"{kind}.ipynb").write_bytes(BAD[kind])

    code, out, err = _run(capsys, "index")
    assert code == 0, err
    assert "unexpected error" not in err
    if kind in ("dated-year-one", "mood-of-5000-digits"):
        # Values out of range are ignored with a warning; the notebook itself is readable.
        assert "unreadable" not in out
    else:
        assert f"unreadable: {kind}.ipynb (" in out

    code, out, err = _run(capsys, "search", "herons by the canal", "--json")
    assert code == 0 and "unexpected error" not in err
    assert any(hit["text"] == GOOD for hit in json.loads(out))

    code, out, err = _run(capsys, "summarize")
    assert code == 0 and "unexpected error" not in err

    code, out, err = _run(capsys, "export", "--out", str(tmp_path / "packet.html"))
    assert code == 0, err
    packet = (tmp_path / "packet.html").read_text(encoding="utf-8")
    assert "herons" in packet
    if f"{kind}.ipynb (" in packet:
        assert "could not read" in packet


def test_a_file_name_that_is_not_utf8_is_named_and_skipped(journal, capsys):
    _good(journal)
    name = os.fsencode(str(journal)) + b"/caf\xe9.ipynb"
    with open(name, "wb") as f:
        f.write(_notebook(_entry_cell("Named in Latin-1.")).encode())
    code, out, err = _run(capsys, "index")
    assert code == 0 and "unexpected error" not in err
    assert "unreadable: caf\\xe9.ipynb (text or a file name that is not valid Unicode)" in out
    code, out, _ = _run(capsys, "search", "herons", "--json")
    assert [hit["text"] for hit in json.loads(out)] == [GOOD]


def test_out_of_range_values_are_ignored_with_a_warning_naming_notebook_and_cell(journal, caplog):
    _good(journal)
    (journal / "odd.ipynb").write_text(
        _notebook(
            _entry_cell("Dated in the far future.", created="2999-01-01", mood=-3),
        ),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="kit"):
        scan = scan_journal(journal)
    odd = next(e for e in scan.entries if e.notebook == "odd.ipynb")
    assert odd.created.year < 2999 and odd.mood is None
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "created='2999-01-01' (odd.ipynb, cell c1) is out of range" in warned
    assert "mood=-3 (odd.ipynb, cell c1) is outside 0–10" in warned


# ---------------------------------------------------------------- generated hostile notebooks

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_cell = st.fixed_dictionaries(
    {},
    optional={
        "cell_type": st.sampled_from(["markdown", "raw", "code"]) | _json,
        "id": st.text(max_size=10) | _json,
        "source": st.text(max_size=30) | st.lists(st.text(max_size=10) | _json, max_size=3) | _json,
        "metadata": st.fixed_dictionaries(
            {},
            optional={
                "tags": st.just([ENTRY_TAG]) | _json,
                "kit": st.fixed_dictionaries(
                    {},
                    optional={
                        "created": st.text(max_size=25) | _json,
                        "mood": _json,
                        "private": _json,
                        "template": _json,
                        "id": _json,
                    },
                )
                | _json,
            },
        )
        | _json,
        "outputs": st.lists(
            st.fixed_dictionaries(
                {"metadata": st.fixed_dictionaries({"kit": _json | st.just({"kind": "entry"})})}
            )
            | _json,
            max_size=2,
        )
        | _json,
    },
)
_hostile = st.one_of(
    st.builds(
        lambda cells: {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
        st.lists(_cell, max_size=4),
    ),
    _json,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile=_hostile)
def test_generated_hostile_notebooks_never_hide_the_good_ones(hostile, journal):
    for stale in journal.glob("*.ipynb"):
        stale.unlink()
    _good(journal)
    (journal / "hostile.ipynb").write_text(json.dumps(hostile), encoding="utf-8")
    scan = scan_journal(journal)
    assert any(e.text == GOOD for e in scan.entries)
    embedder = FakeEmbeddings()
    index = Index(journal=journal, embedder=embedder)
    index.update(progress=False)
    hits = search("herons by the canal", k=3, index=index)
    assert any(hit.text == GOOD for hit in hits)


def test_a_good_notebook_written_by_nbformat_still_reads(journal):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell(GOOD)
    cell.metadata["tags"] = [ENTRY_TAG]
    nb.cells.append(cell)
    nbformat.write(nb, journal / "plain.ipynb")
    assert [e.text for e in scan_journal(journal).entries] == [GOOD]


# ---------------------------------------------------------------- configuration and paths


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["search", "x", "--since", "0001-01-01"], ["0001-01-01 is out of range", "from 1900"]),
        (["add", "hello", "--notebook", "notes.txt"], ["--notebook notes.txt", "ending in .ipynb"]),
        (["summarize", "--save", "../escape.ipynb"], ["outside the journal"]),
        (["searc"], ["invalid choice", "reflect --help"]),
        (["search", "caf\udce9"], ["not UTF-8"]),
    ],
)
def test_bad_arguments_are_one_line_naming_the_fix(argv, fragments, journal, capsys):
    from conftest import assert_one_line_error

    _good(journal)
    code, _, err = _run(capsys, *argv)
    assert_one_line_error(code, err, *fragments)
    assert not (journal.parent / "escape.ipynb").exists() and not (journal / "notes.txt").exists()


def test_kit_home_or_journal_that_is_a_file_is_one_line(journal, capsys, monkeypatch, tmp_path):
    from conftest import assert_one_line_error

    _good(journal)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("KIT_HOME", str(blocker))
    code, _, err = _run(capsys, "index")
    assert_one_line_error(code, err, "point KIT_HOME at a folder you can write")
    monkeypatch.setenv("KIT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KIT_JOURNAL", str(blocker))
    code, _, err = _run(capsys, "index")
    assert_one_line_error(code, err, "is a file, not a folder")


def test_an_older_format_notebook_is_never_rewritten_silently(journal, capsys):
    from conftest import assert_one_line_error

    old = nbformat.v4.new_notebook()
    v3 = nbformat.convert(old, 3)
    (journal / "old.ipynb").write_text(json.dumps(v3), encoding="utf-8")
    before = (journal / "old.ipynb").read_bytes()
    code, _, err = _run(capsys, "add", "A new entry.", "--notebook", "old.ipynb")
    assert_one_line_error(code, err, "nbformat 3", "save it once")
    assert (journal / "old.ipynb").read_bytes() == before


# ---------------------------------------------------------------- resumable indexing

_DIES = """
import os, signal, sys
from kit.index.store import Index
from kit.testing import FakeEmbeddings

class Dies(FakeEmbeddings):
    def embed_documents(self, texts):
        if self.texts_embedded >= int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return super().embed_documents(texts)

Index(embedder=Dies()).update(progress=False)
"""


def test_a_crash_during_indexing_keeps_the_finished_chunks(journal, tmp_path):
    import subprocess
    import sys

    from bench_journal import write_entries

    import kit.index.store

    n = 600
    write_entries(journal, n)
    died = subprocess.run([sys.executable, "-c", _DIES, str(int(n * 0.8))], env=os.environ.copy())
    assert died.returncode == -9  # killed, no clean-up
    chunk = kit.index.store.EMBED_CHUNK
    done = (int(n * 0.8) + chunk - 1) // chunk * chunk  # the chunks handed over before the kill
    embedder = FakeEmbeddings()
    report = Index(journal=journal, embedder=embedder).update(progress=False)
    assert report.embedded == n - done and embedder.texts_embedded == n - done
    assert Index(journal=journal, embedder=embedder).count() == n


# ---------------------------------------------------------------- another writer, racing the kit

_WRITER = """
import json, os, sys, time
path, stop = sys.argv[1], sys.argv[2]
k = 0
while not os.path.exists(stop):
    try:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
    except (FileNotFoundError, ValueError):
        continue  # the kit's file is in the middle of being swapped: read again
    k += 1
    nb["cells"].append({"cell_type": "markdown", "id": f"w{k}", "metadata": {}, "source": f"writer-{k}"})
    tmp = f"{path}.writer.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(nb, f)
    os.replace(tmp, path)  # atomic, and blind to the kit's lock
    time.sleep(0.02)
print(k)
"""


def test_another_writers_cells_are_never_replaced_by_the_kit(journal, tmp_path, monkeypatch):
    """A program that replaces the notebook atomically, ignoring the kit's lock, races the kit's writes; none of
    its cells may be lost to the kit (the kit may lose, and then says so with NotebookChanged). A slow disk
    (fsync taking 5 ms) widens the instant between the kit's last look and its write."""
    import subprocess
    import sys
    import time

    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (time.sleep(0.005), real_fsync(fd))[1])

    from kit.errors import NotebookChanged

    path = journal / "shared.ipynb"
    append_entry(path, "The first entry.")
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(stop)], stdout=subprocess.PIPE, text=True
    )
    written = refused = 0
    try:
        for i in range(150):
            try:
                append_entry(path, f"Kit entry {i}.")
                written += 1
            except NotebookChanged:
                refused += 1
    finally:
        stop.touch()
        writes = int(writer.communicate(timeout=60)[0])
    cells = {c.get("id"): c for c in json.loads(path.read_text(encoding="utf-8"))["cells"]}
    lost = [k for k in range(1, writes + 1) if f"w{k}" not in cells]
    assert writes > 20 and written > 0, (writes, written, refused)
    print(
        f"race: {writes} writes by the other program, {written} by the kit, {refused} refused, {len(lost)} lost"
    )
    assert lost == [], f"{len(lost)} of the other writer's {writes} writes lost ({written} kit writes)"


# ---------------------------------------------------------------- Ctrl-C


def test_ctrl_c_while_printing_the_pdf_is_exit_130_and_leaves_no_file_or_process(journal, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    _good(journal)
    pidfile = tmp_path / "printer.pid"
    printer = tmp_path / "chromium"
    printer.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 60\n")
    printer.chmod(0o755)
    out = tmp_path / "packet.pdf"
    env = {**os.environ, "KIT_EMBED": "fake", "KIT_MODEL": "fake", "KIT_CHROMIUM": str(printer)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit.cli", "export", "--out", str(out)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not pidfile.exists() or not pidfile.read_text().strip():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == [
        "reflect: interrupted — nothing was lost; run the command again to finish"
    ]
    assert not out.exists() and not list(tmp_path.glob(".packet.pdf.*"))
    printer_pid = int(pidfile.read_text())
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(printer_pid, 0)  # the printer was stopped with the command, not left behind


# ---------------------------------------------------------------- a damaged store


def _garble(path: Path, every: int = 50) -> None:
    import random

    rng = random.Random(7)
    data = bytearray(path.read_bytes())
    for _ in range(max(1, len(data) // every)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))


DAMAGE = {
    "truncated vectors": lambda seg: os.truncate(
        seg / "data_level0.bin", (seg / "data_level0.bin").stat().st_size // 2
    ),
    "garbled neighbour lists": lambda seg: _garble(seg / "link_lists.bin", every=20),
    "truncated neighbour lists": lambda seg: os.truncate(seg / "link_lists.bin", 100),
    "garbled header": lambda seg: _garble(seg / "header.bin", every=10),
    "garbled level-0 links": lambda seg: _garble(seg / "data_level0.bin", every=200),
    "empty id map": lambda seg: (seg / "index_metadata.pickle").write_bytes(b""),
}


@pytest.fixture(scope="module")
def persisted_store(tmp_path_factory):
    """A journal of 1,200 entries indexed with the fake embedder: Chroma has written its vector files."""
    from bench_journal import write_entries

    root = tmp_path_factory.mktemp("persisted")
    journal, home = root / "journal", root / "home"
    journal.mkdir()
    write_entries(journal, 1200)
    Index(journal=journal, embedder=FakeEmbeddings(), home=home).update(progress=False)
    segments = [d for d in (home / "index" / "chroma").iterdir() if d.is_dir()]
    assert len(segments) == 1 and (segments[0] / "header.bin").exists()
    return journal, home


@pytest.fixture
def store_copy(persisted_store, tmp_path, monkeypatch):
    """A copy of the persisted store, as KIT_HOME, with its journal as KIT_JOURNAL: each test may damage it."""
    import shutil

    journal, clean = persisted_store
    home = tmp_path / "home"
    shutil.copytree(clean, home)
    monkeypatch.setenv("KIT_HOME", str(home))
    monkeypatch.setenv("KIT_JOURNAL", str(journal))
    return home


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_vector_files_are_named_with_the_fix_and_rebuild_mends_them(damage, store_copy, capsys):
    from conftest import assert_one_line_error

    home = store_copy
    (segment,) = [d for d in (home / "index" / "chroma").iterdir() if d.is_dir()]
    DAMAGE[damage](segment)
    for argv in (["search", "errand 12"], ["index"]):
        code, _, err = _run(capsys, *argv)
        assert_one_line_error(code, err, "damaged", "reflect index --rebuild")
    code, out, err = _run(capsys, "index", "--rebuild")
    assert code == 0, err
    code, out, err = _run(capsys, "search", "errand 12", "--json")
    assert code == 0 and json.loads(out), err
    assert len([d for d in (home / "index" / "chroma").iterdir() if d.is_dir()]) == 1


def test_rebuilding_twice_leaves_one_vector_folder(store_copy, capsys):
    home = store_copy
    for _ in range(2):
        code, _, err = _run(capsys, "index", "--rebuild")
        assert code == 0, err
    assert len([d for d in (home / "index" / "chroma").iterdir() if d.is_dir()]) == 1


def test_a_damaged_database_page_is_named_with_the_fix(store_copy, capsys):
    from conftest import assert_one_line_error

    home = store_copy
    db = home / "index" / "chroma" / "chroma.sqlite3"
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 7):  # garble the start of every seventh page
        data[offset : offset + 64] = bytes(range(64))
    db.write_bytes(bytes(data))
    code, _, err = _run(capsys, "search", "errand 12")
    assert_one_line_error(code, err, "reflect index --rebuild")
    code, _, err = _run(capsys, "index", "--rebuild")
    assert code == 0, err
