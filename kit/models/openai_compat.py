"""Model servers people already run, through their OpenAI-compatible API: llama.cpp's server, LM Studio, vLLM, Jan,
llama-cpp-python's ``python -m llama_cpp.server``. ``KIT_MODEL=openai:<model>@<base_url>``.

The chat model is langchain-openai's ``ChatOpenAI``, held to the one address the person gave: a base URL is
required (the library's default is OpenAI's own service), a non-loopback one is refused before any connection
unless KIT_ALLOW_REMOTE=1, and the client ignores proxies for loopback. Token counts are estimated here, because
the library's counter (tiktoken) downloads its tables from the internet. Local servers ignore the API key, so a
dummy one is sent unless KIT_OPENAI_API_KEY (or OPENAI_API_KEY) is set.

Nothing is asked of the server when the backend is built — the crisis check runs before any request. The model
id the server lists (``/v1/models``) and the fingerprint it reports with an answer are read with the first
answer and recorded in provenance.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
import urllib.request
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import openai
from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_openai import ChatOpenAI  # noqa: TID253 (KitChatOpenAI is one; this module is imported lazily)
from pydantic import Field, PrivateAttr, model_validator

from kit.config import raw, settings
from kit.egress import check_host, is_loopback
from kit.errors import ConfigError, ModelUnavailable

log = logging.getLogger("kit")

SPEC_FORM = "openai:<model>@<base_url>, e.g. openai:smollm2@http://127.0.0.1:8080/v1"
DEFAULT_TIMEOUT = 120.0  # seconds; a CPU server can take a while over a long prompt
# Sent when no key is set: the local servers ignore it, and the client refuses to start without one.
DUMMY_KEY = "sk-local-no-key"
ANSWER_TOKENS = 512
CHARS_PER_TOKEN = 3.5  # as kit.models.ollama: err towards more tokens
WHAT = "The OpenAI-compatible server"
LOCAL_EXAMPLE = "http://127.0.0.1:8080/v1"
# The generation options recorded in provenance (and compared by replay).
_OPTIONS = ("temperature", "seed", "max_tokens", "top_p", "frequency_penalty", "presence_penalty")
_SPEC = re.compile(r"^(?P<model>.*?)@(?P<url>https?://.+)$")


def parse_spec(arg: str) -> tuple[str, str]:
    """``<model>@<base_url>`` → (model, base_url without a trailing slash); ConfigError naming the form."""
    match = _SPEC.match(arg.strip())
    if match is None or not match["model"].strip():
        raise ConfigError(f"KIT_MODEL=openai:{arg} is not understood — use {SPEC_FORM}")
    return match["model"].strip(), match["url"].strip().rstrip("/")


def api_key() -> str:
    """KIT_OPENAI_API_KEY, else OPENAI_API_KEY, else a dummy (local servers ignore the key)."""
    return raw("KIT_OPENAI_API_KEY") or raw("OPENAI_API_KEY") or DUMMY_KEY


def start_hint(base_url: str) -> str:
    return (
        f"start your server (llama.cpp's `llama-server`, `python -m llama_cpp.server --model <file.gguf>`, "
        f"LM Studio, vLLM…) so that it answers at {base_url}, or use KIT_MODEL=embedded"
    )


def _failure(exc: BaseException, base_url: str, model: str, timeout: Any) -> ModelUnavailable | None:
    """The ModelUnavailable, naming the fix, for an error from the openai client; None when it is not one."""
    if isinstance(exc, openai.APITimeoutError):
        return ModelUnavailable(
            f"{WHAT} at {base_url} did not answer within {timeout} s — try again with fewer entries, "
            "or use a smaller model on the server"
        )
    if isinstance(exc, openai.APIConnectionError):
        return ModelUnavailable(f"Nothing is answering at {base_url} — {start_hint(base_url)}")
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return ModelUnavailable(
            f"{WHAT} at {base_url} refused the API key — set KIT_OPENAI_API_KEY to the key it expects"
        )
    if isinstance(exc, openai.NotFoundError):
        return ModelUnavailable(
            f"{WHAT} at {base_url} has no model {model} (or that is not its API address, which usually ends "
            f"in /v1) — check the names it lists at {base_url}/models and use {SPEC_FORM}"
        )
    if isinstance(exc, openai.APIStatusError):
        return ModelUnavailable(
            f"{WHAT} at {base_url} could not answer with {model} (HTTP {exc.status_code}) — look at the "
            "server's output, or use KIT_MODEL=embedded"
        )
    if isinstance(exc, openai.APIResponseValidationError | openai.APIError):
        return ModelUnavailable(
            f"{WHAT} at {base_url} sent an answer the kit cannot read — check that it speaks the OpenAI chat "
            "API, or use KIT_MODEL=embedded"
        )
    return None


@functools.lru_cache(maxsize=8)
def _no_proxy_clients(timeout: Any) -> tuple[Any, Any]:
    """HTTP clients that ignore proxy settings, shared (as langchain-openai shares its own): each new one loads
    the certificate store, 20-150 ms."""
    return (
        openai.DefaultHttpxClient(trust_env=False, timeout=timeout),
        openai.DefaultAsyncHttpxClient(trust_env=False, timeout=timeout),
    )


class KitChatOpenAI(ChatOpenAI):
    """langchain-openai's ChatOpenAI held to one OpenAI-compatible server: seeded, offline token counts, errors
    that name the fix, and the server's own account of the model kept for provenance.

    ``base_url`` is required; a non-loopback one is refused at construction, before any connection, unless
    KIT_ALLOW_REMOTE=1.
    """

    # Seed and temperature 0: the same prompt gets the same answer from the same server, so replay works.
    seed: int | None = 1234
    temperature: float | None = 0.0
    # Room for a written summary; without a cap a small model that never stops fills the server's context.
    max_tokens: int | None = Field(default=ANSWER_TOKENS, alias="max_completion_tokens")
    max_retries: int | None = 0  # a local server that fails fails again; say so at once
    use_responses_api: bool | None = False  # only OpenAI's own service has /v1/responses
    _served: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _kit_client(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        base_url = data.pop("base_url", None) or data.pop("openai_api_base", None)
        if not base_url:
            # The library would otherwise go to OPENAI_BASE_URL or OpenAI's own service.
            raise ConfigError(f"an OpenAI-compatible model needs its server's address — use {SPEC_FORM}")
        base_url = str(base_url).rstrip("/")
        check_host(base_url, settings().allow_remote, WHAT, LOCAL_EXAMPLE)
        data["base_url"] = base_url
        if not (data.get("api_key") or data.get("openai_api_key")):
            data["api_key"] = api_key()
        if "timeout" not in data and "request_timeout" not in data:
            data["timeout"] = DEFAULT_TIMEOUT
        if is_loopback(base_url) and not data.get("http_client") and not data.get("http_async_client"):
            # A proxy from the environment would carry journal text off the machine even for loopback.
            timeout = data.get("timeout", data.get("request_timeout"))
            try:
                clients = _no_proxy_clients(timeout)
            except TypeError:  # an httpx.Timeout cannot be a cache key
                clients = _no_proxy_clients.__wrapped__(timeout)
            data["http_client"], data["http_async_client"] = clients
        return data

    @model_validator(mode="after")
    def _only_that_server(self) -> KitChatOpenAI:
        # langchain resolves the address once more (a LangSmith gateway may rewrite it): refuse any other.
        wanted = str(self.openai_api_base or "")
        got = str(getattr(self.root_client, "base_url", wanted)).rstrip("/")
        if wanted.rstrip("/") != got:
            raise ConfigError(
                f"the OpenAI client was pointed at {got} instead of {wanted} — unset LangSmith gateway settings "
                "(LANGSMITH_GATEWAY_*) for the kit"
            )
        return self

    @classmethod
    def is_lc_serializable(cls) -> bool:
        # Loaded back it would be a plain ChatOpenAI, without the address guard.
        return False

    @property
    def base_url(self) -> str:
        return str(self.openai_api_base or "")

    def params(self) -> dict[str, Any]:
        """The generation options that are set, recorded in provenance."""
        return {k: getattr(self, k) for k in _OPTIONS if getattr(self, k) is not None}

    def served(self) -> dict[str, str]:
        """What the server said about the model it answered with: its address, the model id it lists in
        /v1/models, and the fingerprint it sent with the last answer (empty until the first answer)."""
        return {"base_url": self.base_url, **self._served} if self._served else {}

    # -------------------------------------------------------- requests

    def _get_request_payload(self, input_: Any, *, stop: list[str] | None = None, **kwargs: Any) -> dict:
        payload = super()._get_request_payload(input_, stop=stop, **kwargs)
        # ChatOpenAI sends OpenAI's newer name; the local servers know max_tokens (llama-cpp-python's only it).
        if "max_completion_tokens" in payload:
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        return payload

    def _note_model(self) -> None:
        """Read the id the server lists for this model (once): it names the file or weights behind the alias."""
        if "model_id" in self._served:
            return
        try:
            with self._errors():
                listed = [m.id for m in self.root_client.models.list().data]
        except ModelUnavailable:
            raise
        except Exception as exc:  # a server without /v1/models still answers chats
            log.info("could not read the model list of %s: %s", self.base_url, exc)
            listed = []
        chosen = self.model_name if self.model_name in listed else (listed[0] if len(listed) == 1 else "")
        self._served["model_id"] = chosen

    def _note_answer(self, info: dict[str, Any] | None) -> None:
        fingerprint = (info or {}).get("system_fingerprint")
        if fingerprint:
            self._served["system_fingerprint"] = str(fingerprint)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except Exception as exc:
            failure = _failure(exc, self.base_url, self.model_name, self.request_timeout)
            if failure is None:
                raise
            raise failure from exc

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self._note_model()
        with self._errors():
            result = super()._generate(messages, stop, run_manager, **kwargs)
        self._note_answer(result.llm_output)
        return result

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        self._note_model()
        with self._errors():
            for chunk in super()._stream(messages, stop, run_manager, **kwargs):
                self._note_answer(chunk.generation_info)
                yield chunk

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self._note_model()
        with self._errors():
            result = await super()._agenerate(messages, stop, run_manager, **kwargs)
        self._note_answer(result.llm_output)
        return result

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        self._note_model()
        with self._errors():
            async for chunk in super()._astream(messages, stop, run_manager, **kwargs):
                self._note_answer(chunk.generation_info)
                yield chunk

    # -------------------------------------------------------- token counts, offline

    def get_token_ids(self, text: str) -> list[int]:
        # tiktoken would download its tables, and the server's tokenizer is not OpenAI's anyway.
        raise NotImplementedError(
            "token ids of a model on an OpenAI-compatible server are not known offline; use get_num_tokens"
        )

    def get_num_tokens(self, text: str) -> int:
        """An estimate (characters / 3.5): the server's own tokenizer is not available here."""
        return math.ceil(len(text) / CHARS_PER_TOKEN)

    def get_num_tokens_from_messages(
        self, messages: Sequence[BaseMessage], tools: Sequence[Any] | None = None, **kwargs: Any
    ) -> int:
        """An estimate: a few tokens a message for the chat template's role markers."""
        return sum(self.get_num_tokens(str(m.content)) + 4 for m in messages)


def openai_chat(model: str, base_url: str) -> KitChatOpenAI:
    """A KitChatOpenAI for ``model`` on the server at ``base_url``, refused before any connection when remote."""
    check_host(base_url, settings().allow_remote, WHAT, LOCAL_EXAMPLE)
    return KitChatOpenAI(model=model, base_url=base_url)


def server_models(base_url: str, timeout: float = 2.0) -> list[str] | None:
    """The model ids the server lists at <base_url>/models, or None when nothing answers there (no proxy for
    loopback; refused before any connection when remote and not allowed)."""
    check_host(base_url, settings().allow_remote, WHAT, LOCAL_EXAMPLE)
    handlers = [urllib.request.ProxyHandler({})] if is_loopback(base_url) else []
    request = urllib.request.Request(
        f"{base_url.rstrip('/')}/models", headers={"Authorization": f"Bearer {api_key()}"}
    )
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
    except Exception:  # down, not this API, or a guard of its own (pytest-socket): not answering
        return None
    listed = data.get("data") if isinstance(data, dict) else None
    return [str(m.get("id")) for m in listed or [] if isinstance(m, dict) and m.get("id")]
