"""Cold start and memory: chromadb's import, the unchanged-journal stamp, paged reads, the embedder's onnxruntime
settings, and the small model's questions (one prompt read per question, capped answers, progress per try)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

import kit.index.store
from kit.index.store import Index
from kit.journal.notebooks import load, save
from kit.testing import FakeEmbeddings

REPO = Path(__file__).resolve().parent.parent


def _age(journal: Path, seconds: float = 10.0) -> None:
    """Set every file of the journal back in time, as if written a while ago."""
    old = time.time() - seconds
    for path in journal.rglob("*"):
        os.utime(path, (old, old))


def _edit(path: Path, words: str) -> None:
    nb, snapshot = load(path)
    cell = next(c for c in nb.cells if "kit-entry" in c.metadata.get("tags", []))
    cell.source += words
    save(path, nb, snapshot)


# ---------------------------------------------------------------- chromadb's import


def _python(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_chromadb_is_imported_without_jsonschemas_iri_grammars_and_the_checker_stays_importable():
    out = _python(
        "import sys\n"
        "from kit.imports import import_quickly\n"
        "import_quickly('chromadb')\n"
        "import jsonschema\n"
        "print('chromadb' in sys.modules, 'rfc3987_syntax' in sys.modules,\n"
        "      'iri' in jsonschema.FormatChecker().checkers)\n"
        "import rfc3987_syntax\n"
        "print(rfc3987_syntax.is_valid_syntax('iri', 'http://example.org/a'))\n"
    )
    assert out.splitlines() == ["True False False", "True"]


def test_a_jsonschema_someone_imported_first_is_left_as_it_is():
    out = _python(
        "import jsonschema\n"
        "from kit.imports import import_quickly\n"
        "import_quickly('chromadb')\n"
        "print('iri' in jsonschema.FormatChecker().checkers)\n"
    )
    assert out == "True"


def test_a_kernel_saving_its_first_entry_imports_nbformat_without_the_grammars(journal):
    # What a notebook kernel does on a worksheet's first Save: nbformat reads and writes the notebook.
    out = _python(
        "import sys\n"
        "from kit.journal.notebooks import append_entry, scan_journal\n"
        f"append_entry({str(journal / 'a.ipynb')!r}, 'Walked by the river.', journal={str(journal)!r})\n"
        f"print(len(scan_journal({str(journal)!r}).entries), 'nbformat' in sys.modules,\n"
        "      'rfc3987_syntax' in sys.modules)\n"
    )
    assert out == "1 True False"


# ---------------------------------------------------------------- the stamp of an unchanged journal


def test_an_unchanged_journal_is_not_read_again(journal, make_notebook, monkeypatch):
    path, _ = make_notebook("a.ipynb", ["Slept badly.", "Long walk by the river."])
    make_notebook("b.ipynb", ["Called my sister."])
    _age(journal)
    index = Index(journal=journal, embedder=FakeEmbeddings())
    first = index.update(progress=False)
    assert (first.entries, first.new) == (3, 3)
    second = index.update(progress=False)  # the full path: the store changed when the first one wrote it
    assert (second.entries, second.notebooks, second.new) == (3, 2, 0)

    def no_scan(*args: Any) -> Any:
        raise AssertionError("the notebooks were read although none changed")

    with monkeypatch.context() as patched:
        patched.setattr(kit.index.store, "scan_journal", no_scan)
        third = Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    assert third.to_dict() == second.to_dict()

    _edit(path, " Woke at three.")
    changed = Index(journal=journal, embedder=FakeEmbeddings()).update(progress=False)
    assert (changed.changed, changed.embedded) == (1, 1)


def test_a_just_written_notebook_is_always_read(journal, make_notebook, monkeypatch):
    make_notebook("a.ipynb", ["Slept badly."])  # written now: its time may not tell a second write apart
    index = Index(journal=journal, embedder=FakeEmbeddings())
    index.update(progress=False)
    index.update(progress=False)
    reads = []
    real = kit.index.store.scan_journal
    monkeypatch.setattr(kit.index.store, "scan_journal", lambda j: reads.append(j) or real(j))
    index.update(progress=False)
    assert reads


@pytest.mark.parametrize("change", ["forget", "pending", "rebuild"])
def test_what_the_stamp_covers_besides_notebooks_takes_the_full_path(journal, make_notebook, change):
    from kit.index.forgotten import forget
    from kit.journal.wal import append_pending, make_entry

    path, entries = make_notebook("a.ipynb", ["Slept badly.", "Long walk by the river."])
    _age(journal)
    index = Index(journal=journal, embedder=FakeEmbeddings())
    index.update(progress=False)
    index.update(progress=False)
    if change == "forget":
        forget(index.journal, [entries[0].id], index.home)
        assert index.update(progress=False).removed == 1
    elif change == "pending":
        append_pending(path, make_entry("Wrote this in the widget.", template="daily-journal", field="entry"))
        assert index.update(progress=False).new == 1
    else:
        assert index.update(rebuild=True, progress=False).embedded == 2


# ---------------------------------------------------------------- reading the store in pages


def test_the_store_is_read_in_pages(journal, make_notebook, monkeypatch):
    monkeypatch.setattr(kit.index.store, "READ_PAGE", 2)
    path, _ = make_notebook("a.ipynb", [f"Entry number {w} about the garden." for w in "abcde"])
    index = Index(journal=journal, embedder=FakeEmbeddings())
    assert index.update(progress=False).new == 5
    _edit(path, " And the roses.")
    report = index.update(progress=False)
    assert (report.entries, report.new, report.changed, report.removed) == (5, 0, 1, 0)


# ---------------------------------------------------------------- the embedder's onnxruntime settings


@pytest.mark.integration
def test_the_embedders_threads_do_not_spin_and_keep_no_arena_unless_asked():
    from kit.models.embedders import EmbeddedEmbeddings

    quiet = EmbeddedEmbeddings(threads=2)
    options = quiet.session_options()
    assert options.intra_op_num_threads == 2
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.get_session_config_entry("session.inter_op.allow_spinning") == "0"
    assert options.enable_cpu_mem_arena is False
    spinning = EmbeddedEmbeddings(spin=True, arena=True).session_options()
    assert spinning.get_session_config_entry("session.intra_op.allow_spinning") == "1"
    assert spinning.enable_cpu_mem_arena is True
    # The real session runs with them and gives the same vectors in batches of 1 and of 8.
    texts = ["Slept badly.", "A long walk by the river with my sister after work."] * 5
    one = EmbeddedEmbeddings(batch_size=1).embed_documents(texts)
    eight = quiet.embed_documents(texts)
    assert quiet._session.get_session_options().enable_cpu_mem_arena is False
    assert all(
        sum(a * b for a, b in zip(x, y, strict=True)) > 0.9999 for x, y in zip(one, eight, strict=True)
    )


# ---------------------------------------------------------------- the small model's questions


class _Recording(FakeListChatModel):
    """Replies in order and records the options of every call."""

    calls: list[dict[str, Any]] = []

    def _call(self, messages: Any, stop: Any = None, run_manager: Any = None, **kwargs: Any) -> str:
        self.calls.append(dict(kwargs, stop=stop))
        return super()._call(messages, stop, run_manager, **kwargs)


def test_question_samples_share_one_prompt_read_and_cap_their_length():
    from kit.reflection.provenance import QUESTION_SAMPLES, QUESTION_TOKENS
    from kit.reflection.questions import question_samples

    chat = _Recording(responses=["What made the walk feel calmer? And more."], calls=[])
    tries: list[int] = []
    out = question_samples(chat, "A long walk by the river.", seed=7, said=tries.append)
    assert out == ["What made the walk feel calmer?"] * QUESTION_SAMPLES
    assert tries == list(range(1, QUESTION_SAMPLES + 1))
    assert [c["reuse_prompt"] for c in chat.calls] == [False] + [True] * (QUESTION_SAMPLES - 1)
    assert {c["max_tokens"] for c in chat.calls} == {QUESTION_TOKENS}
    assert [c["seed"] for c in chat.calls] == [7 + n for n in range(QUESTION_SAMPLES)]


def test_later_questions_keep_the_examples_already_read():
    from kit.reflection.provenance import QUESTION_SAMPLES
    from kit.reflection.questions import question_samples

    chat = _Recording(responses=["How did the walk go?"], calls=[])
    question_samples(chat, "A long walk by the river.", fresh=False)
    assert [c["reuse_prompt"] for c in chat.calls] == [True] * QUESTION_SAMPLES
