"""Nothing leaves the machine: the CLI flows under a poisoned environment, watched by an audit hook.

The environment points Ollama off the machine, switches LangSmith tracing on with an API key and routes every
protocol through a proxy. An audit hook installed before the kit is imported records every ``socket.connect``
and every name lookup (``socket.getaddrinfo`` and friends), and blocks the ones that are not loopback, so a leak
fails the test without a packet leaving. The hook sees Python's sockets only: native code (llama.cpp,
onnxruntime, Chroma's Rust core) is not watched; none of them opens a socket in these flows.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

POISON = {
    "OLLAMA_HOST": "http://example.com",
    "LANGSMITH_TRACING": "true",
    "LANGCHAIN_TRACING_V2": "true",
    "LANGSMITH_API_KEY": "x",
    "HTTP_PROXY": "http://proxy.example:8080",
    "HTTPS_PROXY": "http://proxy.example:8080",
    "ALL_PROXY": "http://proxy.example:8080",
    "http_proxy": "http://proxy.example:8080",
    "https_proxy": "http://proxy.example:8080",
    "all_proxy": "http://proxy.example:8080",
}
# Variables that would let loopback traffic bypass the proxy, or point the kit elsewhere: never inherited.
_DROPPED = ("NO_PROXY", "no_proxy", "KIT_OLLAMA_HOST", "KIT_ALLOW_REMOTE", "KIT_OLLAMA_MODEL", "KIT_DEBUG")

# Imported first in the subprocess (before the kit): records socket events into KIT_EGRESS_LOG, one JSON per line.
HOOK = r"""
import ipaddress
import json
import os
import sys

_LOG = os.environ["KIT_EGRESS_LOG"]
_LOOKUPS = ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr")


def is_loopback(host):
    if host is None:  # getaddrinfo(None, port): this machine
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0].lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def hook(event, args):
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[-1] if event != "socket.connect" else args[1]
        if not isinstance(address, tuple):  # a unix socket path
            return
        host = address[0]
    elif event in _LOOKUPS:
        host = args[0]
    else:
        return
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(json.dumps({"event": event, "host": repr(host), "loopback": is_loopback(host)}) + "\n")
    if not is_loopback(host):
        raise PermissionError(f"egress blocked by the test: {event} {host!r}")


sys.addaudithook(hook)
"""

# Runs the `reflect` commands one after another in one process, the way the console script calls main().
RUNNER = r"""
import contextlib, io, json, sys
import kit_egress_hook  # noqa: F401 - before anything of the kit
from kit.cli import main

results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    results.append({"argv": argv, "code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""

FLOW = [
    ["index"],
    ["search", "garden tomatoes", "--json"],
    ["summarize"],
    ["ask", "What did I write about the garden?"],
]
ENTRIES = [
    "Planted tomatoes and basil in the garden beds before the rain came.",
    "Choir rehearsal tonight, the altos finally nailed the harmony in the second verse.",
    "The landlord still hasn't fixed the boiler, third email this month about the deposit.",
    "Picked a bowl of basil from the garden for dinner with my friend Anna.",
    "Missed choir rehearsal for work and felt the harmony slipping away.",
]


@pytest.fixture
def small_journal(journal: Path) -> Path:
    from kit.journal.notebooks import append_entry

    start = datetime(2026, 3, 2, 20, 0).astimezone()
    for day, text in enumerate(ENTRIES):
        created = start + timedelta(days=day)
        append_entry(journal / "2026-03.ipynb", text, created=created, mood=3, journal=journal)
    append_entry(journal / "2026-03.ipynb", "Private: nobody sees this.", private=True, journal=journal)
    return journal


def _run_flow(tmp_path: Path, env: dict[str, str], flow: list[list[str]]) -> tuple[list[dict], list[dict]]:
    """Run ``flow`` in a fresh interpreter with the hook; returns (results per command, socket events)."""
    hook_dir = tmp_path / "hook"
    hook_dir.mkdir(exist_ok=True)
    (hook_dir / "kit_egress_hook.py").write_text(HOOK, encoding="utf-8")
    log = tmp_path / "egress.jsonl"
    log.unlink(missing_ok=True)
    full = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    full.update(POISON)
    full.update(env)
    full["KIT_EGRESS_LOG"] = str(log)
    full["PYTHONPATH"] = os.pathsep.join(p for p in (str(hook_dir), full.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(flow)],
        env=full,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return json.loads(proc.stdout.splitlines()[-1]), events


def _assert_no_egress(events: list[dict]) -> None:
    away = [e for e in events if not e["loopback"]]
    assert away == [], f"connections or lookups off this machine: {away}"


def _one_line_error(result: dict, *fragments: str) -> None:
    assert result["code"] == 1, result
    lines = result["err"].strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reflect: error:"), result["err"]
    assert "Traceback" not in result["err"]
    for fragment in fragments:
        assert fragment in lines[0]


# ---------------------------------------------------------------- the hook itself


def test_the_hook_records_and_blocks_a_connection_and_a_lookup_off_this_machine(tmp_path):
    # Blocked before the system call: no packet and no DNS query leaves during this test.
    probe = [
        "import socket",
        "for call in (lambda: socket.getaddrinfo('example.com', 80),",
        "             lambda: socket.socket().connect(('203.0.113.7', 80)),",
        "             lambda: socket.socket().connect(('127.0.0.1', 9))):",
        "    try:",
        "        call()",
        "    except (PermissionError, ConnectionRefusedError):",
        "        pass",
    ]
    hook_dir = tmp_path / "hook"
    hook_dir.mkdir()
    (hook_dir / "kit_egress_hook.py").write_text(HOOK, encoding="utf-8")
    log = tmp_path / "egress.jsonl"
    env = {**os.environ, "KIT_EGRESS_LOG": str(log), "PYTHONPATH": str(hook_dir)}
    code = "import kit_egress_hook\n" + "\n".join(probe)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(e["event"], e["host"], e["loopback"]) for e in events] == [
        ("socket.getaddrinfo", "'example.com'", False),
        ("socket.connect", "'203.0.113.7'", False),
        ("socket.connect", "'127.0.0.1'", True),  # recorded, and let through
    ]


# ---------------------------------------------------------------- CLI flows in a subprocess


def test_fake_backends_index_search_summarize_ask_stay_on_the_machine(tmp_path, small_journal):
    results, events = _run_flow(tmp_path, {"KIT_MODEL": "fake", "KIT_EMBED": "fake"}, FLOW)
    for result in results:
        assert result["code"] == 0, result
    assert "5 entries in 1 notebook" in results[0]["out"] and "1 private skipped" in results[0]["out"]
    assert json.loads(results[1]["out"])[0]["text"].startswith(("Planted tomatoes", "Picked a bowl"))
    assert "Answering with fake." in results[2]["err"]
    _assert_no_egress(events)


def test_auto_refuses_a_remote_ollama_host_from_ollama_host_without_a_lookup(tmp_path, small_journal):
    # KIT_OLLAMA_HOST is unset, so OLLAMA_HOST (http://example.com) is the host the kit would use.
    results, events = _run_flow(tmp_path, {"KIT_MODEL": "auto", "KIT_EMBED": "fake"}, FLOW)
    assert [r["code"] for r in results[:2]] == [0, 0]
    for result in results[2:]:
        _one_line_error(result, "example.com", "KIT_ALLOW_REMOTE=1")
    _assert_no_egress(events)
    assert events == []  # refused before any connection: not even the loopback probe


def test_remote_ollama_embedder_is_refused_too(tmp_path, small_journal):
    results, events = _run_flow(
        tmp_path, {"KIT_MODEL": "fake", "KIT_EMBED": "ollama:nomic-embed-text"}, FLOW[:2]
    )
    for result in results:
        _one_line_error(result, "example.com", "KIT_ALLOW_REMOTE=1")
    _assert_no_egress(events)


class _FakeOllama(ThreadingHTTPServer):
    """Just enough of Ollama's API on loopback for `auto` to pick it: tags, show and a streamed chat."""

    daemon_threads = True
    model = "llama3.2:latest"

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _OllamaHandler)
        self.paths: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _OllamaHandler(BaseHTTPRequestHandler):
    server: _FakeOllama

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        model = {"name": self.server.model, "model": self.server.model, "digest": "d" * 64, "size": 1}
        self._send({"models": [{**model, "modified_at": "2026-01-01T00:00:00Z"}]})

    def do_POST(self) -> None:
        self.server.paths.append(self.path)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/api/show":
            info = {"general.architecture": "llama", "llama.context_length": 131072}
            return self._send({"parameters": "", "model_info": info, "template": "{{ .Prompt }}"})
        part = {"model": body["model"], "created_at": "2026-01-01T00:00:00Z", "done": False}
        lines = [
            {**part, "message": {"role": "assistant", "content": "What made the garden feel calm?"}},
            {**part, "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop"},
        ]
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        self.wfile.write(b"".join(json.dumps(line).encode() + b"\n" for line in lines))

    def _send(self, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def fake_ollama() -> Iterator[_FakeOllama]:
    server = _FakeOllama()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.enable_socket  # the test process serves the fake Ollama on loopback
def test_auto_on_loopback_ollama_goes_direct_despite_proxies(tmp_path, small_journal, fake_ollama):
    env = {"KIT_MODEL": "auto", "KIT_EMBED": "fake", "KIT_OLLAMA_HOST": fake_ollama.url}
    results, events = _run_flow(tmp_path, env, FLOW)
    for result in results:
        assert result["code"] == 0, result
    assert "Answering with llama3.2 through Ollama on this computer." in results[2]["err"]
    assert fake_ollama.url not in results[2]["err"]  # no address a person needs to read
    # The requests reached the server itself, not the proxy the environment names.
    assert {"/api/tags", "/api/show", "/api/chat"} <= set(fake_ollama.paths)
    _assert_no_egress(events)
    assert any(e["event"] == "socket.connect" and e["loopback"] for e in events)  # the hook was watching


@pytest.mark.enable_socket  # the test process finds a free loopback port
def test_auto_falls_back_to_the_embedded_model_after_probing_loopback(tmp_path, small_journal):
    with socket.socket() as s:  # a loopback port with nothing listening once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"KIT_MODEL": "auto", "KIT_EMBED": "fake", "KIT_OLLAMA_HOST": f"http://127.0.0.1:{port}"}
    # ask on the embedded model lists matches without generating, so this stays fast; the embedded model's
    # generation is covered by tests/integration/test_reflect_embedded_real.py.
    results, events = _run_flow(tmp_path, env, [step for step in FLOW if step[0] != "summarize"])
    assert [r["code"] for r in results[:2]] == [0, 0]
    for result in results[2:]:
        if "llama-cpp-python is not installed" in result["err"]:
            continue  # no embedded model here; the flow still stopped without leaving the machine
        assert result["code"] == 0, result
        assert "small model on this computer" in result["err"]
    assert any(e["event"] == "socket.connect" and e["loopback"] for e in events)  # the probe
    _assert_no_egress(events)


# ---------------------------------------------------------------- in-process, as in a notebook

_recording: list[dict[str, Any]] | None = None
_hook_installed = False


def _in_process_hook(event: str, args: tuple[Any, ...]) -> None:
    if _recording is None:  # audit hooks cannot be removed: idle outside the one test that records
        return
    if event == "socket.connect" and isinstance(args[1], tuple):
        host = args[1][0]
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        host = args[0]
    else:
        return
    from kit.egress import is_loopback

    local = host is None or is_loopback(str(host.decode() if isinstance(host, bytes) else host))
    _recording.append({"event": event, "host": repr(host), "loopback": local})
    if not local:
        raise PermissionError(f"egress blocked by the test: {event} {host!r}")


@pytest.fixture
def audit() -> Iterator[list[dict[str, Any]]]:
    global _recording, _hook_installed
    if not _hook_installed:
        sys.addaudithook(_in_process_hook)
        _hook_installed = True
    _recording = []
    try:
        yield _recording
    finally:
        _recording = None


@pytest.mark.enable_socket  # the audit hook, not pytest-socket, is the guard here
def test_notebook_flow_in_process_under_the_poisoned_environment(monkeypatch, small_journal, audit):
    import langsmith.utils
    from langchain_core.tracers.langchain import wait_for_all_tracers

    import kit
    from kit.index.store import Index
    from kit.testing import FakeChatModel, FakeEmbeddings

    for name, value in POISON.items():
        monkeypatch.setenv(name, value)
    for name in _DROPPED:
        monkeypatch.delenv(name, raising=False)
    langsmith.utils.get_env_var.cache_clear()

    index = Index(journal=small_journal, embedder=FakeEmbeddings())
    model = FakeChatModel(replies=["What made the garden feel calm?"])
    summary = kit.summarize(model=model, index=index)
    answer = kit.ask("What did I write about the garden?", model=model, index=index)
    wait_for_all_tracers()  # a tracer, had one started, would post from a background thread
    assert audit == [], f"socket events in a flow that needs none: {audit}"
    assert summary.text and answer.text
    assert model.prompts, "the model was called, so tracing had its chance"
    assert langsmith.utils.tracing_is_enabled() is False
    langsmith.utils.get_env_var.cache_clear()
