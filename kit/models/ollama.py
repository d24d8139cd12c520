"""Ollama as a chat backend: a langchain ``ChatOllama`` that reports its context and failures with their fix.

Every request goes to a host the egress guard allowed (loopback unless the person named a remote one), with no
proxy for loopback. The model's digest and context length are read from the server so an answer records
exactly which model wrote it.
"""

from __future__ import annotations

import json
import math
import os
import urllib.error
import urllib.request
import warnings
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import LangSmithParams
from langchain_core.language_models.chat_models import (
    agenerate_from_stream,
    generate_from_stream,
)
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_ollama import ChatOllama  # noqa: TID253 (KitChatOllama is one)
from pydantic import model_validator

from kit.config import DEFAULT_OLLAMA_TIMEOUT, settings
from kit.egress import check_host, client_kwargs, is_loopback
from kit.errors import ModelUnavailable

# ---------------------------------------------------------------- Ollama

# /api/show and /api/tags answer from disk: slower than this, the server is not usable now.
PROBE_TIMEOUT = 2.0
# The context Ollama gives a model when neither its Modelfile (PARAMETER num_ctx) nor the request sets
# num_ctx. The API does not report it: older Ollama used 2048, later 4096, and newer versions pick it from
# GPU memory (4096 below 24 GiB, more above) unless `ollama serve` runs with OLLAMA_CONTEXT_LENGTH. 4096 is
# what most laptops get and never more than current versions give by default, so the context warning errs
# towards speaking up.
OLLAMA_DEFAULT_CONTEXT = 4096
# Llama-family tokenizers average ~4 characters a token in English; err towards more tokens.
CHARS_PER_TOKEN = 3.5
ANSWER_TOKENS = 512  # room left for the answer when num_predict is not set
# ChatOllama fields sent in the request's "options" that change what the model writes (recorded in
# provenance), then the ones that only choose hardware.
_OPTIONS = (
    "temperature",
    "seed",
    "num_ctx",
    "num_predict",
    "top_k",
    "top_p",
    "repeat_penalty",
    "repeat_last_n",
    "mirostat",
    "mirostat_eta",
    "mirostat_tau",
    "tfs_z",
)
_HARDWARE = ("num_gpu", "num_thread")


class ContextTooLong(UserWarning):
    """The prompt and room for the answer exceed the context Ollama will use: Ollama would drop part of it."""


@dataclass(frozen=True)
class OllamaModelInfo:
    """What an Ollama server says about one model: its digest and the context it will run it with."""

    name: str
    digest: str | None  # from /api/tags; None when the model is not listed there
    # Tokens: the Modelfile's num_ctx, else Ollama's default, capped by the model's own maximum.
    context_length: int


def _same_model(listed: str, name: str) -> bool:
    # Ollama resolves a name without a tag to <name>:latest, never to another tag of the same model.
    return listed == name or (":" not in name and listed == f"{name}:latest")


def _has_model(available: list[str], name: str) -> bool:
    return any(_same_model(a, name) for a in available)


def _num_ctx(parameters: str | None) -> int | None:
    # /api/show gives the Modelfile's parameters as text, one "name value" a line.
    for line in (parameters or "").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "num_ctx" and parts[1].isdigit():
            return int(parts[1])
    return None


def _context_length(parameters: str | None, model_info: Any) -> int:
    info = model_info if isinstance(model_info, dict) else dict(model_info or {})
    arch = info.get("general.architecture")
    trained = info.get(f"{arch}.context_length")
    served = os.environ.get("OLLAMA_CONTEXT_LENGTH", "").strip()  # what `ollama serve` reads, if set here too
    default = int(served) if served.isdigit() and int(served) > 0 else OLLAMA_DEFAULT_CONTEXT
    wanted = _num_ctx(parameters) or default
    # Ollama runs a model with no more context than it was trained for.
    return min(wanted, trained) if isinstance(trained, int) and trained > 0 else wanted


def _cut_off(host: str) -> str:
    return (
        f"The answer from Ollama at {host} was cut off before Ollama said it was done — try again; if it "
        "keeps happening, look at the output of `ollama serve`, or use KIT_MODEL=embedded"
    )


def _failure(exc: BaseException, host: str, model: str, timeout: float) -> ModelUnavailable | None:
    """The ModelUnavailable, naming the fix, for an error from the ollama client; None when it is not one."""
    from ollama import ResponseError

    if isinstance(exc, httpx.TimeoutException):
        return ModelUnavailable(
            f"Ollama did not answer within {timeout:g} s at {host} — loading {model} can take a while on a "
            "CPU: try again, use a shorter date range or a smaller model, or wait longer with KIT_OLLAMA_TIMEOUT=300"
        )
    if isinstance(exc, ConnectionError | httpx.ConnectError):
        return ModelUnavailable(
            f"Ollama is not answering at {host} — start it with `ollama serve`, or use KIT_MODEL=embedded"
        )
    if isinstance(exc, ResponseError):
        if exc.status_code == 404 or "not found" in str(exc.error).lower():
            return ModelUnavailable(
                f"Ollama has no model {model} — run `ollama pull {model}`, or use KIT_MODEL=embedded"
            )
        return ModelUnavailable(
            f"Ollama could not answer with {model}: {exc.error} — look at the output of `ollama serve`, "
            "or use KIT_MODEL=embedded"
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | json.JSONDecodeError):
        return ModelUnavailable(_cut_off(host))
    return None


@contextmanager
def _ollama_errors(host: str, model: str, timeout: float) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        failure = _failure(exc, host, model, timeout)
        if failure is None:
            raise
        raise failure from exc


def _is_done(chunk: ChatGenerationChunk) -> bool:
    # ChatOllama keeps Ollama's final message ("done": true) as the generation info of the last chunk.
    return bool((chunk.generation_info or {}).get("done"))


def _timeout_from_env() -> float:
    return settings().ollama_timeout


class KitChatOllama(ChatOllama):
    """langchain-ollama's ChatOllama, seeded, with a timeout, a context warning and errors that name the fix.

    The host defaults to KIT_OLLAMA_HOST / OLLAMA_HOST (else http://127.0.0.1:11434); a non-loopback host
    is refused at construction, before any connection, unless KIT_ALLOW_REMOTE=1.
    """

    # A fixed seed and a low temperature: Ollama then writes the same answer to the same prompt on the same
    # machine, and a grounded summary has little room to invent.
    seed: int | None = 1234
    temperature: float | None = 0.2
    timeout: float = DEFAULT_OLLAMA_TIMEOUT
    """Seconds to wait for Ollama to connect or send the next part of an answer."""
    context_length: int | None = None
    """Tokens of context Ollama uses for this model when num_ctx is not set (ollama_show); None: unknown."""

    @model_validator(mode="before")
    @classmethod
    def _kit_client(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        current = settings()
        base_url = data.get("base_url") or current.ollama_host
        check_host(base_url, current.allow_remote)
        options = {**client_kwargs(base_url), **(data.get("client_kwargs") or {})}
        timeout = data.get("timeout", options.get("timeout", _timeout_from_env()))
        options["timeout"] = timeout  # ChatOllama hands client_kwargs to both httpx clients
        return {**data, "base_url": base_url, "timeout": timeout, "client_kwargs": options}

    @property
    def model_name(self) -> str:
        return self.model

    def params(self) -> dict[str, Any]:
        """The generation options that are set, recorded in provenance."""
        return {k: getattr(self, k) for k in _OPTIONS if getattr(self, k) is not None}

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> LangSmithParams:
        # Name the model a call actually used (bind(model=...) or invoke(..., model=...)) in traces.
        params = super()._get_ls_params(stop=stop, **kwargs)
        if kwargs.get("model"):
            params["ls_model_name"] = kwargs["model"]
        return params

    def _host(self) -> str:
        return self.base_url or ""

    def _prepare(self, messages: list[BaseMessage], stop: list[str] | None, kwargs: dict[str, Any]) -> dict:
        """Move per-call options (seed=, max_tokens=, …) into Ollama's "options"; warn when too long."""
        kwargs = dict(kwargs)
        if "max_tokens" in kwargs:
            kwargs["num_predict"] = kwargs.pop("max_tokens")
        overrides = {k: kwargs.pop(k) for k in (*_OPTIONS, *_HARDWARE) if k in kwargs}
        if overrides:
            # ChatOllama sends the "options" it is given instead of its own fields, so start from those.
            options = kwargs.get("options")
            if options is None:
                fields = (*_OPTIONS, *_HARDWARE)
                options = {k: getattr(self, k) for k in fields if getattr(self, k) is not None}
                if stop is not None or self.stop is not None:
                    options["stop"] = stop if stop is not None else self.stop
            kwargs["options"] = {**options, **overrides}
        self._check_context(messages, kwargs.get("options") or {})
        return kwargs

    def _check_context(self, messages: list[BaseMessage], options: dict[str, Any]) -> None:
        window = options.get("num_ctx") or self.num_ctx or self.context_length
        if not window:
            return
        # A few tokens a message for the chat template's role markers.
        prompt = math.ceil(sum(len(str(m.content)) for m in messages) / CHARS_PER_TOKEN) + 4 * len(messages)
        predict = options.get("num_predict", self.num_predict)
        answer = predict if predict and predict > 0 else ANSWER_TOKENS
        if prompt + answer > window:
            warnings.warn(
                f"the prompt for {self.model} is about {prompt} tokens and the answer needs about {answer} "
                f"more, but Ollama will use a {window}-token context and would silently drop part of the "
                "prompt — use a shorter date range or fewer entries, or a model with a longer context "
                "(or set num_ctx)",
                ContextTooLong,
                stacklevel=2,
            )

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        kwargs = self._prepare(messages, stop, kwargs)
        done = False
        with _ollama_errors(self._host(), self.model, self.timeout):
            for chunk in super()._stream(messages, stop, run_manager, **kwargs):
                done = done or _is_done(chunk)
                yield chunk
        if not done:
            raise ModelUnavailable(_cut_off(self._host()))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        # One path for both: ChatOllama also generates by streaming, so the checks above cover invoke() too.
        return generate_from_stream(self._stream(messages, stop, run_manager, **kwargs))

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        kwargs = self._prepare(messages, stop, kwargs)
        done = False
        with _ollama_errors(self._host(), self.model, self.timeout):
            async for chunk in super()._astream(messages, stop, run_manager, **kwargs):
                done = done or _is_done(chunk)
                yield chunk
        if not done:
            raise ModelUnavailable(_cut_off(self._host()))

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return await agenerate_from_stream(self._astream(messages, stop, run_manager, **kwargs))


def ollama_models(host: str, timeout: float = 0.5) -> list[str] | None:
    """Names of the models an Ollama server has, or None when it does not answer."""
    # As in client_kwargs: no proxy for a loopback host.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({})) if is_loopback(host) else None
    try:
        open_url = opener.open if opener else urllib.request.urlopen
        with open_url(f"{host}/api/tags", timeout=timeout) as response:  # noqa: S310 (loopback-checked)
            data = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError, urllib.error.URLError):
        return None
    except Exception:  # pytest-socket and other guards raise their own types: not answering
        return None
    return [m.get("name", "") for m in data.get("models", []) if isinstance(m, dict)]


def ollama_show(host: str, name: str, timeout: float = PROBE_TIMEOUT) -> OllamaModelInfo:
    """The digest of ``name`` (/api/tags) and the context Ollama will run it with (/api/show).

    Raises ModelUnavailable naming the fix when the server is down, slow, or lacks the model;
    RemoteHostRefused before any connection when the host is not loopback and KIT_ALLOW_REMOTE is not set.
    """
    check_host(host, settings().allow_remote)
    from ollama import Client

    client = Client(host=host, timeout=timeout, **client_kwargs(host))
    try:
        with _ollama_errors(host, name, timeout):
            shown = client.show(name)
            listed = client.list()
    except ValueError as exc:  # JSON or fields the client does not know: an Ollama too old for this client
        raise ModelUnavailable(
            f"Ollama at {host} described {name} in a form the kit cannot read — update Ollama "
            "(ollama.com/download)"
        ) from exc
    finally:
        client.close()
    digest = next((m.digest for m in listed.models if _same_model(m.model or "", name)), None)
    return OllamaModelInfo(name, digest, _context_length(shown.parameters, shown.modelinfo))


def ollama_chat(name: str, host: str | None = None, context_length: int | None = None) -> KitChatOllama:
    """A KitChatOllama for ``name``, refused before any connection when the host is remote."""
    current = settings()
    base_url = host or current.ollama_host
    check_host(base_url, current.allow_remote)
    return KitChatOllama(model=name, base_url=base_url, context_length=context_length)
