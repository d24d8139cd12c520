"""Journal prompts chosen for the person: the bank's prompts for the themes of their recent entries.

Only theme labels are read — never a quote — and only the bank's own texts come back, so the person does the
writing. An entry of the period that reads like a crisis comes first: helplines and the safety plan, no prompt.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kit.content.bank import FOR_ME_DAYS, PersonalPrompt, personalised_prompts
from kit.errors import IndexMissing, JournalNotFound
from kit.index.store import Index
from kit.reflection.digest import digest
from kit.reflection.guard import _gate
from kit.reflection.provenance import _digest_ids
from kit.safety.wellbeing import CrisisDetected, crisis_message, find_safety_plan


def _since(since: date | datetime | str | None, days: int) -> date | datetime | str:
    return since if since is not None else date.today() - timedelta(days=days)


def personalised_from_journal(
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    n: int = 3,
    *,
    days: int = FOR_ME_DAYS,
    seed: int | None = None,
    journal: Path | str | None = None,
    index: Any = None,
) -> list[PersonalPrompt]:
    """Prompts for the themes of the journal's digest since ``since`` (default: the last ``days`` days).

    Reads the index as it is (IndexMissing when there is none); the result holds bank prompts and theme labels,
    never a word of an entry beyond its label.
    """
    d = digest(since=_since(since, days), until=until, journal=journal, index=index)
    return personalised_prompts(d.themes, n=n, seed=seed)


def for_me(
    n: int, *, seed: int | None = None, journal: Path | str | None = None, progress: bool = False
) -> tuple[list[PersonalPrompt], str | None]:
    """Prompts for the last two weeks' themes, or none and a one-line note saying why.

    The index is brought up to date first; an entry of the period that reads like a crisis raises
    CrisisDetected (helplines and the person's safety plan before any prompt)."""
    picked = "this prompt is" if n == 1 else "these prompts are"

    index = Index(journal=Path(journal).expanduser() if journal else None)
    try:
        index.collection()
        report = index.update(progress=progress)
    except IndexMissing:
        return [], f"Your journal has no index yet, so {picked} picked at random — `reflect index` makes one."
    except JournalNotFound:
        return [], f"There is no journal at {index.journal}, so {picked} picked at random."
    if report.new or report.changed or report.removed:
        print(f"reflect: index updated — {report}", file=sys.stderr)
    d = digest(since=_since(None, FOR_ME_DAYS), index=index)
    if not d.entries:
        return [], f"No entries in the last {FOR_ME_DAYS} days, so {picked} picked at random."
    report = _recent_crisis(index, d)
    if report is not None:
        raise CrisisDetected(report, crisis_message(find_safety_plan(index.journal)))
    found = personalised_prompts(d.themes, n=n, seed=seed)
    if not found:
        return [], f"Your recent themes match no topic in the bank, so {picked} picked at random."
    return found, None


def _recent_crisis(index: Any, d: Any) -> Any:
    """The crisis check's report when an entry of the period reads like a crisis (helplines before any
    prompt), else None."""
    ids = _digest_ids(d)
    docs = index.collection().get(ids=ids, include=["documents"])["documents"] if ids else []
    return _gate([doc or "" for doc in docs])
