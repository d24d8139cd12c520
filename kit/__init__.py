"""Reflective Notebook Kit: journal in notebooks, search your own entries by meaning, offline.

The public API is small and imported lazily, so ``import kit`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

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
    "Entry": "kit.entries",
    "Index": "kit.index",
    "IndexReport": "kit.index",
    "KitError": "kit.errors",
    "Reflection": "kit.reflect",
    "SearchHit": "kit.retrieve",
    "ask": "kit.reflect",
    "digest": "kit.digest",
    "explain": "kit.glossary",
    "prompts": "kit.prompts",
    "save_reflection": "kit.notebooks",
    "show_reflection": "kit.notebooks",
    "summarize": "kit.reflect",
    "append_entry": "kit.notebooks",
    "read_entries": "kit.notebooks",
    "scan_journal": "kit.notebooks",
    "search": "kit.retrieve",
    "update_entry": "kit.notebooks",
}

if TYPE_CHECKING:
    from kit.digest import digest
    from kit.entries import Entry
    from kit.errors import KitError
    from kit.glossary import explain
    from kit.index import Index, IndexReport
    from kit.notebooks import (
        append_entry,
        read_entries,
        save_reflection,
        scan_journal,
        show_reflection,
        update_entry,
    )
    from kit.prompts import prompts
    from kit.reflect import Reflection, ask, summarize
    from kit.retrieve import SearchHit, search


def update_index(rebuild: bool = False, progress: bool = True, **kwargs: Any) -> Any:
    """Index the journal (incrementally, or from scratch with ``rebuild=True``); returns an IndexReport."""
    from kit.index import Index

    return Index(**kwargs).update(rebuild=rebuild, progress=progress)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
