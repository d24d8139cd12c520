"""Queries about good or bad days: which way a query leans, decided here from one small list of phrasings.

A search for "a good day at work" should not bring back the worst day at work just because both are about work.
When a query asks about good days (pride, relief, things going well) or bad ones (a hard time, a rough day), the
search uses the mood the person recorded with their entries (0–10). The lists are short and plain on purpose: a
word that only sometimes means a mood ("low", "down", "fine") is left out, and a phrase after "not"/"never"/
"wasn't"… counts the other way.
"""

from __future__ import annotations

import re
from typing import Literal

Direction = Literal["good", "bad"]

GOOD_PHRASES = (
    "good day",
    "good days",
    "great day",
    "great days",
    "best day",
    "best days",
    "happy day",
    "lovely day",
    "nice day",
    "good time",
    "good times",
    "great time",
    "good week",
    "good moment",
    "good moments",
    "high point",
    "highlight",
    "highlights",
    "went well",
    "going well",
    "go well",
    "happy",
    "happiest",
    "joy",
    "joyful",
    "proud",
    "pride",
    "relief",
    "relieved",
    "celebrate",
    "celebrated",
    "wonderful",
)
BAD_PHRASES = (
    "bad day",
    "bad days",
    "worst day",
    "worst days",
    "hard day",
    "hard days",
    "rough day",
    "rough days",
    "tough day",
    "tough days",
    "difficult day",
    "difficult days",
    "awful day",
    "terrible day",
    "bad time",
    "hard time",
    "hard times",
    "rough time",
    "tough time",
    "difficult time",
    "bad week",
    "hard week",
    "rough week",
    "low point",
    "went wrong",
    "went badly",
    "struggle",
    "struggled",
    "struggling",
    "miserable",
    "saddest",
    "upset",
    "overwhelmed",
)
# On the 0–10 mood scale, a day rated below the middle is not a good day, and one above it is not a bad day.
MIDDLE = 5.0

_NEGATIONS = {"not", "never", "no", "wasn't", "isn't", "weren't", "didn't", "don't", "hardly"}
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


_GOOD = [tuple(p.split()) for p in GOOD_PHRASES]
_BAD = [tuple(p.split()) for p in BAD_PHRASES]


def mood_direction(query: str) -> Direction | None:
    """``"good"`` or ``"bad"`` when the query asks about good or bad days, else None (also when it asks both)."""
    words = _tokens(query)
    leans: set[Direction] = set()
    for direction, phrases in (("good", _GOOD), ("bad", _BAD)):
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) == phrase:
                    # "not a good day": a negation up to two words before the phrase turns it round.
                    negated = any(w in _NEGATIONS or w.endswith("n't") for w in words[max(0, i - 2) : i])
                    turned: Direction = "bad" if direction == "good" else "good"
                    leans.add(turned if negated else direction)  # type: ignore[arg-type]
    return leans.pop() if len(leans) == 1 else None


def fits(direction: Direction, mood: float) -> bool:
    """Whether a recorded mood can belong to a good (or bad) day: not on the other side of the middle."""
    return mood >= MIDDLE if direction == "good" else mood <= MIDDLE


def note(direction: Direction) -> str:
    """The line that tells the person their recorded mood was used, and how."""
    if direction == "good":
        return (
            "Used your recorded mood: this asks about good days, so entries you rated below 5 are left out and "
            "higher-rated ones are ranked up."
        )
    return (
        "Used your recorded mood: this asks about hard days, so entries you rated above 5 are left out and "
        "lower-rated ones are ranked up."
    )
