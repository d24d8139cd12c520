"""Entries the person asked the kit to forget: kept out of the index — and so out of every search, digest and
model — until they un-forget them (``reflect forget --undo ID``).

The notebooks are the truth, and the indexer adds what they hold, so a forgotten entry still in a notebook would
come back with the next ``reflect index`` or search. This list stops that. It lives in one owner-only file under
KIT_HOME and holds, per entry, a one-way fingerprint of the journal and the entry's id — never a word of the
entry, nor the id itself, so forgetting still leaves nothing under KIT_HOME that names or quotes it. The id is
the entry's identity (DESIGN.md: it stays the same when the text is edited), so an edited entry stays forgotten,
and another entry with the same words ("Couldn't sleep." on another night) is not forgotten with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from kit.config import lock, private_dir, settings
from kit.errors import IndexDamaged
from kit.journal.notebooks import _atomic_write

FILE = "forgotten.json"
_LOCK = "forgotten.lock"
_VERSION = 1


def _home(home: Path | str | None) -> Path:
    return Path(home).expanduser().resolve() if home is not None else settings().home


def fingerprint(journal: Path, entry_id: str) -> str:
    """What the list keeps of one entry: a hash of its journal and id, from which neither can be read back."""
    return hashlib.sha256(f"kit-forgotten\0{journal}\0{entry_id}".encode()).hexdigest()


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise IndexDamaged(
            f"{path} cannot be read ({exc.__class__.__name__}), so the kit cannot tell which entries you asked it "
            "to forget — restore the file, or delete it and run `reflect forget ID` again for each entry"
        ) from exc
    forgotten = data.get("forgotten") if isinstance(data, dict) else None
    if not isinstance(forgotten, dict):
        raise IndexDamaged(
            f"{path} is not a list of forgotten entries — restore the file, or delete it and run "
            "`reflect forget ID` again for each entry"
        )
    return {str(k): str(v) for k, v in forgotten.items()}


def _write(path: Path, forgotten: dict[str, str]) -> None:
    """Owner-only, atomically: a crash leaves the old list or the new one."""
    private_dir(path.parent)
    data = json.dumps({"version": _VERSION, "forgotten": forgotten}, indent=1, sort_keys=True)
    _atomic_write(path, data.encode("utf-8"), mode=0o600)


def keep_out(journal: Path, home: Path | str | None = None) -> Callable[[str], bool]:
    """For the indexer: whether an entry id of ``journal`` is forgotten (read once, when called)."""
    fingerprints = set(_read(_home(home) / FILE))
    if not fingerprints:
        return lambda entry_id: False
    return lambda entry_id: fingerprint(journal, entry_id) in fingerprints


def forget(journal: Path, ids: Iterable[str], home: Path | str | None = None) -> None:
    """Keep these entries of ``journal`` out of the index from now on."""
    root = _home(home)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    with lock(root / _LOCK, timeout=30):
        forgotten = _read(root / FILE)
        for entry_id in ids:
            forgotten.setdefault(fingerprint(journal, entry_id), when)
        _write(root / FILE, forgotten)


def unforget(journal: Path, ids: Iterable[str], home: Path | str | None = None) -> list[str]:
    """Let these entries be indexed again; returns those of ``ids`` that were forgotten."""
    root = _home(home)
    if not (root / FILE).exists():
        return []
    with lock(root / _LOCK, timeout=30):
        forgotten = _read(root / FILE)
        back = [i for i in dict.fromkeys(ids) if forgotten.pop(fingerprint(journal, i), None) is not None]
        if back:
            _write(root / FILE, forgotten)
    return back


def is_forgotten(journal: Path, entry_id: str, home: Path | str | None = None) -> bool:
    return keep_out(journal, home)(entry_id)
