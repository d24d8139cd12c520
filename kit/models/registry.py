"""Chat backends by name. ``get_backend(spec)`` turns ``auto``, ``embedded``, ``ollama:<model>``,
``openai:<model>@<base_url>`` or ``gguf:<path>`` (or KIT_MODEL) into a ``Backend``: the model, the name of who answers, and why it was chosen, which travels with every answer.

Other backends are registered by name with ``register_backend``. Packages add theirs through the ``kit.plugins``
entry point group: each entry is a function called once, before the first name the kit does not know is looked
up. That is how the test doubles in ``kit.testing`` become ``fake``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models.chat_models import BaseChatModel

from kit.config import settings
from kit.egress import check_host, is_loopback, telemetry_off
from kit.errors import ConfigError, KitError
from kit.models.gguf import GgufChatModel, check_gguf
from kit.models.llama import EmbeddedChatModel
from kit.models.ollama import (
    OllamaModelInfo,
    _has_model,
    ollama_chat,
    ollama_models,
    ollama_show,
)
from kit.models.plugins import Registry

log = logging.getLogger("kit")


@dataclass(frozen=True)
class Backend:
    """A chat model with the name of the backend that answers and why it was chosen."""

    model: BaseChatModel
    name: str  # "ollama" | "openai" | "gguf" | "embedded" | "fake" | "custom"
    model_name: str
    reason: str
    digest: str | None = None  # Ollama's digest of the model, when the server told us
    context_length: int | None = None  # tokens of context the server will use, when known


def said(backend: Backend) -> str:
    """Which model answers, as a person would want to hear it: no file names, no addresses on this computer
    (``backend.reason`` keeps the details for ``--json`` and the logs)."""
    if backend.name == "embedded":
        return (
            "Answering with the small model on this computer. It asks questions; written summaries need "
            "Ollama (see `reflect doctor`)."
        )
    if backend.name == "ollama":
        host = settings().ollama_host
        where = "on this computer" if is_loopback(host) else f"at {host}, which is not this computer"
        return f"Answering with {backend.model_name} through Ollama {where}."
    if backend.name == "openai":
        host = str(getattr(backend.model, "base_url", ""))
        if is_loopback(host):
            return f"Answering with {backend.model_name} through the model server on this computer."
        return f"Answering with {backend.model_name} through the model server at {host}, which is not this computer."
    if backend.name == "gguf":
        return f"Answering with {backend.model_name} on this computer."
    return f"Answering with {backend.model_name}."


# A factory gets what follows "name:" in the spec ("" when nothing does).
BackendFactory = Callable[[str], Backend]
BACKENDS: Registry[Backend] = Registry("KIT_MODEL", "a chat backend")


def register_backend(name: str, factory: BackendFactory) -> None:
    """Make ``get_backend(name)`` (and ``get_backend("name:<arg>")``) call ``factory(arg)``."""
    BACKENDS.register(name, factory)


def backend_names() -> list[str]:
    """The names ``get_backend`` knows now, built-in first."""
    return BACKENDS.names()


def _ollama_backend(name: str, host: str, reason: str, info: OllamaModelInfo | None) -> Backend:
    context = info.context_length if info else None
    return Backend(
        ollama_chat(name, host, context), "ollama", name, reason, info.digest if info else None, context
    )


def _embedded(arg: str) -> Backend:
    model = EmbeddedChatModel()
    return Backend(model, "embedded", model.model_name, "KIT_MODEL=embedded")


def _ollama(name: str) -> Backend:
    if not name:
        raise ConfigError("KIT_MODEL=ollama needs a model name — use ollama:<model>, e.g. ollama:llama3.2")
    current = settings()
    check_host(current.ollama_host, current.allow_remote)
    try:
        info: OllamaModelInfo | None = ollama_show(current.ollama_host, name)
    except Exception as exc:  # asked for by name: the first answer reports the problem with its fix
        log.info("could not read the digest and context of %s from Ollama: %s", name, exc)
        info = None
    return _ollama_backend(name, current.ollama_host, f"KIT_MODEL=ollama:{name}", info)


def _openai(arg: str) -> Backend:
    """An OpenAI-compatible server (llama.cpp's, LM Studio, vLLM, Jan…); nothing is asked of it until the first
    answer, which comes after the crisis check."""
    from kit.models.openai_compat import SPEC_FORM, openai_chat, parse_spec

    if not arg:
        raise ConfigError(f"KIT_MODEL=openai needs a model and the server's address — use {SPEC_FORM}")
    model, base_url = parse_spec(arg)
    return Backend(openai_chat(model, base_url), "openai", model, f"KIT_MODEL=openai:{model}@{base_url}")


def _gguf(arg: str) -> Backend:
    """A local GGUF file on llama.cpp in this process, with the file's own chat template."""
    model = GgufChatModel(model_path=str(check_gguf(arg)))
    return Backend(model, "gguf", model.model_name, f"KIT_MODEL=gguf:{model.model_path}")


def _auto(arg: str) -> Backend:
    """Ollama when it answers on loopback and has the configured model, else the embedded model."""
    current = settings()
    host, name = current.ollama_host, current.ollama_model
    check_host(host, current.allow_remote)
    available = ollama_models(host)
    if available is None:
        why = f"Ollama is not answering at {host}"
    elif not _has_model(available, name):
        why = f"Ollama has no model {name} (run `ollama pull {name}`)"
    else:
        try:
            info = ollama_show(host, name)
        except Exception as exc:  # pytest-socket and other guards raise their own types
            why = str(exc) if isinstance(exc, KitError) else f"Ollama at {host} could not describe {name}"
        else:
            return _ollama_backend(name, host, f"Ollama at {host} has {name}", info)
    model = EmbeddedChatModel()
    return Backend(
        model,
        "embedded",
        model.model_name,
        f"{why}; using the small embedded model, which writes reflective questions only — "
        "written summaries need Ollama",
    )


register_backend("auto", _auto)
register_backend("embedded", _embedded)
register_backend("ollama", _ollama)
register_backend("openai", _openai)
register_backend("gguf", _gguf)


def get_backend(spec: str | None = None) -> Backend:
    """The chat backend named by ``spec`` or KIT_MODEL: ``auto`` | ``embedded`` | ``ollama:<name>`` |
    ``openai:<model>@<base_url>`` | ``gguf:<path>`` | a registered name."""
    telemetry_off()
    return BACKENDS.build((spec or settings().model or "auto").strip())
