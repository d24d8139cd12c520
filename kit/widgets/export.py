"""ExportWidget: the therapist packet (kit.outputs.export) from a notebook — the person chooses what goes in."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w

from kit.config import settings
from kit.errors import KitError
from kit.journal.templates import list_templates
from kit.outputs.export import ExportExists, export
from kit.text import plural
from kit.widgets._shell import Shown

ANY = "all worksheets"


def default_name(today: date | None = None, fmt: str = "pdf") -> str:
    return f"packet-{(today or date.today()).isoformat()}.{fmt}"


class ExportWidget(Shown):
    """Dates, worksheet, "hide names and places" (on by default), "include AI outputs" (off), Export.

    The packet is written into the journal folder (or ``folder``); an existing file is never replaced.
    """

    def __init__(
        self, since: Any = None, until: Any = None, *, folder: Path | str | None = None, show: bool = True
    ) -> None:
        self.folder = Path(folder) if folder is not None else settings().journal
        self.since = w.DatePicker(description="Since", value=since)
        self.until = w.DatePicker(description="Until", value=until)
        self.template = w.Dropdown(
            options=[ANY, *(t.name for t in list_templates() if t.name != "safety-plan")],
            description="Worksheet",
        )
        self.redact = w.Checkbox(
            value=True, description="hide names, places and contact details", indent=False
        )
        self.include_ai = w.Checkbox(
            value=False,
            description="include AI outputs (marked as AI, with where they came from)",
            indent=False,
        )
        self.format = w.ToggleButtons(options=["pdf", "html"], value="pdf", description="As")
        self.name = w.Text(value=default_name(), description="File", layout=w.Layout(width="30em"))
        self.format.observe(lambda change: self._rename(change["new"]), names="value")
        self.export_button = w.Button(description="Make the packet", button_style="primary", icon="file")
        self.export_button.on_click(lambda _: self.export())
        self.message = w.HTML(
            "<small>Your own entries, by worksheet and date. Private entries are never included. "
            "Nothing is sent anywhere: the file is written on this computer, and you decide whom to give it.</small>"
        )
        self.report: Any = None
        self.box = w.VBox(
            [
                w.HBox([self.since, self.until]),
                self.template,
                self.redact,
                self.include_ai,
                w.HBox([self.format, self.name]),
                self.export_button,
                self.message,
            ]
        )
        if show:
            self._ipython_display_()

    def _rename(self, fmt: str) -> None:
        stem = Path(self.name.value or default_name()).stem
        self.name.value = f"{stem}.{fmt}"

    def export(self) -> Any:
        """What the button does: write the packet; returns kit.outputs.export's report, or None after a message."""
        name = Path(self.name.value.strip() or default_name(fmt=self.format.value))
        out = name if name.is_absolute() else self.folder / name
        self.message.value = "<p>Making the packet…</p>"
        try:
            report = export(
                out,
                since=self.since.value,
                until=self.until.value,
                template=None if self.template.value == ANY else self.template.value,
                redact=self.redact.value,
                include_ai=self.include_ai.value,
            )
        except ExportExists:
            self.message.value = (
                f"<p>{html.escape(out.name)} is already there and was kept — change the file name to make "
                "another packet.</p>"
            )
            return None
        except KitError as exc:
            self.message.value = f"<p>{html.escape(str(exc))}</p>"
            return None
        self.report = report
        packet = report.packet
        hidden = (
            ", ".join(f"{count} {label}" for label, count in packet.redactions) or "nothing found to hide"
        )
        self.message.value = (
            f"<p>Written: <code>{html.escape(str(report.path))}</code> — "
            f"{plural(packet.entries, 'entry', 'entries')}, {plural(packet.ai, 'saved reflection')}; hidden: {html.escape(hidden)}. Read it through before you share it.</p>"
        )
        return report
