"""The JournalWidget's write-ahead file: entries saved from a running notebook before JupyterLab saves it.

Writing from a running notebook: the kernel never writes the open .ipynb. A Save click first appends
the entry as one fsync'd JSON line to ``.<notebook stem>.kit-pending.jsonl`` beside the notebook (mode 0600), then
shows it as a display output of the widget's cell, which JupyterLab saves with the notebook. A line is dropped
only once its entry is found in the notebook on disk. This is the storage logic, tested alone; the widgets use it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from kit.config import lock, settings
from kit.errors import KitError
from kit.journal.entries import Entry, kit_metadata, new_id, now, parse_created, parse_mood, parse_private
from kit.journal.notebooks import _atomic_write, kit_owned, parse_json, relpath

log = logging.getLogger("kit")

SUFFIX = ".kit-pending.jsonl"
UNTITLED = "untitled"


def pending_path(notebook: Path | str) -> Path:
    """The write-ahead file of a notebook: ``.<stem>.kit-pending.jsonl`` in the notebook's folder."""
    notebook = Path(notebook)
    return notebook.parent / f".{notebook.stem}{SUFFIX}"


def notebook_of(pending_file: Path | str) -> Path:
    """The notebook a write-ahead file belongs to (the inverse of ``pending_path``)."""
    pending_file = Path(pending_file)
    stem = pending_file.name[1 : -len(SUFFIX)]
    return pending_file.parent / f"{stem}.ipynb"


def make_entry(
    text: str,
    *,
    template: str = "journal",
    field: str = "entry",
    mood: float | None = None,
    private: bool = False,
    created: datetime | None = None,
    cell: str | None = None,
) -> dict[str, Any]:
    """A new entry as a write-ahead line holds it: the kit metadata block plus its text (and widget cell)."""
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    entry = kit_metadata(
        entry_id=new_id(),
        created=created or now(),
        template=template,
        field=field,
        mood=parse_mood(mood),
        private=private,
    )
    entry["text"] = text
    if cell:
        entry["cell"] = cell
    return entry


def output_metadata(entry: dict[str, Any]) -> dict[str, Any]:
    """The ``metadata`` of the display output that holds ``entry`` — what kit.journal.notebooks.entries_in reads."""
    kit = {"kind": "entry"}
    kit.update({k: entry[k] for k in ("id", "text", "created", "template", "field") if k in entry})
    if entry.get("mood") is not None:
        kit["mood"] = entry["mood"]
    if entry.get("private"):
        kit["private"] = True
    return {"kit": kit}


def _lock(path: Path):
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    return lock(settings().home / "locks" / f"{key}.pending.lock", timeout=30)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def append_pending(notebook: Path | str, entry: dict[str, Any]) -> Path:
    """Append ``entry`` as one JSON line to the notebook's write-ahead file and fsync it before returning."""
    if not isinstance(entry.get("id"), str) or not isinstance(entry.get("text"), str):
        raise ValueError("a pending entry needs a string id and text (build it with make_entry)")
    path = pending_path(notebook)
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(path):
        created = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)  # the umask may have widened a new file; an old one is narrowed too
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            _fsync_dir(path.parent)  # the new file's name must survive a crash as well as its content
    return path


def _read_lines(path: Path) -> list[dict[str, Any]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    found = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            # A crash mid-append leaves at most a torn last line; everything before it is whole.
            log.warning("skipped unreadable line %d of %s", number, path.name)
            continue
        if isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("text"), str):
            found.append(item)
    return found


def pending(notebook: Path | str) -> list[dict[str, Any]]:
    """Every entry in the notebook's write-ahead file, in the order they were saved (last line wins per id)."""
    by_id: dict[str, dict[str, Any]] = {}
    for item in _read_lines(pending_path(notebook)):
        by_id.pop(item["id"], None)
        by_id[item["id"]] = item
    return list(by_id.values())


def kit_outputs(notebook: Path | str, kind: str, cell: str | None = None) -> list[tuple[str | None, dict]]:
    """The display outputs with ``metadata.kit.kind == kind`` in the notebook on disk, with their cell ids.

    With ``cell``, only those in that cell's outputs. A missing or unreadable notebook holds none.
    """
    path = Path(notebook)
    try:
        nb = parse_json(path.read_bytes(), path.name)
    except FileNotFoundError:
        return []
    except (OSError, KitError) as exc:
        log.warning("could not read %s: %s", path.name, exc)
        return []
    found = []
    for cell_dict in nb.get("cells", []):
        if not isinstance(cell_dict, dict) or cell_dict.get("cell_type") != "code":
            continue
        if cell is not None and cell_dict.get("id") != cell:
            continue
        for output in cell_dict.get("outputs") or []:
            meta = ((output or {}).get("metadata") or {}).get("kit") if isinstance(output, dict) else None
            if isinstance(meta, dict) and meta.get("kind") == kind:
                found.append((cell_dict.get("id"), output))
    return found


def saved(notebook: Path | str, cell: str | None = None) -> list[dict[str, Any]]:
    """Widget entries in the notebook on disk (display outputs with ``metadata.kit.kind == "entry"``)."""
    found = []
    for cell_id, output in kit_outputs(notebook, "entry", cell):
        meta = output["metadata"]["kit"]
        entry = {k: v for k, v in meta.items() if k != "kind"}
        if isinstance(entry.get("text"), str) and isinstance(entry.get("id"), str) and entry["id"]:
            entry.setdefault("cell", cell_id)
            found.append(entry)
    return found


def confirm_saved(notebook: Path | str) -> int:
    """Drop the write-ahead lines whose entry is in the notebook on disk; returns how many were dropped.

    The file is rewritten atomically (temp file, fsync, rename) and removed once empty.
    """
    path = pending_path(notebook)
    if not path.exists():
        return 0
    on_disk = {e["id"] for e in saved(notebook)}
    with _lock(path):
        lines = _read_lines(path)
        keep = [item for item in lines if item["id"] not in on_disk]
        dropped = len(lines) - len(keep)
        if dropped == 0:
            return 0
        if keep:
            data = "".join(json.dumps(i, ensure_ascii=False, sort_keys=True) + "\n" for i in keep)
            _atomic_write(
                path, data.encode("utf-8"), mode=0o600
            )  # temp file, fsync, rename, fsync the folder
        else:
            path.unlink()
            _fsync_dir(path.parent)
    return dropped


def entries_to_show(notebook: Path | str, cell: str | None = None) -> list[dict[str, Any]]:
    """The union by id of the widget entries on disk and those still pending, oldest first.

    With ``cell`` (the widget cell's id, when the front end tells it), only that cell's entries on disk and the
    pending ones saved from it (or from a widget that did not know its cell).
    """
    shown: dict[str, dict[str, Any]] = {e["id"]: e for e in saved(notebook, cell)}
    for item in pending(notebook):
        if cell is not None and item.get("cell") not in (None, cell):
            continue
        shown.setdefault(item["id"], item)
    return sorted(shown.values(), key=lambda e: str(e.get("created", "")))


def iter_pending_files(journal: Path | str) -> Iterator[Path]:
    """Every write-ahead file below the journal (skipping hidden folders and the kit's own pages, as the notebook
    scan does)."""
    journal = Path(journal)
    for path in sorted(journal.rglob(f".*{SUFFIX}")):
        rel = path.relative_to(journal)
        if any(part.startswith(".") for part in rel.parts[:-1]) or not path.is_file():
            continue
        if kit_owned(notebook_of(rel)):
            continue
        yield path


def pending_entries(journal: Path | str | None = None) -> list[Entry]:
    """Entries saved from widgets that are not yet in their notebook on disk, as Entry values for the indexer.

    Private ones are included (with ``private=True``) so the caller applies the same rule as for notebooks.
    """
    journal = Path(journal).expanduser().resolve() if journal is not None else settings().journal
    found = []
    for path in iter_pending_files(journal):
        notebook = notebook_of(path)
        on_disk = {e["id"] for e in saved(notebook)}
        rel = relpath(notebook, journal)
        fallback = datetime.fromtimestamp(path.stat().st_mtime).astimezone().replace(microsecond=0)
        for item in pending(notebook):
            if item["id"] in on_disk:
                continue
            found.append(
                Entry(
                    id=item["id"],
                    text=item["text"],
                    created=parse_created(item.get("created"), fallback),
                    template=str(item.get("template") or "journal"),
                    field=str(item.get("field") or "entry"),
                    notebook=rel,
                    cell_id=str(item.get("cell") or "kit-pending"),
                    mood=parse_mood(item.get("mood")),
                    private=parse_private(item.get("private", False)),
                    output_index=0,
                )
            )
    return found
