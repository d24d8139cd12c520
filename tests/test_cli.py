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
    "matched_words",
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
    assert out.startswith("1. ") and "Journal" in out and "Tomatoes and basil" in out
    # a person reads the day, the worksheet and their words; scores, files and cell ids only with --verbose
    assert not any(word in out for word in ("score", "a.ipynb", "cell", "id "))
    code, out, _ = _run(capsys, "search", "garden", "-k", "1", "--verbose")
    assert code == 0 and "score " in out and "a.ipynb" in out and "cell " in out


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


@pytest.mark.usefixtures("store")
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


def test_add_writes_into_todays_daily_journal_made_by_new(capsys, journal):
    today = date.today().isoformat()
    (journal / "2020-01-01-daily-journal.ipynb").write_text(
        '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'
    )  # another day's worksheet is never written
    code, out, _ = _run(capsys, "new", "daily-journal")
    made = Path(out.strip())
    before = len(read_entries(made, journal))
    code, out, _ = _run(capsys, "add", "Walked by the canal at dusk.")
    assert code == 0 and str(made) in out
    assert sorted(p.name for p in journal.glob("*.ipynb")) == [
        "2020-01-01-daily-journal.ipynb",
        f"{today}-daily-journal.ipynb",
    ]
    entries = read_entries(made, journal)
    assert len(entries) == before + 1 and entries[-1].text == "Walked by the canal at dusk."
    assert read_entries(journal / "2020-01-01-daily-journal.ipynb", journal) == []


def test_add_without_a_worksheet_today_starts_one_journal_notebook_for_the_day(capsys, journal):
    for text in ("First thing.", "Second thing."):
        assert _run(capsys, "add", text)[0] == 0
    [path] = journal.glob("*.ipynb")
    assert path.name == f"{date.today().isoformat()}-journal.ipynb"
    assert [e.text for e in read_entries(path, journal)] == ["First thing.", "Second thing."]


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


# ---------------------------------------------------------------- dates in the words


@pytest.fixture
def embedded_queries(monkeypatch) -> list[str]:
    """Every text the fake embedder is asked to embed as a query."""
    from kit.testing import FakeEmbeddings

    seen: list[str] = []
    real = FakeEmbeddings.embed_query
    monkeypatch.setattr(
        FakeEmbeddings, "embed_query", lambda self, text: seen.append(text) or real(self, text)
    )
    return seen


@pytest.fixture
def sister(journal):
    from datetime import datetime

    for text, day in (
        ("Walked with my sister by the canal, she is moving in spring.", datetime(2026, 3, 5, 20)),
        ("My sister called about the canal boat trip.", datetime(2026, 1, 5, 20)),
    ):
        append_entry(journal / "a.ipynb", text, created=day.astimezone(), journal=journal)


def test_search_reads_the_dates_in_the_query_and_says_what_it_understood(capsys, sister, embedded_queries):
    code, out, _ = _run(capsys, "search", "my sister in March", "--today", "2026-04-02")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Reading “in March” as entries from 1–31 March 2026."
    assert lines[1].startswith("1. 5 Mar · ") and "Walked with my sister" in out
    assert "boat trip" not in out  # January: outside the period
    assert embedded_queries == ["my sister"]  # the date words never reach the embedder


def test_search_a_month_asked_before_it_comes_round_again_is_last_years(capsys, sister):
    code, out, _ = _run(capsys, "search", "my sister in March", "--today", "2027-02-01")
    assert code == 0 and out.splitlines()[0] == "Reading “in March” as entries from 1–31 March 2026."
    code, out, _ = _run(capsys, "search", "my sister in March", "--today", "2026-02-01")
    assert code == 0 and "entries from 1–31 March 2025" in out
    assert "No entries found. Try other words, or widen those dates." in out


def test_search_json_stays_a_list_and_says_what_it_understood_on_stderr(capsys, sister):
    code, out, err = _run(capsys, "search", "my sister since February", "--json", "--today", "2026-04-02")
    assert code == 0
    assert [h["text"][:6] for h in json.loads(out)] == ["Walked"]
    assert "reflect: Reading “since February” as entries from 1 February to 2 April 2026." in err


def test_search_given_dates_win_over_the_words_and_it_says_so(capsys, sister, embedded_queries):
    code, out, _ = _run(
        capsys, "search", "my sister in March", "--since", "2026-01-01", "--today", "2026-04-02"
    )
    assert code == 0
    assert out.splitlines()[0] == (
        "The dates from --since/--until win over “in March”: entries from 1 January 2026 on."
    )
    assert "Walked with my sister" in out and "boat trip" in out
    assert embedded_queries == ["my sister"]


def test_search_of_nothing_but_dates_lists_that_period(capsys, sister):
    code, out, _ = _run(capsys, "search", "last week", "--today", "2026-01-12")
    assert code == 0 and "entries from 5–11 January 2026" in out
    assert "boat trip" in out and "Walked" not in out


def test_words_that_are_not_dates_are_searched_as_words(capsys, sister, embedded_queries):
    code, out, _ = _run(capsys, "search", "may I see my sister", "--today", "2026-04-02")
    assert code == 0 and out.startswith("1. ") and "boat trip" in out and "Walked" in out
    assert embedded_queries == ["may I see my sister"]


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (("search", "my sister on 31 February"), ("“31 February” is not a day in the calendar",)),
        (("search", "my sister between 2026 and 2025"), ("ends before it starts",)),
        (("search", "my sister", "--today", "tomorrow"), ("'tomorrow' is not a date", "YYYY-MM-DD")),
        (("ask", "my sister in 2027?", "--today", "2026-04-02"), ("“in 2027” is after today",)),
        (("summarize", "--query", "since 2030"), ("“since 2030” is after today",)),
    ],
)
def test_dates_that_make_no_period_are_one_line_errors(capsys, journal, argv, fragments):
    code, out, err = _run(capsys, *argv)
    assert_one_line_error(code, err, *fragments)
    assert out == ""


def test_ask_reads_the_dates_in_the_question(capsys, journal, monkeypatch, topical_journal, embedded_queries):
    fake = _scripted(
        monkeypatch, "You argued with the landlord about the deposit [E1]. What would you want next?"
    )
    question = "what happened with the landlord in March 2026?"
    code, out, _ = _run(capsys, "ask", question, "--today", "2026-04-02")
    assert code == 0
    assert out.startswith("Reading “in March 2026” as entries from 1–31 March 2026.\n\n")
    assert "AI-written" in out
    assert set(embedded_queries) == {"what happened with the landlord?"}
    assert question in "\n".join(str(m.content) for m in fake.prompts[0])
    code, out, _ = _run(capsys, "ask", question, "--today", "2026-04-02", "--json")
    data = json.loads(out)
    assert data["understood"]["query"] == "what happened with the landlord?"
    assert (data["understood"]["since"], data["understood"]["until"]) == ("2026-03-01", "2026-03-31")
    assert data["provenance"]["request"]["since"] == "2026-03-01"


def test_ask_without_dates_prints_no_reading_and_json_understood_is_null(
    capsys, journal, monkeypatch, topical_journal
):
    _scripted(monkeypatch, "You argued with the landlord about the deposit [E1]. What would you want next?")
    code, out, _ = _run(capsys, "ask", "what happened with the landlord?", "--json")
    assert code == 0 and json.loads(out)["understood"] is None
    code, out, _ = _run(capsys, "ask", "what happened with the landlord?")
    assert code == 0 and "Reading" not in out


def test_summarize_query_of_only_dates_summarises_the_period(capsys, journal, monkeypatch, topical_journal):
    _scripted(monkeypatch, "You wrote about the garden beds [E1]. What stands out to you?")
    code, out, _ = _run(
        capsys, "summarize", "--query", "garden since 5 March 2026", "--json", "--today", "2026-04-02"
    )
    data = json.loads(out)
    request = data["provenance"]["request"]
    assert (request["query"], request["since"], request["until"]) == ("garden", "2026-03-05", "2026-04-02")
    code, out, _ = _run(capsys, "summarize", "--query", "in March 2026", "--json", "--today", "2026-04-02")
    data = json.loads(out)
    assert data["provenance"]["request"]["query"] is None and data["digest"]["entries"] == 11
    assert data["understood"]["said"] == "Reading “in March 2026” as entries from 1–31 March 2026."


def test_search_of_question_words_and_dates_lists_that_period_and_says_so(capsys, sister, embedded_queries):
    code, out, _ = _run(capsys, "search", "what did I write last week?", "--today", "2026-03-09")
    assert code == 0
    assert out.splitlines()[0] == "Reading “last week” as entries from 2–8 March 2026."
    assert "Walked with my sister" in out and "boat trip" not in out
    assert out.splitlines()[-1] == (
        "“what did I write?” names no topic, so these are entries from 2–8 March 2026, newest first."
    )
    assert embedded_queries == ["what did I write?"]  # for the score only: the period decides
