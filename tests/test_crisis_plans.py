"""The crisis check on plans and preparations said calmly: the texts where a missed crisis costs most.

Two hands that read nothing of the project wrote them, each beside an everyday twin that shares its words
(a rehearsal for a play, a wedding date kept secret, pills sorted for a trip): bench/data/crisis/plans_cases.jsonl
(240 short lines) and bench/data/crisis/plans_entries.jsonl (200 whole entries with the plan among the day's
events). Neither is trained on or chooses a threshold, and both are apart from the rows three other hands wrote
for training (bench/data/crisis/plans_train.jsonl). The floors sit a little under what the layered check
measures now (bench/data/crisis/README.md), so that a change that loses ground fails here; the targets are the
issue's, 95 % found and no more than 5 % flagged.
"""

from __future__ import annotations

import pytest
from written_sets import DATA, flagged, found, listed, rows, texts

CASES, ENTRIES, TRAIN = (DATA / f"plans_{name}.jsonl" for name in ("cases", "entries", "train"))

# found at least, flagged at most; measured 100 of 120 found and 9 of 120 flagged (the rules alone 1 and 1), and
# 68 of 100 and 14 of 100 (the rules alone 2 and 0); before the layer read plans_train.jsonl, 77 and 10, 46 and 13
FLOORS = {CASES: (0.80, 0.11), ENTRIES: (0.65, 0.16)}


def test_the_measured_plans_are_apart_from_the_training_plans_and_each_other():
    training = rows(TRAIN)
    assert {row["label"] for row in training} == {0, 1}
    seen = texts(training)
    for path in (CASES, ENTRIES):
        read = rows(path)
        assert read and all(isinstance(row["crisis"], bool) and row["text"].strip() for row in read)
        assert {row["crisis"] for row in read} == {True, False}
        written = texts(read)
        assert not seen & written, f"{path.name} shares texts with another plans file"
        seen |= written


@pytest.mark.parametrize("path", [CASES, ENTRIES], ids=lambda p: p.name)
def test_plans_said_calmly_are_found(path):
    share, missed = found(path)
    assert share >= FLOORS[path][0], f"found {share:.3f} of the plans; missed:\n{listed(missed)}"


@pytest.mark.parametrize("path", [CASES, ENTRIES], ids=lambda p: p.name)
def test_their_everyday_twins_are_rarely_flagged(path):
    share, hits = flagged(path)
    assert share <= FLOORS[path][1], f"flagged {share:.3f} of the everyday twins:\n{listed(hits)}"
