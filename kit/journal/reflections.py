"""Reflections kept in the person's notebooks: AI-written summaries and answers, and digests the kit computed, each
a markdown output with its provenance in the cell's metadata, written atomically and never over a newer file."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.config import settings
from kit.errors import (
    NotebookInvalid,
    NotebookOpen,
)
from kit.imports import import_quickly
from kit.journal import notebooks
from kit.journal.entries import (
    REFLECTION_TAG,
)
from kit.journal.notebooks import _tags, iter_notebooks, new_notebook, parse_json
from kit.journal.servers import open_in
from kit.labels import AI_REFLECTION, DIGEST_REFLECTION

log = logging.getLogger("kit")

_REFLECTION_SOURCE = """\
# {label} saved by Reflective Notebook Kit ({created}).
# The text and what produced it are kept in this cell's output and metadata; running the cell shows it again.
import kit; kit.show_reflection("{id}")"""


def _reflection_output(reflection: Any) -> Any:
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    meta = {
        "kit": {"kind": "reflection", "id": reflection.id, "provenance": asdict_safe(reflection.provenance)}
    }
    return nbformat.v4.new_output(
        "display_data",
        data={"text/markdown": reflection.text, "text/plain": reflection.text},
        metadata=meta,
    )


def asdict_safe(value: Any) -> Any:
    """A dataclass as plain JSON-able data (what nbformat stores)."""
    return json.loads(json.dumps(dataclasses.asdict(value), default=str))


@dataclass(frozen=True)
class SavedReflection:
    """A reflection as a notebook keeps it: its id, its text and its provenance (as plain data).

    ``text`` is None when the notebook shows only a view of it (the weekly review's summary or questions)."""

    id: str
    text: str | None
    provenance: dict[str, Any]
    shown: str = ""  # what the notebook displays of it (the whole text, or the view)


def saved_reflections(path: Path | str) -> list[SavedReflection]:
    """Every reflection kept in a notebook, in cell order, each id once: ``kit-reflection`` cells (whose metadata
    keeps the text through "Run all") and reflection outputs of any other cell (a ReflectWidget's); one shown only
    in part (the weekly review's summary or questions) has ``text`` None."""
    path = Path(path)
    nb = parse_json(path.read_bytes(), path.name)
    found: dict[str, SavedReflection] = {}

    def keep(one: SavedReflection) -> None:
        if one.id not in found or found[one.id].text is None:
            found[one.id] = one

    for cell in nb.get("cells", []):
        if not isinstance(cell, dict):
            continue
        meta = (cell.get("metadata") or {}).get("kit")
        if REFLECTION_TAG in _tags(cell) and _is_reflection(meta) and isinstance(meta.get("text"), str):
            keep(SavedReflection(meta["id"], meta["text"], meta["provenance"], meta["text"]))
        for output in cell.get("outputs") or []:
            out_meta = ((output or {}).get("metadata") or {}).get("kit") if isinstance(output, dict) else None
            if _is_reflection(out_meta):
                data = output.get("data") or {}
                markdown, plain = _joined(data.get("text/markdown")), _joined(data.get("text/plain"))
                # The kit keeps a whole reflection with the same text as text/plain (ReflectWidget, save_reflection);
                # any other display carrying its provenance shows a part of it (the weekly review).
                whole = markdown if markdown == plain else None
                keep(SavedReflection(out_meta["id"], whole, out_meta["provenance"], markdown or plain or ""))
    return list(found.values())


def _joined(value: Any) -> str | None:
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    return value if isinstance(value, str) else None


def _is_reflection(meta: Any) -> bool:
    return (
        isinstance(meta, dict)
        and meta.get("kind") == "reflection"
        and isinstance(meta.get("id"), str)
        and isinstance(meta.get("provenance"), dict)
    )


def save_reflection(
    notebook_path: Path | str, reflection: Any, *, check_open: bool = True, journal: Path | None = None
) -> Path:
    """Keep a reflection in a notebook as the output of a cell tagged ``kit-reflection``.

    Saving the same request again (same kind, dates, query or question) replaces that cell's output instead of
    adding another. The text and provenance are also kept in the cell's metadata, so "Run all" (which clears
    outputs) shows it again instead of losing it. The write is atomic and never over a newer file; a notebook
    open in a running Jupyter server is refused (its own save would undo this write, or this write its edits).
    """
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    path = Path(notebook_path).expanduser()
    if journal is not None and not path.is_absolute():
        path = journal / path
    if path.suffix != ".ipynb":
        raise NotebookInvalid(f"{path.name} is not a notebook — give a path ending in .ipynb")
    if check_open and path.exists():
        server = open_in(path)
        if server:
            raise NotebookOpen(
                f"{path.name} is open in Jupyter ({server}), so the kit will not write it from outside — "
                "close its tab first, or ask from the notebook itself (kit.widgets.ReflectWidget)"
            )
    if path.exists():
        nb, before = notebooks.load(path)
    else:
        nb, before = new_notebook(), None
        nb.cells.append(
            nbformat.v4.new_markdown_cell(
                "# Reflections\n\nSummaries and answers kept by Reflective Notebook Kit. Each says whether an AI "
                "wrote it or the kit computed it from your entries. Not medical or therapeutic advice."
            )
        )
    key = reflection.request_key()
    label = AI_REFLECTION if reflection.ai_written else DIGEST_REFLECTION
    meta = {
        "kind": "reflection",
        "id": reflection.id,
        "request_key": key,
        "ai_written": reflection.ai_written,
        "text": reflection.text,
        "provenance": asdict_safe(reflection.provenance),
    }
    source = _REFLECTION_SOURCE.format(label=label, created=reflection.provenance.created, id=reflection.id)
    cell = next(
        (
            c
            for c in nb.cells
            if c.cell_type == "code"
            and REFLECTION_TAG in _tags(c)
            and (c.metadata.get("kit") or {}).get("request_key") == key
        ),
        None,
    )
    if cell is None:
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": [REFLECTION_TAG]})
        if nb.get("nbformat_minor", 5) < 5:
            cell.pop("id", None)
        nb.cells.append(cell)
    cell.source = source
    cell.metadata["kit"] = meta
    cell.outputs = [_reflection_output(reflection)]
    cell.execution_count = None
    notebooks.save(path, nb, before)
    return path


def find_reflection(reflection_id: str, notebook: Path | str | None = None) -> dict[str, Any] | None:
    """The saved reflection (its cell's ``metadata.kit``) with this id, from the notebook on disk."""
    candidates = [Path(notebook)] if notebook else []
    session = os.environ.get("JPY_SESSION_NAME")
    if session:  # the notebook this kernel runs in: a full path, or one relative to the server's root
        candidates += [Path(session), Path.cwd() / Path(session).name]
    if not candidates:
        candidates = list(iter_notebooks(settings().journal))
    for path in candidates:
        try:
            nb = parse_json(path.read_bytes(), path.name)
            for cell in nb.get("cells", []):
                meta = (cell.get("metadata") or {}).get("kit") or {}
                if meta.get("kind") == "reflection" and meta.get("id") == reflection_id:
                    return meta
        except Exception:  # a notebook the kit cannot read holds no reflection it could show
            continue
    return None
