"""The Ollama embedder against a real HTTP server on loopback that speaks Ollama's /api/embed.

This drives the real langchain-ollama / ollama client code path; only the model behind the server is fake.
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kit.embeddings import OllamaEmbedder
from kit.errors import EmbedderUnavailable
from kit.testing import FakeEmbeddings

pytestmark = [pytest.mark.integration, pytest.mark.enable_socket]

MODEL = "nomic-embed-text"


class _Handler(BaseHTTPRequestHandler):
    fake = FakeEmbeddings(dimension=32)
    seen: list[dict] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, **body})
        if self.path != "/api/embed":
            self._reply(404, {"error": "not found"})
        elif body.get("model", "").split(":")[0] != MODEL:
            self._reply(404, {"error": f'model "{body.get("model")}" not found, try pulling it first'})
        else:
            inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
            self._reply(200, {"model": MODEL, "embeddings": self.fake.embed_documents(inputs)})

    def _reply(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def ollama_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.seen.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_embeds_through_the_ollama_api(ollama_url):
    embedder = OllamaEmbedder(MODEL, base_url=ollama_url)
    vectors = embedder.embed_documents(["slept badly", "a long run"])
    assert vectors == FakeEmbeddings(dimension=32).embed_documents(["slept badly", "a long run"])
    assert embedder.embed_query("slept badly") == vectors[0]
    assert _Handler.seen[0]["path"] == "/api/embed"
    assert embedder.kit_name == f"ollama:{MODEL}"


def test_missing_model_names_the_pull_command(ollama_url):
    embedder = OllamaEmbedder("not-pulled", base_url=ollama_url)
    with pytest.raises(EmbedderUnavailable, match="ollama pull not-pulled"):
        embedder.embed_documents(["hello"])


def test_server_not_running_names_ollama_serve():
    with socket.socket() as s:  # a loopback port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    embedder = OllamaEmbedder(MODEL, base_url=f"http://127.0.0.1:{port}")
    with pytest.raises(EmbedderUnavailable, match="ollama serve"):
        embedder.embed_documents(["hello"])
