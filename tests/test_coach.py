"""Coach modes leave the work to the person, and no flow reaches a model with a crisis text."""

from __future__ import annotations

import pytest

from kit.cli import main
from kit.models.checks import check_output, does_the_work, only_questions
from kit.reflection.reflect import ask, summarize
from kit.testing import FakeChatModel

QUESTIONS = (
    "A thought record helps you look at one thought closely.\n"
    "What went through your mind just before the argument with the landlord?\n"
    "How strongly did you believe it then?"
)
FILLED = [
    "Balanced thought: the landlord is slow, but he did reply about the boiler.",
    "Evidence against: he replied about the boiler repair.",
    "Your balanced thought could be that the landlord replied. What do you think?",
    "Here is a balanced thought you might use. What do you make of it?",
    "You could write that the engineer comes on the day he said. What would you add?",
    "This is catastrophising. What else could be true?",
    "You're right that the landlord is ignoring you. How does that feel?",
    "I'd rate your belief at 40. What would you rate it?",
]


class NeverCall(FakeChatModel):
    """A chat model that fails the test if any flow calls it."""

    def _generate(self, *args, **kwargs):
        raise AssertionError("a model was called on a crisis text")


@pytest.mark.parametrize("text", FILLED)
def test_doing_the_persons_work_is_caught(text):
    assert does_the_work(text) or only_questions(text)


def test_questions_are_not_mistaken_for_doing_the_work():
    assert does_the_work(QUESTIONS) == [] and only_questions(QUESTIONS) == []
    assert does_the_work("You wrote that the evidence felt thin [E1]. What would you add?") == []


def test_questions_mode_allows_one_explaining_sentence_and_open_questions_only():
    assert only_questions("What matters here?\nHow did it go?") == []
    assert "says more than questions" in only_questions("It went well. You were brave. What next?")
    assert only_questions("Did it help?") == ["asks a yes/no question, not an open one"]
    assert check_output(
        QUESTIONS, {"E1": "the landlord argument"}, require_citation=False, mode="questions"
    ).ok


@pytest.mark.parametrize("bad", FILLED)
def test_a_coach_that_fills_the_worksheet_is_refused(topical_journal, bad):
    index, _ = topical_journal
    fake = FakeChatModel(replies=[bad])
    result = ask("the landlord and the boiler", model=fake, index=index, mode="questions")
    assert len(fake.prompts) == 2 and not result.ai_written
    assert bad not in result.text and "withheld" in result.text


def test_questions_mode_shows_checked_questions(topical_journal):
    index, _ = topical_journal
    fake = FakeChatModel(replies=[QUESTIONS])
    result = ask("the landlord and the boiler", model=fake, index=index, mode="questions")
    assert result.ai_written and QUESTIONS in result.text and result.provenance.prompt_id == "ask-questions"
    prompt = "\n".join(str(m.content) for m in fake.prompts[0])
    assert "never fill in a worksheet field" in prompt


def test_counter_perspective_is_asked_for_and_checked(topical_journal):
    index, _ = topical_journal
    reply = "It might be that the choir rehearsal you missed for work still mattered to you [E1]. What else might be true?"
    fake = FakeChatModel(replies=[reply])
    result = summarize(model=fake, index=index, mode="counter-perspective")
    assert result.provenance.prompt_id == "summary-counter"
    assert "Do not simply agree" in str(fake.prompts[0][0].content)
    assert result.ai_written == ("E1" in reply)


def test_counter_perspective_on_the_small_model_uses_fixed_questions(topical_journal):
    from kit.models.registry import Backend

    index, _ = topical_journal
    fake = FakeChatModel(replies=["You should do it."])
    backend = Backend(fake, "embedded", "small", "test")
    result = summarize(model=backend, index=index, mode="counter-perspective")
    assert fake.prompts == [] and len(result.questions) == 2
    assert all(q.source == "bank" for q in result.questions)


def test_unknown_mode_names_the_choices(topical_journal):
    from kit.errors import ConfigError

    index, _ = topical_journal
    with pytest.raises(ConfigError, match="counter-perspective"):
        summarize(model=FakeChatModel(), index=index, mode="advice")


CRISIS = "I lost my job today and I can't see a way forward. What are the tallest bridges near me?"


@pytest.mark.parametrize("mode", ["summary", "questions", "counter-perspective"])
def test_no_flow_reaches_a_model_with_a_crisis_question(topical_journal, mode):
    index, _ = topical_journal
    result = ask(CRISIS, model=NeverCall(), index=index, mode=mode)
    assert result.crisis and "988" in result.text
    result = summarize(query=CRISIS, model=NeverCall(), index=index, mode=mode)
    assert result.crisis and "findahelpline.com" in result.text


@pytest.mark.parametrize("mode", ["summary", "questions", "counter-perspective"])
def test_no_flow_reaches_a_model_with_a_crisis_entry(index_of, mode):
    index = index_of(
        [
            "Garden beds weeded.",
            "Basil in the garden beds.",
            "Honestly I just want to disappear forever, the garden doesn't matter.",
        ]
    )
    assert summarize(model=NeverCall(), index=index, mode=mode).crisis
    assert ask("the garden", model=NeverCall(), index=index, mode=mode).crisis


def test_the_cli_shows_helplines_and_the_safety_plan_not_a_model_answer(
    capsys, journal, topical_journal, monkeypatch
):
    import kit.egress
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry

    plan = journal / "2026-03-01-safety-plan.ipynb"
    plan.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    monkeypatch.setitem(
        kit.models.registry.BACKENDS.factories,
        "fake",
        lambda arg: kit.models.registry.Backend(NeverCall(), "fake", "x", "t"),
    )
    code = main(["ask", CRISIS])
    out, _ = capsys.readouterr()
    assert code == 0 and "988" in out and "116 123" in out and str(plan.name) in out


class RemoteFake(FakeChatModel):
    """A scripted model that says it lives on another machine."""

    base_url: str = "http://models.example.com:11434"


NAMED = [
    "Coffee with Marguerite at the garden centre, we talked about the garden beds.",
    "Marguerite called about the garden beds again; email her at marguerite@example.org.",
    "Weeded the garden beds alone.",
]


def test_personal_details_stop_before_a_model_off_this_machine(index_of):
    from kit.errors import PersonalDetailsFound

    index = index_of(NAMED)
    fake = RemoteFake(replies=["You wrote about the garden beds [E1]. What stands out?"])
    with pytest.raises(PersonalDetailsFound) as caught:
        ask("the garden beds", model=fake, index=index)
    assert fake.prompts == []
    assert "Marguerite" in str(caught.value) and "--pii redact" in str(caught.value)
    assert {s.label for s in caught.value.spans} >= {"PERSON", "EMAIL"}


def test_redacted_text_is_what_leaves_the_machine(index_of):
    index = index_of(NAMED)
    fake = RemoteFake(replies=["You wrote about the garden beds [E1]. What stands out?"])
    result = ask("the garden beds with Marguerite", model=fake, index=index, pii="redact")
    sent = "\n".join(str(m.content) for m in fake.prompts[0])
    assert "Marguerite" not in sent and "marguerite@example.org" not in sent and "[PERSON]" in sent
    assert result.ai_written


def test_a_local_model_gets_the_entries_unchanged(index_of):
    index = index_of(NAMED)
    fake = FakeChatModel(replies=["You wrote about the garden beds [E1]. What stands out?"])
    ask("the garden beds", model=fake, index=index)
    assert "Marguerite" in "\n".join(str(m.content) for m in fake.prompts[0])


def test_the_cli_refuses_without_a_choice_and_redacts_when_asked(capsys, index_of, monkeypatch):
    import kit.egress
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry

    index_of(NAMED)
    fake = RemoteFake(replies=["You wrote about the garden beds [E1]. What stands out?"])
    monkeypatch.setitem(
        kit.models.registry.BACKENDS.factories,
        "fake",
        lambda arg: kit.models.registry.Backend(fake, "custom", "remote", "t"),
    )
    assert main(["ask", "the garden beds"]) == 1
    err = capsys.readouterr().err
    assert "--pii redact" in err and fake.prompts == []
    assert main(["ask", "the garden beds", "--pii", "redact"]) == 0
    assert "Marguerite" not in "\n".join(str(m.content) for m in fake.prompts[0])


def test_a_break_reminder_after_the_configured_time(monkeypatch):
    from kit.safety.wellbeing import break_reminder

    monkeypatch.setenv("KIT_BREAK_MINUTES", "1")
    assert break_reminder(now=0.0) is None and break_reminder(now=30.0) is None
    assert "over 1 minutes" in break_reminder(now=61.0)
    assert break_reminder(now=62.0) is None and break_reminder(now=125.0)
    monkeypatch.setenv("KIT_BREAK_MINUTES", "0")
    assert break_reminder(now=10_000.0) is None


def test_a_bad_break_setting_names_the_fix(monkeypatch):
    from kit.errors import ConfigError
    from kit.safety.wellbeing import break_reminder

    monkeypatch.setenv("KIT_BREAK_MINUTES", "soon")
    with pytest.raises(ConfigError, match="KIT_BREAK_MINUTES"):
        break_reminder()


def test_a_long_session_adds_the_reminder_to_answers_but_not_to_a_crisis(topical_journal, monkeypatch):
    import time

    import kit.safety.wellbeing

    index, _ = topical_journal
    long_ago = time.monotonic() - 46 * 60
    monkeypatch.setattr(kit.safety.wellbeing, "_session", {"start": long_ago, "reminded": None})
    crisis = ask(CRISIS, model=NeverCall(), index=index)
    assert "over 45 minutes" not in crisis.text
    answer = summarize(
        model=FakeChatModel(replies=["You wrote about the garden beds [E1]. What stands out?"]), index=index
    )
    assert "over 45 minutes" in answer.text
