"""The crisis check on posts in a forum's voice: bench/data/crisis/forum_cases.jsonl.

130 crisis texts (suicidal thoughts, self-harm, eating-disorder self-harm, means sought in distress, plans) and
130 lookalikes (grief, a past told as over, a friend, humour and idioms, clinical questions and news, fiction,
hard days, food and body talk, everyday words of risk), in slang, understatement and long posts, by a hand that
read nothing of the project. Its misses were read and led to rules, so the floors here keep what those rules
gained; they do not measure wordings the check was not shaped on (tests/test_crisis_unseen.py does).
"""

from __future__ import annotations

from written_sets import DATA, TRAINING, flagged, found, listed, rows, texts

FORUM = DATA / "forum_cases.jsonl"


def test_the_set_is_whole_and_apart_from_every_training_file():
    read = rows(FORUM)
    assert sum(row["crisis"] for row in read) == 130 and len(read) == 260
    written = texts(read)
    assert len(written) == len(read)
    for path in TRAINING:
        assert not written & texts(rows(path)), path.name


def test_posts_in_a_forums_voice_are_found_and_their_lookalikes_seldom_flagged():
    # measured 123 of 130 found and 20 of 130 flagged (the rules alone 53 and 2); before the rules they led to,
    # 112 and 25
    (share, missed), (rate, hits) = found(FORUM), flagged(FORUM)
    assert share >= 0.92, f"found {share:.3f}; missed:\n{listed(missed)}"
    assert rate <= 0.18, f"flagged {rate:.3f}:\n{listed(hits)}"
