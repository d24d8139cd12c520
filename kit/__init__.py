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
    "retriever",
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
    "Reflection": "kit.reflection.provenance",
    "SearchHit": "kit.index.search",
    "ask": "kit.reflection.reflect",
    "digest": "kit.reflection.digest",
    "explain": "kit.content.glossary",
    "prompts": "kit.content.bank",
    "save_reflection": "kit.journal.reflections",
    "show_reflection": "kit.widgets.display",
    "summarize": "kit.reflection.reflect",
    "append_entry": "kit.journal.notebooks",
    "read_entries": "kit.journal.notebooks",
    "retriever": "kit.index.retriever",
    "scan_journal": "kit.journal.notebooks",
    "search": "kit.index.search",
    "update_entry": "kit.journal.notebooks",
}

if TYPE_CHECKING:
    from kit.content.bank import prompts
    from kit.content.glossary import explain
    from kit.errors import KitError
    from kit.index.retriever import retriever
    from kit.index.search import SearchHit, search
    from kit.index.store import Index, IndexReport
    from kit.journal.entries import Entry
    from kit.journal.notebooks import append_entry, read_entries, scan_journal, update_entry
    from kit.journal.reflections import save_reflection
    from kit.reflection.digest import digest
    from kit.reflection.provenance import Reflection
    from kit.reflection.reflect import ask, summarize
    from kit.widgets.display import show_reflection


def update_index(rebuild: bool = False, progress: bool = True, **kwargs: Any) -> Any:
    """Index the journal (incrementally, or from scratch with ``rebuild=True``); returns an IndexReport."""
    from kit.index.store import Index  # here, not at the top: `import kit` stays fast

    return Index(**kwargs).update(rebuild=rebuild, progress=progress)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
