"""The Ollama chat backend against a real HTTP server on loopback that speaks Ollama's API.

The server implements /api/tags, /api/show, /api/chat (streamed NDJSON and a single answer) and /api/embed, so
the real langchain-ollama / ollama / httpx code runs end to end; only the model behind the server is fake.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from conftest import free_port
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_tests.unit_tests import ChatModelUnitTests

from kit.errors import ModelUnavailable, RemoteHostRefused
from kit.models.ollama import ContextTooLong, KitChatOllama, OllamaModelInfo, ollama_show
from kit.models.registry import get_backend
from kit.testing import FakeEmbeddings

pytestmark = [pytest.mark.integration, pytest.mark.enable_socket]

DIGEST = "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72"
ANSWER = ["What ", "made the ", "long run ", "feel easier?"]


@dataclass
class Model:
    max_context: int = 131072
    parameters: str = 'stop                           "<|eot_id|>"'


@dataclass
class Behaviour:
    """What the fake server does on /api/chat; tests change it."""

    mode: str = "answer"  # answer | truncate | truncate-chunked | sleep
    sleep: float = 0.0
    released: threading.Event = field(default_factory=threading.Event)  # the test read the first piece
    waited: list[bool] = field(default_factory=list)


class FakeOllama(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.models: dict[str, Model] = {
            "llama3.2:latest": Model(),
            "tiny-ctx:latest": Model(parameters="num_ctx 256"),
        }
        self.behaviour = Behaviour()
        self.seen: list[dict[str, Any]] = []
        self.closing = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def find(self, name: str) -> str | None:
        name = name if ":" in name else f"{name}:latest"
        return name if name in self.models else None

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (the timeout test) leaves a broken pipe behind; that is expected


class _Handler(BaseHTTPRequestHandler):
    server: FakeOllama

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.seen.append({"path": self.path})
        if self.path != "/api/tags":
            return self._reply(404, {"error": "not found"})
        models = [
            {
                "name": name,
                "model": name,
                "digest": DIGEST,
                "size": 2019393189,
                "modified_at": "2025-01-01T00:00:00Z",
            }
            for name in self.server.models
        ]
        self._reply(200, {"models": models})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.seen.append({"path": self.path, **body})
        name = self.server.find(body.get("model", ""))
        if self.path == "/api/embed" and name is not None:
            inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
            return self._reply(
                200, {"model": body["model"], "embeddings": FakeEmbeddings().embed_documents(inputs)}
            )
        if self.path not in ("/api/show", "/api/chat", "/api/embed"):
            return self._reply(404, {"error": "not found"})
        if name is None:
            return self._reply(404, {"error": f'model "{body.get("model")}" not found, try pulling it first'})
        if self.path == "/api/show":
            model = self.server.models[name]
            info = {"general.architecture": "llama", "llama.context_length": model.max_context}
            return self._reply(
                200, {"parameters": model.parameters, "model_info": info, "template": "{{ .Prompt }}"}
            )
        self._chat(name, body)

    def _chat(self, name: str, body: dict[str, Any]) -> None:
        behaviour = self.server.behaviour
        if behaviour.mode == "sleep":
            self.server.closing.wait(behaviour.sleep)
        pieces = [self._part(name, piece) for piece in ANSWER]
        final = {**self._part(name, ""), "done": True, "done_reason": "stop", "eval_count": len(ANSWER)}
        if not body.get("stream", True):
            return self._reply(200, {**final, "message": {"role": "assistant", "content": "".join(ANSWER)}})
        if behaviour.mode == "truncate-chunked":
            return self._truncated_chunked(pieces)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()  # HTTP/1.0: the body ends when the connection closes
        for i, part in enumerate(pieces):
            self.wfile.write(json.dumps(part).encode() + b"\n")
            self.wfile.flush()
            if i == 0 and behaviour.mode == "answer":
                behaviour.waited.append(behaviour.released.wait(5))
        if behaviour.mode != "truncate":
            self.wfile.write(json.dumps(final).encode() + b"\n")

    def _truncated_chunked(self, pieces: list[dict[str, Any]]) -> None:
        # HTTP/1.1 chunked, and the connection drops before the last chunk: httpx sees a protocol error.
        self.protocol_version = "HTTP/1.1"
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for part in pieces[:2]:
            data = json.dumps(part).encode() + b"\n"
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()
        self.close_connection = True

    @staticmethod
    def _part(name: str, piece: str) -> dict[str, Any]:
        return {
            "model": name,
            "created_at": "2025-01-01T00:00:00Z",
            "message": {"role": "assistant", "content": piece},
            "done": False,
        }

    def _reply(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def ollama(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOllama]:
    server = FakeOllama()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv("KIT_OLLAMA_HOST", server.url)
    monkeypatch.delenv("OLLAMA_CONTEXT_LENGTH", raising=False)
    monkeypatch.delenv("KIT_OLLAMA_MODEL", raising=False)
    yield server
    server.closing.set()
    server.shutdown()
    server.server_close()


MESSAGES = [SystemMessage("Ask one short open question."), HumanMessage("I ran 10 km and it felt easy.")]


def test_a_streamed_answer_arrives_in_pieces(ollama):
    model = get_backend("ollama:llama3.2").model
    chunks = []
    for chunk in model.stream(MESSAGES):
        chunks.append(chunk)
        ollama.behaviour.released.set()  # the server holds the rest until the first piece got here
    assert ollama.behaviour.waited == [True]
    assert [c.content for c in chunks if c.content] == ANSWER
    assert "".join(str(c.content) for c in chunks) == "".join(ANSWER)


def test_the_request_carries_the_messages_and_the_seed(ollama):
    ollama.behaviour.released.set()
    model = get_backend("ollama:llama3.2").model
    assert model.invoke(MESSAGES).content == "".join(ANSWER)
    sent = [s for s in ollama.seen if s["path"] == "/api/chat"][-1]
    assert sent["model"] == "llama3.2" and sent["stream"] is True
    assert sent["messages"] == [
        {"role": "system", "content": "Ask one short open question."},
        {"role": "user", "content": "I ran 10 km and it felt easy."},
    ]
    assert sent["options"]["seed"] == 1234 and sent["options"]["temperature"] == model.temperature
    assert model.params() == {"temperature": model.temperature, "seed": 1234}
    assert model.model_name == "llama3.2"


def test_per_call_options_join_the_defaults(ollama):
    ollama.behaviour.released.set()
    model = KitChatOllama(model="llama3.2", base_url=ollama.url)
    model.invoke(MESSAGES, seed=7, max_tokens=50, stop=["\n"])
    options = [s for s in ollama.seen if s["path"] == "/api/chat"][-1]["options"]
    assert options == {"temperature": model.temperature, "seed": 7, "num_predict": 50, "stop": ["\n"]}


def test_a_single_answer_when_not_streaming(ollama):
    model = KitChatOllama(model="llama3.2", base_url=ollama.url)
    assert model.invoke(MESSAGES, stream=False).content == "".join(ANSWER)
    assert [s for s in ollama.seen if s["path"] == "/api/chat"][-1]["stream"] is False


@pytest.mark.asyncio
async def test_async_streaming(ollama):
    ollama.behaviour.released.set()
    model = KitChatOllama(model="llama3.2", base_url=ollama.url)
    pieces = [str(c.content) async for c in model.astream(MESSAGES)]
    assert "".join(pieces) == "".join(ANSWER)
    assert (await model.ainvoke(MESSAGES)).content == "".join(ANSWER)


def test_a_model_not_pulled_names_the_pull_command(ollama):
    model = get_backend("ollama:not-pulled").model
    with pytest.raises(ModelUnavailable, match="run `ollama pull not-pulled`"):
        model.invoke(MESSAGES)
    with pytest.raises(ModelUnavailable, match="ollama pull not-pulled"):
        list(model.stream(MESSAGES))


def test_server_not_running_names_ollama_serve(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", f"http://127.0.0.1:{free_port()}")
    backend = get_backend("ollama:llama3.2")  # still a backend: the answer reports the problem
    assert backend.name == "ollama" and backend.digest is None and backend.context_length is None
    for call in (backend.model.invoke, lambda m: list(backend.model.stream(m))):
        with pytest.raises(ModelUnavailable, match="not answering at .* start it with `ollama serve`"):
            call(MESSAGES)


def test_a_slow_server_is_reported_as_a_timeout(ollama):
    ollama.behaviour.mode, ollama.behaviour.sleep = "sleep", 5.0
    model = KitChatOllama(model="llama3.2", base_url=ollama.url, timeout=0.3)
    assert model.timeout == 0.3
    started = time.monotonic()
    with pytest.raises(ModelUnavailable, match=r"did not answer within 0\.3 s"):
        model.invoke(MESSAGES)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("mode", ["truncate", "truncate-chunked"])
def test_a_stream_without_its_final_message_is_cut_off(ollama, mode):
    ollama.behaviour.mode = mode
    model = KitChatOllama(model="llama3.2", base_url=ollama.url)
    with pytest.raises(ModelUnavailable, match="cut off"):
        model.invoke(MESSAGES)
    with pytest.raises(ModelUnavailable, match="cut off"):
        list(model.stream(MESSAGES))


def test_a_prompt_longer_than_the_context_warns_with_the_fix(ollama):
    ollama.behaviour.released.set()
    backend = get_backend("ollama:tiny-ctx")
    assert backend.context_length == 256
    with pytest.warns(ContextTooLong, match="shorter date range or fewer entries.*num_ctx"):
        answer = backend.model.invoke([HumanMessage("I wrote a long entry today. " * 40)])
    assert answer.content == "".join(ANSWER)  # a warning, not a refusal


def test_a_prompt_that_fits_does_not_warn(ollama):
    ollama.behaviour.released.set()
    get_backend("ollama:llama3.2").model.invoke(MESSAGES)  # filterwarnings=error fails on any warning


@pytest.mark.parametrize(
    ("model", "env", "expected"),
    [
        (Model(), None, 4096),  # Ollama's default, below the model's maximum
        (Model(parameters="num_ctx                        8192"), None, 8192),  # the Modelfile's num_ctx
        (Model(max_context=2048), None, 2048),  # never more than the model was trained for
        (Model(), "16384", 16384),  # OLLAMA_CONTEXT_LENGTH, as `ollama serve` reads it
    ],
)
def test_ollama_show_reads_the_digest_and_the_context(ollama, monkeypatch, model, env, expected):
    ollama.models["llama3.2:latest"] = model
    if env:
        monkeypatch.setenv("OLLAMA_CONTEXT_LENGTH", env)
    assert ollama_show(ollama.url, "llama3.2") == OllamaModelInfo("llama3.2", DIGEST, expected)
    assert ollama_show(ollama.url, "llama3.2:latest").digest == DIGEST


def test_ollama_show_names_the_fix(ollama):
    with pytest.raises(ModelUnavailable, match="ollama pull nope"):
        ollama_show(ollama.url, "nope")
    with pytest.raises(ModelUnavailable, match="ollama serve"):
        ollama_show(f"http://127.0.0.1:{free_port()}", "llama3.2")


def test_a_remote_host_is_refused_before_any_connection(monkeypatch):
    connections: list[Any] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: connections.append(address))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: connections.append(address) or 1)
    remote = "http://10.255.255.1:11434"  # not routable: a connection attempt would hang, not fail
    monkeypatch.setenv("KIT_OLLAMA_HOST", remote)
    started = time.monotonic()
    for spec in ("ollama:llama3.2", "auto"):
        with pytest.raises(RemoteHostRefused, match="KIT_ALLOW_REMOTE=1"):
            get_backend(spec)
    with pytest.raises(RemoteHostRefused):
        KitChatOllama(model="llama3.2")  # the host from the environment
    with pytest.raises(RemoteHostRefused):
        KitChatOllama(model="llama3.2", base_url=remote)
    with pytest.raises(RemoteHostRefused):
        ollama_show(remote, "llama3.2")
    assert connections == [] and time.monotonic() - started < 1


def test_auto_picks_ollama_and_records_digest_and_context(ollama, monkeypatch):
    monkeypatch.setenv("KIT_MODEL", "auto")
    backend = get_backend()
    assert (backend.name, backend.model_name) == ("ollama", "llama3.2")
    assert backend.digest == DIGEST and backend.context_length == 4096
    assert isinstance(backend.model, KitChatOllama) and backend.model.context_length == 4096
    assert "has llama3.2" in backend.reason


def test_auto_falls_back_to_embedded_when_the_model_is_missing(ollama, monkeypatch):
    monkeypatch.setenv("KIT_MODEL", "auto")
    monkeypatch.setenv("KIT_OLLAMA_MODEL", "qwen2.5")
    backend = get_backend()  # the embedded model loads lazily, so nothing is loaded here
    assert backend.name == "embedded" and backend.digest is None
    assert "ollama pull qwen2.5" in backend.reason and "summaries need Ollama" in backend.reason


def test_auto_does_not_take_another_tag_for_the_model(ollama, monkeypatch):
    # Ollama resolves "llama3.2" to llama3.2:latest only; a llama3.2:1b alone would fail at the first answer.
    ollama.models = {"llama3.2:1b": Model()}
    monkeypatch.setenv("KIT_MODEL", "auto")
    assert get_backend().name == "embedded"


def test_the_same_server_embeds(ollama):
    from kit.models.embedders import OllamaEmbedder

    embedder = OllamaEmbedder("llama3.2", base_url=ollama.url)
    vectors = embedder.embed_documents(["slept badly", "a long run"])
    assert vectors == FakeEmbeddings().embed_documents(["slept badly", "a long run"])
    assert embedder.embed_query("slept badly") == vectors[0]
    assert ollama.seen[-1]["path"] == "/api/embed" and embedder.kit_name == "ollama:llama3.2"


def test_an_embedding_model_not_pulled_names_the_pull_command(ollama):
    from kit.errors import EmbedderUnavailable
    from kit.models.embedders import OllamaEmbedder

    with pytest.raises(EmbedderUnavailable, match="ollama pull not-pulled"):
        OllamaEmbedder("not-pulled", base_url=ollama.url).embed_documents(["hello"])


def test_no_embedding_server_names_ollama_serve():
    from kit.errors import EmbedderUnavailable
    from kit.models.embedders import OllamaEmbedder

    with pytest.raises(EmbedderUnavailable, match="ollama serve"):
        OllamaEmbedder("llama3.2", base_url=f"http://127.0.0.1:{free_port()}").embed_documents(["hello"])


class TestKitChatOllamaConformance(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[KitChatOllama]:
        return KitChatOllama

    @property
    def chat_model_params(self) -> dict:
        return {"model": "llama3.2", "base_url": "http://127.0.0.1:11434"}


def test_a_glossary_follow_up_goes_through_the_real_client_with_only_the_item(ollama, monkeypatch):
    """kit.reflection.followup.follow_up against the loopback server: the real langchain-ollama path, one item as source."""
    import sys

    from kit.content.glossary import AI_LABEL
    from kit.content.glossary import explain as glossary_explain
    from kit.reflection.followup import follow_up

    answer = [
        "A thought record is a CBT worksheet [G1]. ",
        "You pick one moment that upset you and check the thought that hurt most against the facts [G1]. ",
        "How often to fill one in is a good question to bring to your therapist [G1].",
    ]
    monkeypatch.setattr(sys.modules[__name__], "ANSWER", answer)
    ollama.behaviour.released.set()  # nobody reads the stream piece by piece here
    result = follow_up("thought record", "How does a thought record help me?", model="ollama:llama3.2")
    assert result.ai_written and result.label == AI_LABEL, result.note
    assert "".join(answer) in result.text
    (chat,) = [r for r in ollama.seen if r.get("path") == "/api/chat"]
    sent = json.dumps(chat["messages"])
    assert glossary_explain("thought record").item.what[:60] in sent
    assert glossary_explain("DEAR MAN").item.what[:60] not in sent
    assert chat["options"]["seed"] == 1234

    monkeypatch.setattr(sys.modules[__name__], "ANSWER", ["A 2019 study found it beats sertraline [G1]."])
    refused = follow_up("thought record", "Is it proven?", model="ollama:llama3.2")
    assert not refused.ai_written and "sertraline" not in refused.text
