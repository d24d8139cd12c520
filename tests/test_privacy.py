"""The egress guard: journal text goes to loopback hosts only, unless the person opts in."""

from __future__ import annotations

import pytest

from kit.egress import check_host, is_loopback
from kit.errors import ConfigError, RemoteHostRefused
from kit.models.embedders import OllamaEmbedder, get_embedder

REMOTE = [
    "http://10.0.0.5:11434",
    "http://example.com",
    "https://ollama.example.com:443/",
    "http://192.168.1.10:11434",
    "http://0.0.0.0:11434",
    "http://[2001:db8::1]:11434",
    "http://127.0.0.1.nip.io:11434",
    "http://localhost.example.com",
    "10.0.0.5:11434",
]
LOCAL = [
    "http://127.0.0.1:11434",
    "http://127.5.5.5:11434",
    "http://localhost:11434",
    "http://LOCALHOST:11434",
    "http://[::1]:11434",
    "127.0.0.1:11434",
    "localhost",
]


@pytest.mark.parametrize("url", REMOTE)
def test_non_loopback_is_refused(url):
    assert not is_loopback(url)
    with pytest.raises(RemoteHostRefused, match="KIT_ALLOW_REMOTE=1") as excinfo:
        check_host(url, allow_remote=False)
    assert "not on this machine" in str(excinfo.value)


def test_refusal_names_the_host():
    with pytest.raises(RemoteHostRefused, match="10.0.0.5"):
        check_host("http://10.0.0.5:11434", allow_remote=False)


@pytest.mark.parametrize("url", LOCAL)
def test_loopback_is_allowed(url):
    assert is_loopback(url)
    check_host(url, allow_remote=False)


@pytest.mark.parametrize("url", REMOTE)
def test_remote_allowed_when_opted_in(url):
    check_host(url, allow_remote=True)


@pytest.mark.parametrize("url", ["http://", "", "http://:11434"])
def test_url_without_host_is_a_config_error(url):
    with pytest.raises(ConfigError, match="http://127.0.0.1:11434"):
        check_host(url, allow_remote=False)


@pytest.mark.parametrize("variable", ["KIT_OLLAMA_HOST", "OLLAMA_HOST"])
def test_remote_ollama_embedder_refused_before_connecting(monkeypatch, variable):
    monkeypatch.setenv(variable, "http://192.168.1.10:11434")
    # Sockets are disabled in unit tests: a connection attempt would raise SocketBlockedError instead.
    with pytest.raises(RemoteHostRefused, match="KIT_ALLOW_REMOTE=1"):
        get_embedder("ollama:nomic-embed-text")


def test_remote_ollama_embedder_refused_via_kit_embed(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://192.168.1.10:11434")
    monkeypatch.setenv("KIT_EMBED", "ollama:nomic-embed-text")
    with pytest.raises(RemoteHostRefused):
        get_embedder()


def test_kit_ollama_host_wins_over_ollama_host(monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", "http://127.0.0.1:11434")
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://10.1.2.3:11434")
    with pytest.raises(RemoteHostRefused, match="10.1.2.3"):
        get_embedder("ollama:nomic-embed-text")


def test_remote_ollama_embedder_allowed_with_opt_in(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://192.168.1.10:11434/")
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "1")
    embedder = get_embedder("ollama:nomic-embed-text")
    assert isinstance(embedder, OllamaEmbedder)
    assert embedder.base_url == "http://192.168.1.10:11434"
    assert embedder.kit_name == "ollama:nomic-embed-text"


def test_explicit_base_url_is_checked_too():
    with pytest.raises(RemoteHostRefused):
        OllamaEmbedder("nomic-embed-text", base_url="http://example.com:11434")
    with pytest.raises(RemoteHostRefused):
        OllamaEmbedder("nomic-embed-text", base_url="http://example.com:11434", allow_remote=False)
    assert OllamaEmbedder("nomic-embed-text", base_url="http://example.com", allow_remote=True).base_url


@pytest.mark.parametrize("value", ["maybe", "2", "yes please"])
def test_unclear_allow_remote_is_a_config_error(monkeypatch, value):
    monkeypatch.setenv("KIT_ALLOW_REMOTE", value)
    with pytest.raises(ConfigError, match="KIT_ALLOW_REMOTE"):
        get_embedder("ollama:nomic-embed-text")


def test_get_embedder_switches_telemetry_off():
    import os

    get_embedder("fake")
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["LANGSMITH_TRACING"] == "false"


def test_lab_opens_on_the_journal_with_the_privacy_settings(tmp_path):
    from kit.lab import SERVER_ARGS, lab_args

    args = lab_args(tmp_path, [])
    assert args[: len(SERVER_ARGS)] == SERVER_ARGS and f"--ServerApp.root_dir={tmp_path}" in args
    assert "--ServerApp.ip=127.0.0.1" in args and "--LabApp.news_url=None" in args
    own = lab_args(tmp_path, ["--ServerApp.root_dir=/elsewhere"])
    assert [a for a in own if "root_dir" in a] == ["--ServerApp.root_dir=/elsewhere"]


def test_lab_starts_as_root_with_allow_root_and_says_so(tmp_path, monkeypatch, capsys):
    import os
    import sys

    import kit.lab

    assert "--allow-root" not in kit.lab.lab_args(tmp_path, [])
    assert kit.lab.lab_args(tmp_path, [], root=True).count("--allow-root") == 1
    assert kit.lab.lab_args(tmp_path, ["--allow-root"], root=True).count("--allow-root") == 1

    started: list[list[str]] = []
    monkeypatch.setattr(kit.lab, "write_overrides", lambda: None)
    monkeypatch.setattr(os, "execv", lambda path, args: started.append(args))
    for uid in (0, 1000):
        monkeypatch.setattr(os, "geteuid", lambda uid=uid: uid, raising=False)
        kit.lab.main([])
        note = capsys.readouterr().err
        if uid == 0:
            assert "--allow-root" in started[-1] and note.strip() == kit.lab.ROOT_NOTE
        else:
            assert "--allow-root" not in started[-1] and note == ""
    assert started[-1][:4] == [sys.executable, "-m", "jupyter", "lab"]
