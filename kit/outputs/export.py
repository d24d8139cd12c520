"""The journal packet: a person's own entries, by worksheet and date, as one HTML or PDF file to share.

The person decides what goes in. Private entries never do — not their words, not their mood. Saved
reflections (AI-written, or computed by the kit) only when asked, each boxed, labelled and shown with what
produced it. With ``redact`` the personal details kit.safety.pii finds are replaced with labels such as [PERSON].

The HTML is self-contained: styles inline, charts as ``data:`` PNGs, no script and no URL, and a content
security policy that forbids loading anything, so opening or printing it fetches nothing. The PDF is that HTML
printed by headless Chromium with its network pointed at nowhere.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.config import journal_folder
from kit.dates import as_datetime
from kit.errors import ConfigError, ExportExists, ExportFormat, JournalNotFound, NothingToExport
from kit.index.forgotten import keep_out
from kit.index.store import with_pending
from kit.journal.entries import Entry
from kit.journal.notebooks import _atomic_write, iter_notebooks, scan_journal
from kit.journal.reflections import saved_reflections
from kit.journal.templates import field_label
from kit.journal.templates import titles as worksheet_titles
from kit.outputs import plots
from kit.outputs.packet_html import _render, _Saved
from kit.outputs.pdf import find_chromium, print_pdf
from kit.safety.pii import Span, find_pii, redact

if TYPE_CHECKING:
    from kit.outputs.plots import Chart

log = logging.getLogger("kit")

FORMATS = (".html", ".pdf")
_LABEL_ORDER = ("PERSON", "PLACE", "EMAIL", "PHONE", "ADDRESS")
_TITLES = frozenset("mrs prof professor".split())  # part of a found name ("Mrs Khan"), not the name


@dataclass(frozen=True)
class Packet:
    """A built packet. ``redactions`` holds (label, count) pairs — never the text that was replaced.

    ``ai`` counts the saved reflections included (AI-written or computed by the kit); ``since``/``until`` is
    the date range shown on the cover; ``left_out`` says in words what was not included, with counts.
    """

    html: str
    entries: int
    ai: int
    redactions: tuple[tuple[str, int], ...]
    since: date
    until: date
    charts: tuple[Chart, ...]  # kit.outputs.plots charts: png, title, alt text
    left_out: tuple[tuple[str, int], ...]
    worksheets: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ExportReport:
    """Where a packet was written, as what, and what it holds."""

    path: Path
    format: str  # "html" | "pdf"
    size: int
    packet: Packet


# ---------------------------------------------------------------- reading the journal


def _entries(journal: Path) -> tuple[list[Entry], list[str]]:
    """Every entry of the journal (notebooks, then widget entries not saved into them yet), and the notebooks that
    could not be read, each with why."""
    scan = with_pending(scan_journal(journal), journal)
    return list(scan.entries), [f"{n} ({scan.why[n]})" if scan.why.get(n) else n for n in scan.unreadable]


def _saved_reflections(journal: Path) -> list[_Saved]:
    """Reflections kept in the journal's notebooks, from a tagged cell's metadata or a widget's output."""
    found: dict[str, _Saved] = {}
    for path in iter_notebooks(journal):
        try:
            saved = saved_reflections(path)
        except Exception:  # whatever is wrong with it, the entry scan has named it already
            continue
        for r in saved:
            if r.id in found:
                continue
            prov = r.provenance
            found[r.id] = _Saved(
                id=r.id,
                text=r.text if r.text is not None else r.shown,
                written_by=str(prov.get("written_by") or "digest"),
                provenance=prov,
                created=_moment(prov.get("created")),
            )
    return sorted(found.values(), key=lambda r: (r.created.timestamp() if r.created else 0.0, r.id))


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def build_packet(
    *,
    journal: Path | str | None = None,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    template: str | None = None,
    redact: bool = False,
    include_ai: bool = False,
) -> Packet:
    """Build the packet for a journal: cover note, mood chart, entries by worksheet and date, and (only with
    ``include_ai``) saved reflections. Raises NothingToExport when no entry matches."""
    start, end = as_datetime(since), as_datetime(until, end_of_day=True)
    if start and end and start > end:
        raise ConfigError(f"--since {start:%Y-%m-%d} is after --until {end:%Y-%m-%d} — swap the two dates")
    folder = journal_folder(journal)
    if not folder.is_dir():
        raise JournalNotFound(
            f"the journal folder {folder} does not exist — point --journal / KIT_JOURNAL at your journal"
        )

    every, unreadable = _entries(folder)
    written = [e for e in every if not e.is_empty]

    def in_dates(moment: datetime) -> bool:
        return (start is None or moment >= start) and (end is None or moment <= end)

    def in_scope(e: Entry) -> bool:
        return in_dates(e.created) and (template is None or e.template == template)

    gone = keep_out(folder)  # `reflect forget`: out of the packet too, until `reflect forget --undo`
    private = [e for e in written if e.private]
    forgotten = [e for e in written if not e.private and gone(e.id)]
    shared = [e for e in written if not e.private and not gone(e.id)]
    chosen = sorted((e for e in shared if in_scope(e)), key=lambda e: (e.created, e.notebook))
    if not chosen:
        kept_back = sum(1 for e in private if in_scope(e))
        forgot = sum(1 for e in forgotten if in_scope(e))
        held = [f"{kept_back} private, never exported"] if kept_back else []
        held += [f"{forgot} forgotten (`reflect forget --undo ID` brings one back)"] if forgot else []
        hint = f" ({'; '.join(held)})" if held else ""
        where = f" from the worksheet {template!r}" if template else ""
        raise NothingToExport(
            f"no entries{where} in these dates{hint} — widen --since/--until"
            + (" or check --template (see `reflect templates`)" if template else "")
        )

    # Reflections: only those about entries in this packet, never one that drew on an entry now private or
    # forgotten (it may quote it).
    private_ids = {e.id for e in private} | {e.id for e in forgotten}
    chosen_ids = {e.id for e in chosen}
    about: list[_Saved] = []
    on_private = 0
    for r in _saved_reflections(folder):
        cited = set(r.provenance.get("retrieved_ids") or [])
        relevant = bool(cited & (chosen_ids | private_ids)) or (
            not cited and template is None and r.created is not None and in_dates(r.created)
        )
        if relevant and cited & private_ids:
            on_private += 1
        elif relevant:
            about.append(r)
    shown = about if include_ai else []

    texts = {e.id: e.text.strip() for e in chosen}
    reflection_texts = {r.id: r.text.strip() for r in shown}
    counts: Counter[str] = Counter()
    if redact:
        redactor = _Redactor([*texts.values(), *reflection_texts.values()])
        texts = {k: redactor(v, counts) for k, v in texts.items()}
        # Kit and AI texts quote names in lower case ("anna · bread · coffee"), so they are matched loosely.
        reflection_texts = {k: redactor(v, counts, loose=True) for k, v in reflection_texts.items()}
    redactions = tuple(
        (label, counts[label]) for label in sorted(counts, key=lambda k: (_rank(k), k)) if counts[label]
    )

    # (what, how many), the noun already singular or plural to match the count.
    left_out: list[tuple[str, int]] = []

    def leave(n: int, one: str, many: str) -> None:
        if n:
            left_out.append((one if n == 1 else many, n))

    leave(
        sum(1 for e in private if in_scope(e)),
        "private entry (never included)",
        "private entries (never included)",
    )
    leave(
        sum(1 for e in forgotten if in_scope(e)),
        "entry you asked the kit to forget (`reflect forget --undo ID` brings it back)",
        "entries you asked the kit to forget (`reflect forget --undo ID` brings one back)",
    )
    leave(
        sum(1 for e in shared if not in_dates(e.created) and (template is None or e.template == template)),
        "entry outside these dates",
        "entries outside these dates",
    )
    if template is not None:
        leave(
            sum(1 for e in shared if in_dates(e.created) and e.template != template),
            "entry from another worksheet",
            "entries from other worksheets",
        )
    if not include_ai:
        leave(
            len(about),
            "saved reflection (AI or kit output), not asked for",
            "saved reflections (AI or kit outputs), not asked for",
        )
    leave(
        on_private,
        "saved reflection that drew on an entry now private or forgotten",
        "saved reflections that drew on entries now private or forgotten",
    )
    named = "; ".join(unreadable)
    leave(
        len(unreadable),
        f"notebook the kit could not read: {named}",
        f"notebooks the kit could not read: {named}",
    )

    first = start.date() if start else chosen[0].created.date()
    last = end.date() if end else chosen[-1].created.date()
    titles = worksheet_titles()
    by_sheet: dict[str, list[Entry]] = {}
    for e in chosen:
        by_sheet.setdefault(e.template, []).append(e)
    order = sorted(by_sheet, key=lambda t: titles.get(t, field_label(t)).lower())
    worksheets = tuple((titles.get(t, field_label(t)), len(by_sheet[t])) for t in order)
    # Charts are drawn from the texts as shown, so a redacted name stays redacted inside a picture too.
    charts = _charts([dataclasses.replace(e, text=texts[e.id]) for e in chosen], start, end)

    page = _render(
        first=first,
        last=last,
        sheets=[(t, titles.get(t, field_label(t)), by_sheet[t]) for t in order],
        texts=texts,
        charts=charts,
        reflections=[(r, reflection_texts[r.id]) for r in shown],
        every={e.id: e for e in every},
        titles=titles,
        left_out=left_out,
        redact=redact,
        redactions=redactions,
    )
    return Packet(
        html=page,
        entries=len(chosen),
        ai=len(shown),
        redactions=redactions,
        since=first,
        until=last,
        charts=charts,
        left_out=tuple(left_out),
        worksheets=worksheets,
    )


class _Redactor:
    """kit.safety.pii's spans in each text, and then every other use of a name or place found anywhere in the packet.

    kit.safety.pii (its rules and the recogniser on this machine) can miss a name in one sentence that it finds in
    another; once found, "Anna rang" elsewhere is the same person, so every text is searched for the words of the
    names and places found in any of them.
    """

    def __init__(self, texts: list[str]) -> None:
        self._find = functools.partial(find_pii, recogniser=True)
        self._words: dict[str, str] = {}  # lower-cased word -> label
        for text in texts:
            for span in self._find(text):
                if span.label in ("PERSON", "PLACE"):
                    for word in re.findall(r"[^\W\d_][\w'\u2019-]*", span.text):
                        if len(word) >= 3 and word.lower() not in _TITLES:
                            self._words.setdefault(word.lower(), span.label)
        alternatives = "|".join(re.escape(w) for w in sorted(self._words, key=len, reverse=True))
        self._pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE) if self._words else None

    def __call__(self, text: str, counts: Counter[str], *, loose: bool = False) -> str:
        spans = self._find(text)
        for m in self._pattern.finditer(text) if self._pattern else ():
            word = m.group()
            # In the person's words only the capitalised form is a name ("Will" rang, not "I will").
            if not loose and not word[:1].isupper():
                continue
            if all(m.end() <= s.start or m.start() >= s.end for s in spans):
                spans.append(Span(self._words[word.lower()], m.start(), m.end(), word))
        counts.update(s.label for s in spans)
        return redact(text, spans)


def _rank(label: str) -> int:
    return _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER)


# ---------------------------------------------------------------- charts


def _charts(entries: list[Entry], since: datetime | None, until: datetime | None) -> tuple[Chart, ...]:
    """The kit.outputs.plots charts these entries have numbers for: mood, activities, goals, values."""
    if importlib.util.find_spec("matplotlib") is None:
        log.warning("the packet has no charts: matplotlib is not installed (pip install matplotlib)")
        return ()
    charts = (plots.mood_chart, plots.activation_chart, plots.goals_chart, plots.values_chart)
    made = (draw(entries, since=since, until=until) for draw in charts)
    return tuple(chart for chart in made if chart is not None)


# ---------------------------------------------------------------- writing the file


def export(
    out: Path | str,
    *,
    overwrite: bool = False,
    journal: Path | str | None = None,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    template: str | None = None,
    redact: bool = False,
    include_ai: bool = False,
) -> ExportReport:
    """Write the packet to ``out`` (.html or .pdf) atomically; an existing file is kept unless ``overwrite``."""
    out = Path(out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportFormat(f"{out.name} must end in .html or .pdf — e.g. --out packet.pdf")
    if out.exists() and not overwrite:
        raise ExportExists(f"{out} already exists — choose another name, or add --force to replace it")
    if not out.parent.is_dir():
        raise ConfigError(f"the folder {out.parent} does not exist — create it, or choose another --out")
    browser = find_chromium() if suffix == ".pdf" else None  # fail before the work, not after
    packet = build_packet(
        journal=journal, since=since, until=until, template=template, redact=redact, include_ai=include_ai
    )
    data = packet.html.encode("utf-8") if browser is None else print_pdf(packet.html, browser=browser)
    _write_new(out, data, overwrite)
    return ExportReport(path=out.resolve(), format=suffix[1:], size=len(data), packet=packet)


def _write_new(path: Path, data: bytes, overwrite: bool) -> None:
    """Atomically, and readable by its owner only (the packet holds journal text); never over a file that
    appeared while the packet was being made, unless ``overwrite``."""
    try:
        _atomic_write(path, data, clobber=overwrite)
    except FileExistsError:
        raise ExportExists(f"{path} already exists — choose another name, or add --force") from None
    if overwrite:
        os.chmod(path, 0o600)
