"""Worksheet templates: listing them and making a dated copy in the journal."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kit.config import shared_folder
from kit.errors import TemplateNotFound
from kit.journal.entries import ENTRY_TAG, new_id, now
from kit.journal.notebooks import language_info, load, save_new


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    path: Path


def templates_dir() -> Path:
    """Where the worksheet notebooks are: the source tree, or the installed data folder."""
    return shared_folder("templates") or Path(sys.prefix) / "share" / "reflective-notebook-kit" / "templates"


def list_templates() -> list[Template]:
    found = []
    for path in sorted(templates_dir().glob("*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("kit", {})
        found.append(
            Template(
                name=path.stem,
                title=str(meta.get("title") or path.stem),
                description=str(meta.get("description") or ""),
                path=path,
            )
        )
    return found


def get_template(name: str) -> Template:
    templates = {t.name: t for t in list_templates()}
    if name not in templates:
        known = ", ".join(sorted(templates)) or "none installed"
        raise TemplateNotFound(
            f"there is no template {name!r} — choose one of: {known} (see `reflect templates`)"
        )
    return templates[name]


def new_from_template(name: str, journal: Path, when: datetime | None = None) -> Path:
    """Copy a template into the journal as ``YYYY-MM-DD-<name>.ipynb`` with fresh entry ids; never overwrites."""
    template = get_template(name)
    when = when or now()
    nb, _ = load(template.path)
    for cell in nb.cells:
        if ENTRY_TAG in cell.get("metadata", {}).get("tags", []):
            meta = dict(cell.metadata.get("kit") or {})
            meta.update(id=new_id(), created=when.isoformat(timespec="seconds"))
            meta.setdefault("template", name)
            cell.metadata["kit"] = meta
    nb.metadata.setdefault("kit", {})["created"] = when.isoformat(timespec="seconds")
    nb.metadata["language_info"] = language_info()  # opening it in JupyterLab then changes nothing
    journal.mkdir(parents=True, exist_ok=True)
    stem = f"{when:%Y-%m-%d}-{name}"
    path = save_new(journal, stem, nb)
    if path is not None:
        return path
    raise TemplateNotFound(f"too many notebooks named {stem}* in {journal} — tidy the folder and try again")


# The worksheets a plain journal entry belongs in: `reflect add` writes into today's daily journal when there is one.
_SAME_WORKSHEET = {"journal": ("journal", "daily-journal")}


def todays_notebook(journal: Path, worksheet: str, day: date | None = None) -> Path | None:
    """The notebook of ``worksheet`` made for ``day`` (default today) at the top of the journal — the one
    ``reflect new`` made, or ``reflect add`` before — or None. With several (``…-2.ipynb``), the last changed."""
    day = day or now().date()
    names = _SAME_WORKSHEET.get(worksheet, (worksheet,))
    pattern = re.compile(rf"{day:%Y-%m-%d}-(?:{'|'.join(map(re.escape, names))})(?:-\d+)?\.ipynb")
    try:
        found = [p for p in journal.iterdir() if pattern.fullmatch(p.name) and p.is_file()]
    except OSError:  # no journal yet: nothing made today
        return None
    return max(found, key=lambda p: (p.stat().st_mtime_ns, p.name), default=None)


def titles() -> dict[str, str]:
    """Template name -> its title ("cbt-thought-record" -> "CBT thought record"); {} if the folder is damaged."""
    try:
        return {t.name: t.title for t in list_templates()}
    except (OSError, ValueError):  # a damaged template file must not stop a review or an export
        return {}


def field_label(slug: str) -> str:
    """``hot-thought`` -> ``Hot thought``: how a worksheet field or name reads on paper."""
    words = ["I" if w == "i" else w for w in slug.replace("_", " ").replace("-", " ").split()]
    return " ".join(words).capitalize().replace(" i ", " I ") if words else slug


@dataclass(frozen=True)
class Field:
    """One question of a worksheet: its field name, the heading it shows, the hint under it, a number range."""

    name: str
    label: str
    hint: str = ""
    scale: tuple[int, int] | None = None


def template_fields(name: str) -> list[Field]:
    """The questions of worksheet ``name`` in order, read from its template: each answer cell tagged ``kit-entry``
    with the heading and the italic hint of the markdown cell just above it."""
    cells = json.loads(get_template(name).path.read_text(encoding="utf-8")).get("cells", [])
    fields: list[Field] = []
    above = ""
    for cell in cells:
        source = "".join(cell.get("source", ""))
        meta = (cell.get("metadata") or {}).get("kit") or {}
        if ENTRY_TAG in (cell.get("metadata") or {}).get("tags", []) and meta.get("field"):
            lines = [ln.strip() for ln in above.splitlines() if ln.strip()]
            heading = next((ln.lstrip("#").strip() for ln in lines if ln.startswith("#")), "")
            hint = " ".join(ln.strip("*_ ") for ln in lines if not ln.startswith("#"))
            if "cell below" in hint.lower() or len(hint) > 300:  # about the notebook, not the question
                hint = ""
            scale = meta.get("scale")
            fields.append(
                Field(
                    name=meta["field"],
                    label=heading or field_label(meta["field"]),
                    hint=hint,
                    scale=(int(scale[0]), int(scale[1]))
                    if isinstance(scale, list) and len(scale) == 2
                    else None,
                )
            )
        if cell.get("cell_type") == "markdown" and ENTRY_TAG not in (cell.get("metadata") or {}).get(
            "tags", []
        ):
            above = source
    return fields


def field_headings() -> dict[tuple[str, str], str]:
    """(template, field) -> the heading the worksheet shows above that field ("What I noticed")."""
    headings: dict[tuple[str, str], str] = {}
    try:
        for template in list_templates():
            heading = ""
            for cell in json.loads(template.path.read_text(encoding="utf-8")).get("cells", []):
                source = "".join(cell.get("source", ""))
                meta = (cell.get("metadata") or {}).get("kit") or {}
                if ENTRY_TAG in (cell.get("metadata") or {}).get("tags", []) and meta.get("field"):
                    headings.setdefault((template.name, meta["field"]), heading)
                elif cell.get("cell_type") == "markdown":
                    heading = next(
                        (ln.lstrip("#").strip() for ln in source.splitlines() if ln.startswith("#")), ""
                    )
    except (OSError, ValueError):  # a damaged template file must not stop the review
        return {}
    return {key: text for key, text in headings.items() if text}


def entry_label(template: str, field: str) -> str:
    """What an entry answers, as the worksheet says it: "CBT thought record — The hot thought", "Journal"."""
    worksheet = titles().get(template) or ("Journal" if template == "journal" else field_label(template))
    if field == "entry":
        return worksheet
    return f"{worksheet} — {field_headings().get((template, field)) or field_label(field)}"
