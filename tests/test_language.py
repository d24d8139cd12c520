"""The embedded embedder is English-first: the kit says so when entries are in another language."""

from __future__ import annotations

import logging

import pytest

from kit.index.store import Index
from kit.journal.notebooks import append_entry
from kit.testing import FakeEmbeddings
from kit.text import looks_english


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
