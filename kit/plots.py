"""Keeps notebooks written for earlier versions working: ``kit.plots`` is now ``kit.outputs.plots``.

Old notebooks say ``from kit import plots``; new code should say ``from kit.outputs import plots``.
"""

from __future__ import annotations

from typing import Any

from kit.outputs import plots as _home


def __getattr__(name: str) -> Any:
    try:
        return getattr(_home, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(dir(_home)))
