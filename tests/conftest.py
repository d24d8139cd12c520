"""Shared fixtures: every test gets its own journal and KIT_HOME, the fake embedder, and no remote hosts."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import nbformat
import pytest

import kit.testing
from kit.egress import TELEMETRY_OFF
from kit.journal.entries import Entry
from kit.testing import FakeEmbeddings

kit.testing.register()  # KIT_MODEL=fake and KIT_EMBED=fake, as the kit.plugins entry point does on first use

# Variables the kit reads; each test starts from a known state whatever the developer's shell has set.
_CLEARED = (
    "KIT_ALLOW_REMOTE",
    "KIT_OLLAMA_HOST",
    "KIT_OLLAMA_TIMEOUT",
    "KIT_OLLAMA_MODEL",
    "KIT_BREAK_MINUTES",
    "OLLAMA_HOST",
    "KIT_OPENAI_API_KEY",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_API_BASE",
    "KIT_DEBUG",
    "XDG_DATA_HOME",
    "KIT_CHROMA_URL",
    "KIT_CHROMA_TOKEN",
)


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
    import kit.safety.wellbeing

    monkeypatch.setattr(
        kit.safety.wellbeing, "_session", {"start": None, "reminded": None}
    )  # a fresh session
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
    from kit.journal.notebooks import append_entry

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


# Three topics with their own vocabulary, written for this test; each entry names its topic in other words.
TOPICS = {
    "garden": [
        "Planted tomatoes and basil in the garden beds before the rain came.",
        "The garden tomatoes are finally red; picked a bowl of basil for dinner.",
        "Weeded the garden beds all afternoon, the basil is flowering already.",
        "Slugs ate half the lettuce in the garden beds, the tomatoes survived.",
    ],
    "choir": [
        "Choir rehearsal tonight, the altos finally nailed the harmony in the second verse.",
        "Sang the solo at choir rehearsal and my voice only wobbled once.",
        "Choir concert next month; the conductor wants the harmony memorised.",
        "Missed choir rehearsal for work and felt the harmony slipping away.",
    ],
    "landlord": [
        "The landlord still hasn't fixed the boiler, third email this month about the deposit.",
        "Landlord replied about the boiler repair, says the engineer comes Tuesday.",
        "Argued with the landlord on the phone about the deposit and the damp wall.",
    ],
}


@pytest.fixture
def topical_journal(journal):
    """Three topics, interleaved in time, with one private entry; returns (index, {topic: [Entry]})."""
    from kit.index.store import Index
    from kit.journal.notebooks import append_entry

    start = datetime(2026, 3, 2, 20, 0).astimezone()
    written: dict[str, list] = {t: [] for t in TOPICS}
    day = 0
    for round_ in range(4):  # interleave topics in time, as a real journal would
        for topic, texts in TOPICS.items():
            if round_ < len(texts):
                created = start + timedelta(days=day)
                entry = append_entry(
                    journal / f"{created:%Y-%m}.ipynb",
                    texts[round_],
                    created=created,
                    mood=3 + day // 2,
                    journal=journal,
                )
                written[topic].append(entry)
                day += 1
    append_entry(
        journal / "2026-03.ipynb",
        "Private: the garden choir landlord secret.",
        private=True,
        created=start,
        journal=journal,
    )
    index = Index(journal=journal, embedder=FakeEmbeddings())
    index.update(progress=False)
    return index, written


@pytest.fixture
def index_of(journal: Path) -> Callable[[Sequence[str]], Any]:
    """Write texts as entries of one notebook and return the (fake-embedder) index of the journal."""

    def make(texts: Sequence[str]) -> Any:
        from kit.index.store import Index
        from kit.journal.notebooks import append_entry

        for text in texts:
            append_entry(journal / "a.ipynb", text, journal=journal)
        return Index(journal=journal, embedder=FakeEmbeddings())

    return make


def in_threads(
    fn: Callable[[], Any], n: int = 2, timeout: float = 300
) -> tuple[list[Any], list[BaseException]]:
    """Run ``fn`` in ``n`` threads at once; returns what they returned and what they raised."""
    import threading

    results: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    return results, errors


def reflect_process(*args: str, timeout: float = 120, **env: str) -> Any:
    """`reflect ARGS` in a new process, with the fake models and the test's KIT_HOME / KIT_JOURNAL."""
    import os
    import subprocess
    import sys

    full_env = {**os.environ, "KIT_EMBED": "fake", "KIT_MODEL": "fake", **env}
    full_env.pop("KIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "kit.cli", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    """A failed `reflect` command: exit 1, one line `reflect: error: …` naming each fragment, no traceback."""
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("reflect: error:"), err
    for fragment in fragments:
        assert fragment in lines[0]


# ---------------------------------------------------------------- widgets without a browser


class Frontend:
    """Stands in for IPython's display: keeps outputs by display id, as JupyterLab's output area does."""

    def __init__(self) -> None:
        self.outputs: list[dict[str, Any]] = []
        self.widgets: list[Any] = []

    def display(self, *objs: Any, raw: bool = False, metadata: Any = None, display_id: Any = None, **kw: Any):
        if not raw:
            self.widgets.extend(objs)
            return None
        handle = Handle(self, f"d{len(self.outputs)}")
        self.outputs.append({"id": handle.display_id, "data": objs[0], "metadata": metadata or {}})
        return handle

    def cell_outputs(self) -> list[Any]:
        """The outputs as JupyterLab would save them in the widget's cell."""
        return [
            nbformat.v4.new_output("display_data", data=o["data"], metadata=o["metadata"])
            for o in self.outputs
        ]

    def kit_outputs(self, kind: str = "entry") -> list[dict[str, Any]]:
        return [o for o in self.outputs if (o["metadata"].get("kit") or {}).get("kind") == kind]


class Handle:
    def __init__(self, frontend: Frontend, display_id: str) -> None:
        self.frontend, self.display_id = frontend, display_id

    def update(self, data: Any, raw: bool = False, metadata: Any = None) -> None:
        assert raw
        for output in self.frontend.outputs:
            if output["id"] == self.display_id:
                output["data"], output["metadata"] = data, metadata or {}


@pytest.fixture
def frontend(monkeypatch: pytest.MonkeyPatch) -> Frontend:
    import IPython.display

    from kit.widgets import journal as journal_module

    # Status updates from the save watcher would race the assertions; the test below starts it on purpose.
    monkeypatch.setattr(journal_module, "WATCH_SECONDS", 3600.0)
    fe = Frontend()
    monkeypatch.setattr(IPython.display, "display", fe.display)
    return fe


def save_in_jupyterlab(path: Path, frontend: Frontend, cell: int = 0) -> None:
    """What Ctrl+S does: the widget cell's current outputs go to disk with the notebook."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells[cell].outputs = frontend.cell_outputs()
    nbformat.validate(nb)
    nbformat.write(nb, path)


# ---------------------------------------------------------------------------------------------- server processes


def free_port() -> int:
    """A loopback port with nothing listening on it once this returns."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(
    command: list[str],
    log: Path,
    ready: Callable[[], bool],
    what: str,
    *,
    timeout: float,
    env: dict[str, str],
) -> Any:
    """Start ``command`` (output to ``log``), wait until ``ready()``, and stop it at the end; a process that exits or
    is not ready within ``timeout`` seconds fails the test with the end of its log."""
    import subprocess
    import time

    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    started = time.monotonic()
    try:
        while not ready():
            if process.poll() is not None or time.monotonic() - started > timeout:
                pytest.fail(f"{what} did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.05)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _server_command(path: Path, port: int) -> list[str]:
    """`chroma run --path PATH --host 127.0.0.1 --port PORT`: the command a person runs, from the chromadb package.

    It imports the whole chromadb package before it starts the server (a few seconds on 2 cores, 9 s on a busy
    machine); the session pays that once."""
    import sys

    chroma = Path(sys.executable).with_name("chroma")
    return [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real Chroma server process on a free loopback port, one for the whole session; its URL."""
    import os
    import urllib.request

    folder = tmp_path_factory.mktemp("chroma-server")
    url = f"http://127.0.0.1:{(port := free_port())}"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy

    def answers() -> bool:
        try:
            direct.open(f"{url}/api/v2/heartbeat", timeout=2).read()
        except OSError:
            return False
        return True

    env = {**os.environ, **TELEMETRY_OFF}
    command = _server_command(folder / "data", port)
    with serving(command, folder / "server.log", answers, "the Chroma server", timeout=60, env=env):
        yield url


@pytest.fixture(params=["embedded", "server"])
def store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test against the embedded store and against the session's Chroma server (KIT_CHROMA_URL)."""
    if request.param == "server":
        request.getfixturevalue("socket_enabled")  # pytest-socket blocks sockets; the server is on loopback
        monkeypatch.setenv("KIT_CHROMA_URL", request.getfixturevalue("chroma_server"))
    return str(request.param)
