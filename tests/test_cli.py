"""The `reflect` command, in-process and as a real process: output, --json, and one-line errors."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import assert_one_line_error, reflect_process

from kit.cli import main
from kit.journal.notebooks import append_entry, read_entries

SEARCH_KEYS = {
    "id",
    "text",
    "score",
    "created",
    "notebook",
    "path",
    "cell_id",
    "template",
    "field",
    "mood",
    "used_mood",
}


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_lists_daily_journal(capsys):
    code, out, err = _run(capsys, "templates")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert "daily-journal" in names
    code, out, _ = _run(capsys, "templates", "--json")
    assert code == 0
    listed = {t["name"]: t for t in json.loads(out)}
    assert set(listed["daily-journal"]) == {"name", "title", "description"}


def test_new_creates_dated_notebooks_with_fresh_ids(capsys, journal):
    today = date.today().isoformat()
    code, out, _ = _run(capsys, "new", "daily-journal")
    assert code == 0
    first = journal / f"{today}-daily-journal.ipynb"
    assert out.strip() == str(first)
    assert first.is_file()

    code, out, _ = _run(capsys, "new", "daily-journal")
    assert code == 0
    second = journal / f"{today}-daily-journal-2.ipynb"
    assert out.strip() == str(second)
    assert first.is_file() and second.is_file()

    a, b = read_entries(first), read_entries(second)
    assert a and len(a) == len(b)
    ids = [e.id for e in a + b]
    assert len(set(ids)) == len(ids)
    assert {e.template for e in a} == {"daily-journal"}
    # Created now, not when the template was written.
    assert {e.created.date().isoformat() for e in a} == {today}


def test_new_honours_journal_option(capsys, tmp_path):
    other = tmp_path / "elsewhere"
    code, out, _ = _run(capsys, "new", "daily-journal", "--journal", str(other))
    assert code == 0
    assert Path(out.strip()).parent == other.resolve()


def test_index_prints_counts(capsys, journal):
    append_entry(journal / "a.ipynb", "Went swimming after work.")
    append_entry(journal / "a.ipynb", "Private thought.", private=True)
    append_entry(journal / "b.ipynb", "Read a novel on the train.")
    code, out, _ = _run(capsys, "index")
    assert code == 0
    assert out.strip() == "2 entries in 2 notebooks: 2 new, 0 changed, 0 removed, 1 private skipped"
    code, out, _ = _run(capsys, "index")
    assert out.strip() == "2 entries in 2 notebooks: 0 new, 0 changed, 0 removed, 1 private skipped"
    code, out, _ = _run(capsys, "index", "--rebuild", "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["entries"], report["new"], report["private_skipped"], report["rebuilt"]) == (2, 2, 1, True)


def test_index_names_unreadable_notebook(capsys, journal):
    append_entry(journal / "ok.ipynb", "fine")
    (journal / "2024-03.ipynb").write_text("{broken", encoding="utf-8")
    code, out, err = _run(capsys, "index")
    assert code == 0
    assert out.strip().endswith("1 notebook unreadable: 2024-03.ipynb (not valid notebook JSON)")
    assert "2024-03.ipynb" in err  # the one-line warning


def test_search_json(capsys, journal):
    append_entry(journal / "a.ipynb", "Tomatoes and basil planted in the garden beds.", mood=7)
    append_entry(journal / "a.ipynb", "Presentation rehearsal for the board meeting.")
    code, out, err = _run(capsys, "search", "garden tomatoes", "--json", "-k", "2")
    assert code == 0
    hits = json.loads(out)
    assert isinstance(hits, list) and len(hits) == 2
    assert all(set(hit) == SEARCH_KEYS for hit in hits)
    top = hits[0]
    assert top["text"] == "Tomatoes and basil planted in the garden beds."
    assert top["notebook"] == "a.ipynb"
    assert top["path"] == str(journal.resolve() / "a.ipynb")
    assert top["mood"] == 7.0
    assert top["template"] == "journal" and top["field"] == "entry"
    assert isinstance(top["score"], float) and top["score"] > hits[1]["score"]
    assert top["created"][:4].isdigit()
    assert "index updated" in err  # search indexes what is new first


def test_search_text_output(capsys, journal):
    append_entry(journal / "a.ipynb", "Tomatoes and basil planted in the garden beds.")
    code, out, _ = _run(capsys, "search", "garden", "-k", "1")
    assert code == 0
    assert "a.ipynb" in out and "Tomatoes and basil" in out
    assert out.startswith("1. ")


def test_search_json_keeps_unicode(capsys, journal):
    append_entry(journal / "a.ipynb", "Café au lait \u05e9\u05dc\u05d5\u05dd \U0001f9d8")
    code, out, _ = _run(capsys, "search", "café", "--json")
    assert code == 0
    assert json.loads(out)[0]["text"] == "Café au lait \u05e9\u05dc\u05d5\u05dd \U0001f9d8"


def test_unknown_template_is_one_line_error(capsys):
    code, out, err = _run(capsys, "new", "no-such-template")
    assert_one_line_error(code, err, "no-such-template", "daily-journal")
    assert out == ""


def test_missing_journal_for_index(capsys, tmp_path):
    code, _, err = _run(capsys, "index", "--journal", str(tmp_path / "nowhere"))
    assert_one_line_error(code, err, "does not exist", "reflect new")


def test_missing_journal_from_env(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_JOURNAL", str(tmp_path / "nowhere"))
    code, _, err = _run(capsys, "index")
    assert_one_line_error(code, err, "nowhere")


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_bad_date_option(capsys, journal, option):
    append_entry(journal / "a.ipynb", "something")
    code, out, err = _run(capsys, "search", "something", option, "last-tuesday")
    assert code == 1
    assert "Traceback" not in err
    error_lines = [line for line in err.splitlines() if line.startswith("reflect: error:")]
    assert len(error_lines) == 1 and "YYYY-MM-DD" in error_lines[0]
    assert out == ""


def test_bad_date_option_on_indexed_journal_is_single_line(capsys, journal):
    append_entry(journal / "a.ipynb", "something")
    assert _run(capsys, "index")[0] == 0
    code, _, err = _run(capsys, "search", "something", "--since", "2024-13-45")
    assert_one_line_error(code, err, "YYYY-MM-DD")


def test_bogus_embedder(capsys, journal, monkeypatch):
    append_entry(journal / "a.ipynb", "something")
    monkeypatch.setenv("KIT_EMBED", "bogus")
    code, _, err = _run(capsys, "index")
    assert_one_line_error(code, err, "KIT_EMBED='bogus'")


def test_bad_allow_remote_flag(capsys, journal, monkeypatch):
    monkeypatch.setenv("KIT_ALLOW_REMOTE", "maybe")
    code, _, err = _run(capsys, "index")
    assert_one_line_error(code, err, "KIT_ALLOW_REMOTE", "1 or 0")


def test_embedder_switch_names_rebuild(capsys, journal, monkeypatch):
    append_entry(journal / "a.ipynb", "something")
    assert _run(capsys, "index")[0] == 0
    monkeypatch.setenv("KIT_EMBED", "ollama:nomic-embed-text")
    code, _, err = _run(capsys, "index")
    assert_one_line_error(code, err, "reflect index --rebuild")


def test_usage_error_is_one_line_and_exit_1(capsys):
    code, _, err = _run(capsys, "no-such-command")
    assert_one_line_error(code, err, "no-such-command", "reflect --help")


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return reflect_process(*args, timeout=60, **env)


def test_process_exit_code_and_no_traceback(tmp_path):
    result = _cli("index", "--journal", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("reflect: error:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_process_bad_env_and_success(journal):
    result = _cli("new", "daily-journal", KIT_ALLOW_REMOTE="maybe")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("reflect: error: KIT_ALLOW_REMOTE")
    result = _cli("templates")
    assert result.returncode == 0, result.stderr
    assert "daily-journal" in result.stdout


def _scripted(monkeypatch, *replies: str):
    import kit.egress
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry
    from kit.testing import FakeChatModel

    fake = FakeChatModel(replies=list(replies))
    monkeypatch.setitem(
        kit.models.registry.BACKENDS.factories,
        "fake",
        lambda arg: kit.models.registry.Backend(fake, "fake", "fake", "test"),
    )
    return fake


def test_summarize_json_has_text_citations_provenance_and_digest(
    capsys, journal, monkeypatch, topical_journal
):
    _scripted(monkeypatch, "You wrote about the garden beds [E1]. What stands out to you?")
    code, out, _ = _run(capsys, "summarize", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["ai_written"] and "garden beds" in data["text"]
    assert data["citations"][0]["handle"] == "E1" and data["citations"][0]["entry_id"]
    assert {"model", "backend", "prompt_id", "retrieved_ids", "seed"} <= set(data["provenance"])
    assert data["digest"]["entries"] == 11 and len(data["digest"]["themes"]) == 3
    assert data["saved"] is None


def test_summarize_save_writes_the_notebook_and_says_where(capsys, journal, monkeypatch, topical_journal):
    _scripted(monkeypatch, "You wrote about the garden beds [E1]. What stands out to you?")
    code, out, err = _run(capsys, "summarize", "--since", "2026-03-01", "--save", "reflections.ipynb")
    assert code == 0 and "AI-written" in out
    assert (journal / "reflections.ipynb").exists() and "Saved in" in err
    _run(capsys, "summarize", "--since", "2026-03-01", "--save", "reflections.ipynb")
    text = (journal / "reflections.ipynb").read_text()
    assert text.count('"kit-reflection"') == 1


def test_ask_falls_back_to_entries_when_the_model_invents(capsys, journal, monkeypatch, topical_journal):
    fake = _scripted(monkeypatch, "Your landlord Mr Grimshaw never answered [E1]. What next?")
    code, out, _ = _run(capsys, "ask", "what about the landlord and the boiler?")
    assert code == 0 and len(fake.prompts) == 2
    assert "Grimshaw" not in out and "withheld" in out and "landlord" in out.lower()


def test_ask_empty_question_is_one_line_error(capsys, journal):
    code, _, err = _run(capsys, "ask", "  ")
    assert_one_line_error(code, err, "question is empty")


def test_summarize_bad_date_is_one_line_error(capsys, journal):
    code, _, err = _run(capsys, "summarize", "--since", "last tuesday")
    assert_one_line_error(code, err)


def test_add_writes_an_entry_and_private_stays_out_of_the_index(capsys, journal):
    code, out, _ = _run(capsys, "add", "Walked by the canal at dusk.", "--mood", "6")
    assert code == 0 and "Added entry" in out
    code, out, _ = _run(capsys, "add", "A secret I keep for myself.", "--private")
    assert code == 0 and "private" in out
    [path] = journal.glob("*-journal.ipynb")
    entries = read_entries(path, journal)
    assert [e.text for e in entries] == ["Walked by the canal at dusk.", "A secret I keep for myself."]
    assert entries[0].mood == 6.0 and entries[1].private
    code, out, _ = _run(capsys, "search", "secret canal", "--json")
    assert [h["text"] for h in json.loads(out)] == ["Walked by the canal at dusk."]


def test_add_empty_is_one_line_error(capsys, journal):
    code, _, err = _run(capsys, "add", "   ")
    assert_one_line_error(code, err, "entry is empty")


def test_a_reader_that_stops_early_is_no_error():
    """`reflect activities | head -1`: the pipe closes early; the command ends quietly with exit 0."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "KIT_EMBED": "fake", "KIT_MODEL": "fake"}
    env.pop("KIT_DEBUG", None)
    reader, writer = os.pipe()
    with subprocess.Popen(
        [sys.executable, "-m", "kit.cli", "activities"], stdout=writer, stderr=subprocess.PIPE, env=env
    ) as process:
        os.close(writer)
        os.close(reader)  # the reader has gone before the command prints a line
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0 and b"Traceback" not in err and b"error" not in err, err
