"""Thin ipywidgets over the library: journal, worksheet form, search, reflect, mood, worksheet help, export.

ipywidgets and IPython are imported only when a widget is made, so ``import kit`` stays light.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ActivityPicker",
    "ExportWidget",
    "HomeLinks",
    "JournalWidget",
    "LatestEntries",
    "MoodWidget",
    "RecentMood",
    "ReflectWidget",
    "SearchWidget",
    "StartWorksheet",
    "ValuesCardSort",
    "WorksheetForm",
    "WorksheetHelper",
    "mood_plot",
    "mood_series",
    "pending_entries",
]

_LAZY = {
    "ActivityPicker": "kit.widgets.helper",
    "ExportWidget": "kit.widgets.export",
    "HomeLinks": "kit.widgets.home",
    "JournalWidget": "kit.widgets.journal",
    "LatestEntries": "kit.widgets.home",
    "MoodWidget": "kit.widgets.mood",
    "RecentMood": "kit.widgets.home",
    "ReflectWidget": "kit.widgets.reflect",
    "SearchWidget": "kit.widgets.search",
    "StartWorksheet": "kit.widgets.home",
    "ValuesCardSort": "kit.widgets.helper",
    "WorksheetForm": "kit.widgets.form",
    "WorksheetHelper": "kit.widgets.helper",
    "mood_plot": "kit.widgets.mood",
    "mood_series": "kit.widgets.mood",
    "pending_entries": "kit.journal.wal",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit.widgets' has no attribute {name!r}")
