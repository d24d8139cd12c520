"""kit.retriever: the journal as a langchain-core retriever, passing langchain-tests' standard retriever suite."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

import kit
from kit.errors import ConfigError
from kit.index.retriever import JournalRetriever

METADATA = {
    "id",
    "date",
    "created",
    "notebook",
    "cell_id",
    "template",
    "field",
    "score",
    "matched_words",
    "mood",
}


class TestJournalRetrieverStandard(RetrieversIntegrationTests):
    """The standard suite, on a real journal of notebooks (the topical fixture) indexed with the fake embedder."""

    @pytest.fixture(autouse=True)
    def _journal(self, topical_journal):
        return topical_journal  # KIT_JOURNAL points at it, so a retriever built with no arguments reads it

    @property
    def retriever_constructor(self) -> type[JournalRetriever]:
        return JournalRetriever

    @property
    def retriever_query_example(self) -> str:
        return "choir rehearsal harmony"


def _texts(docs: list[Document]) -> list[str]:
    return [d.page_content for d in docs]


def test_retriever_is_a_langchain_retriever_and_k_is_respected(topical_journal):
    r = kit.retriever(k=2)
    assert isinstance(r, BaseRetriever)
    assert len(r.invoke("garden tomatoes basil")) == 2
    assert len(r.invoke("garden tomatoes basil", k=4)) == 4
    with pytest.raises(ConfigError, match="k="):
        kit.retriever(k=0)
    with pytest.raises(ConfigError, match="k="):
        r.invoke("garden", k=-1)


def test_documents_carry_the_entry_and_its_place(topical_journal):
    _, written = topical_journal
    by_id = {e.id: e for entries in written.values() for e in entries}
    docs = kit.retriever(k=3).invoke("the landlord and the boiler")
    assert docs and all(d.metadata["id"] in by_id for d in docs)
    assert all("landlord" in d.page_content.lower() for d in docs)
    for doc in docs:
        entry = by_id[doc.metadata["id"]]
        assert doc.id == entry.id and doc.page_content == entry.text
        assert set(doc.metadata) == METADATA  # every entry of the fixture has a mood
        assert doc.metadata["date"] == entry.created.date().isoformat()
        assert doc.metadata["created"].startswith(doc.metadata["date"] + "T")
        assert doc.metadata["notebook"] == entry.notebook == "2026-03.ipynb"
        assert doc.metadata["cell_id"] == entry.cell_id
        assert doc.metadata["template"] == entry.template
        assert doc.metadata["mood"] == entry.mood
        # "landlord" and "boiler" are words the embedder knows: meaning finds them, not the word index
        assert isinstance(doc.metadata["score"], float) and doc.metadata["matched_words"] is False


def test_no_mood_key_when_none_was_recorded(make_notebook):
    make_notebook("n.ipynb", ["Repainted the shed door a deep green."])
    (doc,) = kit.retriever(k=1).invoke("shed door")
    assert "mood" not in doc.metadata


def test_since_and_until_filter_the_entries(topical_journal):
    docs = kit.retriever(k=20, since="2026-03-04", until="2026-03-07").invoke("garden choir landlord")
    assert docs and {d.metadata["date"] for d in docs} <= {f"2026-03-0{d}" for d in range(4, 8)}
    assert len(docs) == 4  # one entry a day, four days


def test_dates_in_the_query_are_understood_and_explicit_dates_win(topical_journal, make_notebook):
    make_notebook(
        "2026-05.ipynb", [{"text": "Choir rehearsal moved to the new hall.", "created": "2026-05-12T19:00"}]
    )
    docs = kit.retriever(k=10, today="2026-06-01").invoke("choir rehearsal in May")
    assert _texts(docs) == ["Choir rehearsal moved to the new hall."]
    march = kit.retriever(k=10, since="2026-03-01", until="2026-03-31", today="2026-06-01")
    docs = march.invoke("choir rehearsal in May")
    assert docs and all(d.metadata["date"].startswith("2026-03") for d in docs)


def test_a_question_that_names_no_topic_lists_the_period_newest_first(topical_journal):
    # The fixture's entries run from Monday 2 March 2026, one a day; "last week" from 11 March is 2-8 March.
    docs = kit.retriever(k=20, today="2026-03-11").invoke("what did I write last week?")
    dates = [d.metadata["date"] for d in docs]
    assert dates == sorted(dates, reverse=True) and len(dates) == 7
    assert dates[0] == "2026-03-08" and dates[-1] == "2026-03-02"


@pytest.mark.usefixtures("store")
def test_private_and_forgotten_entries_are_never_returned(topical_journal):
    from kit.cli import main

    _, written = topical_journal
    r = kit.retriever(k=50)
    secret = r.invoke("Private: the garden choir landlord secret.")
    assert secret and not any("secret" in d.page_content.lower() for d in secret)
    gone = written["garden"][0]
    assert gone.id in {d.metadata["id"] for d in r.invoke("tomatoes basil garden beds rain")}
    assert main(["forget", gone.id]) == 0
    for query in ("Planted tomatoes and basil in the garden beds before the rain came.", "what did I write?"):
        assert gone.id not in {d.metadata["id"] for d in r.invoke(query)}


def test_a_new_entry_is_found_without_reindexing_by_hand(topical_journal, make_notebook):
    r = kit.retriever(k=1)
    r.invoke("garden")  # the index is open and up to date
    make_notebook("later.ipynb", ["Tomasz brought his accordion to the allotment."])
    assert _texts(r.invoke("Tomasz accordion")) == ["Tomasz brought his accordion to the allotment."]


@pytest.mark.asyncio
async def test_ainvoke_returns_the_same_documents(topical_journal):
    r = kit.retriever(k=3)
    got = await r.ainvoke("choir harmony")
    assert [d.id for d in got] == [d.id for d in r.invoke("choir harmony")] and len(got) == 3
