"""The real embedded embedder with a real Chroma index: search by meaning, not by shared words."""

from __future__ import annotations

import math

import pytest

import kit.models.minilm
from kit.errors import EmbedderUnavailable
from kit.index.search import search
from kit.index.store import Index
from kit.models.embedders import EmbeddedEmbeddings

pytestmark = pytest.mark.integration

ENTRIES = {
    "sleep": (
        "Lay awake until almost four again. Every time I closed my eyes my mind started racing, and"
        " by the time the birds started I had maybe two hours. Dragging myself through the day now."
    ),
    "sibling": (
        "Big blow-up with my sister at Mum's place. She said I never help out and I snapped back "
        "that she always plays the martyr. We both said things we didn't mean and she left early."
    ),
    "running": (
        "Did my long run this morning, 14 km along the river trail. Legs felt heavy for the first "
        "half but I found a rhythm and finished faster than last week."
    ),
    "deadline": (
        "The client presentation is due Friday and half the slides are still empty. My manager "
        "keeps asking for updates and I'm behind on everything else too."
    ),
    "cooking": (
        "Tried a new recipe tonight: chickpea curry with fresh coriander and homemade flatbread. "
        "The kitchen was a mess afterwards but it tasted amazing."
    ),
    "gardening": (
        "Spent the afternoon pulling weeds and planting tomato seedlings in the raised beds. Hands "
        "covered in soil, watered everything before the sun went down."
    ),
    "money": (
        "Checked the bank balance and felt sick. Rent, the car repair and the credit card bill all "
        "at once; I'm not sure how we'll cover it this month."
    ),
    "friend": (
        "Met up with an old school friend for coffee after years apart. We laughed about teachers "
        "and caught up on everything; felt like no time had passed."
    ),
}

# Queries phrased differently from the entries, sharing as few words as possible.
QUERIES = {
    "sleep": "insomnia and restless nights",
    "sibling": "family argument",
    "running": "jogging and exercise",
    "deadline": "professional obligations piling up",
    "cooking": "making a meal",
    "gardening": "growing vegetables outdoors",
    "money": "financial worries",
    "friend": "reconnecting with someone",
}


@pytest.fixture(scope="module")
def embedder() -> EmbeddedEmbeddings:
    return EmbeddedEmbeddings()


@pytest.fixture
def indexed_journal(journal, make_notebook, embedder):
    items = list(ENTRIES.items())
    _, first = make_notebook("2024-05.ipynb", [text for _, text in items[:4]])
    _, second = make_notebook("2024-06.ipynb", [text for _, text in items[4:]])
    ids = {topic: entry.id for (topic, _), entry in zip(items, first + second, strict=True)}
    report = Index(journal=journal, embedder=embedder).update(progress=False)
    assert report.new == len(ENTRIES) and report.embedded == len(ENTRIES)
    return ids


@pytest.mark.parametrize("topic", list(QUERIES))
def test_query_by_meaning_finds_the_entry(indexed_journal, embedder, journal, topic):
    hits = search(QUERIES[topic], k=3, journal=journal, embedder=embedder)
    assert hits[0].id == indexed_journal[topic], [(h.text[:30], h.score) for h in hits]
    assert hits[0].score > hits[1].score


def test_paraphrases_share_no_keywords_with_their_entries():
    """Keeps the test honest: the queries must not simply repeat words of the entries."""
    stop = {"and", "a", "my", "from", "of", "the", "to", "i", "at", "with"}
    for topic, query in QUERIES.items():
        shared = (set(query.lower().split()) - stop) & set(ENTRIES[topic].lower().replace(",", " ").split())
        assert not shared, (topic, shared)


def test_vectors_are_384_d_unit_norm(embedder):
    vectors = embedder.embed_documents(
        ["short", "A much longer sentence about a walk in the park. " * 40, ""]
    )
    assert [len(v) for v in vectors] == [384, 384, 384]
    for vector in vectors[:2]:
        assert math.isclose(math.sqrt(sum(x * x for x in vector)), 1.0, abs_tol=1e-4)
    query = embedder.embed_query("short")
    assert len(query) == 384
    assert query == pytest.approx(vectors[0], abs=1e-5)


def test_batching_does_not_change_vectors(embedder):
    texts = [f"entry number {i} about {'rain ' * (i % 7)}" for i in range(40)]
    together = embedder.embed_documents(texts)
    one_by_one = [embedder.embed_query(t) for t in texts[:5]]
    for a, b in zip(together[:5], one_by_one, strict=True):
        assert a == pytest.approx(b, abs=1e-4)


def test_reindex_with_real_embedder_embeds_nothing(indexed_journal, embedder, journal):
    report = Index(journal=journal, embedder=embedder).update(progress=False)
    assert report.embedded == 0
    assert Index(journal=journal, embedder=embedder).ids() == set(indexed_journal.values())


def test_tampered_model_file_is_refused(monkeypatch):
    package, relative, _ = kit.models.minilm.MODEL_FILE
    monkeypatch.setattr(kit.models.minilm, "MODEL_FILE", (package, relative, "0" * 64))
    with pytest.raises(EmbedderUnavailable, match="reinstall") as excinfo:
        EmbeddedEmbeddings().embed_query("hello")
    assert "checksum" in str(excinfo.value)


def test_missing_package_is_refused(monkeypatch):
    monkeypatch.setattr(
        kit.models.minilm, "TOKENIZER_FILE", ("no_such_package_xyz", "tokenizer.json", "0" * 64)
    )
    with pytest.raises(EmbedderUnavailable, match="reinstall"):
        EmbeddedEmbeddings().embed_query("hello")
