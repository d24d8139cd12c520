"""Curated banks for therapy homework: journal prompts, values, pleasant activities and feeling words.

The kit helps with homework without doing it. "Give me a journal prompt about boundaries", "help me brainstorm
my values", "help me list activities I enjoy" are answered from texts the kit ships in ``kit/data/`` — written
for the kit, each item citing the published works whose ideas it draws on — and the person does the writing,
choosing and rating. No model is involved, and a prompt "for me" is picked by the themes of the person's own
digest without ever repeating what they wrote.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kit.errors import ConfigError, UnknownTopic

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
class Source:
    """A published work an item's idea draws on (cited, never copied)."""

    id: str
    author: str
    title: str
    year: int

    def cite(self) -> str:
        return f"{self.author} ({self.year}). {self.title}."


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


@functools.cache
def _load(bank: str) -> dict[str, Any]:
    from importlib import resources

    if bank not in FILES:
        raise ConfigError(f"there is no bank {bank!r} — use one of: {', '.join(FILES)}")
    text = resources.files("kit").joinpath("data", FILES[bank]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def version(bank: str = "journal_prompts") -> str:
    """The bank's version (changes whenever its texts do)."""
    return str(_load(bank)["version"])


def sources(bank: str) -> dict[str, Source]:
    """The works a bank's items cite, by id."""
    return {s["id"]: Source(s["id"], s["author"], s["title"], int(s["year"])) for s in _load(bank)["sources"]}


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


def _stem(word: str) -> str:
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


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))]


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
        import difflib

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
    from kit.reflection.digest import STOP_WORDS

    noise = {_stem(w) for w in STOP_WORDS | _QUERY_NOISE}
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
    from kit.reflection.digest import digest

    d = digest(since=_since(since, days), until=until, journal=journal, index=index)
    return personalised_prompts(d.themes, n=n, seed=seed)


# ---------------------------------------------------------------- the `reflect` commands


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False))


def _for_me(args: argparse.Namespace, n: int) -> tuple[list[PersonalPrompt], str | None]:
    """Prompts for the last two weeks' themes, or none and a one-line note saying why."""
    from kit.reflection.digest import digest
    from kit.errors import IndexMissing, JournalNotFound
    from kit.index.store import Index

    picked = "this prompt is" if n == 1 else "these prompts are"

    index = Index(journal=Path(args.journal).expanduser() if args.journal else None)
    try:
        index.collection()
        report = index.update(progress=sys.stderr.isatty() and not args.json)
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
        from kit.safety.wellbeing import CrisisDetected, crisis_message, find_safety_plan

        raise CrisisDetected(report, crisis_message(find_safety_plan(index.journal)))
    found = personalised_prompts(d.themes, n=n, seed=args.seed)
    if not found:
        return [], f"Your recent themes match no topic in the bank, so {picked} picked at random."
    return found, None


def _recent_crisis(index: Any, d: Any) -> Any:
    """The crisis check's report when an entry of the period reads like a crisis (helplines before any
    prompt), else None."""
    from kit.reflection.reflect import _digest_ids, _gate

    ids = _digest_ids(d)
    docs = index.collection().get(ids=ids, include=["documents"])["documents"] if ids else []
    return _gate([doc or "" for doc in docs])


def cmd_prompt(args: argparse.Namespace) -> int:
    if args.list_topics:
        counts = {t: sum(t in p.topics for p in _prompts()) for t in topics()}
        if args.json:
            _print_json([{"topic": t, "prompts": c} for t, c in counts.items()])
        else:
            for t, c in counts.items():
                print(f"{t:<26} {c} prompts")
        return 0
    query = " ".join(args.topic).strip() or None
    if query and args.for_me:
        raise ConfigError("give either a TOPIC or --for-me, not both")
    n = args.n if args.n is not None else (3 if args.for_me else 1)
    personal: list[PersonalPrompt] = []
    note = None
    if args.for_me:
        from kit.safety.wellbeing import CrisisDetected

        try:
            personal, note = _for_me(args, n)
        except CrisisDetected as crisis:  # no prompt: the helplines and the person's own safety plan
            print(crisis.message)
            return 0
    chosen = [p.prompt for p in personal] or prompts(query, n, seed=args.seed, depth=args.depth)
    if args.json:
        items = [p.to_dict() for p in personal] or [p.to_dict() for p in chosen]
        _print_json(
            {
                "topic": match_topic(query) if query else None,
                "note": note,
                "prompts": items,
                "label": CURATED_LABEL,
                "bank_version": version(),
            }
        )
        return 0
    if note:
        print(note + "\n")
    for i, p in enumerate(chosen):
        print(f"{i + 1}. {p.text}" if len(chosen) > 1 else p.text)
        if personal:
            print(f"   (for a theme in your recent entries: {personal[i].theme})")
    print(f"\n{CURATED_LABEL}")
    return 0


def cmd_values(args: argparse.Namespace) -> int:
    items = values(domain=args.domain)
    if args.json:
        _print_json([v.to_dict() for v in items])
        return 0
    print(
        f"{len(items)} values. Which ones matter to you? Pick as many or as few as you like; there are no wrong ones.\n"
    )
    width = max(len(v.name) for v in items)
    for v in items:
        print(f"{v.name:<{width}}  {v.meaning}")
    return 0


def cmd_activities(args: argparse.Namespace) -> int:
    items = activities(args.effort, args.cost, args.social, args.setting, args.kind)
    if args.json:
        _print_json([a.to_dict() for a in items])
        return 0
    if not items:
        print("No activities fit all of those filters — try leaving one out.")
        return 0
    print(f"{len(items)} activities. Pick any that appeal to you, or none; the choice is yours.\n")
    for a in items:
        print(f"- {a.name}  ({a.describe()})")
    return 0


def add_commands(sub: Any, journal_opt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``reflect prompt``, ``reflect values`` and ``reflect activities`` on a subparsers object."""
    p = sub.add_parser(
        "prompt", help="a journal prompt from the kit's curated bank, for a topic or at random"
    )
    p.add_argument(
        "topic", nargs="*", metavar="TOPIC", help="what to write about, in your words (e.g. boundaries)"
    )
    p.add_argument("-n", type=int, metavar="N", help="how many prompts (default 1; 3 with --for-me)")
    p.add_argument("--depth", choices=DEPTHS, help="light or deeper prompts only")
    p.add_argument(
        "--for-me",
        action="store_true",
        help=f"prompts for the themes of your last {FOR_ME_DAYS} days of entries (no entry text is shown)",
    )
    p.add_argument("--list-topics", action="store_true", help="list the topics and how many prompts each has")
    p.add_argument("--seed", type=int, help="pick the same prompts again with the same number")
    p.add_argument("--json", action="store_true", help="print JSON")
    journal_opt(p)
    p.set_defaults(func=cmd_prompt)

    p = sub.add_parser("values", help="a list of values to choose from, each with a one-line meaning")
    p.add_argument(
        "--domain", metavar="DOMAIN", help="only values of one life area (e.g. work, relationships)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_values)

    p = sub.add_parser("activities", help="a list of pleasant activities to choose from, with filters")
    p.add_argument("--effort", choices=EFFORTS, help="at most this much effort")
    p.add_argument("--cost", choices=COSTS, help="at most this cost")
    p.add_argument("--social", choices=SOCIAL[:2], help="alone or with others")
    p.add_argument("--setting", choices=SETTINGS[:2], help="indoor or outdoor")
    p.add_argument("--kind", choices=KINDS, help="one kind of activity")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_activities)
