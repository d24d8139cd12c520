"""Settings, read from the environment each time they are needed (never cached at import)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kit.errors import ConfigError

DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _flag(name: str) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not understood — set it to 1 or 0")


def default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reflective-notebook-kit"


@dataclass(frozen=True)
class Settings:
    journal: Path
    home: Path
    model: str
    embed: str
    ollama_host: str
    allow_remote: bool

    @classmethod
    def from_env(cls) -> Settings:
        journal = os.environ.get("KIT_JOURNAL") or "journal"
        home = os.environ.get("KIT_HOME") or str(default_home())
        return cls(
            journal=Path(journal).expanduser().resolve(),
            home=Path(home).expanduser().resolve(),
            model=(os.environ.get("KIT_MODEL") or "auto").strip(),
            embed=(os.environ.get("KIT_EMBED") or "auto").strip(),
            ollama_host=(
                os.environ.get("KIT_OLLAMA_HOST") or os.environ.get("OLLAMA_HOST") or DEFAULT_OLLAMA_HOST
            )
            .strip()
            .rstrip("/"),
            allow_remote=_flag("KIT_ALLOW_REMOTE"),
        )


def private_dir(path: Path) -> Path:
    """Create a folder (and any missing parents) readable by its owner only; existing folders are left alone."""
    path = Path(path)
    missing = []
    for parent in (path, *path.parents):
        if parent.exists():
            break
        missing.append(parent)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    return path


def lock(path: Path, timeout: float):
    """An inter-process file lock whose lock file only the owner can read."""
    from filelock import FileLock

    private_dir(Path(path).parent)
    return FileLock(str(path), timeout=timeout, mode=0o600)


def settings() -> Settings:
    """The current settings (environment read now)."""
    return Settings.from_env()


def journal_folder(journal: Path | str | None = None) -> Path:
    """The journal folder: the one given (``--journal``, ``journal=``), else KIT_JOURNAL (or ./journal)."""
    return Path(journal).expanduser().resolve() if journal else settings().journal


def shared_folder(name: str) -> Path | None:
    """A folder of notebooks shipped with the kit (``templates``, ``notebooks``): next to the package in a source
    tree, or in the installed data folder; None when neither holds it."""
    for candidate in (
        Path(__file__).resolve().parent.parent / name,
        Path(sys.prefix) / "share" / "reflective-notebook-kit" / name,
    ):
        if candidate.is_dir():
            return candidate
    return None
