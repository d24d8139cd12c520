"""Curated banks for therapy homework: journal prompts, values, pleasant activities and feeling words.

The kit helps with homework without doing it. "Give me a journal prompt about boundaries", "help me brainstorm
my values", "help me list activities I enjoy" are answered from texts the kit ships in ``kit/data/`` — written
for the kit, each item citing the published works whose ideas it draws on — and the person does the writing,
choosing and rating. No model is involved, and a prompt "for me" is picked by the themes of the person's own
digest without ever repeating what they wrote.
"""

from __future__ import annotations

import difflib
import functools
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from kit.content.data import Reference, read, reference
from kit.errors import ConfigError, UnknownTopic
from kit.text import STOP_WORDS, stem

CURATED_LABEL = "Prompt from the kit's curated bank — the writing is yours."
FILES = {
    "journal_prompts": "journal_prompts.json",
    "values": "values.json",
    "activities": "activities.json",
    "emotions": "emotions.json",
}
DEPTHS = ("light", "deeper")
EFFORTS = ("low", "medium", "high")  # in order: a filter means "at most this much"
COSTS = ("free", "low", "some")  # in order, as for effort
SOCIAL = ("alone", "with-others", "either")
SETTINGS = ("indoor", "outdoor", "either")
KINDS = ("mastery", "pleasure", "movement", "creative", "connection", "rest", "nature", "learning", "helping", "play")  # fmt: skip
INTENSITIES = ("low", "medium", "high")
FOR_ME_DAYS = 14

# Words people use for each topic. A topic's own name counts most; words in WEAK are so general ("feel") that
# they only decide when nothing more specific matched ("feeling grateful" is about gratitude).
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "relationships": ("relationship", "partner", "friend", "friendship", "family", "marriage", "married", "dating",
        "husband", "wife", "boyfriend", "girlfriend", "sister", "brother", "sibling", "mum", "mom", "mother", "dad",
        "father", "son", "daughter", "people", "love", "conflict", "argument", "argue", "fight", "break up",
        "breakup", "divorce", "forgive", "forgiveness", "trust"),
    "boundaries": ("boundary", "limit", "say no", "saying no", "people pleasing", "people pleaser", "assertive",
        "assertiveness", "personal space", "demands", "requests", "overstep", "dear man"),
    "values": ("value", "what matters", "matters to me", "meaning", "meaningful", "purpose", "principle",
        "care about", "priority"),
    "childhood": ("child", "kid", "growing up", "grew up", "young", "younger self", "inner child", "parents",
        "upbringing", "family of origin", "validation", "invalidation", "invalidated", "validated", "past"),
    "self-compassion": ("self kindness", "kind to myself", "kindness", "self criticism", "self critical",
        "inner critic", "critic", "self talk", "self love", "mistake", "failure", "failing", "perfectionism",
        "compassionate", "forgive myself", "self esteem", "self worth"),
    "anger": ("angry", "mad", "rage", "irritated", "irritation", "annoyed", "frustrated", "frustration",
        "resentment", "resentful", "furious", "temper"),
    "grief": ("grieving", "grieve", "loss", "lost someone", "death", "died", "dead", "bereavement", "bereaved",
        "mourning", "funeral", "passed away", "missing someone", "goodbye"),
    "work": ("job", "career", "boss", "manager", "colleague", "coworker", "office", "study", "studying", "exam",
        "school", "university", "college", "deadline", "report", "meeting", "project", "interview", "promotion",
        "unemployed", "burnout", "task", "shift"),
    "body-and-sleep": ("tired", "tiredness", "exhausted", "rest", "resting", "nap", "dream", "nightmare",
        "insomnia", "awake", "bed", "bedtime", "alarm", "health", "eating", "food", "meal", "exercise", "run",
        "running", "walk", "movement", "pain", "ill", "illness", "sick", "energy"),
    "gratitude": ("grateful", "thankful", "thanks", "thank", "appreciation", "appreciate", "blessing",
        "good things", "three good things"),
    "uncomfortable-emotions": ("emotion", "feeling", "feel", "mood", "sad", "sadness", "upset", "shame", "guilt",
        "guilty", "jealous", "jealousy", "hurt", "crying", "cry", "numb", "difficult emotions", "hard feelings",
        "emotional", "uncomfortable feelings",
        "depression", "depressed", "low mood", "feeling low", "empty", "hopeless"),
    "change-and-goals": ("change", "goal", "habit", "motivation", "plan", "future", "new year", "resolution",
        "progress", "decision", "decide", "stuck", "ready", "first step", "ambition",
        "procrastination", "procrastinate", "procrastinating", "hope", "hopeful", "next step"),
    "identity": ("who am i", "who i am", "self", "myself", "sense of self", "personality", "label", "culture",
        "background", "gender", "sexuality", "roots", "heritage"),
    "fears": ("fear", "afraid", "scared", "frightened", "fright", "phobia", "panic", "terror", "dread", "courage",
        "brave", "bravery", "safe", "safety", "nervous"),
    "joy": ("joyful", "happy", "happiness", "fun", "play", "laugh", "laughter", "delight", "pleasure", "enjoy",
        "enjoyment", "hobby", "music", "sing", "singing", "song", "choir", "dance", "dancing", "garden",
        "gardening", "art", "craft", "excited", "celebrate", "savour", "savor"),
    "loneliness-and-belonging": ("lonely", "loneliness", "alone", "isolated", "isolation", "belong", "connection",
        "connected", "community", "left out", "outsider", "fit in", "social", "welcome"),
    "stress-and-worry": ("stress", "stressed", "stressful", "worry", "worried", "anxious", "anxiety",
        "overwhelm", "overwhelmed", "pressure", "busy", "rushed", "money", "bills", "rent", "debt", "landlord",
        "housing", "overthinking", "ruminating", "tense", "tension", "calm", "relax"),
}  # fmt: skip
WEAK = frozenset({"feel", "feeling", "emotion", "mood", "self", "myself", "people", "past", "young", "ready"})
# Words that decide a topic whatever else is said: "my dad died" is about grief before it is about family.
STRONG = frozenset({"died", "death", "dead", "funeral", "passed away", "bereavement", "bereaved", "mourning"})
# Words that say nothing about a topic ("a journal prompt about …"), on top of the digest's stop words.
_QUERY_NOISE = frozenset("prompt prompts journal journaling write writing help give topic something".split())


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class JournalPrompt:
    """An open question or invitation to write; never advice."""

    id: str
    text: str
    topics: tuple[str, ...]
    depth: str  # "light" | "deeper"
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "topics": list(self.topics), "sources": list(self.sources)}

    def to_markdown(self) -> str:
        return f"**{self.text}**\n\n{CURATED_LABEL}"


@dataclass(frozen=True)
class PersonalPrompt:
    """A bank prompt picked because one of the person's recent themes matched it; ``theme`` is that label."""

    prompt: JournalPrompt
    theme: str
    topic: str | None  # the bank topic the theme matched, None when it matched the prompt's words

    def to_dict(self) -> dict[str, Any]:
        return {**self.prompt.to_dict(), "theme": self.theme, "matched_topic": self.topic}

    def to_markdown(self) -> str:
        return (
            f"**{self.prompt.text}**\n\nFor a theme in your recent entries: {self.theme}.\n\n{CURATED_LABEL}"
        )


@dataclass(frozen=True)
class Value:
    id: str
    name: str
    meaning: str
    domains: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "domains": list(self.domains), "sources": list(self.sources)}


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    effort: str
    cost: str
    social: str
    setting: str
    kind: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": list(self.kind), "sources": list(self.sources)}

    def describe(self) -> str:
        """Its tags in plain words: "low effort · free · alone or with others · indoors"."""
        return " · ".join(
            (
                f"{self.effort} effort",
                {"free": "free", "low": "costs a little", "some": "costs some money"}[self.cost],
                {"with-others": "with others", "either": "alone or with others"}.get(
                    self.social, self.social
                ),
                {"indoor": "indoors", "outdoor": "outdoors", "either": "indoors or out"}[self.setting],
            )
        )


@dataclass(frozen=True)
class EmotionWord:
    word: str
    family: str  # the family's id, e.g. "shame-guilt"
    intensity: str
    meaning: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------- loading


def _load(bank: str) -> dict[str, Any]:
    if bank not in FILES:
        raise ConfigError(f"there is no bank {bank!r} — use one of: {', '.join(FILES)}")
    return read(FILES[bank])


def version(bank: str = "journal_prompts") -> str:
    """The bank's version (changes whenever its texts do)."""
    return str(_load(bank)["version"])


def sources(bank: str) -> dict[str, Reference]:
    """The works a bank's items cite, by id."""
    return {s["id"]: reference(s) for s in _load(bank)["sources"]}


@functools.cache
def _prompts() -> tuple[JournalPrompt, ...]:
    return tuple(
        JournalPrompt(i["id"], i["text"], tuple(i["topics"]), i["depth"], tuple(i["sources"]))
        for i in _load("journal_prompts")["items"]
    )


def journal_prompts() -> list[JournalPrompt]:
    """Every prompt in the bank, in file order."""
    return list(_prompts())


def topics() -> list[str]:
    """The bank's topics, sorted."""
    return sorted({t for p in _prompts() for t in p.topics})


def _choice(name: str, value: str | None, allowed: Sequence[str]) -> str | None:
    if value is not None and value not in allowed:
        raise ConfigError(f"{name}={value!r} is not known — use one of: {', '.join(allowed)}")
    return value


def values(domain: str | None = None) -> list[Value]:
    """The values list (optionally only one life domain's), for the person to choose from."""
    items = [
        Value(i["id"], i["name"], i["meaning"], tuple(i["domains"]), tuple(i["sources"]))
        for i in _load("values")["items"]
    ]
    if domain is not None:
        _choice("domain", domain, sorted({d for v in items for d in v.domains}))
        items = [v for v in items if domain in v.domains]
    return items


def activities(
    effort: str | None = None,
    cost: str | None = None,
    social: str | None = None,
    setting: str | None = None,
    kind: str | None = None,
) -> list[Activity]:
    """Pleasant activities, filtered. Effort and cost are upper bounds ("low" effort: low only; "low" cost:
    free or low); an activity that works either alone or with others, indoors or out, fits both filters."""
    _choice("effort", effort, EFFORTS)
    _choice("cost", cost, COSTS)
    _choice("social", social, SOCIAL)
    _choice("setting", setting, SETTINGS)
    _choice("kind", kind, KINDS)
    out = []
    for i in _load("activities")["items"]:
        a = Activity(
            i["id"], i["name"], i["effort"], i["cost"], i["social"], i["setting"], tuple(i["kind"]),
            tuple(i["sources"]),
        )  # fmt: skip
        if effort and EFFORTS.index(a.effort) > EFFORTS.index(effort):
            continue
        if cost and COSTS.index(a.cost) > COSTS.index(cost):
            continue
        if social and a.social not in (social, "either"):
            continue
        if setting and a.setting not in (setting, "either"):
            continue
        if kind and kind not in a.kind:
            continue
        out.append(a)
    return out


def emotion_families() -> list[str]:
    """The ids of the emotion families ("anger", "shame-guilt", …)."""
    return [f["id"] for f in _load("emotions")["items"]]


def emotion_words(family: str | None = None, intensity: str | None = None) -> list[EmotionWord]:
    """Feeling words with a plain meaning each; ``family`` may be its id, its name or one word of it ("guilt")."""
    _choice("intensity", intensity, INTENSITIES)
    families = _load("emotions")["items"]
    if family is not None:
        wanted = family.strip().lower()
        families = [
            f for f in families
            if wanted in (f["id"], f["family"]) or wanted in set(re.findall(r"[a-z]+", f["family"])) - {"and"}
        ]  # fmt: skip
        if not families:
            raise ConfigError(f"family={family!r} is not known — use one of: {', '.join(emotion_families())}")
    return [
        EmotionWord(w["word"], f["id"], w["intensity"], w["meaning"])
        for f in families
        for w in f["words"]
        if intensity is None or w["intensity"] == intensity
    ]


# ---------------------------------------------------------------- matching topics


def _stems(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))]


@functools.cache
def _vocabulary() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """For each topic, its phrases as stems with a weight: the topic's name 3, its words 2, weak words 1."""
    vocab: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for topic in topics():
        name = tuple(s for s in _stems(topic) if s != "and")
        phrases = [
            (name, 3),
            *(
                (tuple(_stems(w)), 1 if w in WEAK else 4 if w in STRONG else 2)
                for w in TOPIC_WORDS.get(topic, ())
            ),
        ]
        phrases += [((s,), 3) for s in name if len(name) > 1 and s not in ("self",)]  # "sleep" alone
        best: dict[tuple[str, ...], int] = {}
        for phrase, weight in phrases:  # "feel" and "feeling" are one stem: count it once
            best[phrase] = max(weight, best.get(phrase, 0))
        vocab[topic] = list(best.items())
    return vocab


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> int:
    """Where ``phrase`` first occurs in ``tokens`` (-1 if it does not)."""
    n = len(phrase)
    return next((i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == phrase), -1)


def _score(tokens: list[str]) -> str | None:
    best: tuple[int, int, str] | None = None
    for topic, phrases in _vocabulary().items():
        score, first = 0, len(tokens)
        for phrase, weight in phrases:
            at = _contains(tokens, phrase)
            if at >= 0:
                score += weight * len(phrase)
                first = min(first, at)
        if score and (best is None or (-score, first, topic) < best):
            best = (-score, first, topic)
    return best[2] if best else None


def match_topic(text: str) -> str | None:
    """The bank topic a few words are about ("setting boundaries" → "boundaries"), allowing small typos;
    None when no topic name or topic word matches."""
    tokens = _stems(text)
    topic = _score(tokens)
    if topic is None:
        words = sorted(
            {s for phrases in _vocabulary().values() for p, _ in phrases for s in p if len(s) >= 4}
        )
        fixed = [
            (difflib.get_close_matches(t, words, n=1, cutoff=0.84) or [t])[0] if len(t) >= 5 else t
            for t in tokens
        ]
        topic = _score(fixed) if fixed != tokens else None
    return topic


def _theme_topic(phrases: Sequence[str]) -> str | None:
    """The topic of a theme's key phrases: exact words only (a phrase from a journal is not a typo), and no
    topic phrase may span two key phrases ("say · no" is not "say no")."""
    tokens: list[str] = []
    for phrase in phrases:
        tokens += [*_stems(phrase), "|"]
    return _score(tokens)


def _content_words(text: str) -> set[str]:
    noise = {stem(w) for w in STOP_WORDS | _QUERY_NOISE}
    return {s for s in _stems(text) if len(s) >= 3 and s not in noise}


def _by_words(text: str) -> list[JournalPrompt]:
    """The prompts sharing the most content words with ``text`` (the last resort for a topic)."""
    wanted = _content_words(text)
    scored = [(len(wanted & set(_stems(p.text))), i, p) for i, p in enumerate(_prompts())]
    top = max((s for s, _, _ in scored), default=0)
    return [p for s, _, p in scored if s and s == top]


def _pick(pool: list[JournalPrompt], n: int, rng: random.Random, exclude: set[str]) -> list[JournalPrompt]:
    # Having seen every prompt on a topic should not leave the person without one: start over.
    fresh = [p for p in pool if p.id not in exclude] or pool
    return rng.sample(fresh, min(n, len(fresh)))


def prompts(
    topic: str | None = None,
    n: int = 1,
    *,
    seed: int | None = None,
    exclude: Iterable[str] = (),
    depth: str | None = None,
) -> list[JournalPrompt]:
    """``n`` prompts about a topic (said in the person's words), or from the whole bank; same seed, same prompts.

    ``exclude`` holds ids already shown; when it would leave none, they are offered again. UnknownTopic when no
    topic name, topic word or prompt matches.
    """
    if n < 1:
        raise ConfigError(f"n={n} asks for no prompt — ask for 1 or more")
    _choice("depth", depth, DEPTHS)
    pool = list(_prompts())
    if topic is not None and topic.strip():
        found = match_topic(topic)
        pool = [p for p in pool if found in p.topics] if found else _by_words(topic)
        if not pool:
            raise UnknownTopic(
                f"no journal prompts about {topic.strip()!r} — pick a topic: {', '.join(topics())} "
                "(or leave the topic out for a random prompt)"
            )
    if depth is not None:
        pool = [p for p in pool if p.depth == depth] or pool
    return _pick(pool, n, random.Random(seed), set(exclude))


# ---------------------------------------------------------------- prompts for the person's own themes


def personalised_prompts(
    themes: Sequence[Any], n: int = 3, seed: int | None = None, *, exclude: Iterable[str] = ()
) -> list[PersonalPrompt]:
    """Bank prompts for the person's recent themes, each with the theme label it matched.

    ``themes`` are labels ("sleep · alarm") or digest Themes. Only the labels are read — never a quote — and
    only bank texts come back. Themes come first in the order given (a digest lists the biggest first); a theme
    that matches nothing is skipped, so fewer than ``n`` (or none) may come back.
    """
    if n < 1:
        raise ConfigError(f"n={n} asks for no prompt — ask for 1 or more")
    rng = random.Random(seed)
    labelled: list[tuple[str, str | None, list[JournalPrompt]]] = []
    for theme in themes:
        label = str(getattr(theme, "label", theme))
        phrases = list(getattr(theme, "phrases", None) or label.split("·"))
        topic = _theme_topic(phrases)
        pool = [p for p in _prompts() if topic in p.topics] if topic else _by_words(label)
        if pool:
            labelled.append((label, topic, pool))
    used = set(exclude)
    out: list[PersonalPrompt] = []
    while len(out) < n:
        added = False
        for label, topic, pool in labelled:
            fresh = [p for p in pool if p.id not in used]
            if fresh and len(out) < n:
                chosen = rng.choice(fresh)
                used.add(chosen.id)
                out.append(PersonalPrompt(chosen, label, topic))
                added = True
        if not added:
            break
    return out
