"""Worksheet templates: listing them and making a dated copy in the journal."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kit.entries import ENTRY_TAG, new_id, now
from kit.errors import TemplateNotFound


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    path: Path


def templates_dir() -> Path:
    """Where the worksheet notebooks are: the source tree, or the installed data folder."""
    here = Path(__file__).resolve().parent
    for candidate in (
        here.parent / "templates",
        Path(sys.prefix) / "share" / "reflective-notebook-kit" / "templates",
    ):
        if candidate.is_dir():
            return candidate
    return here.parent / "templates"


def list_templates() -> list[Template]:
    import json

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
    from kit.notebooks import load, save_new

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
    journal.mkdir(parents=True, exist_ok=True)
    stem = f"{when:%Y-%m-%d}-{name}"
    path = save_new(journal, stem, nb)
    if path is not None:
        return path
    raise TemplateNotFound(f"too many notebooks named {stem}* in {journal} — tidy the folder and try again")
