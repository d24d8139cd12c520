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
import re
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from kit.content import data
from kit.content.data import Reference, reference
from kit.errors import ConfigError, ContentError
from kit.labels import AI_CHECKED_GLOSSARY, DISCLAIMER
from kit.safety.crisis import check
from kit.safety.wellbeing import CrisisDetected

__all__ = [
    "AI_LABEL",
    "CURATED_LABEL",
    "CURATED_TEXT_LABEL",
    "Explanation",
    "GlossaryItem",
    "GroundingPractice",
    "NotInGlossary",
    "Reference",
    "alternatives",
    "explain",
    "info",
    "items",
]

GLOSSARY_FILE = "glossary.json"
ALTERNATIVES_FILE = "grounding_alternatives.json"
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
    return tuple(reference(s) for s in raw)


@functools.cache
def _glossary() -> tuple[dict[str, str], tuple[GlossaryItem, ...]]:
    return data.items(
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
    return data.items(
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
    if not isinstance(term, str) or not term.strip():
        raise ConfigError(
            "the term is empty — give a word or phrase, for example: reflect explain thought record"
        )
    report = check(term)
    if report.crisis:
        raise CrisisDetected(report)
    item, matched_by = _match(term.strip())
    return _explanation(item, matched_by, term.strip())
