"""The output check: a model's words are held against the entries it cites before anyone sees them."""

from __future__ import annotations

import pytest

from kit.models.checks import check_output

ENTRIES = {
    "E1": "Called my sister Lena about Mum's birthday and hung up on her. Felt awful afterwards.",
    "E2": "Slept four hours again. Priya wants the forecast by Friday and my chest went tight.",
    "E3": "Ran 5 km along the canal before work; first run in a month.",
}

GOOD = [
    "Two threads run through these entries: a hard call with Lena [E1] and short nights before Priya's "
    "deadline [E2]. The canal run [E3] stands apart. What do you notice when you read them side by side?",
    "Sleep and work pressure show up together here [E2], and running appears once [E3]. "
    "How did the days after the 5 km run feel compared with the others?",
    "Family and work both came up [E1, E2]. Which of these is on your mind most right now? "
    "What would you want to remember about that call?",
]


@pytest.mark.parametrize("text", GOOD)
def test_grounded_open_ended_text_passes(text):
    result = check_output(text, ENTRIES)
    assert result.ok, result.problems


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Your friend Sarah has noticed this too [E1]. What comes up for you?", "Sarah"),
        ("Sarah, a 25-year-old writer, called you [E1]. What comes up?", "Sarah"),
        ("You argued with Lena in Paris [E1]. What stayed with you?", "Paris"),
        ("You slept 6 hours [E2]. What helps on nights like that?", "number 6"),
        ("You ran twelve km [E3]. What did that feel like?", "twelve"),
        ("Sleep was short [E9]. What do you notice?", "E9"),
        ("Sleep was short. What do you notice?", "cites no entry"),
        ("You should call Lena and apologise [E1]. What might help?", "advice"),
        ("I recommend a regular bedtime [E2]. How does that sound?", "advice"),
        ("Try to get to bed earlier [E2]. What gets in the way?", "advice"),
        ("It sounds like you have an anxiety disorder [E2]. What do you think?", "diagnosis"),
        ("You seem depressed lately [E2]. What do you think?", "diagnosis"),
        ("Work and sleep are linked here [E2].", "open question"),
        ("Work and sleep are linked here [E2]. Did that surprise you?", "yes/no"),
        ("Work weighs on you [E2]. What helps? What hurts? What next?", "3 questions"),
    ],
)
def test_misbehaving_text_is_rejected_with_the_reason(text, problem):
    result = check_output(text, ENTRIES)
    assert not result.ok
    assert any(problem in p for p in result.problems), result.problems


def test_names_must_be_in_the_cited_entries_not_just_any_entry():
    # Lena is in E1 only: citing E3 for her is an invented link.
    result = check_output("Lena joined the canal run [E3]. What was that like?", ENTRIES)
    assert not result.ok and any("Lena" in p for p in result.problems)


def test_context_numbers_from_the_digest_may_be_repeated():
    text = "Three entries from 2026-09-01 to 2026-09-08 [E1, E2, E3]. What ties them together for you?"
    assert not check_output(text, ENTRIES).ok
    assert check_output(text, ENTRIES, context="3 entries, three, from 2026-09-01 to 2026-09-08").ok


def test_cited_handles_are_reported_once_in_order():
    result = check_output(GOOD[0], ENTRIES)
    assert result.cited == ["E1", "E2", "E3"]
