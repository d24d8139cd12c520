"""Follow-up questions about one glossary item, answered by a capable model with that item as its only source.

The question goes through the crisis check first (no model on a hit); the answer goes through the kit's output
checks (no advice, no diagnosis, no filled-in worksheet) and a grounding check (no person, medicine, dose, number
or study the item does not contain, few words from outside it). One retry, then the curated text with a
one-line reason. The small embedded model is never asked.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from kit.config import journal_folder
from kit.content.glossary import (
    AI_LABEL,
    CURATED_TEXT_LABEL,
    HANDLE,
    MAX_WORDS,
    NOVEL_MAX_SHARE,
    NOVEL_MIN_COUNT,
    WITH_ALTERNATIVES,
    Explanation,
    GlossaryItem,
    GroundingPractice,
    _by_id,
    _match,
    _minutes,
    alternatives,
    explain,
    info,
    render,
)
from kit.errors import KitError
from kit.models.checks import ADVICE, DIAGNOSIS, check_output, does_the_work
from kit.models.prompts import Prompt
from kit.reflection.guard import _gate, _guard_details
from kit.reflection.provenance import OLLAMA_HELP, _backend, model_record
from kit.reflection.reflect import _is_small, _session_aware, clean_question
from kit.reflection.writing import _ai_header, _generate, ask_checked
from kit.safety.wellbeing import crisis_message, find_safety_plan
from kit.text import STOP_WORDS

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
    meta = info()
    return {
        **model_record(backend),
        "prompt_id": prompt.id if prompt else None,
        "prompt_version": prompt.version if prompt else None,
        "glossary_item": item.id if item is not None else item_id,
        "glossary_version": meta["version"],
        "glossary_checked": meta["checked"],
        "request": {"term": item.term if item is not None else term, "question": question},
        "written_by": written_by,  # "model" | "glossary" | "safety"
        "withheld": list(withheld or []),
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
    system, user = FOLLOW_UP.render(item=source, term=term, question=question)
    return ask_checked(
        lambda messages: generate(backend.model, messages, None),
        [SystemMessage(system), HumanMessage(user)],
        lambda text: answer_problems(text, source, question),
        RETRY,
    )


def _journal(journal: Path | str | None) -> Path | None:
    """The journal folder (for the safety plan), or None when settings cannot say: the helplines still show."""
    try:
        return journal_folder(journal)
    except KitError:
        return None
