"""Backends and embedders by name: the registries, and what other packages add through the ``kit.plugins`` entry
points.

Each entry point names a function that takes no argument and registers what it brings (with
``kit.models.registry.register_backend`` or ``kit.models.embedders.register_embedder``). They are loaded once,
the first time the kit meets a name it does not know.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from kit.errors import ConfigError

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


T = TypeVar("T")


class Registry(Generic[T]):
    """Factories by name. A spec ``name`` or ``name:arg`` calls ``factories[name](arg)``; a name nobody registered
    loads the plugins once, then fails with the names there are (``variable`` says which setting was wrong)."""

    def __init__(self, variable: str, what: str) -> None:
        self.variable, self.what = variable, what
        self.factories: dict[str, Callable[[str], T]] = {}

    def register(self, name: str, factory: Callable[[str], T]) -> None:
        self.factories[name] = factory

    def names(self) -> list[str]:
        load_plugins()
        return list(self.factories)

    def build(self, spec: str) -> T:
        name, _, arg = spec.partition(":")
        if name not in self.factories:
            load_plugins()
        factory = self.factories.get(name)
        if factory is None:
            # Names that take an argument are shown with it.
            forms = {"ollama": "ollama:<model>", "openai": "openai:<model>@<base_url>", "gguf": "gguf:<path>"}
            choices = [n for n in self.factories if n not in forms]
            choices += [forms[n] for n in forms if n in self.factories]
            known = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else "".join(choices)
            raise ConfigError(f"{self.variable}={spec!r} is not {self.what} — use {known}")
        return factory(arg)
