"""Backends and embedders that other packages add by name, found through the ``kit.plugins`` entry points.

Each entry point names a function that takes no argument and registers what it brings (with
``kit.models.registry.register_backend`` or ``kit.models.embedders.register_embedder``). They are loaded once,
the first time the kit meets a name it does not know.
"""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

GROUP = "kit.plugins"
_loaded = False
log = logging.getLogger("kit")


def load_plugins() -> None:
    """Call every ``kit.plugins`` entry point once per process; one that fails is logged and skipped."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for entry in entry_points(group=GROUP):
        try:
            entry.load()()
        except Exception as exc:  # a broken plugin must not stop the kit: its names stay unknown
            log.warning("the kit plugin %s could not be loaded: %s", entry.value, exc)
