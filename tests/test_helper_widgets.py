"""The worksheet helper, the values card sort and the activity picker: help, never the person's writing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest
from conftest import Frontend, save_in_jupyterlab

from kit.journal import wal
from kit.journal.notebooks import read_entries
from kit.testing import FakeChatModel

SITUATION = "My manager moved the deadline up by a week and I froze in the meeting."
HOT = "They think I'm useless."


@pytest.fixture
def worksheet(journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A thought record with two fields filled in, the way the person left it, and a helper cell at the end."""
    from kit.journal.templates import new_from_template

    path = new_from_template("cbt-thought-record", journal)
    nb = nbformat.read(path, as_version=4)
    fields = {c.metadata["kit"]["field"]: c for c in nb.cells if "kit-entry" in c.metadata.get("tags", [])}
    fields["situation"].source = SITUATION
    fields["hot-thought"].source = HOT
    nb.cells.append(nbformat.v4.new_code_cell("from kit.widgets import WorksheetHelper\nWorksheetHelper()"))
    nbformat.write(nb, path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fields(path: Path) -> list[tuple[str, str]]:
    nb = nbformat.read(path, as_version=4)
    return [
        (c.metadata["kit"]["field"], c.source) for c in nb.cells if "kit-entry" in c.metadata.get("tags", [])
    ]


def test_the_helper_explains_prompts_and_asks_but_never_touches_the_worksheet(
    worksheet: Path, frontend: Frontend, journal: Path, index_of
):
    from kit.widgets import WorksheetHelper
    from kit.widgets.helper import CURATED

    before_bytes, before_fields = _digest(worksheet), _fields(worksheet)
    asked = FakeChatModel(replies=["What did you notice in your body when the deadline moved [E1]?"])
    helper = WorksheetHelper(model=asked, index=index_of([]), seed=7)
    assert helper.template == "cbt-thought-record"  # read from the notebook it runs in
    assert helper.concept.value.lower() == "thought record"

    explained = helper.explain()
    assert "thought record" in explained.lower() and CURATED in explained
    first = helper.prompt()
    second = helper.prompt()
    assert "curated" in first.lower() and first != second  # a new prompt each click
    helper.question()
    assert helper.answer.value

    # Nothing in the file changed, no output was added, no write-ahead line was made.
    assert _digest(worksheet) == before_bytes and _fields(worksheet) == before_fields
    assert frontend.outputs == []
    assert not wal.pending_path(worksheet).exists()


def test_explaining_shows_curated_text_and_an_unknown_term_gets_no_invented_answer(
    worksheet: Path, frontend: Frontend
):
    from kit.widgets import WorksheetHelper

    helper = WorksheetHelper("worry-log", show=False)
    assert "worry" in helper.explain().lower()
    helper.concept.options = [*helper.concept.options, "quantum flux capacitor"]
    helper.concept.value = "quantum flux capacitor"
    answer = helper.explain()
    assert "glossary" in answer.lower() and "therapist" in answer.lower()


def test_the_helper_question_runs_the_crisis_check_first(
    journal: Path, frontend: Frontend, make_notebook, monkeypatch: pytest.MonkeyPatch
):
    from kit.index.store import Index
    from kit.testing import FakeEmbeddings
    from kit.widgets import WorksheetHelper

    class Untouchable(FakeChatModel):
        def _generate(self, *args, **kwargs):
            raise AssertionError("the model must not be called")

    make_notebook("a.ipynb", ["I want to kill myself tonight, I have the pills ready."])
    helper = WorksheetHelper(
        "daily-journal",
        model=Untouchable(),
        index=Index(journal=journal, embedder=FakeEmbeddings()),
        show=False,
    )
    helper.template = None  # the whole journal
    answer = helper.question()
    assert "988" in answer and "116 123" in answer


def test_the_values_card_sort_keeps_the_persons_piles_as_their_entry(
    journal: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.journal.templates import new_from_template
    from kit.widgets import ValuesCardSort

    path = new_from_template("values-clarification", journal)
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell("from kit.widgets import ValuesCardSort\nValuesCardSort()"))
    nbformat.write(nb, path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    before = _fields(path)

    sort = ValuesCardSort()
    first, second, third = (v.name for v in sort.values[:3])
    assert sort.current.name == first and f"Card 1 of {len(sort.values)}" in sort.card.value
    sort.choose(sort.PILES[0])
    sort.choose(sort.PILES[2])
    sort.back()  # changed their mind about the second card
    sort.choose(sort.PILES[1])
    sort.choose(sort.PILES[0])
    assert sort.piles[sort.PILES[0]] == [first, third] and sort.piles[sort.PILES[1]] == [second]
    with pytest.raises(ValueError):
        sort.choose("Pile I made up")

    entry = sort.keep()
    assert entry is not None and entry["field"] == "values-card-sort"
    assert entry["template"] == "values-clarification"
    assert f"Very important to me: {first}, {third}" in entry["text"]
    assert f"Important to me: {second}" in entry["text"]

    save_in_jupyterlab(path, frontend, cell=0)
    (kept,) = [e for e in read_entries(path, journal) if e.field == "values-card-sort"]
    assert kept.text == entry["text"]
    assert _fields(path) == before  # the worksheet's own answers are untouched


def test_an_empty_sort_keeps_nothing(journal: Path, frontend: Frontend):
    from kit.widgets import ValuesCardSort

    sort = ValuesCardSort()
    assert sort.keep() is None and "write something first" in sort.journal.status.value.lower()
    assert frontend.kit_outputs() == []


def test_the_activity_picker_filters_and_keeps_only_what_the_person_chose(
    journal: Path, frontend: Frontend, monkeypatch: pytest.MonkeyPatch
):
    from kit.widgets import ActivityPicker

    monkeypatch.setenv("JPY_SESSION_NAME", str(journal / "2026-11-ba.ipynb"))
    picker = ActivityPicker()
    everything = picker.shown()
    picker.effort.value = "low"
    picker.cost.value = "free"
    low_free = picker.shown()
    assert low_free and len(low_free) < len(everything)
    assert [a.name for a in low_free] == list(picker.choices.options)
    assert all(a.effort == "low" and a.cost == "free" for a in low_free)

    chosen = [low_free[0].name, low_free[-1].name]
    picker.choices.value = tuple(chosen)
    entry = picker.keep()
    assert entry is not None and entry["field"] == "activity-ideas"
    assert entry["template"] == "behavioural-activation"
    assert [line[2:] for line in entry["text"].splitlines() if line.startswith("- ")] == chosen
    assert picker.choices.value == ()  # ready for the next pick
    (shown,) = frontend.kit_outputs()
    assert shown["metadata"]["kit"]["text"] == entry["text"]


def test_a_thought_record_never_offers_a_prompt_that_pulls_away_from_its_task(journal):
    """A thought record is about one situation, its thoughts and feelings: no anger or childhood prompts."""
    from kit.content.bank import prompts
    from kit.widgets.helper import PROMPT_AVOID, PROMPT_TOPICS, WorksheetHelper

    helper = WorksheetHelper(template="cbt-thought-record", show=False, seed=7)
    shown = [helper.prompt() for _ in range(12)]
    by_text = {p.text: p for p in prompts(PROMPT_TOPICS["cbt-thought-record"], n=50)}
    topics = [by_text[t].topics for html in shown for t in by_text if t.replace("'", "&#x27;") in html]
    assert len(topics) == 12
    assert all(PROMPT_AVOID["cbt-thought-record"].isdisjoint(t) for t in topics)
