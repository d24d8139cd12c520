"""Reading the embedded store through Chroma's engine alone (kit.index.reader): the same answers as chromadb's
client on real stores, no chromadb or langchain-core import in a cold search, one engine per store per process,
and chromadb's client whenever the engine cannot be used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from conftest import in_threads

import kit
import kit.index.reader
from kit.index.reader import open_reader
from kit.index.store import Index, _store_identity
from kit.journal.notebooks import append_entry
from kit.testing import FakeEmbeddings

REPO = Path(__file__).resolve().parent.parent
WHERES = [
    None,
    {"created_ts": {"$gte": 0}},
    {"$and": [{"created_ts": {"$gte": 1772900000}}, {"template": {"$eq": "daily-journal"}}]},
    {"template": {"$eq": "no-such-worksheet"}},
]


def _engine_reader(index: Index) -> kit.index.reader.StoreReader:
    store = index.root / "chroma"
    found = open_reader(store, str(_store_identity(store)), index.collection_name)
    assert found is not None
    return found


def _same(a: dict, b: dict) -> None:
    assert a["ids"] == b["ids"]
    for name in ("documents", "metadatas"):
        assert a[name] == b[name], name
    if b.get("distances") is not None:
        np.testing.assert_allclose(np.array(a["distances"]), np.array(b["distances"]), rtol=1e-6)
    if b.get("embeddings") is not None:
        assert type(a["embeddings"]) is type(b["embeddings"])
        np.testing.assert_allclose(np.array(a["embeddings"]), np.array(b["embeddings"]), rtol=1e-6)


def test_the_engine_answers_as_chromadbs_client_does(topical_journal):
    index, _ = topical_journal
    engine = _engine_reader(index)
    # Random directions: no two entries are equally far from them, so the order is the engine's alone (the two
    # engines may order entries at equal distances differently).
    dimension = len(FakeEmbeddings().embed_query("x"))
    vectors = np.random.default_rng(7).normal(size=(3, dimension)).tolist()
    client = index._chroma().get_collection(
        index.collection_name, embedding_function=None
    )  # drops the engine
    assert engine.metadata == client.metadata and engine.count() == client.count() > 0
    for where in WHERES:
        for include in (["distances"], ["documents", "metadatas", "distances"], ["embeddings", "distances"]):
            asked = {"query_embeddings": vectors, "n_results": 5, "where": where, "include": include}
            _same(engine.query(**asked), client.query(**asked))
        got = {"where": where, "include": ["documents", "metadatas", "embeddings"]}
        _same(engine.get(**got), client.get(**got))
    ids = client.get(include=[])["ids"]
    some = [ids[3], ids[0], "not-an-id"]
    for include in ([], ["metadatas"], ["documents", "metadatas", "embeddings"]):
        _same(engine.get(ids=some, include=include), client.get(ids=some, include=include))
    pinned = {"query_embeddings": vectors[:1], "n_results": 3, "ids": ids[:4], "include": ["distances"]}
    _same(engine.query(**pinned), client.query(**pinned))


def test_a_search_in_a_process_that_only_reads_goes_through_the_engine(topical_journal):
    index, written = topical_journal
    store = index.root / "chroma"
    kit.index.reader.drop(store)  # the fixture's update opened the client in this process
    kit.index.store._STORE_SYSTEMS.clear()
    fresh = Index(journal=index.journal, embedder=FakeEmbeddings())
    hits = kit.search(written["choir"][1].text, k=3, index=fresh)
    assert kit.index.reader.reading(store, str(_store_identity(store)))  # not chromadb's client
    assert hits and hits[0].id == written["choir"][1].id


def test_after_a_write_the_process_reads_through_the_client_that_wrote(topical_journal, journal):
    index, _ = topical_journal
    store = index.root / "chroma"
    kit.index.reader.drop(store)
    kit.index.store._STORE_SYSTEMS.clear()
    reading = Index(journal=journal, embedder=FakeEmbeddings())
    assert kit.search("garden", k=2, index=reading)
    assert kit.index.reader.reading(store, str(_store_identity(store)))
    new = append_entry(journal / "later.ipynb", "Zeppelin quokka marmalade, all new words.", journal=journal)
    Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    assert not kit.index.reader.reading(store, str(_store_identity(store)))  # one engine per store
    hits = kit.search("zeppelin quokka marmalade", k=1, index=reading)
    assert [h.id for h in hits] == [new.id]


def test_searches_from_several_threads_share_the_one_engine(topical_journal):
    index, _ = topical_journal
    store = index.root / "chroma"
    kit.index.reader.drop(store)
    kit.index.store._STORE_SYSTEMS.clear()

    def ids() -> list[str]:
        found = kit.search(
            "choir harmony", k=3, index=Index(journal=index.journal, embedder=FakeEmbeddings())
        )
        return [h.id for h in found]

    results, errors = in_threads(ids, n=4)
    assert errors == [] and len(results) == 4 and len({tuple(r) for r in results}) == 1 and results[0]
    assert kit.index.reader.reading(store, str(_store_identity(store)))


def test_an_engine_whose_calls_changed_leaves_the_reading_to_chromadbs_client(topical_journal, monkeypatch):
    index, written = topical_journal
    store = index.root / "chroma"
    kit.index.reader.drop(store)
    kit.index.store._STORE_SYSTEMS.clear()
    monkeypatch.setitem(kit.index.reader._SIGNATURES, "query", "($self, collection_id, renamed)")
    hits = kit.search(
        written["choir"][1].text, k=3, index=Index(journal=index.journal, embedder=FakeEmbeddings())
    )
    assert hits and hits[0].id == written["choir"][1].id
    assert not kit.index.reader.reading(store, str(_store_identity(store)))


def _reflect(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_cold_search_imports_neither_chromadb_nor_langchain_and_finds_what_the_client_finds(journal):
    texts = [
        "Could not sleep again, lying awake until four and dreading the alarm.",
        "Long walk by the river with my sister; we talked about dad and laughed.",
        "The presentation went badly and my manager said nothing afterwards.",
        "Baked bread for the first time, the kitchen smelled of rosemary.",
        "Restless night, kept waking up from the same dream about the old house.",
    ]
    for text in texts:
        append_entry(journal / "a.ipynb", text, journal=journal)
    old = (
        time.time() - 10
    )  # written a while ago: the index keeps its unchanged-journal stamp (kit.index.freshness)
    for path in journal.rglob("*"):
        os.utime(path, (old, old))
    env = {"KIT_EMBED": "embedded", "KIT_MODEL": "fake"}
    # The second run finds nothing to do and keeps the unchanged-journal stamp, as a journal indexed earlier has.
    _reflect("from kit.cli import main; main(['index']); main(['index'])", env)
    query = "trouble sleeping at night"
    out = _reflect(
        "import io, json, sys, contextlib\n"
        "from kit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as buffer:\n"
        f"    main(['search', {query!r}, '--json'])\n"
        "print(json.dumps({'hits': [h['id'] for h in json.loads(buffer.getvalue())],\n"
        "                  'loaded': sorted(m for m in ('chromadb', 'langchain_core') if m in sys.modules)}))\n",
        env,
    )
    cold = json.loads(out.strip().splitlines()[-1])
    assert cold["loaded"] == []
    through_client = _reflect(
        "import json\n"
        "from kit.index.search import search\n"
        "from kit.index.store import Index\n"
        "index = Index(); index._chroma()  # chromadb's client first: the engine is not used\n"
        f"print(json.dumps([h.id for h in search({query!r}, index=index)]))\n",
        env,
    )
    assert cold["hits"] == json.loads(through_client.strip().splitlines()[-1])
    assert len(cold["hits"]) == len(texts)
