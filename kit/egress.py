"""Egress guard and telemetry switches: nothing leaves the machine unless the person opts in.

Every part of the kit that opens a connection asks ``check_host`` first (loopback, or a remote host the person
allowed by name), and every entry point calls ``telemetry_off`` before a library that could phone home loads.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Any
from urllib.parse import urlsplit

from kit.errors import ConfigError, RemoteHostRefused

# Environment switches that keep libraries the kit uses from phoning home.
TELEMETRY_OFF = {
    "ANONYMIZED_TELEMETRY": "False",  # chromadb
    "LANGCHAIN_TRACING_V2": "false",  # langsmith (old name)
    # The v1 switch: langsmith falls back to it, and langchain-core refuses to run a model with it on
    # and v2 off, so it is switched off too.
    "LANGCHAIN_TRACING": "false",
    "LANGSMITH_TRACING": "false",
    "LANGSMITH_TRACING_V2": "false",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}
# JupyterLab's news and update checks, off in the browser (fetchNews is a string in JupyterLab's schema); the
# lab launcher writes them into overrides.json and `reflect doctor` reads them back.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}
}
# What each switch held before the kit overwrote it, for `reflect doctor` (None: it was not set).
_found_before: dict[str, str | None] = {}


def telemetry_off() -> None:
    """Switch off the telemetry and tracing of the libraries the kit loads, in this process.

    Values the person set (``LANGSMITH_TRACING=true``) are overwritten; ``found_in_environment`` still tells
    what they were.
    """
    changed = False
    for name, value in TELEMETRY_OFF.items():
        current = os.environ.get(name)
        if current != value:
            _found_before[name] = current
            os.environ[name] = value
            changed = True
    # langsmith caches the environment it has read; an earlier "true" would outlive the switch above.
    utils = sys.modules.get("langsmith.utils")
    cache_clear = getattr(getattr(utils, "get_env_var", None), "cache_clear", None)
    if changed and cache_clear is not None:
        cache_clear()


def found_in_environment(name: str) -> str | None:
    """The value ``name`` had in the environment before ``telemetry_off`` changed it (else its value now)."""
    return _found_before[name] if name in _found_before else os.environ.get(name)


def host_of(url: str) -> str:
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:  # "http://[::1": an address urlsplit cannot read
        host = None
    if not host:
        raise ConfigError(f"{url!r} is not a host URL — use the form http://127.0.0.1:11434")
    return host


def is_loopback(url: str) -> bool:
    """True when the URL points at this machine (127.0.0.0/8, ::1 or localhost)."""
    host = host_of(url)
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(
    url: str, allow_remote: bool, what: str = "Ollama", local: str = "http://127.0.0.1:11434"
) -> None:
    """Refuse a non-loopback host before any connection is made, unless the person opted in (``local``: an
    address on this machine to suggest instead)."""
    if is_loopback(url) or allow_remote:
        return
    raise RemoteHostRefused(
        f"{what} host {host_of(url)} is not on this machine, so journal text would leave it — "
        f"use a local host ({local}) or set KIT_ALLOW_REMOTE=1 to allow it"
    )


def client_kwargs(host: str) -> dict[str, Any]:
    """Keyword arguments for an HTTP client that talks to ``host``."""
    # A proxy from the environment (HTTP_PROXY, ALL_PROXY) would carry journal text off the machine even when
    # the host is loopback; a remote host the person allowed may need one, so only loopback ignores them.
    return {"trust_env": False} if is_loopback(host) else {}
