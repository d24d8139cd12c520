"""Any local GGUF file as the chat model: ``KIT_MODEL=gguf:/path/to/model.gguf``.

It runs in this process on the embedded llama.cpp path (kit.models.llama), with the chat template the file
carries — never a format guessed from the model's name — seeded at temperature 0, and it records the file's
sha256 so a saved answer names exactly which weights wrote it. A file that is missing, is not a GGUF, or carries
no chat template (a base model) is refused with the fix.
"""

from __future__ import annotations

import json
import logging
import os
import struct
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import model_validator

from kit.config import private_dir, settings
from kit.errors import ConfigError, KitError, ModelUnavailable
from kit.models.files import sha256_of
from kit.models.llama import EmbeddedChatModel

log = logging.getLogger("kit")
DIGESTS = "gguf-sha256.json"  # in KIT_HOME: {path: {stamp: [size, mtime_ns], sha256}}
MAGIC = b"GGUF"  # the first four bytes of every GGUF file
TEMPLATE_KEY = "tokenizer.chat_template"
FILE_TEMPLATE = "chat_template.default"  # llama-cpp-python's name for the template found in the file


def file_sha256(file: Path) -> str:
    """The sha256 of a GGUF file, kept in KIT_HOME by path, size and modification time: hashing a 5 GB model
    takes ~15 s, too long to repeat for every answer of every command."""
    st = file.stat()
    key, stamp = str(file), [st.st_size, st.st_mtime_ns]
    cache = settings().home / DIGESTS
    try:
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if not isinstance(known, dict):
        known = {}
    entry = known.get(key)
    if isinstance(entry, dict) and entry.get("stamp") == stamp and isinstance(entry.get("sha256"), str):
        return entry["sha256"]
    digest = sha256_of(file)
    known[key] = {"stamp": stamp, "sha256": digest}
    try:
        private_dir(cache.parent)
        temp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(known, out)
        os.replace(temp, cache)
    except (OSError, KitError) as exc:  # a read-only KIT_HOME: hash again next time
        log.info("could not keep the sha256 of %s: %s", file, exc)
    return digest


def check_gguf(path: str | Path) -> Path:
    """The file as an absolute path, once it exists and starts like a GGUF; ConfigError naming the fix."""
    given = str(path).strip()
    if not given:
        raise ConfigError("KIT_MODEL=gguf needs a file — use gguf:/path/to/model.gguf")
    file = Path(given).expanduser().resolve()
    if not file.is_file():
        what = "a folder" if file.is_dir() else "not there"
        raise ConfigError(
            f"KIT_MODEL=gguf:{given}: {file} is {what} — give the path of a .gguf file, e.g. "
            "gguf:~/models/llama-3.2-3b-instruct-q4_k_m.gguf"
        )
    try:
        with file.open("rb") as handle:
            head = handle.read(len(MAGIC))
    except OSError as exc:
        raise ConfigError(
            f"KIT_MODEL=gguf:{given}: {file} cannot be read ({exc.strerror or exc}) — check its permissions"
        ) from exc
    if head != MAGIC:
        raise ConfigError(
            f"KIT_MODEL=gguf:{given}: {file.name} is not a GGUF file — llama.cpp needs a .gguf model "
            "(convert other formats with llama.cpp's convert_hf_to_gguf.py, or download the GGUF build)"
        )
    return file


class GgufChatModel(EmbeddedChatModel):
    """A local GGUF file on llama.cpp, with the file's own chat template; the embedded model's lock and seed."""

    model_path: str  # type: ignore[assignment]  # required here
    # A capable model writes summaries: room for them, and temperature 0 so replay gets the same words.
    temperature: float = 0.0
    max_tokens: int = 512
    n_ctx: int = 4096

    @model_validator(mode="after")
    def _a_gguf(self) -> GgufChatModel:
        self.model_path = str(check_gguf(self.model_path))
        return self

    @property
    def _llm_type(self) -> str:
        return "kit-gguf-llama-cpp"

    @property
    def model_name(self) -> str:
        return Path(self.model_path).stem

    def served(self) -> dict[str, str]:
        """The file and its sha256 (read once while the file's size and modification time stay the same)."""
        return {"path": self.model_path, "sha256": file_sha256(Path(self.model_path))}

    def _llama(self) -> Any:
        try:
            return super()._llama()
        except ValueError as exc:  # llama.cpp could not load it: damaged, or an architecture it does not know
            raise ModelUnavailable(
                f"llama.cpp could not load {Path(self.model_path).name} ({exc}) — the file may be incomplete "
                "(download it again) or too new for the installed llama-cpp-python (upgrade it)"
            ) from exc

    def _loaded(self, llama: Any) -> None:
        if TEMPLATE_KEY not in llama.metadata:
            raise ModelUnavailable(
                f"{Path(self.model_path).name} carries no chat template, so it is probably a base model, not a "
                "chat one — use the instruct (chat) GGUF of that model"
            )
        # The file's own template, not a built-in format guessed from it.
        llama.chat_format = FILE_TEMPLATE


# GGUF metadata value types (ggml's gguf.h): fixed sizes, then string (8) and array (9).
_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_STRING, _ARRAY = 8, 9


def chat_template(path: str | Path) -> str | None:
    """The chat template a GGUF file carries, read from its header (no weights, no llama.cpp); None if none.

    ConfigError naming the fix when the file is not a GGUF or its header is cut short."""
    file = check_gguf(path)
    try:
        with file.open("rb") as handle:
            return _read_template(handle)
    except (OSError, ValueError, struct.error) as exc:
        raise ConfigError(
            f"the header of {file.name} cannot be read ({exc}) — the file may be incomplete: download it again"
        ) from exc


def _read_template(handle: BinaryIO) -> str | None:
    def u(fmt: str) -> int:
        size = struct.calcsize(fmt)
        data = handle.read(size)
        if len(data) != size:
            raise ValueError("the file ends inside its header")
        return struct.unpack("<" + fmt, data)[0]

    def text() -> bytes:
        return handle.read(u("Q"))

    def skip(kind: int) -> None:
        if kind == _STRING:
            handle.seek(u("Q"), 1)
        elif kind == _ARRAY:
            inner, count = u("I"), u("Q")
            if inner in _SIZES:
                handle.seek(_SIZES[inner] * count, 1)
            else:
                for _ in range(count):
                    skip(inner)
        elif kind in _SIZES:
            handle.seek(_SIZES[kind], 1)
        else:
            raise ValueError(f"unknown metadata type {kind}")

    handle.read(len(MAGIC))
    version = u("I")
    if version < 2:
        raise ValueError(f"GGUF version {version} is older than llama.cpp reads")
    u("Q")  # tensors
    for _ in range(u("Q")):
        key, kind = text(), u("I")
        if key == TEMPLATE_KEY.encode() and kind == _STRING:
            return text().decode("utf-8", "replace")
        skip(kind)
    return None
