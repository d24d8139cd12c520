"""A model's question may use only the person's own words, and every label says exactly what was checked."""

from __future__ import annotations

from datetime import date

import pytest

from kit.labels import spoken_day, words_from
from kit.models.checks import check_output, ungrounded
from kit.models.prompts import QUESTION_BANK, THEME_QUESTION_EXAMPLES, bank_question
from kit.models.registry import Backend
from kit.reflection.questions import question_problems
from kit.reflection.reflect import ask, summarize
from kit.testing import FakeChatModel

INVENTED = "What was your take on the manager's attention to detail during lunch?"
ENTRY = (
    "Walked to the river after work. My manager was late again, so I waited by the bridge and felt calmer."
)


def _small(replies: list[str]) -> tuple[Backend, FakeChatModel]:
    fake = FakeChatModel(replies=replies)
    return Backend(fake, "embedded", "small-fake", "testing the embedded path"), fake


# ---------------------------------------------------------------- the check itself


def test_a_question_about_things_the_entry_does_not_mention_is_refused():
    problems = ungrounded(INVENTED, [ENTRY])
    assert problems and "attention" in problems[0] and "lunch" in problems[0]
    assert "manager" not in problems[0]  # the entry does mention the manager
    assert question_problems(INVENTED, ENTRY)


def test_words_of_the_entry_in_other_forms_pass():
    assert ungrounded("What did the walks to the river give you?", [ENTRY]) == []
    assert ungrounded("How was the waiting by the bridge for you?", [ENTRY]) == []
    assert ungrounded("What helped you feel calmer by the bridge?", [ENTRY]) == []
    assert ungrounded("What helped you feel calmer at the river?", [ENTRY])  # another sentence's river


def test_a_phrase_must_be_the_entrys_own_not_two_of_its_words_put_together():
    entry = "My manager was late. I went to the river alone."
    assert ungrounded("What was the river like?", [entry]) == []
    assert "do not put together" in ungrounded("What stays with you from the manager's river?", [entry])[0]
    assert (
        ungrounded("What stays with you from the walk with your manager?", ["Walked with my manager."]) == []
    )


def test_questions_with_only_reflective_words_claim_nothing():
    for question in (
        "What stands out to you?",
        "What did you notice in that moment?",
        "How do you feel now?",
    ):
        assert ungrounded(question, [ENTRY]) == []


def test_the_kits_own_examples_pass_its_own_check():
    for example, answer in THEME_QUESTION_EXAMPLES:
        entry = example.split("Journal entry: ", 1)[1].split("\n", 1)[0]
        assert ungrounded(answer, [entry]) == [], answer


def test_the_output_check_refuses_invented_questions_in_every_mode():
    entries = {"E1": ENTRY}
    for mode in ("summary", "questions", "counter-perspective"):
        text = f"You walked to the river [E1]. {INVENTED}"
        result = check_output(text, entries, mode=mode, require_citation=False)
        assert any(p.startswith("asks about") for p in result.problems), mode


# ---------------------------------------------------------------- the three places a person met the question


def test_the_small_models_invented_question_becomes_a_bank_question(topical_journal):
    index, _ = topical_journal
    backend, fake = _small([INVENTED])
    result = summarize(model=backend, index=index, mode="questions")
    assert fake.prompts  # the model was asked
    assert result.questions and all(q.source == "bank" for q in result.questions)
    assert "manager" not in result.text and "checked against your entries" not in result.text


def test_a_capable_models_invented_question_is_withheld(topical_journal):
    index, _ = topical_journal
    fake = FakeChatModel(replies=[INVENTED])
    result = summarize(model=fake, index=index, mode="questions")
    assert len(fake.prompts) == 2 and not result.ai_written
    assert "manager" not in result.text and "asked about something your entries do not say" in result.text
    result = ask(
        "the landlord and the boiler", model=FakeChatModel(replies=[INVENTED]), index=index, mode="questions"
    )
    assert not result.ai_written and "manager" not in result.text


def test_a_grounded_model_question_says_which_entry_its_words_come_from(topical_journal):
    index, written = topical_journal
    backend, _ = _small(["How did the harmony feel at choir rehearsal?"])
    result = summarize(model=backend, index=index, mode="questions")
    (asked,) = [q for q in result.questions if q.source == "model"]
    label = f"uses only words from your entry of {spoken_day(asked.created)}"
    assert f"{asked.text} _(AI-written by small-fake; {label})_" in result.text
    assert "checked against" not in result.text


def test_a_capable_models_questions_are_labelled_with_what_was_checked(topical_journal):
    index, _ = topical_journal
    reply = "What went through your mind just before you argued with the landlord?"
    result = ask(
        "the landlord and the boiler", model=FakeChatModel(replies=[reply]), index=index, mode="questions"
    )
    assert result.ai_written and reply in result.text
    assert "its questions use only words from your entries of" in result.text
    assert "checked against your entries" not in result.text


def test_reflect_widget_helper_and_weekly_review_show_no_invented_question(topical_journal, frontend):
    from kit.outputs import review
    from kit.widgets import ReflectWidget, WorksheetHelper

    index, _ = topical_journal
    widget = ReflectWidget(model=_small([INVENTED])[0], index=index, mode="questions")
    widget.reflect()
    assert "manager" not in widget.reflection.text and widget.reflection.questions

    helper = WorksheetHelper("journal", model=_small([INVENTED])[0], index=index, show=False)
    shown = helper.question()
    assert "manager" not in shown and "question bank" in shown

    questions = review.open_questions(summarize(model=_small([INVENTED])[0], index=index, mode="questions"))
    assert questions and not any("manager" in text for text, _ in questions)
    assert all(source == "from the kit's question bank" for _, source in questions)

    backend, _ = _small(["How did the harmony feel at choir rehearsal?"])
    labelled = review.open_questions(summarize(model=backend, index=index, mode="questions"))
    model_labels = [source for _, source in labelled if source.startswith("AI-written")]
    assert model_labels and all("uses only words from your entry of" in s for s in model_labels)
    assert not any("checked against your entries" in s for _, s in labelled)


def test_labels_name_the_days_and_nothing_more():
    today = date(2026, 12, 31)
    assert words_from(["2026-12-02"], today) == "words from your entry of 2 Dec"
    assert words_from(["2025-12-02"], today) == "words from your entry of 2 Dec 2025"
    assert words_from(["2026-12-02", "2026-12-02"], today) == "words from your entries of 2 Dec"
    assert words_from(["2026-12-05", "2026-12-02"], today) == "words from your entries of 2 Dec and 5 Dec"
    many = [f"2026-12-{d:02d}" for d in range(1, 8)]
    assert words_from(many, today) == "words from 7 of your entries, 1 Dec to 7 Dec"


# ---------------------------------------------------------------- bank questions read as English for any label

AWKWARD = [
    "run",  # a verb
    "awake",  # an adjective
    "calmer",  # a comparative
    "walking",  # a gerund
    "walks",  # a plural noun
    "slept badly",  # a verb phrase
    "dan pitch client",  # several nouns
    "mum's birthday",  # a possessive
    "it",  # a pronoun
    "“quoted”",  # already quoted
    "",  # no phrase at all
]


@pytest.mark.parametrize("label", AWKWARD)
@pytest.mark.parametrize("count", [1, 2, 5])
def test_every_bank_question_reads_as_english_for_any_label(label, count):
    texts = set()
    for n in range(len(QUESTION_BANK) * 8):  # enough keys to reach every template
        texts.add(bank_question(label, f"key-{n}", count))
    assert len(texts) == len(QUESTION_BANK)
    for text in texts:
        assert text[0].isupper() and text.endswith("?") and text.count("?") == 1, text
        assert "{" not in text and "  " not in text and "““" not in text, text
        if label:
            bare = label.strip("“”")
            assert f"“{bare}”" in text, text  # the person's word, quoted, never made into grammar
        else:
            assert "“" not in text, text
        assert "1 entries" not in text and "these entry" not in text and "this entries" not in text
        if count == 1:
            assert "these entries" not in text and " do this entry" not in text, text
        else:
            assert "this entry" not in text and " does these entries" not in text, text


def test_old_ungrammatical_bank_phrasings_are_gone():
    texts = {bank_question(label, f"k{n}", 2) for label in ("run", "awake", "calmer") for n in range(60)}
    joined = " ".join(texts)
    assert "how you see run" not in joined and "moment with awake" not in joined
    assert "entries about calmer" not in joined


def test_digest_and_review_counts_are_singular_for_one():
    from kit.outputs.review import themes_markdown
    from kit.reflection.digest import Digest, MoodTrend, Quote, Theme

    quote = Quote("Walked to the river after work.", "2026-03-02", "e1", "a.ipynb")
    theme = Theme("river", ["river"], 1, "2026-03-02", "2026-03-02", ["2026-03-02"], ["e1"], quote)
    mood = MoodTrend(1, 5.0, None, None, "not enough data")
    d = Digest(1, None, None, None, "2026-03-02", "2026-03-02", {"journal": 1}, mood, [theme], ["e2"])
    for markdown in (d.to_markdown(), themes_markdown(d)):
        assert "1 entries" not in markdown and "1 entry" in markdown
        assert "And 1 entry that fits no theme." in markdown
