"""The journal packet: a person's own entries, by worksheet and date, as one HTML or PDF file to share.

The person decides what goes in. Private entries never do — not their words, not their mood. Saved
reflections (AI-written, or computed by the kit) only when asked, each boxed, labelled and shown with what
produced it. With ``redact`` the personal details kit.safety.pii finds are replaced with labels such as [PERSON].

The HTML is self-contained: styles inline, charts as ``data:`` PNGs, no script and no URL, and a content
security policy that forbids loading anything, so opening or printing it fetches nothing. The PDF is that HTML
printed by headless Chromium with its network pointed at nowhere.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import html
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt

from kit._version import __version__
from kit.config import journal_folder
from kit.errors import ConfigError, ExportExists, ExportFormat, JournalNotFound, KitError, NothingToExport
from kit.index.search import as_datetime
from kit.index.store import with_pending
from kit.journal.entries import Entry
from kit.journal.notebooks import _atomic_write, iter_notebooks, saved_reflections, scan_journal
from kit.journal.templates import field_label
from kit.journal.templates import titles as worksheet_titles
from kit.labels import AI_BOX
from kit.outputs import plots
from kit.outputs.pdf import find_chromium, print_pdf
from kit.safety.pii import Span, find_pii, redact
from kit.text import plural

if TYPE_CHECKING:
    from kit.outputs.plots import Chart

log = logging.getLogger("kit")

FORMATS = (".html", ".pdf")
_LABEL_ORDER = ("PERSON", "PLACE", "EMAIL", "PHONE", "ADDRESS")
_TITLES = frozenset("mrs prof professor".split())  # part of a found name ("Mrs Khan"), not the name
AI_BOX_LABEL = AI_BOX


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


@dataclass(frozen=True)
class _Saved:
    """A reflection kept in a notebook (kit.journal.notebooks.save_reflection or the ReflectWidget)."""

    id: str
    text: str
    written_by: str  # "model" | "digest" | "safety"
    provenance: dict[str, Any]
    created: datetime | None


# ---------------------------------------------------------------- reading the journal


def _entries(journal: Path) -> tuple[list[Entry], int]:
    """Every entry of the journal (notebooks, then widget entries not saved into them yet) and how many
    notebooks could not be read."""
    scan = with_pending(scan_journal(journal), journal)
    return list(scan.entries), len(scan.unreadable)


def _saved_reflections(journal: Path) -> list[_Saved]:
    """Reflections kept in the journal's notebooks, from a tagged cell's metadata or a widget's output."""
    found: dict[str, _Saved] = {}
    for path in iter_notebooks(journal):
        try:
            saved = saved_reflections(path)
        except (OSError, KitError):
            continue  # already reported by the entry scan
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

    private = [e for e in written if e.private]
    shared = [e for e in written if not e.private]
    chosen = sorted((e for e in shared if in_scope(e)), key=lambda e: (e.created, e.notebook))
    if not chosen:
        kept_back = sum(1 for e in private if in_scope(e))
        hint = f" ({kept_back} private, never exported)" if kept_back else ""
        where = f" from the worksheet {template!r}" if template else ""
        raise NothingToExport(
            f"no entries{where} in these dates{hint} — widen --since/--until"
            + (" or check --template (see `reflect templates`)" if template else "")
        )

    # Reflections: only those about entries in this packet, never one that drew on an entry now private.
    private_ids = {e.id for e in private}
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
        "saved reflection that drew on an entry now private",
        "saved reflections that drew on entries now private",
    )
    leave(unreadable, "notebook the kit could not read", "notebooks the kit could not read")

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
    made = []
    for draw in (plots.mood_chart, plots.activation_chart, plots.goals_chart, plots.values_chart):
        try:
            chart = draw(entries, since=since, until=until)
        except ImportError:
            log.warning("the packet has no charts: matplotlib is not installed (pip install matplotlib)")
            return ()
        if chart is not None:
            made.append(chart)
    return tuple(made)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- HTML

_e = functools.partial(html.escape, quote=False)  # element text; attribute values use _attr


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


@functools.lru_cache(maxsize=1)
@functools.cache
def _markdown() -> Any:
    # Raw HTML is escaped, not passed through; links, images and autolinks stay plain text, so nothing a
    # person (or a model) wrote can make the packet fetch anything or run anything.
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    md.disable(["link", "image", "autolink", "reference"])
    return md


def render_markdown(text: str) -> str:
    """Markdown as inert HTML: raw HTML escaped, no links or images (the packet, and the widgets' answers)."""
    return _markdown().render(text)


def _text(text: str) -> str:
    return f'<div class="text">{render_markdown(text)}</div>'


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _span(first: date, last: date) -> str:
    return _day(first) if first == last else f"{_day(first)} – {_day(last)}"


def _css() -> str:
    return resources.files("kit").joinpath("data/packet.css").read_text("utf-8")


def _render(
    *,
    first: date,
    last: date,
    sheets: list[tuple[str, str, list[Entry]]],
    texts: dict[str, str],
    charts: tuple[Chart, ...],
    reflections: list[tuple[_Saved, str]],
    every: dict[str, Entry],
    titles: dict[str, str],
    left_out: list[tuple[str, int]],
    redact: bool,
    redactions: tuple[tuple[str, int], ...],
) -> str:
    span = _span(first, last)
    total = sum(len(entries) for _, _, entries in sheets)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # Nothing may be loaded: images are inline data, styles inline, and there is no script.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Journal packet, {_e(span)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        '<header class="cover">',
        "<h1>Journal packet</h1>",
        f'<p class="range">{_e(span)}</p>',
        '<div class="about">',
        "<p>These are entries from a personal journal, in the writer's own words. The writer chose to share "
        "them — with a therapist, a counsellor or someone else they trust — and decided what goes in.</p>",
        "<p><strong>This is not a clinical record.</strong> It is not an assessment or a diagnosis, and it "
        "is not medical or therapeutic advice.</p>",
        "</div>",
        "<h2>In this packet</h2>",
        '<ul class="facts">',
        f"<li>{plural(total, 'entry', 'entries')} from {plural(len(sheets), 'worksheet')}, {_e(span)}.</li>",
    ]
    if charts:
        names = ", ".join(c.title for c in charts)
        out.append(f"<li>{_e(plural(len(charts), 'chart'))} drawn from these entries: {_e(names)}.</li>")
    if reflections:
        out.append(
            f"<li>{plural(len(reflections), 'saved reflection')} at the end, each in a box that says whether "
            "an AI wrote it or the kit computed it. They are not the writer's words.</li>"
        )
    else:
        out.append("<li>No AI-written text.</li>")
    out += [
        "</ul>",
        '<table><thead><tr><th>Worksheet</th><th>Dates</th><th class="n">Entries</th></tr></thead><tbody>',
    ]
    for _, title, entries in sheets:
        dates = _span(entries[0].created.date(), entries[-1].created.date())
        out.append(f'<tr><td>{_e(title)}</td><td>{_e(dates)}</td><td class="n">{len(entries)}</td></tr>')
    out.append("</tbody></table>")
    out.append("<h2>Left out</h2>")
    if left_out:
        out.append('<ul class="facts">')
        out += [f"<li>{n} {_e(what)}</li>" for what, n in left_out]
        out.append("</ul>")
    else:
        out.append('<p class="facts">Nothing: every entry in these dates is here. Private entries are never '
                   "included.</p>")  # fmt: skip
    out.append("<h2>Personal details</h2>")
    if redact and redactions:
        found = ", ".join(f"[{label}]\u00a0×\u00a0{n}" for label, n in redactions)
        out.append(
            f'<p class="facts">Names, places and contact details the kit found were replaced with labels: '
            f"{_e(found)}. The search is best effort and can miss some, so the writer should read the packet "
            "before sharing it.</p>"
        )
    elif redact:
        out.append(
            '<p class="facts">The kit looked for names, places and contact details to replace with labels and '
            "found none. The search is best effort, so the writer should read the packet before sharing it.</p>"
        )
    else:
        out.append('<p class="facts">Nothing was redacted: names and places appear as written.</p>')
    out.append(
        f'<p class="made">Made on {_e(_day(date.today()))} with Reflective Notebook Kit {_e(__version__)}, '
        "on the writer's own computer; nothing was sent anywhere to make it.</p>"
    )
    out.append("</header>")

    if charts:
        out += [
            '<section class="charts">',
            "<h2>Charts</h2>",
            '<p class="meta">Drawn from the entries in this packet; private entries are not counted.</p>',
        ]
        for chart in charts:
            b64 = base64.b64encode(chart.png).decode("ascii")
            out.append(
                f'<figure><img src="data:image/png;base64,{b64}" alt="{_attr(chart.alt)}">'
                f"<figcaption>{_e(chart.alt)}</figcaption></figure>"
            )
        out.append("</section>")

    for _, title, entries in sheets:
        dates = _span(entries[0].created.date(), entries[-1].created.date())
        out += [
            '<section class="worksheet">',
            f"<h2>{_e(title)}</h2>",
            f'<p class="meta">{plural(len(entries), "entry", "entries")} · {_e(dates)}</p>',
        ]
        # A sitting: the fields written together (one worksheet notebook made at one time), or one entry.
        sittings: list[list[Entry]] = []
        for e in entries:
            if sittings and (sittings[-1][0].notebook, sittings[-1][0].created) == (e.notebook, e.created):
                sittings[-1].append(e)
            else:
                sittings.append([e])
        for sitting in sittings:
            when = sitting[0].created
            out += [
                '<article class="sitting">',
                f'<h3>{_e(f"{when:%A} {_day(when.date())}")} <span class="time">{when:%H:%M}</span></h3>',
            ]
            for e in sitting:
                if e.field != "entry":
                    out.append(f'<h4 class="label">{_e(field_label(e.field))}</h4>')
                out.append(_text(texts[e.id]))
                if e.mood is not None:
                    out.append(f'<p class="mood">Mood {_num(e.mood)} / 10</p>')
            out.append("</article>")
        out.append("</section>")

    if reflections:
        out += [
            '<section class="worksheet reflections">',
            "<h2>Saved reflections</h2>",
            '<p class="meta">Kept by the writer in their journal. None of this is the writer\'s own words, and '
            "none of it is advice.</p>",
        ]
        for r, text in reflections:
            out.append(_reflection(r, text, every, titles))
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _reflection(r: _Saved, text: str, every: dict[str, Entry], titles: dict[str, str]) -> str:
    prov = r.provenance
    if r.written_by == "model":
        css, label = "reflection ai", AI_BOX_LABEL
        by = f"{prov.get('model') or 'unknown model'} ({prov.get('backend') or 'unknown backend'})"
    elif r.written_by == "safety":
        css, label = "reflection digest", "Safety message from the kit — not the writer's words"
        by = "the kit's safety check (no AI)"
    else:
        css, label = (
            "reflection digest",
            "Computed by the kit from the entries — no AI, not the writer's words",
        )
        by = "the kit, from the entries (no AI)"
    rows = [("Written by", by)]
    if prov.get("prompt_id"):
        rows.append(("Prompt", f"{prov['prompt_id']}, version {prov.get('prompt_version', '?')}"))
    if r.created is not None:
        rows.append(("Made on", _day(r.created.date())))
    cited = [every.get(i) for i in prov.get("retrieved_ids") or []]
    found = sorted((e for e in cited if e is not None), key=lambda e: e.created)
    if cited:
        # One line per day and worksheet: a thought record's five fields are one sitting, not five entries.
        sittings = Counter((e.created.date(), titles.get(e.template, field_label(e.template))) for e in found)
        names = [
            f"{_day(day)} ({title}{f', {n} entries' if n > 1 else ''})"
            for (day, title), n in sittings.items()
        ]
        gone = len(cited) - len(found)
        if gone:
            names.append(f"{plural(gone, 'entry', 'entries')} no longer in the journal")
        rows.append(("Based on entries", "; ".join(names)))
    details = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return (
        f'<aside class="{css}"><p class="label">{_e(label)}</p>{_text(text)}'
        f'<dl class="provenance">{details}</dl></aside>'
    )


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
