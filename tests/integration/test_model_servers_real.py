"""Model servers people already run, for real: llama-cpp-python's own OpenAI-compatible server
(`python -m llama_cpp.server`) on 127.0.0.1 serving the SmolLM2 GGUF, started once per session and stopped after;
and KIT_MODEL=gguf:<path> running that file in this process with its own chat template.

The server's access log is how the tests know which requests it got (a crisis must send none).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import assert_one_line_error, free_port, serving
from langchain_core.messages import HumanMessage

from kit.cli import main
from kit.errors import ModelUnavailable
from kit.journal.reflections import save_reflection
from kit.models.files import package_file
from kit.models.llama import GGUF_FILE
from kit.models.registry import get_backend
from kit.reflection.replay import DIFFERS, IDENTICAL, replay

pytestmark = [pytest.mark.integration, pytest.mark.enable_socket]

START_TIMEOUT = 120.0  # seconds; measured ~1.2 s on a busy 2-core machine
PROMPT = [
    HumanMessage("Ask one short open question about this journal entry: I slept badly before the exam.")
]
ENTRIES = [
    {
        "text": "Planted tomatoes and basil in the garden beds before the rain came.",
        "created": "2026-03-02T20:00",
    },
    {
        "text": "Weeded the garden beds all afternoon, the basil is flowering already.",
        "created": "2026-03-04T20:00",
    },
    {"text": "Choir rehearsal tonight, the altos finally nailed the harmony.", "created": "2026-03-05T20:00"},
    {
        "text": "Slugs ate half the lettuce in the garden beds, the tomatoes survived.",
        "created": "2026-03-07T20:00",
    },
]
_REQUEST = re.compile(r'"(GET|POST) (/v1/[^ ]+) HTTP')


@dataclass
class Server:
    url: str  # the OpenAI-compatible base URL, ending in /v1
    log: Path
    started_in: float

    def requests(self) -> list[str]:
        """Every request the server has logged so far, as "POST /v1/chat/completions"."""
        return [" ".join(m.groups()) for m in _REQUEST.finditer(self.log.read_text(errors="replace"))]

    def spec(self, model: str = "smollm2") -> str:
        return f"openai:{model}@{self.url}"


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory):
    """llama-cpp-python's server on 127.0.0.1:<free port> with the SmolLM2 GGUF; one for the session."""
    gguf = package_file(*GGUF_FILE)
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONUNBUFFERED"] = "1"  # the access log reaches the file as each request ends
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1"]
    # One thread: on a shared CI machine llama.cpp's threads wait on each other (~10x slower at load 4 per core).
    command += ["--port", str(port), "--n_ctx", "2048", "--n_threads", "1", "--n_threads_batch", "1"]
    started = time.perf_counter()

    def listening() -> bool:
        return "Uvicorn running on" in log.read_text(errors="replace")

    with serving(command, log, listening, "llama_cpp.server", timeout=START_TIMEOUT, env=env):
        yield Server(f"http://127.0.0.1:{port}/v1", log, time.perf_counter() - started)


@pytest.fixture
def garden_journal(make_notebook):
    from kit.index.store import Index

    make_notebook("2026-03.ipynb", ENTRIES)
    Index().update(progress=False)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- the chat model itself


def test_answers_repeatably_and_records_what_the_server_serves(llama_server):
    backend = get_backend(llama_server.spec())
    assert backend.name == "openai" and backend.model.served() == {}  # nothing asked yet
    first = backend.model.invoke(PROMPT, max_tokens=40)
    second = backend.model.invoke(PROMPT, max_tokens=40)
    third = backend.model.invoke(PROMPT, max_tokens=40)
    # Seed and temperature 0 give the same words for the same request on the same server state. The first
    # answer may differ: the server reuses the work of the previous request that began with the same words
    # (another test's), which changes the arithmetic enough to flip a near-tie of this small model.
    assert first.content.strip() and second.content == third.content
    streamed = "".join(c.content for c in backend.model.stream(PROMPT, max_tokens=40))
    assert streamed == third.content
    served = backend.model.served()
    assert served["base_url"] == llama_server.url
    assert served["model_id"] == str(package_file(*GGUF_FILE))  # llama_cpp.server lists the file it serves
    assert llama_server.requests().count("POST /v1/chat/completions") >= 3


def test_a_server_that_is_not_running_names_the_fix():
    backend = get_backend(f"openai:smollm2@http://127.0.0.1:{free_port()}/v1")
    with pytest.raises(ModelUnavailable, match="Nothing is answering at .* — start your server"):
        backend.model.invoke(PROMPT)


# ---------------------------------------------------------------- the kit's flows through the server


def test_ask_through_the_cli_is_labelled_and_carries_the_servers_provenance(
    capsys, monkeypatch, llama_server, garden_journal
):
    monkeypatch.setenv("KIT_MODEL", llama_server.spec())
    before = llama_server.requests().count("POST /v1/chat/completions")
    code, out, err = _run(capsys, "ask", "what happened in the garden beds?", "--json")
    assert code == 0, err
    data = json.loads(out)
    prov = data["provenance"]
    assert prov["backend"] == "openai" and prov["model"] == "smollm2"
    assert prov["server"]["base_url"] == llama_server.url
    assert prov["server"]["model_id"].endswith("SmolLM2-135M-Instruct.Q4_1.gguf")
    assert prov["seed"] == 1234 and prov["params"]["temperature"] == 0.0
    assert llama_server.requests().count("POST /v1/chat/completions") > before  # the model was asked
    # A 135M model's prose rarely passes the output checks: then the entries are shown, saying why.
    if data["ai_written"]:
        assert prov["written_by"] == "model" and "AI-written" in data["text"] and data["citations"]
    else:
        assert prov["withheld"] and data["note"]
    code, out, err = _run(capsys, "ask", "what happened in the garden beds?")
    assert code == 0 and "Answering with smollm2 through the model server on this computer." in err
    assert "AI-written" in out or "withheld" in out


def test_summarize_through_the_public_api_records_the_server(
    monkeypatch, llama_server, garden_journal, journal
):
    import kit

    monkeypatch.setenv("KIT_MODEL", llama_server.spec())
    result = kit.summarize(since="2026-03-01")
    prov = result.provenance
    assert prov.backend == "openai" and prov.server["base_url"] == llama_server.url
    assert prov.seed == 1234 and result.digest.entries == len(ENTRIES)
    assert prov.written_by in ("model", "digest") and prov.server["model_id"].endswith(".gguf")
    if result.ai_written:  # labelled as written by the model through the server
        assert "AI-written" in result.text and "smollm2 (openai)" in result.text
    else:  # a 135M model's summary rarely passes the checks: the digest, saying why
        assert prov.withheld and result.note
    # Replay rebuilds the model from provenance and asks the same server again.
    save_reflection(journal / "reflections.ipynb", result)
    before = llama_server.requests().count("POST /v1/chat/completions")
    (replayed,) = replay("reflections.ipynb").results
    assert replayed.status in (IDENTICAL, DIFFERS), replayed.reason
    assert llama_server.requests().count("POST /v1/chat/completions") > before
    if replayed.status == DIFFERS:
        assert "reuse the work of its previous request" in replayed.reason


def test_a_crisis_stops_before_any_request_to_the_server(capsys, monkeypatch, llama_server, garden_journal):
    monkeypatch.setenv("KIT_MODEL", llama_server.spec())
    before = llama_server.requests()
    code, out, _ = _run(capsys, "ask", "I don't want to be alive anymore, what did I write about the garden?")
    assert code == 0 and "988" in out and "116 123" in out
    assert llama_server.requests() == before


def test_a_remote_server_is_refused_and_nothing_is_sent(capsys, monkeypatch, llama_server, garden_journal):
    port = llama_server.url.split(":")[2].split("/")[0]
    monkeypatch.setenv(
        "KIT_MODEL", f"openai:smollm2@http://192.0.2.1:{port}/v1"
    )  # TEST-NET: not this machine
    before = llama_server.requests()
    code, _, err = _run(capsys, "ask", "what happened in the garden beds?")
    assert_one_line_error(code, err, "not on this machine", "KIT_ALLOW_REMOTE=1")
    assert llama_server.requests() == before


def test_doctor_finds_the_server_and_its_model(capsys, monkeypatch, llama_server):
    monkeypatch.setenv("KIT_MODEL", llama_server.spec())
    code, out, _ = _run(capsys, "doctor", "--json")
    checks = {c["name"]: c for c in json.loads(out)["checks"]}
    assert checks["model server"]["ok"], checks["model server"]
    assert "answers on this machine and serves" in checks["model server"]["detail"]
    assert "SmolLM2-135M-Instruct.Q4_1.gguf" in checks["model server"]["detail"]


# ---------------------------------------------------------------- gguf:<path>


def test_a_gguf_file_answers_with_its_own_chat_template(monkeypatch, garden_journal, journal):
    import kit
    import kit.models.llama

    gguf = package_file(*GGUF_FILE)
    monkeypatch.setenv("KIT_MODEL", f"gguf:{gguf}")
    backend = get_backend()
    assert backend.name == "gguf" and backend.model.params()["temperature"] == 0.0
    # Short answers on one thread keep the test quick on a busy shared machine.
    chat = backend.model.model_copy(update={"max_tokens": 40, "n_threads": 1})
    first = chat.invoke(PROMPT)
    assert first.content.strip() and first.content == chat.invoke(PROMPT).content  # reset, seeded, greedy
    llama = kit.models.llama._llama_cache[("GgufChatModel", str(gguf), chat.n_ctx, 1)]
    # The template the file carries, not a format llama-cpp-python guessed from it.
    assert llama.chat_format == "chat_template.default"
    assert "<|im_start|>" in llama.metadata["tokenizer.chat_template"]
    reflection = kit.summarize(since="2026-03-01", model=dataclasses.replace(backend, model=chat))
    assert reflection.provenance.backend == "gguf" and reflection.provenance.params["max_tokens"] == 40
    assert reflection.provenance.model_digest == GGUF_FILE[2]
    assert reflection.provenance.server == {"path": str(gguf), "sha256": GGUF_FILE[2]}
    # In this process llama.cpp starts afresh for each answer, so replay gets the same words.
    save_reflection(journal / "reflections.ipynb", reflection)
    (replayed,) = replay("reflections.ipynb").results
    assert replayed.status == IDENTICAL, (replayed.reason, replayed.diff)
