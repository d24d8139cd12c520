"""Personal information in text — emails, phone numbers, street addresses, names of people and places.

Best effort, offline, no model: precise rather than complete (a name is found after a cue such as "my friend",
"with" or "in", or before a verb that only a person does: "Priya asked"). Used to warn before text goes to a model that is not on this machine, and to redact it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Span:
    """A piece of personal information in the checked text: ``text == source[start:end]``."""

    label: str  # EMAIL | PHONE | ADDRESS | PERSON | PLACE
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,11}(?:[ .-]\d{2,6}){0,4}(?!\w)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_STREET = (
    r"(?:Street|Road|Avenue|Lane|Drive|Boulevard|Court|Place|Way|Close|Crescent|Terrace|Square|Parkway|"
    r"Highway|"
    r"Gardens|Grove|Row|Mews|Hill|Walk|Circle|(?:St|Rd|Ave|Ln|Dr|Blvd|Ct|Pl|Sq|Pkwy|Hwy|Cir)\b\.?)"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:(?:[A-Z][A-Za-z'-]+|\d+(?:st|nd|rd|th))\s+){{1,3}}{_STREET}"
)
# Names: capitalised words kept only after a cue ("my friend Anna", "with Tom", "Dr. Lee", "in Leeds").
_NAME = r"[A-Z](?:['\u2019][A-Z])?[a-z]+(?:[-'\u2019][A-Z][a-z]+)?"  # Anna, O'Neil, Karen-Ann
_CAPITALS = re.compile(
    rf"[A-Z](?<![A-Za-z][A-Z])(?:(?:['\u2019][A-Z])?[a-z]+(?:[-'\u2019][A-Z][a-z]+)?(?:[ \t]{_NAME})*|"
    r"[A-Z]{1,4}(?![A-Za-z]))"
)
_RUN_WORD = re.compile(r"\S+")
_CUE_BEFORE = re.compile(r"([A-Za-z-]+)(\.?)[ \t]+$")
_TITLES = frozenset("dr mr mrs ms mx prof professor".split())
_PERSON_CUES = frozenset(
    """
    friend friends colleague colleagues coworker coworkers co-worker co-workers boss manager partner
    boyfriend girlfriend husband wife fiance fiancee brother sister cousin aunt auntie uncle neighbour
    neighbor therapist counsellor counselor doctor teacher tutor coach son daughter flatmate roommate
    housemate ex mate buddy niece nephew grandson granddaughter classmate client landlord landlady dentist
    with called named met meeting meet texted texting text told tell telling asked ask asking messaged
    emailed phoned rang ring thanked hugged dear hi hey thanks dating dated married marry
    """.split()
)
_PLACE_CUES = frozenset("in at to from near visiting visited visit around across towards".split())
# "to Anna" is a person after talking or giving ("gave my books to Sam"), otherwise a place ("went to Leeds").
_TO_PERSON = re.compile(
    r"\b(?:talk|talked|talking|spoke|speak|speaking|wrote|write|writing|said|say|listened|listen|lied|"
    r"apologi[sz]ed|explained|mentioned|replied|introduced|married|engaged|close|next|reached out|opened up|"
    r"gave|give|giving|sent|send|handed|lent|lend|showed|passed|offered|sold|donated|returned|texted|emailed)"
    r"(?:[ \t]+(?!about\b)[A-Za-z']+){0,2}[ \t]+to[ \t]+$",
    re.IGNORECASE,
)
_CUES = _PERSON_CUES | _PLACE_CUES
_LIST_JOIN = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)")
_SENTENCE_OPENERS = frozenset(
    """
    then but and so when after later also even maybe now still because if as once while until before since
    though although yet well oh okay ok sadly luckily finally apparently suddenly again why how what where who
    today yesterday tonight honestly anyway somehow thankfully hopefully perhaps
    """.split()
)
# A capitalised word that says, asks or feels something is a person even at a sentence start ("Priya asked").
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:and[ \t]+(?:I|me)\b|(?:said|says|asked|asks|told|tells|wants|wanted|texted|texts|called|calls|"
    r"rang|phoned|emailed|messaged|replied|laughed|cried|hugged|smiled|shouted|yelled|invited|suggested|"
    r"mentioned|agreed|helped|came|comes|visited|thinks|feels|felt|knows|knew|loves|loved|hates|hated|"
    r"promised|forgot|remembered|apologi[sz]ed|explained|admitted|insisted|complained|argued|snapped|"
    r"ignored|noticed|offered|listened|cooked|drove|dropped|picked|hasn't|hadn't|doesn't|didn't|won't|"
    r"can't|couldn't|wouldn't)\b)"
)
_NOT_NAMES = frozenset(
    """
    I Mum Mom Mummy Mommy Ma Dad Daddy Pa Mother Father Nan Nana Nanna Gran Granny Grandma Grandpa Grandad
    Granddad Grandmother Grandfather Sis Bro Babe Baby Honey God Jesus Lord Christ Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Christmas Easter Halloween Thanksgiving Today Tomorrow Yesterday Tonight
    Morning Evening The A An My Our His Her Their This That These Those It He She They We You Me Him Them
    Us Everyone Someone Nobody Anyone Dr Mr Mrs Ms Mx Prof Professor AI OK TV PM AM IT UK US USA EU NHS ER
    ICU Python Jupyter English French Spanish German Italian Chinese Japanese Netflix Zoom Slack Teams
    Excel Spotify YouTube Instagram Facebook Twitter WhatsApp TikTok Reddit Google Amazon Uber Covid
    Therapy Work Home School Church Bed Lunch Dinner Breakfast
    """.split()
)


def _names(text: str) -> list[Span]:
    """PERSON and PLACE spans: capitalised words that follow a cue word."""
    spans: list[Span] = []
    for run in _CAPITALS.finditer(text):
        words = [(run.start() + w.start(), w.group()) for w in _RUN_WORD.finditer(run.group())]
        cue = ""
        if len(words) > 1 and words[0][1].lower() in _TITLES:  # "Dr Lee" inside one run
            cue, start = "title", words[0][0]
            words = words[1:]
        elif len(words) > 1 and words[0][1].lower() in _CUES:  # "In Leeds", "With Tom"
            cue = words[0][1].lower()
            words = words[1:]
            start = words[0][0]
        elif spans and _LIST_JOIN.fullmatch(text, spans[-1].end, run.start()):  # "met Chloe and Ben"
            cue, start = "list:" + spans[-1].label, words[0][0]
        else:
            prev = _CUE_BEFORE.search(text, max(0, run.start() - 30), run.start())
            cue = prev.group(1).lower() if prev is not None else ""
            if cue in _TITLES:
                cue, start = "title", prev.start(1)
            elif cue in _CUES and not prev.group(2):  # a full stop before the run ends the cue's sentence
                start = words[0][0]
            elif _PERSON_AFTER.match(text, run.end()):
                # "Then Tom came over": the capitals run starts with the sentence's first word, which is no name.
                while words and words[0][1].lower() in _SENTENCE_OPENERS:
                    words = words[1:]
                if not words or len(words) > 2:
                    continue
                cue, start = "after", words[0][0]
            else:
                continue
        if words[0][1] in _NOT_NAMES:
            continue
        while words and words[-1][1] in _NOT_NAMES:
            words.pop()
        if cue.startswith("list:"):  # the next name in a list takes the kind of the one before it
            label = cue[5:]
            words = words[: 2 if label == "PERSON" else 3]
        elif cue in ("title", "after") or cue in _PERSON_CUES:
            label, words = "PERSON", words[:2]
        elif cue in _PLACE_CUES:
            after = text[words[0][0] + len(words[0][1]) : words[0][0] + len(words[0][1]) + 2]
            if after in ("'s", "\u2019s"):  # "at Tom's"
                label, words = "PERSON", words[:1]
            elif cue == "to" and _TO_PERSON.search(text, max(0, start - 60), start):
                label, words = "PERSON", words[:2]
            else:
                label, words = "PLACE", words[:3]
        else:
            continue
        if label == "PERSON" and words[0][1].isupper():  # acronyms are not people
            continue
        end = words[-1][0] + len(words[-1][1])
        spans.append(Span(label, start, end, text[start:end]))
    return spans


def find_pii(text: str) -> list[Span]:
    found: list[tuple[int, Span]] = []  # (priority, span): on overlap the lower priority number wins
    if "@" in text:
        found += [(0, Span("EMAIL", m.start(), m.end(), m.group())) for m in _EMAIL.finditer(text)]
    if any(c.isdigit() for c in text):
        for m in _PHONE.finditer(text):
            value = m.group()
            digits = sum(c.isdigit() for c in value)
            groups = re.findall(r"\d+", value)
            if value.startswith("+"):
                ok = 8 <= digits <= 15
            else:
                ok = 10 <= digits <= 12 and (len(groups) > 1 or "(" in value or value.startswith("0"))
            if ok and not all(_YEAR.fullmatch(g) for g in groups):
                found.append((1, Span("PHONE", m.start(), m.end(), value)))
        found += [(2, Span("ADDRESS", m.start(), m.end(), m.group())) for m in _ADDRESS.finditer(text)]
    found += [(3, span) for span in _names(text)]
    accepted: list[Span] = []
    for _, span in sorted(found, key=lambda f: (f[0], f[1].start)):
        if all(span.end <= s.start or span.start >= s.end for s in accepted):
            accepted.append(span)
    return sorted(accepted, key=lambda s: s.start)


def redact(text: str, spans: list[Span] | None = None) -> str:
    """``text`` with each PII span replaced by its label in brackets ("[PERSON]")."""
    spans = find_pii(text) if spans is None else spans
    out = text
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        out = out[: span.start] + f"[{span.label}]" + out[span.end :]
    return out
