"""Queries about good or bad days use the mood recorded with the entries, in both directions, and say so."""

from __future__ import annotations

import json

import pytest

from kit.cli import main
from kit.index.mood import mood_direction
from kit.index.search import search
from kit.index.store import Index
from kit.testing import FakeEmbeddings

BEST = "Work presentation day: the client loved it, the team cheered, work drinks after."
WORST = "Work presentation day: the projector died, the client walked out, worst day at work."
PLAIN = "Work day: emails, a long meeting, the usual presentation slides."
CALM = "Work was calm, lunch in the park, an early finish."


@pytest.fixture
def work_days(journal, make_notebook):
    """Four days at work: rated 9, 1 and 6, and one without a mood; indexed."""
    _, entries = make_notebook(
        "work.ipynb",
        [{"text": BEST, "mood": 9}, {"text": WORST, "mood": 1}, {"text": CALM, "mood": 6}, PLAIN],
    )
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    return dict(zip(["best", "worst", "calm", "plain"], entries, strict=True))


def _search(query, **kwargs):
    return search(query, embedder=FakeEmbeddings(), **kwargs)


@pytest.mark.parametrize(
    ("query", "direction"),
    [
        ("a good day at work", "good"),
        ("when was I proud of myself", "good"),
        ("relief after the exam", "good"),
        ("things that went well", "good"),
        ("my worst day at work", "bad"),
        ("a hard time with my sister", "bad"),
        ("rough days in winter", "bad"),
        ("when I struggled", "bad"),
        ("not a good day", "bad"),
        ("wasn't a bad day", "good"),
        ("good days and bad days", None),
        ("presentation at work", None),
        ("the client", None),
        ("", None),
    ],
)
def test_direction_of_a_query(query, direction):
    assert mood_direction(query) == direction


def test_a_good_day_query_leaves_out_the_worst_day(work_days):
    by_meaning = _search("presentation at work, a good day", k=4, mood=False)
    assert work_days["worst"].id in [h.id for h in by_meaning]  # without the mood, the worst day is found
    hits = _search("presentation at work, a good day", k=4)
    ids = [h.id for h in hits]
    assert work_days["worst"].id not in ids
    assert ids[0] == work_days["best"].id
    assert work_days["plain"].id in ids  # no recorded mood: kept, it may be a good day
    assert "used your recorded mood" in hits.note.lower()
    assert {h.id: h.used_mood for h in hits} == {
        work_days["best"].id: True,
        work_days["calm"].id: True,
        work_days["plain"].id: False,
    }


def test_a_bad_day_query_leaves_out_the_best_day(work_days):
    hits = _search("presentation at work, a hard day", k=4)
    ids = [h.id for h in hits]
    assert ids[0] == work_days["worst"].id
    assert work_days["best"].id not in ids and work_days["calm"].id not in ids
    assert "used your recorded mood" in hits.note.lower() and "lower-rated" in hits.note


def test_the_higher_rated_day_ranks_first_for_a_good_day(journal, make_notebook):
    make_notebook(
        "a.ipynb",
        [
            {"text": "Garden party with friends.", "mood": 5},
            {"text": "Garden party with friends.", "mood": 8},
        ],
    )
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    assert [h.mood for h in _search("happy garden party")] == [8.0, 5.0]
    assert [h.mood for h in _search("garden party, a hard time")] == [5.0]  # 8 is above the middle: left out


def test_other_queries_do_not_use_the_mood(work_days):
    hits = _search("presentation at work", k=4)
    assert hits.note == ""
    assert len(hits) == 4 and not any(h.used_mood for h in hits)


def test_without_recorded_moods_nothing_is_said(journal, make_notebook):
    make_notebook("a.ipynb", ["A good day at the beach.", "Rain all day at the beach."])
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    hits = _search("good day at the beach", k=2)
    assert len(hits) == 2 and hits.note == ""


def test_mood_false_turns_it_off(work_days):
    hits = _search("presentation at work, a good day", k=4, mood=False)
    assert hits.note == "" and len(hits) == 4


def test_cli_says_it_used_the_mood(work_days, capsys):
    code = main(["search", "presentation at work, a good day", "-k", "4"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Used your recorded mood" in out
    assert "projector died" not in out
    code = main(["search", "presentation at work, a good day", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    hits = json.loads(out)
    assert {h["id"] for h in hits if h["used_mood"]} == {work_days["best"].id, work_days["calm"].id}
