"""Widgets without a browser: the write-ahead file, and each widget's button driving the library."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from conftest import Frontend, save_in_jupyterlab

from kit.journal import wal
from kit.journal.notebooks import read_entries
from kit.testing import FakeChatModel, FakeEmbeddings

GOOD = "You wrote about the garden beds and the basil [E1], and about choir rehearsal [E2]. What stands out to you?"


@pytest.fixture
def notebook(journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An (empty, saved) notebook that the kernel runs in, named the way JupyterLab tells the kernel."""
    path = journal / "2026-03.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("from kit.widgets import JournalWidget\nJournalWidget()"))
    nbformat.write(nb, path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    return path


def entry_on_disk(path: Path, entry: dict[str, Any]) -> None:
    nb = nbformat.read(path, as_version=4)
    out = nbformat.v4.new_output("display_data", data={"text/plain": ""}, metadata=wal.output_metadata(entry))
    nb.cells[0].outputs.append(out)
    nbformat.write(nb, path)


# ---------------------------------------------------------------- the write-ahead file, no widgets


def test_append_writes_one_fsynced_json_line_owner_only(notebook: Path, monkeypatch: pytest.MonkeyPatch):
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    first = wal.make_entry("Couldn't sleep.", mood=3)
    second = wal.make_entry("Couldn't sleep.", private=True)
    path = wal.append_pending(notebook, first)
    assert path == notebook.parent / ".2026-03.kit-pending.jsonl"
    assert synced  # the line reached the disk before append_pending returned
    wal.append_pending(notebook, second)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [first["id"], second["id"]]
    assert first["id"] != second["id"]  # same words, two entries
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [e["text"] for e in wal.pending(notebook)] == ["Couldn't sleep.", "Couldn't sleep."]


def test_the_union_with_the_notebook_on_disk_counts_each_entry_once(notebook: Path):
    saved, waiting = wal.make_entry("On disk and pending."), wal.make_entry("Only pending.")
    wal.append_pending(notebook, saved)
    wal.append_pending(notebook, waiting)
    entry_on_disk(notebook, saved)
    shown = wal.entries_to_show(notebook)
    assert sorted(e["id"] for e in shown) == sorted([saved["id"], waiting["id"]])


def test_confirm_saved_drops_only_lines_already_in_the_notebook(notebook: Path):
    saved, waiting = wal.make_entry("Saved."), wal.make_entry("Not saved yet.")
    wal.append_pending(notebook, saved)
    wal.append_pending(notebook, waiting)
    assert wal.confirm_saved(notebook) == 0  # nothing on disk yet: nothing dropped
    entry_on_disk(notebook, saved)
    assert wal.confirm_saved(notebook) == 1
    assert [e["id"] for e in wal.pending(notebook)] == [waiting["id"]]
    assert stat.S_IMODE(wal.pending_path(notebook).stat().st_mode) == 0o600
    entry_on_disk(notebook, waiting)
    assert wal.confirm_saved(notebook) == 1
    assert not wal.pending_path(notebook).exists()


def test_a_torn_last_line_loses_only_itself(notebook: Path):
    entry = wal.make_entry("Whole line.")
    path = wal.append_pending(notebook, entry)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "half", "te')
    assert [e["id"] for e in wal.pending(notebook)] == [entry["id"]]


def test_cell_scoping_keeps_two_widget_cells_apart(notebook: Path):
    a, b = wal.make_entry("In cell a.", cell="a"), wal.make_entry("In cell b.", cell="b")
    wal.append_pending(notebook, a)
    wal.append_pending(notebook, b)
    assert [e["id"] for e in wal.entries_to_show(notebook, "a")] == [a["id"]]
    assert len(wal.entries_to_show(notebook)) == 2


def test_pending_entries_are_entries_the_indexer_can_use(notebook: Path, journal: Path):
    from kit.widgets import pending_entries

    waiting = wal.make_entry("The garden beds need weeding.", mood=6, template="daily-journal")
    wal.append_pending(notebook, waiting)
    (entry,) = pending_entries(journal)
    assert (entry.id, entry.text, entry.mood, entry.notebook) == (
        waiting["id"],
        waiting["text"],
        6.0,
        "2026-03.ipynb",
    )
    assert entry.template == "daily-journal" and not entry.private
    entry_on_disk(notebook, waiting)
    assert pending_entries(journal) == []


# ---------------------------------------------------------------- JournalWidget


def test_save_output_is_read_back_as_the_same_entry(notebook: Path, frontend: Frontend, journal: Path):
    from kit.widgets import JournalWidget

    widget = JournalWidget()
    assert widget.status.value.startswith("0 pending / 0 saved")
    widget.text.value = "Walked by the river after work."
    widget.mood.value = 7
    widget.save_button.click()
    assert widget.text.value == ""
    assert widget.status.value.startswith("1 pending / 0 saved")
    (shown,) = frontend.kit_outputs()
    pending_line = wal.pending(notebook)[0]
    assert shown["metadata"]["kit"]["id"] == pending_line["id"]

    save_in_jupyterlab(notebook, frontend)
    (entry,) = read_entries(notebook, journal)
    assert (entry.id, entry.text, entry.mood) == (pending_line["id"], "Walked by the river after work.", 7.0)
    assert entry.output_index is not None and not entry.private

    # Next run of the cell (a restart, "Run all"): the saved entry is shown once, its write-ahead line is gone.
    again = Frontend()
    import IPython.display

    IPython.display.display = again.display  # restored by the frontend fixture's monkeypatch
    rerun = JournalWidget()
    assert [o["metadata"]["kit"]["id"] for o in again.kit_outputs()] == [entry.id]
    assert not wal.pending_path(notebook).exists()
    assert rerun.status.value == "0 pending / 1 saved"


def test_the_status_line_notices_the_save_without_a_rerun(notebook: Path, frontend: Frontend):
    from kit.widgets import JournalWidget

    widget = JournalWidget()
    widget.text.value = "Rain all day; read by the window."
    widget.save()
    assert widget.status.value.startswith("1 pending / 0 saved")
    widget.stop_watching()
    widget.watch(interval=0.02)
    save_in_jupyterlab(notebook, frontend)
    os.utime(notebook, ns=(0, notebook.stat().st_mtime_ns + 1_000_000))  # a clock that did not tick
    deadline = time.monotonic() + 30  # generous: a busy machine may starve the watcher thread
    while widget.status.value != "0 pending / 1 saved" and time.monotonic() < deadline:
        time.sleep(0.02)
    widget.stop_watching()
    assert widget.status.value == "0 pending / 1 saved"
    assert not wal.pending_path(notebook).exists()


def test_in_a_worksheet_entries_belong_to_that_worksheet(
    journal: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.journal.templates import new_from_template
    from kit.widgets import JournalWidget

    path = new_from_template("worry-log", journal)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    assert JournalWidget().template == "worry-log"
    assert JournalWidget(template="daily-journal").template == "daily-journal"


def test_no_mood_and_private_are_kept(notebook: Path, frontend: Frontend, journal: Path):
    from kit.widgets import JournalWidget

    widget = JournalWidget(template="daily-journal", field="gratitude")
    widget.text.value = "Something only for me."
    widget.private.value = True
    widget.save()
    save_in_jupyterlab(notebook, frontend)
    (entry,) = read_entries(notebook, journal)
    assert entry.private and entry.mood is None
    assert (entry.template, entry.field) == ("daily-journal", "gratitude")


def test_the_mood_slider_is_off_while_no_mood_is_ticked_and_both_reset_after_save(
    notebook: Path, frontend: Frontend, journal: Path
):
    from kit.widgets import JournalWidget

    widget = JournalWidget()
    assert widget.no_mood.value and widget.mood.disabled  # it never shows a mood that will not be kept
    widget.no_mood.value = False
    assert not widget.mood.disabled
    widget.mood.value = 8
    widget.text.value = "A long walk, then soup."
    assert widget.save()["mood"] == 8
    assert widget.no_mood.value and widget.mood.disabled and widget.mood.value == 5
    widget.text.value = "Read before bed."
    assert widget.save().get("mood") is None  # no silent carry-over of the previous mood
    widget.no_mood.value = True
    assert widget.mood.disabled


def test_without_a_mood_there_is_nothing_to_switch(notebook: Path, frontend: Frontend):
    from kit.widgets import JournalWidget

    widget = JournalWidget(mood=False)
    widget.no_mood.value = False
    assert widget.mood.disabled


def test_a_crash_between_append_and_display_loses_nothing(
    notebook: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.widgets import JournalWidget
    from kit.widgets import journal as journal_module

    widget = JournalWidget()
    widget.text.value = "Written just before the kernel died."

    def die(*args: Any, **kwargs: Any) -> Any:
        raise SystemExit("kernel died")

    with monkeypatch.context() as patch:
        patch.setattr(journal_module, "entry_bundle", die)
        with pytest.raises(SystemExit):
            widget.save_button.click()
    assert frontend.kit_outputs() == []  # never shown, never in the notebook

    fresh = Frontend()
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", fresh.display)
    rerun = JournalWidget()
    assert [o["metadata"]["kit"]["text"] for o in fresh.kit_outputs()] == [
        "Written just before the kernel died."
    ]
    assert rerun.status.value.startswith("1 pending / 0 saved")


def test_more_saves_than_reserved_outputs_stay_pending(notebook: Path, frontend: Frontend):
    from kit.widgets import JournalWidget

    widget = JournalWidget(room=1)
    for text in ("one", "two"):
        widget.text.value = text
        widget.save()
    assert len(frontend.kit_outputs()) == 1
    assert "run this cell again" in widget.status.value
    assert len(wal.pending(notebook)) == 2


def test_without_a_notebook_path_entries_go_to_the_journal(
    frontend: Frontend, journal: Path, monkeypatch: pytest.MonkeyPatch
):
    from kit.widgets import JournalWidget

    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    widget = JournalWidget()
    assert "path is unknown" in widget.status.value
    widget.text.value = "Where does this go?"
    widget.save()
    assert (journal / ".untitled.kit-pending.jsonl").exists()


def test_the_session_name_may_be_relative(journal: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch):
    from kit.widgets import JournalWidget

    monkeypatch.chdir(journal)
    monkeypatch.setenv("JPY_SESSION_NAME", "relative.ipynb")
    assert JournalWidget().notebook == journal.resolve() / "relative.ipynb"


# ---------------------------------------------------------------- SearchWidget


def test_search_widget_finds_an_entry(make_notebook, journal: Path):
    from kit.index.store import Index
    from kit.widgets import SearchWidget

    make_notebook(
        "a.ipynb", ["Choir rehearsal, the altos nailed the harmony.", "Planted basil in the garden."]
    )
    widget = SearchWidget(k=1, index=Index(journal=journal, embedder=FakeEmbeddings()), show=False)
    widget.query.value = "garden basil"
    widget.search_button.click()
    assert [h.text for h in widget.hits] == ["Planted basil in the garden."]
    assert "Planted basil in the garden." in widget.results.value
    # the day and the worksheet, never the file, the cell or a score (kit.widgets.search.hits_html(verbose=True))
    assert not any(word in widget.results.value for word in ("a.ipynb", "score", "cell"))


def test_search_widget_shows_a_kit_error_as_one_line(journal: Path):
    from kit.index.store import Index
    from kit.widgets import SearchWidget

    widget = SearchWidget(index=Index(journal=journal, embedder=FakeEmbeddings()), show=False)
    widget.search()  # empty query
    assert "the search query is empty" in widget.results.value and "Traceback" not in widget.results.value


def test_search_widget_reads_dates_in_the_query_unless_since_or_until_is_set(make_notebook, journal: Path):
    import datetime as dt

    from kit.index.store import Index
    from kit.widgets import SearchWidget

    make_notebook(
        "a.ipynb",
        [
            {"text": "Walked with my sister by the canal.", "created": "2026-03-05T20:00:00"},
            {"text": "My sister called about the canal boat.", "created": "2026-01-05T20:00:00"},
        ],
    )
    index = Index(journal=journal, embedder=FakeEmbeddings())
    widget = SearchWidget(index=index, today="2026-04-02", show=False)
    widget.query.value = "my sister in March"
    widget.search_button.click()
    assert [h.text for h in widget.hits] == ["Walked with my sister by the canal."]
    assert "Reading “in March” as entries from 1–31 March 2026." in widget.results.value
    assert widget.understood.query == "my sister"
    widget.since.value = dt.date(2026, 1, 1)
    widget.search_button.click()
    assert len(widget.hits) == 2
    assert "The dates from Since/Until win over “in March”" in widget.results.value
    widget.since.value = None
    widget.query.value = "my sister on 31 February"
    widget.search_button.click()
    assert widget.hits == [] and "not a day in the calendar" in widget.results.value


def test_search_widget_lists_the_period_for_a_query_that_names_no_topic(make_notebook, journal: Path):
    from kit.index.store import Index
    from kit.widgets import SearchWidget

    make_notebook(
        "a.ipynb",
        [
            {"text": "Walked with my sister by the canal.", "created": "2026-03-05T20:00:00"},
            {"text": "Planted basil in the garden.", "created": "2026-03-06T20:00:00"},
            {"text": "My sister called about the canal boat.", "created": "2026-01-05T20:00:00"},
        ],
    )
    widget = SearchWidget(
        index=Index(journal=journal, embedder=FakeEmbeddings()), today="2026-04-02", show=False
    )
    widget.query.value = "what did I write in March?"
    widget.search_button.click()
    assert [h.text for h in widget.hits] == [
        "Planted basil in the garden.",
        "Walked with my sister by the canal.",
    ]
    assert "names no topic, so these are entries from 1–31 March 2026, newest first." in widget.results.value


# ---------------------------------------------------------------- ReflectWidget


class RaisingChatModel(FakeChatModel):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model must not be called")


def test_reflect_widget_shows_the_answer_and_keeps_it_in_its_cell(topical_journal, frontend: Frontend):
    from kit.labels import DISCLAIMER
    from kit.widgets import ReflectWidget

    index, _ = topical_journal
    widget = ReflectWidget(model=FakeChatModel(replies=[GOOD]), index=index)
    assert DISCLAIMER in widget.disclaimer.value
    widget.reflect_button.click()
    assert "custom" in widget.backend_label.tooltip and widget.message.value == ""
    (kept,) = frontend.kit_outputs("reflection")
    assert "AI-written" in kept["data"]["text/markdown"] and "garden beds" in kept["data"]["text/markdown"]
    assert kept["metadata"]["kit"]["id"] == widget.reflection.id
    assert kept["metadata"]["kit"]["provenance"]["written_by"] == "model"
    widget.reflect_button.click()  # again: the same output is replaced, not added
    assert len(frontend.kit_outputs("reflection")) == 1
    assert frontend.kit_outputs("reflection")[0]["metadata"]["kit"]["id"] == widget.reflection.id


def test_reflect_widget_crisis_shows_helplines_and_never_calls_the_model(topical_journal, frontend: Frontend):
    from kit.widgets import ReflectWidget
    from kit.widgets.reflect import ASK

    index, _ = topical_journal
    widget = ReflectWidget(model=RaisingChatModel(), index=index)
    widget.kind.value = ASK
    widget.question.value = "I don't want to be alive anymore, what did I write about the garden?"
    widget.reflect_button.click()
    assert widget.reflection.crisis
    text = frontend.kit_outputs("reflection")[0]["data"]["text/markdown"]
    assert "988" in text and "116 123" in text and "findahelpline.com" in text


def test_reflect_widget_with_kit_model_fake_names_the_backend(topical_journal, frontend: Frontend):
    from kit.widgets import ReflectWidget

    index, _ = topical_journal
    widget = ReflectWidget(index=index, mode="counter-perspective")
    widget.reflect()
    assert widget.backend_label.value == "Answering with fake."  # no file names or addresses
    assert "KIT_MODEL=fake" in widget.backend_label.tooltip  # the details stay within reach
    assert frontend.kit_outputs("reflection")


def test_reflect_widget_shows_a_kit_error_as_one_line(topical_journal, frontend: Frontend):
    from kit.widgets import ReflectWidget
    from kit.widgets.reflect import ASK

    index, _ = topical_journal
    widget = ReflectWidget(model=RaisingChatModel(), index=index)
    widget.kind.value = ASK
    assert widget.reflect() is None
    assert "the question is empty" in widget.message.value
    assert frontend.kit_outputs("reflection") == []


def test_reflect_widget_reads_dates_in_the_question(topical_journal, frontend: Frontend):
    from kit.widgets import ReflectWidget
    from kit.widgets.reflect import ASK

    index, written = topical_journal
    reply = "You argued with the landlord about the deposit [E1]. What would you want next?"
    widget = ReflectWidget(model=FakeChatModel(replies=[reply]), index=index, today="2026-03-08")
    widget.kind.value = ASK
    widget.question.value = "what happened with the landlord last week?"
    reflection = widget.reflect()
    assert "Reading “last week” as entries from 23 February to 1 March 2026." in widget.said.value
    assert reflection.provenance.request["query"] == "what happened with the landlord?"
    assert (reflection.provenance.request["since"], reflection.provenance.request["until"]) == (
        "2026-02-23",
        "2026-03-01",
    )
    assert not reflection.citations  # nothing was written that week


def test_reflect_widget_summary_is_about_the_words_left_in_the_box(topical_journal, frontend: Frontend):
    from kit.widgets import ReflectWidget

    index, _ = topical_journal
    widget = ReflectWidget(model=FakeChatModel(replies=[GOOD]), index=index, today="2026-04-02")
    widget.question.value = "garden since 5 March"
    reflection = widget.reflect()
    request = reflection.provenance.request
    assert (request["query"], request["since"], request["until"]) == ("garden", "2026-03-05", "2026-04-02")
    assert "Reading “since 5 March” as entries from 5 March to 2 April 2026." in widget.said.value


# ---------------------------------------------------------------- mood


def test_mood_series_has_a_point_per_day_and_gaps(topical_journal):
    from kit.widgets import mood_series

    index, written = topical_journal
    series = mood_series(index=index)
    entries = [e for es in written.values() for e in es]
    days = {e.created.date() for e in entries}
    assert [d for d, m in series if m is not None] == sorted(days)
    assert len(series) == (max(days) - min(days)).days + 1
    assert all(0 <= m <= 10 for _, m in series if m is not None)
    assert mood_series("2026-03-04", "2026-03-05", index=index, refresh=False) == [
        (d, m) for d, m in series if str(d) in ("2026-03-04", "2026-03-05")
    ]


def test_mood_widget_draws_one_point_per_day(topical_journal):
    from kit.widgets import MoodWidget

    index, _ = topical_journal
    widget = MoodWidget(index=index, show=False)
    figure = widget.draw()
    (line,) = figure.axes[0].get_lines()
    assert len(line.get_xdata()) == len(widget.series)
    assert figure.axes[0].get_ylim()[0] <= 0 and figure.axes[0].get_ylim()[1] >= 10


def test_importing_kit_widgets_does_not_import_ipywidgets():
    import subprocess
    import sys

    code = "import kit, kit.widgets, sys; print('ipywidgets' in sys.modules, 'IPython' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_pending_entries_are_searchable_before_the_notebook_is_saved(journal):
    from kit.index.search import search
    from kit.index.store import Index
    from kit.journal.wal import append_pending, make_entry
    from kit.testing import FakeEmbeddings

    notebook = journal / "today.ipynb"
    append_pending(notebook, make_entry("Lighthouse walk with the dog at low tide."))
    append_pending(notebook, make_entry("Private lighthouse thought.", private=True))
    index = Index(journal=journal, embedder=FakeEmbeddings())
    report = index.update(progress=False)
    assert report.new == 1 and report.private_skipped == 1
    assert [h.text for h in search("lighthouse tide", k=3, index=index)] == [
        "Lighthouse walk with the dog at low tide."
    ]


def test_running_the_reflect_cell_again_keeps_the_saved_reflection(
    topical_journal, frontend: Frontend, notebook: Path, monkeypatch: pytest.MonkeyPatch
):
    import IPython.display

    from kit.widgets import ReflectWidget, _shell

    index, _ = topical_journal
    cell = nbformat.read(notebook, as_version=4).cells[0].id
    monkeypatch.setattr(_shell, "current_cell_id", lambda: cell)
    ReflectWidget(model=FakeChatModel(replies=[GOOD]), index=index).reflect()
    kept = frontend.kit_outputs("reflection")
    save_in_jupyterlab(notebook, frontend)

    # "Run all" or a restart: JupyterLab clears the cell, the widget runs again; the next save must keep it.
    again = Frontend()
    monkeypatch.setattr(IPython.display, "display", again.display)
    ReflectWidget(model=FakeChatModel(replies=[GOOD]), index=index)
    assert [o["metadata"] for o in again.kit_outputs("reflection")] == [o["metadata"] for o in kept]
    assert [o["data"] for o in again.kit_outputs("reflection")] == [o["data"] for o in kept]

    monkeypatch.setattr(_shell, "current_cell_id", lambda: "another-cell")
    other = Frontend()
    monkeypatch.setattr(IPython.display, "display", other.display)
    ReflectWidget(model=FakeChatModel(replies=[GOOD]), index=index)
    assert other.kit_outputs("reflection") == []  # another cell's reflection is not copied in


def test_boxes_stretch_to_the_cell_and_labels_are_not_cut(notebook: Path, frontend: Frontend):
    # Measured in the browser test: a 100%-wide box pokes out of its cell by its margins and is cut, and the
    # default checkbox width cut "private (never indexed or s…". "auto" stretches a box to the cell instead.
    from kit.widgets import JournalWidget, WorksheetForm

    widget = JournalWidget(notebook=notebook)
    assert widget.text.layout.width == "auto"
    assert widget.private.layout.width == "auto" and not widget.private.indent
    form = WorksheetForm("cbt-thought-record", notebook=notebook)
    assert {box.layout.width for box in form.answers.values()} == {"auto"}


def test_the_backend_is_named_in_plain_words(monkeypatch):
    from kit.models.registry import Backend, said

    model = FakeChatModel()
    embedded = said(Backend(model, "embedded", "SmolLM2-135M-Instruct-Q4_1", "KIT_MODEL=embedded"))
    assert "small model on this computer" in embedded and "SmolLM2" not in embedded
    local = said(Backend(model, "ollama", "llama3.2", "Ollama at http://127.0.0.1:11434 has llama3.2"))
    assert local == "Answering with llama3.2 through Ollama on this computer."
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://192.0.2.7:11434")
    remote = said(Backend(model, "ollama", "llama3.2", "remote"))
    assert "192.0.2.7" in remote and "not this computer" in remote  # leaving the machine is always said


def test_writing_progress_counts_words_says_what_the_flow_does_and_never_shows_the_words():
    from kit.reflection.provenance import Status
    from kit.widgets._shell import writing_progress

    shown: list[str] = []
    progress = writing_progress(shown.append, "Writing a question")
    progress(Status("Loading the small model on this computer… (3 s)"))
    assert shown[-1] == "Loading the small model on this computer… (3 s)"
    progress("What helped ")
    progress("on Tues")
    progress("day?")
    assert shown[-1] == "Writing a question… 4 words so far (checked before it is shown)"
    assert not any("Tuesday" in line for line in shown)


def test_the_search_widget_says_how_far_the_index_update_is(journal):
    from kit.index.store import Index
    from kit.journal.notebooks import append_entry
    from kit.testing import FakeEmbeddings
    from kit.widgets import SearchWidget

    for n in range(3):
        append_entry(journal / "2026-03.ipynb", f"Walk number {n} along the canal.", journal=journal)
    widget = SearchWidget(index=Index(journal=journal, embedder=FakeEmbeddings()), show=False)
    shown: list[str] = []
    widget.results.observe(lambda change: shown.append(change["new"]), names="value")
    widget.query.value = "canal"
    widget.search()
    assert "<i>Adding new entries to the search index: 0 of 3…</i>" in shown
    assert "<i>Adding new entries to the search index: 3 of 3…</i>" in shown
    assert "canal" in widget.results.value and "Adding" not in widget.results.value
