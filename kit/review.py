"""Keeps notebooks written for earlier versions working: ``kit.review`` is now ``kit.outputs.review``.

Old notebooks say ``from kit import review``; new code should say ``from kit.outputs import review``. Two parts
moved elsewhere: ``show`` to ``kit.widgets.display``, and the ``reflect review`` command to ``kit.cli.review``.
"""

from __future__ import annotations

import importlib
from typing import Any

from kit.outputs import review as _home

_ELSEWHERE = {"show": "kit.widgets.display", "add_commands": "kit.cli.review", "cmd_review": "kit.cli.review"}


def __getattr__(name: str) -> Any:
    if hasattr(_home, name):
        return getattr(_home, name)
    if name in _ELSEWHERE:  # imported on first use: kit.widgets.display loads IPython
        return getattr(importlib.import_module(_ELSEWHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(dir(_home)) | set(_ELSEWHERE))
