"""Writes are valid, atomic, leave the person's own cells alone and never clobber a newer file."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import nbformat
import pytest

from kit.errors import EntryNotFound, NotebookChanged, NotebookInvalid
from kit.journal import notebooks
from kit.journal.entries import ENTRY_TAG
from kit.journal.notebooks import append_entry, load, read_entries, save, update_entry

PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n"


def _assert_valid(path: Path) -> None:
    nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))


def _scratch_notebook(path: Path, with_entry: bool = True) -> None:
    """A notebook as JupyterLab would save it: the person's markdown and code with outputs, and one entry."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.12.3"}
    nb.cells.append(
        nbformat.v4.new_markdown_cell("# Week 12\n\nSome *notes* of mine.\n\n- a\n- b", id="md-top")
    )
    code = nbformat.v4.new_code_cell(
        "import math\nprint('hello')\nmath.pi", id="code-1", execution_count=3, metadata={"scrolled": True}
    )
    code.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="hello\nworld\n"),
        nbformat.v4.new_output(
            "execute_result",
            data={"text/plain": "3.141592653589793", "text/html": "<b>3.14</b>\n<i>pi</i>"},
            execution_count=3,
        ),
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": PNG_B64, "text/plain": "<Figure size 640x480 with 1 Axes>"},
            metadata={"image/png": {"width": 640, "height": 480}},
        ),
        nbformat.v4.new_output(
            "display_data", data={"application/json": {"a": [1, 2, {"b": None}]}, "text/plain": "{'a': ...}"}
        ),
    ]
    nb.cells.append(code)
    err = nbformat.v4.new_code_cell("1/0", id="code-err", execution_count=4)
    err.outputs = [
        nbformat.v4.new_output(
            "error",
            ename="ZeroDivisionError",
            evalue="division by zero",
            traceback=["\x1b[0;31mTraceback\x1b[0m"],
        )
    ]
    nb.cells.append(err)
    if with_entry:
        nb.cells.append(
            nbformat.v4.new_markdown_cell(
                "Wrote this in the worksheet.",
                id="entry-1",
                metadata={"tags": [ENTRY_TAG], "kit": {"id": "e1", "template": "weekly", "field": "notes"}},
            )
        )
    nb.cells.append(
        nbformat.v4.new_raw_cell("raw cell\nkept as is", id="raw-end", metadata={"tags": ["keep"]})
    )
    nb.cells.append(nbformat.v4.new_code_cell("", id="empty-code"))
    nbformat.write(nb, str(path))


def _untagged_cells(path: Path) -> dict[str, str]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        cell["id"]: json.dumps(cell, sort_keys=False)
        for cell in raw["cells"]
        if ENTRY_TAG not in cell.get("metadata", {}).get("tags", [])
    }


def _cell_blocks(path: Path) -> dict[str, list[str]]:
    """The raw lines of each cell as they are in the file, keyed by cell id (closing comma ignored)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line == "  {":
            current = [line]
        elif current is not None and line in ("  }", "  },"):
            current.append("  }")
            ids = [json.loads(x.split(":", 1)[1].rstrip(",")) for x in current if x.startswith('   "id": ')]
            blocks[ids[0]] = current
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def _untagged_blocks(path: Path) -> dict[str, list[str]]:
    untagged = _untagged_cells(path)
    return {cid: block for cid, block in _cell_blocks(path).items() if cid in untagged}


# ---------------------------------------------------------------- validity


def test_every_write_validates(journal):
    path = journal / "a.ipynb"
    first = append_entry(path, "first")
    _assert_valid(path)
    append_entry(path, "second", mood=4, private=True, template="t", field="f")
    _assert_valid(path)
    update_entry(path, first.id, text="first, edited", mood=9)
    _assert_valid(path)
    update_entry(path, first.id, mood=None, private=True)
    _assert_valid(path)
    scratch = journal / "scratch.ipynb"
    _scratch_notebook(scratch)
    append_entry(scratch, "into the person's notebook")
    _assert_valid(scratch)
    update_entry(scratch, "e1", text="changed")
    _assert_valid(scratch)


def test_new_notebook_is_current_format(journal):
    path = journal / "new.ipynb"
    append_entry(path, "hello")
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert (nb.nbformat, nb.nbformat_minor) == (4, nbformat.v4.nbformat_minor)
    assert nb.cells[0].cell_type == "markdown"
    assert nb.cells[0].metadata["tags"] == [ENTRY_TAG]
    assert nb.cells[0].id


# ---------------------------------------------------------------- never clobber


def test_save_refuses_when_file_changed_after_load(journal):
    path = journal / "a.ipynb"
    append_entry(path, "mine")
    nb, snap = load(path)
    nb.cells.append(nbformat.v4.new_markdown_cell("kit's change"))
    # Someone else (JupyterLab) saves meanwhile.
    other = json.loads(path.read_text(encoding="utf-8"))
    other["cells"][0]["source"] = "typed in JupyterLab"
    theirs = (json.dumps(other, indent=1) + "\n").encode()
    path.write_bytes(theirs)
    with pytest.raises(NotebookChanged, match="changed on disk"):
        save(path, nb, snap)
    assert path.read_bytes() == theirs


def test_save_refuses_same_size_change_with_restored_mtime(journal):
    path = journal / "a.ipynb"
    append_entry(path, "abc")
    nb, snap = load(path)
    before = path.stat()
    data = path.read_bytes().replace(b'"abc"', b'"xyz"')
    path.write_bytes(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    with pytest.raises(NotebookChanged):
        save(path, nb, snap)
    assert path.read_bytes() == data


def test_save_refuses_when_file_deleted_after_load(journal):
    path = journal / "a.ipynb"
    append_entry(path, "mine")
    nb, snap = load(path)
    path.unlink()
    with pytest.raises(NotebookChanged, match="deleted"):
        save(path, nb, snap)
    assert not path.exists()


def test_save_refuses_to_create_when_file_appeared(journal):
    path = journal / "new.ipynb"
    nb = notebooks.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("kit"))
    theirs = b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'
    path.write_bytes(theirs)
    with pytest.raises(NotebookChanged, match="created"):
        save(path, nb, None)
    assert path.read_bytes() == theirs


def _race_on_load(monkeypatch, path: Path, theirs: bytes) -> None:
    """Make the next kit load be followed by another program writing the file (a save from JupyterLab)."""
    real_load = notebooks.load

    def load_then_someone_writes(p):
        result = real_load(p)
        Path(p).write_bytes(theirs)
        monkeypatch.setattr(notebooks, "load", real_load)
        return result

    monkeypatch.setattr(notebooks, "load", load_then_someone_writes)


def _their_version(path: Path) -> bytes:
    other = json.loads(path.read_text(encoding="utf-8"))
    other["cells"].append(
        {"cell_type": "markdown", "id": "theirs", "metadata": {}, "source": "typed meanwhile"}
    )
    return (json.dumps(other, indent=1) + "\n").encode()


def test_update_entry_refuses_after_external_write(journal, monkeypatch):
    path = journal / "a.ipynb"
    entry = append_entry(path, "first")
    update_entry(path, entry.id, text="second")  # a clean update works
    theirs = _their_version(path)
    _race_on_load(monkeypatch, path, theirs)
    with pytest.raises(NotebookChanged):
        update_entry(path, entry.id, text="third")
    assert path.read_bytes() == theirs
    assert [e.text for e in read_entries(path)] == ["second"]


def test_append_entry_refuses_after_external_write(journal, monkeypatch):
    path = journal / "a.ipynb"
    append_entry(path, "first")
    theirs = _their_version(path)
    _race_on_load(monkeypatch, path, theirs)
    with pytest.raises(NotebookChanged):
        append_entry(path, "lost?")
    assert path.read_bytes() == theirs
    # After the refusal, trying again works on top of their version.
    append_entry(path, "again")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert ["".join(c["source"]) for c in raw["cells"]][-2:] == ["typed meanwhile", "again"]


def test_update_of_unknown_entry_raises_and_writes_nothing(journal):
    path = journal / "a.ipynb"
    append_entry(path, "first")
    before = path.read_bytes()
    with pytest.raises(EntryNotFound):
        update_entry(path, "no-such-id", text="x")
    assert path.read_bytes() == before


# ---------------------------------------------------------------- the person's cells are untouched


def test_untagged_cells_are_byte_identical_after_append(journal):
    path = journal / "scratch.ipynb"
    _scratch_notebook(path)
    cells_before = _untagged_cells(path)
    blocks_before = _untagged_blocks(path)
    assert len(cells_before) == 5 and set(blocks_before) == set(cells_before)
    metadata_before = json.loads(path.read_text(encoding="utf-8"))["metadata"]

    append_entry(path, "appended by the kit")

    assert _untagged_cells(path) == cells_before
    assert _untagged_blocks(path) == blocks_before
    assert json.loads(path.read_text(encoding="utf-8"))["metadata"] == metadata_before


def test_untagged_cells_are_byte_identical_after_update(journal):
    path = journal / "scratch.ipynb"
    _scratch_notebook(path)
    cells_before = _untagged_cells(path)
    blocks_before = _untagged_blocks(path)
    lines_before = path.read_text(encoding="utf-8").split("\n")

    update_entry(path, "e1", text="Rewrote the worksheet answer.\nTwo lines now.", mood=3)

    assert _untagged_cells(path) == cells_before
    assert _untagged_blocks(path) == blocks_before
    # Everything before the entry cell, and everything after it, is the same text as before.
    lines_after = path.read_text(encoding="utf-8").split("\n")
    start = lines_before.index('   "id": "entry-1",')
    assert lines_before[start - 2] == "  {"
    assert lines_after[: start - 2] == lines_before[: start - 2]
    tail = lines_before.index('   "id": "raw-end",') - 2
    assert lines_before[tail] == "  {"
    assert lines_after[-(len(lines_before) - tail) :] == lines_before[tail:]
    (entry,) = read_entries(path)
    assert (entry.id, entry.text, entry.mood, entry.template) == (
        "e1",
        "Rewrote the worksheet answer.\nTwo lines now.",
        3.0,
        "weekly",
    )


def test_update_keeps_other_entry_cells_identical(journal):
    path = journal / "a.ipynb"
    a = append_entry(path, "a")
    b = append_entry(path, "b")
    c = append_entry(path, "c")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    update_entry(path, b.id, text="b edited")
    after = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert after[0] == cells[0] and after[2] == cells[2]
    assert "".join(after[1]["source"]) == "b edited"
    assert {e.id for e in read_entries(path)} == {a.id, b.id, c.id}


# ---------------------------------------------------------------- validation, temp files, mode


def test_invalid_notebook_is_refused_and_file_unchanged(journal):
    path = journal / "a.ipynb"
    append_entry(path, "first")
    before = path.read_bytes()
    nb, snap = load(path)
    nb.cells.append(nbformat.from_dict({"cell_type": "mystery", "id": "odd", "metadata": {}, "source": "?"}))
    with pytest.raises(NotebookInvalid, match="nothing was changed"):
        save(path, nb, snap)
    assert path.read_bytes() == before
    assert sorted(p.name for p in journal.iterdir()) == ["a.ipynb"]


def test_invalid_new_notebook_is_not_created(journal):
    path = journal / "new.ipynb"
    nb = notebooks.new_notebook()
    cell = nbformat.v4.new_markdown_cell("x")
    cell["source"] = 42
    nb.cells.append(cell)
    with pytest.raises(NotebookInvalid):
        save(path, nb, None)
    assert not path.exists()
    assert list(journal.iterdir()) == []


def test_no_temp_files_left_behind(journal, monkeypatch):
    path = journal / "a.ipynb"
    entry = append_entry(path, "first")
    append_entry(path, "second")
    update_entry(path, entry.id, text="edited")
    assert sorted(p.name for p in journal.iterdir()) == ["a.ipynb"]
    # Nor after a refused write.
    _race_on_load(monkeypatch, path, _their_version(path))
    with pytest.raises(NotebookChanged):
        append_entry(path, "refused")
    assert sorted(p.name for p in journal.iterdir()) == ["a.ipynb"]


def test_failed_write_removes_its_temp_file(journal, monkeypatch):
    path = journal / "a.ipynb"
    append_entry(path, "first")
    before = path.read_bytes()

    def fails(src, dst):
        raise OSError(errno.ENOSPC, "disk full")

    monkeypatch.setattr(notebooks.os, "replace", fails)
    monkeypatch.setattr(notebooks.os, "link", fails)  # the kit links its new file into place
    with pytest.raises(OSError, match="disk full"):
        append_entry(path, "second")
    assert path.read_bytes() == before
    assert sorted(p.name for p in journal.iterdir()) == ["a.ipynb"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_file_mode_is_preserved(journal, mode):
    path = journal / "a.ipynb"
    entry = append_entry(path, "first")
    os.chmod(path, mode)
    append_entry(path, "second")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    update_entry(path, entry.id, text="edited")
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_write_replaces_file_atomically(journal):
    """The file is replaced, not rewritten in place: a reader holding the old file sees the old content."""
    path = journal / "a.ipynb"
    append_entry(path, "first")
    with path.open("rb") as held:
        old = path.read_bytes()
        append_entry(path, "second")
        assert held.read() == old
    assert [e.text for e in read_entries(path)] == ["first", "second"]
