"""Reflections kept in the person's notebook: one output per request, atomic, never over a newer file, never
into a notebook that a running Jupyter server has open."""

from __future__ import annotations

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import nbformat
import pytest

from kit.errors import NotebookChanged, NotebookOpen
from kit.journal.entries import REFLECTION_TAG
from kit.journal.reflections import find_reflection, save_reflection
from kit.reflection.reflect import summarize
from kit.testing import FakeChatModel

GOOD = "You wrote about the garden beds [E1]. What stands out to you?"


def _reflection_cells(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if REFLECTION_TAG in c.metadata.get("tags", [])]


@pytest.fixture
def reflection(topical_journal):
    index, _ = topical_journal
    return summarize(model=FakeChatModel(replies=[GOOD]), index=index)


def test_saved_with_provenance_and_labelled(journal, reflection):
    path = save_reflection(journal / "reflections.ipynb", reflection)
    nbformat.validate(nbformat.read(path, as_version=4))
    [cell] = _reflection_cells(path)
    [output] = cell.outputs
    assert output.output_type == "display_data"
    assert output.data["text/markdown"] == reflection.text and "AI-written" in output.data["text/markdown"]
    prov = output.metadata["kit"]["provenance"]
    assert prov["prompt_id"] == "summary" and prov["retrieved_ids"] == reflection.provenance.retrieved_ids
    assert cell.metadata["kit"]["text"] == reflection.text  # survives "Run all" clearing the output


def test_saving_the_same_request_twice_keeps_one_output(journal, topical_journal, reflection):
    index, _ = topical_journal
    path = journal / "reflections.ipynb"
    save_reflection(path, reflection)
    again = summarize(model=FakeChatModel(replies=[GOOD]), index=index)
    save_reflection(path, again)
    cells = _reflection_cells(path)
    assert len(cells) == 1 and len(cells[0].outputs) == 1
    assert cells[0].metadata["kit"]["id"] == again.id
    other = summarize(since="2026-03-05", model=FakeChatModel(replies=[GOOD]), index=index)
    save_reflection(path, other)
    assert len(_reflection_cells(path)) == 2


def test_the_persons_cells_are_kept_exactly(journal, reflection):
    path = journal / "week.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("my own notes"), nbformat.v4.new_code_cell("x = 1")]
    nbformat.write(nb, path)
    save_reflection(path, reflection)
    after = nbformat.read(path, as_version=4)
    assert [c.source for c in after.cells[:2]] == ["my own notes", "x = 1"]
    assert [c.id for c in after.cells[:2]] == [c.id for c in nb.cells]


def test_a_file_changed_while_saving_is_not_overwritten(journal, reflection, monkeypatch):
    import kit.journal.notebooks as notebooks

    path = journal / "week.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    real_load = notebooks.load

    def load_then_someone_edits(p):
        result = real_load(p)
        nb = nbformat.read(p, as_version=4)
        nb.cells.append(nbformat.v4.new_markdown_cell("typed in JupyterLab meanwhile"))
        nbformat.write(nb, p)
        return result

    monkeypatch.setattr(notebooks, "load", load_then_someone_edits)
    with pytest.raises(NotebookChanged):
        save_reflection(path, reflection)
    assert "typed in JupyterLab meanwhile" in path.read_text()
    assert not _reflection_cells(path)
    assert [p.name for p in journal.iterdir() if p.name.endswith(".tmp")] == []


def test_run_all_clearing_outputs_does_not_lose_it(journal, reflection):
    path = save_reflection(journal / "r.ipynb", reflection)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nbformat.write(nb, path)
    meta = find_reflection(reflection.id, path)
    assert meta is not None and meta["text"] == reflection.text
    assert meta["provenance"]["created"] == reflection.provenance.created


class _Sessions(BaseHTTPRequestHandler):
    sessions: list[dict] = []
    token = "secret-token"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.headers.get("Authorization") != f"token {self.token}" or not self.path.startswith(
            "/api/sessions"
        ):
            self.send_response(403)
            self.end_headers()
            return
        data = json.dumps(self.sessions).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def jupyter_server(tmp_path, monkeypatch, journal):
    """A server that answers Jupyter's sessions API on loopback, announced in a runtime file as Jupyter does."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sessions)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    info = {
        "url": f"http://localhost:{port}/",
        "hostname": "localhost",
        "port": port,
        "token": _Sessions.token,
        "root_dir": str(journal),
        "pid": os.getpid(),
        "secure": False,
        "base_url": "/",
    }
    (runtime / f"jpserver-{os.getpid()}.json").write_text(json.dumps(info))
    yield _Sessions
    server.shutdown()
    server.server_close()
    _Sessions.sessions = []


@pytest.mark.enable_socket
def test_refuses_a_notebook_open_in_jupyter(journal, reflection, jupyter_server):
    path = journal / "week.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    before = path.read_bytes()
    jupyter_server.sessions = [
        {"id": "1", "path": "week.ipynb", "type": "notebook", "notebook": {"path": "week.ipynb"}}
    ]
    with pytest.raises(NotebookOpen, match="close its tab"):
        save_reflection(path, reflection)
    assert path.read_bytes() == before
    jupyter_server.sessions = [{"id": "2", "path": "other.ipynb", "type": "notebook"}]
    save_reflection(path, reflection)
    assert len(_reflection_cells(path)) == 1
