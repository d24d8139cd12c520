"""The "_Your answer_" prompt of an unanswered worksheet cell: visible to the person, never an entry."""

from __future__ import annotations

from pathlib import Path

from kit.journal.entries import ANSWER_PROMPT, answer_text
from kit.journal.notebooks import read_entries
from kit.testing import FakeEmbeddings


def test_the_answer_prompt_is_not_the_persons_text():
    assert answer_text(ANSWER_PROMPT) == ""
    assert answer_text(f"  {ANSWER_PROMPT}  \n") == ""
    assert answer_text("*Your answer*") == ""
    # Written under the prompt without deleting it: every word of theirs is kept, the prompt is not.
    assert answer_text(f"{ANSWER_PROMPT}\nI was tired and hungry.") == "I was tired and hungry."
    assert (
        answer_text("My answer: _Your answer_ is what it said.")
        == "My answer: _Your answer_ is what it said."
    )
    assert answer_text("Plain words.") == "Plain words."


def test_an_unanswered_cell_is_never_indexed(journal: Path, capsys):
    from kit.cli import main
    from kit.index.store import Index
    from kit.journal.notebooks import update_entry

    assert main(["new", "worry-log"]) == 0
    made = Path(capsys.readouterr().out.strip())
    first = read_entries(made, journal)[0]
    update_entry(made, first.id, text=f"{ANSWER_PROMPT}\nWhat if the boiler breaks again?", journal=journal)
    index = Index(journal=journal, embedder=FakeEmbeddings())
    report = index.update(progress=False)
    assert report.entries == 1
    (record,) = index.records().values()
    assert record["document"] == "What if the boiler breaks again?"
    assert ANSWER_PROMPT not in record["document"]
