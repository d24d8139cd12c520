"""The widgets of the Home notebook (kit.journal.home): start a worksheet, the latest entries, the recent mood, links.

Links are HTML anchors in display outputs, relative to the notebook that shows them: JupyterLab renders those
outputs itself and opens a link to a notebook inside JupyterLab. Nothing here writes into Home.ipynb; starting a
worksheet writes only the new, dated notebook (never an existing file).
"""

from __future__ import annotations

import html
import json
import os
import urllib.parse
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import IPython.display
import ipywidgets as w

from kit.config import settings
from kit.errors import KitError
from kit.index.forgotten import keep_out
from kit.index.store import with_pending
from kit.journal.entries import Entry
from kit.journal.home import EXAMPLES_FOLDER, HOME_NOTEBOOK
from kit.journal.notebooks import scan_journal
from kit.journal.templates import entry_label, field_label, list_templates, new_from_template, titles
from kit.outputs.plots import mood_chart
from kit.safety.wellbeing import find_safety_plan
from kit.text import plural
from kit.widgets import _shell
from kit.widgets._shell import Shown

LATEST = 8  # entries the Home page lists
SNIPPET = 160  # characters of each entry shown


def _here() -> Path:
    """The folder of the notebook these widgets run in (links are relative to it); the journal when unknown."""
    path, _ = _shell.find_notebook()
    return path.parent if path is not None else settings().journal


def link(target: Path, text: str, here: Path | None = None) -> str:
    """An HTML anchor to ``target`` relative to ``here``, which JupyterLab opens in a new tab of its own."""
    rel = os.path.relpath(Path(target).resolve(), (here or _here()).resolve())
    return f'<a href="{urllib.parse.quote(Path(rel).as_posix())}">{html.escape(text)}</a>'


def _day(when: datetime) -> str:
    return f"{when:%a} {when.day} {when:%b %Y}"


# ---------------------------------------------------------------- start a worksheet


class StartWorksheet(Shown):
    """A list of every worksheet and Start: makes the dated copy (as ``reflect new``) and shows a link to open it."""

    def __init__(self, *, journal: Path | str | None = None, show: bool = True) -> None:
        self.journal = Path(journal) if journal else settings().journal
        self.templates = list_templates()
        self.choice = w.Dropdown(
            options=[(t.title, t.name) for t in self.templates],
            description="Worksheet",
            layout=w.Layout(width="auto", max_width="100%"),
        )
        self.about = w.HTML(layout=w.Layout(width="auto"))
        self.start_button = w.Button(description="Start", button_style="primary", icon="plus")
        self.status = w.Label(layout=w.Layout(width="auto"))
        self.made: Path | None = None
        self.choice.observe(lambda _: self._describe(), names="value")
        self.start_button.on_click(lambda _: self.start())
        self.box = w.VBox(
            [
                w.HBox([self.choice, self.start_button], layout=w.Layout(flex_flow="row wrap")),
                self.about,
                self.status,
            ]
        )
        self._describe()
        self._link: Any = None
        if show:
            self._ipython_display_()

    def _ipython_display_(self) -> None:
        if not self._shown:
            super()._ipython_display_()
            # A click runs outside this cell's execution: the output that will hold the link is reserved now.
            self._link = _shell.show({"text/plain": ""})
            path, _ = _shell.find_notebook()
            if path is not None and path.name == HOME_NOTEBOOK:
                # Home holds no word of the person's (LatestEntries keeps those in a widget), so once it has run
                # it is saved at once: reloading the page then never asks "Leave site?".
                _shell.save_when_run(path.name)

    def _describe(self) -> None:
        chosen = next((t for t in self.templates if t.name == self.choice.value), None)
        self.about.value = f"<small>{html.escape(chosen.description)}</small>" if chosen else ""

    def _say(self, text: str) -> None:
        self.status.value = text
        self.status.layout.display = None if text else "none"  # an empty label would still leave a blank line

    def start(self) -> Path | None:
        """What Start does: a new dated notebook of the chosen worksheet; returns its path (None on a KitError)."""
        try:
            made = new_from_template(self.choice.value, self.journal)
        except (KitError, OSError) as exc:
            self._say(f"Not started: {exc}")
            return None
        self.made = made
        anchor = link(made, made.name)
        # Shown, the link says it all; the label is for a widget displayed without its output (and for errors).
        self._say("" if self._link is not None else f"Made {made.name} in your journal.")
        bundle = {
            "text/html": f"<p>Made {anchor} — click to open it.</p>",
            "text/plain": f"Made {made.name} in your journal.",
        }
        if self._link is not None:
            self._link.update(bundle, raw=True)
        return made


# ---------------------------------------------------------------- the latest entries


def recent_entries(journal: Path | str | None = None, n: int = LATEST) -> list[Entry]:
    """The ``n`` newest entries with words in them (pending ones too), newest first; private and forgotten ones
    left out."""
    folder = Path(journal) if journal else settings().journal
    if not folder.is_dir():
        return []
    scan = with_pending(scan_journal(folder), folder)
    forgotten = keep_out(folder)  # `reflect forget`: kept off Home too, until `reflect forget --undo`
    found = [e for e in scan.entries if not e.private and not e.is_empty and not forgotten(e.id)]
    return sorted(found, key=lambda e: e.created, reverse=True)[:n]


def entries_html(entries: list[Entry]) -> str:
    """The entries as an HTML list: the day, the worksheet and question, and the first words."""
    if not entries:
        return (
            "<p>No entries yet. Start a worksheet above, or write in a daily journal "
            "(<code>reflect new daily-journal</code>).</p>"
        )
    rows = []
    for e in entries:
        words = " ".join(e.text.split())
        words = words if len(words) <= SNIPPET else words[: SNIPPET - 1].rsplit(" ", 1)[0] + "…"
        about = html.escape(entry_label(e.template, e.field))
        rows.append(f"<li><b>{_day(e.created)}</b> · {about}<br>{html.escape(words)}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def notebook_title(entry: Entry) -> str:
    """What an entry's notebook is, in words: its worksheet's title ("Journal" for plain entries)."""
    return titles().get(entry.template) or (
        "Journal" if entry.template == "journal" else field_label(entry.template)
    )


def links_to_notebooks(entries: list[Entry], journal: Path, here: Path | None = None) -> str:
    """Links to the notebooks the entries are in, newest first, each named by its worksheet and day — and no word
    of any entry, because this is the part of Home that JupyterLab saves into Home.ipynb."""
    if not entries:
        return ""
    here = here or _here()
    seen: dict[str, Entry] = {}
    for e in entries:
        seen.setdefault(e.notebook, e)
    items = [link(journal / nb, f"{notebook_title(e)}, {_day(e.created)}", here) for nb, e in seen.items()]
    return f"<p><b>Open:</b> {' · '.join(items)}</p>"


class LatestEntries(Shown):
    """The latest entries of the journal, newest first, and links to their notebooks; Refresh lists them again.

    The entries' words are shown in a widget, which JupyterLab does not save into Home.ipynb: Home never keeps a
    copy of what the person wrote, so an entry they delete or forget (``reflect forget``) is not left there. Only
    the links (worksheet and day) are a saved output — JupyterLab opens a link there in a tab of its own.
    """

    def __init__(self, n: int = LATEST, *, journal: Path | str | None = None, show: bool = True) -> None:
        self.n = n
        self.journal = Path(journal) if journal else settings().journal
        self.refresh_button = w.Button(description="Refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.count = w.Label()
        self.list = w.HTML(layout=w.Layout(width="auto"))
        self.box = w.VBox(
            [w.HBox([self.refresh_button, self.count], layout=w.Layout(flex_flow="row wrap")), self.list]
        )
        self.entries: list[Entry] = []
        self.html = ""
        self._handle: Any = None
        self.refresh()
        if show:
            self._ipython_display_()

    def _ipython_display_(self) -> None:
        if not self._shown:
            super()._ipython_display_()
            self._handle = _shell.show(self.bundle())

    def bundle(self) -> dict[str, str]:
        """The saved output: links to the notebooks, never an entry's words."""
        links = links_to_notebooks(self.entries, self.journal)
        return {"text/html": links, "text/plain": ""} if links else {"text/plain": ""}

    def refresh(self) -> list[Entry]:
        """List the latest entries again (what Refresh does)."""
        self.entries = recent_entries(self.journal, self.n)
        self.html = entries_html(self.entries)
        self.list.value = self.html
        self.count.value = (
            f"the latest {plural(len(self.entries), 'entry', 'entries')}" if self.entries else ""
        )
        if self._handle is not None:
            self._handle.update(self.bundle(), raw=True)
        return self.entries


# ---------------------------------------------------------------- mood over the last weeks


class RecentMood(Shown):
    """The mood chart of the last ``weeks`` weeks (kit.outputs.plots.mood_chart), from the notebooks directly."""

    def __init__(
        self,
        weeks: int = 6,
        *,
        journal: Path | str | None = None,
        today: date | None = None,
        show: bool = True,
    ) -> None:
        self.journal = Path(journal) if journal else settings().journal
        self.until = today or date.today()
        self.since = self.until - timedelta(weeks=weeks) + timedelta(days=1)
        self.weeks = weeks
        entries = recent_entries(self.journal, n=10**9)
        self.chart = mood_chart(
            [e for e in entries if e.mood is not None], since=self.since, until=self.until
        )
        self.box = w.HTML(
            ""
            if self.chart is not None
            else f"<p>No mood recorded in the last {plural(weeks, 'week')}. The JournalWidget's mood slider "
            "adds one to an entry.</p>"
        )
        if show:
            self._ipython_display_()

    def _ipython_display_(self) -> None:
        if not self._shown:
            self._shown = True
            IPython.display.display(self.chart if self.chart is not None else self.box)


# ---------------------------------------------------------------- links


def example_notebooks(journal: Path) -> list[tuple[str, Path]]:
    """(title, path) of each example notebook in ``<journal>/kit-examples``."""
    folder = journal / EXAMPLES_FOLDER
    found = []
    for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("kit", {})
        except (OSError, ValueError, AttributeError):
            meta = {}
        title = meta.get("title") if isinstance(meta, dict) else None
        found.append((str(title or field_label(path.stem)), path))
    return found


def links_html(journal: Path, here: Path | None = None) -> str:
    """Links to the example notebooks and to the person's safety plan (or how to make one)."""
    examples = example_notebooks(journal)
    here = here or _here()
    if examples:
        items = "".join(f"<li>{link(path, title, here)}</li>" for title, path in examples)
        shown = (
            f"<p><b>Examples</b> (read-only, in the <code>{EXAMPLES_FOLDER}</code> folder; never part of your "
            f"journal):</p><ul>{items}</ul>"
            "<p><small>To write in one, use <i>File ▸ Save Notebook As…</i> and save it in your journal.</small></p>"
        )
    else:
        shown = f"<p><b>Examples:</b> start JupyterLab with <code>make lab</code> to find them in <code>{EXAMPLES_FOLDER}</code>.</p>"
    plan = find_safety_plan(journal)
    if plan is not None:
        safety = f"<p><b>Your safety plan:</b> {link(plan, plan.name, here)}</p>"
    else:
        safety = (
            "<p><b>Your safety plan:</b> you don't have one yet. When you feel able, choose "
            "<i>Safety plan</i> under “Start a worksheet” above: your warning signs, what helps, and who to call.</p>"
        )
    return shown + safety


class HomeLinks(Shown):
    """Links to the example notebooks and to the person's safety plan."""

    def __init__(self, *, journal: Path | str | None = None, show: bool = True) -> None:
        self.journal = Path(journal) if journal else settings().journal
        self.html = links_html(self.journal)
        self.box = None
        if show:
            self._ipython_display_()

    def _ipython_display_(self) -> None:
        if not self._shown:
            self._shown = True
            _shell.show({"text/html": self.html, "text/plain": "Examples and your safety plan"})
