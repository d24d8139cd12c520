"""A real Jupyter server with the notebook open: the kit refuses to write it from outside, then writes once
it is closed (the counterpart of the fake sessions server in tests/test_writeback.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from conftest import free_port

from kit.errors import NotebookOpen
from kit.journal.reflections import save_reflection
from kit.reflection.reflect import summarize
from kit.testing import FakeChatModel

pytestmark = [pytest.mark.integration, pytest.mark.enable_socket]
TOKEN = "kit-test-token"


def _api(port: int, method: str, path: str, body: dict | None = None) -> object:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        data = response.read()
    return json.loads(data) if data else None


@pytest.fixture
def server(tmp_path, journal, monkeypatch):
    runtime = tmp_path / "runtime"
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    port = free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter_server",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={journal}",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _api(port, "GET", "/api/status")
            if list(runtime.glob("jpserver-*.json")):
                break
        except OSError:
            pass
        time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("jupyter server did not start")
    yield port
    process.terminate()
    process.wait(timeout=30)


def test_refuses_while_open_and_writes_once_closed(journal, topical_journal, server):
    index, _ = topical_journal
    reflection = summarize(
        model=FakeChatModel(replies=["You wrote about the garden beds [E1]. What stands out to you?"]),
        index=index,
    )
    path = journal / "week.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    before = path.read_bytes()
    session = _api(server, "POST", "/api/sessions", {"path": "week.ipynb", "type": "notebook", "name": "week.ipynb",
                                                      "kernel": {"name": "python3"}})  # fmt: skip
    with pytest.raises(NotebookOpen):
        save_reflection(path, reflection)
    assert path.read_bytes() == before
    _api(server, "DELETE", f"/api/sessions/{session['id']}")
    save_reflection(path, reflection)
    assert "kit-reflection" in path.read_text()
