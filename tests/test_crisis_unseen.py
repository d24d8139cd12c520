"""The crisis check on texts written after its rules and its training data, read by no one who changes them.

bench/data/crisis/unseen_cases.jsonl: 75 crisis texts (15 each of passive wishes, active thoughts and plans,
self-harm, eating-disorder self-harm, means sought in distress) and 75 lookalikes, by a hand that read nothing of
the project, written after the rules of this release.

bench/data/crisis/sensitive_cases.jsonl: 260 texts that use words of death, harm, weapons or drugs with nobody at
risk (homonyms, figures of speech, games and fiction, definitions, history, public figures, clinical questions,
helping someone, news and research, a recovered past, ordinary low days, dark humour; 20 of each) and 60 where
the writer is at risk (12 each of suicidal thoughts, self-harm, eating-disorder self-harm, means sought, plans),
by another such hand, written after the rules that read a question in general words as the writer's own.

bench/data/crisis/later_cases.jsonl: 75 crisis texts (15 of each kind as in unseen_cases.jsonl) and 75 lookalikes
in some twenty themes, by a third such hand, written after all of this release's rules.

bench/data/crisis/heldout_cases.jsonl: 150 crisis texts (30 each of suicidal thoughts, self-harm, eating-disorder
self-harm, means sought in distress, plans) and 150 lookalikes in ten themes, journal entries and posts, by a
fourth such hand, written after the rules that posts in a forum's voice led to.

Their misses and false alarms are not read for rules or training rows (bench/data/crisis/README.md): the sets
measure how the check holds on wordings it was not shaped on. The floors sit a little under what the layered
check measures now, so that a change that loses ground fails here; the targets are the issue's, 95 % found and no
more than 5 % flagged.
"""

from __future__ import annotations

import pytest
from written_sets import DATA, TRAINING, flagged, found, listed, rows, texts

# name: (crisis texts, others, found at least, flagged at most)
SETS = {
    # measured 49 of 75 found and 11 of 75 flagged (the rules alone 19 and 2)
    "unseen_cases.jsonl": (75, 75, 0.62, 0.17),
    # measured 39 of 60 found and 10 of 260 flagged (the rules alone 16 and 2)
    "sensitive_cases.jsonl": (60, 260, 0.58, 0.06),
    # measured 54 of 75 found and 7 of 75 flagged (the rules alone 9 and 3)
    "later_cases.jsonl": (75, 75, 0.66, 0.12),
    # measured 110 of 150 found and 23 of 150 flagged (the rules alone 30 and 6)
    "heldout_cases.jsonl": (150, 150, 0.70, 0.18),
}


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_apart_from_every_training_file_and_every_other_set(name):
    crisis, others, _, _ = SETS[name]
    read = rows(DATA / name)
    assert read and all(isinstance(row["crisis"], bool) and row["text"].strip() for row in read)
    assert sum(row["crisis"] for row in read) == crisis and len(read) == crisis + others
    written = texts(read)
    assert len(written) == len(read), f"{name} repeats a text"
    apart = TRAINING + [DATA / other for other in SETS if other != name]
    for path in apart:
        assert not written & texts(rows(path)), f"{name} shares texts with {path.name}"


@pytest.mark.parametrize("name", SETS)
def test_crisis_texts_written_apart_are_found_and_the_others_rarely_flagged(name):
    _, _, at_least, at_most = SETS[name]
    (share, missed), (rate, hits) = found(DATA / name), flagged(DATA / name)
    assert share >= at_least, f"found {share:.3f} of the crisis texts of {name}; missed:\n{listed(missed)}"
    assert rate <= at_most, f"flagged {rate:.3f} of the other texts of {name}:\n{listed(hits)}"
