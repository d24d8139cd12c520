"""Charts: the data behind each picture equals the entries' numbers; gaps, alt text, PNG, nothing left open."""

from __future__ import annotations

import base64
import itertools
from datetime import date, datetime, timedelta

import pytest

from kit.journal.entries import Entry
from kit.outputs import plots

PNG = b"\x89PNG\r\n\x1a\n"
MONDAY = datetime(2026, 3, 2, 20, 0).astimezone()
_ids = itertools.count()


def entry(day: int, text: str = "An entry.", *, mood=None, template="journal", field="entry", notebook="a.ipynb",
          private=False) -> Entry:  # fmt: skip
    return Entry(
        id=f"e{next(_ids)}",
        text=text,
        created=MONDAY + timedelta(days=day),
        template=template,
        field=field,
        notebook=notebook,
        cell_id="c",
        mood=mood,
        private=private,
    )


def activity(day: int, text: str, notebook: str = "ba.ipynb") -> Entry:
    return entry(day, text, template="behavioural-activation", field="activity-log", notebook=notebook)


def woop(notebook: str, day: int, field: str, text: str) -> Entry:
    return entry(day, text, template="woop-goals", field=field, notebook=notebook)


def value(day: int, field: str, text: str, notebook: str = "values.ipynb") -> Entry:
    return entry(day, text, template="values-clarification", field=field, notebook=notebook)


@pytest.fixture(autouse=True)
def no_figure_left_open():
    """Every chart is drawn on a bare Figure: pyplot never holds one, before or after a test."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    assert plt.get_fignums() == []
    yield
    assert plt.get_fignums() == []


def assert_png(chart: plots.Chart) -> None:
    assert chart.png.startswith(PNG)
    width, height = chart.size()
    assert width >= 800 and height >= 200


# ---------------------------------------------------------------- mood


def test_mood_chart_plots_the_daily_mean_with_gaps_and_leaves_private_entries_out():
    entries = [
        entry(0, mood=3),
        entry(1, mood=4),
        entry(1, mood=5),
        entry(2, "No mood given."),
        entry(2, "Private.", mood=1, private=True),
        entry(4, mood=7.5),
    ]
    chart = plots.mood_chart(entries)
    assert_png(chart)
    assert chart.records() == [
        {"date": "2026-03-02", "mood": 3.0, "entries": 1},
        {"date": "2026-03-03", "mood": 4.5, "entries": 2},
        {"date": "2026-03-04", "mood": None, "entries": 0},  # the private mood is not drawn
        {"date": "2026-03-05", "mood": None, "entries": 0},
        {"date": "2026-03-06", "mood": 7.5, "entries": 1},
    ]
    assert chart.alt == (
        "Mood went from 3 to 7.5 over 5 days, Mon 2 Mar to Fri 6 Mar (lowest 3, highest 7.5); 2 days without an entry."
    )


def test_mood_chart_covers_the_whole_period_asked_for():
    chart = plots.mood_chart([entry(-3, mood=9), entry(2, mood=6), entry(9, mood=1)], since="2026-03-02",
                             until=date(2026, 3, 8))  # fmt: skip
    assert [r["date"] for r in chart.records()] == [f"2026-03-0{d}" for d in range(2, 9)]
    assert [r["mood"] for r in chart.records() if r["mood"] is not None] == [6.0]
    assert "Mood 6 on Wed 4 Mar over 7 days" in chart.alt and "6 days without an entry" in chart.alt


def test_no_moods_no_chart():
    assert plots.mood_chart([]) is None
    assert plots.mood_chart([entry(0, "No mood."), entry(1, mood=5, private=True)]) is None
    assert plots.mood_chart([entry(0, mood=5)], since="2026-03-03") is None


def test_a_bad_date_names_the_format():
    from kit.errors import KitError

    with pytest.raises(KitError, match="YYYY-MM-DD"):
        plots.mood_chart([entry(0, mood=5)], since="last tuesday")


def test_mood_chart_reads_entries_as_notebooks_store_them(journal, make_notebook):
    from kit.journal.notebooks import scan_journal

    make_notebook(
        "week.ipynb",
        [
            {"text": "Slept badly.", "mood": 2, "created": "2026-03-02T08:00"},
            {"text": "Walk by the river.", "mood": 6, "created": "2026-03-02T19:00"},
            {"text": "Kept to myself.", "mood": 8, "created": "2026-03-03T21:00", "private": True},
            {"text": "Lunch with Ana.", "mood": 7, "created": "2026-03-04T13:00"},
        ],
    )
    chart = plots.mood_chart(scan_journal(journal).entries)
    assert [(r["date"], r["mood"]) for r in chart.records()] == [
        ("2026-03-02", 4.0),
        ("2026-03-03", None),
        ("2026-03-04", 7.0),
    ]


def test_a_chart_shows_in_a_notebook_as_png_with_its_alt_text_and_data():
    chart = plots.mood_chart([entry(0, mood=3), entry(2, mood=6)])
    data, metadata = chart._repr_mimebundle_()
    assert base64.b64decode(data["image/png"]) == chart.png == chart._repr_png_()
    assert chart.alt in data["text/plain"]
    assert metadata["image/png"]["alt"] == chart.alt
    assert metadata["image/png"]["width"] == plots.DISPLAY_WIDTH
    kit = metadata["kit"]
    assert (kit["kind"], kit["chart"], kit["alt"]) == ("chart", "mood", chart.alt)
    assert kit["columns"] == ["date", "mood", "entries"]
    assert kit["data"] == [["2026-03-02", 3.0, 1], ["2026-03-03", None, 0], ["2026-03-04", 6.0, 1]]


def test_the_same_entries_give_the_same_png():
    entries = [entry(0, mood=3), entry(2, mood=6)]
    assert plots.mood_chart(entries).png == plots.mood_chart(entries).png


# ---------------------------------------------------------------- behavioural activation


def test_activity_lines_give_mood_mastery_and_pleasure():
    text = (
        "10:00 walked to the shop, mood 4, mastery 5, pleasure 3\n"
        "Lunch with Sam: Mood: 6/10, Pleasure 7\n"
        "Nothing much here.\n"
        "gym mood 11 mastery 9"
    )
    assert plots.activities(text) == [
        {"mood": 4.0, "mastery": 5.0, "pleasure": 3.0},
        {"mood": 6.0, "pleasure": 7.0},
        {"mastery": 9.0},  # a mood of 11 is not on the 0–10 scale: left out, not guessed
    ]


def test_activation_chart_averages_each_day_and_leaves_gaps():
    entries = [
        activity(0, "walk, mood 4, mastery 5, pleasure 3\nlunch, mood 6, mastery 3, pleasure 7"),
        activity(
            2, "tidied the desk: mood 5, mastery 8, pleasure 4\nphone call, mood 0, mastery 0", "ba2.ipynb"
        ),
        entry(
            2,
            "mood 9 mastery 9 pleasure 9",
            template="behavioural-activation",
            field="activity-log",
            private=True,
        ),  # fmt: skip
        entry(1, "walk, mood 9, mastery 9, pleasure 9"),  # a plain journal entry: not an activity log
        entry(1, "mood 9", template="behavioural-activation", field="what-i-noticed"),
    ]
    chart = plots.activation_chart(entries)
    assert_png(chart)
    assert chart.columns == ("date", "mood", "mastery", "pleasure", "activities")
    assert chart.records() == [
        {"date": "2026-03-02", "mood": 5.0, "mastery": 4.0, "pleasure": 5.0, "activities": 2},
        {"date": "2026-03-03", "mood": None, "mastery": None, "pleasure": None, "activities": 0},
        {"date": "2026-03-04", "mood": 2.5, "mastery": 4.0, "pleasure": 4.0, "activities": 2},
    ]
    assert chart.alt.startswith("4 activities logged on 2 days from Mon 2 Mar to Wed 4 Mar.")
    assert "1 day without an entry" in chart.alt


def test_no_activity_log_no_activation_chart():
    assert plots.activation_chart([entry(0, mood=5), activity(1, "walked, felt fine")]) is None


# ---------------------------------------------------------------- goals


def test_goals_chart_reads_progress_or_counts_small_steps():
    entries = [
        woop("run.ipynb", 0, "wish", "Run a 5k by May"),
        woop("run.ipynb", 0, "progress", "1 / 5"),
        woop("run.ipynb", 3, "progress", "3 of 5, legs are getting used to it"),  # the latest one counts
        woop("gran.ipynb", 1, "wish", "Call Gran every Sunday"),
        woop(
            "gran.ipynb",
            1,
            "small-steps",
            "- [x] find her number\n- [x] first call\n- put it in the calendar",
        ),
        woop("vague.ipynb", 2, "wish", "Be calmer"),  # no steps, no progress: nothing to draw
    ]
    chart = plots.goals_chart(entries)
    assert_png(chart)
    assert chart.records() == [
        {"goal": "Run a 5k by May", "done": 3, "planned": 5, "notebook": "run.ipynb"},
        {"goal": "Call Gran every Sunday", "done": 2, "planned": 3, "notebook": "gran.ipynb"},
    ]
    assert chart.alt == (
        "2 goals: “Run a 5k by May” 3 of 5 small steps done; “Call Gran every Sunday” 2 of 3 small steps done."
    )


def test_goals_outside_the_period_are_left_out():
    entries = [woop("old.ipynb", -30, "progress", "1/2"), woop("new.ipynb", 1, "progress", "0 / 4")]
    chart = plots.goals_chart(entries, since="2026-03-01")
    assert [(r["goal"], r["done"], r["planned"]) for r in chart.records()] == [("new", 0, 4)]
    assert plots.goals_chart([woop("g.ipynb", 0, "wish", "Sleep more")]) is None


# ---------------------------------------------------------------- values


def test_values_chart_pairs_importance_and_consistency_per_area():
    entries = [
        value(0, "health-importance", "9"),
        value(0, "health-consistency", "4/10"),
        value(0, "relationships-importance", "about 8"),
        value(0, "relationships-consistency", "5"),
        value(
            -20, "relationships-consistency", "1", notebook="old-values.ipynb"
        ),  # older: the later one wins
        value(0, "growth-importance", "7"),
        value(0, "growth-what-matters", "Learning to paint, 10 minutes a day"),  # words, not a score
        value(0, "garden-importance", "6"),  # an area the person added
    ]
    chart = plots.values_chart(entries)
    assert_png(chart)
    assert chart.records() == [
        {"area": "Relationships", "importance": 8.0, "consistency": 5.0},
        {"area": "Health", "importance": 9.0, "consistency": 4.0},
        {"area": "Growth", "importance": 7.0, "consistency": None},
        {"area": "Garden", "importance": 6.0, "consistency": None},
    ]
    assert chart.alt == (
        "Importance and how closely you lived by it, for 4 areas of life. "
        "Biggest gap: Health (importance 9, lived 4)."
    )


def test_no_values_worksheet_no_values_chart():
    assert plots.values_chart([entry(0, mood=5)]) is None
    assert plots.values_chart([value(0, "health-importance", "very")]) is None


# ---------------------------------------------------------------- the mood widget draws with kit.outputs.plots


def test_mood_widget_shows_a_chart_with_alt_text(topical_journal):
    from kit.widgets import MoodWidget

    index, written = topical_journal
    widget = MoodWidget(index=index, show=False)
    widget.draw()
    days = {e.created.date().isoformat() for es in written.values() for e in es}
    assert widget.chart.kind == "mood"
    assert {r["date"] for r in widget.chart.records() if r["mood"] is not None} == days
    assert widget.chart.alt.startswith("Mood went from 3 to ")


def test_the_mood_caption_reads_naturally_when_it_ends_where_it_began():
    from datetime import date

    from kit.outputs.plots import mood_alt

    series = [(date(2026, 3, 2), 4.0), (date(2026, 3, 3), 6.0), (date(2026, 3, 4), 4.0)]
    assert mood_alt(series).startswith("Mood began and ended at 4 over 3 days")
