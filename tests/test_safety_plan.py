"""The safety plan template: six steps in the person's words, private, and shown when a crisis is noticed."""

from __future__ import annotations

import nbformat

from kit.cli import main
from kit.index.store import Index
from kit.journal.notebooks import read_entries, update_entry
from kit.reflection.reflect import ask
from kit.safety.wellbeing import find_safety_plan
from kit.testing import FakeChatModel, FakeEmbeddings

STEPS = [
    "warning-signs",
    "coping-on-my-own",
    "people-and-places",
    "people-to-ask",
    "professionals",
    "safer-surroundings",
]


def test_reflect_new_safety_plan_has_the_six_steps_all_private(capsys, journal):
    assert main(["new", "safety-plan"]) == 0
    path = journal / capsys.readouterr().out.strip().split("/")[-1]
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    intro = nb.cells[0].source
    assert "Not medical or therapeutic advice" in intro and "988" in intro and "116 123" in intro
    fields = [c.metadata["kit"]["field"] for c in nb.cells if "kit-entry" in c.metadata.get("tags", [])]
    assert fields[:6] == STEPS
    assert all(
        c.metadata["kit"].get("private") for c in nb.cells if "kit-entry" in c.metadata.get("tags", [])
    )
    assert find_safety_plan(journal) == path


def test_the_plan_is_never_indexed_and_is_shown_on_a_crisis(capsys, journal):
    main(["new", "safety-plan"])
    path = journal / capsys.readouterr().out.strip().split("/")[-1]
    first = read_entries(path, journal)[0]
    update_entry(path, first.id, text="When I stop answering messages and sleep all day.", journal=journal)
    index = Index(journal=journal, embedder=FakeEmbeddings())
    report = index.update(progress=False)
    assert report.entries == 0 and report.private_skipped >= 1 and index.count() == 0
    result = ask("I want to end my life tonight", model=FakeChatModel(), index=index)
    assert result.crisis and path.name in result.text
