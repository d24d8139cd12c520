"""How hard a text is to read: Flesch–Kincaid grade level with a small syllable heuristic, no dependency.

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59      (Kincaid et al. 1975)

The kit uses it to keep its own plain-language texts (the glossary, worksheet intros) near a reading age of
12. The syllable count is an estimate — vowel groups with the common English exceptions (silent final e,
-ed, -es, -le, acronyms spelled letter by letter) — good to about one grade on ordinary prose, which is all
a bound in a test needs. It is not a measure of whether a text is clear, kind or right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Stats", "grade", "reading_age", "stats", "syllables"]

# A word: letters with inner apostrophes or hyphens ("don't", "all-or-nothing"), or a number ("5", "3.5").
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+(?:[.,:]\d+)*")
# A sentence ends at . ! ? (with closing quotes/brackets) before the end of the text or before a word that
# does not start in lower case ("e.g. this" is one sentence), at a blank line, or where a list item starts.
_SENTENCE_END = re.compile(
    r"[.!?]+[\"'’”)\]]*(?=\s*$|\s+[^a-z\s])|[.!?]+[\"'’”)\]]*\s*\n|\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)"
)
_VOWELS = re.compile(r"[aeiouy]+")
# Endings where the vowel group count is one too low ("ide-a", "medi-a", "radi-o", "flu-id").
_EXTRA = re.compile(r"(?:[^aeiou]ia|ea[^aeiou]?$|ie[rt]$|iet|io(?:[^nu]|$)|ua|uo|[^aeiou]ya)")


@dataclass(frozen=True)
class Stats:
    """Counts behind a grade: words, sentences and (estimated) syllables."""

    words: int
    sentences: int
    syllables: int


def syllables(word: str) -> int:
    """Estimated syllables in one word (at least 1 for any word with a letter or digit; 0 for none)."""
    letters = re.sub(r"[^A-Za-z0-9]", "", word)
    if not letters:
        return 0
    if letters.isdigit():  # "5" is one syllable, "2026" about four; spoken numbers grow with their digits
        return max(1, len(letters))
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    if letters.isupper() and len(letters) > 1 and not _VOWELS.search(letters.lower()):
        return sum(3 if c == "W" else 1 for c in letters)  # "CBT", "DBT": spelled letter by letter
    w = letters.lower()
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w[1:] if w[0] == "y" else w))  # a leading y is a consonant: "yellow"
    if w.endswith("e") and not w.endswith(("le", "ee", "ie", "ye", "oe")) and count > 1:
        count -= 1  # silent final e: "make", "home"
    elif w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy" and count > 1:
        count -= 1  # "whole", "smile"
    elif w.endswith("ed") and not w.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "walked", "helped" (but "wanted", "needed")
    elif (
        w.endswith("es") and not w.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces")) and count > 1
    ):
        count -= 1  # "makes", "times" (but "boxes", "changes")
    count += len(_EXTRA.findall(w))
    if w.endswith(("tion", "sion", "cious", "tious", "cial", "tial")):
        count -= sum(1 for _ in _EXTRA.finditer(w[-5:]))  # "-tion" is one syllable, not two
    return max(1, count)


def stats(text: str) -> Stats:
    """Words, sentences and syllables in a text (all 0 for a text without words)."""
    words = _WORD.findall(text or "")
    if not words:
        return Stats(0, 0, 0)
    parts = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return Stats(len(words), max(1, len(parts)), sum(syllables(w) for w in words))


def grade(text: str) -> float:
    """Flesch–Kincaid grade level of a text, rounded to 2 decimals; 0.0 for empty text, never below 0."""
    s = stats(text)
    if not s.words:
        return 0.0
    value = 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59
    return round(max(0.0, value), 2)


def reading_age(text: str) -> float:
    """Approximate reading age in years: the grade plus 5 (US grade 1 is about age 6)."""
    return round(grade(text) + 5, 2)
