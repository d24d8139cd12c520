"""The embedded embedder is English-first: the kit says so when entries are in another language, and suggests
KIT_EMBED=multilingual when many are."""

from __future__ import annotations

import logging

import pytest

import kit.doctor
import kit.index.store
import kit.models.embedders
from kit.cli import main
from kit.doctor import doctor
from kit.index.store import Index
from kit.journal.notebooks import append_entry
from kit.testing import FakeEmbeddings
from kit.text import MANY_NOT_ENGLISH, SWITCH, looks_english, suggestion

SPANISH = [
    "Hoy no pude dormir porque el trabajo me estresa mucho.",
    "Paseé al perro por la playa y me reí como hacía meses que no me reía.",
]
ENGLISH = [
    "Slept badly and woke at four, again.",
    "Long walk by the river after work; felt lighter.",
    "Called Mum. We talked about the garden for an hour.",
    "Too tired to cook, so toast for dinner.",
    "Finished the report early and went to the cinema.",
    "Grateful for: rain, tea, Sam.",
]


@pytest.mark.parametrize(
    "text",
    [
        "Couldn't fall asleep until nearly 2am. Kept replaying the meeting.",
        "Went running.",
        "5 km before breakfast, fastest this year!",
        "Grateful for: rain, tea, Sam.",
    ],
)
def test_english_entries_pass(text):
    assert looks_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Heute konnte ich nicht schlafen, weil die Arbeit mich so stresst.",
        "Hoy no pude dormir porque el trabajo me estresa mucho.",
        "Je ne suis pas bien aujourd'hui, le travail me fatigue.",
        "今天又睡不着，工作压力太大了。",
        "Сегодня опять не могла уснуть.",
    ],
)
def test_other_languages_are_flagged(text):
    assert not looks_english(text)


class EnglishOnlyFake(FakeEmbeddings):
    english_only = True


def test_index_warns_about_non_english_entries(journal, caplog):
    append_entry(journal / "a.ipynb", "Slept badly and woke at four, again.", journal=journal)
    append_entry(
        journal / "a.ipynb", "Hoy no pude dormir porque el trabajo me estresa mucho.", journal=journal
    )
    with caplog.at_level(logging.WARNING, logger="kit"):
        report = Index(journal=journal, embedder=EnglishOnlyFake()).update(progress=False)
    assert report.not_english == 1
    assert "English-first" in caplog.text
    assert SWITCH in caplog.text  # 1 of 2 entries: many, so the message is the suggestion
    assert "1 of 2 entries (50%)" in caplog.text


def test_many_means_a_fifth_of_the_entries():
    assert MANY_NOT_ENGLISH == 0.2
    assert suggestion(1, 5) is not None and SWITCH in suggestion(1, 5)
    assert suggestion(1, 6) is None
    assert suggestion(0, 0) is None


def _journal_with(journal, texts):
    for text in texts:
        append_entry(journal / "a.ipynb", text, journal=journal)


def test_reflect_index_suggests_multilingual_whenever_many_entries_are_not_english(
    journal, monkeypatch, capsys
):
    monkeypatch.setattr(kit.models.embedders, "get_embedder", lambda: EnglishOnlyFake())
    _journal_with(journal, ENGLISH[:4] + SPANISH)
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["index"]) == 0  # nothing new to embed: `reflect index` still counts the whole journal
    err = capsys.readouterr().err
    assert "2 of 6 entries (33%) do not look like English" in err and SWITCH in err
    assert main(["index", "--json"]) == 0
    assert '"not_english_in_journal": 2' in capsys.readouterr().out


def test_a_stray_entry_in_another_language_is_not_many(journal, monkeypatch, capsys, caplog):
    monkeypatch.setattr(kit.models.embedders, "get_embedder", lambda: EnglishOnlyFake())
    _journal_with(journal, ENGLISH + SPANISH[:1])
    with caplog.at_level(logging.WARNING, logger="kit"):
        assert main(["index"]) == 0
    assert "1 entry does not look like English" in caplog.text  # still said, with the switch as an option
    capsys.readouterr()
    assert main(["index"]) == 0
    assert "multilingual" not in capsys.readouterr().err


def test_doctor_suggests_multilingual_when_many_entries_are_not_english(journal, monkeypatch):
    _journal_with(journal, ENGLISH[:3] + SPANISH)
    check = {c.name: c for c in doctor().checks}["languages"]
    assert check.ok and "2 of 5 entries do not look like English" in check.detail  # KIT_EMBED=fake
    monkeypatch.setattr(kit.models.embedders, "get_embedder", lambda spec: EnglishOnlyFake())
    check = {c.name: c for c in doctor().checks}["languages"]
    assert not check.ok and "(40%)" in check.detail and check.fix == SWITCH
