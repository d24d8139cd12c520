"""kit.content.readability: Flesch–Kincaid grade with the kit's own syllable estimate."""

from __future__ import annotations

import pytest

from kit.content.readability import grade, reading_age, stats, syllables

SIMPLE = "The cat sat on the mat. It was a warm day. We went out to play. Then we had lunch."
DENSE = (
    "Cognitive behavioural therapy operationalises dysfunctional automatic cognitions through systematic "
    "empirical examination, facilitating the restructuring of maladaptive interpretational schemas and "
    "consequently ameliorating affective symptomatology across heterogeneous clinical populations."
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1), ("the", 1), ("make", 1), ("walked", 1), ("wanted", 2), ("table", 2), ("people", 2),
        ("boxes", 2), ("therapy", 3), ("radio", 3), ("idea", 3), ("situation", 4), ("CBT", 3),
        ("all-or-nothing", 4), ("5", 1),
    ],
)  # fmt: skip
def test_syllable_estimate_on_common_words(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_syllables_of_no_word_is_zero() -> None:
    assert syllables("") == 0
    assert syllables("—") == 0


def test_simple_text_scores_lower_than_dense_academic_text() -> None:
    assert grade(SIMPLE) < 3
    assert grade(DENSE) > 16
    assert grade(SIMPLE) < grade(DENSE)


def test_longer_sentences_score_higher() -> None:
    short = "I felt sad. I went for a walk. I came home. I had tea."
    long = "I felt sad and I went for a walk and then I came home and I had tea with my friend."
    assert grade(short) < grade(long)


def test_longer_words_score_higher() -> None:
    plain = "I was sad for a long time. Then it got a bit less."
    wordy = "I was miserable for an extended period. Subsequently it diminished considerably."
    assert grade(plain) < grade(wordy)


def test_empty_and_wordless_text() -> None:
    for text in ("", "   ", "...", "\n\n"):
        assert grade(text) == 0.0
        assert reading_age(text) == 5.0
        assert stats(text).words == 0


def test_grade_is_never_negative_and_reading_age_is_grade_plus_five() -> None:
    assert grade("Go. Go. Go.") == 0.0
    assert reading_age(DENSE) == pytest.approx(grade(DENSE) + 5)


def test_sentences_split_on_end_marks_blank_lines_and_list_items_but_not_abbreviations() -> None:
    assert stats("One. Two! Three? Four").sentences == 4
    assert stats("Say it, e.g. like this. Done.").sentences == 2
    assert stats("A heading\n\nA line of text").sentences == 2
    assert stats("Steps:\n- look around\n- name five things").sentences == 3


def test_repeating_a_text_keeps_its_grade() -> None:
    assert grade(SIMPLE + " " + SIMPLE) == pytest.approx(grade(SIMPLE), abs=0.01)
