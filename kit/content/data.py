"""The kit's curated data files (``kit/data/*.json``): one reader for all of them, and the one type for the published
works their items cite.

Every file carries a version; a file that cannot be read or is damaged is a ContentError that says to reinstall.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from kit.errors import ContentError

T = TypeVar("T")


@dataclass(frozen=True)
class Reference:
    """A published work an item's idea draws on (cited, never copied). ``id`` names it where a file lists its
    sources once and its items point to them."""

    author: str
    title: str
    year: int
    id: str = ""

    def cite(self, *, markdown: bool = True) -> str:
        """``Author (year). *Title*.``; ``markdown=False`` leaves the title plain."""
        title = f"*{self.title}*" if markdown else self.title
        return f"{self.author} ({self.year}). {title}."


def reference(raw: dict[str, Any]) -> Reference:
    """A Reference from its entry in a data file."""
    return Reference(str(raw["author"]), str(raw["title"]), int(raw["year"]), str(raw.get("id", "")))


@functools.cache
def read(name: str) -> dict[str, Any]:
    """The data file ``kit/data/<name>``, parsed (read once per process)."""
    try:
        data: dict[str, Any] = json.loads(resources.files("kit").joinpath("data", name).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"the kit's data/{name} cannot be read ({exc}) — reinstall the kit") from exc
    if not isinstance(data, dict) or "items" not in data or "version" not in data:
        raise ContentError(f"the kit's data/{name} is damaged (no items or version) — reinstall the kit")
    return data


def items(name: str, build: Callable[[dict[str, Any]], T]) -> tuple[dict[str, str], tuple[T, ...]]:
    """A data file's version header and its items, each made by ``build``; a damaged item is a ContentError."""
    data = read(name)
    try:
        loaded = tuple(build(raw) for raw in data["items"])
        return {"version": str(data["version"]), "checked": str(data.get("checked", ""))}, loaded
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(f"the kit's data/{name} is damaged ({exc!r}) — reinstall the kit") from exc
