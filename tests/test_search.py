"""Search: topical entry first, date and worksheet filters, k, the fields of a hit, and clear errors."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import kit
from kit.errors import ConfigError, IndexMissing
from kit.index.search import SearchHit
from kit.index.store import Index
from kit.testing import FakeEmbeddings

# Disjoint vocabularies, so the bag-of-words fake embedder can tell the topics apart.
TOPICS = {
    "sleep": "Insomnia again: awake staring at ceiling, pillow too warm, alarm clock ticking until dawn.",
    "sibling": "Argument with my brother about mum's birthday dinner; shouting, slammed door, apology later.",
    "running": "Morning jog along canal towpath, legs heavy, ten kilometres, new personal best pace.",
    "work": "Quarterly report deadline tomorrow; manager emailed twice, spreadsheet formulas broken.",
    "cooking": "Baked sourdough bread, roasted garlic soup, kitchen smelled wonderful, flour everywhere.",
}


def _created(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T20:00:00").astimezone()


@pytest.fixture
def indexed(store, journal, make_notebook):
    """A journal of five topics over five days in two notebooks, indexed with the fake embedder (in the embedded
    store and on a Chroma server)."""
    days = ["2024-01-10", "2024-01-20", "2024-02-01", "2024-02-15", "2024-03-01"]
    specs = [
        {
            "text": text,
            "created": _created(day),
            "template": "daily-journal" if i % 2 == 0 else "thought-record",
        }
        for i, (text, day) in enumerate(zip(TOPICS.values(), days, strict=True))
    ]
    _, first = make_notebook("2024-q1/january.ipynb", specs[:2])
    _, rest = make_notebook("later.ipynb", specs[2:])
    entries = dict(zip(TOPICS, first + rest, strict=True))
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    return entries


def _search(query, **kwargs):
    return kit.search(query, embedder=FakeEmbeddings(), **kwargs)


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("awake at dawn, insomnia", "sleep"),
        ("brother shouting", "sibling"),
        ("jog canal pace", "running"),
        ("deadline manager spreadsheet", "work"),
        ("sourdough garlic kitchen", "cooking"),
    ],
)
def test_topical_entry_comes_first(indexed, query, topic):
    hits = _search(query, k=5)
    assert hits[0].id == indexed[topic].id
    assert hits[0].text == TOPICS[topic]
    assert hits[0].score > hits[1].score
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_since_and_until_filter_by_date(indexed):
    assert {h.id for h in _search("anything", k=10, since="2024-02-01")} == {
        indexed[t].id for t in ("running", "work", "cooking")
    }
    assert {h.id for h in _search("anything", k=10, until="2024-01-20")} == {
        indexed[t].id for t in ("sleep", "sibling")
    }
    # Both bounds are inclusive whole days.
    window = _search("anything", k=10, since=date(2024, 1, 20), until=date(2024, 2, 1))
    assert {h.id for h in window} == {indexed["sibling"].id, indexed["running"].id}
    assert _search("anything", k=10, since="2025-01-01") == []


def test_since_accepts_datetime(indexed):
    hits = _search("anything", k=10, since=datetime.fromisoformat("2024-02-15T19:00:00").astimezone())
    assert {h.id for h in hits} == {indexed["work"].id, indexed["cooking"].id}


def test_template_filter(indexed):
    hits = _search("anything", k=10, template="thought-record")
    assert {h.id for h in hits} == {indexed["sibling"].id, indexed["work"].id}
    assert {h.template for h in hits} == {"thought-record"}
    combined = _search("anything", k=10, template="daily-journal", since="2024-02-01")
    assert {h.id for h in combined} == {indexed["running"].id, indexed["cooking"].id}
    assert _search("anything", template="no-such-worksheet") == []


@pytest.mark.parametrize("k", [1, 2, 4])
def test_k_is_respected(indexed, k):
    assert len(_search("morning", k=k)) == k


def test_k_larger_than_index(indexed):
    assert len(_search("morning", k=50)) == 5


@pytest.mark.parametrize("k", [0, -1, 2.5, "3"])
def test_bad_k_raises_config_error(indexed, k):
    with pytest.raises(ConfigError, match="k="):
        _search("morning", k=k)


def test_search_hit_fields(indexed, journal):
    (hit,) = _search("baked sourdough bread", k=1)
    entry = indexed["cooking"]
    assert isinstance(hit, SearchHit)
    assert hit.id == entry.id
    assert hit.text == TOPICS["cooking"]
    assert 0.5 < hit.score <= 1.0
    assert hit.created == _created("2024-03-01")
    assert hit.notebook == "later.ipynb"
    assert hit.path == str(journal.resolve() / "later.ipynb")
    assert hit.cell_id == entry.cell_id
    assert hit.template == "daily-journal"
    assert hit.field == "entry"
    assert hit.mood is None

    (nested,) = _search("brother", k=1)
    assert nested.notebook == "2024-q1/january.ipynb"
    assert nested.path == str(journal.resolve() / "2024-q1" / "january.ipynb")


def test_hit_to_dict(indexed):
    (hit,) = _search("brother", k=1)
    data = hit.to_dict()
    assert data["created"].startswith("2024-01-20T20:00:00")
    assert datetime.fromisoformat(data["created"]) == _created("2024-01-20")
    assert data["id"] == hit.id and data["text"] == hit.text


@pytest.mark.usefixtures("store")
def test_mood_is_returned(journal, make_notebook):
    make_notebook("a.ipynb", [{"text": "cheerful sunny afternoon", "mood": 8}])
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    (hit,) = _search("sunny")
    assert hit.mood == 8.0


def test_search_before_indexing_raises_index_missing(journal, make_notebook):
    make_notebook("a.ipynb", ["not indexed yet"])
    with pytest.raises(IndexMissing, match="reflect index"):
        _search("anything")


@pytest.mark.usefixtures("store")
def test_private_entries_are_not_found(journal, make_notebook):
    make_notebook("a.ipynb", ["garden roses", {"text": "garden secret confession", "private": True}])
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    hits = _search("garden secret confession", k=5)
    assert [h.text for h in hits] == ["garden roses"]


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_raises_config_error(indexed, query):
    with pytest.raises(ConfigError, match="empty"):
        _search(query)


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "01/02/2024", "2024-02-30"])
def test_bad_date_names_the_format(indexed, bad):
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        _search("anything", since=bad)
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        _search("anything", until=bad)


def test_search_uses_index_of_configured_journal(indexed):
    """With no journal argument, the journal is KIT_JOURNAL (set by the test fixture)."""
    hits = kit.search("sourdough", k=1, embedder=FakeEmbeddings())
    assert hits[0].id == indexed["cooking"].id


# ---------------------------------------------------------------- questions that name no topic


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("what did I write?", True),
        ("What did I write about?", True),
        ("anything I've written", True),
        ("", True),
        ("Tomasz", False),
        ("what did I write about my sister?", False),
        ("what happened at work", False),
    ],
)
def test_names_no_topic_reads_only_question_words(query, expected):
    from kit.text import names_no_topic

    assert names_no_topic(query) is expected


def test_a_query_of_question_words_lists_the_period_newest_first(indexed):
    hits = _search("what did I write?", since="2024-01-15", until="2024-02-20")
    assert [h.created.date().isoformat() for h in hits] == ["2024-02-15", "2024-02-01", "2024-01-20"]
    assert hits.listing and hits.note == (
        "“what did I write?” names no topic, so these are entries from 15 January to 20 February 2024, "
        "newest first."
    )
    assert len(_search("what did I write?", k=2)) == 2
    assert "your newest entries" in _search("what did I write?").note
    empty = _search("", since="2024-03-01")  # nothing but dates: the period, newest first
    assert [h.text for h in empty] == [TOPICS["cooking"]] and empty.listing
    assert not _search("brother shouting").listing


def test_a_hit_says_whether_the_word_index_matched_it(indexed):
    # words the embedder splits into pieces ("sour ##dou ##gh", "tow ##path") go to the word index; "brother",
    # a word it knows, is left to meaning
    hits = _search("sourdough and the towpath and my brother", k=5)
    matched = {h.text for h in hits if h.matched_words}
    assert matched == {TOPICS["cooking"], TOPICS["running"]}
    assert not any(h.matched_words for h in _search("sourdough", words=False))
