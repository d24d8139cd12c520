"""Egress guard and telemetry switches: nothing leaves the machine unless the person opts in."""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from kit.errors import ConfigError, RemoteHostRefused

# Environment switches that keep libraries the kit uses from phoning home.
TELEMETRY_OFF = {
    "ANONYMIZED_TELEMETRY": "False",  # chromadb
    "LANGCHAIN_TRACING_V2": "false",  # langsmith (old name)
    "LANGSMITH_TRACING": "false",
    "LANGSMITH_TRACING_V2": "false",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}


def telemetry_off() -> None:
    """Switch off the telemetry and tracing of the libraries the kit loads, in this process."""
    os.environ.update(TELEMETRY_OFF)


def host_of(url: str) -> str:
    if "://" not in url:
        url = "http://" + url
    host = urlsplit(url).hostname
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


def check_host(url: str, allow_remote: bool, what: str = "Ollama") -> None:
    """Refuse a non-loopback host before any connection is made, unless the person opted in."""
    if is_loopback(url) or allow_remote:
        return
    raise RemoteHostRefused(
        f"{what} host {host_of(url)} is not on this machine, so journal text would leave it — "
        "use a local host (http://127.0.0.1:11434) or set KIT_ALLOW_REMOTE=1 to allow it"
    )
