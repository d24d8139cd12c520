"""Whether the index is already in line with the notebooks, told from the files' sizes and times alone.

``reflect search``, ``summarize`` and ``ask`` bring the index up to date before they read it. Reading every
notebook and every entry's record in the store for that took 3.3 s of a 10k-entry search that found nothing to do.
After an update that left nothing pending, the index keeps a stamp: the size, modification time and inode of every
notebook and write-ahead file of the journal, of the list of forgotten entries, the store's identity (renewed by a
rebuild, a forget or a store made anew), the embedder, the schema and the kit's version. The next update whose
stamp is the same has nothing to do and says so without opening a notebook or the store; any difference, however
small, takes the full path, which checks every entry as before.

A file written within a second of its stamp could be written again with the same size and a time the file system
rounds to the same value (the "racily clean" case git handles the same way): such a stamp is not kept, so the next
update reads everything.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from kit._version import __version__
from kit.journal.notebooks import iter_notebooks
from kit.journal.wal import iter_pending_files

STAMP_FOLDER = "fresh"
RACY_S = 1.0  # a file changed this recently may change again within the file system's time resolution
# The counts an update that found nothing to do reports; they are kept with the stamp.
KEPT = ("entries", "notebooks", "private_skipped", "empty_skipped", "forgotten")


def _file(path: Path) -> tuple[str, float]:
    try:
        st = path.stat()
    except OSError:
        return "-", 0.0
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}", st.st_mtime


def journal_stamp(journal: Path, extra: list[str], also: list[Path]) -> tuple[str, float]:
    """A digest of what an update depends on, and the newest modification time among the files in it."""
    h = hashlib.sha256()
    newest = 0.0
    for label in extra:
        h.update(label.encode("utf-8", "backslashreplace") + b"\0")
    for kind, paths in (("nb", iter_notebooks(journal)), ("wal", iter_pending_files(journal)), ("x", also)):
        for path in paths:
            sig, mtime = _file(path)
            newest = max(newest, mtime)
            h.update(f"{kind}\0{os.fsencode(path).hex()}\0{sig}\0".encode())
    return h.hexdigest(), newest


class Stamp:
    """The stamp of one journal's index: ``unchanged()`` (the kept counts) or ``keep(report)`` after an update."""

    def __init__(self, root: Path, name: str, journal: Path, extra: list[str], also: list[Path]) -> None:
        self.path = root / STAMP_FOLDER / f"{name}.json"
        self.digest, self.newest = journal_stamp(journal, [__version__, *extra], also)

    def unchanged(self) -> dict[str, Any] | None:
        """The counts of the last update when nothing changed since it, else None."""
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(kept, dict) or kept.get("stamp") != self.digest:
            return None
        counts = kept.get("counts")
        if not isinstance(counts, dict) or set(counts) != set(KEPT):
            return None
        if not all(isinstance(v, int) and v >= 0 for v in counts.values()):
            return None
        return counts

    def keep(self, report: Any) -> None:
        """Remember this stamp with the report's counts, unless something is left to do or a file is too new."""
        if (
            report.unreadable or time.time() - self.newest < RACY_S
        ):  # unreadable: warned about on every update
            self.forget()
            return
        counts = {k: int(getattr(report, k)) for k in KEPT}
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"stamp": self.digest, "counts": counts}), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def forget(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
