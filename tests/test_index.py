"""The index follows the notebooks: incremental, rebuildable, private-safe, owner-only and locked."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest
from filelock import FileLock

import kit.index.store
from kit.errors import EmbedderMismatch, IndexBusy, IndexDamaged, IndexMissing, JournalNotFound
from kit.index.store import Index
from kit.journal.notebooks import append_entry, load, read_entries, save, update_entry
from kit.testing import FakeEmbeddings

# Tests that hold for the embedded store and for a Chroma server alike run against both (conftest's `store`).
both = pytest.mark.usefixtures("store")


class RecordingFake(FakeEmbeddings):
    """The fake embedder, also remembering every text it was asked to embed."""

    def __init__(self, dimension: int = 256) -> None:
        super().__init__(dimension)
        self.seen: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.seen.extend(texts)
        return super().embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.seen.append(text)
        return super().embed_query(text)


class OtherFake(FakeEmbeddings):
    kit_name = "other"


def _index(journal, embedder=None) -> Index:
    return Index(journal=journal, embedder=embedder or FakeEmbeddings())


def _update(index: Index, **kwargs):
    return index.update(progress=False, **kwargs)


@both
def test_first_update_embeds_everything_then_nothing(journal, make_notebook, fake_embedder):
    _, a = make_notebook("a.ipynb", ["Slept badly.", "Long run by the river."])
    _, b = make_notebook("b.ipynb", ["Deadline moved again."])
    index = _index(journal, fake_embedder)
    report = _update(index)
    assert (report.entries, report.notebooks, report.new, report.embedded) == (3, 2, 3, 3)
    assert fake_embedder.texts_embedded == 3
    assert index.ids() == {e.id for e in a + b}

    again = _update(_index(journal, fake_embedder))
    assert again.embedded == 0
    assert (again.new, again.changed, again.removed) == (0, 0, 0)
    assert fake_embedder.texts_embedded == 3
    assert again.entries == 3


@both
def test_editing_an_entry_re_embeds_exactly_one(journal, make_notebook):
    path, (first, second, third) = make_notebook("a.ipynb", ["one thing", "another thing", "a third thing"])
    fake = RecordingFake()
    _update(_index(journal, fake))
    fake.seen.clear()
    before = fake.texts_embedded
    update_entry(path, second.id, text="another thing, but rewritten")
    report = _update(_index(journal, fake))
    assert (report.new, report.changed, report.removed, report.embedded) == (0, 1, 0, 1)
    assert fake.texts_embedded - before == 1
    assert fake.seen == ["another thing, but rewritten"]
    records = _index(journal).records()
    assert records[second.id]["document"] == "another thing, but rewritten"
    assert records[first.id]["document"] == "one thing"


@both
def test_metadata_only_change_updates_without_embedding(journal, make_notebook, fake_embedder):
    path, (entry,) = make_notebook("a.ipynb", ["feeling so-so"])
    _update(_index(journal, fake_embedder))
    update_entry(path, entry.id, mood=8)
    report = _update(_index(journal, fake_embedder))
    assert report.embedded == 0
    assert _index(journal).records()[entry.id]["metadata"]["mood"] == 8.0


@both
def test_deleting_an_entry_is_propagated(journal, make_notebook):
    path, (keep, gone) = make_notebook("a.ipynb", ["keep me", "delete me"])
    _update(_index(journal))
    nb, snap = load(path)
    nb.cells = [c for c in nb.cells if c.metadata.get("kit", {}).get("id") != gone.id]
    save(path, nb, snap)
    report = _update(_index(journal))
    assert (report.removed, report.new, report.changed, report.embedded) == (1, 0, 0, 0)
    assert _index(journal).ids() == {keep.id}


@both
def test_deleting_a_notebook_is_propagated(journal, make_notebook):
    _, kept = make_notebook("a.ipynb", ["stays"])
    path, gone = make_notebook("b.ipynb", ["goes", "goes too"])
    _update(_index(journal))
    path.unlink()
    report = _update(_index(journal))
    assert report.removed == 2
    assert report.notebooks == 1
    assert _index(journal).ids() == {kept[0].id}


def _build_history(journal, make_notebook, embedder):
    """A journal that went through adds, edits, deletes, a rename and a privacy change, indexed after each."""
    path_a, a = make_notebook("a.ipynb", ["Slept badly.", "Long run.", "Same words.", "Same words."])
    _update(_index(journal, embedder))
    update_entry(path_a, a[0].id, text="Slept badly, woke at four.")
    make_notebook("b.ipynb", [{"text": "Deadline stress.", "mood": 3, "template": "daily-journal"}])
    _update(_index(journal, embedder))
    update_entry(path_a, a[1].id, private=True)
    (journal / "sub").mkdir()
    (journal / "b.ipynb").rename(journal / "sub" / "b-renamed.ipynb")
    make_notebook("c.ipynb", ["Cooked dinner for friends."])
    _update(_index(journal, embedder))


@both
def test_rebuild_equals_incremental(journal, make_notebook):
    _build_history(journal, make_notebook, FakeEmbeddings())
    incremental = _index(journal).records()
    assert len(incremental) == 5

    report = _update(_index(journal, FakeEmbeddings()), rebuild=True)
    assert report.rebuilt and report.new == 5
    rebuilt = _index(journal).records()
    assert rebuilt.keys() == incremental.keys()
    for entry_id, record in incremental.items():
        assert rebuilt[entry_id]["document"] == record["document"]
        assert rebuilt[entry_id]["metadata"] == record["metadata"]
        assert rebuilt[entry_id]["embedding"] == pytest.approx(record["embedding"], abs=1e-6)


def test_index_can_be_deleted_and_rebuilt_from_notebooks(journal, make_notebook, kit_home):
    from chromadb.api.client import SharedSystemClient

    make_notebook("a.ipynb", ["one", "two"])
    _update(_index(journal))
    before = _index(journal).records()
    shutil.rmtree(kit_home / "index")
    SharedSystemClient.clear_system_cache()  # as in a new `reflect index` process
    with pytest.raises(IndexMissing, match="reflect index"):
        _index(journal).collection()
    report = _update(_index(journal))
    assert report.new == 2
    assert _index(journal).records() == before


def test_index_deleted_while_process_runs_is_rebuilt(journal, make_notebook, kit_home):
    make_notebook("a.ipynb", ["one", "two"])
    index = _index(journal)
    _update(index)
    shutil.rmtree(kit_home / "index")
    assert _update(_index(journal)).new == 2
    assert _update(index).new == 0


def test_damaged_index_names_the_rebuild_and_rebuild_recovers(journal, make_notebook, kit_home):
    from chromadb.api.client import SharedSystemClient

    _, entries = make_notebook("a.ipynb", ["one", "two"])
    _update(_index(journal))
    SharedSystemClient.clear_system_cache()  # a new process meets the damaged file
    (kit_home / "index" / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 1000)
    with pytest.raises(IndexDamaged, match="reflect index --rebuild"):
        _update(_index(journal))
    report = _update(_index(journal), rebuild=True)
    assert report.new == 2
    assert _index(journal).ids() == {e.id for e in entries}


@both
def test_embedder_mismatch_is_refused(journal, make_notebook):
    make_notebook("a.ipynb", ["one", "two"])
    _update(_index(journal, FakeEmbeddings(dimension=256)))
    make_notebook("a.ipynb", ["three"])
    other = OtherFake(dimension=256)
    with pytest.raises(EmbedderMismatch, match="reflect index --rebuild") as excinfo:
        _update(_index(journal, other))
    assert "'fake'" in str(excinfo.value) and "'other'" in str(excinfo.value)
    assert other.texts_embedded == 0
    with pytest.raises(EmbedderMismatch, match="reflect index --rebuild"):
        _index(journal, other).collection()
    # The rebuild the message names works, and then the new embedder is the one in use.
    report = _update(_index(journal, other), rebuild=True)
    assert report.new == 3
    with pytest.raises(EmbedderMismatch):
        _update(_index(journal, FakeEmbeddings()))


@both
def test_private_entries_are_never_indexed(journal, make_notebook):
    path, (public, secret) = make_notebook(
        "a.ipynb", ["walked the dog", {"text": "my secret worry about money", "private": True}]
    )
    fake = RecordingFake()
    report = _update(_index(journal, fake))
    assert report.private_skipped == 1
    assert report.entries == 1
    assert _index(journal).ids() == {public.id}
    assert all("secret" not in text for text in fake.seen)
    documents = [r["document"] for r in _index(journal).records().values()]
    assert documents == ["walked the dog"]


@both
def test_entry_made_private_disappears_from_index(journal, make_notebook):
    path, (a, b) = make_notebook("a.ipynb", ["fine to index", "second thoughts about this one"])
    _update(_index(journal))
    assert _index(journal).ids() == {a.id, b.id}
    update_entry(path, b.id, private=True)
    report = _update(_index(journal))
    assert report.removed == 1
    assert report.private_skipped == 1
    assert _index(journal).ids() == {a.id}
    assert "second thoughts" not in json.dumps(_index(journal).records())


@both
def test_moving_a_notebook_costs_no_embeddings(journal, make_notebook, fake_embedder):
    path, entries = make_notebook("2024-03.ipynb", ["one", "two", "three"])
    _update(_index(journal, fake_embedder))
    before = fake_embedder.texts_embedded
    (journal / "archive").mkdir()
    path.rename(journal / "archive" / "march.ipynb")
    report = _update(_index(journal, fake_embedder))
    assert report.embedded == 0
    assert fake_embedder.texts_embedded == before
    records = _index(journal).records()
    assert set(records) == {e.id for e in entries}
    assert {r["metadata"]["notebook"] for r in records.values()} == {"archive/march.ipynb"}


@both
def test_moving_hand_tagged_entries_reuses_vectors(journal, fake_embedder):
    cells = [
        {"cell_type": "markdown", "id": f"c{i}", "metadata": {"tags": ["kit-entry"]}, "source": text}
        for i, text in enumerate(["by hand one", "by hand two"])
    ]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (journal / "old.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    _update(_index(journal, fake_embedder))
    old_ids = _index(journal).ids()
    (journal / "old.ipynb").rename(journal / "new.ipynb")
    report = _update(_index(journal, fake_embedder))
    # Hand-tagged entries take their id from where they are, so they are new entries, but not new vectors.
    assert (report.new, report.removed, report.embedded, report.reused) == (2, 2, 0, 2)
    assert fake_embedder.texts_embedded == 2
    assert _index(journal).ids().isdisjoint(old_ids)
    assert sorted(e.text for e in read_entries(journal / "new.ipynb")) == ["by hand one", "by hand two"]


@both
def test_identical_text_is_embedded_once(journal, make_notebook):
    _, (a, b) = make_notebook("a.ipynb", ["Couldn't sleep.", "Couldn't sleep."])
    _, (c,) = make_notebook("b.ipynb", ["  Couldn't sleep.\n"])
    fake = RecordingFake()
    report = _update(_index(journal, fake))
    assert report.new == 3
    assert report.embedded == 1
    assert fake.seen == ["Couldn't sleep."]
    assert _index(journal).ids() == {a.id, b.id, c.id}


@both
def test_empty_entries_are_skipped(journal, make_notebook):
    _, (full, *_) = make_notebook("a.ipynb", ["something", "", "   \n\t", "\u00a0"])
    fake = RecordingFake()
    report = _update(_index(journal, fake))
    assert report.empty_skipped == 3
    assert report.entries == 1
    assert _index(journal).ids() == {full.id}
    assert fake.seen == ["something"]


def test_unreadable_notebook_is_reported_and_the_rest_indexed(journal, make_notebook):
    _, (good,) = make_notebook("2024-02.ipynb", ["fine"])
    (journal / "2024-03.ipynb").write_text("{ this is not json", encoding="utf-8")
    report = _update(_index(journal))
    assert report.unreadable == ["2024-03.ipynb"]
    assert str(report).endswith("1 notebook unreadable: 2024-03.ipynb (not valid notebook JSON)")
    assert _index(journal).ids() == {good.id}


def test_report_string_counts(journal, make_notebook):
    path, (a, _, _) = make_notebook("a.ipynb", ["one", "two", {"text": "hidden", "private": True}])
    make_notebook("b.ipynb", ["three"])
    report = _update(_index(journal))
    assert str(report) == "3 entries in 2 notebooks: 3 new, 0 changed, 0 removed, 1 private skipped"
    update_entry(path, a.id, text="one, changed")
    (journal / "b.ipynb").unlink()
    report = _update(_index(journal))
    assert str(report) == "2 entries in 1 notebook: 0 new, 1 changed, 1 removed, 1 private skipped"


def test_report_singular_and_plural(journal, make_notebook):
    make_notebook("a.ipynb", ["one"])
    (journal / "x.ipynb").write_text("nope", encoding="utf-8")
    (journal / "y.ipynb").write_text("nope", encoding="utf-8")
    report = _update(_index(journal))
    assert str(report) == (
        "1 entry in 1 notebook: 1 new, 0 changed, 0 removed, 0 private skipped, "
        "2 notebooks unreadable: x.ipynb (not valid notebook JSON), y.ipynb (not valid notebook JSON)"
    )


def _write_and_index(journal, make_notebook):
    path, (entry,) = make_notebook("a.ipynb", ["first"])
    old_umask = os.umask(0o022)
    try:
        _update(_index(journal))
        update_entry(path, entry.id, text="changed")
        make_notebook("b.ipynb", ["second"])
        _update(_index(journal))
    finally:
        os.umask(old_umask)


def _modes(root):
    for dirpath, _, filenames in os.walk(root):
        yield dirpath, stat.S_IMODE(os.stat(dirpath).st_mode), 0o700
        for name in filenames:
            path = os.path.join(dirpath, name)
            yield path, stat.S_IMODE(os.stat(path).st_mode), 0o600


def test_index_files_are_owner_only(journal, make_notebook, kit_home):
    _write_and_index(journal, make_notebook)
    modes = list(_modes(kit_home / "index"))
    assert sum(1 for _, _, want in modes if want == 0o600) >= 2  # at least the lock and Chroma's database
    assert [(path, oct(mode)) for path, mode, want in modes if mode != want] == []


def test_everything_under_kit_home_is_owner_only(journal, make_notebook, kit_home):
    _write_and_index(journal, make_notebook)
    assert [(path, oct(mode)) for path, mode, want in _modes(kit_home) if mode != want] == []


@both
def test_concurrent_writer_makes_update_busy(journal, make_notebook, kit_home, monkeypatch):
    make_notebook("a.ipynb", ["one"])
    monkeypatch.setattr(kit.index.store, "LOCK_TIMEOUT_S", 0.2)
    (kit_home / "index").mkdir(parents=True)
    other_writer = FileLock(str(kit_home / "index" / "write.lock"))
    with other_writer:
        with pytest.raises(IndexBusy, match="another process"):
            _update(_index(journal))
    assert _update(_index(journal)).new == 1


def test_missing_journal_is_reported(tmp_path):
    with pytest.raises(JournalNotFound, match="reflect new"):
        _update(_index(tmp_path / "no-such-journal"))


@both
def test_telemetry_is_off_after_update(journal, make_notebook):
    assert "ANONYMIZED_TELEMETRY" not in os.environ
    make_notebook("a.ipynb", ["one"])
    _update(_index(journal))
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    client_settings = _index(journal)._chroma().get_settings()
    assert client_settings.anonymized_telemetry is False


@both
def test_two_journals_have_separate_indexes(tmp_path, make_notebook, journal):
    _, (mine,) = make_notebook("a.ipynb", ["mine"])
    other = tmp_path / "other-journal"
    other.mkdir()
    theirs = append_entry(other / "b.ipynb", "theirs", journal=other)
    _update(_index(journal))
    _update(_index(other))
    assert _index(journal).ids() == {mine.id}
    assert _index(other).ids() == {theirs.id}


def test_an_update_tells_a_callback_how_far_it_is_and_nothing_when_there_is_nothing_to_do(journal):
    from kit.index.store import Index
    from kit.journal.notebooks import append_entry
    from kit.testing import FakeEmbeddings

    for n in range(3):
        append_entry(journal / "2026-03.ipynb", f"Entry number {n} about the allotment.", journal=journal)
    told: list[tuple[int, int]] = []
    index = Index(journal=journal, embedder=FakeEmbeddings())
    index.update(progress=lambda done, total: told.append((done, total)))
    assert told == [(0, 3), (3, 3)]
    told.clear()
    index.update(progress=lambda done, total: told.append((done, total)))
    assert told == []  # nothing to embed: nothing to say
