"""The Entry value type, its identity and its content hash.

Identity and content are kept apart: an entry's ``id`` survives edits to its
text and differs for two entries with the same words; its ``content_hash`` changes exactly when what is
embedded changes.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kit.dates import EARLIEST_YEAR

log = logging.getLogger("kit")

ENTRY_TAG = "kit-entry"
REFLECTION_TAG = "kit-reflection"
# What an unanswered answer cell of a worksheet shows: a visible prompt for the person instead of JupyterLab's
# "Type Markdown and LaTeX" placeholder. It is never part of an entry's text (see ``answer_text``).
ANSWER_PROMPT = "_Your answer_"
_PROMPT_LINES = {ANSWER_PROMPT, "*Your answer*"}


@dataclass(frozen=True)
class Entry:
    """One journal entry as found in a notebook. ``notebook`` is relative to the journal folder."""

    id: str
    text: str
    created: datetime
    template: str
    field: str
    notebook: str
    cell_id: str
    mood: float | None = None
    private: bool = False
    output_index: int | None = None

    @property
    def searchable_text(self) -> str:
        """What gets embedded: the text without surrounding blank space."""
        return self.text.strip()

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def is_empty(self) -> bool:
        return not self.searchable_text


def content_hash(text: str) -> str:
    """Hash of what is embedded for an entry; equal hashes can share one vector."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:32]


def answer_text(source: str) -> str:
    """The person's words in an answer cell: its text without the kit's "_Your answer_" prompt line(s).

    An answer cell holding only the prompt is empty, and stays out of the index; a person who wrote under the
    prompt without deleting it keeps every word they wrote.
    """
    if not any(line.strip() in _PROMPT_LINES for line in source.splitlines()):
        return source
    return "\n".join(line for line in source.splitlines() if line.strip() not in _PROMPT_LINES).strip("\n")


def new_id() -> str:
    """A fresh id for an entry the kit creates (stored in ``metadata.kit.id``)."""
    return uuid.uuid4().hex


def derived_id(notebook: str, cell_id: str, output_index: int | None = None) -> str:
    """Stable id for an entry the person tagged by hand: from where it lives, never from its words."""
    key = f"{notebook}\x00{cell_id}\x00{'' if output_index is None else output_index}"
    return "d" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:31]


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _in(where: str) -> str:
    return f" ({where})" if where else ""


def parse_created(value: Any, fallback: datetime, where: str = "") -> datetime:
    """Read a ``created`` value (ISO date-time or date); naive times are local. Bad values, dates before 1900 and
    dates more than a year ahead fall back, with a warning naming ``where`` (the notebook and cell)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            log.warning(
                "created=%r%s is not an ISO date; using the notebook's modification time", value, _in(where)
            )
            return fallback
    else:
        return fallback
    if not EARLIEST_YEAR <= parsed.year <= date.today().year + 1:
        log.warning("created=%r%s is out of range; using the notebook's modification time", value, _in(where))
        return fallback
    return parsed if parsed.tzinfo else parsed.astimezone()


def parse_mood(value: Any, where: str = "") -> float | None:
    """Mood is 0–10; anything else is ignored (with a warning naming ``where``) rather than guessed."""
    if value is None or isinstance(value, bool):
        return None
    shown = value if not isinstance(value, int | float) or abs(value) < 1e12 else "a number too large"
    try:
        mood = float(value)
    except (TypeError, ValueError, OverflowError):
        log.warning("mood=%r%s is not a number from 0 to 10; ignored", shown, _in(where))
        return None
    if not 0 <= mood <= 10:
        log.warning("mood=%r%s is outside 0–10; ignored", shown, _in(where))
        return None
    return mood


def parse_private(value: Any) -> bool:
    """Anything that looks like yes counts as private: when in doubt, keep it out of the index."""
    if isinstance(value, str):
        return value.strip().lower() not in {"", "0", "false", "no", "off"}
    return bool(value)


def kit_metadata(
    *,
    entry_id: str,
    created: datetime,
    template: str,
    field: str,
    mood: float | None = None,
    private: bool = False,
) -> dict[str, Any]:
    """The ``metadata.kit`` block the kit writes for an entry cell."""
    meta: dict[str, Any] = {
        "id": entry_id,
        "created": created.isoformat(timespec="seconds"),
        "template": template,
        "field": field,
    }
    if mood is not None:
        meta["mood"] = mood
    if private:
        meta["private"] = True
    return meta
