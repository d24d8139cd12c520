"""JournalWidget: write entries from a running notebook without ever writing the open .ipynb."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from kit.config import settings
from kit.journal import wal
from kit.journal.notebooks import EXAMPLES_FOLDER, kit_owned, relpath
from kit.journal.templates import entry_label
from kit.widgets import _shell

ROOM = 10  # entries one run of the cell can show before it asks to be run again (see _ipython_display_)
WATCH_SECONDS = 2.0  # how often, while entries are pending, the widget looks whether the notebook was saved
WATCH_LIMIT = 6 * 3600  # a forgotten tab stops looking after this long; running the cell again restarts it
_EMPTY = {"text/plain": ""}
MOOD_START = 5  # where the mood slider stands before the person moves it


def notebook_template(notebook: Path) -> str | None:
    """The worksheet a notebook was made from (``metadata.kit.template``), read from disk; None if it has none."""
    try:
        meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata") or {}
    except (OSError, ValueError, AttributeError):
        return None
    template = (meta.get("kit") or {}).get("template") if isinstance(meta, dict) else None
    return template if isinstance(template, str) and template else None


EXAMPLE_NOTE = (
    "This is a read-only example, not your journal: nothing written here is kept. To write in it, use "
    "File ▸ Save Notebook As… and save it in your journal."
)


def is_example(notebook: Path) -> bool:
    """Whether ``notebook`` is one of the read-only examples the kit puts in ``<journal>/kit-examples``."""
    rel = relpath(notebook, settings().journal)
    return not Path(rel).is_absolute() and kit_owned(rel) and Path(rel).parts[0] == EXAMPLES_FOLDER


def entry_bundle(entry: dict[str, Any]) -> dict[str, str]:
    """How an entry looks in the notebook: its date and mood above the person's own words."""
    created = str(entry.get("created", ""))
    try:
        when = datetime.fromisoformat(created).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = created
    parts = [when, entry_label(str(entry.get("template") or "journal"), str(entry.get("field") or "entry"))]
    if entry.get("mood") is not None:
        parts.append(f"mood {float(entry['mood']):g}/10")
    if entry.get("private"):
        parts.append("private")
    head = " · ".join(parts)
    text = entry.get("text", "")
    return {"text/markdown": f"**{head}**\n\n{text}", "text/plain": f"{head}\n{text}"}


class JournalWidget(_shell.Shown):
    """A text box, a mood, a private switch and Save; entries land in this cell's outputs.

    Save appends the entry to the notebook's write-ahead file (fsync'd) and only then shows it as a display
    output of this cell, which JupyterLab saves with the notebook. Running the cell again shows every entry
    of this cell on disk plus every pending one, so nothing is dropped by a reload, a restart or "Run all".
    """

    def __init__(
        self,
        template: str | None = None,
        field: str = "entry",
        mood: bool = True,
        notebook: Path | str | None = None,
        *,
        room: int = ROOM,
        show: bool = True,
    ) -> None:
        path, self.source = _shell.find_notebook(notebook)
        self.found = path is not None
        self.notebook = path if path is not None else settings().journal / f"{wal.UNTITLED}.ipynb"
        # A read-only example beside the journal (kit-examples/): nothing written there would be kept or found.
        self.example = is_example(self.notebook)
        # In a worksheet, entries belong to that worksheet, so its own ReflectWidget and filters see them.
        self.template = template or notebook_template(self.notebook) or "journal"
        self.field = field
        self.cell = _shell.current_cell_id()
        # Width "auto" (not 100%): a box stretches to its cell, and a 100% one pokes out by its margins and is cut.
        self.text = w.Textarea(placeholder="Write here…", layout=w.Layout(width="auto", height="8em"))
        # The slider is off while "no mood" is ticked, so it never shows a mood that will not be kept.
        self.mood = w.IntSlider(value=MOOD_START, min=0, max=10, description="Mood", disabled=True)
        self.no_mood = w.Checkbox(value=True, description="no mood", indent=False, disabled=not mood)
        self.private = w.Checkbox(
            value=False,
            description="private (never indexed or sent to a model)",
            indent=False,
            layout=w.Layout(width="auto"),  # the default width cuts this label
        )
        self.save_button = w.Button(description="Save", button_style="primary", icon="save")
        self.status = w.Label()
        self.mood.observe(lambda _: setattr(self.no_mood, "value", False), names="value")
        self.no_mood.observe(lambda _: self._mood_switch(), names="value")
        self.save_button.on_click(lambda _: self.save())
        mood_row = [w.HBox([self.mood, self.no_mood], layout=w.Layout(flex_flow="row wrap"))] if mood else []
        self.box = w.VBox([self.text, *mood_row, self.private, w.HBox([self.save_button, self.status])])
        self._mood_enabled = mood
        self._room = room
        self._slots: list[Any] = []
        self.last_error: str | None = None
        self._waiting = 0
        self._watch_stop = threading.Event()
        self._watcher: threading.Thread | None = None
        if show:
            self._ipython_display_()

    # -------------------------------------------------------------- rendering

    def _ipython_display_(self) -> None:
        if not self._shown:
            super()._ipython_display_()
            self.show_outputs()

    def show_outputs(self) -> None:
        """This cell's entries (on disk and pending), then the empty outputs that later saves fill in."""
        wal.confirm_saved(self.notebook)
        for entry in wal.entries_to_show(self.notebook, self.cell):
            _shell.show(entry_bundle(entry), wal.output_metadata(entry))
        # A button click runs outside this cell's execution, so output it makes would land nowhere; instead the
        # cell reserves empty outputs now and a click fills one in place (update_display_data by display id).
        self._slots = [_shell.show(_EMPTY) for _ in range(self._room)]
        self.refresh()

    def refresh(self) -> None:
        """Drop write-ahead lines already saved in the notebook on disk and show the counts."""
        wal.confirm_saved(self.notebook)
        on_disk = {e["id"] for e in wal.saved(self.notebook, self.cell)}
        waiting = [e for e in wal.pending(self.notebook) if e["id"] not in on_disk]
        self._waiting = len(waiting)
        counts = f"{len(waiting)} pending / {len(on_disk)} saved"
        if self.example:
            self.status.value = EXAMPLE_NOTE
        elif not self.found:
            self.status.value = (
                f"{counts} — this notebook's path is unknown (no JPY_SESSION_NAME or __session__); "
                f"entries are kept in {wal.pending_path(self.notebook)}"
            )
        elif waiting:
            self.status.value = f"{counts} — save the notebook (Ctrl+S) to keep them in {self.notebook.name}"
        else:
            self.status.value = counts

    # -------------------------------------------------------------- saving

    def save(self) -> dict[str, Any] | None:
        """What the Save button does; returns the entry saved, or None when there was nothing to save."""
        mood = None if (not self._mood_enabled or self.no_mood.value) else self.mood.value
        entry = self.keep(self.text.value, mood=mood, private=self.private.value)
        if entry is not None:
            # The next entry starts afresh: no mood carried over from this one without the person choosing it.
            self.text.value = ""
            self.mood.value = MOOD_START
            self.no_mood.value = True
        return entry

    def _mood_switch(self) -> None:
        self.mood.disabled = not self._mood_enabled or self.no_mood.value

    def keep(
        self, text: str, *, mood: float | None = None, private: bool = False, field: str | None = None
    ) -> dict[str, Any] | None:
        """Keep ``text`` as an entry of this cell: write-ahead file first, then this cell's next empty output.

        Other widgets (the values card sort, the activity picker, the worksheet form) keep the person's words
        through this too; ``field`` names the worksheet question an answer belongs to (default: this widget's).
        """
        if not text.strip():
            self.status.value = "Nothing to save — write something first."
            return None
        if self.example:
            self.status.value = EXAMPLE_NOTE
            return None
        entry = wal.make_entry(
            text,
            template=self.template,
            field=field or self.field,
            mood=mood,
            private=private,
            cell=self.cell,
        )
        try:
            wal.append_pending(self.notebook, entry)  # first: once this returns, the entry survives a crash
        except OSError as exc:
            self.last_error = str(exc)
            self.status.value = f"Not saved: could not write {wal.pending_path(self.notebook)} ({exc})"
            return None
        slot = self._slots.pop(0) if self._slots else None
        if slot is not None:
            slot.update(entry_bundle(entry), raw=True, metadata=wal.output_metadata(entry))
        self.refresh()
        if slot is None:
            self.status.value += " — run this cell again to show the newest entries here"
        elif self.found:
            self.watch()
        return entry

    # -------------------------------------------------------------- noticing the save

    def watch(self, interval: float | None = None, limit: float | None = None) -> None:
        """Refresh the status line when the notebook on disk changes, until nothing is pending.

        JupyterLab tells the kernel nothing when it saves, so without this "1 pending" would stay until the cell
        runs again. The thread only reads the notebook's mtime; it never writes anything.
        """
        if self._watcher is not None and self._watcher.is_alive():
            return
        self._watch_stop.clear()
        self._watcher = threading.Thread(
            target=self._watch,
            # The mtime is taken now, not when the thread starts: a save in between must still count as one.
            args=(self._mtime(), interval or WATCH_SECONDS, limit or WATCH_LIMIT),
            name="kit-journal-watch",
            daemon=True,
        )
        self._watcher.start()

    def stop_watching(self) -> None:
        self._watch_stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)

    def _watch(self, seen: float | None, interval: float, limit: float) -> None:
        waited = 0.0
        while self._waiting and waited < limit and not self._watch_stop.wait(interval):
            waited += interval
            mtime = self._mtime()
            if mtime != seen:
                seen = mtime
                try:
                    self.refresh()
                except Exception as exc:  # noqa: BLE001 - a half-written save; the next change retries
                    self.last_error = str(exc)

    def _mtime(self) -> float | None:
        try:
            return self.notebook.stat().st_mtime
        except OSError:
            return None
