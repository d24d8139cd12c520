"""Thin ipywidgets over the library: journal, search, reflect, mood.

ipywidgets and IPython are imported only when a widget is made, so ``import kit`` stays light.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "JournalWidget",
    "MoodWidget",
    "ReflectWidget",
    "SearchWidget",
    "mood_plot",
    "mood_series",
    "pending_entries",
]

_LAZY = {
    "JournalWidget": "kit.widgets.journal",
    "MoodWidget": "kit.widgets.mood",
    "ReflectWidget": "kit.widgets.reflect",
    "SearchWidget": "kit.widgets.search",
    "mood_plot": "kit.widgets.mood",
    "mood_series": "kit.widgets.mood",
    "pending_entries": "kit.widgets.pending",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit.widgets' has no attribute {name!r}")
