"""The word index beside the vectors: names and rare words rank first, it follows every change to the notebooks,
forgetting and private marking leave no trace of it, any query is safe, and a lost or damaged file comes back."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from kit.cli import main
from kit.index.lexical import SCHEMA_VERSION, WordIndex, match_expression, query_words, weak_words
from kit.index.search import RRF_K, search
from kit.index.store import Index
from kit.journal.notebooks import append_entry, update_entry
from kit.testing import FakeEmbeddings

# Short entries full of "work" sit close to "Tomasz at work" by meaning; the one entry that names Tomasz says a
# lot else besides, so by meaning alone it comes after them. The same for sleep and "sertraline".
WORK = [
    "Work, work, work: the office was loud at work all afternoon.",
    "Work again until late; office emails about work.",
    "Office work piling up, more work tomorrow.",
    "A calm day at work, the office half empty.",
    "Work review with my manager, work targets for spring.",
    "Work from home, the office wifi down again.",
]
TOMASZ = (
    "Lunch with Tomasz by the river; we talked about his daughter, the new flat, the broken bicycle, "
    "the concert tickets and the long winter."
)
SLEEP = [
    "Sleep was bad: awake at three, sleep came back at dawn.",
    "Poor sleep again, heavy eyes, sleep debt growing.",
    "Bad sleep, bad dreams, woke at five.",
    "Sleep finally better, eight hours of sleep.",
    "Napped after lunch, sleep at night was bad anyway.",
    "Sleep tracker says bad sleep three nights running.",
]
SERTRALINE = (
    "Doctor's appointment: started sertraline, fifty milligrams, pharmacy queue, rain on the bus home, "
    "a little nausea in the evening."
)
CANARY = "quibblewhisk"  # a made-up word that occurs nowhere else


def _index(journal: Path) -> Index:
    return Index(journal=journal, embedder=FakeEmbeddings())


def _search(journal: Path, query: str, **kwargs):
    return search(query, index=_index(journal), **kwargs)


@pytest.fixture
def people(journal, make_notebook):
    """Work entries, one lunch with Tomasz, sleep entries and one about sertraline; indexed."""
    _, work = make_notebook("work.ipynb", [*WORK, TOMASZ])
    _, health = make_notebook("health.ipynb", [*SLEEP, SERTRALINE])
    _index(journal).update(progress=False)
    return {"work": work[:-1], "tomasz": work[-1], "sleep": health[:-1], "sertraline": health[-1]}


def _word_ids(index: Index) -> set[str]:
    con = sqlite3.connect(index.words.path)
    try:
        return {row[0] for row in con.execute("SELECT id FROM entries")}
    finally:
        con.close()


def _files_with(home: Path, needle: str) -> list[str]:
    """Every file under KIT_HOME whose raw bytes hold ``needle`` (any case: FTS5 folds case)."""
    found = []
    for path in sorted(home.rglob("*")):
        if path.is_file():
            data = path.read_bytes().lower()
            if needle.lower().encode() in data:
                found.append(str(path.relative_to(home)))
    return found


# ---------------------------------------------------------------- ranking


@pytest.mark.parametrize(
    ("query", "who"),
    [("Tomasz at work", "tomasz"), ("started sertraline, sleep bad", "sertraline")],
)
def test_a_name_or_rare_word_ranks_its_entry_first(people, journal, query, who):
    by_meaning = _search(journal, query, k=3, words=False)
    assert people[who].id not in [h.id for h in by_meaning]
    hits = _search(journal, query, k=3)
    assert hits[0].id == people[who].id
    # The score is still closeness in meaning; the word match is why it ranks first.
    assert hits[0].score < max(h.score for h in hits)


def test_a_name_alone_finds_its_entry(people, journal):
    (hit,) = _search(journal, "tomasz", k=1)
    assert hit.id == people["tomasz"].id and "Tomasz" in hit.text


def test_common_words_are_left_to_the_meaning_search(people, journal):
    # "work" is a word the embedder knows whole: the word ranking holds only the entries naming Tomasz, and
    # "work" merely orders them.
    index = _index(journal)
    assert [i for i, _ in index.words.ranked("Tomasz at work", 10)] == [people["tomasz"].id]
    # Asked alone, a word the embedder knows is left to the meaning search entirely.
    assert index.words.ranked("work", 10) == []
    hits = _search(journal, "work", k=3)
    assert [h.score for h in hits] == [h.score for h in _search(journal, "work", k=3, words=False)]


@pytest.mark.parametrize(
    ("query", "weak"),
    [
        ("Tomasz at work", ["tomasz"]),  # split by WordPiece: tomas ##z
        ("when did I start sertraline", ["sertraline"]),
        ("Krisztián's wedding", ["krisztián"]),
        ("the baby walking for the first time", []),  # every word known whole: meaning decides
        ("cutting down the dose of my pills", []),
        ("seeing Lena", ["lena"]),  # written with a capital: a name
        ("mum's youth in Lublin", ["lublin"]),
        ("my 10k run", ["10k"]),  # a digit
        ("İstanbul trip", ["i̇stanbul"]),  # lower-cased as written (FTS5 folds the dot above)
    ],
)
def test_weak_words_are_those_the_embedder_has_little_sense_of(query, weak):
    assert weak_words(query) == weak


def test_a_shared_common_word_does_not_pull_a_paraphrase_off(journal, make_notebook):
    # By meaning the entry about first steps is nearest to the question. Another entry shares only "baby" with
    # it, the rarest of its words in this journal: ranked by word, it came first, and the fusion lifted it above
    # the answer. "baby" is a word the embedder knows whole, so meaning decides.
    _, (steps, baby, *_) = make_notebook(
        "a.ipynb",
        [
            "Zosia walking for the first time, on her own!",
            "Bought a baby blanket for my cousin.",
            "Walking home, first rain in weeks, no time to change.",
            "Walking the dog at dusk, time to think.",
            "First frost on the car, no time for breakfast.",
            "Time for coffee before walking to work.",
        ],
    )
    index = _index(journal)
    index.update(progress=False)
    query = "the baby walking for the first time"
    by_meaning = _search(journal, query, k=6, words=False)
    assert by_meaning[0].id == steps.id and baby.id in [h.id for h in by_meaning]
    assert index.words.ranked(query, 10) == []
    hits = _search(journal, query, k=6)
    assert hits[0].id == steps.id
    # In the order of meaning all the way down (entries equally close may swap places).
    assert [h.score for h in hits] == [h.score for h in by_meaning]


def test_the_weak_word_chooses_and_every_word_orders(journal, make_notebook):
    _, (walk, party, cake, *_) = make_notebook(
        "a.ipynb",
        [
            "Walk with Zosia and her mum along the river, ducks and bread.",
            "Zosia's birthday: a party at the flat, balloons everywhere, Zosia laughing.",
            "Baked a birthday cake for my neighbour.",
            "Quiet evening with a book.",
            "Rain all day, stayed in.",
        ],
    )
    index = _index(journal)
    index.update(progress=False)
    # Only the entries naming Zosia are ranked by word ("birthday" alone brings in none), and of those the one
    # about her birthday comes first.
    assert [i for i, _ in index.words.ranked("Zosia's first birthday", 10)] == [party.id, walk.id]


def test_a_long_weak_word_matches_its_inflections(journal, make_notebook):
    # FTS5's stemmer knows English endings only; a name of five letters or more also finds the words it begins.
    _, (lublin, ewelina, *_) = make_notebook(
        "a.ipynb",
        [
            "Mama opowiadała o młodości w Lublinie.",
            "Kawa z Eweliną w sobotę.",
            "Spacer po parku.",
            "Quiet evening with a book.",
        ],
    )
    index = _index(journal)
    index.update(progress=False)
    assert [i for i, _ in index.words.ranked("mum's youth in Lublin", 5)] == [lublin.id]
    assert [i for i, _ in index.words.ranked("Ewelina", 5)] == [ewelina.id]
    # A shorter word matches whole words only: "Ewa" must not find "Eweliną".
    assert index.words.ranked("Ewa", 5) == []
    # Written in lower case, "lublin" is a word the embedder's vocabulary holds whole: not looked up at all.
    assert weak_words("youth in lublin") == [] and index.words.ranked("youth in lublin", 5) == []
    assert match_expression(["lublin", "ewa"], ["lublin"]) == '"lublin"* OR "ewa"'


def test_fusion_order_is_reciprocal_rank(people, journal):
    # The fused order equals the sum of 1/(60 + rank) over the meaning and the word rankings.
    index = _index(journal)
    meaning = [h.id for h in _search(journal, "sertraline sleep", k=7, words=False)]
    by_word = [i for i, _ in index.words.ranked("sertraline sleep", 10)]
    fused = {
        i: sum(1 / (RRF_K + r.index(i) + 1) for r in (meaning, by_word) if i in r) for i in meaning + by_word
    }
    hits = _search(journal, "sertraline sleep", k=7)
    assert [h.id for h in hits][:3] == sorted(fused, key=lambda i: -fused[i])[:3]


def test_stems_and_diacritics_match(journal, make_notebook):
    _, (kayaks, cafe, other) = make_notebook(
        "a.ipynb", ["Long kayaks along the shore.", "Coffee at the Café Zoë.", "Quiet evening."]
    )
    index = _index(journal)
    index.update(progress=False)
    assert [i for i, _ in index.words.ranked("kayaking", 5)] == [kayaks.id]
    assert [i for i, _ in index.words.ranked("Cafe Zoe", 5)] == [cafe.id]


def test_filters_apply_to_word_matches(journal, make_notebook):
    make_notebook(
        "a.ipynb",
        [
            {
                "text": "Tomasz came for dinner.",
                "created": "2024-01-05T20:00:00",
                "template": "daily-journal",
            },
            {"text": "Argued with Tomasz.", "created": "2024-03-05T20:00:00", "template": "thought-record"},
            {"text": "Quiet walk alone.", "created": "2024-03-06T20:00:00", "template": "daily-journal"},
        ],
    )
    _index(journal).update(progress=False)
    assert [h.text for h in _search(journal, "Tomasz", k=1, since="2024-02-01")] == ["Argued with Tomasz."]
    assert [h.text for h in _search(journal, "Tomasz", k=1, until="2024-02-01")] == [
        "Tomasz came for dinner."
    ]
    assert [h.text for h in _search(journal, "Tomasz", k=1, template="daily-journal")] == [
        "Tomasz came for dinner."
    ]
    assert _search(journal, "Tomasz", k=5, since="2025-01-01") == []


@pytest.mark.usefixtures("store")
def test_private_entries_are_never_returned_or_stored(journal, make_notebook, kit_home):
    make_notebook("a.ipynb", ["An ordinary day.", {"text": f"Private: {CANARY} again.", "private": True}])
    index = _index(journal)
    index.update(progress=False)
    assert index.words.ranked(CANARY, 5) == []
    assert all(CANARY not in h.text for h in _search(journal, CANARY, k=5))
    assert _files_with(kit_home, CANARY) == []


# ---------------------------------------------------------------- query syntax


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"Tomasz',
        "Tomasz*",
        "*",
        "NEAR",
        "NEAR(Tomasz river)",
        "Tomasz NEAR river",
        "-Tomasz",
        "Tomasz - river",
        "text:Tomasz",
        ":",
        "Tomasz AND OR NOT",
        "^Tomasz",
        "(((Tomasz",
        "Tomasz)",
        "{text}: Tomasz",
        "Tomasz's river",
        "Tomasz \\ ' ; -- DROP TABLE entries",
        "Tomasz 🙂 ∑",
        "x" * 5000,
        " ".join(f"w{i}" for i in range(500)) + " Tomasz",
    ],
)
def test_any_query_is_safe(people, journal, query):
    hits = _search(journal, query, k=3)
    assert len(hits) == 3
    if "Tomasz" in query and len(query) < 200:
        assert hits[0].id == people["tomasz"].id


def test_query_words_drop_operators_and_stop_words():
    assert query_words('She wrote "NEAR" -x* col:Tomasz (AND)') == ["wrote", "near", "x", "col", "tomasz"]
    assert query_words("***  --  ::") == []
    assert match_expression(["near", "and"]) == '"near" OR "and"'


# ---------------------------------------------------------------- kept in step


def test_the_word_index_holds_what_the_vectors_hold(people, journal, kit_home):
    index = _index(journal)
    assert _word_ids(index) == index.ids()
    assert index.words.path.parent == kit_home.resolve() / "index" / "lexical"
    assert index.words.path.stat().st_mode & 0o777 == 0o600


def test_an_edit_replaces_the_old_words(people, journal, kit_home):
    path = journal / "work.ipynb"
    tomasz = people["tomasz"]
    update_entry(path, tomasz.id, text=f"Lunch with Marek and {CANARY}.", journal=journal)
    _index(journal).update(progress=False)
    index = _index(journal)
    assert index.words.ranked("Tomasz", 5) == []
    assert [i for i, _ in index.words.ranked("Marek", 5)] == [tomasz.id]
    assert [i for i, _ in index.words.ranked(CANARY, 5)] == [tomasz.id]
    # The old text's words are gone from the word index's file, not just unreachable.
    lexical = index.words.path.read_bytes().lower()
    assert b"tomasz" not in lexical and b"daughter" not in lexical


def test_a_deleted_entry_leaves_the_word_index(people, journal):
    import nbformat

    path = journal / "work.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if "Tomasz" not in "".join(c.source)]
    nbformat.write(nb, path)
    report = _index(journal).update(progress=False)
    assert report.removed == 1
    index = _index(journal)
    assert index.words.ranked("Tomasz", 5) == []
    assert _word_ids(index) == index.ids()
    assert b"tomasz" not in index.words.path.read_bytes().lower()


def test_a_renamed_notebook_costs_nothing_and_stays_findable(people, journal):
    (journal / "work.ipynb").rename(journal / "2024-work.ipynb")
    embedder = FakeEmbeddings()
    report = Index(journal=journal, embedder=embedder).update(progress=False)
    assert embedder.texts_embedded == 0 and report.removed == 0 and report.new == 0
    index = _index(journal)
    assert _word_ids(index) == index.ids()
    (hit,) = _search(journal, "Tomasz", k=1)
    assert hit.notebook == "2024-work.ipynb"


def test_a_deleted_notebook_leaves_the_word_index(people, journal):
    (journal / "health.ipynb").unlink()
    _index(journal).update(progress=False)
    index = _index(journal)
    assert index.words.ranked("sertraline", 5) == []
    assert _word_ids(index) == index.ids() == {e.id for e in [*people["work"], people["tomasz"]]}


def test_a_new_entry_is_found_by_word_after_update(people, journal):
    entry = append_entry(journal / "work.ipynb", f"Met {CANARY} at the market.", journal=journal)
    _index(journal).update(progress=False)
    (hit,) = _search(journal, CANARY, k=1)
    assert hit.id == entry.id


def test_a_search_never_holds_up_the_next_update(people, journal, kit_home):
    # The word index keeps its read connection between searches; it must hold no lock while it waits.
    index = _index(journal)
    assert search("Tomasz", k=1, index=index)[0].id == people["tomasz"].id
    entry = append_entry(journal / "work.ipynb", f"Met {CANARY} at the market.", journal=journal)
    index.update(progress=False)
    assert search(CANARY, k=1, index=index)[0].id == entry.id
    index.forget([entry.id])
    assert index.words.ranked(CANARY, 5) == []
    assert _files_with(kit_home, CANARY) == []


# ---------------------------------------------------------------- no trace


def test_the_canary_is_in_the_word_index_before(people, journal, kit_home):
    append_entry(journal / "work.ipynb", f"Secret word {CANARY}.", journal=journal)
    _index(journal).update(progress=False)
    assert "index/lexical/" + _index(journal).words.path.name in _files_with(kit_home, CANARY)


def test_forget_leaves_no_trace_of_the_words(people, journal, kit_home):
    secret = append_entry(journal / "work.ipynb", f"Secret word {CANARY} under the stairs.", journal=journal)
    _index(journal).update(progress=False)
    assert _files_with(kit_home, CANARY)
    _index(journal).forget([secret.id])
    assert _files_with(kit_home, CANARY) == []
    index = _index(journal)
    assert index.words.ranked(CANARY, 5) == []
    assert _word_ids(index) == index.ids()
    # The rest is still found by word.
    assert _search(journal, "Tomasz", k=1)[0].id == people["tomasz"].id


def test_marking_private_leaves_no_trace_of_the_words(people, journal, kit_home):
    path = journal / "work.ipynb"
    secret = append_entry(path, f"Secret word {CANARY} under the stairs.", journal=journal)
    _index(journal).update(progress=False)
    update_entry(path, secret.id, private=True, journal=journal)
    report = _index(journal).update(progress=False)
    assert report.removed == 1
    assert _files_with(kit_home, CANARY) == []
    assert all(h.id != secret.id for h in _search(journal, CANARY, k=10))


def test_forget_of_a_whole_notebook_leaves_no_trace(people, journal, kit_home):
    index = _index(journal)
    index.forget(index.notebook_ids("health.ipynb"))
    for word in ("sertraline", "milligrams", "nausea"):
        assert _files_with(kit_home, word) == []


# ---------------------------------------------------------------- a cache: lost or damaged, made again


def _warned(caplog) -> bool:
    return any("word index" in r.getMessage() and "meaning only" in r.getMessage() for r in caplog.records)


def test_a_deleted_word_index_falls_back_then_comes_back(people, journal, caplog):
    shutil.rmtree(_index(journal).words.path.parent)
    with caplog.at_level(logging.WARNING, logger="kit"):
        hits = _search(journal, "Tomasz at work", k=3)
    assert len(hits) == 3 and _warned(caplog)  # meaning only, and it says so
    embedder = FakeEmbeddings()
    Index(journal=journal, embedder=embedder).update(progress=False)
    assert embedder.texts_embedded == 0  # made again from the notebooks without embedding anything
    assert _search(journal, "Tomasz at work", k=1)[0].id == people["tomasz"].id


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed-middle", "old-schema"])
def test_a_damaged_word_index_is_made_again_by_update(people, journal, caplog, damage):
    path = _index(journal).words.path
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all " * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "zeroed-middle":
        path.write_bytes(data[:4096] + b"\0" * (len(data) - 8192) + data[-4096:])
    else:
        con = sqlite3.connect(path)
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        con.commit()
        con.close()
    with caplog.at_level(logging.WARNING, logger="kit"):
        hits = _search(journal, "Tomasz at work", k=3)  # never an error: meaning still works
        assert len(hits) == 3
        report = _index(journal).update(progress=False)
    assert report.embedded == 0
    assert any("word index" in r.getMessage() for r in caplog.records)
    index = _index(journal)
    assert _word_ids(index) == index.ids()
    assert _search(journal, "Tomasz at work", k=1)[0].id == people["tomasz"].id


def test_rebuild_makes_the_word_index_anew(people, journal):
    index = _index(journal)
    con = sqlite3.connect(index.words.path)
    con.execute("DELETE FROM entries")  # out of step behind the kit's back
    con.commit()
    con.close()
    index.update(rebuild=True, progress=False)
    assert _word_ids(_index(journal)) == _index(journal).ids()
    assert _search(journal, "Tomasz at work", k=1)[0].id == people["tomasz"].id


def test_a_stale_word_index_never_returns_what_the_vectors_lack(people, journal, tmp_path):
    # A copy of the word index taken before an entry was forgotten, put back: search still cannot return it.
    index = _index(journal)
    saved = tmp_path / "words-copy.sqlite3"
    shutil.copy(index.words.path, saved)
    index.forget([people["tomasz"].id])
    shutil.copy(saved, _index(journal).words.path)
    assert all(h.id != people["tomasz"].id for h in _search(journal, "Tomasz", k=10))


def test_word_index_without_an_existing_file_reads_nothing(tmp_path):
    from kit.index.lexical import WordsUnavailable

    words = WordIndex(tmp_path / "nope.sqlite3")
    with pytest.raises(WordsUnavailable):
        words.ranked("Basil", 5)
    assert words.ranked("***", 5) == []  # nothing to look up: nothing to read
    assert words.remove(["x"]) == 0


def test_cli_search_finds_the_name(people, capsys):
    code = main(["search", "Tomasz at work", "-k", "1"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Tomasz" in out
