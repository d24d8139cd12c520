"""The index on a Chroma server (KIT_CHROMA_URL): the loopback guard, the bearer token for a reverse proxy,
forget on the server, and a collection handle that outlives another process rewriting the collection.

The server is the real one `chroma run` starts (conftest's session fixture); the proxy is a small HTTP server in
this process that forwards to it and records what it was sent.
"""

from __future__ import annotations

import http.client
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import assert_one_line_error, reflect_process

from kit.cli import main
from kit.errors import ConfigError, IndexServerUnavailable, RemoteHostRefused
from kit.index import server as chroma_server
from kit.index.search import search
from kit.index.store import Index
from kit.testing import FakeEmbeddings

SECRET = "Nobody may know: CANARY-5d1e-quokka under the stairs."
OTHERS = ["Planted basil in the garden beds.", "Choir rehearsal went long tonight."]


def _index(journal: Any, **kwargs: Any) -> Index:
    return Index(journal=journal, embedder=FakeEmbeddings(), **kwargs)


def _direct(url: str) -> Any:
    """A client of the test's own, straight to the server, to see what the server holds."""
    import chromadb
    from chromadb.config import Settings

    parts = urlsplit(url)
    return chromadb.HttpClient(
        host=parts.hostname, port=parts.port, settings=Settings(anonymized_telemetry=False)
    )


class _Proxy(ThreadingHTTPServer):
    """A reverse proxy in front of the Chroma server: it records each request's headers and, with a token,
    answers 401 to requests that do not carry it (what the README's proxy set-up does)."""

    daemon_threads = True

    def __init__(self, host: str, upstream: str, token: str = "") -> None:
        super().__init__((host, 0), _Forward)
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname, parts.port)
        self.token = token
        self.seen: list[dict[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"


class _Forward(BaseHTTPRequestHandler):
    server: _Proxy

    def _forward(self) -> None:
        self.server.seen.append({k.lower(): v for k, v in self.headers.items()})
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        if self.server.token and self.headers.get("Authorization") != f"Bearer {self.server.token}":
            self._reply(401, [("Content-Type", "application/json")], b'{"error": "Unauthorized"}')
            return
        conn = http.client.HTTPConnection(*self.server.upstream, timeout=60)
        try:
            headers = {
                k: v
                for k, v in self.headers.items()
                if k.lower() not in ("host", "connection", "authorization")
            }
            conn.request(self.command, self.path, body=body, headers=headers)
            response = conn.getresponse()
            self._reply(response.status, response.getheaders(), response.read())
        finally:
            conn.close()

    def _reply(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            if key.lower() not in ("transfer-encoding", "connection", "content-length", "date", "server"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

    def log_message(self, *args: Any) -> None:  # quiet
        pass


def _serve(proxy: _Proxy) -> Iterator[_Proxy]:
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.shutdown()
        proxy.server_close()


def _this_machines_other_address() -> str | None:
    """An address of this machine that is not loopback (the one a route out would use), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: connecting a UDP socket only picks the route
        except OSError:
            return None
        address = s.getsockname()[0]
    return None if address.startswith("127.") else address


@pytest.fixture
def server_url(socket_enabled: Any, chroma_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KIT_CHROMA_URL", chroma_server)
    return chroma_server


@pytest.fixture
def entries(make_notebook: Any) -> dict[str, Any]:
    _, others = make_notebook("a.ipynb", OTHERS)
    _, (secret, private) = make_notebook("b.ipynb", [SECRET, {"text": "My private worry.", "private": True}])
    return {"others": others, "secret": secret, "private": private}


# ------------------------------------------------------------------------------------ the loopback guard


def test_a_server_off_this_machine_is_refused_without_the_opt_in(monkeypatch, journal, entries):
    monkeypatch.setenv("KIT_CHROMA_URL", "http://203.0.113.9:8000")
    # pytest-socket is on: a connection attempt would fail differently; the refusal comes before any.
    with pytest.raises(RemoteHostRefused) as refused:
        _index(journal).update(progress=False)
    message = str(refused.value)
    assert "203.0.113.9" in message and "KIT_ALLOW_REMOTE=1" in message and "http://127.0.0.1:8000" in message


def test_the_refusal_is_one_line_in_the_cli(capsys, monkeypatch, journal, entries):
    assert main(["index", "--server", "https://chroma.example.org"]) == 1
    assert_one_line_error(1, capsys.readouterr().err, "chroma.example.org", "KIT_ALLOW_REMOTE=1")
    monkeypatch.setenv("KIT_CHROMA_URL", "http://[2001:db8::5]:8000")
    assert main(["search", "garden"]) == 1
    assert_one_line_error(1, capsys.readouterr().err, "2001:db8::5", "KIT_ALLOW_REMOTE=1")


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("ftp://127.0.0.1:8000", "use the form http://127.0.0.1:8000"),
        ("http://127.0.0.1:notaport", "use the form http://127.0.0.1:8000"),
        ("http://me:pw@127.0.0.1:8000", "KIT_CHROMA_TOKEN"),
    ],
)
def test_a_url_that_is_not_a_server_is_a_config_error(monkeypatch, url, fragment):
    monkeypatch.setenv("KIT_CHROMA_URL", url)
    with pytest.raises(ConfigError, match=fragment):
        Index()


def test_a_token_sent_over_plain_http_to_another_machine_is_said(monkeypatch, caplog):
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "1")
    monkeypatch.setattr(chroma_server, "_told", set())
    refused = RuntimeError("not reached")

    def no_client(**kwargs: Any) -> Any:
        raise refused

    import chromadb

    monkeypatch.setattr(chromadb, "HttpClient", no_client)
    for url, clear in (("http://192.0.2.10:8000", True), ("https://192.0.2.11/chroma", False)):
        with caplog.at_level(logging.WARNING, logger="kit"), pytest.raises(IndexServerUnavailable):
            chroma_server.connect(chroma_server.parse(url, token="t0k"))
        told = [r.getMessage() for r in caplog.records if "not on this machine" in r.getMessage()]
        assert len(told) == 1 and "t0k" not in told[0]
        assert ("plain http" in told[0] and "KIT_CHROMA_TOKEN" in told[0]) is clear
        caplog.clear()


def test_urls_are_read_as_chroma_reads_them():
    assert chroma_server.parse("127.0.0.1").url == "http://127.0.0.1:8000"
    found = chroma_server.parse("https://example.org/chroma/", token="t0k")
    assert (found.url, found.port, found.ssl, found.path) == (
        "https://example.org:443/chroma",
        443,
        True,
        "/chroma",
    )
    assert found.headers == {"Authorization": "Bearer t0k"}
    assert "t0k" not in repr(found)
    assert chroma_server.parse("http://[::1]:9000").local


def test_a_server_that_does_not_answer_names_the_start_command(socket_enabled, monkeypatch, journal, entries):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once the socket is closed
    monkeypatch.setenv("KIT_CHROMA_URL", f"http://127.0.0.1:{port}")
    with pytest.raises(IndexServerUnavailable, match="chroma run --path"):
        _index(journal).update(progress=False)


@pytest.fixture
def remote_proxy(socket_enabled: Any, chroma_server: str) -> Iterator[_Proxy]:
    address = _this_machines_other_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    yield from _serve(_Proxy(address, chroma_server))


def test_with_the_opt_in_a_remote_server_is_used_and_the_person_told(
    caplog, monkeypatch, journal, entries, remote_proxy, chroma_server
):
    monkeypatch.setenv("KIT_CHROMA_URL", remote_proxy.url)
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "1")
    with caplog.at_level(logging.WARNING, logger="kit"):
        report = _index(journal).update(progress=False)
    assert report.new == 3 and report.private_skipped == 1
    told = [r.getMessage() for r in caplog.records if remote_proxy.url in r.getMessage()]
    assert len(told) == 1
    assert (
        "not on this machine" in told[0] and "text of your entries" in told[0] and "stored there" in told[0]
    )
    # Plain http to another machine: said, with the token when one is sent.
    assert "plain http" in told[0] and "https" in told[0] and "KIT_CHROMA_TOKEN" not in told[0]
    assert remote_proxy.seen  # the requests went to the address that is not loopback
    # The entries are on the server behind it, the private one is not.
    held = _direct(chroma_server).get_collection(_index(journal).collection_name).get(include=["documents"])
    assert sorted(held["documents"]) == sorted([*OTHERS, SECRET])
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kit"):
        _index(journal).update(progress=False)
    assert not [r for r in caplog.records if remote_proxy.url in r.getMessage()]  # told once per process


@pytest.fixture
def forward_proxy(socket_enabled: Any, chroma_server: str) -> Iterator[_Proxy]:
    yield from _serve(_Proxy("127.0.0.1", chroma_server))


def test_a_proxy_in_the_environment_never_sees_a_loopback_servers_requests(
    monkeypatch, journal, entries, chroma_server, forward_proxy
):
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, forward_proxy.url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KIT_CHROMA_URL", chroma_server)
    monkeypatch.setenv("KIT_CHROMA_TOKEN", "t0k-for-a-proxy-on-loopback")
    import kit.index.store

    monkeypatch.setattr(kit.index.store, "_SERVER_CLIENTS", {})  # a client built now, with the proxy set
    monkeypatch.setattr(kit.index.store, "_HANDLES", {})
    report = _index(journal).update(progress=False)
    assert report.new == 3
    assert [h.text for h in search("basil garden", k=1, index=_index(journal))] == [OTHERS[0]]
    assert forward_proxy.seen == []  # not the client's first requests, not the token, not an entry


# ------------------------------------------------------------------------------------ a token for a proxy


@pytest.fixture
def guarded(socket_enabled: Any, chroma_server: str) -> Iterator[_Proxy]:
    yield from _serve(_Proxy("127.0.0.1", chroma_server, token="s3cret-token"))


def test_the_token_reaches_the_server_through_the_proxy(monkeypatch, journal, entries, guarded):
    monkeypatch.setenv("KIT_CHROMA_URL", guarded.url)
    monkeypatch.setenv("KIT_CHROMA_TOKEN", "s3cret-token")
    report = _index(journal).update(progress=False)
    assert report.new == 3
    assert [h.text for h in search("basil garden", k=1, index=_index(journal))] == [OTHERS[0]]
    assert len(guarded.seen) > 3
    assert all(h.get("authorization") == "Bearer s3cret-token" for h in guarded.seen)


def test_without_the_token_the_proxy_says_no_and_the_error_names_the_token(
    capsys, monkeypatch, journal, entries, guarded
):
    monkeypatch.setenv("KIT_CHROMA_URL", guarded.url)
    assert main(["index"]) == 1
    assert_one_line_error(1, capsys.readouterr().err, guarded.url, "refused", "KIT_CHROMA_TOKEN")
    assert guarded.seen and all("authorization" not in h for h in guarded.seen)


# ------------------------------------------------------------------------------------ forget and handles


def test_forget_removes_the_entry_from_the_servers_collection(capsys, journal, entries, server_url):
    secret = entries["secret"]
    _index(journal).update(progress=False)
    collection = _index(journal).collection_name
    assert secret.id in _direct(server_url).get_collection(collection).get(include=[])["ids"]

    assert main(["forget", secret.id]) == 0
    assert "out of the kit's reach" in capsys.readouterr().out

    held = _direct(server_url).get_collection(collection)
    got = held.get(include=["documents"])
    assert secret.id not in got["ids"] and sorted(got["documents"]) == sorted(OTHERS)
    assert held.get(ids=[secret.id])["ids"] == []
    near = held.query(query_embeddings=FakeEmbeddings().embed_documents([SECRET]), n_results=5)
    assert secret.id not in near["ids"][0]
    assert "CANARY" not in str(held.get(where_document={"$contains": "CANARY"}, include=["documents"]))


@pytest.mark.usefixtures("store")
def test_a_handle_outlives_another_process_rewriting_the_collection(journal, entries):
    index = _index(journal)
    index.update(progress=False)
    assert SECRET in [h.text for h in search("quokka stairs canary", k=3, index=index)]
    done = reflect_process("forget", entries["secret"].id)  # rewrites the collection under a new id
    assert done.returncode == 0, done.stderr
    again = [h.text for h in search("quokka stairs canary", k=3, index=index)]
    assert SECRET not in again and sorted(again) == sorted(OTHERS)
    assert entries["secret"].id not in index.ids()


def test_one_collection_handle_per_process(journal, entries, server_url):
    from chromadb.api.client import Client

    _index(journal).update(progress=False)
    opened: list[str] = []
    real = Client.get_collection

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(args[0] if args else kwargs.get("name"))
        return real(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Client, "get_collection", counting)
        for query in ("basil", "choir", "stairs"):
            assert len(search(query, k=2, journal=journal, embedder=FakeEmbeddings())) == 2
    assert opened == []  # the handle from the update is reused by every search, through new Index objects


def test_reflect_index_server_is_a_one_off(capsys, journal, entries, socket_enabled, chroma_server):
    assert main(["index", "--server", chroma_server, "--json"]) == 0
    name = _index(journal).collection_name
    assert len(_direct(chroma_server).get_collection(name).get(include=[])["ids"]) == 3
    # Without --server (and without KIT_CHROMA_URL) the index on this machine is a separate one, not built yet.
    assert _index(journal).server is None and _index(journal).count() == 0


def test_doctor_names_the_server(server_url, journal, entries):
    from kit.doctor import doctor

    _index(journal).update(progress=False)
    checks = {c.name: c for c in doctor().checks}
    line = checks["Chroma server"]
    assert line.ok and server_url in line.detail and "reachable" in line.detail
    assert "server version" in line.detail and "on this machine" in line.detail
    assert "3 entries" in checks["index"].detail and "word index is on this machine" in checks["index"].detail
