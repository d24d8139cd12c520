"""Reflective Notebook Kit: journal in notebooks, search your own entries by meaning, offline.

The public API is small and imported lazily, so ``import kit`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kit._version import __version__ as __version__

__all__ = [
    "Entry",
    "Index",
    "IndexReport",
    "KitError",
    "Reflection",
    "SearchHit",
    "append_entry",
    "ask",
    "digest",
    "explain",
    "prompts",
    "read_entries",
    "save_reflection",
    "scan_journal",
    "search",
    "show_reflection",
    "summarize",
    "update_entry",
    "update_index",
]

_LAZY = {
    "Entry": "kit.journal.entries",
    "Index": "kit.index.store",
    "IndexReport": "kit.index.store",
    "KitError": "kit.errors",
    "Reflection": "kit.reflection.reflect",
    "SearchHit": "kit.index.search",
    "ask": "kit.reflection.reflect",
    "digest": "kit.reflection.digest",
    "explain": "kit.content.glossary",
    "prompts": "kit.models.prompts",
    "save_reflection": "kit.journal.notebooks",
    "show_reflection": "kit.journal.notebooks",
    "summarize": "kit.reflection.reflect",
    "append_entry": "kit.journal.notebooks",
    "read_entries": "kit.journal.notebooks",
    "scan_journal": "kit.journal.notebooks",
    "search": "kit.index.search",
    "update_entry": "kit.journal.notebooks",
}

if TYPE_CHECKING:
    from kit.reflection.digest import digest
    from kit.journal.entries import Entry
    from kit.errors import KitError
    from kit.content.glossary import explain
    from kit.index.store import Index, IndexReport
    from kit.journal.notebooks import (
        append_entry,
        read_entries,
        save_reflection,
        scan_journal,
        show_reflection,
        update_entry,
    )
    from kit.models.prompts import prompts
    from kit.reflection.reflect import Reflection, ask, summarize
    from kit.index.search import SearchHit, search


def update_index(rebuild: bool = False, progress: bool = True, **kwargs: Any) -> Any:
    """Index the journal (incrementally, or from scratch with ``rebuild=True``); returns an IndexReport."""
    from kit.index.store import Index

    return Index(**kwargs).update(rebuild=rebuild, progress=progress)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
