"""The crisis check on whole journal entries, the text the kit reads most.

bench/data/crisis/journal_cases.jsonl was written by a hand that read nothing of the project: 240 ordinary
entries (everyday days, therapy homework, hard days, pasts and endings) and 80 with a crisis in a sentence or
two among the day's events. It is never trained on and never chooses a threshold, and it is apart from the
entries three other hands wrote as training rows (bench/data/crisis/journal_train.jsonl, read by a build that
was tried and not shipped). The floors below sit a little under what the layered check measures now
(bench/data/crisis/README.md), so that a change that loses ground fails here; the targets are the issue's, 95 %
found and no more than 5 % flagged, and the check is far from them on whole entries.
"""

from __future__ import annotations

from written_sets import DATA, flagged, found, listed, rows

CASES, TRAIN, ENDINGS = (DATA / f"journal_{name}.jsonl" for name in ("cases", "train", "endings"))

FOUND_FLOOR = 0.75  # measured 0.800 (64 of 80; the rules alone 21)
FLAGGED_MAX = 0.14  # measured 0.125 (30 of 240; the rules alone 4)


def test_the_measured_entries_are_apart_from_the_training_entries():
    training = rows(TRAIN)
    assert {row["label"] for row in training} == {0, 1}
    trained = {row["text"] for row in training}
    measured = {path: rows(path) for path in (CASES, ENDINGS)}
    for path, read in measured.items():
        assert read and all(isinstance(row["crisis"], bool) and row["text"].strip() for row in read)
        assert not trained & {row["text"] for row in read}, (
            f"{path.name} shares entries with the training file"
        )
    assert not any(row["crisis"] for row in measured[ENDINGS])


def test_crisis_inside_an_ordinary_entry_is_found():
    share, missed = found(CASES)
    assert share >= FOUND_FLOOR, f"found {share:.3f} of crisis entries; missed:\n{listed(missed)}"


def test_ordinary_entries_are_rarely_flagged():
    share, hits = flagged(CASES)
    assert share <= FLAGGED_MAX, f"flagged {share:.3f} of ordinary entries:\n{listed(hits)}"
