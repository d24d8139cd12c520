"""Entries survive a trip through a notebook exactly and keep their identity; odd notebooks are still read."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kit.journal.entries import ENTRY_TAG
from kit.journal.notebooks import append_entry, read_entries, scan_journal, update_entry

# Unicode a journal may well contain, and that text handling tends to get wrong.
RTL = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"
ZERO_WIDTH = "a\u200bb\u200cc\u200dd\ufeffe\u2060"
TRICKY = [
    "",
    " ",
    "   \n\t  \n",
    "\n",
    "\r\n\r\n",
    "line one\rline two\r",
    "ends without newline",
    "ends with newline\n",
    "\n\nleading blank lines",
    RTL,
    ZERO_WIDTH,
    "\u202eevil override\u202c",
    "emoji \U0001f9d8\u200d\u2640\ufe0f and flags \U0001f1fa\U0001f1e6",
    "combining e\u0301 vs \u00e9",
    "nul \x00 and bell \x07",
    "separators \u2028 \u2029 \x85 \x0b \x0c \x1c",
    '{"json": ["looking", "text"]}',
    "<script>alert(1)</script> **markdown** `code`",
    "x" * 20000,
    "word " * 5000 + "\n" * 300,
]

TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.text(alphabet=st.sampled_from(list(" \t\n\r\u200b\u200c\u200d\ufeff\u2028\u2029\u00a0")), max_size=40),
    st.text(alphabet=st.sampled_from(list(RTL + ZERO_WIDTH + "abc \n")), min_size=1, max_size=300),
    st.text(min_size=3000, max_size=6000),
    st.sampled_from(TRICKY),
)

ROUNDTRIP = settings(
    max_examples=60,
    deadline=None,
    # The autouse fixture only sets environment variables that are the same for every example.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
    ],
)


def _fresh_notebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    return folder / "entries.ipynb"


@ROUNDTRIP
@given(text=TEXT)
@example(text="")
@example(text=RTL)
@example(text=ZERO_WIDTH)
@example(text="   \n\t ")
@example(text="x" * 100_000)
def test_any_text_round_trips_exactly(tmp_path_factory, text):
    path = _fresh_notebook(tmp_path_factory)
    written = append_entry(path, text)
    assert written.text == text
    entries = read_entries(path)
    assert len(entries) == 1
    assert entries[0].text == text
    assert entries[0].id == written.id


@ROUNDTRIP
@given(
    text=TEXT,
    mood=st.one_of(st.none(), st.integers(0, 10), st.floats(0, 10, allow_nan=False)),
    private=st.booleans(),
    template=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s),
    field=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s),
)
def test_metadata_round_trips(tmp_path_factory, text, mood, private, template, field):
    path = _fresh_notebook(tmp_path_factory)
    append_entry(path, "an entry before it", template="other")
    written = append_entry(path, text, mood=mood, private=private, template=template, field=field)
    entries = read_entries(path)
    assert [e.text for e in entries] == ["an entry before it", text]
    got = entries[1]
    assert got.id == written.id
    assert got.mood == (None if mood is None else float(mood))
    assert got.private is private
    assert got.template == template
    assert got.field == field
    assert got.created == written.created
    nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))


def test_created_datetime_round_trips(tmp_path):
    path = tmp_path / "a.ipynb"
    when = datetime.fromisoformat("2024-03-07T21:15:00+01:00")
    append_entry(path, "late evening", created=when)
    (entry,) = read_entries(path)
    assert entry.created == when
    assert entry.created.utcoffset() == when.utcoffset()


def test_id_is_stable_when_text_is_edited(tmp_path):
    path = tmp_path / "a.ipynb"
    first = append_entry(path, "Couldn't sleep.")
    other = append_entry(path, "Went for a walk.")
    edited = update_entry(path, first.id, text="Couldn't sleep until 3am; the neighbours were loud.")
    assert edited.id == first.id
    assert edited.content_hash != first.content_hash
    entries = {e.id: e for e in read_entries(path)}
    assert set(entries) == {first.id, other.id}
    assert entries[first.id].text == "Couldn't sleep until 3am; the neighbours were loud."
    assert entries[first.id].cell_id == first.cell_id
    assert entries[other.id].text == "Went for a walk."


def test_identical_text_gives_two_entries_with_two_ids(tmp_path):
    path = tmp_path / "a.ipynb"
    monday = append_entry(path, "Couldn't sleep.")
    tuesday = append_entry(path, "Couldn't sleep.")
    assert monday.id != tuesday.id
    assert monday.content_hash == tuesday.content_hash
    assert [e.id for e in read_entries(path)] == [monday.id, tuesday.id]


def _write_nb(path: Path, cells: list[dict], minor: int = 5) -> None:
    nb = {
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": minor,
    }
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")


def test_hand_tagged_cell_is_read_with_defaults(tmp_path):
    path = tmp_path / "by-hand.ipynb"
    _write_nb(
        path,
        [
            {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# My notes\n"]},
            {
                "cell_type": "markdown",
                "id": "mine",
                "metadata": {"tags": [ENTRY_TAG]},
                "source": ["Tagged this cell myself.\n", "Second line."],
            },
        ],
    )
    mtime = datetime(2023, 5, 17, 8, 30, 0).timestamp()
    os.utime(path, (mtime, mtime))
    (entry,) = read_entries(path)
    assert entry.text == "Tagged this cell myself.\nSecond line."
    assert entry.template == "journal"
    assert entry.field == "entry"
    assert entry.mood is None
    assert entry.private is False
    assert entry.cell_id == "mine"
    assert entry.created == datetime.fromtimestamp(mtime).astimezone()
    # The id comes from where the cell is, so reading twice gives the same id.
    assert read_entries(path)[0].id == entry.id


def test_hand_tagged_raw_cell_with_partial_metadata(tmp_path):
    path = tmp_path / "partial.ipynb"
    _write_nb(
        path,
        [
            {
                "cell_type": "raw",
                "id": "r1",
                "metadata": {"tags": ["other", ENTRY_TAG], "kit": {"mood": 7, "field": "gratitude"}},
                "source": "Grateful for tea.",
            }
        ],
    )
    (entry,) = read_entries(path)
    assert (entry.text, entry.field, entry.template, entry.mood) == (
        "Grateful for tea.",
        "gratitude",
        "journal",
        7.0,
    )


def test_untagged_and_code_cells_are_not_entries(tmp_path):
    path = tmp_path / "scratch.ipynb"
    _write_nb(
        path,
        [
            {"cell_type": "markdown", "id": "m", "metadata": {"tags": ["kit-entryx"]}, "source": "not mine"},
            {
                "cell_type": "code",
                "id": "c",
                "metadata": {"tags": [ENTRY_TAG]},
                "source": "print('code is never an entry')",
                "outputs": [],
                "execution_count": None,
            },
        ],
    )
    assert read_entries(path) == []


def _v44_notebook(path: Path) -> None:
    _write_nb(
        path,
        [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Old notebook\n"]},
            {"cell_type": "markdown", "metadata": {"tags": [ENTRY_TAG]}, "source": ["An entry from 2019."]},
            {
                "cell_type": "code",
                "metadata": {},
                "source": ["1 + 1"],
                "outputs": [
                    {
                        "output_type": "execute_result",
                        "data": {"text/plain": ["2"]},
                        "metadata": {},
                        "execution_count": 1,
                    }
                ],
                "execution_count": 1,
            },
        ],
        minor=4,
    )


def test_nbformat_44_notebook_is_read_and_appended_without_cell_ids(tmp_path):
    path = tmp_path / "old.ipynb"
    _v44_notebook(path)
    (old,) = read_entries(path)
    assert old.text == "An entry from 2019."
    assert old.cell_id == "cell-1"  # derived in memory from the position
    assert read_entries(path)[0].id == old.id

    new = append_entry(path, "Appended in 2025.")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert (raw["nbformat"], raw["nbformat_minor"]) == (4, 4)
    assert all("id" not in cell for cell in raw["cells"])
    nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))
    entries = read_entries(path)
    assert [e.text for e in entries] == ["An entry from 2019.", "Appended in 2025."]
    assert entries[0].id == old.id
    assert entries[1].id == new.id


def test_nbformat_44_update_keeps_format_and_id(tmp_path):
    path = tmp_path / "old.ipynb"
    _v44_notebook(path)
    (old,) = read_entries(path)
    updated = update_entry(path, old.id, text="Edited later.")
    assert updated.id == old.id
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["nbformat_minor"] == 4
    assert all("id" not in cell for cell in raw["cells"])
    assert [(e.id, e.text) for e in read_entries(path)] == [(old.id, "Edited later.")]


def test_scan_skips_checkpoints_and_hidden_folders(journal):
    append_entry(journal / "visible.ipynb", "seen")
    append_entry(journal / "sub" / "nested.ipynb", "seen too")
    append_entry(journal / ".ipynb_checkpoints" / "visible-checkpoint.ipynb", "checkpoint copy")
    append_entry(journal / ".hidden" / "secret.ipynb", "hidden folder")
    append_entry(journal / "sub" / ".ipynb_checkpoints" / "nested-checkpoint.ipynb", "nested checkpoint")
    scan = scan_journal(journal)
    assert sorted(e.text for e in scan.entries) == ["seen", "seen too"]
    assert scan.notebooks == 2
    assert sorted(e.notebook for e in scan.entries) == ["sub/nested.ipynb", "visible.ipynb"]
    assert scan.unreadable == []


def test_broken_notebook_is_listed_and_the_rest_still_read(journal):
    append_entry(journal / "a.ipynb", "first")
    (journal / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    (journal / "not-a-notebook.ipynb").write_text("[1, 2, 3]", encoding="utf-8")
    (journal / "future.ipynb").write_text(json.dumps({"nbformat": 99, "cells": []}), encoding="utf-8")
    append_entry(journal / "z.ipynb", "last")
    scan = scan_journal(journal)
    assert sorted(e.text for e in scan.entries) == ["first", "last"]
    assert sorted(scan.unreadable) == ["broken.ipynb", "future.ipynb", "not-a-notebook.ipynb"]
    assert scan.notebooks == 2


def test_copied_cell_with_duplicate_kit_id_gets_its_own_id(journal):
    path = journal / "a.ipynb"
    original = append_entry(path, "Original entry.")
    raw = json.loads(path.read_text(encoding="utf-8"))
    copy = json.loads(json.dumps(raw["cells"][0]))
    copy["id"] = "copied-cell"
    copy["source"] = "Copied, then edited."
    raw["cells"].append(copy)
    path.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    (journal / "b.ipynb").write_text(
        json.dumps({**raw, "cells": [dict(raw["cells"][0], id="other-nb")]}), "utf-8"
    )

    scan = scan_journal(journal)
    ids = [e.id for e in scan.entries]
    assert len(ids) == 3
    assert len(set(ids)) == 3
    by_text = {(e.notebook, e.text): e.id for e in scan.entries}
    assert by_text[("a.ipynb", "Original entry.")] == original.id
    assert by_text[("a.ipynb", "Copied, then edited.")] != original.id
    # Scanning again gives the same ids.
    assert [e.id for e in scan_journal(journal).entries] == ids
