"""Embedders (langchain-core ``Embeddings``) by name: embedded (the default, offline, English-first),
multilingual (offline, kit.models.multilingual), ollama:<name>, or one a plugin registered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.embeddings import Embeddings

from kit.config import settings
from kit.egress import check_host, client_kwargs, telemetry_off
from kit.errors import ConfigError, EmbedderUnavailable
from kit.models import multilingual
from kit.models.minilm import KIT_NAME, MODEL_FILE, TOKENIZER_FILE, MiniLM, shared, word_pieces
from kit.models.plugins import Registry

__all__ = [  # MODEL_FILE, TOKENIZER_FILE and word_pieces live in kit.models.minilm; kept here for their callers
    "MODEL_FILE",
    "TOKENIZER_FILE",
    "EmbeddedEmbeddings",
    "OllamaEmbedder",
    "embedder_name",
    "get_embedder",
    "register_embedder",
    "word_pieces",
]


class EmbeddedEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: 384-d, normalised, fully offline (kit.models.minilm), as a
    langchain-core ``Embeddings``. ``core``: the model to use (``get_embedder()`` passes the process's one);
    without it, one is made with ``options``, MiniLM's own (``batch_size``, ``max_tokens``, ``threads``,
    ``spin``, ``arena``). Reads of its settings go to the core."""

    kit_name = KIT_NAME
    dimension = MiniLM.dimension
    english_only = MiniLM.english_only

    def __init__(self, core: MiniLM | None = None, **options: Any) -> None:
        self.core = core or MiniLM(**options)

    def __getattr__(self, name: str) -> Any:
        if name == "core":  # not set yet: never look it up on itself
            raise AttributeError(name)
        return getattr(self.core, name)

    def session_options(self) -> Any:
        return self.core.session_options()

    def token_states(self, ids: Any, mask: Any) -> Any:
        return self.core.token_states(ids, mask)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.core.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.core.embed_query(text)


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
# A factory gets what follows "name:" in the spec ("" when nothing does).
EmbedderFactory = Callable[[str], Embeddings]
EMBEDDERS: Registry[Embeddings] = Registry("KIT_EMBED", "an embedder")


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Make ``get_embedder(name)`` (and ``get_embedder("name:<arg>")``) call ``factory(arg)``."""
    EMBEDDERS.register(name, factory)


def _embedded(arg: str) -> Embeddings:
    global _embedded_singleton
    if _embedded_singleton is None:
        _embedded_singleton = EmbeddedEmbeddings(core=shared())
    return _embedded_singleton


def _multilingual(arg: str) -> Embeddings:
    return multilingual.shared()


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
