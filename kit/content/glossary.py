"""The kit's glossary of therapy concepts: plain-language texts written for the kit, citing the sources they draw on.

Between sessions people get stuck on a word from their homework ("thought record", "DEAR MAN", "anxious
attachment style"). A general chatbot answers fluently and sometimes wrongly; the small embedded model was seen
explaining "thought record" as a file-sharing device. So the kit answers from texts it ships:

- ``explain(term)`` finds the item by its name, a synonym or a worksheet title, allowing for spelling (US/UK,
  hyphens, plurals, small typos), and returns the curated text, labelled. A term that is not there raises
  ``NotInGlossary`` with the nearest terms: the kit never makes up an explanation.
- ``follow_up(term, question)`` lets a capable model answer a question about one item, with that item's text as
  its only source. The question goes through the crisis check first (no model on a hit); the answer goes through
  the kit's output checks (no advice, no diagnosis, no filled-in worksheet) and a grounding check (no person,
  medicine, dose, number or study the item does not contain, few words from outside it). One retry, then the
  curated text with a one-line reason. The small embedded model is never asked.

The data: ``kit/data/glossary.json`` and ``kit/data/grounding_alternatives.json`` (alternatives to a body scan),
each with a version and the date it was checked.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import sys
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from kit.errors import ConfigError, ContentError, KitError
from kit.models.prompts import Prompt
from kit.reflection.reflect import _session_aware
from kit.safety.labels import AI_CHECKED_GLOSSARY

__all__ = [
    "AI_LABEL",
    "CURATED_LABEL",
    "CURATED_TEXT_LABEL",
    "FOLLOW_UP",
    "Explanation",
    "FollowUp",
    "GlossaryItem",
    "GroundingPractice",
    "NotInGlossary",
    "Reference",
    "add_commands",
    "alternatives",
    "explain",
    "follow_up",
    "grounding_problems",
    "info",
    "items",
]

GLOSSARY_FILE = "data/glossary.json"
ALTERNATIVES_FILE = "data/grounding_alternatives.json"
CURATED_LABEL = "Curated text from the kit's glossary (written for the kit, based on the sources listed)"
AI_LABEL = AI_CHECKED_GLOSSARY
CURATED_TEXT_LABEL = "Curated text"
HANDLE = "G1"  # how a prompt names the glossary item; an answer cites it as [G1]
# Items shown with the list of body-scan alternatives.
WITH_ALTERNATIVES = frozenset({"body-scan", "grounding"})

FUZZY_MIN = 0.84  # a spelling this close to a name counts as that name
TOKEN_MIN = 0.8  # one word this close to another is a spelling of it
SUGGEST_MIN = 0.65  # names at least this close are offered as suggestions
MAX_SUGGESTIONS = 3
MAX_WORDS = 220  # a follow-up answer longer than this is not shown
NOVEL_MAX_SHARE = 0.3  # share of an answer's content words that may come from outside the item and question
NOVEL_MIN_COUNT = 6  # …counted only once there are more than this many such words


class NotInGlossary(ContentError):
    """The term is not in the kit's glossary; ``suggestions`` holds up to three near terms (maybe none)."""

    def __init__(self, term: str, suggestions: list[str]) -> None:
        self.term = term
        self.suggestions = list(suggestions)
        if suggestions:
            near = ", ".join(f"“{s}”" for s in suggestions)
            message = (
                f"“{term}” is not in the kit's glossary — nearest terms: {near}. If none of these is it, ask your "
                "therapist what they mean by it; the kit does not guess"
            )
        else:
            message = (
                f"“{term}” is not in the kit's glossary, and no term in it is close — ask your therapist what "
                "they mean by it; the kit does not guess"
            )
        super().__init__(message)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Reference:
    """A published source an item draws on (cited, never copied)."""

    author: str
    title: str
    year: int

    def cite(self) -> str:
        return f"{self.author} ({self.year}). *{self.title}*."


@dataclass(frozen=True)
class GlossaryItem:
    """One concept. ``for_`` is the JSON field ``for`` (what the concept is for)."""

    id: str
    term: str
    synonyms: tuple[str, ...]
    what: str
    for_: str
    example: str
    ask_your_therapist: tuple[str, ...]
    templates: tuple[str, ...]
    related: tuple[str, ...]
    sources: tuple[Reference, ...]
    note: str = ""  # where the concept is contested or simplified, one plain sentence

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["for"] = out.pop("for_")
        return out


@dataclass(frozen=True)
class GroundingPractice:
    """A grounding practice that can stand in for a body scan."""

    id: str
    name: str
    why: str
    steps: tuple[str, ...]
    time: float  # minutes
    eyes_open: bool
    sources: tuple[Reference, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


T = TypeVar("T")


def _refs(raw: list[dict[str, Any]]) -> tuple[Reference, ...]:
    return tuple(Reference(str(s["author"]), str(s["title"]), int(s["year"])) for s in raw)


def _load(name: str, build: Callable[[dict[str, Any]], T]) -> tuple[dict[str, str], tuple[T, ...]]:
    """A curated data file's version header and its items, each made by ``build``; damage is a KitError."""
    try:
        data: dict[str, Any] = json.loads(resources.files("kit").joinpath(name).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KitError(f"the kit's {name} cannot be read ({exc}) — reinstall the kit") from exc
    try:
        loaded = tuple(build(raw) for raw in data["items"])
        return {"version": str(data["version"]), "checked": str(data["checked"])}, loaded
    except (KeyError, TypeError, ValueError) as exc:
        raise KitError(f"the kit's {name} is damaged ({exc!r}) — reinstall the kit") from exc


@functools.cache
def _glossary() -> tuple[dict[str, str], tuple[GlossaryItem, ...]]:
    return _load(
        GLOSSARY_FILE,
        lambda raw: GlossaryItem(
            id=raw["id"],
            term=raw["term"],
            synonyms=tuple(raw["synonyms"]),
            what=raw["what"],
            for_=raw["for"],
            example=raw["example"],
            ask_your_therapist=tuple(raw["ask_your_therapist"]),
            templates=tuple(raw["templates"]),
            related=tuple(raw["related"]),
            sources=_refs(raw["sources"]),
            note=raw.get("note", ""),
        ),
    )


@functools.cache
def _alternatives() -> tuple[dict[str, str], tuple[GroundingPractice, ...]]:
    return _load(
        ALTERNATIVES_FILE,
        lambda raw: GroundingPractice(
            id=raw["id"],
            name=raw["name"],
            why=raw["why"],
            steps=tuple(raw["steps"]),
            time=float(raw["time"]),
            eyes_open=bool(raw["eyes_open"]),
            sources=_refs(raw["sources"]),
            note=raw.get("note", ""),
        ),
    )


def info() -> dict[str, str]:
    """The glossary's version and the date its texts were checked."""
    return dict(_glossary()[0])


def items() -> list[GlossaryItem]:
    """Every glossary item, in the order of the file."""
    return list(_glossary()[1])


def alternatives() -> list[GroundingPractice]:
    """Grounding practices that are alternatives to a body scan."""
    return list(_alternatives()[1])


def _by_id() -> dict[str, GlossaryItem]:
    return {item.id: item for item in _glossary()[1]}


# ---------------------------------------------------------------- matching a term to an item

_FILLER = frozenset(
    "the a an of my what whats is are does do mean means meaning called about style styles skill skills "
    "technique techniques exercise exercises".split()
)
_SPELLING = (
    (re.compile(r"behavior(?!u)"), "behaviour"),
    (re.compile(r"(?<=[a-z])iz(e|es|ed|ing|ation|ations|er|ers)$"), r"is\1"),
    (re.compile(r"label(ing|ed)$"), r"labell\1"),
    (re.compile(r"journall"), "journal"),
    (re.compile(r"^versus$"), "vs"),
)
# Acronyms that are also English words: inside a longer question they count only when written in capitals.
_WORD_ACRONYMS = frozenset({"act", "ants", "ant", "tip", "ba", "nat", "nats"})


def _token(word: str) -> str:
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    """Lower case, no punctuation or hyphens, UK spelling, no plural s, no filler words ("the", "style")."""
    text = text.replace("’", "'").replace("&", " and ").lower()
    text = re.sub(r"(?<=[a-z])'(?=[a-z])", "", text)
    words = [_token(w) for w in re.findall(r"[a-z0-9]+", text)]
    kept = [w for w in words if w not in _FILLER]
    return kept or words


@dataclass(frozen=True)
class _Name:
    item_id: str
    text: str
    kind: str  # "term" | "synonym"
    tokens: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def compact(self) -> str:
        return "".join(self.tokens)


@functools.cache
def _names() -> tuple[_Name, ...]:
    """Every name an item can be found by: its term (and the parts around its brackets), id and synonyms."""
    out: list[_Name] = []
    for item in _glossary()[1]:
        terms = [item.term, item.id.replace("-", " ")]
        bracket = re.fullmatch(r"(.*?)\s*\((.*?)\)", item.term)
        if bracket:
            terms += [bracket.group(1), bracket.group(2)]
        seen: set[str] = set()
        for text, kind in [*((t, "term") for t in terms), *((s, "synonym") for s in item.synonyms)]:
            tokens = tuple(_tokens(text))
            if tokens and " ".join(tokens) not in seen:
                seen.add(" ".join(tokens))
                out.append(_Name(item.id, text, kind, tokens))
    return tuple(out)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _token_score(query: tuple[str, ...], name: tuple[str, ...]) -> float:
    """How well two token lists cover each other, allowing for typos in each token (short tokens must match)."""

    def best(word: str, others: tuple[str, ...]) -> float:
        if len(word) <= 3:
            return 1.0 if word in others else 0.0
        score = max((_ratio(word, o) for o in others), default=0.0)
        return score if score >= TOKEN_MIN else 0.0  # a different word earns nothing

    forward = sum(best(w, name) for w in query) / len(query)
    backward = sum(best(w, query) for w in name) / len(name)
    return (forward + backward) / 2


def _score(query: tuple[str, ...], name: _Name) -> float:
    q_key, q_compact = " ".join(query), "".join(query)
    if len(q_compact) <= 3 or len(name.compact) <= 3:
        return 1.0 if q_compact == name.compact else 0.0
    whole = max(_ratio(q_key, name.key), _ratio(q_compact, name.compact))
    return max(whole, _token_score(query, name.tokens))


def _contained(query: tuple[str, ...], original: str, names: tuple[_Name, ...]) -> _Name | None:
    """The longest name that occurs, word for word, inside a longer query ("what is DBT and how…")."""
    found: list[tuple[int, int, int, _Name]] = []
    for name in names:
        n = len(name.tokens)
        if n >= len(query):
            continue
        if (
            n == 1
            and name.tokens[0] in _WORD_ACRONYMS
            and not re.search(rf"\b{name.tokens[0].upper()}\b", original)
        ):
            continue
        if n == 1 and len(name.tokens[0]) <= 2:
            continue
        for start in range(len(query) - n + 1):
            if query[start : start + n] == name.tokens:
                found.append((n, len(name.key), -start, name))
                break
    if not found:
        return None
    return max(found, key=lambda f: f[:3])[3]


def _match(term: str) -> tuple[GlossaryItem, str]:
    query = tuple(_tokens(term))
    if not query:
        raise NotInGlossary(term, [])
    names = _names()
    by_id = _by_id()
    q_key, q_compact, q_set = " ".join(query), "".join(query), set(query)
    exact = [n for n in names if n.key == q_key or n.compact == q_compact]
    exact = exact or [n for n in names if set(n.tokens) == q_set and len(n.tokens) == len(query)]
    if exact:
        name = min(exact, key=lambda n: n.kind != "term")
        return by_id[name.item_id], name.kind
    # A word in capitals is an acronym ("PLEASE skills", "GIVE"): a near spelling of another word is not it.
    acronyms = {_token(w.lower()) for w in re.findall(r"\b[A-Z]{2,}\b", term)}
    names = tuple(n for n in names if acronyms <= set(n.tokens) | {n.compact})
    scored = sorted(((_score(query, n), n) for n in names), key=lambda s: -s[0])
    if scored and scored[0][0] >= FUZZY_MIN:
        return by_id[scored[0][1].item_id], "fuzzy"
    inside = _contained(query, term, names)
    if inside is not None:
        return by_id[inside.item_id], "fuzzy"
    suggestions: list[str] = []
    for score, name in scored:
        if score < SUGGEST_MIN or len(suggestions) == MAX_SUGGESTIONS:
            break
        if by_id[name.item_id].term not in suggestions:
            suggestions.append(by_id[name.item_id].term)
    raise NotInGlossary(term, suggestions)


# ---------------------------------------------------------------- explanations


@dataclass(frozen=True)
class Explanation:
    """A glossary item as shown: the curated text rendered as markdown, always labelled."""

    item: GlossaryItem
    matched_by: str  # "term" | "synonym" | "fuzzy"
    text: str
    label: str = CURATED_LABEL
    query: str = ""
    alternatives: tuple[GroundingPractice, ...] = ()

    def to_markdown(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "matched_by": self.matched_by,
            "label": self.label,
            "glossary": info(),
            "item": self.item.to_dict(),
            "alternatives": [a.to_dict() for a in self.alternatives],
            "text": self.text,
        }


def _minutes(value: float) -> str:
    return f"{value:g} min"


def render(item: GlossaryItem, practices: tuple[GroundingPractice, ...] = ()) -> str:
    """The item as markdown: what, what for, an example, questions to bring, worksheets, related terms, sources."""
    from kit.safety.labels import DISCLAIMER

    meta = info()
    by_id = _by_id()
    term_key = " ".join(_tokens(item.term))
    shown = [s for s in item.synonyms if " ".join(_tokens(s)) != term_key][:8]
    lines = [f"### {item.term}", ""]
    lines.append(f"_{CURATED_LABEL} · glossary {meta['version']}, checked {meta['checked']} · {DISCLAIMER}_")
    if shown:
        lines += ["", f"Also called: {', '.join(shown)}"]
    lines += ["", f"**What it is.** {item.what}", "", f"**What it is for.** {item.for_}"]
    lines += ["", f"**An everyday example.** {item.example}"]
    if item.note:
        lines += ["", f"**Good to know.** {item.note}"]
    lines += ["", "**Questions you could bring to your therapist**"]
    lines += [f"- {q}" for q in item.ask_your_therapist]
    if practices:
        lines += ["", "**Alternatives to a body scan** (the worksheet: `reflect new grounding-alternatives`)"]
        for p in practices:
            eyes = "eyes open" if p.eyes_open else "eyes open or closed"
            caution = f" _{p.note}_" if p.note else ""
            lines.append(f"- **{p.name}** (about {_minutes(p.time)}, {eyes}): {p.why}{caution}")
    if item.templates:
        sheets = ", ".join(f"`reflect new {t}`" for t in item.templates)
        lines += ["", f"**Worksheets in the kit:** {sheets}"]
    related = [by_id[r].term for r in item.related if r in by_id]
    if related:
        lines += ["", f"**Related terms:** {', '.join(related)}"]
    lines += ["", "**Sources** (the text was written for the kit, based on these; cited, not copied)"]
    lines += [f"- {ref.cite()}" for ref in item.sources]
    return "\n".join(lines)


def _explanation(item: GlossaryItem, matched_by: str, query: str) -> Explanation:
    practices = tuple(alternatives()) if item.id in WITH_ALTERNATIVES else ()
    return Explanation(item, matched_by, render(item, practices), CURATED_LABEL, query, practices)


def explain(term: str) -> Explanation:
    """The glossary's text for ``term`` (a name, synonym, worksheet title, or a near spelling of one).

    Raises NotInGlossary, with up to three near terms in ``.suggestions``, when no item matches, and
    kit.safety.crisis.CrisisDetected (``.message``: helplines) when the text typed reads like a crisis."""
    from kit.safety.wellbeing import CrisisDetected
    from kit.safety.crisis import check

    if not isinstance(term, str) or not term.strip():
        raise ConfigError(
            "the term is empty — give a word or phrase, for example: reflect explain thought record"
        )
    report = check(term)
    if report.crisis:
        raise CrisisDetected(report)
    item, matched_by = _match(term.strip())
    return _explanation(item, matched_by, term.strip())


# ---------------------------------------------------------------- follow-up questions, grounded on one item

FOLLOW_UP = Prompt(
    id="glossary-follow-up",
    version=1,
    system="""You answer a person's question about one therapy concept, using only the glossary text you are \
given. Rules you always keep:
- Use only what the glossary text says. Do not add facts, studies, people, places, numbers, medicines or doses \
that it does not contain. If the text does not answer the question, say plainly: "The glossary does not cover \
this; it is a good question to bring to your therapist."
- Cite the glossary text as [G1] after each sentence that draws on it.
- Explain; never advise. Do not tell the person what to do, do not diagnose or name a condition they might have, \
and do not say whether their own thoughts are right, wrong or a thinking trap.
- Do not fill in any worksheet for them; the writing is theirs.
- Write plainly and warmly, in short sentences, in at most 150 words.""",
    user="""Glossary text:

{item}

The person asks about "{term}": "{question}"

Answer from the glossary text only, citing it as [G1].""",
)
RETRY = """Your answer could not be shown, because it {problems}. Write it again from the glossary text [G1] \
only, keeping every rule."""

_G_CITATION = re.compile(r"\[\s*(G\d+(?:\s*[,;]\s*G\d+)*)\s*\]")
# The output check's diagnosis patterns would also catch the glossary's own "it is not a diagnosis".
_NOT_A_DIAGNOSIS = re.compile(
    r"\b(?:not|never|isn't|aren't|no|nor)\b[^.?!;]{0,30}?\bdiagnos[a-z]*",
    re.IGNORECASE,
)
_DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ml|milligrams?|micrograms?|millilitres?|milliliters?)\b", re.I
)
_DRUG_WORDS = frozenset(
    """
    medication medications medicine medicines drug drugs pill pills tablet tablets dose doses dosage prescription
    prescribe prescribed supplement supplements antidepressant antidepressants ssri ssris snri snris maoi
    benzodiazepine benzodiazepines benzo benzos antipsychotic antipsychotics stimulant stimulants sedative sedatives
    sertraline fluoxetine citalopram escitalopram paroxetine venlafaxine duloxetine mirtazapine bupropion lithium
    quetiapine olanzapine aripiprazole risperidone lamotrigine valproate diazepam lorazepam alprazolam clonazepam
    propranolol zolpidem zopiclone melatonin pregabalin gabapentin methylphenidate lisdexamfetamine amphetamine
    xanax prozac zoloft lexapro valium ativan wellbutrin seroquel abilify adderall ritalin ketamine esketamine
    psilocybin mdma cannabis cbd thc alcohol nicotine caffeine
    """.split()
)
_DRUG_SUFFIX = re.compile(
    r"\b[a-z]+(?:oxetine|opram|azepam|azolam|triptyline|tiapine|zapine|peridone|faxine)\b"
)
_RESEARCH = [
    re.compile(
        r"\b(?:a|one|another|recent|new|latest|some|many|several|famous|landmark|\d+)\s+(?:\w+\s+){0,2}"
        r"(?:study|studies|trials?|surveys?|experiments?|meta-analys[ie]s|papers?)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:studies|research|researchers|scientists|experts|evidence|data|science)\s+(?:\w+\s+)?"
        r"(?:show|shows|showed|shown|found|finds|prove|proves|proved|proven|suggest|suggests|confirm|confirms)\b",
        re.IGNORECASE,
    ),
]
_CONTENT = re.compile(r"[a-z][a-z'-]*[a-z]")
# Words an explanation uses whatever the concept; they are not counted as coming from outside the item.
_EXPLAINING = frozenset(
    """
    help helps helped helping helpful people person someone anyone everyone idea ideas example examples instance
    often usually might means meant word words term terms called part parts step steps moment moments life daily
    everyday practice practise practising practicing notice notices noticing understand understanding question
    questions answer answers therapist therapists therapy session sessions glossary text kit describe describes
    described different difference similar instead rather whether together another others yourself themselves
    there these those which while would could really actually simply basically good hard difficult easy easier
    small little more less better worse feel feels feeling thoughts thinking mind sure clear plain cover covers
    talk talking ask asking bring explain explains explained sort type something anything everything nothing
    because since though although however also just even still only both each either neither whole point sense
    useful used uses using work works working tool tools approach method goal aim purpose reason reasons happen
    happens happened happening sometimes always never first then next later after before again around away over
    into onto within without through across between among unlike such much many most several enough very quite
    yes okay right wrong kind way ways case cases common commonly specific specifically general generally simple
    mean meaning include includes including involve involves involving focus focuses focused look looks looking
    make makes making take takes taking give gives giving find finds finding keep keeps keeping come comes
    coming call calls rather like likely unlikely able possible certain certainly matter matters
    """.split()
)


def _stem(word: str) -> str:
    return word.replace("'", "")[:5]


def grounding_problems(answer: str, source: str, question: str = "") -> list[str]:
    """Why an answer strays from the glossary text it was given (empty when it stays within it).

    Every capitalised name and every number must occur in the item or the question; no medicine, dose or study
    may appear that the item does not name; and at most a small share of the answer's content words may come
    from outside the item and the question."""
    from kit.models.checks import check_output
    from kit.reflection.digest import STOP_WORDS

    prose = _G_CITATION.sub(" ", answer)
    haystack = f"{source}\n{question}".lower().replace("’", "'")
    problems: list[str] = []
    # Names and numbers: the output check's own rules, run with the item as the only source.
    result = check_output(_NOT_A_DIAGNOSIS.sub("not a label", prose), {HANDLE: source}, context=question,
                          require_citation=False)  # fmt: skip
    problems += [
        p.replace("the cited entries", "the glossary text")
        for p in result.problems
        if p.startswith(("names ", "states the number"))
    ]
    for m in _DOSE.finditer(prose):
        if m.group(0).lower() not in haystack:
            problems.append(f"mentions a medicine dose ({m.group(0)!r}), which the glossary text does not")
    words = _CONTENT.findall(prose.lower().replace("’", "'"))
    for word in dict.fromkeys(words):
        if (word in _DRUG_WORDS or _DRUG_SUFFIX.fullmatch(word)) and not re.search(
            rf"\b{re.escape(word)}", haystack
        ):
            problems.append(f"mentions a medicine ({word!r}), which the glossary text does not")
    item_talks_research = re.search(r"\b(?:research|stud(?:y|ies|ied))\b", source, re.IGNORECASE)
    for pattern in _RESEARCH:
        hit = pattern.search(prose)
        if hit and not item_talks_research:
            problems.append(f"cites research ({hit.group(0)!r}) that the glossary text does not")
            break
    source_stems = {_stem(w) for w in _CONTENT.findall(haystack)}
    content = {_stem(w) for w in words if len(w) >= 4 and w not in STOP_WORDS and w not in _EXPLAINING}
    novel = sorted(content - source_stems)
    if len(novel) > NOVEL_MIN_COUNT and len(novel) / len(content) > NOVEL_MAX_SHARE:
        problems.append(
            f"strays from the glossary text: {len(novel)} of its {len(content)} content words are not in it "
            f"({', '.join(novel[:8])})"
        )
    return list(dict.fromkeys(problems))


def answer_problems(answer: str, source: str, question: str = "") -> list[str]:
    """Every reason a follow-up answer may not be shown: the kit's output check (advice, diagnosis, doing the
    person's work), a citation of [G1] and nothing else, a length limit, and ``grounding_problems``."""
    from kit.models.checks import ADVICE, DIAGNOSIS, does_the_work

    text = answer.strip()
    if not text:
        return ["is empty"]
    problems: list[str] = []
    prose = _G_CITATION.sub(" ", text)
    for patterns, flags, problem in (
        (ADVICE, re.IGNORECASE | re.MULTILINE, "gives advice"),
        (DIAGNOSIS, re.IGNORECASE, "sounds like a diagnosis"),
    ):
        checked = _NOT_A_DIAGNOSIS.sub("not a label", prose) if problem.startswith("sounds") else prose
        hit = next((m for p in patterns if (m := re.search(p, checked, flags))), None)
        if hit:
            problems.append(f"{problem} ({hit.group(0).strip()!r})")
    problems += does_the_work(prose)
    problems += grounding_problems(text, source, question)
    cited = [h for m in _G_CITATION.finditer(text) for h in re.findall(r"G\d+", m.group(1))]
    if not cited:
        problems.append("cites no source")
    elif any(h != HANDLE for h in cited):
        problems.append(f"cites a source that does not exist: {', '.join(sorted(set(cited) - {HANDLE}))}")
    if len(prose.split()) > MAX_WORDS:
        problems.append(f"is too long ({len(prose.split())} words, at most {MAX_WORDS})")
    return list(dict.fromkeys(problems))


_PLAIN_REASONS = (
    ("names ", "named someone or something that is not in the glossary text"),
    ("states the number", "stated a number that is not in the glossary text"),
    ("mentions a medicine", "mentioned a medicine or a dose that the glossary text does not"),
    ("cites research", "cited research that the glossary text does not"),
    ("strays", "went beyond what the glossary text says"),
    ("cites no source", "did not cite the glossary text"),
    ("cites a source that does not exist", "cited a source that does not exist"),
    ("gives advice", "gave advice"),
    ("sounds like a diagnosis", "sounded like a diagnosis"),
    ("fills in the worksheet", "filled in a worksheet, which is yours to write"),
    ("gives a verdict", "judged a thought, which is yours to weigh"),
    ("is too long", "was too long"),
    ("is empty", "was empty"),
)


def plain_reason(problem: str) -> str:
    """A check's finding in words that do not repeat what the model made up."""
    return next(
        (plain for start, plain in _PLAIN_REASONS if problem.startswith(start)), "did not pass the checks"
    )


def source_text(item: GlossaryItem, practices: tuple[GroundingPractice, ...] = ()) -> str:
    """The item as plain text: the only thing a follow-up model is given to answer from."""
    by_id = _by_id()
    lines = [f"[{HANDLE}] The kit's glossary: {item.term}"]
    if item.synonyms:
        lines.append(f"Also called: {', '.join(item.synonyms)}")
    lines += [
        f"What it is: {item.what}",
        f"What it is for: {item.for_}",
        f"An everyday example: {item.example}",
    ]
    if item.note:
        lines.append(f"Good to know: {item.note}")
    lines.append("Questions a person could bring to their therapist: " + " ".join(item.ask_your_therapist))
    related = [by_id[r].term for r in item.related if r in by_id]
    if related:
        lines.append(f"Related terms: {', '.join(related)}")
    for p in practices:
        eyes = "eyes open" if p.eyes_open else "eyes open or closed"
        lines.append(f"Alternative to a body scan: {p.name} (about {_minutes(p.time)}, {eyes}). {p.why} "
                     f"Steps: {' '.join(p.steps)}{(' ' + p.note) if p.note else ''}")  # fmt: skip
    lines.append("Sources: " + " ".join(ref.cite().replace("*", "") for ref in item.sources))
    return "\n".join(lines)


@dataclass(frozen=True)
class FollowUp:
    """An answer to a question about one glossary item, as shown: always labelled, never unchecked."""

    text: str  # markdown
    ai_written: bool
    item: str  # the glossary item's id
    citations: list[dict[str, Any]]
    provenance: dict[str, Any]
    crisis: bool = False
    note: str | None = None
    label: str = CURATED_TEXT_LABEL
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        return self.text


def _resolve(term_or_item: GlossaryItem | Explanation | str) -> GlossaryItem:
    if isinstance(term_or_item, GlossaryItem):
        return term_or_item
    if isinstance(term_or_item, Explanation):
        return term_or_item.item
    return explain(term_or_item).item


def _provenance(
    item: GlossaryItem | None,
    backend: Any,
    question: str,
    written_by: str,
    prompt: Prompt | None,
    withheld: list[str] | None = None,
    *,
    term: str = "",
    item_id: str = "",
) -> dict[str, Any]:
    from kit._version import __version__

    params: dict[str, Any] = {}
    if backend is not None and callable(getattr(backend.model, "params", None)):
        params = {k: v for k, v in backend.model.params().items() if isinstance(v, str | int | float | bool)}
    meta = info()
    return {
        "prompt_id": prompt.id if prompt else None,
        "prompt_version": prompt.version if prompt else None,
        "model": backend.model_name if backend is not None else None,
        "backend": backend.name if backend is not None else None,
        "reason": backend.reason if backend is not None else "",
        "model_digest": getattr(backend, "digest", None) if backend is not None else None,
        "params": params,
        "glossary_item": item.id if item is not None else item_id,
        "glossary_version": meta["version"],
        "glossary_checked": meta["checked"],
        "request": {"term": item.term if item is not None else term, "question": question},
        "written_by": written_by,  # "model" | "glossary" | "safety"
        "withheld": list(withheld or []),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "kit_version": __version__,
    }


def _citation(item: GlossaryItem) -> dict[str, Any]:
    meta = info()
    return {
        "handle": HANDLE,
        "item": item.id,
        "term": item.term,
        "glossary_version": meta["version"],
        "checked": meta["checked"],
        "sources": [asdict(s) for s in item.sources],
    }


def _curated(item: GlossaryItem, backend: Any, question: str, note: str, withheld: list[str]) -> FollowUp:
    practices = tuple(alternatives()) if item.id in WITH_ALTERNATIVES else ()
    text = f"_{CURATED_TEXT_LABEL}. {note}_\n\n{render(item, practices)}"
    prov = _provenance(item, backend, question, "glossary", None, withheld)
    return FollowUp(text, False, item.id, [_citation(item)], prov, False, note, CURATED_TEXT_LABEL)


@_session_aware
def follow_up(
    term_or_item: GlossaryItem | Explanation | str,
    question: str,
    *,
    model: Any = None,
    journal: Path | str | None = None,
    pii: str = "ask",
) -> FollowUp:
    """A question about one glossary item, answered by a capable model from that item's text only.

    ``model``: None (KIT_MODEL), a KIT_MODEL value, a kit Backend, or any langchain chat model — resolved as
    kit.reflection.reflect resolves it. The small embedded model is not asked: the curated text comes back with a note.
    A question that reads like a crisis gets the helplines and the person's safety plan, and no model is called.
    ``pii`` as for kit.reflection.reflect.ask (the question is the only personal text that could leave the machine)."""
    from kit.reflection.reflect import (
        OLLAMA_HELP,
        _backend,
        _gate,
        _generate,
        _guard_details,
        _is_small,
        clean_question,
    )
    from kit.safety.wellbeing import crisis_message, find_safety_plan

    question = clean_question(question)
    typed = term_or_item if isinstance(term_or_item, str) else ""
    if _gate([question, typed]) is not None:  # before anything else: the helplines, and no model
        where = _journal(journal)
        text = crisis_message(find_safety_plan(where) if where is not None else None)
        try:
            item_id = _resolve(term_or_item).id if not typed else _match(typed.strip())[0].id
        except KitError:
            item_id = ""
        prov = _provenance(None, None, question, "safety", None, term=typed, item_id=item_id)
        note = "No model was asked: what was written reads like a crisis."
        return FollowUp(text, False, item_id, [], prov, True, note, CURATED_TEXT_LABEL)
    item = _resolve(term_or_item)
    backend = _backend(model)
    if _is_small(backend):
        note = OLLAMA_HELP.replace("A written summary", "A written answer to your question")
        return _curated(item, backend, question, note, [])
    _, fit = _guard_details(backend, [], [question], pii)
    practices = tuple(alternatives()) if item.id in WITH_ALTERNATIVES else ()
    source = source_text(item, practices)
    sent = fit(question)
    text, withheld, last = _write_checked(backend, source, item.term, sent, _generate)
    if text is None:
        note = (
            f"The written answer was withheld because it {plain_reason(last[0])}; here is the glossary's "
            "text instead."
        )
        return _curated(item, backend, question, note, withheld)
    from kit.reflection.reflect import _ai_header

    meta = info()
    body = (
        f"_{AI_LABEL}._ {_ai_header(backend)}\n\n{text}\n\n**Source**\n"
        f"- [{HANDLE}] The kit's glossary: {item.term} (glossary {meta['version']}, checked {meta['checked']}), "
        f"based on: {'; '.join(f'{s.author} ({s.year})' for s in item.sources)}. "
        f"`reflect explain {item.id}` shows the full text."
    )
    prov = _provenance(item, backend, question, "model", FOLLOW_UP, withheld)
    return FollowUp(body, True, item.id, [_citation(item)], prov, False, None, AI_LABEL)


def _write_checked(
    backend: Any, source: str, term: str, question: str, generate: Any
) -> tuple[str | None, list[str], list[str]]:
    """The model's answer if it passed every check (else None), why each failed attempt was withheld, and the
    problems of the last attempt (most telling first)."""
    from langchain_core.messages import HumanMessage, SystemMessage

    from kit.reflection.reflect import ask_checked

    system, user = FOLLOW_UP.render(item=source, term=term, question=question)
    return ask_checked(
        lambda messages: generate(backend.model, messages, None),
        [SystemMessage(system), HumanMessage(user)],
        lambda text: answer_problems(text, source, question),
        RETRY,
    )


def _journal(journal: Path | str | None) -> Path | None:
    """The journal folder (for the safety plan), or None when settings cannot say: the helplines still show."""
    from kit.config import journal_folder

    try:
        return journal_folder(journal)
    except KitError:
        return None


# ---------------------------------------------------------------- the `reflect explain` command


def cmd_explain(args: Any) -> int:
    """`reflect explain TERM [--json] [--ask QUESTION]`: the glossary's text, or a checked answer about it."""
    from kit.safety.wellbeing import CrisisDetected, crisis_message, find_safety_plan

    term = " ".join(args.term).strip()
    journal = getattr(args, "journal", None)
    try:
        explanation = explain(term)
    except CrisisDetected:  # someone typing this needs the helplines, not "not in the glossary"; not an error
        where = _journal(journal)
        message = crisis_message(find_safety_plan(where) if where is not None else None)
        print(json.dumps({"crisis": True, "text": message}, ensure_ascii=False) if args.json else message)
        return 0
    except NotInGlossary as exc:
        print(f"reflect: error: {exc}", file=sys.stderr)
        return 1
    if args.ask is None:
        print(
            json.dumps(explanation.to_dict(), ensure_ascii=False) if args.json else explanation.to_markdown()
        )
        return 0
    from kit.models.registry import get_backend
    from kit.reflection.reflect import clean_question

    question = clean_question(args.ask)  # an empty question fails before any work
    backend = get_backend()
    if not args.json:
        print(
            f"reflect: answering with {backend.model_name} ({backend.name}) — {backend.reason}",
            file=sys.stderr,
        )
    answer = follow_up(explanation.item, question, model=backend, journal=journal, pii=args.pii)
    if args.json:
        print(
            json.dumps(
                {"explanation": explanation.to_dict(), "follow_up": answer.to_dict()}, ensure_ascii=False
            )
        )
    else:
        print(answer.to_markdown())
    return 0


def add_commands(sub: Any, journal_opt: Any) -> None:
    """Registers `reflect explain` on the CLI's subparsers (``journal_opt`` adds --journal)."""
    p = sub.add_parser(
        "explain", help="what a therapy term means, from the kit's checked glossary (no AI unless --ask)"
    )
    p.add_argument("term", nargs="+", metavar="TERM", help="the term, e.g. thought record, DEAR MAN, DBT")
    p.add_argument("--json", action="store_true", help="print the item and its rendered text as JSON")
    p.add_argument(
        "--ask",
        metavar="QUESTION",
        help="a question about the term, answered by a local model from the glossary text only, and checked",
    )
    p.add_argument(
        "--pii",
        choices=("ask", "redact", "send"),
        default="ask",
        help="personal details in QUESTION bound for a model off this machine: stop (ask), redact, or send",
    )
    journal_opt(p)
    p.set_defaults(func=cmd_explain)
