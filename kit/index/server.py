"""A Chroma server for the index: ``KIT_CHROMA_URL=http://127.0.0.1:8000`` (or ``reflect index --server URL``).

The vectors, texts and metadata of the entries then live in the server's collection instead of the embedded
store under KIT_HOME; the word index (kit.index.lexical), the write lock and the list of forgotten entries stay on
this machine. A server that is not on this machine is refused unless KIT_ALLOW_REMOTE=1, and then the person is
told, once per process, that their entries' text is stored there. Chroma's open-source server has no
authentication of its own: KIT_CHROMA_TOKEN is sent as ``Authorization: Bearer …`` for a reverse proxy that checks
it (README, "A Chroma server").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from kit.config import settings
from kit.egress import check_host, is_loopback, telemetry_off
from kit.errors import ConfigError, IndexServerUnavailable
from kit.imports import import_quickly

log = logging.getLogger("kit")

DEFAULT_PORT = 8000
EXAMPLE = "http://127.0.0.1:8000"
START = "chroma run --path DIR --host 127.0.0.1 --port 8000"
_told: set[str] = set()  # remote servers the person was told about in this process


@dataclass(frozen=True)
class ChromaServer:
    """Where a Chroma server is, read from a URL such as http://127.0.0.1:8000 or https://example.org/chroma."""

    url: str  # scheme://host:port/path, as the kit shows it
    host: str
    port: int
    ssl: bool
    path: str = ""  # a reverse proxy may serve Chroma under a path
    token: str = field(default="", repr=False)

    @property
    def local(self) -> bool:
        return is_loopback(self.url)

    @property
    def headers(self) -> dict[str, str]:
        """The headers sent with every request: the bearer token for a reverse proxy, when one is set."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}


def parse(url: str, token: str = "", source: str = "KIT_CHROMA_URL") -> ChromaServer:
    """A ChromaServer from a URL; ConfigError naming the form when it cannot be one."""
    text = url.strip()
    fix = f"{source}={text!r} is not a Chroma server URL — use the form {EXAMPLE}"
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise ConfigError(fix) from None
    if parts.scheme not in ("http", "https") or not host or parts.query or parts.fragment:
        raise ConfigError(fix)
    if parts.username or parts.password:
        raise ConfigError(
            f"{source} carries a user name or password — take them out of the URL and set KIT_CHROMA_TOKEN "
            "for the proxy in front of the server instead"
        )
    ssl = parts.scheme == "https"
    port = port or (443 if ssl else DEFAULT_PORT)
    path = parts.path.rstrip("/")
    shown = f"[{host}]" if ":" in host else host
    return ChromaServer(f"{parts.scheme}://{shown}:{port}{path}", host, port, ssl, path, token)


def configured(url: str | None = None) -> ChromaServer | None:
    """The server the index uses: ``url`` when given (``--server``), else KIT_CHROMA_URL; None: the embedded
    store."""
    current = settings()
    chosen = url if url is not None else current.chroma_url
    if not chosen or not chosen.strip():
        return None
    return parse(chosen, current.chroma_token, "--server" if url is not None else "KIT_CHROMA_URL")


def connect(server: ChromaServer) -> Any:
    """A chromadb HttpClient for the server, after the loopback guard; telemetry off, no embedding function."""
    check_host(server.url, settings().allow_remote, what="Chroma server", local=EXAMPLE)
    if not server.local and server.url not in _told:
        _told.add(server.url)
        clear = ""
        if not server.ssl:  # a remote server over plain http: anyone on the way can read what is sent
            sent = (
                "the text of your entries and KIT_CHROMA_TOKEN"
                if server.token
                else "the text of your entries"
            )
            clear = (
                f"; it is reached over plain http, so {sent} cross the network readable — serve it over https"
            )
        log.warning(
            "the index is kept on the Chroma server at %s, which is not on this machine: the text of your "
            "entries (not the private ones) is stored there, and `reflect forget` can remove an entry from its "
            "collection but cannot wipe that server's disks%s",
            server.url,
            clear,
        )
    telemetry_off()
    chromadb = import_quickly("chromadb")
    from chromadb.config import Settings as ChromaSettings

    try:
        with _not_proxied(server):
            return chromadb.HttpClient(
                # A full URL as the host keeps a reverse proxy's path; chromadb then takes the port from it.
                host=server.url,
                port=server.port,
                ssl=server.ssl,
                headers=dict(server.headers),
                settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
            )
    except Exception as exc:  # chromadb raises a bare Exception for an HTTP error page (a proxy saying no)
        down = _transport_error(exc)
        raise (unavailable(server, down) if down is not None else refused(server, exc)) from exc


@contextmanager
def _not_proxied(server: ChromaServer) -> Iterator[None]:
    """A loopback server named in NO_PROXY while chromadb builds its client: its HTTP session takes the
    environment's proxies when it is made and sends its first requests (who the user is, whether the tenant
    exists, the bearer token with them) at once. An HTTP_PROXY would carry those, and then every entry, off the
    machine (kit.egress.client_kwargs does the same for Ollama). A remote server the person allowed may need the
    proxy: nothing changes for it."""
    if not server.local:
        yield
        return
    names = ("NO_PROXY", "no_proxy")
    before = {name: os.environ.get(name) for name in names}
    for name in names:
        os.environ[name] = ",".join(part for part in (before[name], server.host) if part)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _transport_error(exc: BaseException | None) -> BaseException | None:
    """The connection failure behind an error, if any: chromadb turns one into a ValueError while connecting."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, httpx.TransportError):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def unavailable(server: ChromaServer, exc: Exception) -> IndexServerUnavailable:
    where = "on this machine" if server.local else "(set by KIT_CHROMA_URL)"
    return IndexServerUnavailable(
        f"the Chroma server at {server.url} {where} does not answer ({type(exc).__name__}) — start it with "
        f"`{START}`, or unset KIT_CHROMA_URL to keep the index on this machine"
    )


def refused(server: ChromaServer, exc: Exception) -> IndexServerUnavailable:
    said = " ".join(str(exc).split())[:120] or type(exc).__name__
    fix = (
        "check KIT_CHROMA_TOKEN (the token your proxy expects)"
        if server.token
        else "if a proxy guards it, set KIT_CHROMA_TOKEN to the token it expects"
    )
    return IndexServerUnavailable(f"the Chroma server at {server.url} refused the kit ({said}) — {fix}")


def describe(client: Any, server: ChromaServer) -> str:
    """One line for `reflect doctor`: reachable, its version, and whether it is on this machine."""
    version = client.get_version()
    where = "on this machine" if server.local else "NOT on this machine (KIT_ALLOW_REMOTE=1)"
    return f"{server.url}: reachable, server version {version}, {where}"
