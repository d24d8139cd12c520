"""Safety comes before any model call: the offline crisis check, the personal-details finder, what a person sees
on a hit, and the labels on everything the kit shows.

``kit.safety.check(text)`` keeps its contract: a ``SafetyReport`` with the crisis verdict, its plain reasons and
the personal details found. The names are looked up on first use, so importing one part loads only that part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "AI_LABEL",
    "DISCLAIMER",
    "CrisisDetected",
    "SafetyReport",
    "check",
    "check_all",
    "crisis_all",
    "crisis_message",
    "find_pii",
    "find_safety_plan",
    "helplines",
]

_LAZY = {
    "AI_LABEL": "kit.labels",
    "DISCLAIMER": "kit.labels",
    "CrisisDetected": "kit.safety.wellbeing",
    "SafetyReport": "kit.safety.crisis",
    "check": "kit.safety.crisis",
    "check_all": "kit.safety.crisis",
    "crisis_all": "kit.safety.crisis",
    "crisis_message": "kit.safety.wellbeing",
    "find_pii": "kit.safety.pii",
    "find_safety_plan": "kit.safety.wellbeing",
    "helplines": "kit.safety.wellbeing",
}

if TYPE_CHECKING:
    from kit.labels import AI_LABEL, DISCLAIMER
    from kit.safety.crisis import SafetyReport, check, check_all, crisis_all
    from kit.safety.pii import find_pii
    from kit.safety.wellbeing import CrisisDetected, crisis_message, find_safety_plan, helplines


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit.safety' has no attribute {name!r}")
