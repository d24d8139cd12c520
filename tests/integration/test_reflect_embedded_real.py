"""The whole fresh-machine path, real: embedded embedder, Chroma, SmolLM2 on llama.cpp, the notebook on disk."""

from __future__ import annotations

import nbformat
import pytest
from conftest import in_threads

from kit.demo import build_journal
from kit.index.store import Index
from kit.journal.reflections import save_reflection
from kit.models.embedders import get_embedder
from kit.reflection.questions import question_problems
from kit.reflection.reflect import summarize

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory):
    """The demo's sample journal (31 entries, one private), indexed with the real embedded embedder."""
    root = tmp_path_factory.mktemp("sample")
    build_journal(root / "journal")
    index = Index(journal=root / "journal", home=root / "home", embedder=get_embedder("embedded"))
    index.update(progress=False)
    return index


def test_questions_for_the_sample_digest_pass_the_filters_and_are_saved(sample_index):
    result = summarize(model="embedded", index=sample_index, refresh=False)
    assert result.digest.entries == 30 and result.digest.themes
    assert len(result.questions) == min(5, len(result.digest.themes))
    texts = {e: t for e, t in zip(*_entries(sample_index), strict=True)}
    for q in result.questions:
        assert q.text.endswith("?")
        if q.source == "model":
            assert question_problems(q.text, texts[q.entry_id], q.theme) == []
    assert result.provenance.backend == "embedded" and result.provenance.seed is not None
    assert "needs a larger local model" in result.text
    path = save_reflection(sample_index.journal / "reflections.ipynb", result)
    nb = nbformat.read(path, as_version=4)
    prov = nb.cells[-1].outputs[0].metadata["kit"]["provenance"]
    for key in ("model", "backend", "params", "seed", "prompt_id", "prompt_version", "retrieved_ids",
                "retrieved_hashes", "created", "kit_version"):  # fmt: skip
        assert prov[key] is not None, key
    again = summarize(model="embedded", index=sample_index, refresh=False)
    assert [q.text for q in again.questions] == [q.text for q in result.questions]  # seeded: repeatable


def _entries(index):
    got = index.collection().get(include=["documents"])
    return got["ids"], got["documents"]


def test_two_concurrent_summaries_do_not_crash(sample_index):
    results, errors = in_threads(lambda: summarize(model="embedded", index=sample_index, refresh=False))
    assert errors == [] and len(results) == 2
    assert [q.text for q in results[0].questions] == [q.text for q in results[1].questions]
