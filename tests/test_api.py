"""The public API is pinned, and `import kit` stays light."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import kit

PUBLIC = [
    "Entry",
    "Index",
    "IndexReport",
    "KitError",
    "Reflection",
    "SearchHit",
    "append_entry",
    "ask",
    "digest",
    "explain",
    "prompts",
    "read_entries",
    "retriever",
    "save_reflection",
    "scan_journal",
    "search",
    "show_reflection",
    "summarize",
    "update_entry",
    "update_index",
]


def test_all_is_pinned():
    assert kit.__all__ == PUBLIC


def test_every_public_name_resolves():
    from kit.errors import KitError
    from kit.index.retriever import retriever
    from kit.index.search import SearchHit, search
    from kit.index.store import Index, IndexReport
    from kit.journal.entries import Entry
    from kit.journal.notebooks import append_entry, read_entries, scan_journal, update_entry
    from kit.journal.reflections import save_reflection
    from kit.reflection.provenance import Reflection
    from kit.reflection.reflect import ask, summarize
    from kit.widgets.display import show_reflection

    expected = {
        "Entry": Entry,
        "Index": Index,
        "IndexReport": IndexReport,
        "KitError": KitError,
        "Reflection": Reflection,
        "SearchHit": SearchHit,
        "append_entry": append_entry,
        "ask": ask,
        "read_entries": read_entries,
        "retriever": retriever,
        "save_reflection": save_reflection,
        "scan_journal": scan_journal,
        "search": search,
        "show_reflection": show_reflection,
        "summarize": summarize,
        "update_entry": update_entry,
    }
    assert set(expected) == set(PUBLIC) - {"update_index", "digest", "explain", "prompts"}
    for name, obj in expected.items():
        assert getattr(kit, name) is obj, name


def test_kit_digest_is_callable_before_and_after_its_module_is_imported(journal, make_notebook):
    from kit.reflection.digest import Digest
    from kit.testing import FakeEmbeddings

    make_notebook("a.ipynb", ["slept badly again", "slept badly before the exam"])
    index = kit.Index(embedder=FakeEmbeddings())
    index.update(progress=False)
    first = kit.digest(index=index)
    importlib.import_module("kit.reflection.digest")  # the module that computes it, imported too

    again = kit.digest(index=index)
    assert isinstance(first, Digest) and first == again and first.entries == 2


def test_unknown_attribute_raises_attribute_error():
    try:
        kit.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("kit.no_such_thing should not exist")


def test_import_kit_does_not_load_heavy_libraries():
    code = (
        "import json, sys, kit\n"
        "heavy = ('chromadb', 'onnxruntime', 'langchain_ollama', 'langchain_core',\n"
        "         'nbformat', 'numpy', 'tokenizers')\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = json.loads(result.stdout)
    assert "chromadb" not in loaded
    assert "onnxruntime" not in loaded
    assert "langchain_ollama" not in loaded
    assert loaded == []


def test_update_index_works_in_a_fresh_process(journal, make_notebook):
    make_notebook("a.ipynb", ["one", "two"])
    code = "import kit\nprint(kit.update_index(progress=False).new)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "2"


def test_update_index_still_works_after_the_kit_index_module_is_imported(journal, make_notebook):
    import kit.index.store  # noqa: F401  (as any use of kit.Index or kit.search does)
    from kit.testing import FakeEmbeddings

    _, entries = make_notebook("a.ipynb", ["one", "two"])
    report = kit.update_index(progress=False, embedder=FakeEmbeddings())
    assert isinstance(report, kit.IndexReport)
    assert report.new == 2
    assert kit.update_index(progress=False, embedder=FakeEmbeddings()).new == 0
    assert kit.Index(embedder=FakeEmbeddings()).ids() == {e.id for e in entries}


def test_kit_explain_and_kit_prompts_answer_from_the_curated_texts():
    explained = kit.explain("DEAR MAN")
    assert explained.item.id and "Describe" in explained.to_markdown()
    first = kit.prompts("boundaries", n=2, seed=3)
    importlib.import_module("kit.models.prompts")  # the module of the model prompts does not shadow it
    assert kit.prompts("boundaries", n=2, seed=3) == first
    assert len(first) == 2 and all("boundaries" in p.topics for p in first)
