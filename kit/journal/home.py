"""The kit's own pages in the journal folder: ``Home.ipynb`` and the read-only ``kit-examples/`` folder.

``make lab`` opens JupyterLab on the journal folder, at Home: a notebook of the kit's widgets (start a worksheet,
the latest entries, the mood of the last weeks, search, links to the examples and the safety plan). Home is made
once, when missing, and never written again by the kit: from then on it is the person's page to change or delete
(deleting it brings a fresh one at the next ``make lab``). JupyterLab saves it once its cells have run (see
kit.widgets.home.StartWorksheet), so reloading never asks "Leave site?"; what it then holds is links and the
mood chart, never an entry's words (kit.widgets.home.LatestEntries).

The example notebooks are put beside it as read-only copies in ``kit-examples/`` — a folder the scanner always
skips, so they are never journal notebooks — rather than a symlink to the installed ones: through a symlink,
JupyterLab would save into the kit's own files (in the source tree or the environment), and anything written
there would be lost at the next upgrade without ever being indexed. Read-only, nothing can be saved there by
mistake (except by root); the copies follow the kit's versions, and a copy someone changed is never replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import sys
from pathlib import Path
from typing import Any

from kit.config import shared_folder
from kit.errors import NotebookChanged
from kit.imports import import_quickly
from kit.journal.notebooks import EXAMPLES_FOLDER, HOME_NOTEBOOK, _atomic_write, new_notebook, save

log = logging.getLogger("kit")

WELCOME = """# Home

Welcome. This is your starting page for the kit: start a worksheet, see what you wrote lately and how your mood
went, and find an entry again. Run every cell once to fill it in (**Run ▸ Run All Cells**), and again whenever you
come back.

- **What stays here:** your words are saved in the notebook files of this folder, on this computer. The search
  index is built on this computer too, and nothing leaves this machine.
- This page is yours: the kit made it once and never rewrites it, and it is never counted as a journal entry.

*Not medical or therapeutic advice. Bring this work to your therapist and to people you trust. If you are in danger
now, call your local emergency number.*"""

SECTIONS: list[tuple[str, str]] = [
    (
        "## Start a worksheet\n\nPick a worksheet and press **Start**: a dated copy is made in your journal, with a "
        "link that opens it.",
        "from kit.widgets import StartWorksheet\n\nStartWorksheet()",
    ),
    (
        "## Latest entries\n\nWhat you wrote most recently, newest first, with the day and the worksheet. Private "
        "entries are not listed.",
        "from kit.widgets import LatestEntries\n\nLatestEntries()",
    ),
    (
        "## Your mood over the last weeks\n\nOne point per day: the average of the moods you gave that day "
        "(0–10). A gap means no mood was recorded that day.",
        "from kit.widgets import RecentMood\n\nRecentMood(weeks=6)",
    ),
    (
        "## Search\n\nSearch works by meaning, not only by the exact words.",
        "from kit.widgets import SearchWidget\n\nSearchWidget()",
    ),
    (
        "## Examples and your safety plan",
        "from kit.widgets import HomeLinks\n\nHomeLinks()",
    ),
]


def home_notebook() -> Any:
    """A fresh Home notebook (nbformat node): the welcome, then a heading and one widget cell per section."""
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    nb = new_notebook()
    nb.metadata["kit"] = {"page": "home", "title": "Home"}
    nb.cells.append(nbformat.v4.new_markdown_cell(WELCOME, id="home-welcome"))
    for number, (markdown, code) in enumerate(SECTIONS, 1):
        nb.cells.append(nbformat.v4.new_markdown_cell(markdown, id=f"home-{number}-md"))
        nb.cells.append(
            nbformat.v4.new_code_cell(code, id=f"home-{number}", metadata={"tags": ["kit-widget"]})
        )
    return nb


def ensure_home(journal: Path) -> tuple[Path, bool]:
    """``Home.ipynb`` in the journal, made if missing; a Home that is there is never written. Returns its path and
    whether it was made now."""
    path = Path(journal) / HOME_NOTEBOOK
    if path.exists():
        if not _is_kits(path):
            log.warning(
                "%s in your journal was not made by the kit; it is left as it is, and (like the kit's Home) it is "
                "not indexed — rename it to have its entries found by search",
                HOME_NOTEBOOK,
            )
        return path, False
    try:
        save(path, home_notebook(), None)  # atomic, and never over a file that appears meanwhile
    except NotebookChanged:
        return path, False
    return path, True


def _is_kits(path: Path) -> bool:
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata") or {}
    except (OSError, ValueError, AttributeError):
        return False
    return isinstance(meta, dict) and (meta.get("kit") or {}).get("page") == "home"


def examples_source() -> Path:
    """Where the kit's example notebooks are: the source tree, or the installed data folder."""
    return shared_folder("notebooks") or Path(sys.prefix) / "share" / "reflective-notebook-kit" / "notebooks"


MANIFEST = ".kit-examples.json"  # what the kit last wrote there (hidden: JupyterLab does not list it)


def sync_examples(journal: Path, source: Path | None = None) -> Path | None:
    """Put read-only copies of the example notebooks in ``<journal>/kit-examples/``; returns that folder.

    A copy is written only when missing, or when it is still what the kit wrote last and the shipped one changed.
    A copy someone changed (root may write anywhere) is left as it is, with a warning; other files there are left
    alone. Returns None (with a warning) when the folder cannot be made — JupyterLab still starts, without them.
    """
    source = source or examples_source()
    folder = Path(journal) / EXAMPLES_FOLDER
    shipped = sorted(source.glob("*.ipynb")) if source.is_dir() else []
    if not shipped:
        return None
    try:
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            log.warning("%s is not a folder; the example notebooks were not put there", folder)
            return None
        folder.mkdir(exist_ok=True)
        os.chmod(folder, 0o755)  # writable for the moment of the copy only
        try:
            written = _manifest(folder)
            for src in shipped:
                data = src.read_bytes()
                dest = folder / src.name
                if dest.is_symlink() or (dest.exists() and not dest.is_file()):
                    continue
                if dest.exists():
                    now = _sha(dest.read_bytes())
                    if now == _sha(data):
                        written[src.name] = now
                        continue
                    if now != written.get(src.name):
                        log.warning("%s was changed since the kit put it there; it is left as it is", dest)
                        continue
                _atomic_write(dest, data)
                os.chmod(dest, 0o444)
                written[src.name] = _sha(data)
            _atomic_write(folder / MANIFEST, (json.dumps(written, indent=1, sort_keys=True) + "\n").encode())
        finally:
            os.chmod(folder, 0o555)
    except OSError as exc:
        log.warning("the example notebooks could not be put in %s: %s", folder, exc)
        return None
    return folder


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict[str, str]:
    try:
        found = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in found.items() if isinstance(v, str)} if isinstance(found, dict) else {}


def read_only(path: Path) -> bool:
    """Whether no one may write ``path`` (how the example copies are kept)."""
    return not stat.S_IMODE(Path(path).stat().st_mode) & 0o222
