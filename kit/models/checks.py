"""Checks on a model's words before anyone sees them; used by the reflection flows.

A model is not trusted with facts about the person's journal: every name, place and number it writes must
occur in the entries it cites, every citation must exist, it gives no advice and no diagnosis, and it ends
with one or two open questions. The same check runs on every backend.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kit.text import STOP_WORDS, sentences, stem

# Citations look like [E1], [E2, E5] — short handles the prompt gives to the entries it includes.
CITATION = re.compile(r"\[\s*(E\d+(?:\s*[,;]\s*E\d+)*)\s*\]")
_HANDLE = re.compile(r"E\d+")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?![\w])")
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z'’-]+\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*•>]\s*)?|[\"“(]\s*)([A-Z][a-zA-Z'’-]*)")
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "hundred", "dozen",
}  # fmt: skip

_COUNTED = re.compile(
    r"\b(" + "|".join(sorted(_NUMBER_WORDS)) + r")\s+(?:more\s+|fewer\s+|whole\s+)?"
    r"(?:hours?|minutes?|days?|nights?|weeks?|months?|years?|times?|km|miles?|kilos?|kg|entries|entry|people|"
    r"friends?|kids?|children|drinks?|pills?|euros?|dollars?|pounds?|steps?|laps?|pages?|sessions?)\b",
    re.IGNORECASE,
)

# Capitalised words a summary may use without the entries naming them.
COMMON_CAPITALS = frozenset(
    """
    I I'm I've I'd I'll AI Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December What How Why When Where Which Who Whose Whom
    This That These Those There Here It Its In On At For With From By Of And But Or So If As Across Over
    During After Before Since Until While Some Many Several Most Both Each Every All One Two Three Four Five
    Your You You're You've Yours Their They Them We Our It's There's Mood Theme Themes Entry Entries
    Journal Worksheet Week Weeks Month Today Yesterday Overall Also Often Sometimes Several Looking Reading
    Across Around Perhaps Maybe Notice Noticing Noted Another Other Something Anything Nothing Let Lets
    CBT DBT ACT Evidence Situation Balanced Automatic Hot Thought Thoughts Emotions Feelings
    """.split()
)

ADVICE = [
    r"\byou (?:really )?(?:should|must|need to|ought to|have to|gotta)\b",
    r"\b(?:i|we) (?:would )?(?:recommend|suggest|advise)\b",
    r"\bmy (?:advice|recommendation|suggestion)\b",
    r"\b(?:try|make sure|remember) to\b",
    r"\bconsider (?:\w+ing)\b",
    r"\bit(?:'s| is) (?:important|essential|crucial|vital) (?:to|that you)\b",
    r"\b(?:don't|do not) forget to\b",
    r"\bthe (?:best|right) (?:thing|way) (?:to do |for you )?is\b",
    r"^(?:try|take|go|stop|start|avoid|practice|practise|remember|write|call|talk)\b",
]
DIAGNOSIS = [
    r"\byou (?:have|suffer from|are suffering from|(?:might|may|could) have|probably have)\b[^.?!]{0,30}"
    r"\b(?:depression|anxiety|disorder|ptsd|adhd|ocd|bpd|bipolar|autism|trauma|syndrome|insomnia)",
    r"\b(?:sounds?|seems?|looks?) like (?:you have )?[^.?!]{0,20}\b(?:depression|disorder|ptsd|adhd|ocd|bpd|bipolar|"
    r"clinical|burnout syndrome)",
    r"\byou (?:are|seem|sound|appear) (?:clinically |severely )?(?:depressed|bipolar|manic|psychotic|"
    r"narcissistic|autistic|traumati[sz]ed|codependent)\b",
    r"\bdiagnos",
    r"\bsymptoms? of\b",
]
_ADVICE = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in ADVICE]
_DIAGNOSIS = [re.compile(p, re.IGNORECASE) for p in DIAGNOSIS]
OPEN_STARTS = (
    "what",
    "how",
    "why",
    "when",
    "where",
    "which",
    "who",
    "in what",
    "to what",
    "if ",
    "looking back",
)
CLOSED_STARTS = (
    "do ", "does ", "did ", "is ", "are ", "was ", "were ", "have ", "has ", "had ", "can ", "could ",
    "will ", "would ", "should ", "shall ", "may ", "might ", "isn't", "aren't", "don't", "didn't",
)  # fmt: skip


@dataclass(frozen=True)
class CheckResult:
    """Whether a model's text may be shown, and each reason it may not."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.ok


def _norm(text: str) -> str:
    return text.replace("’", "'").lower()


def _questions(text: str) -> list[str]:
    """The question sentences at the end of the text (after the last sentence that is not a question)."""
    body = CITATION.sub("", text).strip()
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    tail: list[str] = []
    for sentence in reversed(sentences):
        if not sentence.endswith("?"):
            break
        tail.append(sentence)
    return list(reversed(tail))


def _question_sentences(prose: str) -> list[str]:
    """Every sentence of the text that asks something."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", prose) if s.strip().endswith("?")]


def _is_open(question: str) -> bool:
    q = question.lower().lstrip('*_-•> "“')
    if q.startswith(CLOSED_STARTS):
        return False
    return q.startswith(OPEN_STARTS) or " what " in f" {q} " or " how " in f" {q} "


def check_output(
    text: str,
    entries: Mapping[str, str],
    *,
    context: str = "",
    require_citation: bool = True,
    max_questions: int = 2,
    mode: str = "summary",
) -> CheckResult:
    """Check a model's text against the entries it was given.

    ``entries`` maps each handle the prompt used ("E1", "E2", …) to that entry's text; ``context`` is other
    text computed from the entries (dates, the digest) whose numbers and names may be repeated. In the coach
    modes (``questions``, ``counter-perspective``) the text must also leave the work to the person: no filled-in
    worksheet field, no verdict on a thought; ``questions`` allows one explaining sentence and open questions.
    """
    problems: list[str] = []
    cited: list[str] = []
    for match in CITATION.finditer(text):
        cited.extend(_HANDLE.findall(match.group(1)))
    unknown = sorted({c for c in cited if c not in entries}, key=lambda h: int(h[1:]))
    if unknown:
        problems.append(f"cites entries that do not exist: {', '.join(unknown)}")
    if require_citation and not cited:
        problems.append("cites no entry")

    cited_known = [c for c in dict.fromkeys(cited) if c in entries]
    sources = [entries[c] for c in cited_known] or list(entries.values())
    haystack = _norm(" ".join(sources) + " " + context)
    prose = CITATION.sub(" ", text)

    starts = {m.start(1) for m in _SENTENCE_START.finditer(prose)}
    haystack_words = set(re.findall(r"[a-z]+", haystack))
    for m in _CAPITALISED.finditer(prose):
        word = re.sub(r"['’]s$", "", m.group(0)).strip("'’-")
        if word in COMMON_CAPITALS:
            continue
        if m.start() in starts and not _looks_like_name(word, haystack_words):
            continue  # an ordinary word that happens to start a sentence
        if _norm(word) not in haystack:
            problems.append(f"names {word!r}, which is not in the cited entries")
    for m in _NUMBER.finditer(prose):
        if m.group(0) not in haystack:
            problems.append(f"states the number {m.group(0)}, which is not in the cited entries")
    # A number word is a claim when it counts something measurable ("twelve km", "three entries"); as a
    # figure of speech ("two threads run through…") it is the writer's own framing.
    for m in _COUNTED.finditer(prose):
        word = m.group(1)
        if word.lower() not in haystack:
            problems.append(f"states the number {word!r}, which is not in the cited entries")

    problems += _first_hit(_ADVICE, prose, "gives advice")
    problems += _first_hit(_DIAGNOSIS, prose, "sounds like a diagnosis")

    problems.extend(does_the_work(text))  # in every mode; the coach modes are written to invite it least
    for question in _question_sentences(prose):
        problems.extend(ungrounded(question, sources))
    if mode == "questions":
        problems.extend(only_questions(text))
        return CheckResult(ok=not problems, problems=list(dict.fromkeys(problems)), cited=cited_known)
    questions = _questions(text)
    if not questions:
        problems.append("does not end with an open question")
    elif len(questions) > max_questions:
        problems.append(f"ends with {len(questions)} questions (at most {max_questions})")
    elif not any(_is_open(q) for q in questions):
        problems.append("ends with a yes/no question, not an open one")
    return CheckResult(ok=not problems, problems=list(dict.fromkeys(problems)), cited=cited_known)


_ORDINARY = frozenset(
    """
    a about after again all also although always an and another any anyway are as at back be because been
    before being both but by can could did do does during each either even ever every few first for from had
    has have having he her here his how however i if in instead into is it its just last later let like
    many may maybe me meanwhile more most much my never next no not now of often on once one only or other
    our out over perhaps rather really same she should since so some sometimes still such than that the
    their them then there these they this those though through thus to today together too two under until
    up us very was we well were what when where whether which while who why will with within without would
    yet you your
    """.split()
)


def _looks_like_name(word: str, haystack_words: set[str]) -> bool:
    """Whether a capitalised word at a sentence start may be a name the entries do not contain.

    Errs towards flagging (a flagged text is retried or replaced by the digest, never shown wrong): only
    function words, words with common English endings, and words sharing their first letters with a word of
    the entries ("Sleep" for "slept") pass.
    """
    w = word.lower()
    if w in _ORDINARY or len(w) <= 2:
        return False
    if any(h.startswith(w[:3]) for h in haystack_words if len(h) >= 3):
        return False
    return not re.search(r"(ing|ed|ly|ness|ment|tion|sion|ful|less|ous|ive|ies)$", w)


# ---------------------------------------------------------------- coach modes: leave the work to the person

# Worksheet fields of the kit's templates; a line that starts with one, then a colon, fills it in.
FIELDS = (
    "situation", "emotions?", "feelings?", "automatic thoughts?", "hot thought", "evidence for", "evidence against",
    "balanced thought", "alternative thought", "re-?rated emotions?", "outcome", "thinking traps?", "values?",
    "committed action", "barriers?", "willingness", "urges?", "skills used", "wish", "obstacle", "plan",
    "rigid belief", "open-minded alternative", "activity", "mastery", "pleasure",
)  # fmt: skip
FILLS = [
    r"^\s*[-*•]?\s*\**(?:" + "|".join(FIELDS) + r")\**\s*[:=]",
    r"\b(?:your|a|the|one|an) (?:more )?(?:balanced|alternative|helpful|realistic|open-minded) (?:thought|belief|"
    r"view)(?: here)? (?:is|could be|might be|would be)\b",
    r"\bevidence (?:for|against)(?: (?:it|this|that|the thought))? (?:is|could be|might be|would be|includes)\b",
    r"\byou could (?:write|put|say|answer|rate|list)\b",
    r"\bhere(?:'s| is) (?:a|an|your|one) (?:balanced|alternative|possible|example|answer|reframe|version)\b",
    r"\b(?:i'd|i would) (?:rate|write|put|answer)\b",
    r"\brate (?:it|this|that|your \w+) (?:at|as|a) \d",
    r"\bthe answer (?:is|would be)\b",
]
VERDICTS = [
    r"\b(?:this|that|it|your thought) (?:is|was|sounds like|looks like|seems like) (?:a |an |classic |clearly )?"
    r"(?:catastrophi[sz]ing|mind[- ]reading|fortune[- ]telling|black[- ]and[- ]white|all[- ]or[- ]nothing|"
    r"overgenerali[sz]ation|personali[sz]ation|emotional reasoning|labell?ing|a cognitive distortion|"
    r"a thinking trap|irrational|a distortion|not true|true|rational|unrealistic)\b",
    r"\byou(?:'re| are) (?:right|wrong|correct|overreacting|being irrational)\b",
]
_FILLS = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in FILLS]
_VERDICTS = [re.compile(p, re.IGNORECASE) for p in VERDICTS]


def does_the_work(text: str) -> list[str]:
    """Why a coach's text takes over the person's work — fills a worksheet field or gives a verdict (empty if not)."""
    prose = CITATION.sub(" ", text)
    return _first_hit(_FILLS, prose, "fills in the worksheet") + _first_hit(
        _VERDICTS, prose, "gives a verdict on a thought"
    )


def _first_hit(patterns: list[re.Pattern[str]], prose: str, problem: str) -> list[str]:
    """The problem, quoting the words that show it, for the first pattern that matches (else nothing)."""
    for pattern in patterns:
        hit = pattern.search(prose)
        if hit:
            return [f"{problem} ({hit.group(0).strip()!r})"]
    return []


def only_questions(text: str, max_questions: int = 3) -> list[str]:
    """In ``questions`` mode: at most one explaining sentence, then open questions only."""
    body = CITATION.sub("", text).strip()
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip().strip("-*•")]
    statements = [s for s in sentences if not s.endswith("?")]
    questions = [s for s in sentences if s.endswith("?")]
    problems = []
    if len(statements) > 1 or (statements and sentences[0] not in statements):
        problems.append("says more than questions")
    if not questions:
        problems.append("asks no question")
    elif len(questions) > max_questions:
        problems.append(f"asks {len(questions)} questions (at most {max_questions})")
    elif not all(_is_open(q) for q in questions):
        problems.append("asks a yes/no question, not an open one")
    return problems


# ---------------------------------------------------------------- a question claims only what the entries say

# Words a question may use without the entry using them: how a question is built and the words of reflecting
# itself ("What did you notice in that moment?"). Everything else a question says — who, what, where, which
# feeling — is a claim about the person's life, and must be the person's own word. A closed list, kept short on
# purpose: a good question the list does not cover is replaced by a bank question, never shown with a claim.
QUESTION_FRAME = STOP_WORDS | frozenset(
    """
    whats hows whos wheres whens youd youve youll hadnt havent arent werent doesnt wouldnt shouldnt else
    might must shall may part parts side sides moment moments way ways sense take takes took taking taken
    feel feels felt feeling feelings think thinks thinking thought thoughts notice notices noticed noticing
    look looks looked looking see sees saw seen seeing mean means meant meaning matter matters mattered
    important stand stands stood help helps helped helping helpful change changes changed changing different
    differently hope hopes hoped hoping wish wishes wished learn learns learned learnt learning understand
    understood understanding remember remembers remembered remembering reflect reflecting reflection mind
    believe believes believed belief strongly closely least better most getting gets given give gives gave
    show shows showed shown tell tells telling told happen happens happened happening experience experienced
    true right enough own someone anyone everyone else whether stay stays stayed stick sticks stuck
    entry entries journal write writes wrote written writing read reads reading word words
    compare compares compared comparing others tie ties tied together connect connects connected common link
    links linked within without across among beyond toward towards
    """.split()
)
_Q_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*")
# Words inside a phrase: "the walk with your manager" claims the two belong together, as "the manager's walk" does.
_LINKS = frozenset(
    "of with to at in on about during for from after before the a an your my his her their our".split()
)


def _key(word: str) -> str:
    """What two forms of one word share: the kit's stem, less a final e ("hope", "hoping" -> "hop")."""
    key = stem(word)
    return key[:-1] if len(key) > 3 and key.endswith("e") else key


def _same_word(key: str, keys: set[str]) -> bool:
    """Whether a word's key is among ``keys``, or one of them is the same word with a short ending more or
    less ("argued" for "argument"; never "rest" for "restaurant")."""
    if key in keys:
        return True
    return any(
        len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 4
        for k in keys
        for short, long in ((k, key), (key, k))
    )


def _tokens(text: str) -> list[str]:
    out = []
    for tok in _Q_TOKEN.findall(text.lower().replace("’", "'")):
        out.append(tok[:-2] if tok.endswith("'s") else tok.replace("'", ""))
    return out


def _phrases(question: str) -> list[list[str]]:
    """The runs of content words in a question ("manager's attention" is one run), each as a list of words."""
    runs: list[list[str]] = [[]]
    for tok in _tokens(question):
        if tok in _LINKS and runs[-1]:
            continue
        if tok in QUESTION_FRAME or len(tok) < 2 or tok.isdigit():
            runs.append([])
        else:
            runs[-1].append(tok)
    return [run for run in runs if run]


def ungrounded(question: str, sources: list[str]) -> list[str]:
    """Why a question says more than ``sources`` (the entries it may draw on) do; empty when it does not.

    Every content word of the question must be a word of the entries (in any form: "walks", "walked"), and the
    words of one phrase ("the manager's attention") must occur together, in one sentence of one entry."""
    entry_sentences = [{_key(t) for t in _tokens(s)} for text in sources for s in sentences(text)]
    known = set().union(*entry_sentences) if entry_sentences else set()
    runs = _phrases(question)
    missing = list(dict.fromkeys(w for run in runs for w in run if not _same_word(_key(w), known)))
    if missing:
        shown = ", ".join(repr(w) for w in missing)
        return [f"asks about {shown}, which the entries do not mention"]
    for run in runs:
        keys = {_key(w) for w in run}
        if len(keys) > 1 and not any(
            all(_same_word(k, sentence) for k in keys) for sentence in entry_sentences
        ):
            return [f"asks about {' '.join(run)!r}, which the entries do not put together"]
    return []
