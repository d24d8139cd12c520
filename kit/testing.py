"""Fakes for tests — deterministic and fast, shipped so that users' own tests can use them too."""

from __future__ import annotations

import hashlib
import math
import re

from langchain_core.embeddings import Embeddings

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
