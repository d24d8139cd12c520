"""Home.ipynb and the examples beside it: made once and never overwritten, never indexed; Home's widgets."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import nbformat
import pytest
from conftest import Frontend

from kit.journal import wal
from kit.journal.home import ensure_home, home_notebook, sync_examples
from kit.journal.notebooks import EXAMPLES_FOLDER, HOME_NOTEBOOK, append_entry, iter_notebooks, scan_journal
from kit.testing import FakeEmbeddings


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A stand-in for the shipped example notebooks, one of them holding an entry of its own."""
    folder = tmp_path / "shipped"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(metadata={"kit": {"title": "Getting started"}})
    nb.cells.append(nbformat.v4.new_markdown_cell("# Getting started"))
    nbformat.write(nb, folder / "getting-started.ipynb")
    append_entry(folder / "sample.ipynb", "An example entry that is not the person's.")
    return folder


# ---------------------------------------------------------------- Home.ipynb


def test_home_is_made_once_and_never_overwritten(journal: Path):
    path, made = ensure_home(journal)
    assert made and path == journal / HOME_NOTEBOOK
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    text = " ".join(c.source for c in nb.cells)
    for needed in (
        "nothing leaves this machine",
        "Not medical or therapeutic advice",
        "StartWorksheet()",
        "LatestEntries()",
        "RecentMood(",
        "SearchWidget()",
        "HomeLinks()",
    ):
        assert needed in text, needed
    # The person changes their Home; the kit leaves it exactly as it is.
    nb.cells.append(nbformat.v4.new_markdown_cell("My own note on this page."))
    nbformat.write(nb, path)
    before = _digest(path)
    assert ensure_home(journal) == (path, False)
    assert _digest(path) == before


def test_a_home_that_is_not_the_kits_is_left_alone_and_named(journal: Path, caplog):
    path = journal / HOME_NOTEBOOK
    append_entry(path, "My own Home notebook, from before the kit had one.")
    before = _digest(path)
    assert ensure_home(journal) == (path, False)
    assert _digest(path) == before
    assert "not made by the kit" in caplog.text


def test_a_home_that_appears_meanwhile_is_kept(journal: Path, monkeypatch: pytest.MonkeyPatch):
    import kit.journal.home as home

    theirs = b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'
    real_save = home.save

    def racing(path, nb, expected):
        Path(path).write_bytes(theirs)  # another program makes Home.ipynb just before the kit writes
        return real_save(path, nb, expected)

    monkeypatch.setattr(home, "save", racing)
    path, made = ensure_home(journal)
    assert not made and path.read_bytes() == theirs


def test_home_is_never_indexed(journal: Path):
    from kit.index.store import Index

    path, _ = ensure_home(journal)
    # Even a kit entry written into Home by hand, or by a widget someone added there, is not a journal entry.
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(
        nbformat.v4.new_markdown_cell(
            "Typed into Home.", metadata={"tags": ["kit-entry"], "kit": {"field": "entry"}}
        )
    )
    nbformat.write(nb, path)
    wal.append_pending(path, wal.make_entry("Kept from a widget on Home."))
    append_entry(journal / "2026-03.ipynb", "A real entry.")
    (sub := journal / "sub").mkdir()
    append_entry(sub / HOME_NOTEBOOK, "A Home.ipynb in a subfolder is the person's own notebook.")

    assert [p.relative_to(journal).as_posix() for p in iter_notebooks(journal)] == [
        "2026-03.ipynb",
        f"sub/{HOME_NOTEBOOK}",
    ]
    assert wal.pending_entries(journal) == []
    index = Index(journal=journal, embedder=FakeEmbeddings())
    report = index.update(progress=False)
    assert report.entries == 2 and report.notebooks == 2
    assert {r["document"] for r in index.records().values()} == {
        "A real entry.",
        "A Home.ipynb in a subfolder is the person's own notebook.",
    }


def test_the_home_notebook_runs_cell_by_cell(journal: Path, frontend: Frontend, monkeypatch, examples):
    """Every code cell of Home runs in a kernel-like namespace and shows something."""
    path, _ = ensure_home(journal)
    sync_examples(journal, examples)
    append_entry(journal / "2026-03.ipynb", "Slept well after a walk.", mood=7, journal=journal)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    for cell in home_notebook().cells:
        if cell.cell_type != "code":
            continue
        before = len(frontend.outputs) + len(frontend.widgets)
        namespace: dict = {}
        lines = cell.source.strip().splitlines()
        exec("\n".join(lines[:-1]), namespace)
        shown = eval(lines[-1], namespace)
        shown._ipython_display_()
        assert len(frontend.outputs) + len(frontend.widgets) > before, cell.source


# ---------------------------------------------------------------- the examples


def test_examples_are_read_only_copies_the_scanner_never_reads(journal: Path, examples: Path):
    from kit.index.store import Index

    folder = sync_examples(journal, examples)
    assert folder == journal / EXAMPLES_FOLDER
    copies = sorted(p.name for p in folder.glob("*.ipynb"))
    assert copies == ["getting-started.ipynb", "sample.ipynb"]
    assert not stat.S_IMODE(folder.stat().st_mode) & 0o222
    assert all(not stat.S_IMODE(p.stat().st_mode) & 0o222 for p in folder.glob("*.ipynb"))
    assert not folder.is_symlink()

    append_entry(journal / "2026-03.ipynb", "A real entry.")
    assert scan_journal(journal).notebooks == 1
    assert [e.text for e in scan_journal(journal).entries] == ["A real entry."]
    index = Index(journal=journal, embedder=FakeEmbeddings())
    assert index.update(progress=False).entries == 1


def test_examples_follow_the_shipped_ones_and_other_files_stay(journal: Path, examples: Path):
    folder = sync_examples(journal, examples)
    copy = folder / "getting-started.ipynb"
    os.chmod(folder, 0o755)
    (folder / "mine.txt").write_text("a note of mine")
    os.chmod(folder, 0o555)
    same = copy.stat().st_mtime_ns
    assert sync_examples(journal, examples) == folder
    assert copy.stat().st_mtime_ns == same  # unchanged: not written again

    nb = nbformat.read(examples / "getting-started.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("A new section in the next version of the kit."))
    nbformat.write(nb, examples / "getting-started.ipynb")
    sync_examples(journal, examples)
    assert copy.read_bytes() == (examples / "getting-started.ipynb").read_bytes()
    assert not stat.S_IMODE(copy.stat().st_mode) & 0o222
    assert (folder / "mine.txt").read_text() == "a note of mine"


def test_an_example_someone_changed_is_never_replaced(journal: Path, examples: Path, caplog):
    folder = sync_examples(journal, examples)
    copy = folder / "getting-started.ipynb"
    os.chmod(copy, 0o644)  # as root could, without asking
    copy.write_text(copy.read_text().replace("# Getting started", "# Getting started, with my notes"))
    changed = _digest(copy)
    nb = nbformat.read(examples / "getting-started.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("The next version of the kit."))
    nbformat.write(nb, examples / "getting-started.ipynb")
    assert sync_examples(journal, examples) == folder
    assert _digest(copy) == changed and "left as it is" in caplog.text


def test_a_journal_widget_in_an_example_says_it_keeps_nothing(
    journal: Path, examples: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.widgets import JournalWidget
    from kit.widgets.journal import EXAMPLE_NOTE

    folder = sync_examples(journal, examples)
    monkeypatch.setenv("JPY_SESSION_NAME", str(folder / "getting-started.ipynb"))
    widget = JournalWidget()
    assert widget.status.value == EXAMPLE_NOTE
    widget.text.value = "My first entry, typed into the example."
    assert widget.save() is None
    assert widget.text.value == "My first entry, typed into the example."  # the words stay in the box
    assert not wal.pending_path(folder / "getting-started.ipynb").exists()


def test_a_file_named_like_the_examples_folder_is_left_alone(journal: Path, examples: Path, caplog):
    (journal / EXAMPLES_FOLDER).write_text("not a folder")
    assert sync_examples(journal, examples) is None
    assert (journal / EXAMPLES_FOLDER).read_text() == "not a folder"


def test_the_shipped_examples_are_found():
    from kit.journal.home import examples_source

    assert {"getting-started.ipynb", "weekly-review.ipynb"} <= {
        p.name for p in examples_source().glob("*.ipynb")
    }


# ---------------------------------------------------------------- make lab and reflect lab


def test_make_lab_opens_home_and_never_overwrites_it(journal: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    import kit.lab

    started: list[list[str]] = []
    monkeypatch.setattr(kit.lab, "write_overrides", lambda: None)
    monkeypatch.setattr(os, "execv", lambda path, args: started.append(args))
    kit.lab.main([])
    home = journal / HOME_NOTEBOOK
    assert home.exists() and "--LabApp.default_url=/lab/tree/Home.ipynb" in started[-1]
    assert (journal / EXAMPLES_FOLDER / "getting-started.ipynb").exists()
    assert "made" in capsys.readouterr().out
    home.write_text(home.read_text().replace("Welcome.", "Welcome, me."))
    before = _digest(home)
    kit.lab.main([])
    assert _digest(home) == before
    # A page or a root folder of the person's own choosing wins.
    kit.lab.main(["--LabApp.default_url=/lab"])
    assert [a for a in started[-1] if "default_url" in a] == ["--LabApp.default_url=/lab"]
    assert not [
        a for a in kit.lab.lab_args(journal, ["--ServerApp.root_dir=/x"], home=True) if "default_url" in a
    ]


def test_reflect_lab_runs_the_same_launcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kit.cli import main

    started: list[list[str]] = []
    monkeypatch.setattr(os, "execv", lambda path, args: started.append(args))
    other = tmp_path / "other-journal"
    other.mkdir()
    assert main(["lab", "--journal", str(other), "--", "--port=9999"]) == 0
    assert started[-1] == [sys.executable, "-m", "kit.lab", "--port=9999"]
    assert os.environ["KIT_JOURNAL"] == str(other.resolve())


# ---------------------------------------------------------------- Home's widgets


def test_start_a_worksheet_makes_the_dated_copy_and_links_to_it(
    journal: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.widgets import StartWorksheet

    path, _ = ensure_home(journal)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    widget = StartWorksheet()
    names = [value for _, value in widget.choice.options]
    assert "cbt-thought-record" in names and "safety-plan" in names  # any worksheet
    widget.choice.value = "worry-log"
    assert "worry" in widget.about.value.lower()
    widget.start_button.click()
    made = journal / f"{date.today().isoformat()}-worry-log.ipynb"
    assert widget.made == made and made.exists()
    (link,) = [o for o in frontend.outputs if "text/html" in o["data"]]
    assert f'<a href="{made.name}">' in link["data"]["text/html"]
    assert widget.status.value == ""  # the link's line says it; the same sentence twice read as two copies
    assert widget.status.layout.display == "none"
    # Again: a second copy, never over the first.
    first = _digest(made)
    second = widget.start()
    assert second != made and second.name.endswith("-2.ipynb") and _digest(made) == first


def test_links_are_relative_to_the_notebook_that_shows_them(journal: Path):
    from kit.widgets.home import link

    assert link(journal / "2026 march.ipynb", "March", journal) == '<a href="2026%20march.ipynb">March</a>'
    assert link(journal / "a.ipynb", "A", journal / "sub") == '<a href="../a.ipynb">A</a>'


def test_the_latest_entries_show_day_and_worksheet_never_ids_scores_or_private_words(
    journal: Path, frontend: Frontend
):
    from kit.journal.notebooks import read_entries, update_entry
    from kit.journal.templates import new_from_template
    from kit.widgets import LatestEntries

    made = new_from_template("cbt-thought-record", journal)
    situation = read_entries(made, journal)[0]
    update_entry(
        made, situation.id, text="The bus was late and I missed the start of class.", journal=journal
    )
    day = datetime(2026, 3, 2, 20, 0).astimezone()
    append_entry(journal / "2026-03.ipynb", "Slept badly.", created=day, journal=journal)
    append_entry(journal / "2026-03.ipynb", "Only for me.", private=True, journal=journal)
    wal.append_pending(journal / "2026-04.ipynb", wal.make_entry("Pending from a widget."))

    widget = LatestEntries()
    texts = [e.text for e in widget.entries]
    assert texts[-1] == "Slept badly." and "Only for me." not in texts and "Pending from a widget." in texts
    shown = widget.list.value  # in the widget: JupyterLab does not save it into Home.ipynb
    assert "CBT thought record — The situation" in shown and "Mon 2 Mar 2026" in shown
    assert "The bus was late" in shown and "Only for me." not in shown
    assert situation.cell_id not in shown and "score" not in shown and "cell" not in shown
    # The saved output holds the links, named by worksheet and day, and never a word of an entry.
    saved = frontend.outputs[-1]["data"]["text/html"]
    assert f'href="{made.name}">CBT thought record, ' in saved and 'href="2026-03.ipynb"' in saved
    for e in widget.entries:
        assert e.text[:20] not in saved
    assert saved.count('href="2026-03.ipynb"') == 1  # one link per notebook

    append_entry(journal / "2026-03.ipynb", "Written after Home was opened.", journal=journal)
    widget.refresh_button.click()
    assert "Written after Home was opened." in widget.list.value
    assert "Written after Home was opened." not in frontend.outputs[-1]["data"]["text/html"]


def test_a_forgotten_entry_is_not_listed(journal: Path, frontend: Frontend):
    from kit.index.forgotten import forget
    from kit.widgets import LatestEntries

    kept = append_entry(journal / "2026-03.ipynb", "Kept in the list.", journal=journal)
    gone = append_entry(journal / "2026-03.ipynb", "Forgotten by the person.", journal=journal)
    forget(journal, [gone.id])
    assert [e.id for e in LatestEntries(show=False).entries] == [kept.id]


def test_no_entries_yet_says_how_to_start(journal: Path, frontend: Frontend):
    from kit.widgets import LatestEntries

    assert "No entries yet" in LatestEntries().list.value


def test_recent_mood_charts_the_last_weeks_only(journal: Path, frontend: Frontend):
    pytest.importorskip("matplotlib")
    from kit.widgets import RecentMood

    today = date(2026, 3, 20)
    for days, mood in [(1, 6), (3, 4), (80, 9)]:
        when = datetime.combine(today - timedelta(days=days), datetime.min.time()).astimezone()
        append_entry(journal / "2026.ipynb", f"Day {days}.", mood=mood, created=when, journal=journal)
    widget = RecentMood(weeks=6, today=today)
    assert widget.chart is not None
    moods = {r["mood"] for r in widget.chart.records() if r["mood"] is not None}
    assert moods == {6.0, 4.0}  # the entry of 80 days ago is outside the last six weeks
    assert frontend.widgets == [widget.chart]

    empty = RecentMood(weeks=2, today=date(2025, 1, 1), show=False)
    assert empty.chart is None and "No mood recorded in the last 2 weeks" in empty.box.value


def test_home_links_to_the_examples_and_the_safety_plan(journal: Path, frontend: Frontend, examples: Path):
    from kit.journal.templates import new_from_template
    from kit.widgets import HomeLinks

    sync_examples(journal, examples)
    before = HomeLinks(journal=journal, show=False).html
    assert f'href="{EXAMPLES_FOLDER}/getting-started.ipynb">Getting started</a>' in before
    assert "don't have one yet" in before
    plan = new_from_template("safety-plan", journal)
    HomeLinks(journal=journal)
    shown = frontend.outputs[-1]["data"]["text/html"]
    assert f'href="{plan.name}"' in shown


def test_home_asks_jupyterlab_to_save_it_once_run_and_no_other_notebook_does(
    journal: Path, frontend: Frontend, monkeypatch
):
    import IPython.display
    import ipywidgets

    from kit.widgets import StartWorksheet

    path, _ = ensure_home(journal)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    StartWorksheet()
    scripts = [o for o in frontend.widgets if isinstance(o, IPython.display.Javascript)]
    assert len(scripts) == 1 and '"Home.ipynb"' in scripts[0].data and "jp-mod-dirty" in scripts[0].data
    assert any(isinstance(o, ipywidgets.Output) for o in frontend.widgets)  # shown in the page, not the file

    frontend.widgets.clear()
    monkeypatch.setenv("JPY_SESSION_NAME", str(journal / "2026-03.ipynb"))
    StartWorksheet()
    assert not [o for o in frontend.widgets if isinstance(o, IPython.display.Javascript)]


def test_new_notebooks_carry_the_kernels_language_info(journal: Path):
    """JupyterLab writes the kernel's language_info into a notebook when it opens it; a notebook that has it all
    already opens with nothing to save (measured in tests/e2e/test_browser.py)."""
    from ipykernel.ipkernel import IPythonKernel

    from kit.journal.templates import new_from_template

    home, _ = ensure_home(journal)
    sheet = new_from_template("dbt-diary-card", journal)
    for path in (home, sheet):
        info = nbformat.read(path, as_version=4).metadata.language_info
        assert info == IPythonKernel.language_info  # what the kernel reports, to the letter
