"""Words and sentences as the kit reads them: tokens, stems, sentences, plurals, and a first guess at the language.

Everything here is plain string work with no model, shared by the digest, the banks, the glossary checks, the
crisis check and the charts, so that each reads text the same way.
"""

from __future__ import annotations

import re

# Standard English stop words plus journaling words that name no topic (without them the sleep theme was
# labelled "feeling · slept · day").
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each even ever every few for from further
    get got had has have having he her here hers herself him himself his how i if in into is it its itself just
    let like me more most much my myself no nor not now of off on once only or other our ours ourselves out over
    own really same she should so some still such than that the their theirs them themselves then there these
    they this those through to too under until up upon us very was we were what when where which while who whom
    why will with would yet you your yours yourself yourselves one two three im ive id dont didnt cant couldnt
    wasnt isnt wont youre thats its lot lots bit kind maybe way back around again though
    felt feel feeling feelings today yesterday tonight tomorrow went go going thing things day days week weeks
    morning evening night time times good bad okay ok pretty quite something anything everything nothing
    made make makes making think thought know knew said say says want wanted need needed tried try trying
    seem seems seemed keep kept came come first last next new another many little big long
    """.split()
)
# The words a question about a journal is made of when it names no topic ("what did I write?", "anything
# about me?"): a closed list, kept small on purpose. A query of only these (once its dates are taken out) asks for
# every entry of its period, not for entries close in meaning to "what did I write" — with the real embedder no
# entry is close to that, and the relevance cut-off would leave nothing.
FILLER_WORDS = frozenset(
    """
    a about all an and any anything are did do does entries entry ever everything for from had happen happened
    has have how i i'd i've in is journal journaled journalled log logged me my notes of on say said show so
    something tell that the there this to up was were what whatever when which write writing written wrote
    """.split()
)
_QUERY_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def names_no_topic(query: str) -> bool:
    """True when ``query`` holds no word outside FILLER_WORDS ("what did I write about?", "", "?")."""
    return all(w.replace("’", "'") in FILLER_WORDS for w in _QUERY_WORD.findall(query.lower()))


_SENTENCE_END = re.compile(r"(?<![0-9][.])(?<=[.!?])\s+(?=[\"“'A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Split into sentences without breaking numbered lists ("1. Tea") or decimals."""
    parts: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)", text):
        parts.extend(p.strip() for p in _SENTENCE_END.split(block.strip()) if p.strip())
    return parts


def stem(word: str) -> str:
    """A word's crude stem (\"worries\" -> \"worry\", \"walking\" -> \"walk\")."""
    # Crude on purpose: both sides of every comparison go through it, so it only has to be consistent.
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 entry``, ``2 entries``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


_FUNCTION_WORDS = {
    "en": "the and of to in is was it that my with for on but not this have had be at so i me we you they "
    "im dont its been just what when about all like would could an if are do does your you're will after",
    "de": "der die das und ist nicht ich mich mir zu den mit sich auf für ein eine auch es war wie aber "
    "habe heute nach mehr einfach schon manchmal wieder sehr",
    "es": "el la los las y que de en un una es no por con para lo pero mi me se muy estoy fue ya quiero "
    "todos sin hoy fui tengo también cuando porque nada del al más mañana",
    "fr": "le la les et est je ne pas un une des du que qui dans pour avec mais mon me suis très ai plus "
    "au ma aujourd'hui j'ai c'est",
    "it": "il lo la gli le e che di non un una per con sono mi ma mio molto ho è della oggi",
    "pt": "o a os as e que de não um uma para com em eu me meu muito mas foi estou hoje",
    "nl": "de het een en is niet ik mij met voor op van maar dat was ook zijn",
    "pl": "nie się że jest jak ale mnie mi jestem było tak już bardzo czy dzisiaj mój moja ze w na z "
    "byłam byłem dziś",
    "sv": "och att det som är jag inte på med för en av till har den var men mig mitt",
}
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_OTHER_WORDS = frozenset().union(*(v for k, v in _WORD_SETS.items() if k != "en"))
_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f¿¡]")


# The share of entries not in English from which the kit suggests the multilingual embedder.
MANY_NOT_ENGLISH = 0.2
SWITCH = "set KIT_EMBED=multilingual and run `reflect index --rebuild`"


def suggestion(not_english: int, total: int) -> str | None:
    """What to say when ``not_english`` of ``total`` entries are not in English, or None when that is not many."""
    if total <= 0 or not_english / total < MANY_NOT_ENGLISH:
        return None
    return (
        f"{not_english} of {total} entries ({not_english / total:.0%}) do not look like English, and the default "
        f"embedder is English-first — to search them in their own language, {SWITCH}"
    )


def looks_english(text: str) -> bool:
    """False only with evidence of another language: a non-Latin script, more of another language's function
    words than of English ones, or accented letters where English function words are missing. The embedded
    model and the crisis check are English-first."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters) > 0.3:
        return False
    words = {w.strip('.,;:!?"()«»¿¡').lower().replace("\u2019", "'") for w in text.split()}
    words = {w for w in words if len(w) > 1}
    # Words of both languages ("me", "no", "de") are evidence for neither.
    english = len(words & (_WORD_SETS["en"] - _OTHER_WORDS))
    other = max(len(words & (vocab - _WORD_SETS["en"])) for lang, vocab in _WORD_SETS.items() if lang != "en")
    accented = len(_ACCENTED.findall(text))
    if other > english + 1 or (other >= 1 and english == 0 and (accented or other >= 2)):
        return False
    return not (accented >= 2 and other >= english)
