"""The digest: themes, dates, counts, verbatim quotes and mood trend computed from the entries alone."""

from __future__ import annotations

import json

import pytest

from kit.reflection.digest import cluster, digest, label_themes
from kit.testing import FakeEmbeddings
from kit.text import sentences


def test_each_topic_is_its_own_theme_with_its_dates_and_count(topical_journal):
    index, written = topical_journal
    result = digest(index=index)
    assert result.entries == 11
    got = {frozenset(t.entry_ids) for t in result.themes}
    want = {frozenset(e.id for e in entries) for entries in written.values()}
    assert got == want
    for theme in result.themes:
        topic = next(t for t, es in written.items() if {e.id for e in es} == set(theme.entry_ids))
        dates = sorted(e.created.date().isoformat() for e in written[topic])
        assert theme.count == len(written[topic])
        assert (theme.first, theme.last) == (dates[0], dates[-1])
        assert theme.dates == sorted(set(dates))


def test_labels_use_words_from_the_themes_own_entries(topical_journal):
    index, written = topical_journal
    for theme in digest(index=index).themes:
        texts = " ".join(e.text.lower() for es in written.values() for e in es if e.id in theme.entry_ids)
        assert theme.phrases, theme
        for phrase in theme.phrases:
            for word in phrase.split():
                assert word.lower() in texts


def test_quotes_are_verbatim_and_dated(topical_journal):
    index, written = topical_journal
    by_id = {e.id: e for es in written.values() for e in es}
    for theme in digest(index=index).themes:
        source = by_id[theme.quote.entry_id]
        assert theme.quote.entry_id in theme.entry_ids
        assert theme.quote.text in source.text
        assert theme.quote.created == source.created.date().isoformat()


@pytest.mark.usefixtures("store")
def test_private_entries_never_appear(topical_journal):
    index, _ = topical_journal
    rendered = digest(index=index).to_json() + digest(index=index).to_markdown()
    assert "secret" not in rendered


def test_same_entries_give_the_same_digest(topical_journal):
    index, _ = topical_journal
    assert digest(index=index).to_json() == digest(index=index).to_json()


def test_period_filter_and_json(topical_journal):
    index, written = topical_journal
    all_dates = sorted(e.created.date() for es in written.values() for e in es)
    result = digest(since=all_dates[5].isoformat(), index=index)
    assert result.entries == len(all_dates) - 5
    assert result.first == all_dates[5].isoformat()
    data = json.loads(result.to_json())
    assert data["entries"] == result.entries and "themes" in data and "mood" in data


def test_query_digest_keeps_only_entries_about_the_query(topical_journal):
    index, written = topical_journal
    result = digest(query="landlord boiler deposit", index=index)
    ids = {i for t in result.themes for i in t.entry_ids} | set(result.other_ids)
    assert ids == {e.id for e in written["landlord"]}


def test_mood_trend(topical_journal):
    index, _ = topical_journal
    mood = digest(index=index).mood
    assert mood.points == 11
    assert mood.direction == "rising"
    assert mood.first_week < mood.last_week


def test_sentence_splitter_keeps_numbered_lists_together():
    text = "Three things I'm grateful for: 1. Tea. 2. Rain on the window. It was 3.5 km. Then home."
    parts = sentences(text)
    assert "Three things I'm grateful for: 1. Tea." in parts[0]
    assert any("3.5 km" in p for p in parts)


def test_label_themes_prefers_repeated_phrases():
    labels = label_themes(
        [["boiler broke", "boiler still broken", "rent due"], ["choir tonight", "choir again"]]
    )
    assert labels[0][0] == "boiler"
    assert labels[1][0] == "choir"


def test_labels_keep_the_persons_capitals_for_names():
    labels = label_themes(
        [["Called Lena again.", "Lena said sorry.", "walked with Lena"], ["Run club", "run run"]]
    )
    assert labels[0][0] == "Lena"
    assert labels[1][0] == "run"


def test_cluster_is_deterministic_and_small_inputs_are_one_theme():
    fake = FakeEmbeddings()
    vecs = fake.embed_documents(["garden basil"] * 3 + ["choir harmony"] * 3 + ["landlord boiler"] * 3)
    assert cluster(vecs) == cluster(vecs)
    assert len(set(cluster(vecs))) == 3
    assert cluster(vecs[:4]) == [0, 0, 0, 0]


def test_nothing_in_the_period_gives_an_empty_digest(topical_journal):
    index, _ = topical_journal
    result = digest(since="2030-01-01", index=index)
    assert result.entries == 0 and result.themes == []
    assert "No entries" in result.to_markdown()


def test_ratings_join_no_theme_but_are_counted(topical_journal, journal):
    from kit.journal.notebooks import append_entry

    index, written = topical_journal
    ratings = [
        append_entry(journal / "2026-03-values.ipynb", text, template="values-clarification", journal=journal)
        for text in ("9", "6/10", "80", "7 / 10")
    ]
    index.update(progress=False)
    result = digest(index=index)
    assert result.entries == 11 + len(ratings)
    assert result.by_template["values-clarification"] == len(ratings)
    themed = {i for t in result.themes for i in t.entry_ids}
    assert not themed & {e.id for e in ratings}
    assert {e.id for e in ratings} <= set(result.other_ids)
    assert {frozenset(t.entry_ids) for t in result.themes} == {
        frozenset(e.id for e in entries) for entries in written.values()
    }


def _silhouette_loop(dist, labels) -> float:
    """The per-point silhouette the vectorised one in kit.reflection.digest replaced: the reference it is checked
    against."""
    import numpy as np

    uniq = np.unique(labels)
    if len(uniq) < 2:
        return -1.0
    scores = np.zeros(len(labels))
    for i in range(len(labels)):
        own = labels == labels[i]
        if own.sum() <= 1:
            continue
        a = dist[i, own].sum() / (own.sum() - 1)
        b = min(dist[i, labels == c].mean() for c in uniq if c != labels[i])
        scores[i] = (b - a) / max(a, b, 1e-12)
    return float(scores.mean())


def _clusters_before_vectorising(vectors, max_k=12, sample=800):
    """How cluster() chose its labels before: scipy's own Ward distances and the per-point silhouette loop."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    x = np.asarray(vectors, dtype=np.float64)
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    tree = linkage(x, method="ward")
    n = len(x)
    scored = np.arange(n) if n <= sample else np.linspace(0, n - 1, sample).astype(int)
    dist = 1.0 - x[scored] @ x[scored].T
    best_score, best = -1.0, np.zeros(n, dtype=int)
    for k in range(2, min(max_k, n // 3) + 1):
        labels = fcluster(tree, k, criterion="maxclust") - 1
        score = _silhouette_loop(dist, labels[scored])
        if score > best_score + 1e-9:
            best_score, best = score, labels
    order: dict[int, int] = {}
    return [order.setdefault(int(c), len(order)) for c in best]


def test_vectorised_silhouette_equals_the_per_point_loop():
    import numpy as np

    from kit.reflection.digest import _silhouette

    rng = np.random.default_rng(3)
    for n, k in ((7, 2), (40, 5), (300, 9)):
        x = rng.normal(size=(n, 16))
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        dist = 1.0 - x @ x.T
        labels = rng.integers(0, k, size=n)
        labels[0] = k  # a cluster of one point scores 0 in both
        assert _silhouette(dist, labels) == pytest.approx(_silhouette_loop(dist, labels), abs=1e-12)
    assert (
        _silhouette(dist, np.zeros(300, dtype=int)) == _silhouette_loop(dist, np.zeros(300, dtype=int)) == -1
    )


def test_cluster_gives_the_same_labels_as_before_on_fixed_sets():
    import numpy as np

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(7, 64))
    points = np.vstack([c + rng.normal(scale=0.9, size=(150, 64)) for c in centres])
    points = points[rng.permutation(len(points))]
    for n in (6, 25, 120, 1050):  # 1,050: the silhouette is scored on a sample of 800
        assert cluster(points[:n]) == _clusters_before_vectorising(points[:n])
