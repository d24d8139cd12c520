"""The packet as one HTML page: a cover note, the entries by worksheet and date, the charts with their alt text,
and (when asked) saved reflections, each boxed and labelled; every entry and AI text rendered with raw HTML
escaped, so the page shows exactly what was written."""

from __future__ import annotations

import base64
import functools
import html
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt

from kit._version import __version__
from kit.journal.entries import Entry
from kit.journal.templates import field_label
from kit.labels import AI_BOX
from kit.text import plural

if TYPE_CHECKING:
    from kit.outputs.plots import Chart

log = logging.getLogger("kit")

AI_BOX_LABEL = AI_BOX


@dataclass(frozen=True)
class _Saved:
    """A reflection kept in a notebook (kit.journal.reflections.save_reflection or the ReflectWidget)."""

    id: str
    text: str
    written_by: str  # "model" | "digest" | "safety"
    provenance: dict[str, Any]
    created: datetime | None


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


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
