"""Read entries from notebooks and write them back — atomically, validated, never over a newer file.

Reading for the index uses plain JSON (fast, tolerant); every write goes through nbformat so that what lands
on disk validates. A write is refused when the file changed since it was read: the person's other editor
(JupyterLab, another kernel, a sync client) wins, and nothing they wrote is lost.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kit.config import lock, settings
from kit.errors import (
    EntryNotFound,
    NotebookChanged,
    NotebookInvalid,
    NotebookTooOld,
    NotebookUnreadable,
)
from kit.imports import import_quickly
from kit.journal.entries import (
    ENTRY_TAG,
    Entry,
    answer_text,
    derived_id,
    kit_metadata,
    new_id,
    now,
    parse_created,
    parse_mood,
    parse_private,
)

log = logging.getLogger("kit")


# ---------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class Snapshot:
    """What a file looked like when it was read: a later write compares against it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> Snapshot:
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest())

    @classmethod
    def of_file(cls, path: Path) -> Snapshot:
        return cls.of_bytes(path, Path(path).read_bytes())


def snapshot(path: Path) -> Snapshot | None:
    """The file's snapshot now, or None when it does not exist."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    return Snapshot.of_bytes(Path(path), data)


# ---------------------------------------------------------------- finding notebooks


# The kit's own notebooks in the journal folder, which are never journal notebooks: the Home page that `make lab`
# opens, and the read-only copies of the example notebooks (see kit.journal.home).
HOME_NOTEBOOK = "Home.ipynb"
EXAMPLES_FOLDER = "kit-examples"


def kit_owned(rel: Path | str) -> bool:
    """Whether a path relative to the journal is one of the kit's own pages (Home, the examples), not the journal."""
    parts = Path(rel).parts
    return parts == (HOME_NOTEBOOK,) or (len(parts) > 1 and parts[0] == EXAMPLES_FOLDER)


def iter_notebooks(journal: Path) -> Iterator[Path]:
    """Every .ipynb below the journal, sorted, skipping hidden folders such as .ipynb_checkpoints and the kit's own
    pages (Home.ipynb, kit-examples/)."""
    journal = Path(journal)
    for path in sorted(journal.rglob("*.ipynb")):
        rel = path.relative_to(journal)
        if any(part.startswith(".") for part in rel.parts) or kit_owned(rel) or not path.is_file():
            continue
        yield path


def relpath(path: Path, journal: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(journal).resolve()).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


# ---------------------------------------------------------------- reading


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _tags(cell: dict[str, Any]) -> list[str]:
    tags = (cell.get("metadata") or {}).get("tags") or []
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _cell_key(cell: dict[str, Any], position: int) -> str:
    # Notebooks older than nbformat 4.5 have no cell ids: derive one in memory, never write it back.
    cid = cell.get("id")
    return cid if isinstance(cid, str) and cid else f"cell-{position}"


def _number(text: str) -> int | float:
    # A number too long for int() (Python refuses more than 4,300 digits) reads as infinity, which every range
    # check then ignores with a warning, instead of failing the whole notebook.
    return int(text) if len(text) <= 30 else float(text)


def parse_json(data: bytes, name: str) -> dict[str, Any]:
    """Parse notebook bytes into a v4 dict, converting older formats in memory."""
    try:
        nb = json.loads(data.decode("utf-8"), parse_int=_number)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotebookUnreadable(
            f"{name} is not valid notebook JSON ({exc}) — open it in JupyterLab to repair it"
        ) from exc
    except RecursionError as exc:
        raise NotebookUnreadable(
            f"{name} is nested too deeply to be a notebook — open it in JupyterLab to repair it"
        ) from exc
    if not isinstance(nb, dict) or not isinstance(nb.get("cells", []), list):
        raise NotebookUnreadable(f"{name} is not a Jupyter notebook — move it out of the journal folder")
    major = nb.get("nbformat")
    if major != 4:
        nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

        try:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
        except Exception as exc:  # nbformat raises many types for unknown versions
            raise NotebookUnreadable(
                f"{name} uses nbformat {major!r}, which the kit cannot read — re-save it with JupyterLab"
            ) from exc
    return nb


def entries_in(nb: dict[str, Any], notebook: str, fallback_created: datetime) -> list[tuple[int, Entry]]:
    """The entries of a parsed notebook with the index of the cell each lives in.

    Two forms are read the same way: markdown/raw cells tagged ``kit-entry``, and
    display outputs of a kit widget whose ``metadata.kit`` holds an entry.
    """
    found: list[tuple[int, Entry]] = []
    for position, cell in enumerate(nb.get("cells", [])):
        if not isinstance(cell, dict):
            continue
        kind = cell.get("cell_type")
        cell_id = _cell_key(cell, position)
        if kind in ("markdown", "raw") and ENTRY_TAG in _tags(cell):
            meta = (cell.get("metadata") or {}).get("kit") or {}
            if not isinstance(meta, dict):
                meta = {}
            text = answer_text(_source(cell))
            found.append((position, _entry(meta, text, notebook, cell_id, None, fallback_created)))
        elif kind == "code":
            for out_index, output in enumerate(cell.get("outputs") or []):
                meta = ((output or {}).get("metadata") or {}).get("kit") if isinstance(output, dict) else None
                if (
                    isinstance(meta, dict)
                    and meta.get("kind") == "entry"
                    and isinstance(meta.get("text"), str)
                ):
                    entry = _entry(meta, meta["text"], notebook, cell_id, out_index, fallback_created)
                    found.append((position, entry))
    return found


def _entry(
    meta: dict[str, Any], text: str, notebook: str, cell_id: str, output_index: int | None, fallback: datetime
) -> Entry:
    stored = meta.get("id")
    where = f"{notebook}, cell {cell_id}"
    entry = Entry(
        id=stored if isinstance(stored, str) and stored else derived_id(notebook, cell_id, output_index),
        text=text,
        created=parse_created(meta.get("created"), fallback, where=where),
        template=str(meta.get("template") or "journal"),
        field=str(meta.get("field") or "entry"),
        notebook=notebook,
        cell_id=cell_id,
        mood=parse_mood(meta.get("mood"), where=where),
        private=parse_private(meta.get("private", False)),
        output_index=output_index,
    )
    for value in (entry.id, entry.text, entry.template, entry.field, entry.cell_id, entry.notebook):
        value.encode("utf-8")  # a lone surrogate ("\ud800") cannot be stored or embedded: the guard names it
    return entry


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime).astimezone().replace(microsecond=0)


def read_entries(path: Path, journal: Path | None = None) -> list[Entry]:
    """Entries of one notebook, in cell order."""
    path = Path(path)
    data = path.read_bytes()
    nb = parse_json(data, path.name)
    rel = relpath(path, journal) if journal is not None else path.name
    return [entry for _, entry in entries_in(nb, rel, _mtime(path))]


@dataclass
class Scan:
    """Everything found in a journal folder. ``unreadable`` names the notebooks skipped; ``why`` says, in a few
    words, why each was."""

    entries: list[Entry] = field(default_factory=list)
    notebooks: int = 0
    unreadable: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)


def why_unreadable(exc: BaseException) -> str:
    """A few words on why a notebook could not be read, for the line that names it."""
    if isinstance(exc, NotebookUnreadable):
        text = str(exc).split(" — ")[0]
        return re.sub(r"^.*? (?:is )?(?=not |nested |uses |a )", "", text, count=1).split(" (")[0]
    if isinstance(exc, UnicodeError):
        return "text or a file name that is not valid Unicode"
    if isinstance(exc, OSError):
        return f"cannot be opened: {exc.strerror or type(exc).__name__}"
    return f"a cell the kit cannot interpret: {type(exc).__name__}"


def _entries_of(path: Path, rel: str) -> list[Entry]:
    rel.encode("utf-8")  # a file name that is not UTF-8 cannot be stored with its entries
    nb = parse_json(path.read_bytes(), rel)
    return [entry for _, entry in entries_in(nb, rel, _mtime(path))]


def scan_journal(journal: Path) -> Scan:
    """Read every notebook of the journal. A notebook that cannot be read or interpreted, for any reason, is named
    with the reason and skipped; the others are read as if it were not there."""
    scan = Scan()
    seen: set[str] = set()
    for path in iter_notebooks(journal):
        rel = relpath(path, journal)
        try:
            found = _entries_of(path, rel)
        except Exception as exc:  # whatever is wrong with one notebook never stops the journal
            why = why_unreadable(exc)
            shown = os.fsencode(rel).decode("utf-8", "backslashreplace")  # a name that is not UTF-8, as bytes
            log.warning("skipped %s: %s", shown, why)
            scan.unreadable.append(shown)
            scan.why[shown] = why
            continue
        scan.notebooks += 1
        for entry in found:
            if entry.id in seen:
                # A copied cell keeps its metadata (and so its kit id): give the copy an id of its own.
                entry = _with_id(entry, derived_id(entry.notebook, entry.cell_id, entry.output_index))
            seen.add(entry.id)
            scan.entries.append(entry)
    return scan


def _with_id(entry: Entry, entry_id: str) -> Entry:
    return dataclasses.replace(entry, id=entry_id)


# ---------------------------------------------------------------- writing


def load(path: Path) -> tuple[Any, Snapshot]:
    """Read a notebook for editing: the nbformat node and the snapshot a later ``save`` compares against."""

    path = Path(path)
    data = path.read_bytes()
    try:
        return _load(path, data), Snapshot.of_bytes(path, data)
    except RecursionError as exc:
        raise NotebookUnreadable(
            f"{path.name} is nested too deeply to be a notebook — open it in JupyterLab to repair it"
        ) from exc


def _load(path: Path, data: bytes) -> Any:
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    parse_json(data, path.name)  # typed error for broken files
    major = json.loads(data.decode("utf-8"), parse_int=_number).get("nbformat")
    if major != 4:
        raise NotebookTooOld(
            f"{path.name} is an nbformat {major} notebook, and writing to it would convert it to nbformat 4 — "
            "open it in JupyterLab and save it once (that converts it, keeping your cells), then run this again"
        )
    try:
        nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as exc:
        raise NotebookUnreadable(
            f"{path.name} could not be read ({exc}) — open it in JupyterLab to repair it"
        ) from exc
    return nb


def _lock_for(path: Path):
    key = hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:24]
    return lock(settings().home / "locks" / f"{key}.lock", timeout=30)


def save(path: Path, nb: Any, expected: Snapshot | None) -> Snapshot:
    """Write a notebook atomically. ``expected`` is the snapshot from ``load`` (None for a new file).

    Refuses with NotebookChanged when the file on disk is not the one that was read, and with
    NotebookInvalid when the result would not validate; in both cases the file is left as it was.
    """
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    path = Path(path)
    try:
        nbformat.validate(nb)
        text = nbformat.writes(nb)
    except (nbformat.ValidationError, AssertionError, KeyError, TypeError, ValueError) as exc:
        reason = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        raise NotebookInvalid(
            f"not writing {path.name}: the result would not be a valid notebook ({reason}) — "
            "nothing was changed; please report this"
        ) from exc
    if not text.endswith("\n"):
        text += "\n"
    data = text.encode("utf-8")
    with _lock_for(path):
        current = snapshot(path)
        if current != expected:
            what = "was created" if expected is None else ("was deleted" if current is None else "changed")
            raise NotebookChanged(
                f"{path.name} {what} on disk since it was read, so the kit did not write it — "
                "reload it (or close it in JupyterLab) and try again"
            )
        try:
            _atomic_write(path, data, clobber=False, expected=expected)
        except FileExistsError as exc:  # someone else's write won the last instant: theirs stays
            raise NotebookChanged(
                f"{path.name} changed on disk while the kit was writing it, so the kit kept the other version "
                "and did not write — reload it (or close it in JupyterLab) and try again"
            ) from exc
    return Snapshot.of_bytes(path, data)


def save_new(folder: Path, stem: str, nb: Any) -> Path | None:
    """Save ``nb`` as ``stem.ipynb`` in ``folder``, or ``stem-2.ipynb``, ``stem-3.ipynb``… — never over a file
    that is there or appears meanwhile. None when a thousand names are taken."""
    for n in range(1, 1000):
        path = folder / (f"{stem}.ipynb" if n == 1 else f"{stem}-{n}.ipynb")
        if path.exists():
            continue
        try:
            save(path, nb, None)
        except NotebookChanged:  # created by someone else in the meantime: take the next name
            continue
        return path
    return None


def _atomic_write(
    path: Path,
    data: bytes,
    *,
    clobber: bool = True,
    expected: Snapshot | None = None,
    mode: int | None = None,
) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never half of either.

    A temp file in the same folder (mkstemp: owner-only unless the old file's mode is kept), fsync, then into
    place, then fsync the folder so the name survives too. With ``clobber=False`` a file that is already there
    (or appears meanwhile) is never replaced: FileExistsError — unless it is exactly ``expected``, which is then
    swapped out without a window in which another writer's file could be replaced (see ``_swap``). ``mode``: the
    new file's permissions whatever the old file's were (``0o600`` for the kit's own private files).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None and (clobber or expected is not None) and path.exists():
        mode = path.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if clobber:
            os.replace(tmp, path)
        elif expected is not None:
            _swap(tmp, path, expected)
        else:
            _link_new(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _swap(tmp: str, path: Path, expected: Snapshot) -> None:
    """Put ``tmp`` at ``path`` in place of the file that is ``expected`` there, and of nothing else.

    A check followed by ``os.replace`` leaves an instant in which another program's write (an atomic rename of
    its own) would be replaced unseen. Instead the current file is first renamed aside — whatever is at ``path``
    at that instant is now ours to look at — then checked, and the new file is linked in only if the name is still
    free. Another writer's file is never replaced: it is put back (FileExistsError), or, if yet another write
    took the name meanwhile, kept beside it under a name that says so.
    """
    aside = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.kit-old")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        raise FileExistsError(path) from None  # deleted meanwhile: not the file that was read
    try:
        same = Snapshot.of_file(aside) == expected
    except OSError:
        same = False
    if not same:
        _put_back(aside, path)
        raise FileExistsError(path)
    try:
        _link_new(tmp, path)
    except FileExistsError:
        # Another program wrote the notebook in the instant it was aside: its file is newer; the aside copy is
        # the version both read, which the kit was about to replace anyway.
        os.unlink(aside)
        raise
    except BaseException:  # a full disk, Ctrl-C: nothing was written, so the file that was read goes back
        _put_back(aside, path)
        raise
    os.unlink(aside)


def _put_back(aside: Path, path: Path) -> None:
    """Give the file set aside its name again; if another write took the name meanwhile, keep it beside."""
    try:
        _link_new(str(aside), path)
        os.unlink(aside)
        return
    except FileExistsError:
        pass
    except OSError:  # a link cannot be made (a full disk): a rename needs no new space
        if not path.exists():
            os.rename(aside, path)
            return
    keep = path.with_name(f"{path.stem} (another program's version, kept by the kit){path.suffix}")
    n = 2
    while keep.exists():
        keep = path.with_name(f"{path.stem} (another program's version {n}, kept by the kit){path.suffix}")
        n += 1
    os.rename(aside, keep)
    log.warning("%s changed twice while the kit was writing it; the other version is kept as %s", path, keep)


_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def _link_new(tmp: str, path: Path) -> None:
    """Give ``tmp``'s content the name ``path`` only if nothing has that name (a hard link cannot clobber)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # No hard links on this file system (FAT, some shares): check, then rename — a writer that ignores the
        # kit's lock could still slip in between the two.
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def new_notebook() -> Any:
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = language_info()
    return nb


def language_info() -> dict[str, Any]:
    """What ipykernel reports about its language, for this Python — as JupyterLab writes it into a notebook's
    metadata when its kernel starts. A notebook made with less is changed by merely opening it: its tab shows
    unsaved changes, and reloading or closing the page asks "Leave site?"."""
    return {
        "name": "python",
        "version": sys.version.split()[0],
        "mimetype": "text/x-python",
        "codemirror_mode": {"name": "ipython", "version": 3},
        "pygments_lexer": "ipython3",
        "nbconvert_exporter": "python",
        "file_extension": ".py",
    }


def entry_cell(nb: Any, text: str, meta: dict[str, Any]) -> Any:
    """A markdown cell tagged ``kit-entry`` that fits the notebook's format version."""
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    cell = nbformat.v4.new_markdown_cell(text, metadata={"tags": [ENTRY_TAG], "kit": meta})
    if nb.get("nbformat_minor", 5) < 5:
        cell.pop("id", None)  # cell ids are not allowed before nbformat 4.5
    return cell


def append_entry(
    path: Path,
    text: str,
    *,
    template: str = "journal",
    field: str = "entry",
    mood: float | None = None,
    private: bool = False,
    created: datetime | None = None,
    journal: Path | None = None,
) -> Entry:
    """Append an entry cell to a notebook (creating the notebook if needed) and return the entry."""
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    path = Path(path)
    if path.exists():
        nb, before = load(path)
    else:
        nb, before = new_notebook(), None
    meta = kit_metadata(
        entry_id=new_id(),
        created=created or now(),
        template=template,
        field=field,
        mood=parse_mood(mood),
        private=private,
    )
    nb.cells.append(entry_cell(nb, text, meta))
    save(path, nb, before)
    rel = relpath(path, journal) if journal is not None else path.name
    return next(e for _, e in entries_in(nb, rel, now()) if e.id == meta["id"])


_UNSET: Any = object()


def update_entry(
    path: Path,
    entry_id: str,
    *,
    text: str = _UNSET,
    mood: float | None = _UNSET,
    private: bool = _UNSET,
    journal: Path | None = None,
) -> Entry:
    """Change one entry cell in place; every other cell is left exactly as it was."""
    path = Path(path)
    nb, before = load(path)
    rel = relpath(path, journal) if journal is not None else path.name
    match = [(pos, e) for pos, e in entries_in(nb, rel, _mtime(path)) if e.id == entry_id]
    if not match or match[0][1].output_index is not None:
        raise EntryNotFound(
            f"no entry cell with id {entry_id} in {path.name} — list entries with `reflect search` or check the id"
        )
    pos, entry = match[0]
    cell = nb.cells[pos]
    meta = dict(cell.metadata.get("kit") or {})
    if "id" not in meta:
        # Keep the id it was known by; this writes kit metadata only, no nbformat cell ids.
        meta["id"] = entry.id
    if text is not _UNSET:
        cell.source = text
    if mood is not _UNSET:
        parsed = parse_mood(mood)
        meta.pop("mood", None)
        if parsed is not None:
            meta["mood"] = parsed
    if private is not _UNSET:
        meta.pop("private", None)
        if private:
            meta["private"] = True
    cell.metadata["kit"] = meta
    save(path, nb, before)
    return next(e for p, e in entries_in(nb, rel, _mtime(path)) if p == pos)
