"""The weekly review: ISO weeks, the week's entries, the sections' text, and `reflect review` running the notebook
into the journal with charts whose data is the week's entries."""

from __future__ import annotations

import argparse
import base64
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from kit.cli import review as review_commands
from kit.dates import iso_week
from kit.errors import BadWeek, KitError
from kit.outputs import review
from kit.outputs.review import ReviewFailed

PNG = b"\x89PNG\r\n\x1a\n"
WEEK = "2026-W10"  # Monday 2 March to Sunday 8 March 2026


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


# ---------------------------------------------------------------- weeks


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("2026-W10", date(2026, 3, 2)),
        ("2026w10", date(2026, 3, 2)),
        (" 2026-W1 ", date(2025, 12, 29)),  # ISO week 1 can start in the year before
        ("2026-W53", date(2026, 12, 28)),  # 2026 has 53 ISO weeks
    ],
)
def test_iso_week_gives_monday_and_sunday(text, monday):
    first, last = iso_week(text)
    assert (first, (last - first).days, first.isoweekday(), last.isoweekday()) == (monday, 6, 1, 7)


@pytest.mark.parametrize("text", ["2026-10", "2026-W00", "2025-W53", "W10", "2026-W10-1", "", "last week"])
def test_a_bad_week_names_the_format(text):
    with pytest.raises(BadWeek, match="YYYY-Www") as caught:
        iso_week(text)
    assert isinstance(caught.value, KitError) and "\n" not in str(caught.value)


def test_the_period_is_an_iso_week_or_the_last_seven_days():
    week = review.review_period("2026-w10")
    assert (week.since, week.until, week.week) == (date(2026, 3, 2), date(2026, 3, 8), WEEK)
    assert week.describe() == "Week 10 of 2026: Mon 2 Mar to Sun 8 Mar 2026"
    assert week.recent_since == date(2026, 2, 9)  # four whole weeks up to the Sunday
    last = review.review_period(None, today=date(2026, 3, 4))
    assert (last.since, last.until, last.week) == (date(2026, 2, 26), date(2026, 3, 4), None)
    assert review.week_of(date(2026, 3, 8)) == WEEK


# ---------------------------------------------------------------- a journal spanning several weeks


def fill(path: Path, values: dict[str, str]) -> None:
    """Write the person's words into a worksheet made from a template, field by field."""
    from kit.journal.notebooks import read_entries, update_entry

    for e in read_entries(path):
        if e.field in values:
            update_entry(path, e.id, text=values[e.field])


@pytest.fixture
def weeks(journal: Path, make_notebook) -> Path:
    """Weeks 9, 10 and 11 of 2026: journal entries with moods (one private), worksheets from the templates."""
    from kit.journal.templates import new_from_template

    make_notebook("2026-02-25-journal.ipynb", [{"text": "Landlord email about the boiler again.", "mood": 2,
                                                "created": "2026-02-25T21:00"}])  # fmt: skip
    make_notebook(
        "2026-03.ipynb",
        [
            {"text": "Couldn't sleep, worrying about the deadline at work.", "mood": 3, "created": "2026-03-02T22:00"},
            {"text": "Walk by the river after work, felt lighter.", "mood": 5, "created": "2026-03-03T19:00"},
            {"text": "Choir rehearsal went well, the altos nailed it.", "mood": 6, "created": "2026-03-03T22:00"},
            {"text": "A private thought about the lighthouse keeper.", "mood": 1, "private": True,
             "created": "2026-03-03T23:00"},
            {"text": "Planted tomatoes and basil in the garden.", "mood": 6, "created": "2026-03-05T18:00"},
            {"text": "Sunday lunch with my sister.", "mood": 7, "created": "2026-03-08T15:00"},
            {"text": "Booked the holiday cottage by the sea.", "mood": 9, "created": "2026-03-10T20:00"},
        ],
    )  # fmt: skip
    ba = new_from_template("behavioural-activation", journal, when=at("2026-03-02T20:00"))
    fill(ba, {
        "activity-log": "10:00 walked to the shop, mood 4, mastery 5, pleasure 3\n"
                        "12:00 lunch with Sam, mood 6, mastery 3, pleasure 7",
        "what-i-noticed": "Walking helped more than I expected.",
    })  # fmt: skip
    old_ba = new_from_template("behavioural-activation", journal, when=at("2026-02-24T20:00"))
    fill(old_ba, {"activity-log": "gym, mood 2, mastery 9, pleasure 1"})
    for when, values in [
        ("2026-01-20T20:00", {"wish": "Learn Spanish", "progress": "3/10"}),  # older than four weeks
        ("2026-02-10T20:00", {"wish": "Call Gran every Sunday", "progress": "1 of 4"}),
        ("2026-03-03T20:00", {"wish": "Run a 5k by May", "plan": "If I am tired, then shoes on.", "progress": "2 / 5"}),
    ]:  # fmt: skip
        fill(new_from_template("woop-goals", journal, when=at(when)), values)
    fill(new_from_template("values-clarification", journal, when=at("2026-03-04T20:00")), {
        "relationships-importance": "9", "relationships-consistency": "5",
        "health-importance": "9", "health-consistency": "4/10",
        "growth-importance": "8", "growth-consistency": "6",
    })  # fmt: skip
    fill(new_from_template("values-clarification", journal, when=at("2026-03-11T20:00")), {
        "health-importance": "2", "health-consistency": "2",  # the week after: not in this review
    })  # fmt: skip
    return journal


MOOD = [
    ["2026-03-02", 3.0, 1],
    ["2026-03-03", 5.5, 2],  # the private mood of 1 that evening is left out
    ["2026-03-04", None, 0],
    ["2026-03-05", 6.0, 1],
    ["2026-03-06", None, 0],
    ["2026-03-07", None, 0],
    ["2026-03-08", 7.0, 1],
]
ACTIVATION = [["2026-03-02", 5.0, 4.0, 5.0, 2]] + [
    [f"2026-03-0{d}", None, None, None, 0] for d in range(3, 9)
]
VALUES = [["Relationships", 9.0, 5.0], ["Health", 9.0, 4.0], ["Growth", 8.0, 6.0]]


def test_the_weeks_entries_leave_out_other_weeks_private_and_empty_ones(weeks):
    entries = review.entries_between(date(2026, 3, 2), date(2026, 3, 8), journal=weeks)
    texts = [e.text for e in entries]
    assert "Couldn't sleep, worrying about the deadline at work." in texts
    assert "Sunday lunch with my sister." in texts
    for absent in ("Landlord", "holiday cottage", "lighthouse keeper", "gym", "Learn Spanish"):
        assert not any(absent in t for t in texts)
    assert all(t.strip() for t in texts)  # the worksheets' unanswered fields are not entries of the week
    assert [e.created for e in entries] == sorted(e.created for e in entries)


def test_forgotten_entries_are_left_out_of_the_review_and_counted(weeks):
    from kit.index.forgotten import forget

    before = review.entries_between(date(2026, 3, 2), date(2026, 3, 8), journal=weeks)
    sister = next(e for e in before if "Sunday lunch with my sister." in e.text)
    forget(weeks.resolve(), [sister.id])
    after = review.entries_between(date(2026, 3, 2), date(2026, 3, 8), journal=weeks)
    assert [e.id for e in after] == [e.id for e in before if e.id != sister.id]
    assert (before.forgotten, after.forgotten) == (0, 1)
    markdown = review.entries_markdown(after)
    assert "Sunday lunch" not in markdown
    assert "1 entry you asked the kit to forget is left out" in markdown


def test_entries_are_grouped_by_worksheet_with_dates_and_field_headings(weeks):
    markdown = review.entries_markdown(
        review.entries_between(date(2026, 3, 2), date(2026, 3, 8), journal=weeks)
    )
    assert "### Journal (5)" in markdown
    assert "### Behavioural activation: activities and mood (2)" in markdown
    assert "· What I noticed — `2026-03-02-behavioural-activation.ipynb`" in markdown
    assert "**Mon 2 Mar, 22:00** · mood 3 — `2026-03.ipynb`" in markdown
    assert "> 12:00 lunch with Sam, mood 6, mastery 3, pleasure 7" in markdown
    assert "Private entries are not shown" in markdown and "lighthouse" not in markdown
    assert "No entries in this period" in review.entries_markdown([])


def test_open_questions_are_at_most_three_and_say_who_wrote_them(topical_journal):
    import kit

    index, _ = topical_journal
    asked = kit.summarize(mode="questions", index=index)
    questions = review.open_questions(asked)
    assert 1 <= len(questions) <= 3
    assert all(text.endswith("?") for text, _ in questions)
    assert len({text for text, _ in questions}) == len(questions)
    markdown = review.questions_markdown(asked)
    assert markdown.count("\n1. ") + markdown.count("\n2. ") + markdown.count("\n3. ") == len(questions)


def test_a_crisis_shows_the_helplines_and_no_questions(index_of):
    import kit

    index = index_of(["Garden beds weeded.", "I keep thinking everyone would be better off if I were dead."])
    summary = kit.summarize(index=index)
    assert "988" in review.summary_markdown(summary) and "Digest" not in review.summary_markdown(summary)
    asked = kit.summarize(mode="questions", index=index)
    assert "?" not in review.questions_markdown(asked) and "helplines" in review.questions_markdown(asked)


def test_no_model_no_summary_but_the_review_goes_on(weeks, monkeypatch):
    import kit

    kit.update_index(journal=weeks, progress=False)  # as the themes cell before it does
    monkeypatch.setenv("KIT_MODEL", "nonsense")
    period = review.review_period(WEEK)
    summary = review.reflect_on(period, journal=weeks)
    assert isinstance(summary, review.NoReflection)
    assert "KIT_MODEL" in review.summary_markdown(summary)
    questions = review.open_questions(review.reflect_on(period, mode="questions", journal=weeks))
    assert 1 <= len(questions) <= 3 and all(
        source == "from the kit's question bank" for _, source in questions
    )


def test_the_small_models_questions_are_asked_once(topical_journal):
    import dataclasses

    import kit

    index, _ = topical_journal
    summary = kit.summarize(mode="questions", index=index)
    assert review.reflect_on(review.review_period(WEEK), mode="questions", reuse=summary) is not summary
    # The embedded model answers a summary with one question per theme: the questions cell takes those.
    embedded = dataclasses.replace(
        summary,
        questions=[kit.reflection.reflect.Question("What helped?", "garden", "model", "e1")],
        provenance=dataclasses.replace(summary.provenance, backend="embedded"),
    )
    assert review.reflect_on(review.review_period(WEEK), mode="questions", reuse=embedded) is embedded


# ---------------------------------------------------------------- running the notebook


def outputs(nb: dict) -> list[tuple[dict, dict]]:
    return [(cell, out) for cell in nb["cells"] for out in cell.get("outputs", [])]


def charts(nb: dict) -> dict[str, tuple[dict, dict]]:
    return {
        out["metadata"]["kit"]["chart"]: (cell, out)
        for cell, out in outputs(nb)
        if out.get("metadata", {}).get("kit", {}).get("kind") == "chart"
    }


def parser() -> argparse.ArgumentParser:
    """A fresh `reflect` parser with only the review command, wired as kit.cli wires it."""
    p = argparse.ArgumentParser(prog="reflect")
    sub = p.add_subparsers(dest="command", required=True)

    def journal_opt(q: argparse.ArgumentParser) -> None:
        q.add_argument("--journal", metavar="DIR")

    review_commands.add_commands(sub, journal_opt)
    return p


def test_review_runs_into_the_journal_with_the_weeks_charts_and_never_overwrites(weeks, capsys):
    path = review.run_review(WEEK, journal=weeks, progress=False)
    assert path == weeks / f"{WEEK}-weekly-review.ipynb"
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    assert nb["metadata"]["kit"]["week"] == WEEK
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert "week = '2026-W10'" in "".join(injected[0]["source"])

    found = charts(nb)
    assert sorted(found) == ["activation", "goals", "mood", "values"]
    for cell, out in found.values():
        assert base64.b64decode(out["data"]["image/png"]).startswith(
            PNG
        )  # the picture survives without a kernel
        alt = out["metadata"]["kit"]["alt"]
        assert alt and out["metadata"]["image/png"]["alt"] == alt
        assert alt in [c["alt"] for c in cell["metadata"]["kit"]["charts"]]  # and in the cell's metadata
    data = {kind: out["metadata"]["kit"]["data"] for kind, (_, out) in found.items()}
    assert data["mood"] == MOOD
    assert data["activation"] == ACTIVATION
    assert data["goals"] == [
        ["Call Gran every Sunday", 1, 4, "2026-02-10-woop-goals.ipynb"],
        ["Run a 5k by May", 2, 5, "2026-03-03-woop-goals.ipynb"],
    ]
    assert data["values"] == VALUES

    markdown = "\n".join("".join(o["data"].get("text/markdown", "")) for _, o in outputs(nb) if "data" in o)
    assert "Week 10 of 2026: Mon 2 Mar to Sun 8 Mar 2026" in markdown
    assert "Couldn't sleep, worrying about the deadline at work." in markdown
    for absent in ("Landlord", "holiday cottage", "gym", "Learn Spanish"):
        assert absent not in markdown
    assert "lighthouse keeper" not in raw  # a private entry is nowhere in the file
    assert "## Themes" in raw and "Found by the kit in your" in markdown
    (export,) = [c for c in nb["cells"] if "ExportWidget(" in "".join(c["source"])]
    assert export["outputs"] == []  # a widget saved without its kernel would only show an error
    questions = markdown.split("The answers are yours to write", 1)[1]
    assert 1 <= sum(f"\n{n}. " in questions for n in (1, 2, 3)) <= 3 and "\n4. " not in questions

    # Again, from the command line: a second review of the same week gets a name of its own.
    args = parser().parse_args(["review", "--week", "2026-w10", "--journal", str(weeks)])
    assert args.func(args) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str(weeks / f"{WEEK}-weekly-review-2.ipynb")
    assert path.read_text(encoding="utf-8") == raw  # the first review is untouched
    assert (
        charts(json.loads(Path(printed).read_text(encoding="utf-8")))["mood"][1]["metadata"]["kit"]["data"]
        == MOOD
    )


def test_a_failing_cell_is_named_and_nothing_is_written(journal, tmp_path):
    import nbformat

    broken = tmp_path / "broken-review.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("week = None\njournal = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("assert week == '2026-W10'\nprint('fine so far')"),
        nbformat.v4.new_code_cell("# the person's own cell\nraise ValueError('the boiler broke\\nagain')"),
    ]
    nbformat.write(nb, broken)
    with pytest.raises(ReviewFailed) as caught:
        review.run_review(WEEK, journal=journal, progress=False, notebook=broken)
    message = str(caught.value)
    assert "code cell 4 (raise ValueError(" in message  # counted with the injected parameters cell
    assert "ValueError: the boiler broke —" in message and "nothing was written" in message
    assert "\n" not in message
    assert list(journal.iterdir()) == []


def test_the_command_checks_its_arguments_before_starting_a_kernel(journal, tmp_path):
    args = parser().parse_args(["review", "--week", "2026-13"])
    with pytest.raises(BadWeek, match="YYYY-Www"):
        args.func(args)
    args = parser().parse_args(["review", "--journal", str(tmp_path / "nowhere")])
    with pytest.raises(KitError, match="does not exist"):
        args.func(args)
    assert parser().parse_args(["review"]).timeout == 600


def test_reflect_review_fails_in_one_line(journal, capsys):
    from conftest import assert_one_line_error

    from kit.cli import main

    code = main(["review", "--week", "2026-13"])
    assert_one_line_error(code, capsys.readouterr().err, "YYYY-Www", "2026-W")
