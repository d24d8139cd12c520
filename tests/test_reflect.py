"""Summarise and ask with scripted models: what reaches the model, what the check lets through, provenance."""

from __future__ import annotations

import json
import re

import pytest

from kit.index.search import search
from kit.models.registry import Backend
from kit.reflection.reflect import ask, summarize
from kit.testing import FakeChatModel, FakeEmbeddings

GOOD = "You wrote about the garden beds and the basil [E1], and about choir rehearsal [E2]. What stands out to you?"
CONTRACT = {
    "model",
    "backend",
    "model_digest",
    "params",
    "seed",
    "prompt_id",
    "prompt_version",
    "retrieved_ids",
    "retrieved_hashes",
    "created",
    "kit_version",
}


def _prompt_text(fake: FakeChatModel, n: int = 0) -> str:
    return "\n".join(str(m.content) for m in fake.prompts[n])


def _all_entry_texts(written) -> set[str]:
    return {e.text for entries in written.values() for e in entries}


def test_the_model_sees_the_entries_and_the_answer_is_cited_and_labelled(topical_journal):
    index, written = topical_journal
    fake = FakeChatModel(replies=[GOOD])
    result = summarize(model=fake, index=index)
    assert result.ai_written and result.provenance.written_by == "model"
    prompt = _prompt_text(fake)
    sent = [t for t in _all_entry_texts(written) if t in prompt]
    assert len(sent) >= 6  # every theme is represented by its entries
    assert "secret" not in prompt.lower()  # the private entry never reaches a model
    assert "AI-written" in result.text and "Not medical or therapeutic advice" in result.text
    assert [c.handle for c in result.citations] == ["E1", "E2"]
    ids = {e.id: e for entries in written.values() for e in entries}
    for citation in result.citations:
        assert citation.entry_id in ids
        assert citation.created == ids[citation.entry_id].created.date().isoformat()
        assert citation.path.endswith(".ipynb")


def test_provenance_has_the_contract_fields(topical_journal):
    index, written = topical_journal
    result = summarize(model=FakeChatModel(replies=[GOOD]), index=index)
    prov = result.to_dict()["provenance"]
    assert CONTRACT <= set(prov)
    assert prov["backend"] == "custom" and prov["prompt_id"] == "summary" and prov["prompt_version"] >= 1
    assert len(prov["retrieved_ids"]) == len(prov["retrieved_hashes"]) > 0
    hashes = {e.id: e.content_hash for entries in written.values() for e in entries}
    assert all(hashes[i] == h for i, h in zip(prov["retrieved_ids"], prov["retrieved_hashes"], strict=True))
    assert prov["digest_hash"] and prov["request"] == {
        "since": None,
        "until": None,
        "query": None,
        "template": None,
        "mode": "summary",
    }


@pytest.mark.parametrize(
    "bad, word",
    [
        ("You spent the afternoon in the garden with Margaret [E1]. What did that mean to you?", "Margaret"),
        ("You drove to Leeds for choir rehearsal [E2]. What stays with you from that?", "Leeds"),
        ("You weeded the garden for 14 hours [E1]. What kept you going?", "14"),
        ("The landlord fixed the boiler [E99]. What changed after that?", "E99"),
        ("You should talk to the landlord again [E1]. What would help?", "should"),
        ("You wrote about the garden [E1]. It was a good week.", "question"),
        ("The choir rehearsals sound like social anxiety disorder [E2]. What do you think?", "disorder"),
    ],
)
def test_a_misbehaving_model_never_gets_past_the_check(topical_journal, bad, word):
    index, _ = topical_journal
    fake = FakeChatModel(replies=[bad])
    result = summarize(model=fake, index=index)
    assert len(fake.prompts) == 2  # one retry, told why
    assert "could not be shown" in _prompt_text(fake, 1)
    assert not result.ai_written and result.provenance.written_by == "digest"
    assert result.note and result.note.startswith("The written text was withheld because it")
    assert bad.split("[")[0] not in result.text
    if word not in ("question", "should", "disorder"):
        assert word not in result.text
    assert "Digest of your entries" in result.text
    assert result.provenance.withheld  # the reasons are kept
    assert result.questions and all(q.source == "bank" for q in result.questions)


def test_a_retry_that_passes_is_shown(topical_journal):
    index, _ = topical_journal
    fake = FakeChatModel(replies=["You met Margaret in the garden [E1]. What did it mean?", GOOD])
    result = summarize(model=fake, index=index)
    assert result.ai_written and "Margaret" not in result.text
    assert any("Margaret" in p for p in result.provenance.withheld)


def test_ask_answers_from_the_matching_entries(topical_journal):
    index, written = topical_journal
    fake = FakeChatModel(
        replies=["You argued with the landlord about the deposit [E1]. What would you want next?"]
    )
    result = ask("what happened with the landlord and the boiler?", model=fake, index=index)
    prompt = _prompt_text(fake)
    landlord = [e.text for e in written["landlord"]]
    assert all(t in prompt for t in landlord)
    assert not any(t in prompt for t in (e.text for e in written["choir"]))
    assert result.ai_written and result.citations[0].entry_id in {e.id for e in written["landlord"]}
    assert result.provenance.prompt_id == "ask" and result.provenance.request["question"].startswith("what")


def test_ask_with_nothing_relevant_calls_no_model(topical_journal):
    index, _ = topical_journal
    fake = FakeChatModel()
    result = ask("quantum chromodynamics lecture", model=fake, index=index)
    assert fake.prompts == [] and not result.citations and "None of your entries" in result.text


def _small(replies: list[str]) -> tuple[Backend, FakeChatModel]:
    fake = FakeChatModel(replies=replies)
    return Backend(fake, "embedded", "small-fake", "testing the embedded path"), fake


def test_the_small_model_writes_only_questions_that_pass_the_filters(topical_journal):
    index, _ = topical_journal
    backend, fake = _small(["How did the harmony feel at choir rehearsal?", "You should rest more."])
    result = summarize(model=backend, index=index)
    assert len(result.questions) == 3  # one per theme
    assert all(q.text.endswith("?") for q in result.questions)
    assert "You should" not in result.text
    assert "needs a larger local model" in result.text and "ollama pull" in result.text
    assert result.provenance.prompt_id == "theme-question" and result.provenance.params["samples"] >= 2
    # The system message always leads, with the few-shot examples, then the entry.
    first = fake.prompts[0]
    assert first[0].type == "system" and first[-1].type == "human" and "Journal entry:" in first[-1].content


def test_the_small_model_says_which_question_and_try_it_is_on(topical_journal):
    from kit.reflection.provenance import QUESTION_SAMPLES, Status

    index, _ = topical_journal
    backend, _ = _small(["How did the harmony feel at choir rehearsal?"])
    said: list[str] = []
    summarize(model=backend, index=index, progress=said.append)
    assert said and all(isinstance(line, Status) for line in said)  # lines of its own, never model text
    assert said[0] == "Writing question 1 of 3…"
    assert f"Writing question 3 of 3, try {QUESTION_SAMPLES} of {QUESTION_SAMPLES}…" in said


def test_a_slow_step_says_how_long_it_has_taken(monkeypatch):
    import time

    from kit.reflection.provenance import Status, ticking

    said: list[str] = []
    with ticking(said.append, "Loading the small model on this computer"):
        time.sleep(1.3)
    assert said[:2] == [
        "Loading the small model on this computer…",
        "Loading the small model on this computer… (1 s)",
    ]
    assert all(isinstance(line, Status) for line in said)
    with ticking(None, "nobody is told"):  # no callback: nothing to tell, and no thread
        pass


def test_ask_on_the_small_model_names_the_worksheet_not_the_file(topical_journal):
    index, _ = topical_journal
    backend, _ = _small(["unused"])
    result = ask("garden tomatoes and basil", model=backend, index=index)
    matches = result.text.split("**Your entries that best match**", 1)[1].split("**Digest", 1)[0]
    assert ".ipynb" not in matches and " · " in matches


def test_the_small_model_falls_back_to_the_question_bank(topical_journal):
    index, _ = topical_journal
    backend, _ = _small(["Have you tried talking to Margaret about it?"])
    result = summarize(model=backend, index=index)
    assert result.questions and all(q.source == "bank" for q in result.questions)
    assert "Margaret" not in result.text and not result.ai_written


def test_ask_on_the_small_model_lists_matches_and_a_digest(topical_journal):
    index, written = topical_journal
    backend, fake = _small(["unused"])
    result = ask("garden tomatoes and basil", model=backend, index=index)
    assert fake.prompts == []
    assert {c.entry_id for c in result.citations} <= {e.id for e in written["garden"]}
    assert len(result.citations) >= 3 and "best match" in result.text


def test_a_crisis_in_the_question_stops_before_any_model(topical_journal):
    index, _ = topical_journal
    fake = FakeChatModel(replies=[GOOD])
    result = ask(
        "I don't want to be alive anymore, what did I write about the garden?", model=fake, index=index
    )
    assert fake.prompts == [] and result.crisis
    assert "988" in result.text and "116 123" in result.text and "findahelpline.com" in result.text


def test_a_crisis_in_an_entry_stops_the_summary_but_the_digest_is_there(index_of):
    index = index_of(
        [
            "Garden beds weeded.",
            "Basil in the garden beds.",
            "I keep thinking everyone would be better off if I were dead.",
        ]
    )
    fake = FakeChatModel(replies=[GOOD])
    result = summarize(model=fake, index=index)
    assert fake.prompts == [] and result.crisis and result.provenance.written_by == "safety"
    assert "Digest of your entries" in result.text


def test_an_empty_period_calls_no_model(topical_journal):
    index, _ = topical_journal
    fake = FakeChatModel()
    result = summarize(since="2030-01-01", model=fake, index=index)
    assert fake.prompts == [] and result.digest.entries == 0 and "No entries" in result.text


def test_same_entries_same_reflection_text(topical_journal):
    index, _ = topical_journal
    one = summarize(model=FakeChatModel(replies=[GOOD]), index=index)
    two = summarize(model=FakeChatModel(replies=[GOOD]), index=index)
    assert one.text == two.text and one.request_key() == two.request_key()
    assert one.provenance.digest_hash == two.provenance.digest_hash


# ---------------------------------------------------------------- nothing to do: said at once


def _untouchable(*args, **kwargs):
    raise AssertionError("the index, the embedder or a model was loaded for nothing")


def test_an_empty_period_is_said_at_once_without_index_or_model(capsys, topical_journal, monkeypatch):
    import kit.index.store
    import kit.models.embedders
    import kit.models.registry
    from kit.cli import main

    index, _ = topical_journal
    monkeypatch.setattr(kit.index.store.Index, "_chroma", _untouchable)
    monkeypatch.setattr(kit.index.store, "open_reader", _untouchable)  # the store read without the client
    monkeypatch.setattr(kit.models.embedders, "get_embedder", _untouchable)
    monkeypatch.setattr(kit.models.registry, "get_backend", _untouchable)
    assert main(["summarize", "--since", "2030-01-01"]) == 0
    out, err = capsys.readouterr()
    assert "No entries in this period" in out and "Answering with" not in err
    assert main(["summarize", "--since", "2026-03-01", "--template", "worry-log", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["digest"]["entries"] == 0

    never = FakeChatModel(replies=["unused"])
    result = summarize(since="2030-01-01", model=never, index=index)
    assert never.prompts == [] and not result.digest.entries and result.provenance.written_by == "digest"
    assert (
        result.provenance.model == "FakeChatModel" or result.provenance.model
    )  # the model passed in is named


def test_private_entries_alone_make_an_empty_period(journal, monkeypatch):
    import kit.index.store
    from kit.journal.notebooks import append_entry

    append_entry(journal / "a.ipynb", "Only for me.", private=True, journal=journal)
    monkeypatch.setattr(kit.index.store.Index, "_chroma", _untouchable)
    monkeypatch.setattr(kit.index.store, "open_reader", _untouchable)  # the store read without the client
    result = summarize(model=FakeChatModel())
    assert result.digest.entries == 0 and "No entries in this period" in result.text


def test_a_crisis_query_on_an_empty_period_still_shows_the_helplines(topical_journal):
    index, _ = topical_journal
    crisis = "I can't see a way forward. What are the tallest bridges near me?"
    result = summarize(since="2030-01-01", query=crisis, model=FakeChatModel(), index=index)
    assert result.crisis and "988" in result.text


def test_an_empty_period_without_refresh_builds_no_model(topical_journal, monkeypatch):
    import kit.models.registry

    index, _ = topical_journal
    monkeypatch.setattr(kit.models.registry, "get_backend", _untouchable)
    result = summarize(since="2030-01-01", index=index, refresh=False)
    assert result.digest.entries == 0 and result.provenance.model is None


def test_ask_finds_entries_by_its_query_and_the_model_sees_the_whole_question(topical_journal, monkeypatch):
    from kit.testing import FakeEmbeddings

    embedded: list[str] = []
    real = FakeEmbeddings.embed_query
    monkeypatch.setattr(
        FakeEmbeddings, "embed_query", lambda self, text: embedded.append(text) or real(self, text)
    )
    index, written = topical_journal
    fake = FakeChatModel(
        replies=["You argued with the landlord about the deposit [E1]. What would you want next?"]
    )
    question = "what happened with the landlord and the boiler in March 2026?"
    words = "what happened with the landlord and the boiler?"
    result = ask(question, query=words, since="2026-03-01", until="2026-03-31", model=fake, index=index)
    assert embedded and set(embedded) == {words}  # the retrieval and the digest: never the date words
    assert question in _prompt_text(fake)  # the model answers the question as it was asked
    assert result.citations[0].entry_id in {e.id for e in written["landlord"]}
    request = result.provenance.request
    assert (request["question"], request["query"]) == (question, words)
    assert (request["since"], request["until"]) == ("2026-03-01", "2026-03-31")
    plain = ask(words, model=FakeChatModel(replies=[GOOD]), index=index)
    assert "query" not in plain.provenance.request  # a question searched as it is records no separate query


# ---------------------------------------------------------------- names, and questions that name no topic


class NoNames(FakeEmbeddings):
    """An embedder with no sense of names, as MiniLM has little of "Tomasz": the name leaves no trace in a vector."""

    def _vector(self, text: str) -> list[float]:
        return super()._vector(re.sub(r"(?i)\btomasz\b", " ", text))


def test_a_name_only_question_reaches_the_entries_that_name_it(journal, make_notebook):
    from kit.index.store import Index

    _, entries = make_notebook(
        "a.ipynb",
        [
            "Coffee with Tomasz after the lecture, we talked about his thesis deadline.",
            "Long walk by the river, the herons were back.",
            "Baked bread for the neighbours, the crust came out too dark.",
        ],
    )
    index = Index(journal=journal, embedder=NoNames())
    index.update(progress=False)
    (hit, *_) = search("Tomasz", index=index)
    assert (
        hit.id == entries[0].id and hit.matched_words and hit.score < 0.15
    )  # found by its word, not meaning
    fake = FakeChatModel(replies=["You had coffee with Tomasz after the lecture [E1]. What stayed with you?"])
    result = ask("Tomasz", model=fake, index=index)
    assert [c.entry_id for c in result.citations] == [entries[0].id]
    assert "Coffee with Tomasz" in _prompt_text(fake)
    assert result.digest.entries == 1  # the digest beneath it keeps the word match too
    small, _ = _small(["unused"])
    listed = ask("Tomasz", model=small, index=index)
    assert [c.entry_id for c in listed.citations] == [entries[0].id]


def test_a_question_of_question_words_and_dates_answers_from_the_whole_period(topical_journal):
    index, written = topical_journal
    backend, fake = _small(["unused"])
    result = ask(
        "what did I write last week?",
        query="what did I write?",
        since="2026-03-02",
        until="2026-03-08",
        model=backend,
        index=index,
    )
    period = {e.id for entries in written.values() for e in entries if e.created.day <= 8}
    assert {c.entry_id for c in result.citations} == period and len(
        period
    ) == 7  # every entry, none by meaning
    assert result.text.startswith("_“what did I write?” names no topic, so these are entries from 2–8 March")
    newest = ask("what did I write?", k=3, since="2026-03-02", until="2026-03-08", model=backend, index=index)
    assert sorted(c.created for c in newest.citations) == ["2026-03-06", "2026-03-07", "2026-03-08"]
    dates_only = ask(
        "last week?", query="", since="2026-03-02", until="2026-03-08", model=backend, index=index
    )
    assert [c.entry_id for c in dates_only.citations] == [c.entry_id for c in result.citations]


def test_a_summary_of_question_words_covers_the_whole_period_and_says_so(topical_journal):
    index, _ = topical_journal
    whole = summarize(since="2026-03-02", until="2026-03-08", model="fake", index=index)
    result = summarize(
        since="2026-03-02", until="2026-03-08", query="what did I write?", model="fake", index=index
    )
    assert result.digest.entries == whole.digest.entries == 7
    assert result.text.startswith(
        "_“what did I write?” names no topic, so this covers every entry of the period._"
    )
