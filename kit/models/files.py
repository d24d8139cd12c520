"""Checksums of the data files the kit loads from installed packages (models, tokenizers, pipelines)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path


def sha256_of(path: Path) -> str:
    """The file's sha256, read once per process for as long as its size and modification time stay the same."""
    st = path.stat()
    return _digest(str(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def forget() -> None:
    """Read every file again next time (after a reinstall in the same process)."""
    _digest.cache_clear()
