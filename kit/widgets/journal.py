"""JournalWidget: write entries from a running notebook without ever writing the open .ipynb."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from kit.widgets import _shell
from kit.widgets import pending as wal

ROOM = 10  # entries one run of the cell can show before it asks to be run again (see _ipython_display_)
_EMPTY = {"text/plain": ""}


def entry_bundle(entry: dict[str, Any]) -> dict[str, str]:
    """How an entry looks in the notebook: its date and mood above the person's own words."""
    created = str(entry.get("created", ""))
    try:
        when = datetime.fromisoformat(created).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = created
    parts = [when, f"{entry.get('template', 'journal')} / {entry.get('field', 'entry')}"]
    if entry.get("mood") is not None:
        parts.append(f"mood {float(entry['mood']):g}/10")
    if entry.get("private"):
        parts.append("private")
    head = " · ".join(parts)
    text = entry.get("text", "")
    return {"text/markdown": f"**{head}**\n\n{text}", "text/plain": f"{head}\n{text}"}


class JournalWidget:
    """A text box, a mood, a private switch and Save; entries land in this cell's outputs.

    Save appends the entry to the notebook's write-ahead file (fsync'd) and only then shows it as a display
    output of this cell, which JupyterLab saves with the notebook. Running the cell again shows every entry
    of this cell on disk plus every pending one, so nothing is dropped by a reload, a restart or "Run all".
    """

    def __init__(
        self,
        template: str = "journal",
        field: str = "entry",
        mood: bool = True,
        notebook: Path | str | None = None,
        *,
        room: int = ROOM,
        show: bool = True,
    ) -> None:
        import ipywidgets as w

        from kit.config import settings

        self.template, self.field = template, field
        path, self.source = _shell.find_notebook(notebook)
        self.found = path is not None
        self.notebook = path if path is not None else settings().journal / f"{wal.UNTITLED}.ipynb"
        self.cell = _shell.current_cell_id()
        self.text = w.Textarea(placeholder="Write here…", layout=w.Layout(width="100%", height="8em"))
        self.mood = w.IntSlider(value=5, min=0, max=10, description="Mood", disabled=not mood)
        self.no_mood = w.Checkbox(value=True, description="no mood", indent=False)
        self.private = w.Checkbox(value=False, description="private (never indexed or sent to a model)")
        self.save_button = w.Button(description="Save", button_style="primary", icon="save")
        self.status = w.Label()
        self.mood.observe(lambda _: setattr(self.no_mood, "value", False), names="value")
        self.save_button.on_click(lambda _: self.save())
        mood_row = [w.HBox([self.mood, self.no_mood])] if mood else []
        self.box = w.VBox([self.text, *mood_row, self.private, w.HBox([self.save_button, self.status])])
        self._mood_enabled = mood
        self._room = room
        self._slots: list[Any] = []
        self._shown = False
        self.last_error: str | None = None
        if show:
            self._ipython_display_()

    # -------------------------------------------------------------- rendering

    def _ipython_display_(self) -> None:
        if self._shown:
            return
        self._shown = True
        _shell.show_widget(self.box)
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
        counts = f"{len(waiting)} pending / {len(on_disk)} saved"
        if not self.found:
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
        if not self.text.value.strip():
            self.status.value = "Nothing to save — write something first."
            return None
        mood = None if (not self._mood_enabled or self.no_mood.value) else self.mood.value
        entry = wal.make_entry(
            self.text.value,
            template=self.template,
            field=self.field,
            mood=mood,
            private=self.private.value,
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
        self.text.value = ""
        self.refresh()
        if slot is None:
            self.status.value += " — run this cell again to show the newest entries here"
        return entry
