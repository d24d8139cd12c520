"""Chat backend selection and the fake chat model (the embedded model's real test is in integration/)."""

from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_tests.unit_tests import ChatModelUnitTests

from kit.errors import ConfigError, RemoteHostRefused
from kit.models.llama import EmbeddedChatModel, _message_dicts
from kit.models.registry import get_backend
from kit.testing import FakeChatModel


class TestFakeChatModelConformance(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[FakeChatModel]:
        return FakeChatModel

    @property
    def chat_model_params(self) -> dict:
        return {"replies": ["What felt most important?"]}

    @property
    def has_tool_calling(self) -> bool:
        return False

    @property
    def has_structured_output(self) -> bool:
        return False


def test_fake_replies_in_order_and_records_prompts():
    fake = FakeChatModel(replies=["one?", "two?"])
    assert fake.invoke("first").content == "one?"
    assert fake.invoke([HumanMessage("second")]).content == "two?"
    assert fake.invoke("third").content == "one?"
    assert [m[-1].content for m in fake.prompts] == ["first", "second", "third"]


def test_fake_instances_do_not_share_prompts():
    a, b = FakeChatModel(), FakeChatModel()
    a.invoke("only a")
    assert b.prompts == []


def test_kit_model_selects_the_named_backend(monkeypatch):
    assert get_backend().name == "fake"  # conftest sets KIT_MODEL=fake
    monkeypatch.setenv("KIT_MODEL", "embedded")
    backend = get_backend()
    assert backend.name == "embedded" and isinstance(backend.model, EmbeddedChatModel)


def test_auto_falls_back_to_embedded_and_says_why(monkeypatch):
    monkeypatch.setenv("KIT_MODEL", "auto")
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://127.0.0.1:9")  # nothing listens (and sockets are off)
    backend = get_backend()
    assert backend.name == "embedded"
    assert "not answering" in backend.reason and "summaries need Ollama" in backend.reason


def test_remote_ollama_refused_before_any_connection(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://192.168.1.20:11434")
    for spec in ("ollama:llama3.2", "auto"):
        with pytest.raises(RemoteHostRefused, match="KIT_ALLOW_REMOTE=1"):
            get_backend(spec)


def test_ollama_backend_uses_the_configured_loopback_host(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://127.0.0.1:11500")
    backend = get_backend("ollama:llama3.2")
    assert backend.name == "ollama" and backend.model_name == "llama3.2"
    assert backend.model.base_url == "http://127.0.0.1:11500"


def test_unknown_backend_names_the_choices():
    with pytest.raises(ConfigError) as raised:
        get_backend("gpt-9")
    assert "auto, embedded, fake, ollama:<model>, openai:<model>@<base_url> or gguf:<path>" in str(
        raised.value
    )


def test_a_system_message_is_always_sent():
    # Without one, the GGUF's own template introduces the model as SmolLM.
    sent = _message_dicts([HumanMessage("hello")])
    assert sent[0]["role"] == "system" and sent[1] == {"role": "user", "content": "hello"}
    mine = _message_dicts([SystemMessage("be brief"), HumanMessage("hi")])
    assert mine[0] == {"role": "system", "content": "be brief"} and len(mine) == 2


def test_ollama_timeout_comes_from_the_environment(monkeypatch):
    from kit.errors import ConfigError
    from kit.models.ollama import KitChatOllama

    monkeypatch.setenv("KIT_OLLAMA_TIMEOUT", "7")
    assert KitChatOllama(model="llama3.2").timeout == 7.0
    monkeypatch.setenv("KIT_OLLAMA_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="KIT_OLLAMA_TIMEOUT"):
        KitChatOllama(model="llama3.2")
