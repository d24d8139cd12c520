"""Showing a saved reflection again in a notebook, with its provenance kept in the output's metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import IPython.display
from IPython.display import Markdown

from kit.journal.reflections import asdict_safe, find_reflection
from kit.outputs.review import NoReflection


def show_reflection(reflection_id: str, notebook: Path | str | None = None) -> None:
    """Display a saved reflection again (what its cell runs), from the notebook on disk."""
    meta = find_reflection(reflection_id, notebook)
    if meta is None:
        IPython.display.display(
            Markdown(f"_The saved reflection {reflection_id} was not found in this notebook on disk._")
        )
        return
    IPython.display.display(
        Markdown(meta.get("text", "")),
        metadata={"kit": {"kind": "reflection", "id": reflection_id, "provenance": meta.get("provenance")}},
    )


def show(reflection: Any, markdown: str) -> None:
    """Display markdown for a reflection, keeping its provenance in the output's metadata (like a saved one)."""
    if isinstance(reflection, NoReflection):
        IPython.display.display(Markdown(markdown))
        return
    meta = {"kind": "reflection", "id": reflection.id, "provenance": asdict_safe(reflection.provenance)}
    IPython.display.display(Markdown(markdown), metadata={"kit": meta})
