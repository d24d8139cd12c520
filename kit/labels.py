"""The words that mark what the kit shows: advice it is not, text an AI wrote, text the kit computed or curated.

Every place that shows or saves such text takes its label from here, so a reader meets the same words in a
notebook, a widget, the terminal and an exported packet.
"""

from __future__ import annotations

from datetime import date

DISCLAIMER = "Not medical or therapeutic advice."
AI_LABEL = "AI-written — it can be wrong, and it tends to agree with you; check it against people you trust."
AI_CHECKED_GLOSSARY = "AI-written, checked against the glossary"
AI_BOX = "AI-written — not the writer's words, not advice"
CURATED = "Curated text from the kit, based on the sources it names — not AI-written."
AI_REFLECTION = "AI-written reflection"
DIGEST_REFLECTION = "Digest computed from your entries"


def ai_header(model_name: str, backend_name: str) -> str:
    """The first line of every AI-written answer: the label, which model wrote it, and the disclaimer."""
    return f"**{AI_LABEL}** Written by {model_name} ({backend_name}). {DISCLAIMER}"


def digest_header() -> str:
    """The first line of a digest, which the kit computes from the entries without a model."""
    return f"Computed from your entries by the kit; no AI wrote the digest. {DISCLAIMER}"


def spoken_day(iso: str, today: date | None = None) -> str:
    """``2026-12-02`` as a person says it: ``2 Dec`` (``2 Dec 2025`` when it is not this year)."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    this_year = (today or date.today()).year
    return f"{day.day} {day:%b}" if day.year == this_year else f"{day.day} {day:%b} {day.year}"


def words_from(days: list[str], today: date | None = None) -> str:
    """Which entries an AI-written question's words were checked against ("words from your entry of 2 Dec").

    ``days``: the day of each entry the question was checked against, one per entry. Callers say what was
    checked ("uses only …"), and nothing more."""
    spoken = [spoken_day(d, today) for d in sorted(days)]
    distinct = list(dict.fromkeys(spoken))
    if not spoken:
        return "words from none of your entries"
    if len(spoken) == 1:
        return f"words from your entry of {spoken[0]}"
    if len(distinct) <= 3:
        listed = distinct[0] if len(distinct) == 1 else f"{', '.join(distinct[:-1])} and {distinct[-1]}"
        return f"words from your entries of {listed}"
    return f"words from {len(spoken)} of your entries, {distinct[0]} to {distinct[-1]}"


def checked_line(days: list[str], digest: bool) -> str:
    """What the kit checked in a capable model's text before showing it — exactly that, never more."""
    where = "your entries or the digest computed from them" if digest else "the entries it was given"
    return (
        f"Checked by the kit before it was shown: the names and numbers in it are in {where}, "
        f"and its questions use only {words_from(days)}."
    )
