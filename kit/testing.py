"""Fakes for tests — deterministic and fast, shipped so that users' own tests can use them too.

``register()`` makes them ``KIT_MODEL=fake`` and ``KIT_EMBED=fake``. The kit calls it through its
``kit.plugins`` entry point the first time it meets the name, so a notebook kernel or a subprocess started
with those variables finds them; no module of the kit imports this one.
"""

from __future__ import annotations

import hashlib
import math
import re
from typing import Any, ClassVar

from langchain_core.embeddings import Embeddings
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from kit.models.registry import Backend, register_backend

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Function words carry no topic; leaving them out keeps texts on one topic close and others apart.
_STOP = frozenset(
    "a an and the of to in on at for with from by is was are were be been it its this that my me i we you "
    "he she they them his her our their as or but so not no all about after before again only still".split()
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class FakeEmbeddings(Embeddings):
    """Deterministic bag-of-words vectors: texts sharing words are close, so retrieval tests mean something.

    Counts calls and texts in ``calls`` / ``texts_embedded`` so tests can check what was (re-)embedded.
    """

    kit_name = "fake"

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.calls = 0
        self.texts_embedded = 0

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for word in _WORD.findall(text.lower()):
            if word in _STOP:
                continue
            digest = hashlib.blake2b(_stem(word).encode("utf-8"), digest_size=8).digest()
            slot = int.from_bytes(digest[:4], "little") % self.dimension
            vec[slot] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec))
        if norm == 0.0:
            vec[0], norm = 1.0, 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        self.texts_embedded += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class FakeChatModel(BaseChatModel):
    """Scripted replies in order (cycling), recording every prompt it was sent in ``prompts``."""

    kit_local: ClassVar[bool] = True  # runs in this process: nothing leaves the machine
    model_name: str = "fake"
    replies: list[str] = ["What stood out to you most about this?"]
    prompts: list[list[BaseMessage]] = []

    @property
    def _llm_type(self) -> str:
        return "kit-fake-chat"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.prompts.append(list(messages))
        reply = self.replies[(len(self.prompts) - 1) % len(self.replies)] if self.replies else ""
        meta = {"model_name": "fake", "backend": "fake"}
        return ChatResult(
            generations=[ChatGeneration(message=AIMessage(content=reply, response_metadata=meta))]
        )


def register() -> None:
    """Register the fakes by name: ``fake`` as a chat backend and as an embedder."""
    register_backend("fake", lambda arg: Backend(FakeChatModel(), "fake", "fake", "KIT_MODEL=fake"))
    from kit.models.embedders import register_embedder

    register_embedder("fake", lambda arg: FakeEmbeddings())
