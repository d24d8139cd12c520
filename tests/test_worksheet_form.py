"""The WorksheetForm (no browser): one box per question, answers kept like the JournalWidget's, read by the helper
and the ReflectWidget."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from conftest import Frontend, save_in_jupyterlab

from kit.journal import wal
from kit.journal.notebooks import read_entries
from kit.testing import FakeChatModel, FakeEmbeddings

SITUATION = "The bus was late and I walked into the pottery class twenty minutes after it started."
HOT = "The teacher will think I don't care about the class."


@pytest.fixture
def worksheet(journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh thought record, open in JupyterLab (the kernel knows its path)."""
    from kit.journal.templates import new_from_template

    path = new_from_template("cbt-thought-record", journal, when=datetime(2026, 3, 1, 9, 0).astimezone())
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    return path


def _form_cell(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return next(i for i, c in enumerate(nb.cells) if "WorksheetForm" in c.source)


def test_one_labelled_box_per_question_of_the_worksheet(worksheet: Path, frontend: Frontend):
    from kit.journal.templates import template_fields
    from kit.widgets import WorksheetForm

    form = WorksheetForm()
    assert form.template == "cbt-thought-record"  # read from the notebook it runs in
    fields = template_fields("cbt-thought-record")
    assert list(form.answers) == [f.name for f in fields]
    labels = [c.value for c in form.box.children if hasattr(c, "value") and str(c.value).startswith("<b>")]
    assert labels[0].startswith("<b>The situation</b>")
    assert len(labels) == len(fields)
    # The cell reserved room for every answer to be saved at least twice.
    assert len(frontend.outputs) >= 2 * len(fields)


def test_each_answer_is_an_entry_of_its_field_with_the_time_it_was_saved(
    worksheet: Path, frontend: Frontend, journal: Path
):
    from kit.widgets import WorksheetForm

    form = WorksheetForm()
    form.answers["situation"].value = SITUATION
    form.answers["hot-thought"].value = HOT
    before = datetime.now().astimezone().replace(microsecond=0)
    kept = form.save()
    assert [(e["field"], e["text"]) for e in kept] == [("situation", SITUATION), ("hot-thought", HOT)]
    assert form.answers["situation"].value == "" and form.answers["hot-thought"].value == ""
    assert form.status.value.startswith("Kept 2 answers: 2 pending / 0 saved")

    # The write-ahead file first (searchable before the save), then this cell's outputs.
    assert [e["id"] for e in wal.pending(worksheet)] == [e["id"] for e in kept]
    shown = frontend.kit_outputs()
    assert [o["metadata"]["kit"]["id"] for o in shown] == [e["id"] for e in kept]
    # Each shown under its question, with the time it was saved.
    assert "CBT thought record — The situation" in shown[0]["data"]["text/markdown"]
    assert "CBT thought record — The hot thought" in shown[1]["data"]["text/markdown"]

    save_in_jupyterlab(worksheet, frontend, cell=_form_cell(worksheet))
    found = {e.field: e for e in read_entries(worksheet, journal) if e.text}
    assert found["situation"].text == SITUATION and found["hot-thought"].text == HOT
    for entry in found.values():
        assert entry.template == "cbt-thought-record" and entry.output_index is not None
        # The time it was written, not the notebook's creation time (1 March).
        assert entry.created >= before
    assert not wal.pending_path(worksheet).exists() or wal.confirm_saved(worksheet) >= 0


def test_an_empty_form_keeps_nothing(worksheet: Path, frontend: Frontend):
    from kit.widgets import WorksheetForm

    form = WorksheetForm()
    form.answers["situation"].value = "   "
    assert form.save() == []
    assert form.status.value.startswith("Nothing to save")
    assert not wal.pending_path(worksheet).exists()


def test_answers_not_kept_stay_in_their_boxes(
    worksheet: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.widgets import WorksheetForm

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(wal, "append_pending", refuse)
    form = WorksheetForm()
    form.answers["situation"].value = SITUATION
    assert form.save() == []
    assert form.answers["situation"].value == SITUATION
    assert form.status.value.startswith("Not saved")


def test_the_form_keeps_through_the_journal_widget(
    worksheet: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    """One path keeps the person's words: JournalWidget.keep."""
    from kit.widgets import WorksheetForm
    from kit.widgets.journal import JournalWidget

    calls: list[tuple[str, str | None]] = []
    real = JournalWidget.keep

    def spy(self, text, **kwargs):
        calls.append((text, kwargs.get("field")))
        return real(self, text, **kwargs)

    monkeypatch.setattr(JournalWidget, "keep", spy)
    form = WorksheetForm()
    form.answers["balanced-thought"].value = "She has cancelled on others too; it is her busy month."
    form.save()
    assert calls == [("She has cancelled on others too; it is her busy month.", "balanced-thought")]


def test_without_a_worksheet_the_form_says_what_it_needs(journal: Path, frontend: Frontend):
    from kit.widgets import WorksheetForm

    form = WorksheetForm(notebook=journal / "scratch.ipynb")
    assert form.fields == [] and form.answers == {}
    assert "WorksheetForm(&quot;cbt-thought-record&quot;)" in form.box.children[0].value or (
        'WorksheetForm("cbt-thought-record")' in form.box.children[0].value
    )


def test_the_helper_and_the_reflect_widget_read_form_answers(
    worksheet: Path, frontend: Frontend, journal: Path
):
    from kit.index.store import Index
    from kit.widgets import ReflectWidget, WorksheetForm, WorksheetHelper

    form = WorksheetForm()
    form.answers["situation"].value = SITUATION
    form.answers["hot-thought"].value = HOT
    kept = {e["id"] for e in form.save()}
    index = Index(journal=journal, embedder=FakeEmbeddings())

    # Before the notebook is saved (write-ahead file only) and after.
    for saved in (False, True):
        if saved:
            save_in_jupyterlab(worksheet, frontend, cell=_form_cell(worksheet))
        asked = FakeChatModel(replies=["What did you notice when the bus was late [E1]?"])
        helper = WorksheetHelper(model=asked, index=index, seed=3, show=False)
        answer = helper.question()
        assert "Digest of your entries" in answer or "?" in answer
        prompts = " ".join(str(m.content) for messages in asked.prompts for m in messages)
        assert SITUATION in prompts or HOT in prompts, prompts
        assert kept <= index.ids()

    reflect = ReflectWidget(
        model=FakeChatModel(replies=["What did you notice when the bus was late [E1]?"]),
        index=index,
        template="cbt-thought-record",
        mode="questions",
        show=False,
    )
    reflection = reflect.reflect()
    assert kept & set(reflection.provenance.retrieved_ids)
