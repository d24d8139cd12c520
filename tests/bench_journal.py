"""A journal of many short entries, written fast (one notebook save per 50 entries), for tests that need size."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from kit.journal.entries import kit_metadata, new_id
from kit.journal.notebooks import entry_cell, new_notebook, save


def write_entries(journal: Path, n: int, per_notebook: int = 50) -> None:
    start = datetime(2025, 1, 1).astimezone()
    for first in range(0, n, per_notebook):
        nb = new_notebook()
        for i in range(first, min(n, first + per_notebook)):
            meta = kit_metadata(
                entry_id=new_id(), created=start + timedelta(hours=6 * i), template="journal", field="entry"
            )
            nb.cells.append(
                entry_cell(nb, f"Day {i}: walked, cooked, called a friend about errand {i}.", meta)
            )
        save(journal / f"many-{first // per_notebook:03d}.ipynb", nb, None)
