"""How well the offline crisis check generalises, measured on independently written cases.

tests/data/crisis_cases.jsonl was written without looking at the check's rules, its classifier, its training
data or its other tests: sentences in many voices (teenagers, older adults, non-native English, terse, rambling,
text-speak, worksheet fields, long entries with one crisis sentence in the middle, questions whose meaning
depends on the person's recent entries). Each line is {"text", "crisis", "kind", "form"} and, for context
cases, "recent" (earlier entries). The last 260 lines were written later in the same way, apart from the
training rows of their kinds: everyday talk of food, diets, sport and bodies ("food-and-body") with
eating-disorder self-harm beside it, the body's small hurts and life's ordinary endings ("body-and-endings":
a tattoo, a blood test, a last day at school, a will written before a trip), and an ordinary bad day told in a
low or cross mood ("bad-day").

Everything goes through the public contract, `kit.safety.crisis.check(text, recent=...)`. The check runs once per
case and the reports are shared by the aggregate tests below; a failing test lists the texts it got wrong, so
a developer can read them.
"""

from __future__ import annotations

import inspect
import json
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kit.safety import crisis as safety

CASES_PATH = Path(__file__).parent / "data" / "crisis_cases.jsonl"

CRISIS_KINDS = ("suicidal-thoughts", "self-harm", "ed-self-harm", "means-seeking", "plan")
NEGATIVE_KINDS = (
    "idiom",
    "grief",
    "exam-hopelessness",
    "anger",
    "dark-humour",
    "fiction",
    "news",
    "about-a-friend",
    "recovered-past",
    "clinical-question",
    "means-neutral",
    "everyday",
    "safety-plan",
    "food-and-body",
    "body-and-endings",
    "bad-day",
    "non-english",
)
NON_ENGLISH_CRISIS = "non-english-crisis"
FORMS = (
    "plain",
    "typos",
    "lowercase",
    "no-punctuation",
    "text-speak",
    "long-entry",
    "worksheet-field",
    "context",
)

# The targets are recall >= 0.95 per crisis kind and <= 5 % flagged over the hard negatives. The layered check
# does not reach them yet (README, "Safety"); the floors below are what it meets now, a little under the measured
# figures, so that a change that loses ground fails here. Raise them as the check improves. (Suicidal thoughts
# went from 0.875 to 0.906 when the rules came to read text-speak and the weights were rebuilt for them:
# kit/data/CRISIS_DATA.md, "This release's rebuild".)
TARGET_RECALL, TARGET_FLAGGED = 0.95, 0.05
RECALL_FLOOR = {  # measured: 0.906, 0.854, 0.836, 0.879, 0.667
    "suicidal-thoughts": 0.88,
    "self-harm": 0.80,
    "ed-self-harm": 0.80,
    "means-seeking": 0.85,
    "plan": 0.65,
}
FLAGGED_MAX_OVERALL = 0.09  # measured 0.069 over all hard negatives
FLAGGED_MAX_PER_KIND = 0.45  # measured at most 0.385 (recovered-past, mostly the rules)

# Words that would show the person a number or the machinery instead of a reason.
_TECHNICAL = ("score", "probability", "threshold", "classifier", "regex", "embedding", "logit")


def _load() -> list[dict[str, Any]]:
    cases = []
    with CASES_PATH.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if line.strip():
                case = json.loads(line)
                case["line"] = number  # for messages
                case["index"] = len(cases)  # into _reports()
                cases.append(case)
    return cases


CASES = _load()


def _of_kind(kind: str) -> list[dict[str, Any]]:
    return [case for case in CASES if case["kind"] == kind]


def _check(case: dict[str, Any]) -> Any:
    return safety.check(case["text"], recent=case.get("recent", ()))


@cache
def _reports() -> tuple[Any, ...]:
    """One report per case, in file order (the check is deterministic; test_check_is_deterministic says so)."""
    return tuple(_check(case) for case in CASES)


def _report(case: dict[str, Any]) -> Any:
    return _reports()[case["index"]]


def _shown(case: dict[str, Any], width: int = 160) -> str:
    text = " ".join(case["text"].split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    recent = " (with recent entries)" if case.get("recent") else ""
    return f"  - line {case['line']} [{case['form']}]{recent}: {text}"


def _by_form(cases: Sequence[dict[str, Any]]) -> str:
    counts = Counter(case["form"] for case in cases)
    return ", ".join(f"{form} {n}" for form, n in counts.most_common())


# --- the cases themselves ------------------------------------------------------------------------------------


def test_cases_file_is_well_formed():
    problems = []
    for case in CASES:
        where = f"line {case['line']}"
        if not isinstance(case.get("text"), str) or not case["text"].strip():
            problems.append(f"{where}: text must be a non-empty string")
        if not isinstance(case.get("crisis"), bool):
            problems.append(f"{where}: crisis must be true or false")
        kind, form = case.get("kind"), case.get("form")
        if kind in CRISIS_KINDS or kind == NON_ENGLISH_CRISIS:
            if case.get("crisis") is not True:
                problems.append(f"{where}: kind {kind} is a crisis kind but crisis is not true")
        elif kind in NEGATIVE_KINDS:
            if case.get("crisis") is not False:
                problems.append(f"{where}: kind {kind} is a negative kind but crisis is not false")
        else:
            problems.append(f"{where}: unknown kind {kind!r}")
        if form not in FORMS:
            problems.append(f"{where}: unknown form {form!r}")
        recent = case.get("recent")
        if recent is not None and not (
            isinstance(recent, list) and all(isinstance(entry, str) and entry.strip() for entry in recent)
        ):
            problems.append(f"{where}: recent must be a list of non-empty strings")
        if form == "context" and not (recent and 1 <= len(recent) <= 3):
            problems.append(f"{where}: a context case needs 1-3 recent entries")
        if form == "long-entry" and not 150 <= len(case["text"].split()) <= 300:
            problems.append(f"{where}: a long entry has 150-300 words")
    assert not problems, "\n".join(problems)

    english_crisis = [case for case in CASES if case["kind"] in CRISIS_KINDS]
    negatives = [case for case in CASES if case["kind"] in NEGATIVE_KINDS]
    assert len(english_crisis) >= 220
    assert len(negatives) >= 220
    assert len(_of_kind("means-seeking")) >= 40
    for kind in (*CRISIS_KINDS, *NEGATIVE_KINDS, NON_ENGLISH_CRISIS):
        assert _of_kind(kind), f"no cases of kind {kind}"


def test_check_takes_recent_entries():
    """The contract: check(text, recent=()) where recent is the person's recent entries."""
    parameter = inspect.signature(safety.check).parameters.get("recent")
    assert parameter is not None, (
        "kit.safety.crisis.check has no `recent` parameter (recent: Sequence[str] = ())"
    )
    assert parameter.default is not inspect.Parameter.empty and len(parameter.default) == 0


# --- recall on crisis, flagged rate on hard negatives -----------------------------------------------------


@pytest.mark.parametrize("kind", CRISIS_KINDS)
def test_recall_per_crisis_kind(kind):
    cases = _of_kind(kind)
    missed = [case for case in cases if not _report(case).crisis]
    recall = 1 - len(missed) / len(cases)
    assert recall >= RECALL_FLOOR[kind], (
        f"{kind}: recall {recall:.2f} ({len(cases) - len(missed)}/{len(cases)}), needs {RECALL_FLOOR[kind]} "
        f"(target {TARGET_RECALL}). "
        f"Missed by form: {_by_form(missed)}. Missed texts:\n" + "\n".join(_shown(case) for case in missed)
    )


@pytest.mark.parametrize("kind", NEGATIVE_KINDS)
def test_flagged_rate_per_negative_kind(kind):
    cases = _of_kind(kind)
    flagged = [case for case in cases if _report(case).crisis]
    rate = len(flagged) / len(cases)
    assert rate <= FLAGGED_MAX_PER_KIND, (
        f"{kind}: flagged {rate:.2f} ({len(flagged)}/{len(cases)}), at most {FLAGGED_MAX_PER_KIND}. "
        f"Flagged by form: {_by_form(flagged)}. Flagged texts:\n"
        + "\n".join(_shown(case) for case in flagged)
    )


def test_flagged_rate_over_all_negatives():
    cases = [case for case in CASES if case["kind"] in NEGATIVE_KINDS]
    flagged = [case for case in cases if _report(case).crisis]
    rate = len(flagged) / len(cases)
    per_kind = Counter(case["kind"] for case in flagged)
    assert rate <= FLAGGED_MAX_OVERALL, (
        f"hard negatives: flagged {rate:.3f} ({len(flagged)}/{len(cases)}), at most {FLAGGED_MAX_OVERALL}. "
        f"Flagged by kind: {dict(per_kind.most_common())}. Flagged texts:\n"
        + "\n".join(f"{_shown(case)}  <{case['kind']}>" for case in flagged)
    )


# --- same answer every time -----------------------------------------------------------------------------


def _essence(report: Any) -> tuple[Any, ...]:
    return (report.crisis, tuple(report.reasons), tuple(getattr(report, "notes", ()) or ()))


def test_check_is_deterministic():
    """All cases checked twice (the second time in reverse order) give identical results."""
    first = [_essence(_check(case)) for case in CASES]
    second = [_essence(_check(case)) for case in reversed(CASES)][::-1]
    differ = [case for case, a, b in zip(CASES, first, second, strict=True) if a != b]
    assert not differ, f"{len(differ)} cases changed between two runs:\n" + "\n".join(
        _shown(case) for case in differ
    )


# --- what the person is told -----------------------------------------------------------------------------


def test_non_english_entries_get_a_note_that_the_check_reads_english():
    cases = [case for case in CASES if case["kind"] in ("non-english", NON_ENGLISH_CRISIS)]
    without = []
    for case in cases:
        notes = getattr(_report(case), "notes", None)
        assert isinstance(notes, (list, tuple)), "SafetyReport.notes should be a list of plain-language notes"
        if not any(isinstance(note, str) and "english" in note.lower() for note in notes):
            without.append(case)
    assert not without, (
        f"{len(without)}/{len(cases)} entries in other languages got no note mentioning English:\n"
        + "\n".join(_shown(case) for case in without)
    )


def _reason_problems(reasons: Any) -> list[str]:
    if not isinstance(reasons, list) or not reasons:
        return ["no reasons given"]
    problems = []
    for reason in reasons:
        if not isinstance(reason, str) or not re.search(r"[^\W\d_]", reason):
            problems.append(f"not words: {reason!r}")
            continue
        lowered = reason.lower()
        if re.search(r"\d", reason):
            problems.append(f"has a digit: {reason!r}")
        if any(word in lowered for word in _TECHNICAL):
            problems.append(f"technical or a score: {reason!r}")
        if re.search(r"[_=<>{}\[\]|\\#%]", reason):
            problems.append(f"not plain words: {reason!r}")
    return problems


@pytest.mark.parametrize("kind", (*CRISIS_KINDS, NON_ENGLISH_CRISIS))
def test_every_flagged_case_has_plain_reasons(kind):
    """The person sees why: plain words, never a number or a score. (Recall is the tests above; this one is
    about the wording of what is flagged.)"""
    failures = []
    flagged = [case for case in _of_kind(kind) if _report(case).crisis]
    for case in flagged:
        problems = _reason_problems(_report(case).reasons)
        if problems:
            failures.append(f"{_shown(case)}\n      {'; '.join(problems)}")
    assert not failures, f"{kind}: {len(failures)} cases without plain reasons:\n" + "\n".join(failures)
