"""``reflect doctor``: what the kit would send where, which files it runs on, and whether each part is ready.

Each check is one line a person can act on: ok, a warning, or a leak, with the fix. It reads settings, the
environment and the files the kit ships; it never sends anything itself, apart from asking a local Ollama
server, or the model server KIT_MODEL names, for its models.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import urllib.request
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import langsmith.utils
from langchain_core.utils.env import env_var_is_set
from rich import box
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table

from kit.config import DEFAULT_OLLAMA_HOST, ollama_host_and_source, raw, settings
from kit.egress import LAB_OVERRIDES, client_kwargs, found_in_environment, host_of, is_loopback, telemetry_off
from kit.errors import ConfigError, KitError
from kit.index import server as chroma_server
from kit.index.store import Index
from kit.journal.notebooks import scan_journal
from kit.models import multilingual
from kit.models.files import package_file
from kit.models.gguf import chat_template, check_gguf
from kit.models.llama import GGUF_FILE
from kit.models.minilm import MODEL_FILE, TOKENIZER_FILE
from kit.models.registry import get_backend
from kit.safety import recogniser
from kit.text import SWITCH, looks_english, plural, suggestion

# ---------------------------------------------------------------- reflect doctor

_OK, _WARNING, _LEAK = "ok", "warning", "leak"
_TRACING_SWITCHES = (
    "LANGSMITH_TRACING",
    "LANGSMITH_TRACING_V2",
    "LANGCHAIN_TRACING_V2",
    "LANGCHAIN_TRACING",
)
_TRACING_KEYS = ("LANGSMITH_API_KEY", "LANGCHAIN_API_KEY")
_PROXIES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
_OFF_WORDS = {"", "0", "false", "no", "off"}


@dataclass(frozen=True)
class Check:
    """One finding of ``doctor``: what was found and, when it is not ok, the fix.

    ``level`` is ``ok``, ``warning`` (worth fixing; nothing leaves the machine through the kit) or ``leak``
    (journal text could leave this machine).
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""
    level: str = _OK

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DoctorReport:
    """Every check ``doctor`` ran, in order. ``ok`` is False when anything would leak."""

    checks: list[Check] = field(default_factory=list)

    @property
    def leaks(self) -> list[Check]:
        return [c for c in self.checks if c.level == _LEAK]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if c.level == _WARNING]

    @property
    def ok(self) -> bool:
        return not self.leaks

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "leaks": [c.name for c in self.leaks],
            "warnings": [c.name for c in self.warnings],
            "checks": [c.to_dict() for c in self.checks],
        }

    def render(self, file: Any = None) -> None:
        """Print the checks as a table, then one line saying whether anything would leak."""
        console = Console(file=file or sys.stdout, highlight=False)
        table = Table(box=box.SIMPLE_HEAD, show_lines=False, title="reflect doctor", title_justify="left")
        table.add_column("", no_wrap=True)
        table.add_column("check", no_wrap=True)
        table.add_column("finding", overflow="fold")
        marks = {_OK: "[green]ok[/]", _WARNING: "[yellow]warn[/]", _LEAK: "[bold red]LEAK[/]"}
        for c in self.checks:
            finding = _escape(c.detail) + (f"\n[bold]Fix:[/] {_escape(c.fix)}" if c.fix else "")
            table.add_row(marks[c.level], _escape(c.name), finding)
        console.print(table)
        if self.leaks:
            console.print(
                f"[bold red]Could leak: {_escape(', '.join(c.name for c in self.leaks))} — journal text could "
                "leave this machine; apply the fixes above.[/]"
            )
        else:
            console.print("[green]Nothing leaves this machine through the kit.[/]")
        if self.warnings:
            console.print(f"[yellow]Warnings: {_escape(', '.join(c.name for c in self.warnings))}.[/]")


def _escape(text: str) -> str:
    return rich_escape(text)


def _ok(name: str, detail: str) -> Check:
    return Check(name, True, detail)


def _warning(name: str, detail: str, fix: str) -> Check:
    return Check(name, False, detail, fix, _WARNING)


def _leak(name: str, detail: str, fix: str) -> Check:
    return Check(name, False, detail, fix, _LEAK)


def _from_error(name: str, prefix: str, exc: Exception) -> Check:
    # Kit errors read "problem — fix"; split them into the two columns.
    detail, _, fix = str(exc).partition(" — ")
    return _warning(name, f"{prefix}{detail}", fix or "see the message")


def _safe_url(url: str) -> str:
    """``url`` without a user name or password (proxy URLs often carry them)."""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        if parts.username or parts.password:
            host = parts.hostname or ""
            netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
            return parts._replace(netloc=netloc).geturl()
    except ValueError:
        return "(unreadable URL)"
    return url


def _is_on(value: str | None) -> bool:
    return value is not None and value.strip().lower() not in _OFF_WORDS


def _allow_remote() -> bool | None:
    try:
        return settings().allow_remote
    except ConfigError:
        return None


def _ollama_host() -> tuple[str, str]:
    """The Ollama host the kit uses and where it came from (as kit.config reads it)."""
    return ollama_host_and_source()


def _check_chat() -> Check:
    name = "chat model"
    spec = raw("KIT_MODEL") or "auto"
    # get_backend only builds the backend: the embedded model loads on its first answer, not here.
    try:
        backend = get_backend(spec)
    except KitError as exc:
        return _from_error(name, f"KIT_MODEL={spec}: ", exc)
    detail = f"KIT_MODEL={spec}: {backend.model_name} ({backend.name}) — {backend.reason}"
    if spec != "auto":
        try:
            auto = get_backend("auto")
            detail += f". With KIT_MODEL=auto: {auto.model_name} ({auto.name}) — {auto.reason}"
        except KitError as exc:
            detail += f". KIT_MODEL=auto would stop: {str(exc).partition(' — ')[0]}"
    return _ok(name, detail)


def _check_model_server() -> Check:
    """KIT_MODEL=openai:…: whether the server answers, lists the model, and is on this machine."""
    from kit.models.openai_compat import parse_spec, server_models, start_hint

    name = "model server"
    model, base_url = parse_spec(raw("KIT_MODEL").partition(":")[2])
    listed = server_models(base_url)  # refused before any connection when remote and not allowed
    if listed is None:
        return _warning(name, f"nothing answers at {base_url}/models", start_hint(base_url))
    if not is_loopback(base_url):
        return _leak(
            name,
            f"{base_url} answers and is not this machine: journal text goes there (KIT_ALLOW_REMOTE=1); names "
            "and places are stopped first unless you choose --pii redact or send",
            "run the server on this machine (127.0.0.1), or unset KIT_ALLOW_REMOTE",
        )
    if model in listed or len(listed) == 1:
        serves = model if model in listed else f"{listed[0]} (it answers any model name with it)"
        return _ok(name, f"{base_url} answers on this machine and serves {serves}")
    return _warning(
        name,
        f"{base_url} answers but does not list {model}; it lists {', '.join(listed) or 'no model'}",
        "use one of those names: KIT_MODEL=openai:<name>@" + base_url,
    )


def _check_gguf_file() -> Check:
    """KIT_MODEL=gguf:…: the file is a GGUF with a chat template, and llama.cpp is installed to run it."""
    name = "GGUF file"
    file = check_gguf(raw("KIT_MODEL").partition(":")[2])
    size = f"{file.stat().st_size / 1e6:,.0f} MB"
    if chat_template(file) is None:
        return _warning(
            name,
            f"{file} ({size}) carries no chat template, so it is probably a base model",
            "use the instruct (chat) GGUF of that model",
        )
    detail = f"{file} ({size}) is a GGUF with its own chat template; its sha256 is recorded with each answer"
    if importlib.util.find_spec("llama_cpp") is None:
        return _warning(
            name,
            detail + "; llama-cpp-python is not installed",
            "run `make demo` (or `pip install 'reflective-notebook-kit[embedded]'`)",
        )
    return _ok(name, detail + "; llama-cpp-python installed (not loaded)")


def _check_embedder() -> Check:
    name = "embedder"
    spec = raw("KIT_EMBED") or "auto"
    from kit.models.embedders import embedder_name, get_embedder

    try:
        embedder = get_embedder(spec)  # built, not loaded
    except KitError as exc:
        return _from_error(name, f"KIT_EMBED={spec}: ", exc)
    where = " (on this machine)" if spec in ("auto", "embedded", "multilingual", "fake") else ""
    return _ok(name, f"KIT_EMBED={spec}: {embedder_name(embedder)}{where}")


def _check_languages(journal: Path | None) -> Check:
    """How many entries are not in English, and whether the configured embedder can search them."""
    name = "languages"
    folder = Index(journal=journal).journal
    if not folder.is_dir():
        return _ok(name, f"no journal at {folder} yet")
    entries = [e for e in scan_journal(folder).entries if not e.private and not e.is_empty]
    other = sum(1 for e in entries if not looks_english(e.searchable_text))
    spec = raw("KIT_EMBED") or "auto"
    from kit.models.embedders import get_embedder

    embedder = get_embedder(spec)  # built, not loaded
    counted = f"{other} of {plural(len(entries), 'entry', 'entries')} do not look like English"
    if not getattr(embedder, "english_only", False):
        return _ok(name, f"{counted}; KIT_EMBED={spec} is not limited to English")
    if suggestion(other, len(entries)):
        share = f"{other / len(entries):.0%}"
        return _warning(
            name,
            f"{counted} ({share}); the embedder (KIT_EMBED={spec}) is English-first, so search may miss them",
            SWITCH,
        )
    return _ok(name, f"{counted}; the embedder is English-first (KIT_EMBED=multilingual is not)")


def _check_ollama_host() -> Check:
    name = "Ollama host"
    host, source = _ollama_host()
    shown = f"{_safe_url(host)} (from {source})"
    try:
        local = is_loopback(host)
    except ConfigError as exc:
        return _from_error(name, f"{source}: ", exc)
    if local:
        other = os.environ.get("OLLAMA_HOST", "").strip()
        if source == "KIT_OLLAMA_HOST" and other and not _loopback_or_unreadable(other):
            return _warning(
                name,
                f"{shown} is on this machine; OLLAMA_HOST={_safe_url(other)} is also set and points off it — "
                "the kit ignores it, but the ollama command and other Ollama clients you start from this "
                "environment would send their prompts there",
                "unset OLLAMA_HOST unless you mean other programs to use that server",
            )
        return _ok(name, f"{shown} is on this machine")
    allowed = _allow_remote()
    if allowed:
        return _warning(
            name,
            f"{shown} is not on this machine and KIT_ALLOW_REMOTE=1 lets the kit send journal text there (it "
            "stops and asks before sending names, places or contact details)",
            f"fine if you own that server; otherwise unset {source} and KIT_ALLOW_REMOTE",
        )
    bind_all = host_of(host) in ("0.0.0.0", "::")
    fix = (
        "OLLAMA_HOST=0.0.0.0 tells `ollama serve` to listen on every interface; give the kit the loopback "
        "address with KIT_OLLAMA_HOST=http://127.0.0.1:11434"
        if bind_all
        else f"unset {source} (or set KIT_OLLAMA_HOST=http://127.0.0.1:11434 for the kit); if you own that "
        "server and mean to send it your journal, set KIT_ALLOW_REMOTE=1"
    )
    return _leak(
        name,
        f"{shown} is not on this machine. The kit refuses it (Ollama commands and KIT_MODEL=auto stop with "
        "an error), but the ollama command and other Ollama clients started from this environment would send "
        "prompts there",
        fix,
    )


def _loopback_or_unreadable(url: str) -> bool:
    try:
        return is_loopback(url)
    except ConfigError:
        return True


def _check_allow_remote() -> Check:
    name = "KIT_ALLOW_REMOTE"
    allowed = _allow_remote()
    if allowed is None:
        value = raw("KIT_ALLOW_REMOTE")
        return _warning(
            name, f"KIT_ALLOW_REMOTE={value!r} is not understood, so every command stops", "set it to 1 or 0"
        )
    if allowed:
        return _warning(
            name,
            "on: the kit may send journal text to an Ollama host or a Chroma server that is not on this machine",
            "unset KIT_ALLOW_REMOTE unless you use a server you own",
        )
    return _ok(name, "off: only Ollama and Chroma servers on this machine (loopback) are used")


def _check_chroma(index: Any) -> Check:
    name = "Chroma telemetry"
    found = found_in_environment("ANONYMIZED_TELEMETRY")
    # Chroma's Settings() take their default from ANONYMIZED_TELEMETRY, which telemetry_off has set. Importing
    # chromadb takes seconds, so without an open index the variable is read instead.
    if "chromadb" in sys.modules:
        from chromadb.config import Settings as ChromaSettings

        default_on = ChromaSettings().anonymized_telemetry
    else:
        default_on = os.environ.get("ANONYMIZED_TELEMETRY", "").strip().lower() not in (
            "0",
            "off",
            "f",
            "false",
            "n",
            "no",
        )
    opened_on = None
    if index is not None and index._client is not None:
        opened_on = index._client.get_settings().anonymized_telemetry
    if default_on or opened_on:
        return _leak(
            name,
            "Chroma's anonymized telemetry is on inside the kit",
            "set ANONYMIZED_TELEMETRY=False in the environment that starts the kit, and report this",
        )
    detail = (
        "off: the kit opens its index with anonymized_telemetry=False and sets ANONYMIZED_TELEMETRY=False"
    )
    if opened_on is False:
        detail += " (checked on the open index)"
    if _is_on(found):
        detail += f"; your environment has ANONYMIZED_TELEMETRY={found}, overridden inside the kit"
    return _ok(name, detail)


def _check_tracing() -> Check:
    name = "LangSmith tracing"
    switches = {v: found_in_environment(v) for v in _TRACING_SWITCHES}
    on = [f"{v}={value}" for v, value in switches.items() if _is_on(value)]
    keys = [v for v in _TRACING_KEYS if os.environ.get(v, "").strip()]
    found = ", ".join(on + [f"{k} (set, value not shown)" for k in keys]) or "no tracing variables"

    still_on = bool(langsmith.utils.tracing_is_enabled()) or env_var_is_set("LANGCHAIN_TRACING")
    if still_on:
        return _leak(
            name,
            f"found {found}; tracing is still on inside the kit after it switched it off, so prompts with "
            "journal text would go to LangSmith",
            "unset "
            + " ".join(v for v in (*_TRACING_SWITCHES, *_TRACING_KEYS) if os.environ.get(v))
            + " in the environment that starts the kit, and report this",
        )
    if on:
        return _warning(
            name,
            f"found {found}. Off inside the kit (it sets them to false in its own process), but other "
            "LangChain programs started from this environment — and LangChain code a notebook runs before "
            "its first kit call — send their prompts to LangSmith",
            "unset " + " ".join(v for v in _TRACING_SWITCHES if _is_on(switches[v])),
        )
    return _ok(name, f"off inside the kit; found {found} in the environment")


def _check_proxies() -> Check:
    name = "proxies"
    found = {v: os.environ[v].strip() for v in _PROXIES if os.environ.get(v, "").strip()}
    if not found:
        return _ok(name, "no proxy variables set")
    shown = ", ".join(f"{v}={_safe_url(value)}" for v, value in found.items())
    # Ollama on loopback speaks plain http: the http proxy (else the all-protocols one) is the one that applies.
    proxies = urllib.request.getproxies_environment()
    if not (proxies.get("http") or proxies.get("all")):
        return _ok(name, f"{shown}: https only, and Ollama on loopback is plain http")
    if all(urllib.request.proxy_bypass_environment(h, proxies) for h in ("127.0.0.1", "localhost")):
        return _ok(name, f"{shown}; loopback bypasses them (NO_PROXY)")
    fix = "add NO_PROXY=localhost,127.0.0.1,::1 (and no_proxy) to your environment, or unset " + " ".join(
        found
    )
    if client_kwargs(DEFAULT_OLLAMA_HOST).get("trust_env") is False:
        return _warning(
            name,
            f"{shown}, and NO_PROXY does not cover loopback. The kit talks to Ollama on loopback directly "
            "(it ignores proxy variables there), but other clients in the same notebook kernel — "
            "langchain-ollama's ChatOllama, the ollama package, requests — would send loopback traffic, "
            "prompts included, through the proxy",
            fix,
        )
    return _leak(name, f"{shown}, and the kit's loopback traffic to Ollama would go through the proxy", fix)


def _size(root: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(dirpath, f))
            except OSError:
                pass
    return total


def _human(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def _check_chroma_server() -> Check:
    """KIT_CHROMA_URL: none (the index is on this machine), or the server: reachable, its version, local or not."""
    name = "Chroma server"
    found = chroma_server.configured()
    if found is None:
        return _ok(name, "none: the index is kept on this machine, under KIT_HOME")
    client = chroma_server.connect(found)  # the loopback guard first; refused or down: a typed error
    line = chroma_server.describe(client, found)
    token = "; a bearer token is sent (KIT_CHROMA_TOKEN)" if found.token else ""
    if found.local:
        return _ok(name, line + token)
    return _warning(
        name,
        f"{line}{token}: the text of your entries is stored on that server, and `reflect forget` cannot wipe its "
        "disks",
        "fine if you own that server; otherwise unset KIT_CHROMA_URL and KIT_ALLOW_REMOTE and run `reflect index`",
    )


def _check_index(journal: Path | None) -> tuple[Check, Any]:
    name = "index"
    index = Index(journal=journal)
    if index.server is not None:
        where = f"the Chroma server at {index.server.url} (journal {index.journal})"
        count = index.count()
        return _ok(
            name,
            f"{where}: {plural(count, 'entry', 'entries')}; the word index is on this machine, in {index.root}",
        ), index
    where = f"{index.root} (journal {index.journal})"
    if not (index.root / "chroma").exists():
        return _ok(name, f"none yet at {where} — `reflect index` builds it"), None
    try:
        count = index.count()  # opens the existing store; never creates one
    except KitError as exc:
        return _from_error(name, f"{where}: ", exc), None
    detail = f"{where}: {plural(count, 'entry', 'entries')}, {_human(_size(index.root))} on disk"
    if os.stat(index.root).st_mode & 0o077:
        return _warning(
            name, f"{detail}; other users on this machine can read it", f"chmod -R go-rwx {index.root}"
        ), index
    return _ok(name, detail + ", owner-only"), index


def _check_home() -> Check:
    """KIT_HOME can hold the index: it is a folder the kit can write, or one it can create (nothing is made here)."""
    name = "KIT_HOME"
    home = settings().home
    existing = home
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    fix = "point KIT_HOME at a folder you can write (or fix that folder's permissions)"
    if not existing.is_dir():
        return _warning(name, f"{home}: {existing} is a file, so the index cannot be kept there", fix)
    if not os.access(existing, os.W_OK | os.X_OK):
        return _warning(name, f"{home}: {existing} is not writable, so the index cannot be kept there", fix)
    return _ok(name, f"{home}: writable" if existing == home else f"{home}: will be created on first use")


def _check_jupyterlab() -> Check:
    name = "JupyterLab news"
    if importlib.util.find_spec("jupyterlab") is None:
        return _ok(name, "JupyterLab is not installed here: nothing to switch off")
    path = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    fix = "run `make lab` (or `python -m kit.lab`) once: it switches them off, then starts JupyterLab"
    try:
        current = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _warning(name, f"{path} does not exist: JupyterLab fetches news and checks for updates", fix)
    except (OSError, ValueError) as exc:
        return _warning(name, f"{path} cannot be read ({exc})", fix)
    wrong = [
        key
        for plugin, values in LAB_OVERRIDES.items()
        for key, value in values.items()
        if not isinstance(current.get(plugin), dict) or current[plugin].get(key) != value
    ]
    if wrong:
        return _warning(name, f"{path} leaves {', '.join(wrong)} on", fix)
    return _ok(name, f"news and update checks off ({path})")


def _check_files(
    name: str, files: list[tuple[str, str, str]], extra: str = "", install: str | None = None
) -> Check:
    found = []
    for spec in files:
        try:
            path = package_file(*spec, install=install)  # sha256 checked (once per file and process)
        except KitError as exc:
            return _from_error(name, "", exc)
        found.append(f"{path.name} ({_human(path.stat().st_size)})")
    return _ok(name, f"{' and '.join(found)}: sha256 verified{extra}")


def _check_chat_file() -> Check:
    name = "embedded chat model"
    check = _check_files(name, [GGUF_FILE])
    if check.ok and importlib.util.find_spec("llama_cpp") is None:
        return _warning(
            name,
            check.detail + "; llama-cpp-python is not installed",
            "run `make demo` (or `pip install 'reflective-notebook-kit[embedded]'`), or use Ollama",
        )
    if not check.ok:
        return replace(check, fix=check.fix + " (needed only without Ollama)")
    return replace(check, detail=check.detail + "; llama-cpp-python installed (not loaded)")


def _check_names() -> Check:
    name = "names and places"
    status = recogniser.status()  # checks the pipeline's files by sha256; loads nothing
    detail = status.removeprefix("names and places: ")
    if "rules only" in status:
        problem, _, fix = detail.removeprefix("rules only, because ").partition(" — ")
        return _warning(
            name, f"{problem}: personal details are found by rules alone, which miss names with no cue", fix
        )
    return _ok(
        name, f"{detail}: used before text goes to a model off this machine, and by --redact and check"
    )


def doctor(journal: Path | str | None = None) -> DoctorReport:
    """Privacy and setup self-check: model, embedder, hosts, telemetry, tracing, proxies, index, files.

    Nothing is loaded or created: the models load lazily and a missing index is reported, not built. The
    only network use is the ``auto`` probe of Ollama on loopback, asking the model server KIT_MODEL names
    (openai:…) for its list of models and, when KIT_CHROMA_URL is set, a call to that Chroma server (after the
    loopback guard).
    """
    telemetry_off()
    checks: list[Check] = []

    def run(name: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except KitError as exc:
            return _from_error(name, "", exc)
        except Exception as exc:
            if raw("KIT_DEBUG"):
                raise
            return _warning(
                name,
                f"could not check: {type(exc).__name__}: {exc}",
                "set KIT_DEBUG=1 to see the details, and report it",
            )

    checks.append(run("chat model", _check_chat))
    kind = raw("KIT_MODEL").partition(":")[0]
    if kind == "openai":
        checks.append(run("model server", _check_model_server))
    elif kind == "gguf":
        checks.append(run("GGUF file", _check_gguf_file))
    checks.append(run("embedder", _check_embedder))
    checks.append(run("Ollama host", _check_ollama_host))
    checks.append(run("KIT_ALLOW_REMOTE", _check_allow_remote))
    checks.append(run("KIT_HOME", _check_home))
    checks.append(run("Chroma server", _check_chroma_server))
    index_result = run("index", _check_index, Path(journal) if journal is not None else None)
    index_check, index = index_result if isinstance(index_result, tuple) else (index_result, None)
    checks.append(run("Chroma telemetry", _check_chroma, index))
    checks.append(run("LangSmith tracing", _check_tracing))
    checks.append(run("proxies", _check_proxies))
    checks.append(index_check)
    checks.append(run("languages", _check_languages, Path(journal) if journal is not None else None))
    checks.append(run("JupyterLab news", _check_jupyterlab))
    checks.append(run("embedder files", _check_files, "embedder files", [MODEL_FILE, TOKENIZER_FILE]))
    # The crisis check's learned layer reads every sentence through it too, whatever KIT_EMBED says.
    checks.append(
        run(
            "multilingual embedder files",
            _check_files,
            "multilingual embedder files",
            multilingual.FILES,
            " (the crisis check reads every sentence through it; KIT_EMBED=multilingual embeds with it)",
            f"add it with `{multilingual.INSTALL}`",
        )
    )
    checks.append(run("embedded chat model", _check_chat_file))
    checks.append(run("names and places", _check_names))
    return DoctorReport(checks)
