"""The journal packet (kit.outputs.export): what goes in, what never does, and how it is written. No Chromium needed."""

from __future__ import annotations

import argparse
import re
import stat
from pathlib import Path

import pytest

from kit.cli.export import add_commands
from kit.errors import ConfigError, JournalNotFound, KitError
from kit.outputs.export import ExportExists, ExportFormat, NothingToExport, build_packet, export
from kit.outputs.pdf import PdfUnavailable

PRIVATE_MARKER = "quokka-lantern-private"
AI_MARKER = "noticing the small steadying things"
PII_TEXT = (
    "Had coffee with my friend Anna Kowalski in Leeds. Her email is anna.k@example.org and her number is "
    "+44 7700 900123."
)
PII_VALUES = ("Anna", "Kowalski", "Leeds", "anna.k@example.org", "7700 900123")


@pytest.fixture
def sample(journal, make_notebook):
    """Two worksheets and a daily journal over March and April, one private entry, PII and a script tag."""
    when = "2026-03-04T19:30:00"
    make_notebook(
        "2026-03-04-cbt-thought-record.ipynb",
        [
            {"text": "Presenting the budget to the team.", "template": "cbt-thought-record",
             "field": "situation", "created": when, "mood": 3},
            {"text": "They think I'm out of my depth.", "template": "cbt-thought-record",
             "field": "hot-thought", "created": when},
            {"text": "", "template": "cbt-thought-record", "field": "evidence-for", "created": when},
        ],
    )  # fmt: skip
    make_notebook(
        "2026-03.ipynb",
        [
            {"text": "Slept badly, woke at five and walked along the river.", "template": "daily-journal",
             "created": "2026-03-02T08:00:00", "mood": 4},
            {"text": PII_TEXT, "template": "daily-journal", "created": "2026-03-06T18:00:00", "mood": 7},
            {"text": f"Something I keep to myself: {PRIVATE_MARKER}.", "template": "daily-journal",
             "created": "2026-03-07T22:00:00", "mood": 1, "private": True},
            {"text": 'Testing <script>alert("boo")</script> and <b>tags</b>.', "template": "daily-journal",
             "created": "2026-03-08T21:00:00", "mood": 6},
        ],
    )  # fmt: skip
    make_notebook(
        "2026-04-worry.ipynb",
        [{"text": "Worried the landlord will not renew.", "template": "worry-log", "field": "the-worry",
          "created": "2026-04-10T12:00:00", "mood": 5}],
    )  # fmt: skip
    return journal


@pytest.fixture
def with_reflection(sample):
    """A reflection written by the fake model, saved in the journal as `reflect summarize --save` does."""
    from kit.index.store import Index
    from kit.journal.reflections import save_reflection
    from kit.reflection.reflect import summarize
    from kit.testing import FakeChatModel, FakeEmbeddings

    index = Index(journal=sample, embedder=FakeEmbeddings())
    reply = f"You wrote about {AI_MARKER} [E1]. What stands out to you?"
    reflection = summarize(model=FakeChatModel(replies=[reply]), index=index)
    assert reflection.ai_written, reflection.note
    save_reflection(sample / "reflections.ipynb", reflection, check_open=False)
    return reflection


def _body(page: str) -> str:
    return page.split("<body>", 1)[1]


# ---------------------------------------------------------------- content


def test_cover_note_then_entries_by_worksheet_and_date(sample):
    packet = build_packet()
    page = packet.html
    cover = page.split('<header class="cover">', 1)[1].split("</header>", 1)[0]
    assert "<h1>Journal packet</h1>" in cover
    assert "not a clinical record" in cover and "not medical or therapeutic advice" in cover
    assert "writer's own words" in cover and "chose to share" in cover
    assert "2 March 2026 – 10 April 2026" in cover
    assert "1 private entry (never included)" in cover
    assert "Nothing was redacted" in cover
    assert packet.entries == 6  # the empty worksheet field is not an entry
    assert packet.since.isoformat() == "2026-03-02" and packet.until.isoformat() == "2026-04-10"
    assert dict(packet.worksheets) == {"CBT thought record": 2, "Daily journal": 3, "Worry log": 1}
    assert packet.left_out == (("private entry (never included)", 1),)
    # Worksheets in title order, each on its own page; inside one, oldest first; field names in words.
    body = _body(page)
    order = [body.index(f"<h2>{t}</h2>") for t in ("CBT thought record", "Daily journal", "Worry log")]
    assert order == sorted(order)
    assert body.count('<section class="worksheet">') == 3
    assert body.index("Slept badly") < body.index("Had coffee") < body.index("Testing")
    assert '<h4 class="label">Situation</h4>' in body and '<h4 class="label">Hot thought</h4>' in body
    assert "Evidence for" not in body
    assert "Wednesday 4 March 2026" in body and "Mood 3 / 10" in body


def test_private_entries_never_appear(sample):
    packet = build_packet(include_ai=True, redact=True)
    assert PRIVATE_MARKER not in packet.html
    assert "keep to myself" not in packet.html
    # Its mood (1) is not in the chart either.
    [chart] = packet.charts
    assert "lowest 3," in chart.alt and 1.0 not in [row[1] for row in chart.data]


def test_redact_replaces_personal_details_with_labels(sample):
    plain = build_packet()
    assert all(value in plain.html for value in PII_VALUES)
    packet = build_packet(redact=True)
    for value in PII_VALUES:
        assert value not in packet.html
    assert "with my friend [PERSON] in [PLACE]" in packet.html
    assert "[EMAIL]" in packet.html and "[PHONE]" in packet.html
    assert dict(packet.redactions) == {"PERSON": 1, "PLACE": 1, "EMAIL": 1, "PHONE": 1}
    assert "[PERSON]\u00a0×\u00a01" in packet.html and "best effort" in packet.html


def test_a_name_found_once_is_redacted_wherever_it_appears(sample, make_notebook):
    make_notebook(
        "later.ipynb",
        [{"text": "Anna rang later. I will call back; Leeds can wait.", "created": "2026-03-09T10:00:00"}],
    )
    packet = build_packet(redact=True)
    assert "[PERSON] rang later. I will call back; [PLACE] can wait." in packet.html
    assert dict(packet.redactions)["PERSON"] == 2


def test_text_is_escaped(sample):
    page = build_packet().html
    assert "<script" not in page.lower() and "<b>tags" not in page
    assert "&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt;" in page


def test_nothing_external_no_scripts(sample, make_notebook):
    make_notebook(
        "links.ipynb",
        [{"text": "See [my notes](https://example.com/notes) and ![x](http://example.com/x.png), "
          "<https://example.org>.", "created": "2026-03-09T10:00:00"}],
    )  # fmt: skip
    page = build_packet().html
    attrs = re.findall(r"""\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?([^"'\s>]*)""", page, re.I)
    assert attrs and all(a.startswith("data:image/png;base64,") for a in attrs)
    assert not re.search(r"<(?:script|link|iframe|object|embed|base)\b", page, re.I)
    assert "url(" not in page.lower() and "@import" not in page
    assert "default-src 'none'" in page  # a content security policy forbids loading anything
    assert "example.com/notes" in page  # the person's words stay, as plain text


def test_charts_are_inline_pngs_with_alt_text(sample):
    packet = build_packet()
    [chart] = packet.charts
    assert chart.kind == "mood" and chart.png.startswith(b"\x89PNG")
    assert re.search(
        r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="Mood went from 4 to 5 ', packet.html
    )
    assert "1 chart drawn from these entries: Mood, day by day." in packet.html


def test_a_redacted_name_stays_out_of_charts(journal, make_notebook):
    when = "2026-05-01T09:00:00"
    make_notebook(
        "goal.ipynb",
        [
            {"text": "Visit my friend Anna Kowalski more often", "template": "woop-goals", "field": "wish",
             "created": when},
            {"text": "2 / 5", "template": "woop-goals", "field": "progress", "created": when},
        ],
    )  # fmt: skip
    assert "Kowalski" in build_packet().charts[0].alt
    [chart] = build_packet(redact=True).charts
    assert chart.kind == "goals" and "Kowalski" not in chart.alt and "[PERSON]" in chart.alt
    assert all("Kowalski" not in str(row) for row in chart.data)


def test_no_chart_without_moods(journal, make_notebook):
    make_notebook("a.ipynb", [{"text": "No mood noted today.", "created": "2026-05-01T09:00:00"}])
    packet = build_packet()
    assert packet.charts == () and "<img" not in packet.html


def test_date_and_worksheet_filters(sample):
    march = build_packet(since="2026-03-03", until="2026-03-31")
    assert "Slept badly" not in march.html and "landlord" not in march.html
    assert "Had coffee" in march.html and "Presenting the budget" in march.html
    assert ("entries outside these dates", 2) in march.left_out
    assert "3 March 2026 – 31 March 2026" in march.html
    cbt = build_packet(template="cbt-thought-record")
    assert cbt.entries == 2 and "Had coffee" not in cbt.html
    assert ("entries from other worksheets", 4) in cbt.left_out
    assert ("private entry (never included)", 1) not in cbt.left_out  # the private entry is another sheet's
    with pytest.raises(NothingToExport, match="--template"):
        build_packet(template="no-such-sheet")
    with pytest.raises(NothingToExport, match="widen"):
        build_packet(since="2027-01-01")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        build_packet(since="last tuesday")
    with pytest.raises(ConfigError, match="swap"):
        build_packet(since="2026-04-01", until="2026-03-01")


def test_unsaved_widget_entries_are_included_private_ones_are_not(journal, make_notebook):
    from datetime import datetime

    from kit.journal.wal import append_pending, make_entry

    make_notebook("w.ipynb", [{"text": "Saved already.", "created": "2026-05-01T09:00:00"}])
    created = datetime(2026, 5, 2, 9).astimezone()
    append_pending(journal / "w.ipynb", make_entry("Typed in the widget, not saved yet.", created=created))
    append_pending(journal / "w.ipynb", make_entry(f"Widget {PRIVATE_MARKER}", private=True, created=created))
    packet = build_packet()
    assert "Typed in the widget" in packet.html and PRIVATE_MARKER not in packet.html
    assert packet.entries == 2


# ---------------------------------------------------------------- saved reflections


def test_ai_outputs_only_when_asked(with_reflection):
    without = build_packet()
    assert AI_MARKER not in without.html and "AI-written" not in _body(without.html).split("</header>")[1]
    assert without.ai == 0
    assert ("saved reflection (AI or kit output), not asked for", 1) in without.left_out
    assert "No AI-written text." in without.html

    packet = build_packet(include_ai=True)
    assert packet.ai == 1 and AI_MARKER in packet.html
    box = packet.html.split('<aside class="reflection ai">', 1)[1].split("</aside>", 1)[0]
    assert "AI-written — not the writer's words, not advice" in box and AI_MARKER in box
    provenance = box.split('<dl class="provenance">', 1)[1]
    assert "fake" in provenance and "summary, version 1" in provenance
    assert "Made on" in provenance and "Based on entries" in provenance and "2 March 2026" in provenance
    # The person's entries come first; the reflections are last, apart from them.
    assert packet.html.index("Worry log</h2>") < packet.html.index("Saved reflections")


def test_ai_text_is_redacted_too(with_reflection, sample):
    import nbformat

    path = sample / "reflections.ipynb"
    nb = nbformat.read(path, as_version=4)
    [cell] = [c for c in nb.cells if c.cell_type == "code"]
    # A digest or a model writes theme labels in lower case; a name found in the entries is still a name.
    cell.metadata["kit"]["text"] += (
        "\n\nYou met my friend Anna Kowalski in Leeds. Theme: anna · leeds · coffee."
    )
    nbformat.write(nb, path)
    packet = build_packet(include_ai=True, redact=True)
    for value in PII_VALUES:
        assert value.lower() not in packet.html.lower()
    assert "Theme: [PERSON] · [PLACE] · coffee." in packet.html
    assert dict(packet.redactions) == {"PERSON": 3, "PLACE": 3, "EMAIL": 1, "PHONE": 1}


def test_reflection_drawing_on_an_entry_now_private_is_left_out(with_reflection, sample):
    from kit.journal.notebooks import read_entries, update_entry

    cited = set(with_reflection.provenance.retrieved_ids)
    path = sample / "2026-03.ipynb"
    entry = next(e for e in read_entries(path, sample) if e.id in cited)
    update_entry(path, entry.id, private=True, journal=sample)
    packet = build_packet(include_ai=True)
    assert packet.ai == 0 and AI_MARKER not in packet.html
    assert ("saved reflection that drew on an entry now private or forgotten", 1) in packet.left_out


# ---------------------------------------------------------------- writing the file


def test_export_html_is_atomic_private_and_never_overwrites(sample, tmp_path):
    out = tmp_path / "packet.html"
    report = export(out, redact=True)
    assert report.path == out.resolve() and report.format == "html" and report.size == out.stat().st_size
    assert out.read_text(encoding="utf-8") == report.packet.html
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it holds journal text
    before = out.read_bytes()
    with pytest.raises(ExportExists, match="--force"):
        export(out)
    assert out.read_bytes() == before
    export(out, overwrite=True, since="2026-04-01")
    assert "landlord" in out.read_text(encoding="utf-8") and out.read_bytes() != before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_refuses_unknown_names_and_missing_places(sample, tmp_path):
    with pytest.raises(ExportFormat, match=r"\.html or \.pdf"):
        export(tmp_path / "packet.docx")
    with pytest.raises(ConfigError, match="does not exist"):
        export(tmp_path / "nowhere" / "packet.html")
    with pytest.raises(JournalNotFound, match="--journal"):
        export(tmp_path / "packet.html", journal=tmp_path / "no-journal")
    assert not (tmp_path / "packet.html").exists()


def test_pdf_without_chromium_names_the_fix(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.delenv("KIT_CHROMIUM", raising=False)
    with pytest.raises(PdfUnavailable) as info:
        export(tmp_path / "packet.pdf")
    assert "apt-get install chromium" in str(info.value) and "packet.html" in str(info.value)
    monkeypatch.setenv("KIT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(PdfUnavailable, match="KIT_CHROMIUM"):
        export(tmp_path / "packet.pdf")
    assert not (tmp_path / "packet.pdf").exists()


def _fake_browser(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-chromium"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return script


def test_pdf_is_printed_offline_in_a_throwaway_profile(sample, tmp_path, monkeypatch):
    # A stand-in for Chromium records how it was called and writes a tiny PDF where it was asked to.
    log = tmp_path / "args.txt"
    browser = _fake_browser(
        tmp_path,
        f'for a in "$@"; do echo "$a" >> {log}; case "$a" in --print-to-pdf=*) '
        'printf "%%PDF-1.4 fake" > "${a#--print-to-pdf=}";; esac; done\n',
    )
    monkeypatch.setenv("KIT_CHROMIUM", str(browser))
    report = export(tmp_path / "packet.pdf")
    assert report.format == "pdf" and (tmp_path / "packet.pdf").read_bytes() == b"%PDF-1.4 fake"
    args = log.read_text().splitlines()
    assert "--headless" in args and "--no-pdf-header-footer" in args
    assert "--proxy-server=127.0.0.1:9" in args and "--host-resolver-rules=MAP * ~NOTFOUND" in args
    profile = next(a for a in args if a.startswith("--user-data-dir="))
    assert not Path(profile.split("=", 1)[1]).exists()  # removed, with the page that held the entries
    assert args[-1].startswith("file://")


def test_pdf_failure_is_one_line_and_writes_nothing(sample, tmp_path, monkeypatch):
    browser = _fake_browser(tmp_path, 'echo "something broke" >&2\nexit 3\n')
    monkeypatch.setenv("KIT_CHROMIUM", str(browser))
    with pytest.raises(PdfUnavailable) as info:
        export(tmp_path / "packet.pdf")
    message = str(info.value)
    assert "\n" not in message and "exit 3" in message and "something broke" in message
    assert "packet.html" in message
    assert not [p.name for p in tmp_path.iterdir() if "packet" in p.name]


def test_a_hung_chromium_is_stopped(tmp_path):
    from kit.outputs.pdf import print_pdf

    browser = _fake_browser(tmp_path, "sleep 30 &\nwait\n")
    with pytest.raises(PdfUnavailable, match="did not finish"):
        print_pdf("<p>hi</p>", browser=str(browser), timeout=0.5)


# ---------------------------------------------------------------- the command


def _reflect(argv: list[str]) -> int:
    """`reflect ARGV` through a fresh parser, with the CLI's contract: one-line error and exit 1."""
    parser = argparse.ArgumentParser(prog="reflect")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub, lambda p: p.add_argument("--journal", metavar="DIR"))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KitError as exc:
        import sys

        print(f"reflect: error: {exc}", file=sys.stderr)
        return 1


def test_cli_export_says_what_it_wrote_left_out_and_redacted(with_reflection, journal, tmp_path, capsys):
    out = tmp_path / "packet.html"
    assert _reflect(["export", "--out", str(out), "--redact", "--journal", str(journal)]) == 0
    said = capsys.readouterr().out
    assert f"Wrote {out}" in said and "6 entries, 2 March 2026 – 10 April 2026" in said
    assert "1 private entry (never included)" in said
    assert "Redacted: [PERSON] 1, [PLACE] 1, [EMAIL] 1, [PHONE] 1" in said
    assert "--include-ai" in said
    page = out.read_text(encoding="utf-8")
    assert AI_MARKER not in page and "Anna" not in page and PRIVATE_MARKER not in page

    assert _reflect(["export", "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already exists" in err[0] and "--force" in err[0]

    args = ["export", "--out", str(out), "--force", "--include-ai", "--since", "2026-03-01", "--until",
            "2026-03-31", "--template", "daily-journal"]  # fmt: skip
    assert _reflect(args) == 0
    said = capsys.readouterr().out
    assert "Included 1 saved reflection" in said and "Not redacted" in said
    assert AI_MARKER in out.read_text(encoding="utf-8")


def test_cli_bad_suffix_is_one_line(sample, tmp_path, capsys):
    assert _reflect(["export", "--out", str(tmp_path / "packet.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ".html or .pdf" in err[0]


# ---------------------------------------------------------------- ExportWidget


def test_export_widget_writes_a_redacted_packet_into_the_journal_and_never_replaces_one(sample):
    from datetime import date

    from kit.widgets import ExportWidget

    widget = ExportWidget(since=date(2026, 3, 1), until=date(2026, 3, 31), show=False)
    assert widget.redact.value and not widget.include_ai.value  # private by default
    widget.format.value = "html"
    assert widget.name.value.endswith(".html")
    report = widget.export()
    assert report is not None and report.path.parent == sample.resolve()
    page = report.path.read_text(encoding="utf-8")
    assert PRIVATE_MARKER not in page and "Worried the landlord" not in page  # April is outside the dates
    assert all(value not in page for value in PII_VALUES)
    assert str(report.path) in widget.message.value

    assert widget.export() is None  # the same name again: kept, and the message names the fix
    assert (
        "already there and was kept" in widget.message.value
        and "change the file name" in widget.message.value
    )


def test_forgotten_entries_are_left_out_and_counted(sample):
    from kit.index.forgotten import forget
    from kit.journal.notebooks import read_entries

    path = sample / "2026-03.ipynb"
    river = next(e for e in read_entries(path, sample) if "river" in e.text)
    forget(sample, [river.id])
    packet = build_packet()
    assert "walked along the river" not in packet.html
    assert (
        "entry you asked the kit to forget (`reflect forget --undo ID` brings it back)",
        1,
    ) in packet.left_out
    assert "forget" in _body(packet.html)  # the packet says so too
    # Only forgotten entries in the dates: nothing to export, and the message says why.
    with pytest.raises(NothingToExport, match="1 forgotten"):
        build_packet(since="2026-03-02", until="2026-03-02")
