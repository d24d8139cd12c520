"""ReflectWidget: summarise a period or ask a question; the result is kept as this cell's output."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import ipywidgets as w

from kit.errors import KitError
from kit.journal.reflections import _reflection_output
from kit.journal.wal import kit_outputs
from kit.labels import DISCLAIMER
from kit.models.prompts import MODES
from kit.models.registry import Backend, get_backend, said
from kit.reflection.provenance import _backend
from kit.reflection.reflect import ask, summarize
from kit.when import Understood, understand
from kit.widgets import _shell
from kit.widgets._shell import Shown

SUMMARY = "Summarise a period"
ASK = "Ask a question"
_EMPTY = {"text/plain": ""}


def kept_reflections() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The reflections this cell holds in its notebook on disk, as (data, metadata) to show again."""
    notebook, _ = _shell.find_notebook()
    cell = _shell.current_cell_id()
    if notebook is None or cell is None:  # without the cell id, another cell's reflections could be copied in
        return []
    kept = []
    for _, output in kit_outputs(notebook, "reflection", cell):
        # On disk, nbformat may split a text into a list of lines; the front end wants it whole.
        data = {k: "".join(v) if isinstance(v, list) else v for k, v in (output.get("data") or {}).items()}
        kept.append((data, dict(output.get("metadata") or {})))
    return kept


def backend_line(backend: Any) -> str:
    """Which model will answer, in plain words (the details, with why it was chosen, are the label's tooltip)."""
    return said(backend)


class ReflectWidget(Shown):
    """Summary or question, coach mode, Reflect; shows which backend answers before it is called.

    The reflection goes into a display output of this cell (``metadata.kit`` as ``kit.save_reflection`` writes
    it), reserved when the cell runs, so JupyterLab saves it with the notebook and running the cell again
    replaces it instead of adding another. A crisis reflection (helplines, no model asked) is shown as it is.
    """

    def __init__(
        self,
        mode: str = "summary",
        template: str | None = None,
        *,
        model: Any = None,
        index: Any = None,
        today: date | str | None = None,
        show: bool = True,
    ) -> None:
        self._model = model
        self._index = index
        self.today = today  # the day "last week" in the words counts from (None: the real today)
        self.understood: Understood | None = None
        self.template = template  # only entries from this worksheet, when given
        self.kind = w.RadioButtons(options=[SUMMARY, ASK], value=SUMMARY)
        self.since = w.DatePicker(description="Since")
        self.until = w.DatePicker(description="Until")
        self.question = w.Text(
            placeholder="What would you like to know about your journal?",
            description="Ask",
            layout=w.Layout(width="100%", max_width="60em"),
        )
        self.mode = w.Dropdown(options=list(MODES), value=mode, description="Coach")
        self.reflect_button = w.Button(description="Reflect", button_style="primary")
        self.backend_label = w.Label()
        self.said = w.HTML()  # what the dates in the words were read as
        self.progress = w.Label()
        self.message = w.HTML()
        self.disclaimer = w.HTML(f"<small>{html.escape(DISCLAIMER)}</small>")
        self.reflection: Any = None
        self.reflect_button.on_click(lambda _: self.reflect())
        self.box = w.VBox(
            [
                self.kind,
                w.HBox([self.since, self.until]),
                self.question,
                w.HBox([self.mode, self.reflect_button]),
                self.backend_label,
                self.said,
                self.progress,
                self.message,
                self.disclaimer,
            ]
        )
        self._handle: Any = None
        if show:
            self._ipython_display_()

    def _ipython_display_(self) -> None:
        if self._shown:
            return
        super()._ipython_display_()
        # Running the cell again (a restart, "Run all") clears its outputs in JupyterLab; the reflections this
        # cell kept in the notebook on disk are shown again, so the next save does not drop them.
        for data, metadata in kept_reflections():
            _shell.show(data, metadata)
        # A click runs outside this cell's execution: the output it fills is reserved now, while the cell runs.
        self._handle = _shell.show(_EMPTY)

    def backend(self) -> Any:
        """The backend that will answer: the injected model, or kit.models.registry.get_backend() (KIT_MODEL)."""
        if self._model is None or isinstance(self._model, str):
            self._model = get_backend(self._model)
        elif not isinstance(self._model, Backend):
            self._model = _backend(self._model)  # names it as the flows would ("embedded" or "custom")
        return self._model

    def reflect(self) -> Any:
        """What the Reflect button does; returns the Reflection, or None after a one-line message."""
        self.message.value = ""
        self.said.value = ""

        def said(line: str) -> None:
            self.progress.value = line

        progress = _shell.writing_progress(said)

        try:
            # Dates in the words ("in March", "last week") set the period unless Since/Until are set; a summary
            # is about the words left, if any.
            asked = understand(
                self.question.value, self.today, since=self.since.value, until=self.until.value
            )
            self.understood = asked
            backend = self.backend()
            self.backend_label.value = backend_line(backend)
            self.backend_label.tooltip = f"{backend.model_name} ({backend.name}) — {backend.reason}"
            if line := asked.line(given_as="Since/Until"):
                self.said.value = f"<i>{html.escape(line)}</i>"
            self.progress.value = "Working…"
            if self.kind.value == ASK:
                reflection = ask(
                    self.question.value,
                    since=asked.since,
                    until=asked.until,
                    query=asked.query if asked.words else None,  # only dates: the period's entries
                    model=backend,
                    index=self._index,
                    progress=progress,
                    index_progress=_shell.index_progress(said),
                    mode=self.mode.value,
                    template=self.template,
                )
            else:
                reflection = summarize(
                    asked.since,
                    asked.until,
                    asked.query or None,
                    template=self.template,
                    model=backend,
                    index=self._index,
                    progress=progress,
                    index_progress=_shell.index_progress(said),
                    mode=self.mode.value,
                )
        except KitError as exc:
            self.progress.value = ""
            self.message.value = f"<p>{html.escape(str(exc))}</p>"
            return None
        self.progress.value = "Done." if not reflection.crisis else ""
        self.reflection = reflection
        self._keep(reflection)
        return reflection

    def _keep(self, reflection: Any) -> None:
        output = _reflection_output(reflection)
        data, metadata = dict(output["data"]), dict(output["metadata"])
        if self._handle is not None:
            self._handle.update(data, raw=True, metadata=metadata)
        else:  # not displayed (or no kernel): show it in the widget instead
            self.message.value = f"<pre>{html.escape(reflection.text)}</pre>"
