"""Worksheet templates: valid notebooks with the kit's intro, a form, unanswered tagged entry cells, usable by
`reflect new`."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import nbformat
import pytest

from kit.cli import main
from kit.journal.entries import ANSWER_PROMPT, ENTRY_TAG
from kit.journal.notebooks import read_entries, update_entry
from kit.journal.templates import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.ipynb"))
NAMES = [p.stem for p in TEMPLATES]

# Worksheets the kit ships; every notebook in templates/ is checked below, these must be among them.
SHIPPED = {
    "daily-journal",
    "safety-plan",
    "cbt-thought-record",
    "behavioural-activation",
    "values-clarification",
    "dbt-diary-card",
    "chain-analysis",
    "worry-log",
    "three-good-things",
    "woop-goals",
    "closed-mind-beliefs",
    "grounding-alternatives",
}

AI_LINE = "The kit can explain, suggest prompts and ask questions; the writing is yours."
DISCLAIMER = "Not medical or therapeutic advice. Bring this work to your therapist and to people you trust."
DANGER = "If you are in danger now, call your local emergency number."
# The safety plan is private: it is never indexed nor sent to an AI, and its intro says that instead.
PRIVACY = {
    "safety-plan": ("never indexed", "never sent to any AI"),
}
DEFAULT_PRIVACY = (
    "Your words stay yours:",
    "saved in this notebook file on your computer",
    "nothing leaves this machine",
)
FIELD_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

by_name = pytest.mark.parametrize("path", TEMPLATES, ids=NAMES)


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def _is_entry(cell: Any) -> bool:
    return ENTRY_TAG in cell.get("metadata", {}).get("tags", [])


def _plain(markdown: str) -> str:
    """Markdown without bold markers and with all runs of blank space made single spaces."""
    return " ".join(markdown.replace("**", "").split())


def test_the_shipped_worksheets_are_all_there():
    assert SHIPPED <= set(NAMES), sorted(SHIPPED - set(NAMES))


@by_name
def test_template_is_a_valid_notebook(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert all(cell.get("id") for cell in nb.cells)


@by_name
def test_kit_metadata(path):
    kit = _read(path).metadata.kit
    assert kit["template"] == path.stem
    assert isinstance(kit["title"], str) and kit["title"].strip()
    description = kit["description"]
    assert isinstance(description, str) and description.strip()
    assert "\n" not in description and len(description) < 110, description
    assert isinstance(kit["minutes"], int) and 0 < kit["minutes"] <= 60


@by_name
def test_intro_says_what_how_long_how_private_and_the_disclaimer(path):
    nb = _read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and not _is_entry(first)
    assert first.source.startswith("# ")
    intro = _plain(first.source)
    minutes = re.search(r"Time: about (\d+) minutes", intro)
    assert minutes, intro
    assert int(minutes.group(1)) == nb.metadata.kit["minutes"]
    # The form first; the answer cells, each showing "_Your answer_" rather than JupyterLab's LaTeX placeholder.
    assert "select the *Your answer* cell" in intro
    if path.stem != "safety-plan":
        assert "How: run the form below" in intro
    for sentence in (AI_LINE, DISCLAIMER, DANGER, *PRIVACY.get(path.stem, DEFAULT_PRIVACY)):
        assert sentence in intro, sentence


@by_name
def test_a_form_and_a_worksheet_helper_follow_the_intro_and_no_widget_writes_a_worksheet_field(path):
    nb = _read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all("kit-widget" in c.metadata.get("tags", []) for c in code)
    if path.stem == "safety-plan":  # no AI, no helper and no form with the safety plan: it stays plain
        assert not any(
            "WorksheetHelper" in c.source or "ReflectWidget" in c.source or "WorksheetForm" in c.source
            for c in code
        )
        return
    form = nb.cells[2]
    assert form.cell_type == "code" and f'WorksheetForm("{path.stem}")' in form.source
    helper = nb.cells[4]
    assert helper.cell_type == "code" and f'WorksheetHelper("{path.stem}")' in helper.source
    note = nb.cells[6]  # a free note with a mood, kept as an entry of this worksheet
    assert note.cell_type == "code" and "JournalWidget()" in note.source
    from kit.widgets.helper import PROMPT_TOPICS, WORKSHEET_TERMS, related_terms

    assert path.stem in PROMPT_TOPICS and path.stem in WORKSHEET_TERMS
    # "What is this worksheet?" opens on a glossary item that names this worksheet as its own.
    from kit.content.glossary import explain

    assert path.stem in explain(WORKSHEET_TERMS[path.stem]).item.templates
    assert related_terms(path.stem)[0] == explain(WORKSHEET_TERMS[path.stem]).item.term
    fields = {c.metadata["kit"]["field"] for c in nb.cells if _is_entry(c)}
    from kit.widgets.helper import ActivityPicker, ValuesCardSort

    assert not fields & {ValuesCardSort.field, ActivityPicker.field}


@by_name
def test_entry_cells_are_empty_tagged_and_named(path):
    nb = _read(path)
    entries = [c for c in nb.cells if _is_entry(c)]
    assert entries
    fields = [c.metadata["kit"]["field"] for c in entries]
    assert len(set(fields)) == len(fields), fields
    for cell in entries:
        kit = cell.metadata["kit"]
        assert cell.cell_type == "markdown"
        assert cell.source == ANSWER_PROMPT
        assert kit["template"] == path.stem
        assert FIELD_NAME.match(kit["field"]), kit["field"]
        # Ids and dates are given by `reflect new`; a template carrying them would share them between copies.
        assert "id" not in kit and "created" not in kit


@by_name
def test_every_entry_follows_its_prompt_and_numbers_name_their_range(path):
    cells = _read(path).cells
    for position, cell in enumerate(cells):
        if not _is_entry(cell):
            continue
        prompt = cells[position - 1]
        assert position > 0 and prompt.cell_type == "markdown" and not _is_entry(prompt)
        assert prompt.source.strip()
        scale = cell.metadata["kit"].get("scale")
        if scale is not None:
            low, high = scale
            assert isinstance(low, int) and isinstance(high, int) and low < high
            assert f"{low}–{high}" in prompt.source, prompt.source


def test_reflect_templates_lists_every_template(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines() if line.strip()] == NAMES
    assert main(["templates", "--json"]) == 0
    listed = {t["name"]: t for t in json.loads(capsys.readouterr().out)}
    assert set(listed) == set(NAMES)
    for path in TEMPLATES:
        kit = _read(path).metadata.kit
        assert listed[path.stem]["title"] == kit["title"]
        assert listed[path.stem]["description"] == kit["description"]


@by_name
def test_reflect_new_makes_a_dated_notebook_whose_entries_are_found(path, capsys, journal):
    name = path.stem
    assert main(["new", name]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made == journal / f"{date.today().isoformat()}-{name}.ipynb"
    nbformat.validate(_read(made))

    fields = [c.metadata["kit"]["field"] for c in _read(path).cells if _is_entry(c)]
    entries = read_entries(made, journal)
    assert [e.field for e in entries] == fields
    assert {e.template for e in entries} == {name}
    assert all(e.is_empty for e in entries)

    first = entries[0]
    text = "Typed in by the test: a short answer, in my own words."
    update_entry(made, first.id, text=text, journal=journal)
    after = read_entries(made, journal)
    assert (after[0].id, after[0].text, after[0].template, after[0].field) == (
        first.id,
        text,
        name,
        fields[0],
    )
    assert [e.text for e in after[1:]] == [""] * (len(after) - 1)
    assert [e.field for e in after] == fields


@by_name
def test_the_form_asks_every_question_of_the_worksheet_in_order(path):
    from kit.journal.templates import template_fields

    cells = _read(path).cells
    fields = template_fields(path.stem)
    assert [f.name for f in fields] == [c.metadata["kit"]["field"] for c in cells if _is_entry(c)]
    assert all(f.label.strip() for f in fields)
    for f in fields:
        if f.scale is not None:
            assert f"{f.scale[0]}–{f.scale[1]}" in f.label + f.hint


@by_name
def test_an_unanswered_cell_shows_a_prompt_that_is_never_an_entry(path, journal, capsys):
    assert main(["new", path.stem]) == 0
    made = Path(capsys.readouterr().out.strip())
    cells = [c for c in _read(made).cells if _is_entry(c)]
    assert cells and all(
        c.source == ANSWER_PROMPT for c in cells
    )  # visible, not the "Type Markdown" placeholder
    assert all(e.text == "" and e.is_empty for e in read_entries(made, journal))
