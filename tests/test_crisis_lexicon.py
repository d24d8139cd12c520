"""The crisis rules' phrase list from a clinician-validated lexicon (kit/data/crisis_lexicon.json), and the
refinements that came with it: zero-rated worksheet fields, a recovered past named by an age, everyday idioms.

Every sentence here was written for this file. The learned layer is off (``rules_only``) so each test says what
the rules alone do; the layered check reads the same texts in test_crisis_cases.py's way.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

import kit.safety.crisis as safety
from kit.safety import rules


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setattr(safety, "_USE_LEARNED", False)


def lexicon() -> dict:
    return json.loads(resources.files("kit").joinpath("data", "crisis_lexicon.json").read_text("utf-8"))


def test_the_shipped_list_is_what_the_rules_read():
    spec = lexicon()
    phrases = [p for kinds in spec["tiers"].values() for ps in kinds.values() for p in ps]
    assert len(phrases) == len(set(phrases)) > 100
    patterns = {pat.pattern for rule in rules._RULES[len(rules._HAND_RULES) :] for _, pat in rule.alts}
    assert patterns == {rules._lexicon_pattern(p) for p in phrases}
    # normalised as the checker normalises text, so each phrase can match at all
    assert all(safety._normalize(p) == p for p in phrases)
    assert all(len(p.split()) >= 2 for p in phrases)


def test_no_phrase_repeats_a_hand_written_rule():
    for kinds in lexicon()["tiers"].values():
        for phrases in kinds.values():
            for phrase in phrases:
                assert not any(pat.search(phrase) for rule in rules._HAND_RULES for _, pat in rule.alts), (
                    phrase
                )


def test_help_seeking_words_are_never_a_phrase():
    """ "safety plan", "crisis line", "my therapist": words of getting help must never stop the kit."""
    for kinds in lexicon()["tiers"].values():
        for phrases in kinds.values():
            assert not any(re.search(r"\b(?:crisis|safety|hotline|therapist)\b", p) for p in phrases)


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to set myself on fire with the petrol in the shed.",
        "There is no will to live left in me.",
        "i just want to cease to exist",
        "Why am I still alive, honestly.",
        "Been looking up the painless way out again",
        "I keep picturing the rope around my neck.",
        "I think about dying every single day now.",
        "Tonight I'll walk into traffic, I'll run in front of traffic on the ring road.",
        "I took the knife to my throat last night and stopped.",
        "I want to end this.",
        "I want to be done with this, all of it.",
    ],
)
def test_lexicon_wordings_are_caught(text):
    assert safety.check(text).crisis, text


@pytest.mark.parametrize(
    "text",
    [
        "I need to cut myself some slack this week.",
        "I cut myself off from the group chat and it helped.",
        "I'm burning myself out at work.",
        "The leftover fish was a mistake, rest in peace my stomach.",
        "I could just die of embarrassment after that meeting.",
        "A quick and easy dinner: eggs on toast.",
        "I never wake up before nine on Sundays.",
        "I scratch my head every time I read the bank letter.",
        "My grandad would have said to write a will before the trip.",
        "The tram was nearly hit by a train at the level crossing, said the news.",
        "She asked whether I'd ever thought about jumping off something and I said no.",
        "I want to end this subscription before it renews.",
        "I want to be done with this semester already.",
    ],
)
def test_everyday_senses_of_a_phrase_are_not_a_crisis(text):
    assert not safety.check(text).crisis, (text, safety.check(text).reasons)


def test_an_everyday_phrase_counts_next_to_distress():
    """A weak phrase alone is nothing; next to hopelessness it is the writer in trouble."""
    assert not safety.check("Some days I feel like I'm fading away.").crisis
    assert safety.check("Everything is hopeless. Some days I feel like I'm fading away.").crisis


@pytest.mark.parametrize(
    ("field", "crisis"),
    [
        ("Urge to self-harm (0-5): 0", False),
        ("Urge to self-harm (0–5): 0\nUrge to skip meals: 0", False),
        ("Urges: self-harm 0, alcohol 2, binge 1", False),
        ("Urge to self-harm: 0/5", False),
        ("Urge to self-harm (0-5): 4", True),
        ("Urges: self-harm 3, alcohol 0", True),
        ("Urge to self-harm: 10", True),
    ],
)
def test_a_worksheet_field_rated_zero_is_not_a_hit(field, crisis):
    assert safety.check(f"Diary card, Thursday\n{field}").crisis is crisis


def test_a_past_named_by_an_age_and_left_behind_is_not_a_hit():
    assert not safety.check("I was suicidal for most of my twenties. I'm grateful it passed.").crisis
    # the same years, still here today, are a hit
    assert safety.check("I have been suicidal for most of my twenties and I still want to die.").crisis
