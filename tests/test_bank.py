"""kit.content.bank: the curated prompt, values, activities and feeling-word banks, topic matching, prompts for the
person's own themes (never their words), and the `reflect prompt / values / activities` commands."""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

import pytest
from conftest import TOPICS, assert_one_line_error

from kit.cli import bank as bank_commands
from kit.content import bank
from kit.content.bank import (
    CURATED_LABEL,
    UnknownTopic,
    activities,
    emotion_words,
    journal_prompts,
    match_topic,
    personalised_prompts,
    prompts,
    topics,
    values,
)
from kit.content.readability import grade
from kit.errors import ConfigError, KitError
from kit.models.checks import ADVICE, CLOSED_STARTS, DIAGNOSIS
from kit.reflection.for_me import personalised_from_journal

REQUIRED_TOPICS = {
    "relationships", "boundaries", "values", "childhood", "self-compassion", "anger", "grief", "work",
    "body-and-sleep", "gratitude", "uncomfortable-emotions", "change-and-goals", "identity", "fears", "joy",
}  # fmt: skip
HEAVY_TOPICS = ("grief", "childhood", "fears")
GENTLE = ("if it feels okay", "if it feels safe", "gently", "as many or as few", "only as far as you want")
INVITATIONS = ("Write", "Describe", "List", "Notice", "Imagine", "Name", "Think", "Pick")
FAMILIES = {"anger", "fear", "sadness", "joy", "shame-guilt", "disgust", "surprise", "love-connection"}
ITEM_FIELDS = {
    "journal_prompts": {"id", "text", "topics", "depth", "sources"},
    "values": {"id", "name", "meaning", "domains", "sources"},
    "activities": {"id", "name", "effort", "cost", "social", "setting", "kind", "sources"},
    "emotions": {"id", "family", "words", "sources"},
}
# The imperative-opening pattern is for a model's prose; a journal invitation ("Describe a moment…") is not
# advice, and what it may start with is checked separately below.
_ADVICE = [re.compile(p, re.IGNORECASE) for p in ADVICE if not p.startswith("^")]
_DIAGNOSIS = [re.compile(p, re.IGNORECASE) for p in DIAGNOSIS]
_CLINICAL = re.compile(
    r"\b(?:depress\w*|disorder|ptsd|trauma\w*|diagnos\w*|symptom\w*|patient|illness of)\b", re.IGNORECASE
)


def raw(name: str) -> dict[str, Any]:
    return json.loads(resources.files("kit").joinpath("data", bank.FILES[name]).read_text(encoding="utf-8"))


def texts_of(name: str) -> list[str]:
    """Every piece of user-facing text in a bank."""
    data = raw(name)["items"]
    if name == "journal_prompts":
        return [i["text"] for i in data]
    if name == "values":
        return [f"{i['name']}: {i['meaning']}" for i in data]
    if name == "activities":
        return [i["name"] for i in data]
    return [f"{w['word']}: {w['meaning']}" for f in data for w in f["words"]]


# ---------------------------------------------------------------- the data files


@pytest.mark.parametrize("name", sorted(bank.FILES))
def test_every_item_has_its_fields_and_cites_the_files_own_sources(name: str) -> None:
    data = raw(name)
    assert set(data) == {"version", "checked", "sources", "items"}
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", data["version"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["checked"])
    source_ids = [s["id"] for s in data["sources"]]
    assert len(source_ids) == len(set(source_ids))
    for source in data["sources"]:
        assert set(source) == {"id", "author", "title", "year"}
        assert source["author"].strip() and source["title"].strip()
        assert isinstance(source["year"], int) and 1900 < source["year"] <= 2026
    ids = [i["id"] for i in data["items"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    cited = set()
    for item in data["items"]:
        assert set(item) == ITEM_FIELDS[name], item
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", item["id"]), item["id"]
        assert item["sources"] and set(item["sources"]) <= set(source_ids), item
        cited.update(item["sources"])
    assert cited == set(source_ids), "a source no item cites"


def test_prompt_items_have_allowed_values() -> None:
    known = set(bank.TOPIC_WORDS)
    for item in raw("journal_prompts")["items"]:
        assert item["depth"] in bank.DEPTHS
        assert item["topics"] and set(item["topics"]) <= known, item
        assert len(item["topics"]) == len(set(item["topics"]))
        assert item["text"] == item["text"].strip() and "  " not in item["text"]


def test_value_activity_and_emotion_items_have_allowed_values() -> None:
    domains = {"relationships", "family", "work", "health", "growth", "community", "leisure", "spirituality",
               "nature", "creativity"}  # fmt: skip
    for v in raw("values")["items"]:
        assert v["domains"] and set(v["domains"]) <= domains, v
        assert v["meaning"].endswith(".") and "\n" not in v["meaning"]
    for a in raw("activities")["items"]:
        assert a["effort"] in bank.EFFORTS and a["cost"] in bank.COSTS
        assert a["social"] in bank.SOCIAL and a["setting"] in bank.SETTINGS
        assert a["kind"] and set(a["kind"]) <= set(bank.KINDS), a
    words = []
    for family in raw("emotions")["items"]:
        assert family["family"].strip()
        for w in family["words"]:
            assert set(w) == {"word", "intensity", "meaning"}
            assert w["intensity"] in bank.INTENSITIES and w["meaning"].strip() and "\n" not in w["meaning"]
            words.append(w["word"])
    assert len(words) == len(set(words)), "a feeling word in two families"


def test_the_banks_are_big_enough() -> None:
    items = journal_prompts()
    assert len(items) >= 150
    assert len(topics()) >= 15
    assert set(topics()) >= REQUIRED_TOPICS
    for topic in topics():
        on_topic = [p for p in items if topic in p.topics]
        assert len(on_topic) >= 8, topic
        assert {p.depth for p in on_topic} == set(bank.DEPTHS), f"{topic} needs light and deeper prompts"
    assert len(values()) >= 50
    assert len(activities()) >= 100
    assert len(activities(effort="low", cost="free")) >= 30, "low-energy days need many options"
    families = {f["id"]: f for f in raw("emotions")["items"]}
    assert set(families) >= FAMILIES
    for family in families.values():
        assert len(family["words"]) >= 8, family["id"]
        assert {w["intensity"] for w in family["words"]} == set(bank.INTENSITIES), family["id"]


def test_heavy_topics_have_light_options_and_gentle_wording() -> None:
    for topic in HEAVY_TOPICS:
        on_topic = [p for p in journal_prompts() if topic in p.topics]
        assert sum(p.depth == "light" for p in on_topic) >= 3, topic
        assert any(g in p.text.lower() for p in on_topic for g in GENTLE), topic


# ---------------------------------------------------------------- the words themselves


@pytest.mark.parametrize("name", sorted(bank.FILES))
def test_no_advice_and_no_diagnosis(name: str) -> None:
    for text in texts_of(name):
        for pattern in _ADVICE + _DIAGNOSIS:
            assert not pattern.search(text), f"{text!r} matches {pattern.pattern}"
        if name != "emotions":  # a feeling word may be a plain one like "anxious"; a condition's name is not
            assert not _CLINICAL.search(text), text


def test_every_prompt_is_an_open_question_or_an_invitation() -> None:
    for p in journal_prompts():
        assert p.text.endswith("?") or p.text.startswith(INVITATIONS), p.text
        assert len(p.text.split()) <= 30, p.text
        if p.text.endswith("?"):
            last = re.split(r"(?<=[.?!:])\s+", p.text)[-1]
            assert not last.lower().startswith(CLOSED_STARTS), f"yes/no question: {p.text!r}"


def test_prompts_read_plainly() -> None:
    grades = {p.text: grade(p.text) for p in journal_prompts()}
    hard = {t: g for t, g in grades.items() if g > 10}
    assert not hard, hard
    assert statistics.mean(grades.values()) <= 7


@pytest.mark.parametrize("name", ["values", "activities", "emotions"])
def test_lists_read_plainly(name: str) -> None:
    # A grade of a five-word fragment swings with one long word ("irritated"); the list read as a whole
    # is what a person reads.
    sentences = [t[0].upper() + t[1:].rstrip(".") + "." for t in texts_of(name)]
    assert grade(" ".join(sentences)) <= 7


def test_the_advice_check_would_catch_advice() -> None:
    # The patterns the bank is held to do flag the phrasing they are for.
    for text in ("You should set a boundary with her.", "Try to get more sleep.", "I recommend a walk."):
        assert any(p.search(text) for p in _ADVICE), text


# ---------------------------------------------------------------- loaders and filters


def test_loaders_give_frozen_values_and_fresh_lists() -> None:
    first = journal_prompts()
    first.clear()
    assert journal_prompts(), "the cached bank must not be emptied by a caller"
    p = journal_prompts()[0]
    with pytest.raises(AttributeError):
        p.text = "changed"  # type: ignore[misc]
    assert json.loads(json.dumps(p.to_dict()))["id"] == p.id
    assert bank.version() == raw("journal_prompts")["version"]
    cited = bank.sources("journal_prompts")
    assert all(s in cited for s in p.sources)
    assert cited[p.sources[0]].cite().startswith(cited[p.sources[0]].author)


def test_to_markdown_labels_the_prompt_as_curated_text() -> None:
    p = journal_prompts()[0]
    md = p.to_markdown()
    assert p.text in md
    assert md.rstrip().endswith(CURATED_LABEL)
    assert CURATED_LABEL == "Prompt from the kit's curated bank — the writing is yours."


def test_activity_filters() -> None:
    low = activities(effort="low")
    assert low and all(a.effort == "low" for a in low)
    medium = activities(effort="medium")
    assert {a.effort for a in medium} == {"low", "medium"}  # effort is an upper bound
    assert all(a.cost == "free" for a in activities(cost="free"))
    assert {a.cost for a in activities(cost="low")} == {"free", "low"}
    alone = activities(social="alone")
    assert {a.social for a in alone} == {"alone", "either"}
    assert {a.setting for a in activities(setting="outdoor")} == {"outdoor", "either"}
    assert all("nature" in a.kind for a in activities(kind="nature"))
    both = activities(effort="low", cost="free", social="alone", setting="indoor")
    assert both and set(both) <= set(low) & set(alone)
    assert len(both) < len(low)


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"effort": "tiny"}, "low, medium, high"),
        ({"social": "others"}, "with-others"),
        ({"kind": "x"}, "rest"),
    ],
)
def test_activity_filters_reject_unknown_values_naming_the_allowed_ones(kwargs: dict, named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        activities(**kwargs)


def test_values_by_domain() -> None:
    work = values(domain="work")
    assert work and all("work" in v.domains for v in work)
    assert len(work) < len(values())
    with pytest.raises(ConfigError, match="relationships"):
        values(domain="nowhere")


def test_emotion_words_by_family_and_intensity() -> None:
    guilt = emotion_words(family="guilt")
    assert guilt and {w.family for w in guilt} == {"shame-guilt"}
    assert emotion_words(family="shame and guilt") == guilt == emotion_words(family="shame-guilt")
    assert {w.family for w in emotion_words(family="love")} == {"love-connection"}
    high = emotion_words(intensity="high")
    assert high and all(w.intensity == "high" for w in high)
    assert {w.word for w in emotion_words("anger", "high")} <= {w.word for w in high}
    assert set(bank.emotion_families()) >= FAMILIES
    with pytest.raises(ConfigError, match="sadness"):
        emotion_words(family="nope")
    with pytest.raises(ConfigError, match="low, medium, high"):
        emotion_words(intensity="extreme")


# ---------------------------------------------------------------- choosing prompts


@pytest.mark.parametrize(
    ("asked", "topic"),
    [
        ("boundaries", "boundaries"), ("boundary", "boundaries"), ("Boundaries", "boundaries"),
        ("setting boundaries", "boundaries"), ("Give me a journal prompt about setting boundaries", "boundaries"),
        ("saying no", "boundaries"), ("boundries", "boundaries"),
        ("sleep", "body-and-sleep"), ("childhood DBT", "childhood"), ("growing up", "childhood"),
        ("my values", "values"), ("grief", "grief"), ("losing someone: loss", "grief"), ("my job", "work"),
        ("feeling grateful", "gratitude"), ("uncomfortable feelings", "uncomfortable-emotions"),
        ("goals", "change-and-goals"), ("being kind to myself", "self-compassion"), ("so mad", "anger"),
        ("lonely", "loneliness-and-belonging"), ("money worries", "stress-and-worry"), ("fear", "fears"),
        ("joy", "joy"), ("who am I", "identity"), ("relationships", "relationships"),
    ],
)  # fmt: skip
def test_topics_are_matched_from_everyday_words(asked: str, topic: str) -> None:
    assert match_topic(asked) == topic
    got = prompts(asked, n=5, seed=1)
    assert len(got) == 5 and all(topic in p.topics for p in got)


def test_every_topic_is_found_by_its_own_name_and_has_words() -> None:
    assert set(bank.TOPIC_WORDS) == set(topics())
    for topic in topics():
        assert match_topic(topic) == topic
        assert match_topic(topic.replace("-", " ").upper()) == topic


def test_prompt_words_are_the_last_resort() -> None:
    got = prompts("smile", n=10)
    assert got and all("smile" in p.text.lower() for p in got)
    assert match_topic("smile") is None


def test_unknown_topic_names_the_topics_in_one_line() -> None:
    with pytest.raises(UnknownTopic) as caught:
        prompts("xylophone quantum")
    message = str(caught.value)
    assert isinstance(caught.value, KitError)
    assert "\n" not in message and "xylophone quantum" in message
    assert all(t in message for t in topics())


def test_same_seed_same_prompts() -> None:
    assert prompts(n=5, seed=7) == prompts(n=5, seed=7)
    assert prompts("anger", n=3, seed=7) == prompts("anger", n=3, seed=7)
    assert prompts(n=5, seed=7) != prompts(n=5, seed=8)
    assert len({p.id for p in prompts(n=20, seed=3)}) == 20, "no prompt twice in one answer"


def test_exclude_skips_seen_prompts_until_none_are_left() -> None:
    anger = [p for p in journal_prompts() if "anger" in p.topics]
    seen = [p.id for p in anger[:-2]]
    got = prompts("anger", n=5, exclude=seen, seed=1)
    assert {p.id for p in got} == {p.id for p in anger[-2:]}
    again = prompts("anger", n=2, exclude=[p.id for p in anger], seed=1)
    assert len(again) == 2 and all("anger" in p.topics for p in again)


def test_n_and_depth() -> None:
    grief = [p for p in journal_prompts() if "grief" in p.topics]
    assert len(prompts("grief", n=100)) == len(grief)
    assert all(p.depth == "light" for p in prompts("grief", n=100, depth="light"))
    with pytest.raises(ConfigError, match="1 or more"):
        prompts(n=0)
    with pytest.raises(ConfigError, match="light, deeper"):
        prompts(depth="deep")


# ---------------------------------------------------------------- prompts for the person's themes


def test_personalised_prompts_match_theme_labels_and_say_which() -> None:
    got = personalised_prompts(
        ["sleep · alarm · hours", "report · deadline", "tomatoes · lettuce"], n=4, seed=2
    )
    assert [p.theme for p in got] == ["sleep · alarm · hours", "report · deadline"] * 2
    for p in got:
        assert p.prompt in journal_prompts()
        assert p.topic in p.prompt.topics
    assert {p.topic for p in got} == {"body-and-sleep", "work"}
    assert len({p.prompt.id for p in got}) == 4
    assert personalised_prompts(["tomatoes · lettuce"]) == []
    assert personalised_prompts(["sleep"], seed=5) == personalised_prompts(["sleep"], seed=5)


def test_a_topic_word_split_across_two_theme_phrases_does_not_match() -> None:
    assert personalised_prompts(["say · no"]) == []
    assert personalised_prompts(["say no"])[0].topic == "boundaries"


def _windows(text: str, size: int = 4) -> set[str]:
    words = re.findall(r"[a-z']+", text.lower())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _assert_no_entry_text(rendered: str, entry_texts: list[str]) -> None:
    flat = " ".join(re.findall(r"[a-z']+", rendered.lower()))
    for text in entry_texts:
        for window in _windows(text):
            assert window not in flat, f"entry words {window!r} in the output"


def test_personalised_from_journal_gives_bank_prompts_and_no_entry_text(topical_journal) -> None:
    from kit.reflection.digest import digest

    index, written = topical_journal
    got = personalised_from_journal(since="2026-03-01", n=6, seed=1, index=index)
    assert got
    labels = {t.label for t in digest(since="2026-03-01", index=index).themes}
    quotes = [t.quote.text for t in digest(since="2026-03-01", index=index).themes]
    bank_texts = {p.text for p in journal_prompts()}
    for p in got:
        assert p.theme in labels
        assert p.prompt.text in bank_texts
    rendered = json.dumps([p.to_dict() for p in got]) + "\n".join(p.to_markdown() for p in got)
    entry_texts = [e.text for es in written.values() for e in es]
    _assert_no_entry_text(rendered, entry_texts + quotes)
    assert "secret" not in rendered.lower()
    assert all(q not in rendered for q in quotes)
    # The garden and choir themes are joy; the landlord's boiler is stress.
    assert {p.topic for p in got} == {"joy", "stress-and-worry"}


def test_personalised_from_journal_defaults_to_the_last_two_weeks(topical_journal) -> None:
    index, _ = topical_journal  # written in March 2026: nothing in the last 14 days
    assert personalised_from_journal(index=index) == []


# ---------------------------------------------------------------- the commands


def reflect(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run one of the bank's commands through a fresh parser, the way kit.cli.main does."""
    parser = argparse.ArgumentParser(prog="reflect")
    sub = parser.add_subparsers(dest="command", required=True)
    bank_commands.add_commands(sub, lambda p: p.add_argument("--journal", metavar="DIR"))
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args) or 0)
    except KitError as exc:
        print(f"reflect: error: {exc}", file=sys.stderr)
        code = 1
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prompt_for_a_topic(capsys) -> None:
    code, out, _ = reflect(capsys, "prompt", "setting", "boundaries", "--seed", "4")
    assert code == 0
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[-1] == CURATED_LABEL
    boundaries = {p.text for p in journal_prompts() if "boundaries" in p.topics}
    assert lines[0] in boundaries


def test_cli_prompt_json_and_n(capsys) -> None:
    code, out, _ = reflect(capsys, "prompt", "sleep", "-n", "3", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["topic"] == "body-and-sleep" and data["note"] is None
    assert data["label"] == CURATED_LABEL and data["bank_version"] == bank.version()
    assert len(data["prompts"]) == 3 and all("body-and-sleep" in p["topics"] for p in data["prompts"])


def test_cli_random_prompt_and_topic_list(capsys) -> None:
    code, out, _ = reflect(capsys, "prompt")
    assert code == 0 and out.strip().splitlines()[0] in {p.text for p in journal_prompts()}
    code, out, _ = reflect(capsys, "prompt", "--list-topics", "--json")
    assert code == 0 and [t["topic"] for t in json.loads(out)] == topics()
    code, out, _ = reflect(capsys, "prompt", "--list-topics")
    assert code == 0 and len(out.strip().splitlines()) == len(topics())


def test_cli_unknown_topic_is_one_line(capsys) -> None:
    code, _, err = reflect(capsys, "prompt", "xylophone")
    assert_one_line_error(code, err, "xylophone", "boundaries")
    code, _, err = reflect(capsys, "prompt", "anger", "--for-me")
    assert_one_line_error(code, err, "--for-me")


def test_cli_for_me_without_an_index_falls_back_with_a_note(capsys) -> None:
    code, out, _ = reflect(capsys, "prompt", "--for-me", "-n", "1")
    assert code == 0
    lines = [line for line in out.splitlines() if line.strip()]
    assert "picked at random" in lines[0] and "reflect index" in lines[0]
    assert lines[1] in {p.text for p in journal_prompts()}
    code, out, _ = reflect(capsys, "prompt", "--for-me", "--json")
    data = json.loads(out)
    assert "picked at random" in data["note"] and len(data["prompts"]) == 3


def _recent(make_notebook, journal, texts: list[str]) -> None:
    """The texts as entries of the last days, newest first, indexed."""
    from kit.index.store import Index

    now = datetime.now().astimezone()
    make_notebook(
        "recent.ipynb",
        [{"text": t, "created": (now - timedelta(days=i)).isoformat()} for i, t in enumerate(texts)],
    )
    Index(journal=journal).update(progress=False)


def test_cli_for_me_follows_recent_themes_without_showing_entries(capsys, journal, make_notebook) -> None:
    texts = [
        "Could not sleep again, the alarm went off after three hours of tossing in bed.",
        "Slept badly, woke before the alarm and lay in bed for hours.",
        "Another short night of sleep, the alarm felt cruel this morning in bed.",
        "Presented the quarterly report to the team and the deadline moved again.",
        "The report deadline at work is Friday and the team is behind.",
        "Stayed late at work finishing the report before the deadline.",
    ]
    _recent(make_notebook, journal, texts)
    code, out, err = reflect(capsys, "prompt", "--for-me", "-n", "4", "--seed", "3")
    assert code == 0, err
    assert "picked at random" not in out
    assert "for a theme in your recent entries" in out
    _assert_no_entry_text(out, texts)
    code, out, _ = reflect(capsys, "prompt", "--for-me", "--json")
    data = json.loads(out)
    assert data["note"] is None and data["prompts"]
    assert {p["matched_topic"] for p in data["prompts"]} <= {"body-and-sleep", "work"}
    _assert_no_entry_text(out, texts)


def test_cli_for_me_shows_helplines_not_prompts_after_a_crisis_entry(capsys, journal, make_notebook) -> None:
    texts = [
        "Could not sleep again, the alarm went off after three hours of tossing in bed.",
        "Slept badly and I want to die, I can't keep going like this.",
        "Another short night of sleep, the alarm felt cruel this morning in bed.",
    ]
    _recent(make_notebook, journal, texts)
    code, out, _ = reflect(capsys, "prompt", "--for-me")
    assert code == 0
    assert "988" in out and "116 123" in out
    assert CURATED_LABEL not in out and not any(p.text in out for p in journal_prompts())
    _assert_no_entry_text(out, texts)


def test_cli_for_me_with_no_recent_entries(capsys, topical_journal) -> None:
    code, out, _ = reflect(capsys, "prompt", "--for-me", "-n", "1")
    assert code == 0 and "No entries in the last 14 days" in out
    _assert_no_entry_text(out, [t for ts in TOPICS.values() for t in ts])


def test_cli_values(capsys) -> None:
    code, out, _ = reflect(capsys, "values")
    assert code == 0
    assert all(v.name in out for v in values())
    code, out, _ = reflect(capsys, "values", "--json")
    assert [v["id"] for v in json.loads(out)] == [v.id for v in values()]


def test_cli_activities_with_filters(capsys) -> None:
    code, out, _ = reflect(capsys, "activities", "--effort", "low", "--cost", "free", "--json")
    assert code == 0
    got = json.loads(out)
    assert got and all(a["effort"] == "low" and a["cost"] == "free" for a in got)
    code, out, _ = reflect(capsys, "activities", "--social", "alone", "--setting", "indoor")
    assert code == 0
    shown = [line[2:].split("  (")[0] for line in out.splitlines() if line.startswith("- ")]
    assert shown == [a.name for a in activities(social="alone", setting="indoor")]
    code, out, _ = reflect(
        capsys, "activities", "--effort", "low", "--kind", "movement", "--setting", "outdoor"
    )
    assert code == 0 and "- " in out


@pytest.mark.parametrize(
    ("words", "topic"),
    [
        ("my dad died last spring", "grief"),
        ("my mother", "relationships"),
        ("depression", "uncomfortable-emotions"),
        ("feeling lonely", "loneliness-and-belonging"),
        ("breakup", "relationships"),
        ("procrastination", "change-and-goals"),
        ("forgive myself", "self-compassion"),
        ("self-esteem", "self-compassion"),
    ],
)
def test_everyday_wordings_find_their_topic(words, topic) -> None:
    assert match_topic(words) == topic
    assert all(topic in p.topics for p in prompts(words, n=3, seed=1))
