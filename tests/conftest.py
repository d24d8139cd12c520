"""Shared fixtures: every test gets its own journal and KIT_HOME, the fake embedder, and no remote hosts."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kit.entries import Entry
from kit.privacy import TELEMETRY_OFF
from kit.testing import FakeEmbeddings

# Variables the kit reads; each test starts from a known state whatever the developer's shell has set.
_CLEARED = ("KIT_ALLOW_REMOTE", "KIT_OLLAMA_HOST", "OLLAMA_HOST", "KIT_DEBUG", "XDG_DATA_HOME")


@pytest.fixture(autouse=True)
def kit_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """KIT_HOME and KIT_JOURNAL under tmp_path, fake models, nothing remote, telemetry switches unset."""
    home = tmp_path / "kit-home"
    journal = tmp_path / "journal"
    journal.mkdir()
    monkeypatch.setenv("KIT_HOME", str(home))
    monkeypatch.setenv("KIT_JOURNAL", str(journal))
    monkeypatch.setenv("KIT_EMBED", "fake")
    monkeypatch.setenv("KIT_MODEL", "fake")
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
    # The kit sets these in os.environ itself (telemetry_off); setenv-then-delenv makes monkeypatch put the
    # original state back afterwards, and lets a test see whether the kit switched them off.
    for name in TELEMETRY_OFF:
        monkeypatch.setenv(name, "unset-by-test")
        monkeypatch.delenv(name)
    return {"home": home, "journal": journal}


@pytest.fixture
def journal(kit_env: dict[str, Path]) -> Path:
    """The (existing, empty) journal folder that KIT_JOURNAL points at."""
    return kit_env["journal"]


@pytest.fixture
def kit_home(kit_env: dict[str, Path]) -> Path:
    """KIT_HOME (not created until the kit needs it)."""
    return kit_env["home"]


@pytest.fixture
def fake_embedder() -> FakeEmbeddings:
    return FakeEmbeddings()


EntrySpec = str | dict[str, Any]


@pytest.fixture
def make_notebook(journal: Path) -> Callable[..., tuple[Path, list[Entry]]]:
    """Build a journal notebook from texts or dicts of append_entry arguments; returns (path, entries)."""
    from kit.notebooks import append_entry

    def make(name: str, specs: Sequence[EntrySpec]) -> tuple[Path, list[Entry]]:
        path = journal / name
        path.parent.mkdir(parents=True, exist_ok=True)
        entries = []
        for spec in specs:
            kwargs = {"text": spec} if isinstance(spec, str) else dict(spec)
            text = kwargs.pop("text")
            if isinstance(kwargs.get("created"), str):
                kwargs["created"] = datetime.fromisoformat(kwargs["created"]).astimezone()
            entries.append(append_entry(path, text, journal=journal, **kwargs))
        return path, entries

    return make


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_pycollect_makeitem(collector: Any, name: str, obj: Any):
    """The langchain-tests suites have async tests; mark those (and only those) for pytest-asyncio.

    The project runs pytest-asyncio in strict mode, and the standard tests may not be overridden, so the
    mark is added here, before pytest-asyncio turns marked coroutine tests into its own items.
    """
    outcome = yield
    module = getattr(obj, "__module__", "") or ""
    if not (inspect.iscoroutinefunction(obj) and module.startswith("langchain_tests.")):
        return
    result = outcome.get_result()
    items = result if isinstance(result, list) else [result]
    for item in items:
        if isinstance(item, pytest.Function) and item.get_closest_marker("asyncio") is None:
            item.add_marker(pytest.mark.asyncio)
