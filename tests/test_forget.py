"""`reflect forget`: entries leave the index, and nothing of their text or vectors stays under KIT_HOME."""

from __future__ import annotations

import json
import os
import stat
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import assert_one_line_error, reflect_process
from filelock import FileLock

import kit.index.store
import kit.models.embedders
from kit.cli import main
from kit.errors import EntryNotFound, IndexBusy
from kit.index.search import search
from kit.index.store import Index
from kit.journal.entries import kit_metadata, new_id, now
from kit.journal.notebooks import entry_cell, new_notebook, read_entries, save, update_entry
from kit.testing import FakeEmbeddings

CANARY = "CANARY-7f3a-zebra-quartz"
SECRET = f"Nobody may know: {CANARY} under the floorboards."
OTHERS = [
    "Planted tomatoes and basil in the garden beds before the rain came.",
    "Choir rehearsal tonight, the altos finally nailed the harmony.",
    "The landlord still hasn't fixed the boiler, third email this month.",
    "Long run by the river, knees fine for once.",
]


# Tests that hold for the embedded store and for a Chroma server alike run against both (conftest's `store`).
both = pytest.mark.usefixtures("store")


def _index(journal: Path) -> Index:
    return Index(journal=journal, embedder=FakeEmbeddings())


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _reflect(*args: str) -> subprocess.CompletedProcess[str]:
    """`reflect` in a new process (KIT_HOME and KIT_JOURNAL come from the test's environment)."""
    return reflect_process(*args)


def _vector_bytes(text: str) -> bytes:
    """The entry's vector as Chroma stores it (float32, little-endian), in SQLite and in the HNSW files."""
    vector = FakeEmbeddings().embed_documents([text.strip()])[0]
    return struct.pack(f"<{len(vector)}f", *vector)


def _needles(entry, trigrams: bool = True) -> dict[str, bytes]:
    """What must not stay: the text, the vector, the id, and the text's trigrams.

    Chroma's full-text index keeps 3-letter tokens, not whole words, so the canary's trigrams are looked for
    too (ones that cannot occur in hex ids; in a store of a thousand vectors random bytes may hold them).
    """
    needles = {"canary": CANARY.encode(), "vector": _vector_bytes(entry.text), "id": entry.id.encode()}
    if trigrams:
        needles.update({f"trigram {t}": t.encode() for t in ("ebr", "bra", "uar", "rtz")})
    return needles


def _traces(home: Path, needles: dict[str, bytes]) -> list[tuple[str, str]]:
    """(file, what) for each needle in the bytes of any file under KIT_HOME (SQLite -wal/-journal too)."""
    found = []
    for path in sorted(home.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found += [
                (str(path.relative_to(home)), name) for name, needle in needles.items() if needle in data
            ]
    return found


@pytest.fixture
def secret_journal(journal, make_notebook):
    """a.ipynb with ordinary entries, b.ipynb with the canary between two more; indexed. Returns entries."""
    _, others = make_notebook("a.ipynb", OTHERS)
    _, (before, secret, after) = make_notebook(
        "b.ipynb", ["Quiet morning with coffee.", SECRET, "Called my sister about the holidays."]
    )
    _index(journal).update(progress=False)
    return {"others": others, "before": before, "secret": secret, "after": after}


def test_canary_is_everywhere_before_forgetting(secret_journal, kit_home):
    # The probe works: before forgetting, the text, the vector and the id are all on disk.
    traces = _traces(kit_home, _needles(secret_journal["secret"]))
    found = {what for _, what in traces}
    assert {"canary", "vector", "id", "trigram ebr"} <= found
    # ...and the word index beside the vectors holds the text and the id too.
    assert {"canary", "id"} <= {what for path, what in traces if path.startswith("index/lexical/")}


def test_forget_by_id_leaves_nothing_under_kit_home(capsys, journal, kit_home, store, secret_journal):
    secret = secret_journal["secret"]
    code, out, err = _run(capsys, "forget", secret.id)
    assert code == 0, err
    lines = out.strip().splitlines()
    on_server = (
        f"; the Chroma server at {os.environ['KIT_CHROMA_URL']} no longer holds it in its collection, but what "
        "that server keeps of deleted data on its own disks is out of the kit's reach"
        if store == "server"
        else ""
    )
    assert lines[0] == (
        f"Forgot 1 entry: out of the index, and no search or model will see it until you run "
        f"`reflect forget --undo {secret.id}`; nothing of its words is left under KIT_HOME{on_server}"
    )
    assert lines[1] == (
        f"Its words are still in your notebook b.ipynb — to delete them, delete that cell (cell {secret.cell_id}) "
        "in JupyterLab and save"
    )
    assert _traces(kit_home, _needles(secret)) == []  # the list of forgotten entries names none of them
    assert secret.id not in _index(journal).ids()
    assert len(_index(journal).ids()) == len(OTHERS) + 2


def test_forget_clears_vectors_already_persisted_in_hnsw_files(journal, kit_home):
    # Chroma writes its HNSW files once 1000 vectors wait in its log; below that they live only in SQLite. The
    # index writes each chunk as it is embedded, so the secret comes first: its chunk is persisted.
    nb = new_notebook()
    secret_id = new_id()
    meta = kit_metadata(entry_id=secret_id, created=now(), template="journal", field="entry")
    nb.cells.append(entry_cell(nb, SECRET, meta))
    for i in range(1100):
        meta = kit_metadata(entry_id=new_id(), created=now(), template="journal", field="entry")
        nb.cells.append(entry_cell(nb, f"ordinary day number {i} with errand w{i}", meta))
    save(journal / "big.ipynb", nb, None)
    index = _index(journal)
    index.update(progress=False)
    secret = next(e for e in read_entries(journal / "big.ipynb", journal) if e.id == secret_id)
    before = _traces(kit_home, _needles(secret, trigrams=False))
    assert any(path.endswith("data_level0.bin") and what == "vector" for path, what in before), before
    assert any(path.endswith("index_metadata.pickle") and what == "id" for path, what in before), before
    records = index.records()

    assert index.forget([secret_id]) == 1
    assert _traces(kit_home, _needles(secret, trigrams=False)) == []
    # The rest is kept as it was (search equality is checked on a small journal: on 1,100 near-identical
    # fake vectors HNSW's approximate ties come out in either order).
    after = _index(journal).records()
    assert after.keys() == records.keys() - {secret_id}
    for entry_id in list(after)[::97]:
        assert after[entry_id]["document"] == records[entry_id]["document"]
        assert after[entry_id]["metadata"] == records[entry_id]["metadata"]
        assert after[entry_id]["embedding"] == pytest.approx(records[entry_id]["embedding"])
    hits = search(records[next(iter(after))]["document"], k=5, index=_index(journal))
    assert len(hits) == 5 and {h.id for h in hits} <= after.keys()


@pytest.mark.parametrize("form", ["relative", "absolute", "from-cwd"])
def test_forget_a_notebook(capsys, monkeypatch, journal, kit_home, secret_journal, form):
    path = {
        "relative": "b.ipynb",
        "absolute": str(journal / "b.ipynb"),
        "from-cwd": f"{journal.name}/b.ipynb",
    }[form]
    monkeypatch.chdir(journal.parent)
    code, out, err = _run(capsys, "forget", "--notebook", path)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("Forgot 3 entries: out of the index, and no search or model will see them")
    assert "`reflect forget --undo --notebook b.ipynb`" in lines[0]
    assert lines[1] == (
        "The words of 3 of them are still in your notebook b.ipynb — to delete them, delete their cells in "
        "JupyterLab and save"
    )
    assert len(lines) == 2
    assert _traces(kit_home, _needles(secret_journal["secret"])) == []
    assert _index(journal).ids() == {e.id for e in secret_journal["others"]}


@both
def test_other_entries_are_found_the_same_afterwards(topical_journal):
    index, written = topical_journal
    gone = written["landlord"][1]
    queries = ["boiler landlord deposit", "garden tomatoes basil", "choir harmony rehearsal"]
    before = {q: search(q, k=20, index=index) for q in queries}
    records = index.records()

    assert index.forget([gone.id]) == 1

    again = Index(journal=index.journal, embedder=FakeEmbeddings())
    for q in queries:
        expected = [(h.id, h.text, h.notebook, h.created) for h in before[q] if h.id != gone.id]
        got = search(q, k=20, index=again)
        assert [(h.id, h.text, h.notebook, h.created) for h in got] == expected
        assert [h.score for h in got] == pytest.approx([h.score for h in before[q] if h.id != gone.id])
    remaining = again.records()
    assert remaining.keys() == records.keys() - {gone.id}
    for entry_id, record in remaining.items():
        assert record["document"] == records[entry_id]["document"]
        assert record["metadata"] == records[entry_id]["metadata"]
        assert record["embedding"] == pytest.approx(records[entry_id]["embedding"])


@both
def test_an_index_object_made_before_forgetting_keeps_working(journal, secret_journal):
    # Chroma keeps one system per store in the process; forget closes it, so older Index objects must reopen.
    older = _index(journal)
    assert secret_journal["secret"].id in older.ids()
    _index(journal).forget([secret_journal["secret"].id])
    assert secret_journal["secret"].id not in older.ids()
    assert [h.text for h in search("garden basil", k=1, index=older)] == [OTHERS[0]]
    assert older.update(progress=False).new == 1  # still in its notebook, not private: it comes back


@both
def test_forget_leaves_another_journals_index_alone(tmp_path, journal, kit_home, secret_journal):
    from kit.journal.notebooks import append_entry

    other = tmp_path / "other-journal"
    other.mkdir()
    theirs = append_entry(other / "x.ipynb", "Their own garden notes about basil.", journal=other)
    _index(other).update(progress=False)
    _index(journal).forget([secret_journal["secret"].id])
    assert _index(other).records()[theirs.id]["document"] == "Their own garden notes about basil."
    assert [h.id for h in search("basil", k=1, index=_index(other))] == [theirs.id]


def test_unused_vector_space_is_zeroed(tmp_path, journal, kit_home, secret_journal):
    """Chroma writes a small collection's HNSW files at full capacity from uninitialised memory.

    Measured with chromadb 1.5.9: with fewer vectors than its sync threshold, data_level0.bin holds no vector
    at all, yet a process that had Chroma read an entry earlier wrote that entry's SQLite row, text included,
    into it. Forget zeroes every slot past the element count, in every segment of the store.
    """
    from kit.journal.notebooks import append_entry

    other = tmp_path / "other-journal"
    other.mkdir()
    theirs = append_entry(other / "x.ipynb", "Their own garden notes about basil.", journal=other)
    _index(other).update(progress=False)
    hits_before = search("garden basil", k=1, index=_index(other))
    segments = set((kit_home / "index" / "chroma").glob("*/data_level0.bin"))
    for path in segments:  # what the uninitialised memory held in the run that was measured
        data = bytearray(path.read_bytes())
        data[5000 : 5000 + len(SECRET)] = SECRET.encode()
        path.write_bytes(bytes(data))
    assert "canary" in {what for _, what in _traces(kit_home, _needles(secret_journal["secret"]))}

    _index(journal).forget([secret_journal["secret"].id])
    assert _traces(kit_home, _needles(secret_journal["secret"])) == []
    hits_after = search("garden basil", k=1, index=_index(other))
    assert (
        [(h.id, h.score) for h in hits_after]
        == [(h.id, h.score) for h in hits_before]
        == [(theirs.id, hits_before[0].score)]
    )


def test_json_output(capsys, secret_journal):
    secret = secret_journal["secret"]
    code, out, _ = _run(capsys, "forget", secret.id, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["forgotten"] == 1
    assert result["ids"] == [secret.id]
    assert result["still_in_notebooks"] == [
        {"id": secret.id, "notebook": "b.ipynb", "cell_id": secret.cell_id}
    ]
    assert "delete that cell" in result["hint"] and result["undo"] == f"reflect forget --undo {secret.id}"


def test_unknown_id_is_a_one_line_error_and_changes_nothing(capsys, journal, kit_home, secret_journal):
    ids = _index(journal).ids()
    store_files = {p: p.read_bytes() for p in (kit_home / "index" / "chroma").rglob("*") if p.is_file()}
    code, out, err = _run(capsys, "forget", "no-such-entry")
    assert_one_line_error(code, err, "no-such-entry", "reflect search")
    assert out == ""
    assert _index(journal).ids() == ids
    assert {p: p.read_bytes() for p in store_files} == store_files


@both
def test_unknown_id_among_known_ones_changes_nothing(journal, secret_journal):
    ids = _index(journal).ids()
    with pytest.raises(EntryNotFound, match="reflect search"):
        _index(journal).forget([secret_journal["secret"].id, "no-such-entry"])
    assert _index(journal).ids() == ids


def test_forget_without_an_index_is_a_one_line_error(capsys):
    code, _, err = _run(capsys, "forget", "abc123")
    assert_one_line_error(code, err, "abc123", "reflect search")


def test_unknown_notebook_is_a_one_line_error(capsys, secret_journal):
    code, _, err = _run(capsys, "forget", "--notebook", "2019-01.ipynb")
    assert_one_line_error(code, err, "2019-01.ipynb", "relative to the journal", "reflect search")


def test_id_or_notebook_is_required(capsys):
    assert main(["forget"]) == 1
    assert main(["forget", "abc", "--notebook", "b.ipynb"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and all(line.startswith("reflect: error: ") for line in err.splitlines())


@both
def test_forgotten_then_private_entry_stays_out_after_index(capsys, journal, kit_home, secret_journal):
    secret = secret_journal["secret"]
    code, out, _ = _run(capsys, "forget", secret.id)
    assert code == 0
    hint = out.strip().splitlines()[1]
    assert hint.startswith("Its words are still in your notebook b.ipynb") and "delete that cell" in hint

    update_entry(journal / "b.ipynb", secret.id, private=True)  # what the hint asks for
    # A new process, as a person runs it: in this one Chroma has held the entry in memory, and Chroma writes
    # uninitialised memory into small HNSW files (see test_unused_vector_space_is_zeroed).
    done = _reflect("index")
    assert done.returncode == 0, done.stderr
    assert "1 private skipped" in done.stdout
    assert _traces(kit_home, _needles(secret)) == []
    assert secret.id not in _index(journal).ids()


@both
def test_without_the_hint_followed_the_entry_comes_back(journal, secret_journal):
    # Why the hint is there: the notebooks are the truth, and indexing adds what they hold.
    secret = secret_journal["secret"]
    _index(journal).forget([secret.id])
    assert _index(journal).update(progress=False).new == 1
    assert secret.id in _index(journal).ids()


def test_no_hint_for_entries_whose_notebook_is_gone(capsys, journal, secret_journal):
    secret, after = secret_journal["secret"], secret_journal["after"]
    update_entry(journal / "b.ipynb", secret.id, private=True)  # private, but not re-indexed yet
    code, out, _ = _run(capsys, "forget", secret.id)
    assert code == 0
    assert "Its words are still in your notebook b.ipynb" in out  # private or not, the words are there

    (journal / "b.ipynb").unlink()  # the notebook is gone: its entries are only in the index
    code, out, _ = _run(capsys, "forget", "--notebook", "b.ipynb")
    assert code == 0
    assert out.strip().splitlines() == [
        "Forgot 2 entries: out of the index, and no search or model will see them until you run "
        "`reflect forget --undo --notebook b.ipynb`; nothing of their words is left under KIT_HOME"
    ]
    assert after.id not in _index(journal).ids()


def test_store_stays_owner_only(journal, kit_home, secret_journal):
    _index(journal).forget([secret_journal["secret"].id])
    wrong = []
    for dirpath, _, filenames in os.walk(kit_home):
        if stat.S_IMODE(os.stat(dirpath).st_mode) != 0o700:
            wrong.append(dirpath)
        wrong += [
            name for name in filenames if stat.S_IMODE(os.stat(os.path.join(dirpath, name)).st_mode) != 0o600
        ]
    assert wrong == []


def test_forget_waits_for_the_writer_lock(journal, kit_home, secret_journal, monkeypatch):
    monkeypatch.setattr(kit.index.store, "LOCK_TIMEOUT_S", 0.2)
    with FileLock(str(kit_home / "index" / "write.lock")):
        with pytest.raises(IndexBusy, match="another process"):
            _index(journal).forget([secret_journal["secret"].id])
    assert secret_journal["secret"].id in _index(journal).ids()


@both
def test_forget_in_a_real_process(journal, kit_home, secret_journal):
    secret = secret_journal["secret"]
    done = _reflect("forget", secret.id)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Forgot 1 entry: out of the index")
    assert _traces(kit_home, _needles(secret)) == []
    assert secret.id not in _index(journal).ids()


def test_an_entry_marked_private_leaves_no_trace_after_reflect_index(journal, kit_home):
    from kit.index.store import Index
    from kit.journal.notebooks import append_entry, update_entry
    from kit.testing import FakeEmbeddings

    canary = "CANARY-private-4c1d-heron"
    path = journal / "p.ipynb"
    append_entry(path, "An ordinary day at the allotment.", journal=journal)
    secret = append_entry(path, f"Something only for me {canary}.", journal=journal)
    index = Index(journal=journal, embedder=FakeEmbeddings())
    index.update(progress=False)
    holding = {
        p.parent.name for p in kit_home.rglob("*") if p.is_file() and canary.encode() in p.read_bytes()
    }
    assert "lexical" in holding  # the probe works: the word index holds it before it is marked private
    update_entry(path, secret.id, private=True, journal=journal)
    report = Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    assert report.removed == 1
    leftovers = [p for p in kit_home.rglob("*") if p.is_file() and canary.encode() in p.read_bytes()]
    assert leftovers == []


def test_copies_in_saved_reflections_and_reviews_are_named(capsys, journal, secret_journal):
    import nbformat

    secret = secret_journal["secret"]
    review = nbformat.v4.new_notebook()
    quoted = nbformat.v4.new_code_cell("review.entries_markdown(entries)")
    quoted.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/markdown": f"> {secret.text}\n\n> Something else."}
        )
    ]
    review.cells.append(quoted)
    nbformat.write(review, journal / "2026-W10-weekly-review.ipynb")
    unrelated = nbformat.v4.new_notebook()
    unrelated.cells.append(nbformat.v4.new_markdown_cell("Nothing quoted here."))
    nbformat.write(unrelated, journal / "notes.ipynb")

    code, out, _ = _run(capsys, "forget", secret.id, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["copies"] == ["2026-W10-weekly-review.ipynb"]
    assert "2026-W10-weekly-review.ipynb" in result["hint"] and "keep their own copy" in result["hint"]

    other = secret_journal["after"]
    code, out, _ = _run(capsys, "forget", other.id, "--json")
    assert json.loads(out)["copies"] == []  # its words are quoted nowhere


def test_a_home_saved_with_an_entrys_words_is_named(capsys, journal, secret_journal):
    """Home is never a journal notebook, but a Home saved by an older kit kept the latest entries' words."""
    import nbformat

    from kit.journal.notebooks import HOME_NOTEBOOK

    secret = secret_journal["secret"]
    home = nbformat.v4.new_notebook(metadata={"kit": {"page": "home"}})
    latest = nbformat.v4.new_code_cell("LatestEntries()")
    latest.outputs = [nbformat.v4.new_output("display_data", data={"text/html": f"<li>{secret.text}</li>"})]
    home.cells.append(latest)
    nbformat.write(home, journal / HOME_NOTEBOOK)
    code, out, _ = _run(capsys, "forget", secret.id, "--json")
    assert code == 0 and json.loads(out)["copies"] == [HOME_NOTEBOOK]


# ---------------------------------------------------------------- forgotten stays forgotten until --undo


@both
def test_a_forgotten_entry_stays_out_of_search_index_and_models_until_undo(capsys, journal, secret_journal):
    from kit.reflection.reflect import summarize
    from kit.testing import FakeChatModel

    secret = secret_journal["secret"]
    assert _run(capsys, "forget", secret.id)[0] == 0

    code, out, _ = _run(capsys, "search", "floorboards nobody may know", "--json")
    assert code == 0 and secret.id not in out and CANARY not in out
    report = _index(journal).update(progress=False)
    assert report.new == 0 and report.forgotten == 1 and "1 forgotten kept out" in str(report)
    assert secret.id not in _index(journal).ids()
    model = FakeChatModel(replies=["What stands out to you?"])
    summarize(model=model, index=_index(journal))
    assert model.prompts and not any(CANARY in str(m.content) for p in model.prompts for m in p)
    (kept,) = (kit_home_file for kit_home_file in [Path(os.environ["KIT_HOME"]) / "forgotten.json"])
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and secret.id not in kept.read_text()

    code, out, _ = _run(capsys, "forget", "--undo", secret.id)
    assert code == 0 and out.startswith("Un-forgot 1 entry")
    code, out, _ = _run(capsys, "search", "floorboards nobody may know", "--json")
    assert secret.id in out


@both
def test_an_edited_forgotten_entry_stays_forgotten(capsys, journal, secret_journal):
    secret = secret_journal["secret"]
    assert _run(capsys, "forget", secret.id)[0] == 0
    update_entry(journal / "b.ipynb", secret.id, text=f"{SECRET} And more words.")
    assert _index(journal).update(progress=False).new == 0
    assert secret.id not in _index(journal).ids()


@both
def test_forget_a_notebook_then_undo_it(capsys, journal, secret_journal):
    assert _run(capsys, "forget", "--notebook", "b.ipynb")[0] == 0
    assert not {e.id for e in read_entries(journal / "b.ipynb")} & _index(journal).ids()
    assert _index(journal).update(progress=False).forgotten == 3
    code, out, _ = _run(capsys, "forget", "--undo", "--notebook", "b.ipynb")
    assert code == 0 and out.startswith("Un-forgot 3 entries")
    assert _index(journal).update(progress=False).new == 3


def test_an_unknown_id_fails_at_once_without_the_index_or_a_model(
    capsys, journal, secret_journal, monkeypatch
):
    def untouchable(*args, **kwargs):
        raise AssertionError("the index or a model was loaded")

    monkeypatch.setattr(kit.index.store.Index, "_chroma", untouchable)

    monkeypatch.setattr(kit.index.store, "open_reader", untouchable)  # the store read without the client
    monkeypatch.setattr(kit.models.embedders, "get_embedder", untouchable)
    code, out, err = _run(capsys, "forget", "not-a-real-id")
    assert_one_line_error(code, err, "not-a-real-id", "reflect search")
    code, out, err = _run(capsys, "forget", "--undo", "not-a-real-id")
    assert_one_line_error(code, err, "not-a-real-id", "is not forgotten")


def test_undo_of_an_entry_that_is_not_forgotten_is_one_line(capsys, secret_journal):
    code, _, err = _run(capsys, "forget", "--undo", secret_journal["secret"].id)
    assert_one_line_error(code, err, "is not forgotten")
