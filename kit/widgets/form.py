"""WorksheetForm: a worksheet's questions as a form — one labelled box per question and a Save button.

Each answer is kept the way the JournalWidget keeps an entry (``JournalWidget.keep``: the write-ahead file first,
then a display output of this cell that JupyterLab saves with the notebook), as an entry of its own labelled with
its question's field and the time it was saved. Nothing here writes the open notebook, and a slip of the keyboard
in a text box cannot turn an answer into code.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.errors import KitError
from kit.journal.templates import Field, template_fields
from kit.widgets._shell import Shown
from kit.widgets.journal import ROOM, JournalWidget

SAVED_HINT = "Your saved answers appear below the form; save the notebook (Ctrl+S) to keep them in the file."


class WorksheetForm(Shown):
    """The questions of ``template`` (default: the worksheet this notebook was made from), each with a text box."""

    def __init__(
        self,
        template: str | None = None,
        *,
        notebook: Any = None,
        show: bool = True,
    ) -> None:
        self.journal = JournalWidget(template=template, mood=False, notebook=notebook, show=False)
        self.template = self.journal.template
        try:
            self.fields: list[Field] = template_fields(self.template)
        except KitError:
            self.fields = []
        # Enough reserved outputs for every question to be saved twice before the cell must run again.
        self.journal._room = max(ROOM, 2 * len(self.fields))
        self.answers: dict[str, w.Textarea] = {}
        rows: list[Any] = []
        for field in self.fields:
            box = w.Textarea(
                placeholder="Your answer",
                layout=w.Layout(width="auto", height="3em" if field.scale else "6em"),
            )
            self.answers[field.name] = box
            hint = f"<br><small><i>{html.escape(field.hint)}</i></small>" if field.hint else ""
            rows.append(w.HTML(f"<b>{html.escape(field.label)}</b>{hint}", layout=w.Layout(width="auto")))
            rows.append(box)
        if not self.fields:
            rows.append(
                w.HTML(
                    "<p>This form needs the name of a worksheet, for example "
                    '<code>WorksheetForm("cbt-thought-record")</code> (see <code>reflect templates</code>).</p>'
                )
            )
        self.save_button = w.Button(description="Save", button_style="primary", icon="save")
        self.save_button.on_click(lambda _: self.save())
        self.status = self.journal.status
        self.status.layout = w.Layout(width="auto")
        self.box = w.VBox(
            [
                *rows,
                w.HBox([self.save_button, self.status], layout=w.Layout(flex_flow="row wrap")),
                w.HTML(f"<small>{html.escape(SAVED_HINT)}</small>"),
            ],
            layout=w.Layout(width="100%"),
        )
        if show:
            self._ipython_display_()

    def _ipython_display_(self) -> None:
        if not self._shown:
            super()._ipython_display_()
            self.journal.show_outputs()  # the answers kept before, then room for new ones

    def save(self) -> list[dict[str, Any]]:
        """What Save does: keep each filled-in answer as an entry of its own field; returns the entries kept."""
        kept: list[dict[str, Any]] = []
        for field in self.fields:
            box = self.answers[field.name]
            if not box.value.strip():
                continue
            entry = self.journal.keep(box.value, field=field.name)
            if (
                entry is None
            ):  # not kept (the write-ahead file could not be written): the words stay in the box
                break
            kept.append(entry)
            box.value = ""
        if not kept and self.journal.last_error is None:
            self.status.value = "Nothing to save — write an answer first."
        elif kept:
            self.status.value = f"Kept {len(kept)} answer{'s' if len(kept) != 1 else ''}: {self.status.value}"
        return kept
