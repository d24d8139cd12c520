"""The glossary: curated, checked texts found by name or near spelling; follow-up answers grounded on one item.

Every reply of the fake models below was written for this file.
"""

from __future__ import annotations

import argparse
import json
import re
from importlib import resources
from pathlib import Path
from statistics import mean

import pytest
from conftest import assert_one_line_error

import kit.content.glossary as glossary
from kit.cli.glossary import add_commands
from kit.content.glossary import (
    AI_LABEL,
    CURATED_LABEL,
    CURATED_TEXT_LABEL,
    NotInGlossary,
    alternatives,
    explain,
    items,
)
from kit.content.readability import grade, stats
from kit.errors import ConfigError, KitError
from kit.journal.templates import templates_dir
from kit.models.registry import Backend
from kit.reflection.followup import answer_problems, follow_up, grounding_problems, source_text
from kit.testing import FakeChatModel

ITEM_FIELDS = ("id", "term", "synonyms", "what", "for", "example", "ask_your_therapist", "templates", "related",
               "sources")  # fmt: skip
PRACTICE_FIELDS = ("id", "name", "why", "steps", "time", "eyes_open", "sources")
TEMPLATES = {p.stem for p in templates_dir().glob("*.ipynb")}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Concepts the issue asks for, by id.
REQUIRED = """
cbt thought-record automatic-thought hot-thought thinking-traps all-or-nothing-thinking catastrophising mind-reading
fortune-telling overgeneralising mental-filter discounting-the-positive should-statements labelling personalising
emotional-reasoning behavioural-activation mastery-and-pleasure act values-and-goals committed-action willingness
defusion dbt dbt-mindfulness distress-tolerance emotion-regulation interpersonal-effectiveness diary-card
chain-analysis tipp wise-mind opposite-action radical-acceptance dear-man mindfulness body-scan grounding
urge-surfing worry-postponement woop implementation-intentions closed-mind-beliefs attachment-styles
secure-attachment anxious-attachment avoidant-attachment disorganised-attachment boundaries rumination
self-compassion safety-plan
""".split()
ATTACHMENT = ["attachment-styles", "secure-attachment", "anxious-attachment", "avoidant-attachment",
              "disorganised-attachment"]  # fmt: skip


def _raw(name: str) -> dict:
    return json.loads(resources.files("kit").joinpath(f"data/{name}").read_text("utf-8"))


GLOSSARY = _raw("glossary.json")
ALTERNATIVES = _raw("grounding_alternatives.json")
BY_ID = {item["id"]: item for item in GLOSSARY["items"]}


def _source_ok(source: dict) -> None:
    assert set(source) == {"author", "title", "year"}, source
    assert source["author"].strip() and source["title"].strip()
    assert isinstance(source["year"], int) and 1900 <= source["year"] <= 2026


# ---------------------------------------------------------------- the data files


@pytest.mark.parametrize("data", [GLOSSARY, ALTERNATIVES], ids=["glossary", "alternatives"])
def test_files_carry_version_and_checked_date(data: dict) -> None:
    assert data["version"] == "2026.11.1"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["checked"])


def test_counts() -> None:
    assert len(GLOSSARY["items"]) >= 40
    assert len(ALTERNATIVES["items"]) >= 10
    assert len(items()) == len(GLOSSARY["items"]) and len(alternatives()) == len(ALTERNATIVES["items"])


@pytest.mark.parametrize("item", GLOSSARY["items"], ids=lambda i: i["id"])
def test_glossary_item_schema(item: dict) -> None:
    for name in ITEM_FIELDS:
        assert item.get(name), f"{item.get('id')}: {name} is missing or empty"
    assert set(item) <= {*ITEM_FIELDS, "note"}
    assert SLUG.match(item["id"])
    for name in ("synonyms", "ask_your_therapist", "templates", "related", "sources"):
        assert isinstance(item[name], list) and all(item[name]), name
    assert all(isinstance(s, str) and s.strip() for s in item["synonyms"])
    assert 2 <= len(item["ask_your_therapist"]) <= 3
    assert all(q.endswith("?") for q in item["ask_your_therapist"])
    assert 2 <= stats(item["what"]).sentences <= 4, item["what"]
    assert 1 <= stats(item["for"]).sentences <= 2, item["for"]
    assert set(item["templates"]) <= TEMPLATES, set(item["templates"]) - TEMPLATES
    assert set(item["related"]) <= set(BY_ID), set(item["related"]) - set(BY_ID)
    assert item["id"] not in item["related"]
    for source in item["sources"]:
        _source_ok(source)
    if "note" in item:
        assert item["note"].strip() and stats(item["note"]).sentences == 1


@pytest.mark.parametrize("practice", ALTERNATIVES["items"], ids=lambda i: i["id"])
def test_alternative_schema(practice: dict) -> None:
    for name in PRACTICE_FIELDS:
        assert practice.get(name) is not None and practice.get(name) != "", name
    assert set(practice) <= {*PRACTICE_FIELDS, "note"}
    assert SLUG.match(practice["id"])
    assert 3 <= len(practice["steps"]) <= 6 and all(s.strip() for s in practice["steps"])
    assert isinstance(practice["time"], int | float) and 0 < practice["time"] <= 15
    assert isinstance(practice["eyes_open"], bool)
    assert stats(practice["why"]).sentences == 1, practice["why"]
    assert practice["sources"]
    for source in practice["sources"]:
        _source_ok(source)


def test_ids_unique() -> None:
    for data in (GLOSSARY, ALTERNATIVES):
        ids = [i["id"] for i in data["items"]]
        assert len(ids) == len(set(ids))


def test_every_name_leads_to_one_item_only() -> None:
    owners: dict[str, set[str]] = {}
    for name in glossary._names():
        owners.setdefault(name.key, set()).add(name.item_id)
        owners.setdefault("#" + name.compact, set()).add(name.item_id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_the_concepts_the_issue_asks_for_are_there() -> None:
    assert set(REQUIRED) <= set(BY_ID), set(REQUIRED) - set(BY_ID)


@pytest.mark.parametrize(
    ("item_id", "synonym"),
    [
        ("closed-mind-beliefs", "closed mind beliefs"),
        ("closed-mind-beliefs", "beliefs of a closed mind"),
        ("anxious-attachment", "anxious attachment style"),
        ("dear-man", "dearman"),
        ("grounding", "5-4-3-2-1"),
        ("dbt", "DBT"),
        ("cbt", "CBT"),
        ("act", "ACT"),
    ],
)
def test_worksheet_titles_and_abbreviations_are_synonyms(item_id: str, synonym: str) -> None:
    assert synonym in BY_ID[item_id]["synonyms"]


def test_every_template_is_explained_by_an_item() -> None:
    covered = {t for item in GLOSSARY["items"] for t in item["templates"]}
    assert TEMPLATES, "no templates found"
    assert TEMPLATES <= covered, TEMPLATES - covered


def test_reading_level_of_every_what() -> None:
    grades = {item["id"]: grade(item["what"]) for item in GLOSSARY["items"]}
    too_hard = {k: v for k, v in grades.items() if v > 9}
    assert not too_hard, too_hard
    assert mean(grades.values()) <= 8


def test_attachment_styles_are_tendencies_that_can_change_never_diagnoses() -> None:
    for item_id in ATTACHMENT:
        item = BY_ID[item_id]
        text = " ".join([item["what"], item["for"], item.get("note", "")]).lower()
        assert "tendenc" in text or "pattern" in text, item_id
        assert "change" in text or "over time" in text, item_id
        assert "diagnos" in text, item_id  # says it is not one
        assert not re.search(r"\byou (?:have|suffer from)\b", text), item_id
        assert item.get("note"), f"{item_id}: say in one sentence that the styles are a simplification"


def test_contested_or_simplified_concepts_say_so() -> None:
    assert "not a diagnosis or a standard therapy term" in BY_ID["closed-mind-beliefs"]["note"]
    assert "Rokeach" in BY_ID["closed-mind-beliefs"]["note"]
    assert any(s["author"] == "Milton Rokeach" for s in BY_ID["closed-mind-beliefs"]["sources"])
    assert "simplification" in BY_ID["attachment-styles"]["note"]


def test_cold_water_carries_a_health_caution() -> None:
    cold = next(p for p in ALTERNATIVES["items"] if p["id"] == "cool-water")
    assert "doctor" in cold["note"] and "heart" in cold["note"]
    assert "doctor" in BY_ID["tipp"]["note"]


def test_alternatives_cover_the_issue_list_and_look_outward() -> None:
    ids = {p["id"] for p in ALTERNATIVES["items"]}
    wanted = {"five-senses", "paced-breathing", "cool-water", "feet-on-floor", "naming-categories",
              "mindful-walking", "textured-object", "humming", "describe-the-room", "counting-back-by-sevens",
              "soothing-touch"}  # fmt: skip
    assert wanted <= ids, wanted - ids
    assert sum(p["eyes_open"] for p in ALTERNATIVES["items"]) >= 10


def test_no_glossary_text_reads_like_a_crisis(monkeypatch) -> None:
    """Not to the rules at all; to the layered check (rules + learned layer), at most 1 % of the texts (measured:
    two of the questions to bring to a therapist, "What if I plan something and can't do it?")."""
    from kit.safety import crisis as safety
    from kit.safety.crisis import check

    texts = [
        (item["id"], text)
        for data in (GLOSSARY, ALTERNATIVES)
        for item in data["items"]
        for value in item.values()
        for text in (value if isinstance(value, list) else [value])
        if isinstance(text, str)
    ]
    flagged = [(i, t) for i, t in texts if check(t).crisis]
    assert len(flagged) <= 0.01 * len(texts), flagged
    monkeypatch.setattr(safety, "_USE_LEARNED", False)
    assert [(i, t) for i, t in texts if check(t).crisis] == []


# ---------------------------------------------------------------- explain


@pytest.mark.parametrize(
    ("query", "item_id"),
    [
        ("closed mind beliefs", "closed-mind-beliefs"),
        ("Beliefs of a closed mind", "closed-mind-beliefs"),
        ("beliefs of a closed mind worksheet", "closed-mind-beliefs"),
        ("DEAR MAN", "dear-man"),
        ("dear-man", "dear-man"),
        ("dearman", "dear-man"),
        ("anxious attachment", "anxious-attachment"),
        ("anxious attachment style", "anxious-attachment"),
        ("Anxious-Attachment Styles", "anxious-attachment"),
        ("DBT", "dbt"),
        ("dialectical behaviour therapy", "dbt"),
        ("Dialectical Behavior Therapy", "dbt"),
        ("behavior activation", "behavioural-activation"),
        ("behavioural activation", "behavioural-activation"),
        ("catastrophizing", "catastrophising"),
        ("thougth record", "thought-record"),
        ("the thought records", "thought-record"),
        ("CBT", "cbt"),
        ("ACT", "act"),
        ("5-4-3-2-1", "grounding"),
        ("54321", "grounding"),
        ("TIPP skills", "tipp"),
        ("wise mind", "wise-mind"),
        ("disorganized attachment", "disorganised-attachment"),
        ("fearful-avoidant", "disorganised-attachment"),
        ("black and white thinking", "all-or-nothing-thinking"),
        ("labeling", "labelling"),
        ("worry time", "worry-postponement"),
        ("if-then plans", "implementation-intentions"),
        ("WOOP", "woop"),
        ("values vs goals", "values-and-goals"),
        ("mindfullness", "mindfulness"),
        ("distress tolerence", "distress-tolerance"),
        ("body scans", "body-scan"),
        # The issue's own questions, typed whole.
        ("My therapist gave me a worksheet called Beliefs of a Closed Mind — what is that?", "closed-mind-beliefs"),
        ("What is DBT and how could it help me?", "dbt"),
        ("This assessment says I have an anxious attachment style — what does that mean day to day?",
         "anxious-attachment"),
        ("I don't like body scans — what else gives the same effect?", "body-scan"),
    ],
)  # fmt: skip
def test_explain_finds_the_item(query: str, item_id: str) -> None:
    result = explain(query)
    assert result.item.id == item_id
    assert result.label == CURATED_LABEL
    assert result.item.what in result.text


def test_how_it_matched() -> None:
    assert explain("Thought record").matched_by == "term"
    assert explain("thought-record").matched_by == "term"
    assert explain("dysfunctional thought record").matched_by == "synonym"
    assert explain("behavior activation").matched_by == "synonym"
    assert explain("thougth record").matched_by == "fuzzy"
    assert explain("What is DBT and how could it help me?").matched_by == "fuzzy"


def test_acronyms_that_are_words_count_only_in_capitals_inside_a_question() -> None:
    assert explain("How is ACT different?").item.id == "act"
    assert explain("how do I act on my values").item.id == "values-and-goals"


def test_explanation_renders_every_part_with_label_and_sources() -> None:
    result = explain("thought record")
    item = result.item
    text = result.to_markdown()
    assert text.startswith(f"### {item.term}")
    assert CURATED_LABEL in text and "Not medical or therapeutic advice" in text
    for part in (item.what, item.for_, item.example, *item.ask_your_therapist):
        assert part in text
    for source in item.sources:
        assert source.title in text and str(source.year) in text
    assert "`reflect new cbt-thought-record`" in text
    assert "Hot thought" in text  # related terms by name


def test_explanation_to_dict_is_json() -> None:
    out = json.loads(json.dumps(explain("DEAR MAN").to_dict()))
    assert out["item"]["id"] == "dear-man" and out["item"]["for"] and "for_" not in out["item"]
    assert out["label"] == CURATED_LABEL and out["matched_by"] == "term"
    assert out["glossary"] == {"version": "2026.11.1", "checked": GLOSSARY["checked"]}
    assert out["text"].startswith("### DEAR MAN")


def test_body_scan_comes_with_its_alternatives() -> None:
    result = explain("I don't like body scans")
    assert len(result.alternatives) >= 10
    assert "Alternatives to a body scan" in result.text
    assert "5-4-3-2-1 with your senses" in result.text
    assert "check with a doctor" in result.text  # the cold-water caution travels with it
    assert explain("thought record").alternatives == ()


def test_notes_show_as_good_to_know() -> None:
    text = explain("anxious attachment").text
    assert "**Good to know.**" in text and "no quiz can put you in a box" in text


def test_unknown_term_is_refused_without_invented_text() -> None:
    with pytest.raises(NotInGlossary) as caught:
        explain("quantum flux capacitor")
    message = str(caught.value)
    assert isinstance(caught.value, KitError)
    assert "not in the kit's glossary" in message and "therapist" in message
    assert caught.value.suggestions == []
    assert "quantum flux capacitor" in message and len(message) < 200


def test_near_miss_suggests_up_to_three_terms() -> None:
    with pytest.raises(NotInGlossary) as caught:
        explain("anxious")
    assert caught.value.suggestions[0] == "Anxious attachment"
    assert "Anxious attachment" in str(caught.value)
    assert len(caught.value.suggestions) <= 3
    with pytest.raises(NotInGlossary) as caught:
        explain("avoidant")
    assert caught.value.suggestions[0] == "Avoidant attachment" and len(caught.value.suggestions) <= 3


def test_crisis_typed_as_a_term_raises_crisis_detected_not_a_suggestion() -> None:
    from kit.safety.wellbeing import CrisisDetected

    for text in ("I want to die", "i want to die, what is a safety plan"):
        with pytest.raises(CrisisDetected) as caught:
            explain(text)
        assert "What you wrote matters" in caught.value.message


def test_no_name_in_the_glossary_reads_like_a_crisis() -> None:
    from kit.safety.crisis import check

    assert not [n.text for n in glossary._names() if check(n.text).crisis]


def test_empty_term_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        explain("   ")


# ---------------------------------------------------------------- follow-up questions


THOUGHT_RECORD_ANSWER = (
    "A thought record is a CBT worksheet [G1]. You pick one moment that upset you, write what happened, what you "
    "felt and what went through your mind, and then check the thought that hurt most against the facts [G1]. "
    "How often to fill one in is a good question to bring to your therapist [G1]."
)
STRAYS = (
    "A 2019 Harvard study found that thought records work as well as sertraline at 50 mg [G1]. "
    "Dr Okonkwo recommends doing one every day for 6 weeks [G1]."
)
ADVICE = "You should stop taking your tablets and fill in a thought record every night instead [G1]."


def _prompt_text(fake: FakeChatModel, n: int = 0) -> str:
    return "\n".join(str(m.content) for m in fake.prompts[n])


def test_grounded_answer_is_shown_labelled_and_cited() -> None:
    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    result = follow_up("thought record", "How does a thought record help me?", model=fake)
    assert result.ai_written and result.label == AI_LABEL and not result.crisis
    assert THOUGHT_RECORD_ANSWER in result.text
    assert AI_LABEL in result.text and "[G1] The kit's glossary: Thought record" in result.text
    assert result.citations[0]["handle"] == "G1" and result.citations[0]["item"] == "thought-record"
    assert result.provenance["prompt_id"] == "glossary-follow-up" and result.provenance["prompt_version"] >= 1
    assert (
        result.provenance["written_by"] == "model" and result.provenance["glossary_item"] == "thought-record"
    )
    assert result.item == "thought-record"
    json.dumps(result.to_dict())
    # The item's text is the only source the model was given.
    prompt = _prompt_text(fake)
    assert len(fake.prompts) == 1
    assert BY_ID["thought-record"]["what"] in prompt and "How does a thought record help me?" in prompt
    assert BY_ID["dear-man"]["what"] not in prompt and BY_ID["cbt"]["what"] not in prompt


def test_answer_that_strays_from_the_item_falls_back_to_the_curated_text() -> None:
    fake = FakeChatModel(replies=[STRAYS])
    result = follow_up("thought record", "Does it work?", model=fake)
    assert not result.ai_written and result.label == CURATED_TEXT_LABEL
    assert len(fake.prompts) == 2  # one retry, told why
    assert "could not be shown" in _prompt_text(fake, 1) and "Harvard" in _prompt_text(fake, 1)
    assert "Harvard" not in result.text and "sertraline" not in result.text and "Okonkwo" not in result.text
    assert BY_ID["thought-record"]["what"] in result.text
    assert result.note and "withheld because it" in result.note and result.note in result.text
    withheld = " ".join(result.provenance["withheld"])
    for finding in ("Harvard", "Okonkwo", "2019", "50 mg", "sertraline", "cites research"):
        assert finding in withheld, finding
    assert result.provenance["written_by"] == "glossary"


def test_answer_giving_advice_is_refused() -> None:
    fake = FakeChatModel(replies=[ADVICE])
    result = follow_up("thought record", "Should I do one?", model=fake)
    assert not result.ai_written and "gave advice" in result.note
    assert "stop taking" not in result.text
    assert any(p.startswith("gives advice") for p in result.provenance["withheld"])


def test_one_retry_can_succeed() -> None:
    fake = FakeChatModel(replies=[STRAYS, THOUGHT_RECORD_ANSWER])
    result = follow_up("thought record", "Does it work?", model=fake)
    assert result.ai_written and len(fake.prompts) == 2
    assert "Harvard" not in result.text and result.provenance["withheld"]


def test_crisis_in_the_question_goes_to_the_safety_flow_without_a_model(journal: Path) -> None:
    (journal / "2026-11-01-safety-plan.ipynb").write_text("{}", encoding="utf-8")
    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    result = follow_up("thought record", "I want to kill myself, is a thought record any use?", model=fake)
    assert fake.prompts == []
    assert result.crisis and not result.ai_written and result.provenance["written_by"] == "safety"
    assert "What you wrote matters" in result.text and "safety-plan.ipynb" in result.text
    assert BY_ID["thought-record"]["what"] not in result.text


def test_crisis_in_the_term_goes_to_the_safety_flow_too() -> None:
    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    result = follow_up("I want to die, what is a safety plan", "What is it?", model=fake)
    assert fake.prompts == [] and result.crisis and result.item == "safety-plan"
    result = follow_up("I want to end my life", "What is it?", model=fake)
    assert fake.prompts == [] and result.crisis and result.item == ""


def test_embedded_model_is_not_asked() -> None:
    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    small = Backend(fake, "embedded", "small-fake", "testing the embedded path")
    result = follow_up("thought record", "How does it help?", model=small)
    assert fake.prompts == []
    assert not result.ai_written and result.label == CURATED_TEXT_LABEL
    assert "Ollama" in result.note and "\n" not in result.note
    assert BY_ID["thought-record"]["what"] in result.text


def test_follow_up_on_an_unknown_term_asks_no_model() -> None:
    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    with pytest.raises(NotInGlossary):
        follow_up("quantum flux capacitor", "What is it?", model=fake)
    assert fake.prompts == []


def test_follow_up_needs_a_question() -> None:
    with pytest.raises(ConfigError):
        follow_up("thought record", "  ", model=FakeChatModel())


def test_follow_up_takes_an_item_or_an_explanation() -> None:
    explanation = explain("DEAR MAN")
    answer = "DEAR MAN is a DBT skill for asking for something or saying no [G1]."
    for target in (explanation, explanation.item):
        result = follow_up(target, "What is it for?", model=FakeChatModel(replies=[answer]))
        assert result.ai_written and result.item == "dear-man"


# ---------------------------------------------------------------- the checks on a follow-up answer


def _source(item_id: str) -> str:
    return source_text(explain(item_id).item)


def test_numbers_and_names_from_the_item_are_fine() -> None:
    source = source_text(explain("grounding").item)
    answer = (
        "In 5-4-3-2-1 you name 5 things you can see and 1 you can taste [G1]. It uses ideas from DBT [G1]."
    )
    assert grounding_problems(answer, source) == []
    assert answer_problems(answer, source) == []


def test_numbers_names_drugs_and_studies_not_in_the_item_are_refused() -> None:
    source = _source("rumination")
    problems = " | ".join(grounding_problems(STRAYS, source))
    for finding in ("names 'Harvard'", "names 'Okonkwo'", "states the number 2019", "50 mg", "sertraline",
                    "cites research"):  # fmt: skip
        assert finding in problems, finding
    assert grounding_problems("Some people take fluoxetine for this [G1].", source)
    assert grounding_problems("Research shows it always works [G1].", source)


def test_an_answer_full_of_outside_words_strays() -> None:
    source = _source("defusion")
    answer = (
        "Defusion resembles medieval monastic contemplation, Byzantine iconography, quantum entanglement, "
        "astrological horoscopes, geological sediment, volcanic eruptions and nautical navigation [G1]."
    )
    assert any(p.startswith("strays") for p in grounding_problems(answer, source))


def test_the_kits_output_checks_apply() -> None:
    source = _source("catastrophising")
    assert any(p.startswith("gives advice") for p in answer_problems(ADVICE, source))
    diagnosis = "You probably have an anxiety disorder [G1]."
    assert any(p.startswith("sounds like a diagnosis") for p in answer_problems(diagnosis, source))
    verdict = "That is catastrophising [G1]."
    assert any(p.startswith("gives a verdict") for p in answer_problems(verdict, source))
    filled = "Balanced thought: my boss just wants a chat [G1]."
    assert any(p.startswith("fills in the worksheet") for p in answer_problems(filled, source))


def test_saying_it_is_not_a_diagnosis_is_fine() -> None:
    source = _source("anxious attachment")
    answer = "It is a pattern that often made sense once, not a flaw or a diagnosis [G1]."
    assert answer_problems(answer, source) == []


def test_an_answer_must_cite_the_glossary_and_only_it() -> None:
    source = _source("thought record")
    assert "cites no source" in answer_problems("A thought record is a CBT worksheet.", source)
    assert any(p.startswith("cites a source") for p in answer_problems("A CBT worksheet [G2].", source))
    assert answer_problems("", source) == ["is empty"]


# ---------------------------------------------------------------- `reflect explain`


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="reflect")
    sub = parser.add_subparsers(dest="command")

    def journal_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--journal", metavar="DIR")

    add_commands(sub, journal_opt)
    args = parser.parse_args(list(argv))
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_explains_a_term_of_several_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, "explain", "beliefs", "of", "a", "closed", "mind")
    assert code == 0 and err == ""
    assert out.startswith("### Beliefs of a closed mind") and CURATED_LABEL in out
    assert "Milton Rokeach (1960). *The Open and Closed Mind*." in out


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "explain", "dear-man", "--json")
    data = json.loads(out)
    assert code == 0 and data["item"]["id"] == "dear-man" and data["label"] == CURATED_LABEL


def test_cli_unknown_term_is_one_line_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, "explain", "anxious")
    assert_one_line_error(code, err, "not in the kit's glossary", "Anxious attachment", "therapist")
    assert out == ""
    code, out, err = _cli(capsys, "explain", "quantum", "flux", "capacitor", "--json")
    assert_one_line_error(code, err, "quantum flux capacitor", "no term in it is close")


def test_cli_ask(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import kit.egress
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry

    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    monkeypatch.setitem(
        kit.models.registry.BACKENDS.factories, "fake", lambda arg: Backend(fake, "fake", "fake", "testing")
    )
    code, out, err = _cli(capsys, "explain", "thought", "record", "--ask", "How does it help?")
    assert code == 0 and THOUGHT_RECORD_ANSWER in out and AI_LABEL in out
    assert "Answering with fake" in err
    code, out, _ = _cli(capsys, "explain", "thought", "record", "--ask", "How does it help?", "--json")
    data = json.loads(out)
    assert data["follow_up"]["ai_written"] and data["explanation"]["item"]["id"] == "thought-record"


def test_cli_ask_in_crisis_shows_helplines_and_calls_no_model(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kit.egress
    import kit.models.llama
    import kit.models.ollama
    import kit.models.registry

    fake = FakeChatModel(replies=[THOUGHT_RECORD_ANSWER])
    monkeypatch.setitem(
        kit.models.registry.BACKENDS.factories, "fake", lambda arg: Backend(fake, "fake", "fake", "testing")
    )
    code, out, _ = _cli(capsys, "explain", "DBT", "--ask", "i dont want to live anymore, can DBT help")
    assert code == 0 and "What you wrote matters" in out and fake.prompts == []


def test_cli_crisis_typed_as_the_term_shows_helplines(
    capsys: pytest.CaptureFixture[str], journal: Path
) -> None:
    (journal / "my-safety-plan.ipynb").write_text("{}", encoding="utf-8")
    code, out, err = _cli(capsys, "explain", "I", "want", "to", "die")
    assert code == 0 and "What you wrote matters" in out and "my-safety-plan.ipynb" in out and err == ""
    code, out, _ = _cli(capsys, "explain", "I", "want", "to", "die", "--json")
    assert code == 0 and json.loads(out)["crisis"] is True


@pytest.mark.parametrize("term", ["PLEASE skills", "GIVE skills", "FAST skills", "ABC PLEASE"])
def test_an_acronym_is_never_taken_for_a_near_spelling_of_another_word(term) -> None:
    # "PLEASE" is a DBT skill, not "pleasure": with no item for it, the honest answer is "not in the glossary".
    with pytest.raises(NotInGlossary):
        explain(term)


@pytest.mark.parametrize(
    ("term", "item"),
    [
        ("WOOP method", "woop"),
        ("what is DBT and how could it help me?", "dbt"),
        ("leaves on a stream", "defusion"),
    ],
)
def test_acronyms_and_exercise_names_that_are_in_the_glossary_still_match(term, item) -> None:
    assert explain(term).item.id == item
