"""SearchWidget: search the journal by meaning from a notebook."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import ipywidgets as w

from kit.errors import KitError
from kit.index.search import search, snippet
from kit.index.store import Index
from kit.journal.templates import entry_label, list_templates
from kit.labels import spoken_day
from kit.when import Understood, understand
from kit.widgets import _shell
from kit.widgets._shell import Shown

ANY = "any"


def hits_html(hits: list[Any], verbose: bool = False) -> str:
    """Search hits as an HTML list: the day, what the entry answers and its words (``verbose``: also the score,
    notebook and cell, which a person never needs to read)."""
    if not hits:
        return "<p>No entries found.</p>"
    rows = []
    for hit in hits:
        where = (
            f"<br><small>score {hit.score:.2f} · <code>{html.escape(hit.notebook)}</code> · cell "
            f"<code>{html.escape(hit.cell_id)}</code></small>"
            if verbose
            else ""
        )
        rows.append(
            "<li style='overflow-wrap:anywhere'>"
            f"<b>{html.escape(spoken_day(hit.created.date().isoformat()))}</b> · "
            f"{html.escape(entry_label(hit.template, hit.field))}<br>"
            f"{html.escape(snippet(hit.text, 200))}{where}</li>"
        )
    return "<ol>" + "".join(rows) + "</ol>"


class SearchWidget(Shown):
    """Query, number of results, dates and worksheet; the index is brought up to date before each search."""

    def __init__(
        self, k: int = 5, *, index: Any = None, today: date | str | None = None, show: bool = True
    ) -> None:
        self._index = index
        self.today = today  # the day "last week" in a query counts from (None: the real today)
        self.understood: Understood | None = None
        self.query = w.Text(
            placeholder="What are you looking for?",
            description="Search",
            layout=w.Layout(width="36em", max_width="100%"),  # room for a sentence before the words scroll
        )
        self.k = w.IntSlider(value=k, min=1, max=50, description="Results")
        self.since = w.DatePicker(description="Since")
        self.until = w.DatePicker(description="Until")
        self.template = w.Dropdown(
            options=[ANY, *(t.name for t in list_templates())], value=ANY, description="Worksheet"
        )
        self.search_button = w.Button(description="Search", icon="search")
        self.results = w.HTML()
        self.hits: list[Any] = []
        self.search_button.on_click(lambda _: self.search())
        self.query.on_submit(lambda _: self.search())
        self.box = w.VBox(
            [
                w.HBox([self.query, self.search_button], layout=w.Layout(flex_flow="row wrap")),
                w.HBox([self.k, self.template], layout=w.Layout(flex_flow="row wrap")),
                w.HBox([self.since, self.until], layout=w.Layout(flex_flow="row wrap")),
                self.results,
            ]
        )
        if show:
            self._ipython_display_()

    @property
    def index(self) -> Any:
        if self._index is None:
            self._index = Index()
        return self._index

    def search(self) -> list[Any]:
        """What the Search button does: update the index, search, render; a KitError becomes one line."""
        self.results.value = "<i>Searching…</i>"
        try:
            # Dates in the words ("in March") narrow the search unless Since/Until are set.
            asked = understand(self.query.value, self.today, since=self.since.value, until=self.until.value)
            self.understood = asked
            self.index.update(
                progress=_shell.index_progress(lambda said: setattr(self.results, "value", f"<i>{said}</i>"))
            )
            self.hits = search(
                asked.query if asked.words else self.query.value,  # only dates: the period, newest first
                k=self.k.value,
                since=asked.since,
                until=asked.until,
                template=None if self.template.value == ANY else self.template.value,
                index=self.index,
            )
        except KitError as exc:
            self.hits = []
            self.results.value = f"<p>{html.escape(str(exc))}</p>"
            return []
        line = asked.line(given_as="Since/Until")
        said = f"<p><i>{html.escape(line)}</i></p>" if line else ""
        note = getattr(self.hits, "note", "")  # the recorded mood was used; or the query named no topic
        self.results.value = (
            said + hits_html(self.hits) + (f"<p><i>{html.escape(note)}</i></p>" if note else "")
        )
        return self.hits
