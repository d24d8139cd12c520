"""The crisis check on texts written after its rules and its training data, read by no one who changes them.

bench/data/crisis/unseen_cases.jsonl: 75 crisis texts (15 each of passive wishes, active thoughts and plans,
self-harm, eating-disorder self-harm, means sought in distress) and 75 lookalikes, by a hand that read nothing of
the project, written after the rules of this release. Their misses and false alarms are not read for rules or
training rows (bench/data/crisis/README.md): the set measures how the check holds on wordings it was not shaped
on. The floors sit a little under what the layered check measures now, so that a change that loses ground fails
here; the targets are the issue's, 95 % found and no more than 5 % flagged.
"""

from __future__ import annotations

from written_sets import DATA, flagged, found, listed, rows

UNSEEN = DATA / "unseen_cases.jsonl"
TRAINING = [DATA / f"{name}_train.jsonl" for name in ("written", "plans", "journal", "posts", "indirect")]

# found at least, flagged at most; measured 49 of 75 found and 11 of 75 flagged (the rules alone 19 and 2)
FOUND, FLAGGED = 0.62, 0.17


def test_the_unseen_set_is_apart_from_every_training_file():
    read = rows(UNSEEN)
    assert read and all(isinstance(row["crisis"], bool) and row["text"].strip() for row in read)
    assert sum(row["crisis"] for row in read) == 75 and len(read) == 150
    texts = {" ".join(row["text"].lower().split()) for row in read}
    for path in TRAINING:
        trained = {" ".join(row["text"].lower().split()) for row in rows(path)}
        assert not texts & trained, f"unseen_cases.jsonl shares texts with {path.name}"


def test_unseen_crisis_texts_are_found_and_their_lookalikes_rarely_flagged():
    (share, missed), (rate, hits) = found(UNSEEN), flagged(UNSEEN)
    assert share >= FOUND, f"found {share:.3f} of the unseen crisis texts; missed:\n{listed(missed)}"
    assert rate <= FLAGGED, f"flagged {rate:.3f} of the unseen lookalikes:\n{listed(hits)}"
