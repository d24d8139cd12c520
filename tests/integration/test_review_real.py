"""The weekly review for real: the demo's seven-week sample journal plus worksheets made from the templates, the
embedded embedder and Chroma, run by `reflect review` in its own process; and the notebook as JupyterLab runs it
(no parameters: the last seven days), under nbval in a real kernel."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kit.demo import sample_entries
from kit.outputs import plots, review

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
WEEK = "2026-W38"  # Monday 14 to Sunday 20 September 2026: five sample entries, and the worksheets below
# The real embedder and Chroma in a real kernel. The chat model is the fake: the small embedded model's questions
# take 30–100 s per review here and are tested on their own in test_reflect_embedded_real.py.
REAL = {"KIT_EMBED": "embedded", "KIT_MODEL": "fake"}


def fill(path: Path, values: dict[str, str]) -> None:
    from kit.journal.notebooks import read_entries, update_entry

    for e in read_entries(path):
        if e.field in values:
            update_entry(path, e.id, text=values[e.field])


def worksheets(journal: Path, day: date) -> None:
    """Behavioural activation, WOOP and values worksheets from the templates, filled in on ``day``."""
    from kit.journal.templates import new_from_template

    when = datetime.combine(day, datetime.min.time()).astimezone() + timedelta(hours=20)
    fill(new_from_template("behavioural-activation", journal, when=when), {
        "activity-log": "8:00 made porridge, mood 4, mastery 6, pleasure 5\n"
                        "17:30 walked round the park, mood 6, mastery 5, pleasure 7",
        "what-i-noticed": "Getting outside lifted my mood more than staying in.",
    })  # fmt: skip
    fill(new_from_template("woop-goals", journal, when=when + timedelta(days=1)), {
        "wish": "Sleep before midnight on weeknights", "progress": "2 / 5",
    })  # fmt: skip
    fill(new_from_template("values-clarification", journal, when=when + timedelta(days=2)), {
        "relationships-importance": "9", "relationships-consistency": "6",
        "health-importance": "8", "health-consistency": "3",
    })  # fmt: skip


@pytest.fixture
def sample_journal(tmp_path: Path) -> Path:
    from kit.demo import build_journal

    journal = tmp_path / "sample"
    build_journal(journal)
    worksheets(journal, date(2026, 9, 15))
    return journal


def run_reflect_review(*args: str) -> subprocess.CompletedProcess:
    """`reflect review ARGS` in a new process with the real embedder (through kit.cli once it has the command)."""
    from kit.cli import build_parser

    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    if "review" in commands:
        code = "import sys; from kit.cli import main; sys.exit(main(sys.argv[1:]))"
    else:  # the same command function and parser wiring, until kit.cli registers it
        code = (
            "import argparse, sys; from kit import review\n"
            "p = argparse.ArgumentParser(prog='reflect'); sub = p.add_subparsers(dest='command')\n"
            "review.add_commands(sub, lambda q: q.add_argument('--journal'))\n"
            "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))"
        )
    env = {**os.environ, **REAL}
    env.pop("KIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", code, "review", *args], env=env, capture_output=True, text=True, timeout=900
    )


def test_reflect_review_charts_the_weeks_entries_with_the_real_embedder(sample_journal):
    result = run_reflect_review("--week", WEEK, "--journal", str(sample_journal))
    assert result.returncode == 0, result.stderr[-3000:]
    path = Path(result.stdout.strip())
    assert path == sample_journal / f"{WEEK}-weekly-review.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))

    monday, sunday = review.iso_week(WEEK)
    entries = review.entries_between(monday, sunday, journal=sample_journal)
    recent = review.entries_between(
        sunday - timedelta(weeks=4) + timedelta(days=1), sunday, journal=sample_journal
    )
    expected = {
        "mood": plots.mood_chart(entries, since=monday, until=sunday),
        "activation": plots.activation_chart(entries, since=monday, until=sunday),
        "goals": plots.goals_chart(recent),
        "values": plots.values_chart(recent),
    }
    found = {
        out["metadata"]["kit"]["chart"]: out
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
        if out.get("metadata", {}).get("kit", {}).get("kind") == "chart"
    }
    assert sorted(found) == sorted(expected)
    for kind, chart in expected.items():
        out = found[kind]
        assert base64.b64decode(out["data"]["image/png"]).startswith(b"\x89PNG")
        assert out["metadata"]["kit"]["data"] == [list(row) for row in chart.data]
        assert out["metadata"]["image/png"]["alt"] == chart.alt
    # The chart data is the entries' own numbers, not only what kit.outputs.plots makes of them:
    moods = {e.created.date().isoformat() for e in entries if e.mood is not None}
    assert {row[0] for row in found["mood"]["metadata"]["kit"]["data"] if row[1] is not None} == moods
    assert found["activation"]["metadata"]["kit"]["data"][1] == ["2026-09-15", 5.0, 5.5, 6.0, 2]
    assert found["goals"]["metadata"]["kit"]["data"][0][:3] == ["Sleep before midnight on weeknights", 2, 5]
    assert found["values"]["metadata"]["kit"]["data"] == [["Relationships", 9.0, 6.0], ["Health", 8.0, 3.0]]

    # The person's words of that week are there; other weeks' and the private entry are not.
    markdown = "\n".join(
        "".join(out["data"]["text/markdown"])
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
        if "text/markdown" in out.get("data", {})
    )
    for item in sample_entries():
        first_line = item["text"].strip().splitlines()[0]
        in_week = "2026-09-14" <= item["created"][:10] <= "2026-09-20" and not item.get("private")
        assert (first_line in markdown) == in_week, item["created"]


def test_the_review_notebook_runs_under_nbval_on_the_last_seven_days(journal, kit_home, tmp_path):
    """Run from JupyterLab (no parameters): the last seven days up to today, with every kind of worksheet."""
    from kit.journal.notebooks import append_entry

    today = date.today()
    for days, text, mood in [(9, "Argued with the landlord about the boiler.", 3), (4, "Slept well after a long walk.", 7),
                             (2, "Lay awake worrying about work.", 3), (1, "Coffee with Ana by the river.", 6)]:  # fmt: skip
        created = datetime.combine(today - timedelta(days=days), datetime.min.time()).astimezone()
        append_entry(
            journal / "journal.ipynb", text, mood=mood, created=created + timedelta(hours=21), journal=journal
        )
    worksheets(journal, today - timedelta(days=3))
    env = {**os.environ, **REAL, "KIT_JOURNAL": str(journal)}
    env["KIT_HOME"] = str(kit_home)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(ROOT / "notebooks" / "weekly-review.ipynb")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    import nbformat

    cells = sum(
        c.cell_type == "code" for c in nbformat.read(ROOT / "notebooks" / "weekly-review.ipynb", 4).cells
    )
    assert f"{cells} passed" in result.stdout
