"""Keeps notebooks written for earlier versions working: ``kit.privacy`` was split in two.

The egress guard and telemetry switches (``telemetry_off``, ``check_host``, ``is_loopback``, …) now live in
``kit.egress``; ``doctor``, ``Check`` and ``DoctorReport`` in ``kit.doctor``. Import from those in new code.
"""

from __future__ import annotations

from typing import Any

import kit.doctor
import kit.egress

_HOMES = (kit.egress, kit.doctor)  # looked up in this order


def __getattr__(name: str) -> Any:
    for module in _HOMES:
        try:
            return getattr(module, name)
        except AttributeError:
            continue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()).union(*(dir(module) for module in _HOMES)))
