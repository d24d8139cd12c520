"""The kit's settings: every ``KIT_*`` variable is read here, each time settings are needed (never cached at
import), so a notebook that changes one sees it on the next call.

| variable | what it sets | default |
| --- | --- | --- |
| KIT_JOURNAL | the journal folder | ./journal |
| KIT_HOME | where the index and the kit's own files live | $XDG_DATA_HOME/reflective-notebook-kit |
| KIT_MODEL | the chat backend: auto, embedded, ollama:<model>, openai:<model>@<base_url>, gguf:<path>, or a registered name | auto |
| KIT_EMBED | the embedder: auto (embedded, English-first), multilingual, ollama:<model>, or a registered name | auto |
| KIT_OLLAMA_HOST (or OLLAMA_HOST) | the Ollama server | http://127.0.0.1:11434 |
| KIT_OLLAMA_MODEL | the Ollama model ``auto`` looks for | llama3.2 |
| KIT_OLLAMA_TIMEOUT | seconds without a byte from Ollama before giving up | 120 |
| KIT_OPENAI_API_KEY (or OPENAI_API_KEY) | the key sent to an openai: server (local servers ignore it) | a dummy |
| KIT_ALLOW_REMOTE | 1 lets journal text go to a host that is not this machine | 0 |
| KIT_CHROMA_URL | a Chroma server for the index (``chroma run``), e.g. http://127.0.0.1:8000 | the embedded store |
| KIT_CHROMA_TOKEN | a bearer token sent to that server (for a reverse proxy in front of it) | none |
| KIT_BREAK_MINUTES | minutes before the gentle break reminder; 0 switches it off | 45 |
| KIT_CHROMIUM | the Chromium that prints PDFs | found on PATH |
| KIT_DEBUG | 1 shows the traceback of an unexpected error | off |
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock

from kit.errors import ConfigError

DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"
DEFAULT_OLLAMA_MODEL = "llama3.2"
DEFAULT_OLLAMA_TIMEOUT = (
    120.0  # seconds without a byte from Ollama; loading a model on a CPU can take a minute
)
# What to do with names, places and contact details bound for a model off this machine (``pii=``, ``--pii``).
PII_CHOICES = ("ask", "redact", "send")
BREAK_MINUTES = 45.0  # default; KIT_BREAK_MINUTES changes it, 0 switches the reminder off
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def raw(name: str) -> str:
    """A variable's text as set (stripped; "" when unset), for checks that quote a value they cannot use."""
    return os.environ.get(name, "").strip()


def ollama_host_and_source() -> tuple[str, str]:
    """The Ollama host and the variable it came from (KIT_OLLAMA_HOST, OLLAMA_HOST, or "the default")."""
    for name in ("KIT_OLLAMA_HOST", "OLLAMA_HOST"):
        if raw(name):
            return raw(name).rstrip("/"), name
    return DEFAULT_OLLAMA_HOST, "the default"


def _utf8(name: str, value: str) -> str:
    """A path setting the kit can store and show: a name that is not UTF-8 is refused with the fix."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(value).decode("utf-8", "backslashreplace")
        raise ConfigError(
            f"{name}={shown} is not a UTF-8 path — rename the folder, or point {name} elsewhere"
        ) from None
    return value


def _flag(name: str) -> bool:
    value = raw(name).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={value!r} is not understood — set it to 1 or 0")


def _positive(name: str, text: str, default: float, unit: str, example: str, zero: bool = False) -> float:
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        off = " (0 switches it off)" if zero else ""
        raise ConfigError(f"{name}={text!r} must be a number of {unit}, like {example}{off}")
    return value


def default_home() -> Path:
    base = raw("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reflective-notebook-kit"


@dataclass(frozen=True)
class Settings:
    journal: Path
    home: Path
    model: str
    embed: str
    ollama_host: str
    allow_remote: bool
    ollama_model: str = DEFAULT_OLLAMA_MODEL
    chromium: str = ""
    debug: bool = False
    # Checked when used, so one bad value stops only what needs it:
    ollama_timeout_text: str = ""
    break_minutes_text: str = ""
    chroma_url: str = ""  # "" = the embedded store under KIT_HOME
    chroma_token: str = field(default="", repr=False)  # a secret: never in a repr or a log line

    @property
    def ollama_timeout(self) -> float:
        """Seconds without a byte from Ollama before the kit gives up (KIT_OLLAMA_TIMEOUT)."""
        return _positive(
            "KIT_OLLAMA_TIMEOUT", self.ollama_timeout_text, DEFAULT_OLLAMA_TIMEOUT, "seconds", "300"
        )

    @property
    def break_minutes(self) -> float:
        """Minutes before the break reminder; 0: never (KIT_BREAK_MINUTES)."""
        return _positive(
            "KIT_BREAK_MINUTES", self.break_minutes_text, BREAK_MINUTES, "minutes", "45", zero=True
        )

    @classmethod
    def from_env(cls) -> Settings:
        journal = _utf8("KIT_JOURNAL", raw("KIT_JOURNAL") or "journal")
        home = _utf8("KIT_HOME", raw("KIT_HOME") or str(default_home()))
        return cls(
            journal=Path(journal).expanduser().resolve(),
            home=Path(home).expanduser().resolve(),
            model=raw("KIT_MODEL") or "auto",
            embed=raw("KIT_EMBED") or "auto",
            ollama_host=ollama_host_and_source()[0],
            allow_remote=_flag("KIT_ALLOW_REMOTE"),
            ollama_model=raw("KIT_OLLAMA_MODEL") or DEFAULT_OLLAMA_MODEL,
            chromium=raw("KIT_CHROMIUM"),
            debug=bool(raw("KIT_DEBUG")),
            ollama_timeout_text=raw("KIT_OLLAMA_TIMEOUT"),
            break_minutes_text=raw("KIT_BREAK_MINUTES"),
            chroma_url=raw("KIT_CHROMA_URL"),
            chroma_token=raw("KIT_CHROMA_TOKEN"),
        )


def private_dir(path: Path) -> Path:
    """Create a folder (and any missing parents) readable by its owner only; existing folders are left alone."""
    path = Path(path)
    missing = []
    for parent in (path, *path.parents):
        if parent.exists():
            break
        missing.append(parent)
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
        if not path.is_dir():
            raise NotADirectoryError(20, "a file is in the way", str(path))
    except OSError as exc:
        raise ConfigError(
            f"the kit cannot keep its files in {path} ({exc.strerror or exc}) — point KIT_HOME at a folder "
            "you can write (or fix that folder's permissions)"
        ) from exc
    return path


def lock(path: Path, timeout: float):
    """An inter-process file lock whose lock file only the owner can read."""
    private_dir(Path(path).parent)
    return FileLock(str(path), timeout=timeout, mode=0o600)


def settings() -> Settings:
    """The current settings (environment read now)."""
    return Settings.from_env()


def journal_folder(journal: Path | str | None = None) -> Path:
    """The journal folder: the one given (``--journal``, ``journal=``), else KIT_JOURNAL (or ./journal)."""
    if journal:
        return Path(_utf8("--journal", str(journal))).expanduser().resolve()
    return settings().journal


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
