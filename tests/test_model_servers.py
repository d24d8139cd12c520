"""KIT_MODEL=openai:<model>@<base_url> and KIT_MODEL=gguf:<path>, offline: parsing, the address guard, the API key,
the request the server would get, offline token counts, the conformance suite, and the GGUF file checks.

The real counterparts (llama-cpp-python's own server on loopback, the SmolLM2 GGUF on llama.cpp) are in
integration/test_model_servers_real.py.
"""

from __future__ import annotations

import json
import shutil
import struct
import sys

import pytest
from langchain_core.messages import HumanMessage
from langchain_tests.unit_tests import ChatModelUnitTests

from kit.errors import ConfigError, ModelUnavailable, PersonalDetailsFound, RemoteHostRefused
from kit.models.files import package_file
from kit.models.gguf import GgufChatModel, chat_template, check_gguf
from kit.models.llama import GGUF_FILE
from kit.models.openai_compat import DUMMY_KEY, KitChatOpenAI, parse_spec
from kit.models.registry import get_backend, said

LOCAL = "http://127.0.0.1:8080/v1"


class TestKitChatOpenAIConformance(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[KitChatOpenAI]:
        return KitChatOpenAI

    @property
    def chat_model_params(self) -> dict:
        return {"model": "smollm2", "base_url": LOCAL}


@pytest.mark.parametrize(
    ("arg", "model", "url"),
    [
        ("smollm2@http://127.0.0.1:8080/v1", "smollm2", "http://127.0.0.1:8080/v1"),
        ("qwen2.5:7b@http://localhost:1234/v1/", "qwen2.5:7b", "http://localhost:1234/v1"),
        ("org/model@2024@https://[::1]:8000/v1", "org/model@2024", "https://[::1]:8000/v1"),
    ],
)
def test_the_spec_names_a_model_and_a_server(arg, model, url):
    assert parse_spec(arg) == (model, url)


@pytest.mark.parametrize(
    "spec", ["openai", "openai:smollm2", "openai:@http://127.0.0.1:8080/v1", "openai:x@ftp://h"]
)
def test_a_spec_without_model_or_address_names_the_form(spec):
    with pytest.raises(ConfigError, match=r"openai:<model>@<base_url>"):
        get_backend(spec)


def test_the_backend_is_built_without_asking_the_server():
    # Sockets are off in unit tests: any request here would raise.
    backend = get_backend(f"openai:smollm2@{LOCAL}")
    assert backend.name == "openai" and backend.model_name == "smollm2"
    assert backend.model.base_url == LOCAL and backend.model.served() == {}
    assert backend.model.params() == {"temperature": 0.0, "seed": 1234, "max_tokens": 512}
    assert said(backend) == "Answering with smollm2 through the model server on this computer."


@pytest.mark.parametrize(
    "url", ["http://192.168.1.20:8080/v1", "https://api.openai.com/v1", "http://0.0.0.0:8080/v1"]
)
def test_a_remote_server_is_refused_before_any_connection(url):
    with pytest.raises(RemoteHostRefused, match="KIT_ALLOW_REMOTE=1") as raised:
        get_backend(f"openai:smollm2@{url}")
    assert "127.0.0.1:8080/v1" in str(raised.value)
    with pytest.raises(RemoteHostRefused):
        KitChatOpenAI(model="smollm2", base_url=url)


def test_a_remote_server_allowed_by_name_gets_no_personal_details_without_asking(monkeypatch, make_notebook):
    from kit.index.store import Index
    from kit.reflection.reflect import ask

    monkeypatch.setenv("KIT_ALLOW_REMOTE", "1")
    backend = get_backend("openai:llama3@http://192.0.2.7:8000/v1")
    assert "which is not this computer" in said(backend)
    make_notebook("2026-03.ipynb", ["Had coffee with Margaret Okafor in Leeds, talked about the new job."])
    index = Index()
    index.update(progress=False)
    # The guard stops before the request (sockets are off: a request would raise another error).
    with pytest.raises(PersonalDetailsFound, match="--pii redact"):
        ask("what did I talk about with Margaret about the job?", model=backend, index=index)


def test_no_address_means_no_client_rather_than_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.openai.com/v1")
    with pytest.raises(ConfigError, match="server's address"):
        KitChatOpenAI(model="gpt-4o")


def test_the_api_key_is_a_dummy_unless_one_is_set(monkeypatch):
    assert KitChatOpenAI(model="m", base_url=LOCAL).openai_api_key.get_secret_value() == DUMMY_KEY
    monkeypatch.setenv("OPENAI_API_KEY", "from-openai-var")
    assert KitChatOpenAI(model="m", base_url=LOCAL).openai_api_key.get_secret_value() == "from-openai-var"
    monkeypatch.setenv("KIT_OPENAI_API_KEY", "from-kit-var")
    assert KitChatOpenAI(model="m", base_url=LOCAL).openai_api_key.get_secret_value() == "from-kit-var"


def test_loopback_ignores_proxies_from_the_environment(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:3128")
    chat = KitChatOpenAI(model="m", base_url=LOCAL)
    assert chat.http_client is not None and chat.http_client.trust_env is False
    assert chat.http_async_client is not None and chat.http_async_client.trust_env is False
    assert str(chat.root_client.base_url).rstrip("/") == LOCAL


def test_the_request_carries_the_seed_temperature_and_max_tokens():
    chat = KitChatOpenAI(model="smollm2", base_url=LOCAL, max_tokens=64)
    payload = chat._get_request_payload([HumanMessage("hello")])
    assert payload["model"] == "smollm2" and payload["seed"] == 1234 and payload["temperature"] == 0.0
    # llama-cpp-python's server knows only max_tokens, not OpenAI's newer max_completion_tokens.
    assert payload["max_tokens"] == 64 and "max_completion_tokens" not in payload
    assert chat.params() == {"temperature": 0.0, "seed": 1234, "max_tokens": 64}


def test_token_counts_never_fetch_tiktoken_tables(monkeypatch):
    import tiktoken

    def fetch(*args, **kwargs):
        raise AssertionError("tiktoken would download its tables")

    monkeypatch.setattr(tiktoken, "get_encoding", fetch)
    monkeypatch.setattr(tiktoken, "encoding_for_model", fetch)
    chat = KitChatOpenAI(model="smollm2", base_url=LOCAL)
    assert chat.get_num_tokens("x" * 35) == 10
    assert chat.get_num_tokens_from_messages([HumanMessage("x" * 35)]) == 14
    with pytest.raises(NotImplementedError, match="offline"):
        chat.get_token_ids("hello")


def test_a_server_that_is_not_running_names_the_fix(monkeypatch):
    import openai

    chat = KitChatOpenAI(model="smollm2", base_url=LOCAL)
    monkeypatch.setattr(chat, "_note_model", lambda: None)
    request = openai._exceptions.httpx2.Request("POST", f"{LOCAL}/chat/completions")  # noqa: SLF001

    def refuse(*args, **kwargs):
        raise openai.APIConnectionError(request=request)

    monkeypatch.setattr(chat.root_client.chat.completions, "create", refuse)
    monkeypatch.setattr(chat, "client", chat.root_client.chat.completions)
    with pytest.raises(ModelUnavailable, match=r"Nothing is answering at http://127.0.0.1:8080/v1 — start"):
        chat.invoke("hello")


def test_importing_the_kit_does_not_load_langchain_openai():
    import subprocess

    code = "import kit, kit.models.registry, sys; print('langchain_openai' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- gguf:


@pytest.fixture
def smollm2_gguf():
    return package_file(*GGUF_FILE)


def test_a_gguf_backend_names_the_file_and_runs_on_this_machine(smollm2_gguf):
    backend = get_backend(f"gguf:{smollm2_gguf}")
    assert backend.name == "gguf" and isinstance(backend.model, GgufChatModel)
    assert backend.model_name == "SmolLM2-135M-Instruct.Q4_1"
    assert said(backend) == "Answering with SmolLM2-135M-Instruct.Q4_1 on this computer."
    assert backend.model.params()["temperature"] == 0.0 and backend.model.params()["seed"] == 1234
    assert backend.model.served() == {"path": str(smollm2_gguf), "sha256": GGUF_FILE[2]}


def test_the_chat_template_is_read_from_the_file_header(smollm2_gguf):
    template = chat_template(smollm2_gguf)
    assert template is not None and "<|im_start|>" in template and "{% for message in messages %}" in template


def test_a_missing_gguf_names_the_fix(tmp_path):
    with pytest.raises(ConfigError, match=r"is not there — give the path of a \.gguf file"):
        get_backend(f"gguf:{tmp_path / 'nope.gguf'}")
    with pytest.raises(ConfigError, match="is a folder"):
        get_backend(f"gguf:{tmp_path}")
    with pytest.raises(ConfigError, match="gguf:/path/to/model.gguf"):
        get_backend("gguf:")


def test_a_file_that_is_not_a_gguf_names_the_fix(tmp_path):
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"PK\x03\x04 a safetensors zip, say")
    with pytest.raises(ConfigError, match="model.gguf is not a GGUF file — llama.cpp needs a .gguf model"):
        get_backend(f"gguf:{fake}")


def test_a_gguf_cut_short_or_without_a_template(tmp_path, smollm2_gguf):
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(smollm2_gguf.read_bytes()[:64])
    with pytest.raises(ConfigError, match="may be incomplete"):
        chat_template(cut)
    base = tmp_path / "base.gguf"  # a valid header with one key and no template: a base model
    key = b"general.architecture"
    base.write_bytes(
        b"GGUF"
        + struct.pack("<IQQ", 3, 0, 1)
        + struct.pack("<Q", len(key))
        + key
        + struct.pack("<IQ", 8, 5)
        + b"llama"
    )
    assert check_gguf(base) == base and chat_template(base) is None


def test_doctor_reports_the_gguf_file(monkeypatch, smollm2_gguf, tmp_path):
    from kit.doctor import doctor

    monkeypatch.setenv("KIT_MODEL", f"gguf:{smollm2_gguf}")
    check = next(c for c in doctor().checks if c.name == "GGUF file")
    assert check.ok and "its own chat template" in check.detail and str(smollm2_gguf) in check.detail
    copy = tmp_path / "renamed.bin"
    shutil.copyfile(__file__, copy)
    monkeypatch.setenv("KIT_MODEL", f"gguf:{copy}")
    report = doctor()
    check = next(c for c in report.checks if c.name == "chat model")
    assert not check.ok and "not a GGUF file" in check.detail


def test_doctor_says_when_no_model_server_answers(monkeypatch):
    from kit.doctor import doctor

    monkeypatch.setenv("KIT_MODEL", "openai:smollm2@http://127.0.0.1:9/v1")
    check = next(c for c in doctor().checks if c.name == "model server")
    assert not check.ok and "nothing answers at http://127.0.0.1:9/v1/models" in check.detail
    assert "python -m llama_cpp.server" in check.fix


# ---------------------------------------------------------------- replay rebuilds the recorded model


def test_replay_refuses_a_gguf_file_that_changed_or_went(tmp_path):
    from kit.reflection.replay import _Cannot, _gguf

    header = b"GGUF" + struct.pack("<IQQ", 3, 0, 0)
    file = tmp_path / "model.gguf"
    file.write_bytes(header)
    prov = {"model": "model", "model_digest": "0" * 64, "server": {"path": str(file)}, "params": {}}
    with pytest.raises(_Cannot, match="model changed: model.gguf is not the file it was written with"):
        _gguf(prov)
    file.unlink()
    with pytest.raises(_Cannot, match="model missing: .* is not there"):
        _gguf(prov)


def test_replay_of_a_server_answer_needs_its_address_and_the_server():
    from kit.reflection.replay import _Cannot, _openai

    with pytest.raises(_Cannot, match="address was not recorded"):
        _openai({"model": "smollm2", "server": {}})
    with pytest.raises(_Cannot, match="model missing: nothing answers at http://127.0.0.1:8080/v1"):
        _openai({"model": "smollm2", "server": {"base_url": LOCAL}})  # sockets are off: nothing answers


def test_a_gguf_files_sha256_is_kept_until_the_file_changes(tmp_path, kit_home):
    import os

    from kit.models.gguf import DIGESTS, file_sha256

    file = tmp_path / "m.gguf"
    file.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 0))
    first = file_sha256(file)
    assert (kit_home / DIGESTS).stat().st_mode & 0o777 == 0o600
    kept = json.loads((kit_home / DIGESTS).read_text())
    assert kept[str(file)]["sha256"] == first
    kept[str(file)]["sha256"] = "kept"  # the same size and time: what was kept is used, not read again
    (kit_home / DIGESTS).write_text(json.dumps(kept))
    assert file_sha256(file) == "kept"
    file.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 1))  # changed: hashed again
    os.utime(file, ns=(1, 1))
    assert file_sha256(file) not in ("kept", first)
