"""The packet as a PDF printed by the real headless Chromium, read back with poppler's pdftotext.

Page 1 is kept as tests/e2e/artifacts/packet-page1.png for a person to look at.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).parents[1] / "e2e" / "artifacts"
PRIVATE_MARKER = "quokka-lantern-private"
AI_MARKER = "noticing the small steadying things"
PII_VALUES = ("Kowalski", "Leeds", "anna.k@example.org", "7700 900123")


def _chromium() -> str | None:
    from kit.errors import KitError
    from kit.outputs.pdf import find_chromium

    try:
        return find_chromium()
    except KitError:
        return None


@pytest.fixture(autouse=True)
def _tools() -> None:
    if _chromium() is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); it prints the PDF")
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install poppler-utils); it reads the PDF back")


@pytest.fixture
def journal_with_everything(journal, make_notebook):
    from kit.index.store import Index
    from kit.journal.reflections import save_reflection
    from kit.reflection.reflect import summarize
    from kit.testing import FakeChatModel, FakeEmbeddings

    when = "2026-03-04T19:30:00"
    make_notebook(
        "2026-03-04-cbt-thought-record.ipynb",
        [
            {"text": "Presenting the budget to the team on Monday.", "template": "cbt-thought-record",
             "field": "situation", "created": when, "mood": 3},
            {"text": "Anxious 70, embarrassed 40.", "template": "cbt-thought-record", "field": "emotions",
             "created": when},
            {"text": "They think I'm out of my depth.", "template": "cbt-thought-record",
             "field": "hot-thought", "created": when},
            {"text": "Last quarter's figures were right, and two people thanked me.",
             "template": "cbt-thought-record", "field": "evidence-against", "created": when},
            {"text": "I'm nervous, and I know this budget better than anyone.",
             "template": "cbt-thought-record", "field": "balanced-thought", "created": when},
        ],
    )  # fmt: skip
    make_notebook(
        "2026-03.ipynb",
        [
            {"text": "Slept badly, woke at five and walked along the river until it got light.",
             "template": "daily-journal", "created": "2026-03-02T08:00:00", "mood": 4},
            {"text": "Had coffee with my friend Anna Kowalski in Leeds. Her email is anna.k@example.org "
             "and her number is +44 7700 900123. We laughed about the wedding.",
             "template": "daily-journal", "created": "2026-03-06T18:00:00", "mood": 7},
            {"text": f"Something I keep to myself: {PRIVATE_MARKER}.", "template": "daily-journal",
             "created": "2026-03-07T22:00:00", "mood": 1, "private": True},
            {"text": "Quiet Sunday. Cooked, read, rang Mum.", "template": "daily-journal",
             "created": "2026-03-08T21:00:00", "mood": 6},
        ],
    )  # fmt: skip
    index = Index(journal=journal, embedder=FakeEmbeddings())
    reply = f"You wrote about {AI_MARKER} [E1]. What stands out to you?"
    reflection = summarize(model=FakeChatModel(replies=[reply]), index=index)
    assert reflection.ai_written
    save_reflection(journal / "reflections.ipynb", reflection, check_open=False)
    return journal


def _reflect(argv: list[str]) -> int:
    from kit.cli.export import add_commands

    parser = argparse.ArgumentParser(prog="reflect")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub, lambda p: p.add_argument("--journal", metavar="DIR"))
    args = parser.parse_args(argv)
    return args.func(args)


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_pdf_packet_redacted_without_ai(journal_with_everything, tmp_path, capsys):
    pdf = tmp_path / "packet.pdf"
    assert _reflect(["export", "--out", str(pdf), "--redact", "--journal", str(journal_with_everything)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _text(pdf)
    assert "Journal packet" in text and "not a clinical record" in text
    assert "Presenting the budget" in text and "Hot thought" in text
    assert "Quiet Sunday" in text and "walked along the river" in text
    assert PRIVATE_MARKER not in text and "keep to myself" not in text
    for value in PII_VALUES:
        assert value not in text
    assert "[PERSON]" in text and "[PLACE]" in text and "[EMAIL]" in text and "[PHONE]" in text
    assert AI_MARKER not in text and "Saved reflections" not in text

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / "packet-page1.png"
    png.unlink(missing_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(png.with_suffix("")),
        ],
        check=True,
        capture_output=True,
    )
    assert png.read_bytes().startswith(b"\x89PNG")


def test_pdf_packet_with_ai_marks_it(journal_with_everything, tmp_path):
    from kit.outputs.export import export

    report = export(tmp_path / "packet.pdf", journal=journal_with_everything, include_ai=True)
    assert report.packet.ai == 1
    text = _text(report.path)
    assert AI_MARKER in text and "AI-written — not the writer's words, not advice" in text
    assert "Kowalski" in text  # not redacted this time
    assert PRIVATE_MARKER not in text
