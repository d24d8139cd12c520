"""The crisis check: runs before every model call, offline, deterministic and fast.

``check(text)`` reads text in two layers. The rules read it the way a careful friend would skim it: sentence by
sentence, asking whether the writer (not a friend, a film or a process) says they want to die or hurt themself.
Ambiguous phrases ("ending it", "giving my things away") only count next to distress; questions about bridges,
pills or guns only count when the same entry, or the person's recent entries, show distress. The rules give the
plain reasons. Behind them, a small classifier (kit.safety.learned) reads every sentence and short window of
sentences through the kit's own embedder, so wordings no rule was written for are caught too. A hit stops the
flow and shows helplines and the person's own safety plan; the kit never shows a risk score or repeats method
details, and never discards what the person wrote: the check only decides what goes to a model. Its report also
carries the PII spans of kit.safety.pii.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kit.errors import KitError
from kit.safety import learned as crisis_model
from kit.safety.pii import Span, find_pii
from kit.safety.rules import (
    _ACCIDENT,
    _DECLUTTER,
    _FIGURATIVE,
    _GAMES,
    _LATELY,
    _LEAVING,
    _MEANS,
    _NOT_ACCIDENT,
    _NOTE_LANGUAGE,
    _NOTE_NO_MODEL,
    _R_LEARNED,
    _R_MEANS,
    _R_MEANS_RECENT,
    _RULES,
    _SCALE,
    _STRONG,
    _SUICIDAL_OTHERS,
    _WEAK,
    _Rule,
)
from kit.text import looks_english


@dataclass(frozen=True)
class SafetyReport:
    """What ``check`` found. ``reasons`` say why ``crisis`` is true, in plain words; empty otherwise.
    ``notes`` say what the check could not read well (another language, a layer that did not load)."""

    crisis: bool
    reasons: list[str] = field(default_factory=list)
    pii: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "crisis": self.crisis,
            "reasons": list(self.reasons),
            "pii": [s.to_dict() for s in self.pii],
            "notes": list(self.notes),
        }


# ---------------------------------------------------------------- normalising

# Curly quotes and stray accents become ASCII; apostrophes inside words go ("don't" -> "dont") so patterns
# need one spelling; common contractions, shorthand and algospeak map to one form each.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\uff07": "'"})
_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
# A single line break is hard wrapping, not a sentence end; blank lines, list items and worksheet fields
# ("Thought: I'm useless", the text already in lower case) are.
_WRAP = re.compile(r"\r?\n(?![ \t]*(?:\r?\n|(?:[-*\u2022>#]|\d+[.)])[ \t]|[a-z][a-z /'-]{0,30}:[ \t]))")
_CANON = {
    "do not": "dont", "does not": "doesnt", "did not": "didnt", "can not": "cant", "cannot": "cant",
    "will not": "wont", "would not": "wouldnt", "could not": "couldnt", "should not": "shouldnt",
    "is not": "isnt", "are not": "arent", "was not": "wasnt", "were not": "werent", "have not": "havent",
    "has not": "hasnt", "had not": "hadnt", "i am": "im",
    "dnt": "dont", "cnt": "cant", "wanna": "want to", "wana": "want to", "want 2": "want to",
    "2 die": "to die",
    "gonna": "going to", "gunna": "going to", "my self": "myself", "no one": "nobody", "noone": "nobody",
    "no body": "nobody", "every one": "everyone", "everybody": "everyone", "anybody": "anyone",
    "any one": "anyone", "somebody": "someone", "some one": "someone", "any more": "anymore",
    "idk": "dont know", "dunno": "dont know", "kil": "kill", "cuz": "because", "coz": "because",
    "every1": "everyone", "evry1": "everyone", "no1": "nobody", "any1": "anyone", "some1": "someone",
    "sum1": "someone", "wud": "would", "wld": "would", "cud": "could", "shud": "should", "w/o": "without",
    "b/c": "because", "bc": "because", "rn": "right now", "ppl": "people", "jus": "just", "thru": "through",
    "tho": "though", "h8": "hate", "ded": "dead", "u": "you", "b better": "be better", "b gone": "be gone",
    "b dead": "be dead", "b here": "be here", "b alive": "be alive", "b over": "be over", "going 2": "going to",
    "need 2": "need to", "have 2": "have to",
    "what is": "whats", "there is": "theres", "it is": "its", "good bye": "goodbye",
    "wich": "which", "wat": "what", "hw": "how", "ur": "your", "r u": "are you", "r you": "are you",
    "cn": "can", "wna": "want to", "wnt": "want", "nemore": "anymore", "anymor": "anymore",
    "myslef": "myself", "mysef": "myself", "agian": "again", "agin": "again", "tmrw": "tomorrow", "tmr": "tomorrow",
    "2nite": "tonight", "tonite": "tonight", "nite": "night", "thinkin": "thinking", "endin": "ending",
    "jumpin": "jumping", "cuttin": "cutting", "killin": "killing", "dyin": "dying", "hurtin": "hurting",
    "plannin": "planning", "takin": "taking", "goin": "going", "livin": "living", "starvin": "starving",
}  # fmt: skip
_CANON_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_CANON, key=len, reverse=True)) + r")\b"
)
_ALGOSPEAK = [  # (cheap test, pattern, replacement): one word per idea so trigger words stay simple
    (("su", "sewer"), re.compile(r"\b(?:su[i1!*]?c[i1!*]?d|sewer ?slid)(e|al)\b"), r"suicid\1"),
    (("self",), re.compile(r"\bself[\s-]*(?:harm|injur)\w*"), "selfharm"),
    # "this job is killing my self-esteem" (or "myself-esteem") is not "killing myself"
    (
        ("self",),
        re.compile(
            r"\b(?:(my) ?self-|self[ -]?)(esteem|worth|confidence|respect|image|belief|doubt|control|care|"
            r"love|pity|awareness|discipline)\b"
        ),
        lambda m: ("my " if m.group(1) else "") + "self" + m.group(2),
    ),
    (("aliv",), re.compile(r"\bun[\s-]?aliv\w*"), "unalive"),
    # letters starred out: "i want to d*e", "k!ll myself"
    (("d*e", "d!e", "d1e"), re.compile(r"\bd[*!1]e\b"), "die"),
    (("k*ll", "k!ll", "k1ll"), re.compile(r"\bk[*!1]ll"), "kill"),
]
_SENTENCE_END = re.compile(r"[.!?\u2026\r\n]+")
_SENTENCE_PART = re.compile(rf"([^.!?\u2026\r\n]*)({_SENTENCE_END.pattern}|$)")  # a sentence, then its end


def _normalize(text: str) -> str:
    t = text.translate(_QUOTES).lower()
    if "\n" in t:
        t = _WRAP.sub(" ", t)
    if "'" in t:
        t = _APOSTROPHE.sub("", t)
    for needles, pattern, repl in _ALGOSPEAK:
        if any(n in t for n in needles):
            t = pattern.sub(repl, t)
    return _CANON_RE.sub(lambda m: _CANON[m.group(0)], _SPACES.sub(" ", t))


# ---------------------------------------------------------------- who, whether, and when

_WORD = re.compile(r"[a-z]+")
_FIRST = frozenset("i im ive id ill me my myself mine we us our ourselves".split())
# People named by what they do or are: someone else in "veterans commit suicide", the writer in "as a veteran"
_ROLES = (
    "veteran vet soldier marine sailor airman officer nurse doctor person human worker employee leader adult teen "
    "teenager victim member"
).split()
_OTHER = frozenset(
    """
    he she they hes shes theyre theyve theyd hed shed him her them his their hers theirs himself herself
    themselves you youre youve youd your yourself someone people who friend friends brother brothers
    sister sisters mom moms mum mums dad dads mother mothers father fathers cousin cousins son sons
    daughter daughters boy boys lad lads pupil pupils classmates wife wifes husband husbands partner partners
    boyfriend boyfriends girlfriend girlfriends bf gf uncle uncles aunt aunts grandma grandpa grandmother grandfather
    colleague colleagues lady ladies gentleman mate mates buddy buddies nephew niece grandson granddaughter
    coworker coworkers patient patients client clients character characters guy guys girl girls man woman
    men women kid kids child children student students narrator protagonist hero heroine oc ocs
    villain neighbor neighbour roommate flatmate classmate song songs movie film book novel show series
    episode poem article story lyrics podcast documentary play essay paper lecture talk presentation
    training course research news report everyone celebrity actor singer ex exs boss bosses manager landlord
    teacher ref referee plant plants houseplants flowers garden seedlings cactus tree trees lawn grass phone battery
    laptop computer car dog dogs cat cats pet pets hamster goldfish fish business company
    troops servicemember servicemembers individual individuals nobody anybody anyone somebody youth population
    """.split()
) | {form for role in _ROLES for form in (role, "airmen" if role == "airman" else role + "s")}
# The writer as one of the people named: "as someone who …", and "… and so have I", "me included", "I'm no
# different", "honestly same", "I'm one of them", "I do it too" after others' thoughts or acts
_AS_ONE_WHO = re.compile(
    r"\bas (?:someone|somebody|a person|one|an? [a-z]+) who\b|"
    # "as a veteran with a history of suicide", "I'm a nurse and …": the writer named by what they are
    rf"\b(?:as|im|i am|i was) (?:an?|another|a fellow) (?:[a-z]+ )?(?:{'|'.join(_ROLES)})s?\b"
)
# A question in general words that is the writer's own: "how do you stop wanting to kill yourself?", "does anyone
# else wish they could just not wake up?", "what do you do when you want to die?", "is it normal to want God to
# take your life?". Such a frame makes its person the writer for the rest of the sentence ("how do I stop wanting
# to kill myself?") until someone else is named ("does anyone else think veterans who kill themselves …", "how do
# you stop your kids hurting themselves", "how do you deal with knowing someone you love will …"). Helping someone
# or telling things apart is not in a frame: "how do you help a friend who wants to die?", "how do you tell the
# difference between intrusive thoughts and suicidal intent?".
_GENERIC_DOING = (
    r"(?=\s+(?:\w+\s+){0,2}?(?:think|thinks|wish|wishes|want|wants|feel|feels|get|gets|have|has|fantasi[sz]e|"
    r"dream|dreams|hope|hopes|struggle|struggles|cut|cuts|self harm|starve|purge|plan|plans|keep|keeps|imagine|"
    r"lie|lay|sit|google|look|research|pray|prays|cry|cries)\b)"
)
_GENERIC = re.compile(
    rf"\b(?:(?:(?:does|do|did|is there|has)\s+)?(?P<anyone>anyone|anybody)\s+else(?:\s+here|\s+out there)?{_GENERIC_DOING}"
    r"|(?P<how>how (?:do|did|can|could|would|should|does|to)) (?:you|one|people|someone)(?=\s+(?:\w+\s+){0,2}?"
    r"(?:stop|quit|deal|cope|handle|manage|live|get|survive|ignore|fight|beat|resist|overcome|shake|silence|calm|"
    r"push|keep|carry|go on|not act|talk|stay|tell(?!\s+(?:the difference|if|whether|apart|what|how)\b)|explain|make|"
    r"move on|hide)\b)"
    r"|(?P<what>what (?:do|should|can|would|does)) (?:you|one|people|someone) do (?=(?:when|if)\b)"
    r"|is it (?:normal|ok|okay|bad|weird|wrong|common|strange|selfish|possible|crazy|fine) (?=(?:to|that|if)\b))"
)
_AS_WRITER = {
    "you": "i", "your": "my", "yourself": "myself", "youre": "im", "youve": "ive", "youd": "id", "they": "i",
    "them": "me", "their": "my", "themselves": "myself", "themself": "myself", "theyre": "im", "theyve": "ive",
    "theyd": "id", "oneself": "myself",
}  # fmt: skip
_GENERIC_PERSON = re.compile(r"[a-z]+|[.!?\u2026\r\n]")
# A wish put first: "all I want is to die", "the only thing I want anymore is to not exist", "what I really
# want is to disappear forever", "all I think about is dying" say what "I want to die" says.
_CLEFT = re.compile(
    r"\b(?:all|the only thing|the one thing|what)\s+i\s+((?:\w+\s+)??)(want|wish|need|think about|dream (?:of|"
    r"about)|long for|crave)\s+(?:anymore\s+|now\s+|these days\s+)?(?:is|was)\s+(to\s+)?"
)
# A wish put as a condition: "if I could die painlessly I would", "if there was a button to stop existing I'd
# press it" say "I want to die painlessly", "I want to stop existing".
_IF_I_COULD = re.compile(
    r"\bif\s+(?:i\s+(?:could|was able to|were able to)|there\s+(?:was|were|is)\s+(?:a|an|some)\s+(?:\w+\s+){0,2}?"
    r"(?:way|button|switch|pill|place|option)\s+(?:to|that would let me|where i could))\s+(?:just\s+)?"
    r"((?:\w+\s+){0,5}?\w+)\s*,?\s*(?:then\s+)?i\s*(?:would|d|will)\b(?:\s+(?:press it|take it|do it|go|in a "
    r"heartbeat|without (?:a second thought|thinking|hesitating)))*"
)


def _as_writer(norm: str) -> str:
    """``norm`` (normalised) with a wish put first or as a condition said plainly (_CLEFT, _IF_I_COULD), and the
    general person of each frame in _GENERIC read as the writer, up to the end of its sentence or the first other
    person named."""
    if " i " in f" {norm}" and (" is " in norm or " was " in norm):
        norm = _CLEFT.sub(lambda m: f"i {m.group(1)}{m.group(2)} {m.group(3) or ''}", norm)
    if "if " in norm:
        norm = _IF_I_COULD.sub(lambda m: f"i want to {m.group(1)}", norm)
    if "else" not in norm and "how" not in norm and "what" not in norm and "is it" not in norm:
        return norm
    out, last = [], 0
    for m in _GENERIC.finditer(norm):
        if m.start() < last:
            continue
        out.append(norm[last : m.start()])
        if m.group("anyone"):
            out.append("i")
        elif m.group("how"):
            out.append(f"{m.group('how')} i")
        elif m.group("what"):
            out.append(f"{m.group('what')} i do ")
        else:
            out.append(m.group())
        pos = m.end()
        for w in _GENERIC_PERSON.finditer(norm, m.end()):
            word = w.group()
            if not word.isalpha() or (word in _OTHER and word not in _AS_WRITER):
                break  # the sentence ends, or someone else is named
            out.append(norm[pos : w.start()] + _AS_WRITER.get(word, word))
            pos = w.end()
        last = pos
    out.append(norm[last:])
    return "".join(out)


_JOINS = re.compile(
    r"\b(?:so (?:have|do|did|am|was|would|will|can|could) i|as (?:do|did|have|am|was) i|"
    r"me (?:too|included|as well)|myself included|including (?:me|myself)|(?:im|i am) no different|"
    r"same (?:here|for me|with me)|(?:honestly|literally|and|tbh|yeah)\s+same|(?:im|i am) (?:one of them|among "
    r"them)|i (?:do|did|have|feel|think about) (?:it |that |this |the same )?too|(?:or )?is it just me)\b"
)
_NEGATORS = frozenset(
    "not never no dont doesnt didnt wont wouldnt cant couldnt isnt arent wasnt werent havent hasnt "
    "hadnt aint nor without stopped quit".split()
)
# "not sure I want to live", "can't stop thinking about", "no one knows", "no other way to" do not negate what
# follows (nor does "shouldn't": "I shouldn't kill myself now" weighs the act).
_NOT_NEGATING = frozenset(
    "sure certain know stop stopping help helping just only saying one matter care mind other".split()
    # "I'm not afraid of dying anymore", "I don't fear death": the fear is what is negated, not the dying
    + "afraid scared frightened fear fearful terrified".split()
)
_FILLER = frozenset("even ever really actually truly".split())
_CONJUNCTIONS = frozenset("and or because so then when while if since until".split())
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"\u2014\u2013]|\s-\s|\b(?:but|though|although|however|yet|except|whereas)\b"
)
# "I never want to go jump off a bridge and kill myself", "I don't want to hurt myself or die": the negated wish
# holds both verbs joined by "and" or "or", unless the second has a subject or a wish of its own ("I didn't want to
# go on and wanted to die").
_NEGATED_PAIR = re.compile(
    r"\b(?:not|never|dont|doesnt|wont|no longer)\s+(?:\w+\s+){0,2}?(?:want|wanna|going|gonna|ready|planning|"
    r"intend|about)\s+to\s+(?:(?!(?:i|im|ive|id|ill|he|she|they|we|you|it)\b)[a-z]+\s+){1,6}?(?:and|or)\s+$"
)
# A check-in that denies having the thought, urge or plan: "I don't have any thoughts of hurting myself", "I haven't
# had any urges to cut this week", "I do not have any plans to hurt myself" (the negator is five or six words back)
_DENIES_HAVING = re.compile(
    r"\b(?:dont|do not|didnt|did not|havent|have not|hasnt|has not|hadnt|never|no longer)\s+(?:\w+\s+)?"
    r"(?:have|had|has|get|got|getting|feel|felt|experienc\w*)\s+(?:any|a single)\s+(?:\w+\s+)?(?:thoughts?|urges?|"
    r"plans?|intentions?|desires?|wish|impulses?|feelings?)\s+(?:of|to|about|for|towards?)\s+(?:\w+\s+)?$"
)
# A denial said at more length than four words: "I've never thought about how to kill myself", "I have never once
# considered trying to end my life", "… and no regrets, nor have I been suicidal"
_NEVER_CONSIDERED = re.compile(
    r"\b(?:never|not|didnt|did not|havent|have not|hasnt)\s+(?:(?:ever|once|really|even|seriously)\s+)?"
    r"(?:thought|considered|wanted|tried|planned|researched|looked (?:up|into))\s+(?:about\s+|of\s+)?"
    r"(?:how\s+to|trying\s+to|wanting\s+to|ways\s+to)\s+$"
)
_NOR_I = re.compile(r"\bnor\s+(?:have|am|was|did|do|will|would|had)\s+i\s+(?:\w+\s+)?$")
_OWN_WISH = re.compile(r"(?:want|wanted|wanna|wish|wished|need|needed|going|gonna|plan|planned|ready)\b")
_STRONGER_THAN_EVER = re.compile(r"\s*(?:\w+\s+)?(?:more|so much|so badly|this much|as much)\b")
# "I don't want to end it right now", "I'm not going to kill myself tonight": a no for now still speaks of the wish.
# Only in the present or the future: "I didn't cut tonight" is a night won, and "today" is how a diary card counts.
_FOR_NOW = re.compile(r"\s*(?:\w+\s+){0,2}?(?:right now|tonight|at the moment|for now)\b")
# "I'm not ready to kill myself yet": the act put off, not refused (not "I'm not ready to die yet", said of an
# illness or of old age)
_YET = re.compile(r"\s*(?:\w+\s+){0,2}?yet\b")
_PUT_OFF = re.compile(r"(?:kill\w*|end\w*|suicid\w*|cut\w*|hurt\w*|harm\w*|overdos\w*|jump\w*)")
_NOW_NEGATORS = frozenset("not dont doesnt wont isnt arent".split())
_HYPOTHETICAL = re.compile(
    r"\b(?:if|should|in case)\s+i\s+(?:ever|start|begin|notice|feel like|get (?:the )?urges?|have (?:the )?"
    r"(?:urges?|thoughts?))\b"
)
# thirteen to ninety-nine in words ("thirteen", "twenty one", "twenty-nine")
_TEENS_AND_TENS = (
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty)"
    r"(?:[\s-]*(?:one|two|three|four|five|six|seven|eight|nine))?"
)
# a count of days, weeks, months or years, in figures or words ("30", "thirty", "twenty one", "a couple of")
_COUNT = (
    rf"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|{_TEENS_AND_TENS}|"
    r"(?:a\s+)?hundred|a couple of|a few|several)"
)
_AGE = (
    rf"(?:\d{{1,2}}|{_TEENS_AND_TENS})"  # an age, as a span of them is told ("from fourteen to twenty-nine")
)
_MILESTONE_PATTERN = (
    rf"\b{_COUNT}\s+(?:days?|weeks?|"
    r"months?|years?)\s+(?:clean|free|without|since i last|since my last|(?:self ?harm|cutting|purging|sh) free)\b|"
    rf"\b(?:clean|free)\s+(?:from\s+\w+(?:\s+\w+)?\s+)?for\s+{_COUNT}\s+(?:days?|weeks?|months?|years?)\b"
)
_PAST = re.compile(
    r"\b(?:used to|(?:years|months|weeks|a decade|decades|a while|a long time|long|(?:a|one) year) ago|"
    r"in the past|back (?:then|when)|back in (?:uni|college|school|high school|sixth form|the day|(?:19|20)\d\d|"
    r"my (?:\w+ )?(?:days|years))|"
    r"as a (?:teen\w*|kid|child)|there was a time|"
    r"(?:in|during|for (?:most|much|part) of) my (?:teens|twenties|thirties|forties|fifties|20s|30s|40s|childhood|"
    r"school years)|my old (?:diary|diaries|journals?|entries)|(?:in|from|since) (?:19|20)\d\d|"
    rf"when i was (?:{_AGE}|younger|a (?:teen\w*|kid|child|student)|little|"
    r"in (?:high school|school|college|uni))|"
    r"went from|(?:my|a|his|her|their) (?:long )?history (?:of|with)|"
    # "had a really bad patch after leaving the army" (not "going through a bad patch")
    r"(?:had|went through) (?:a|an|one) (?:really |very |pretty |awful |long )?(?:bad|rough|dark|hard|tough|"
    r"difficult|low) (?:patch|time|spell|period|year|stretch|few (?:months|years))|"
    # "in the spring of 1982", "through most of college", "at twenty-three", "at the age of 16"
    r"(?:of|spring|summer|autumn|fall|winter) (?:19|20)\d\d|"
    r"(?:through|throughout) (?:most of |much of |all of )?(?:college|uni|university|school|high school|"
    r"sixth form|my (?:teens|twenties|thirties|degree))|"
    rf"at (?:{_TEENS_AND_TENS}|(?:the age of|age) (?:{_AGE}))(?!\s*(?:am|pm|oclock|hours?|minutes?|percent))|"
    r"(?:selfharm|selfinjury|suicide|suicidal|eating disorder|cutting|purging) history)\b|"
    # a span of ages: "from fourteen to twenty-nine" (not "from 14 to 29 kg")
    rf"\b(?:from (?:the age of |age )?|i was (?:about |around )?){_AGE} (?:to|until|till) (?:i was )?(?:about |around )?"
    rf"{_AGE}(?!\s*(?:kg|kgs|kilos?|lbs|pounds|stone|"
    r"percent|per cent|times|a day|an? (?:hour|day|week)|[-\w]))\b|"
    # a worksheet's "Then:" field, told beside its "Now:"; a sentence that starts "Last year" (not "since last
    # year", "in March of last year")
    r"\b(?:back )?then:|(?:^|(?<=[.!?;:] ))last year\b"
    # a milestone counts as both: "two years clean from self-harm", "500 days since I last purged"
    r"|" + _MILESTONE_PATTERN
)
# A slide said as a whole ("struggling again", "falling apart again"): after a recovery, the past come back
_SLIDING = r"(?:struggling|falling apart|slipping|sinking|spiral+ing)"
# "again", unless of something done again that is no harm: "cutting again" (not "painting again", "eating
# again")
_HARM_ING = (
    r"(?:cutting|purging|starving|restricting|bingeing|binging|hurting|harming|selfharming|burning|"
    r"scratching|hitting|overdosing|relapsing|drinking|using|thinking|planning|wanting|dying|crying|"
    rf"{_SLIDING})"
)
_AGAIN = rf"(?:{_HARM_ING}\s+again|(?<!ing )again)"
# A past told and then a present that is something else: "A few years ago I wanted to die every day. Today I planted
# tomatoes." (not "Now I'm thinking about it again", "Today it's back", "Now I just want it to end")
_TODAY_INSTEAD = re.compile(
    r"\W*(?:and\s+|but\s+)?(?:now|today|these days|nowadays|present me|this year|"
    rf"im {_AGE} now)\b(?![^.!?]*\b(?:"
    rf"{_AGAIN}|relaps\w*|"
    r"back|still|worse|want|wanna|wish|think\w*|thought|urges?|cant|hopeless|plans?|planned|planning|die|dying|dead|"
    r"kill\w*|end|hurt\w*|cut\w*|harm\w*|suicid\w*|alone|nothing|nobody|no one|no point|tired|exhausted|worthless|"
    r"empty|numb|depress\w*|trapped|lost|struggl\w*|dark|miserable|broken|scared|afraid|flashbacks?|"
    r"hate\w*)\b)"
)
# A streak broken: a milestone in the same sentence is then where it ended, not a recovery ("almost relapsed"
# is a streak kept)
_RELAPSE = re.compile(
    r"(?<!almost )(?<!nearly )\b(?:relaps\w*|broke my (?:streak|clean streak)|lost my streak|blew it|"
    r"reset (?:the|my) (?:app|counter|streak|count)|"
    # "40 days without self harm and I gave in" (not "I used to cut and I gave in every night")
    r"(?:and|but|then)\s+(?:i\s+)?(?:finally\s+)?(?:gave in|caved|broke it|ruined it)"
    rf"(?=\s*$|\s*[,.;:!]|\s+(?:{_LATELY}|again))|"
    # "60 days clean and I cut again tonight"
    rf"(?:cut|burned|burnt|hurt myself|harmed|selfharmed|purged|did it)\s+(?:myself\s+)?again\s+{_LATELY})\b"
)
_UNDENIED = r"(?<!not )(?<!never )(?<!nt )"  # a recovery not said with a "not" just before it
_RECOVERED = re.compile(
    r"\b(?:no longer|not anymore|dont anymore|havent (?:since|in|for)|recover\w*|(?:clean|free) (?:for|since)|"
    r"grateful|thankful|proud|glad|better now|doing better|survived|still here|(?:so much|a lot|much) better|"
    # "in a good place now", "I'm doing well these days" (not "not in a good place", "never doing well")
    rf"healed|{_UNDENIED}in a (?:much |far |way )?"
    r"(?:better|good|great|happier|healthier|safer|safe|stable) place|came through|got help|"
    r"changed everything|turned (?:it|things|my life) around|"
    rf"{_UNDENIED}doing (?:well|really well|so well|great|good)\b(?!\s+(?:at|in|on)\b)|"
    r"(?:im|i am) (?:happy|happier|stable|safe) now|"
    r"been well|(?:im|i am) (?:well|better)\b(?!\s+(?:off|aware))|got better|came back to life|"
    r"(?:it|the depression|the thoughts|the urges) (?:lifted|faded|passed|stopped|went away)|"
    r"(?:thoughts|urges) (?:stopped|faded|went away|lifted)|cant remember the last time|peer support|"
    r"went from\b[^.]*\bto|(?:the )?(?:depression|illness|anxiety|eating disorder) talking|"
    # "I'm thirty-five now and it's been six years" (not "it's been six years of this")
    rf"its been {_COUNT} (?:years?|months?)(?=\s*$|\s*[,;:]|\s+(?:now|since|clean|free)\b))\b"
    r"|" + _MILESTONE_PATTERN
)


# The past told in the sentence after: "I tried to end my life. This was six years ago.", "That was 2016."
_PAST_AFTER = re.compile(r"\W*(?:that|this|it)\s+was\s+(?:(?:\w+\s+){1,3}ago|(?:in\s+)?(?:19|20)\d\d)\b")
# A relapse, unless a count of them told in a recovery ("recovery wasn't a straight line; I relapsed twice",
# not "I relapsed twice this week")
_RELAPSED = (
    r"relaps\w*(?!\s+(?:once|twice|a few times|a couple of times|several times|(?:two|three|four|\d+) "
    r"times)\b"
    r"(?![^.!?]*\b(?:this|last) (?:week|month)\b|[^.!?]*\b(?:today|tonight|yesterday|recently|lately)\b))"
)
# A past that has come back: "lately the thoughts are back", "I want to cut again"
_CRAVE = (
    r"(?:want\w*|wanna|wish\w*|urges?|thoughts?|thinking|cut\w*|die|dying|kill\w*|hurt\w*|harm\w*|plan\w*)"
)
_BACK = re.compile(
    rf"\b(?:{_RELAPSED}|(?:its|it is|theyre|they are|the (?:thoughts|urges) are) (?:all )?back|"
    r"back (?:in|to) (?:a |the |that )?(?:dark|bad|square one|day one|zero)|"
    rf"{_SLIDING} again|"
    rf"again\b[^.!?]*\b{_CRAVE}|{_CRAVE}\b[^.!?]*\bagain)\b"
)
_LATER = 4  # sentences after a past in which its recovery may be told


def _past(sentence: str, *after: str) -> bool:
    """Whether a sentence is told of the past, by itself or by one of the sentences ``after`` it that dates it
    ("I didn't want to live. I drank and lost my job. That was 2012.")."""
    return bool(_PAST.search(sentence)) or any(_PAST_AFTER.match(a) for a in after)


def _over(near: str, later: Sequence[str]) -> bool:
    """Whether a past told in ``near`` is over: a recovery named there or in the next few sentences, or one of
    them starting with a present that is something else; and none of them says it is back ("Two years ago I
    wanted to die. I'm glad I'm still here. Lately it's back." is not over)."""
    later = list(later)[:_LATER]
    if any(_BACK.search(part) and not _TODAY_INSTEAD.match(part) for part in later):
        return False
    return bool(_RECOVERED.search(near)) or any(
        _RECOVERED.search(part) or _TODAY_INSTEAD.match(part) for part in later
    )


_GENERAL_QUESTION = re.compile(
    # "what is" is read as "whats": "What is self-harm?" asks about the topic ("What's the point of living?" does not)
    r"(?:what (?:is|are|does|do|causes|happens)|whats\b(?!\s+(?:the\s+)?(?:point|use|reason|left|stopping|keeping|"
    r"wrong|happening to|(?:\w+\s+){0,2}?ways?)\b)|"
    r"(?:is|are|does|do|can|should|would|will|have|has)(?! it (?:normal|ok|okay|bad|wrong|selfish|weird))|"
    r"how (?:common|often|many people|do i help|(?:do|does|can|could|should|would) (?!i\b|im\b)[a-z]+)|"
    r"why (?:do|does|did|would|was|were|is|are)|how did|"
    r"when (?:does|do|did|should)|who|where (?:does|do|can (?:you|someone|people) (?:get|find) (?:help|support)))\b"
)
# "Is there any point in going on anymore?" is asked of one's own life, not of the topic.
_ANYMORE = re.compile(r"\b(?:anymore|any more|any longer)\b")
# A worksheet field rated zero ("Urge to self-harm (0-5): 0", "Urges: self-harm 0, alcohol 2", "Thoughts of
# dying or self-harm: none", "Suicidal ideation: 0", "Urge to harm self: 0") is not a hit.
_ZERO_RATING = re.compile(
    r"(?:\s+(?:or|and)\s+\w+)?(?:\s+(?:self|myself|oneself))?(?:\s+(?:urges?|thoughts|acts?|ideation|feelings))?"
    r"(?:\s+(?:today|tonight|this week|now))?"
    rf"\s*{_SCALE}[:=]?\s*(?:0(?:\s*/\s*\d+)?(?!\d|\.\d)|(?:none|nil)\b)"
)
_ASKED = re.compile(r"\b(?:ask\w*|question\w*|screen\w*)\b[^.]*\b(?:if|whether|about)\b")
# A no taken back: "… and I said no. I lied.", "I told her I wasn't. That was a lie." (not "which is true")
_LIED = re.compile(
    r"\b(?:i lied|i was lying|im lying|(?:that|it|this) was a lie|(?:that|it|which) (?:wasnt|isnt|was not|is not) "
    r"(?:true|the truth)|lied to (?:her|him|them|my \w+))\b"
)
_SAID_NO = re.compile(
    r"\b(?:said|say|answered|replied|told (?:her|him|them))\s+(?:\w+ly\s+)?(?:that\s+)?"
    r"(?:no|i (?:wasnt|dont|am not|wont|havent))\b"
    r"|[,;]\s*(?:and\s+)?(?:no|nope|im not|i am not|i wasnt|i was not|i dont|i havent)\b(?!\s+sure)"
)
# "Am I suicidal? No, just exhausted.": a question the writer puts to themself and answers no in the next sentence
_ASKS_ONESELF = r"\W*(?:am|do|did|was|would|could|have|should)\s+i\b"  # "Am I …", "Would I ever …"
_SELF_QUESTION = re.compile(rf"^{_ASKS_ONESELF}")
# A question put to the writer in the asker's own words, answered yes: "my therapist asked 'do you want to die?'
# and I said yes", "the nurse asked me, are you thinking of killing yourself? I told her yeah"
_ASKS = re.compile(r"\b(?:ask\w*|question\w*)\b")
# after the last asking word: the words before "you" (to whom), and after it (about whom)
_THEN_YOU = re.compile(r"([^.!?]{0,40}?)\byou(?:ve|re|d)?\b([^.!?]{0,80})$")
# what may stand between the asking and the "you" of a question put to the writer ("asked me straight out 'do
# you …'"); any other word, a name among them, puts it to someone else
_TO_ME = frozenset(
    "me again straight out point blank directly outright bluntly then just finally quietly gently simply once more "
    "do did are were have had would will could can is ever really still honestly and so if whether".split()
)
_YOU_FORMS = frozenset("you youre youve youd your yours yourself".split())
# the yes comes first after the question ("' and after a long pause I said yes"), not a yes to something later
_SAID_YES = re.compile(
    r"^\W*(?:[a-z]+\W+){0,5}?i\s+(?:(?:\w+ly|just|finally|eventually|simply)\s+)?(?:said|say|answered|replied|"
    r"admitted|whispered|told (?:her|him|them|my [a-z]+))\s+(?:\w+ly\s+)?(?:that\s+)?\W?"
    r"(?:yes|yeah|yep|yup|i (?:do|did|have|had|am|was)\s*(?:[.!,;'\"]|$))|^\W*(?:[a-z]+\W+){0,5}?i nodded\b"
)
_NO = r"(?:no|nope|not really|of course not|definitely not|absolutely not|im not|i am not|i dont|i wasnt)\b"
_NOT_A_NO = r"(?!\s+(?:sure|know|think so))"
_ANSWERED_NO = re.compile(rf"^\W*{_NO}{_NOT_A_NO}")
_QUESTION_ANSWERED_NO = re.compile(rf"(?:^|[.!?]\s*){_ASKS_ONESELF}[^.!?]*\?+\s*\W*{_NO}{_NOT_A_NO}")
_WINDOW = 3  # sentences either side in which a weak phrase looks for distress
_USE_TRIGGERS = True  # tests switch this off to prove the trigger words never hide a match
_USE_LEARNED = True  # the benchmark switches this off to measure the rules alone


_POSSESSIVE = frozenset("my our".split())
_PREPOSITIONS = frozenset("in at of from".split())  # where someone belongs ("about my thoughts" is mine)


def _nearest_person(words: str) -> bool | None:
    """Whether the last person named in ``words`` is someone else (True), the writer (False), or no one (None).
    "As someone who lives with suicidal thoughts" names the writer."""
    found = _WORD.findall(_AS_ONE_WHO.sub(" i ", words))
    for k in range(len(found) - 1, -1, -1):
        word = found[k]
        if word in _POSSESSIVE and 0 < k < len(found) - 1 and found[k - 1] in _PREPOSITIONS:
            continue  # "someone in my knitting group …": my group, not me (but "with my suicide plans")
        if word in _FIRST:
            return False
        if word in _OTHER:
            return True
    return None


def _other_subject(prefix: str) -> bool:
    """True when the nearest subject before the match is someone else; journals default to the writer."""
    return bool(_nearest_person(prefix))


# Someone else's words quoted: "my son said 'I wish I was dead'", "he told me 'might just end it'". The quote
# marks left after normalising (apostrophes inside words are gone) open after a space or a bracket and close
# before one; the speaker is whoever says it just before the quote, and only the writer's own words count ("I told
# her 'I want to die'", "I keep thinking 'I can't do this'"; a voice in one's own head is one's own).
_QUOTE_OPENS = frozenset(" ([{:,;-")
_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|wrote|writes|writing|posted|posts|posting|texted|texts|"
    r"messaged|asked|asks|yelled|screamed|shouted|whispered|replied|goes|went|about how|like)\b"
)
_OWN_MIND = re.compile(r"\b(?:head|brain|mind|voices?|thoughts?|inner|self)\b")


def _quote_speaker(text: str) -> str | None:
    """The words before the quote still open at the end of ``text``, or None when no quote is open there."""
    opened: int | None = None
    mark = ""
    for k, ch in enumerate(text):
        if ch not in "'\"":
            continue
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if opened is None:
            if before in _QUOTE_OPENS and not after.isspace():
                opened, mark = k, ch
        elif ch == mark and (not before.isspace() or after.isspace()):
            opened = None
    return None if opened is None else text[:opened]


def _quoted_by_other(before: str) -> bool:
    """Whether the words after ``before`` (a sentence's text up to a match, with the sentences before it) are inside
    a quote of someone else's words."""
    speaker = _quote_speaker(before)
    if speaker is None:
        return False
    verbs = list(_SPEECH.finditer(speaker))
    who = speaker[: verbs[-1].start()] if verbs else speaker
    who = re.split(r"[.!?]", who)[-1]
    if _OWN_MIND.search(who):
        return False
    person = _nearest_person(who)
    # "a caller said '…'" is someone; "can't get 'I wanna die' out of my head" is not
    return person if person is not None else bool(verbs and _WORD.search(who))


def _clause(prefix: str) -> str:
    start = 0
    for m in _CLAUSE_BREAK.finditer(prefix):
        start = m.end()
    return prefix[start:]


# A reason asked for or not found, not one the writer has: "give me one good reason not to kill myself", "I can't
# find a reason not to" (not "my reasons not to", a safety plan's list)
_REASON_SOUGHT = re.compile(
    r"\b(?:give me|gimme|need|find|finding|no|any|name|tell me|looking for|search\w* for|whats|is there|left)"
    r"\s+(?:\w+\s+){0,2}?reasons?\s+(?:not|to not|why i shouldnt|why i should not)\s+(?:to\s+)?$"
)


def _negated(clause: str, after: str, match: str = "") -> bool:
    """A negator within four words before the match, in the same clause, that really negates it; or a "not want
    to … and" whose second verb the match is ("I'm not ready to give up and die")."""
    if _REASON_SOUGHT.search(clause):
        return False
    if _NEGATED_PAIR.search(clause) and not _OWN_WISH.match(match):
        return True
    if _DENIES_HAVING.search(clause) and not _FOR_NOW.match(after):
        return True
    if _NEVER_CONSIDERED.search(clause) or _NOR_I.search(clause):
        return True
    words = _WORD.findall(clause)[-4:]
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word in _CONJUNCTIONS:
            # "I'm not depressed or suicidal": "or" carries the "not" on (not "not okay or I'll …")
            if word == "or" and k >= 2 and words[k - 2] in _NEGATORS and words[k - 1] not in _FIRST:
                continue
            return False
        if word not in _NEGATORS:
            continue
        rest = [w for w in words[k + 1 :] if w not in _FILLER]
        # "not just sad, I want to die" keeps the wish; "I would never just kill myself" denies it
        if rest and rest[0] in _NOT_NEGATING and not (word == "never" and rest[0] in ("just", "only")):
            return False
        if word != "dont" and any(w in ("i", "im", "ive", "id", "ill") for w in rest):
            return False  # a new clause started: "not ok i want to die"
        if word in _NOW_NEGATORS and (_FOR_NOW.match(after) or (_YET.match(after) and _PUT_OFF.match(match))):
            return False
        # "I'm not ready to kill myself", "I might not hurt myself tonight": the act weighed, not refused
        if (
            word == "not"
            and _PUT_OFF.match(match)
            and (rest[:1] == ["ready"] or words[k - 1 : k] in (["might"], ["may"]))
        ):
            return False
        return not (word == "never" and _STRONGER_THAN_EVER.match(after))  # "never wanted to die more"
    return False


def _put_to_writer(before: str, after: str) -> bool:
    """Whether the words between ``before`` and ``after`` are a question put to the writer that they answered yes:
    not one put to someone named ("asked Sam 'do you …'"), about someone else ("do you think your mom …"), or
    told inside someone else's quotation ("my brother told me 'the nurse asked do you …'")."""
    asks = list(_ASKS.finditer(before))
    asked = _THEN_YOU.match(before, asks[-1].end()) if asks else None
    if asked is None or not _SAID_YES.match(after):
        return False
    speaker = _quote_speaker(before)
    return (
        set(_WORD.findall(asked.group(1))) <= _TO_ME
        and not (_OTHER - _YOU_FORMS).intersection(_WORD.findall(asked.group(2)))
        and (speaker is None or asks[-1].start() < len(speaker))
    )


def _counts(rule: _Rule, sentences: list[str], i: int, m: re.Match[str], question: bool = False) -> bool:
    sentence = sentences[i]
    prefix = sentence[: m.start()]
    # A general question with no I, me or my in it is about the topic or put to someone ("What are the warning
    # signs of self-harm?", "Do you ever want to die?"); "What's the point of living?" is not one of them, nor is
    # one that asks "anymore", and questions about a means of harm are the means rules' own.
    if (
        question
        and rule.tier != _MEANS
        and _GENERAL_QUESTION.match(sentence)
        and not _FIRST.intersection(_WORD.findall(sentence))
        and not _ANYMORE.search(sentence)
    ):
        return False
    if _ZERO_RATING.match(sentence, m.end()):
        return False
    if rule.unless is not None and rule.unless.search(
        " ".join(sentences[max(0, i - rule.context) : i + 1 + rule.context])
    ):
        return False
    someone_else = (
        rule.subject
        and not _FIRST.intersection(_WORD.findall(m.group()))
        and _other_subject(prefix)
        and not _JOINS.search(sentence)
    ) or _quoted_by_other(" ".join([*sentences[max(0, i - 2) : i], prefix]))
    answer = " ".join([sentence[m.end() :], *sentences[i + 1 : i + 2]])
    if someone_else and not _put_to_writer(prefix, answer):
        return False
    clause = _clause(prefix)
    if rule.negatable and _negated(clause, sentence[m.end() :], m.group()):
        return False
    if _HYPOTHETICAL.search(clause):  # "if I ever feel like hurting myself, I call Sam" is a plan, not a hit
        return False
    near = " ".join(sentences[i : i + 2])
    # "I used to cut myself; I'm proud I stopped" (not "I relapsed after 200 days clean")
    later = sentences[i + 1 :]
    if _past(sentence, *later[:2]) and _over(near, later) and not _RELAPSE.search(sentence):
        return False
    # "she asked if I want to hurt myself and I said no"
    if question and _SELF_QUESTION.match(sentence) and i + 1 < len(sentences):
        if _ANSWERED_NO.match(sentences[i + 1]):
            return False
    return not (
        _ASKED.search(prefix) and _SAID_NO.search(near) and not _LIED.search(" ".join(sentences[i : i + 3]))
    )


def _sentences(norm: str) -> tuple[list[str], list[bool]]:
    """The sentences of a normalised text, and for each whether it ends in a question mark."""
    sentences, questions = [], []
    for m in _SENTENCE_PART.finditer(norm):
        if sentence := m.group(1).strip():
            sentences.append(sentence)
            questions.append("?" in m.group(2))
    return sentences, questions


def _hits(text: str) -> set[tuple[int, int, int]]:
    """(sentence index, rule index, which of the rule's patterns) for every phrase of the rule table in ``text``."""
    return _hits_read(_as_writer(_normalize(text)))


def _hits_read(norm: str) -> set[tuple[int, int, int]]:
    """_hits of a text already normalised and read as the writer's (``_as_writer(_normalize(text))``)."""
    sentences, questions = _sentences(norm)
    words = [frozenset(_WORD.findall(s)) for s in sentences]
    every_word = frozenset[str]().union(*words)
    hits: set[tuple[int, int, int]] = set()
    for r, rule in enumerate(_RULES):
        for a, (triggers, pattern) in enumerate(rule.alts):
            if _USE_TRIGGERS and any(t.isdisjoint(every_word) for t in triggers):
                continue
            for i, sentence in enumerate(sentences):
                if _USE_TRIGGERS and any(t.isdisjoint(words[i]) for t in triggers):
                    continue
                if any(_counts(rule, sentences, i, m, questions[i]) for m in pattern.finditer(sentence)):
                    hits.add((i, r, a))
    return hits


def _crisis_reasons(text: str, distress_elsewhere: bool = False) -> list[str]:
    """The rules' plain reasons. ``distress_elsewhere``: the person's recent entries show distress, which turns a
    question about a means of harm into a hit as distress in the same text would."""
    return _reasons(_hits(text), distress_elsewhere)


def _reasons(hits: set[tuple[int, int, int]], distress_elsewhere: bool = False) -> list[str]:
    reasons: list[str] = []
    for i, r, alt in sorted(hits):
        rule = _RULES[r]
        if rule.tier == _STRONG:
            fires = True
        elif rule.tier == _WEAK:
            # two different phrases make a weak pair
            fires = any(
                abs(j - i) <= _WINDOW and (r2, alt2) != (r, alt) and _RULES[r2].tier != _MEANS
                for j, r2, alt2 in hits
            )
        elif rule.tier == _MEANS:
            fires = distress_elsewhere or any(_RULES[r2].tier != _MEANS for _, r2, _ in hits)
        else:
            fires = False
        if fires and rule.reason not in reasons:
            reasons.append(rule.reason)
    return reasons


def _distressed(hits: set[tuple[int, int, int]]) -> bool:
    """Whether a text's rule hits show loss, distress or hopelessness (or more)."""
    return any(_RULES[r].tier != _MEANS for _, r, _ in hits)


# A segment the learned layer flags still has to be the writer, now: the rules' tests of who and when apply.
_NOW = re.compile(
    # (an anniversary is not: "five years ago tonight")
    rf"\b(?:{_AGAIN}|{_RELAPSED}|(?<!ago )(?:last night|tonight|this week)|right now|these days|lately|"
    r"broke (?:it|my streak)|"
    # a streak counted while the urge is still there: "30 days clean but the urge to cut won't leave"
    r"back to (?:zero|day (?:one|1|0))|(?:urges?|thoughts?|cravings?)\b[^.!?]{0,20}\b(?:wont|will not|dont|do not|"
    r"doesnt|does not)\s+(?:\w+\s+)?(?:leave|go away|stop|fade|let up|quiet down))\b"
)
# Words of dying or harm; when each one in a flagged stretch is negated ("I'm not suicidal") or said of someone
# else ("he was thinking about suicide"), the stretch is not a hit. (Negating living is not among them: "I don't
# want to live" stays a hit.)
_HARM_WORD = re.compile(
    r"\b(?:suicid\w*|die|dies|dying|died|dead|death|kill\w*|hurt\w*|harm\w*|selfharm\w*|cut|cuts|cutting|burn\w*|"
    r"overdos\w*|unalive\w*|end(?:ing|ed)? (?:it|my life|things|myself)|jump\w*|sleep forever|give up)\b"
)
# Harm aimed at someone else ("kill my roommate", "punch my boss", "beat the crap out of whoever keyed my car"):
# anger at another person, not a wish to harm oneself, unless the writer is named in the same sentence.
_VIOLENCE = re.compile(
    r"\b(?:kill\w*|hurt\w*|harm\w*|murder\w*|strangl\w*|stab\w*|punch\w*|beat|shoot|choke)\b"
)
_AT_SOMEONE = re.compile(
    r"\s*(?:the (?:crap|shit|hell|living daylights|snot) out of\s+)?(?:(?:my|the|that|this|those|these|every|"
    r"all|some|little|big|stupid|damn|fucking|freaking|own|a|an|literally|actually)\s+){0,3}(\w+)"
)
_ANYONE = frozenset("whoever anyone anybody everybody somebody".split())
_SELF_TOO = re.compile(r"\b(?:me|myself|my life|my self|suicide)\b")


# "I still want to live", "I want to wake up alive tomorrow": a stretch that wishes to live, names no harm and has
# no "not", "but" or "not sure" in it ("I'm not sure I want to wake up" is no such wish)
_WANTS_TO_LIVE = re.compile(
    r"\b(?:want|wanna|wants|going|need|ready|glad|happy|grateful|lucky)\s+(?:\w+\s+){0,2}?(?:to\s+)?"
    r"(?:live|be alive|wake up|stay alive|keep going|keep living|be here|still be here)\b"
)
_DOUBT = _NEGATORS | {"but", "sure"}
_IF_THEN = re.compile(r"\s*(?:if|when|whenever)\b[^.?!]*\bthen\b")
# A coping plan: "If I ever feel like hurting myself, I'll call Sam first" says what the person will do, not an
# urge now (the safety plan's own wording; "I'll go to the bridge" or "I'll use …" are not among its steps)
_COPING_PLAN = re.compile(
    r"\s*(?:if|when|whenever)\s+i\s+(?:ever\s+|start to\s+|begin to\s+)?(?:feel|start|get|notice|have|think)\b"
    r"[^.?!]*?\b(?:then\s+)?(?:ill|i will|i can|i should|im going to|i am going to|my plan is to)\s+(?:\w+\s+)?"
    r"(?:call|text|ring|phone|message|reach out|tell|talk|ask|contact|open|read|look at|follow|remove|give)\b"
)
_GOODBYE = re.compile(r"\bgoodbyes?\b")
# A diary line that starts with the act and drops the "I": "cut again tonight after dad left"
_DIARY_ACT = re.compile(
    r"(?:cut|burn|burnt|burned|hurt|harmed|purg|starv|overdos|relaps|binged|restrict)\w*\b"
)
# The body after sport: "Went to the climbing gym. My forearms are shaking but I finished a route." A stretch
# with no word of harm that names a part of the body, in or just after a sentence about exercise, is effort
# (unless it says the harm was meant: _NOT_ACCIDENT).
_BODY_AT_WORK = re.compile(
    r"\b(?:wrists?|arms?|forearms?|thighs?|legs?|calves|hands?|fingers?|knees?|shoulders?|muscles?|hips?|"
    r"stomach|abs|core|back)\b"
)
_EXERCISE = re.compile(
    r"\b(?:gym|climb\w*|boulder\w*|routes?|run|runs|ran|running|jog\w*|races?|marathon|parkrun|\d+k|"
    r"workouts?|work(?:ed|ing)? out|training|squats?|deadlifts?|lifting|lifted|reps|yoga|pilates|"
    r"spin class|swim|swam|swimming|laps|cycl\w*|bike ride|hik\w*|football|rugby|tennis|netball|match|physio|"
    r"stretch\w*|rowing|crossfit|hiit|dance class)\b"
)
# A death in a game is a restart: "the fastest way to die in Minecraft to respawn at my bed"
_GAME = re.compile(rf"\b(?:terraria|the sims|speedrun\w*|hardcore mode|my (?:avatar|sim|toon)|{_GAMES})\b")
# A diary card's "No urges today" says there were none: a flagged stretch whose other words name no harm is not
# a hit ("No urges today. I want to die." is: "die" is a word of harm).
_NO_URGES = re.compile(
    r"(?:^|(?<=[.!?;,]))\s*(?:no|zero|nil)\s+(?:\w+\s+)?urges?(?:\s+(?:today|tonight|this week|at all))?\s*"
    r"(?=[.!?;,]|$)"
)
# An instruction with no first person ("Cut the onions finely before frying", "Burn the letters after reading")
# names no one's state: a flagged stretch that is only this is not a hit ("just end it" and "kill yourself" are
# not instructions about a thing).
_INSTRUCTION = re.compile(
    r"^(?:(?:then|now|next|first|and)\s+)?(?:cut|chop|slice|kill|burn|shoot|hang|drown|stab|bleed|choke|"
    r"strangle|poison|gut|crush|drop)\s+(?:the|a|an|some|all|these|those|each|your)\s+\w+"
)
_GIVEN_AWAY = re.compile(r"\bg(?:ive|ave|iving|iven)\b[^.]*\baway\b")
_ASKS_SOMEONE = re.compile(
    r"\b(?:do|does|can|could|would|will|have|are|should)\s+(?:you|we|they)\b[^.!]*\?\s*$"
)


# Suicide as someone else's death or as a subject of talk: "lost another friend to suicide", "14 funerals related
# to suicide", "suicide prevention training", "suicide is a huge problem in the services" (not "my suicide plan", "I
# called the suicide hotline", "suicide is the only way out")
_TOPIC_BEFORE = re.compile(
    r"\b(?:(?:lost|losing|lose|loses)\s+(?:\w+\s+){0,3}?to|(?:died|dies|death|deaths|funerals?|loss|losses|"
    r"bereaved|survivors?|veterans?|soldiers?|rates? of)\s+(?:by|to|from|of|after|related to)|related to|"
    r"(?:about|on|the topic of|the subject of)\s+(?:(?:veteran|military|teen|youth|male)\s+)?)\s+$"
)
_TOPIC_AFTER = re.compile(
    r"\s+(?:(?:prevention|awareness|rates?|statistics|stats|epidemic|research|training|bereavement|memorial|"
    r"vigil|walk|loss|vests?|bombers?|bombings?|squad|mission|doors?|drills?|briefings?|classes|class|"
    r"(?:is|was|has become|remains)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:problem|issue|epidemic|crisis|"
    r"tragedy|topic|subject|concern))\b)"
)


# A view of suicide in general, said of no one: "suicide is a selfish act", "suicide is a permanent fix to a
# temporary situation", a bill on physician-assisted suicide. Only where the sentence names neither the writer nor
# "you": "Suicide is selfish, I know, but I can't stop thinking about it" is the writer's own.
_VIEW_BEFORE = re.compile(r"\b(?:(?:physician|doctor|medically)\s+)?assisted\s+$")
_VIEW_AFTER = re.compile(
    r"\s+(?:is|was|isnt|wasnt)\s+(?:(?:not|never|always|a|an|the|so|such|very|really|just|truly|most)\s+){0,3}"
    r"(?:selfish|cowardly|cowards?|sin|sinful|a crime|crime|act|permanent|taboo|preventable|wrong)\b"
)
_WRITER = frozenset("i im ive id ill me my myself mine you youre your yourself".split())


def _suicide_as_topic(before: str, after: str) -> bool:
    if _TOPIC_BEFORE.search(before) or _TOPIC_AFTER.match(after):
        return True
    if not (_VIEW_BEFORE.search(before) or _VIEW_AFTER.match(after)):
        return False
    sentence = re.split(r"[.!?;]", before)[-1] + " " + re.split(r"[.!?;]", after)[0]
    return not _WRITER.intersection(_WORD.findall(sentence))


def _harm_words(norm: str) -> bool | None:
    """True when a normalised stretch holds a word of dying or harm said by the writer, of themself; False when it
    holds such words but each is someone else's, negated, aimed at another person or a diary card's zero; None
    when it holds none."""
    harm = list(_HARM_WORD.finditer(norm))
    aimed = any(_at_someone_else(norm[m.end() :]) for m in _VIOLENCE.finditer(norm))
    if not (harm or aimed):
        return None
    joins = _JOINS.search(norm)
    return not all(
        (
            ((_other_subject(norm[: m.start()]) and not joins) or _quoted_by_other(norm[: m.start()]))
            and not _put_to_writer(norm[: m.start()], norm[m.end() :])
        )
        or (_VIOLENCE.fullmatch(m.group()) and _at_someone_else(norm[m.end() :]))
        or (m.group() == "suicidal" and re.match(rf"\s+{_SUICIDAL_OTHERS}", norm[m.end() :]) is not None)
        or (m.group() in ("suicide", "suicides") and _suicide_as_topic(norm[: m.start()], norm[m.end() :]))
        or _negated(_clause(norm[: m.start()]), norm[m.end() :], m.group())
        or _ZERO_RATING.match(norm, m.end())
        for m in harm
    )


def _writer_now(part: str, after: str = "", before: str = "", min_words: int = 5, later: str = "") -> bool:
    """Whether a flagged stretch of text is the writer speaking of the present: not a recovered past ("I used to
    cut; clean for three years"), not a general question ("what is suicide?"), not about someone else, not an
    everyday figure of speech ("I could murder a curry") or an accident ("cut my finger chopping onions"), and at
    least ``min_words`` words long. ``later``: the text after ``after``, where a recovery may be told too."""
    norm = _as_writer(_normalize(part))
    # A heading or a short phrase ("all-or-nothing thinking", "What matters to me") is left to the rules.
    if len(norm.split()) < min_words:
        return False
    # The sentence after counts too: "Two years ago I tried to end my life. Today I ran a half marathon, so proud."
    after = _normalize(after)
    before = _normalize(before)
    around = f"{before} {norm} {after}"
    later = _normalize(later)
    parts = re.split(r"[.!?;]+", f"{norm} {after} {later}")[1:]
    # dated inside the stretch or in the two sentences after it ("… I didn't want to live. I drank. That was
    # 2012.")
    if (
        _past(around, *re.split(r"[.!?;]+", norm)[1:], after, later)
        and _over(around, parts)
        and not _NOW.search(norm)
    ):
        return False
    # "She asked if I'd had thoughts of harming myself and I said no" (or "… myself. I told her I haven't."); things
    # given away to a charity shop
    if (
        _ASKED.search(norm)
        and _SAID_NO.search(f"{norm} {after}")
        and not _LIED.search(f"{norm} {after} {later}")
    ) or (_GIVEN_AWAY.search(norm) and re.search(_DECLUTTER, norm)):
        return False
    if _FIGURATIVE.search(norm) or re.search(_ACCIDENT, norm) or _GAME.search(norm):
        return False
    words = _WORD.findall(norm)
    if (_INSTRUCTION.match(norm) and not _FIRST.intersection(words)) or _COPING_PLAN.match(norm):
        return False
    # "Am I suicidal? No, just exhausted.": a stretch whose only harm words are in a question answered no
    if _QUESTION_ANSWERED_NO.search(around) and not _harm_words(_QUESTION_ANSWERED_NO.sub(" ", around)):
        return False
    harm = _harm_words(norm)
    if harm is False:
        return False
    if harm is None and _NO_URGES.search(norm):
        return False
    if (
        harm is None
        and _BODY_AT_WORK.search(norm)
        and _EXERCISE.search(f"{before} {norm}")
        and re.match(_NOT_ACCIDENT, norm)
    ):
        return False
    # "If I am tired, then shoes on.": a plan for an obstacle (a WOOP or coping-plan line) that names no harm
    if harm is None and _IF_THEN.match(norm):
        return False
    # "said goodbye to my old car", "goodbyes at work before I move": a farewell to a place, a job or a thing
    if harm is None and _GOODBYE.search(norm) and re.search(_LEAVING, norm):
        return False
    if not harm and _WANTS_TO_LIVE.search(norm) and not _DOUBT.intersection(words):
        return False
    # A question about a means of harm is the rules' to judge: it counts next to distress, never alone.
    found = _hits_read(norm)  # ``norm`` is ``part`` as _hits would read it
    if found and all(_RULES[r].tier == _MEANS for _, r, _ in found):
        return False
    if _ASKS_SOMEONE.search(norm):  # "where do you think my shoulds come from?": a question for someone else
        return False
    if any(w in _FIRST for w in words) or _DIARY_ACT.match(norm):
        return True
    return not part.rstrip().endswith("?") and not any(w in _OTHER for w in words)


def _at_someone_else(after: str) -> bool:
    """Whether a harm word's object, just after it, is another person and the writer is not named with them
    ("just kill yourself and get it over with" is the writer talking to themselves)."""
    sentence = _SENTENCE_PART.match(after).group(1)
    m = _AT_SOMEONE.match(sentence)
    victim = m.group(1) if m else ""
    return (victim in _OTHER or victim in _ANYONE) and victim != "yourself" and not _SELF_TOO.search(sentence)


def _learned(texts: list[str]) -> tuple[list[bool], list[tuple[crisis_model.Segment, ...]], str | None]:
    """The learned layer's verdict per text and the stretches it flagged before the who-and-when test, or all
    False (nothing flagged) and why it could not run."""
    try:
        found = crisis_model.hits(texts)
    except KitError as exc:
        return [False] * len(texts), [()] * len(texts), str(exc)
    except (OSError, ValueError, RuntimeError) as exc:  # onnxruntime or a damaged file: the rules still run
        return [False] * len(texts), [()] * len(texts), f"{type(exc).__name__}: {exc}"
    verdicts = [
        any(_segment_counts(t, s.start, s.end) for s in segs) and not _told_as_over(t)
        for t, segs in zip(texts, found, strict=True)
    ]
    return verdicts, found, None


# The writer in the present, in words of distress or harm: "I still want to", "I can't stop thinking about it"
_PRESENT_DISTRESS = re.compile(
    r"\b(?:i|im|ive|i am|i have|i feel|i keep|i just)\b[^.!?]*\b(?:want\w*|wanna|wish\w*|cant|hopeless|die|dying|"
    r"dead|kill\w*|end|hurt\w*|cut\w*|harm\w*|suicid\w*|tired|exhausted|worthless|empty|numb|trapped|struggl\w*|"
    r"scared|afraid|hate\w*|urges?|relaps\w*|alone|nobody|no one|no point|pointless|done)\b"
)
# A time of life told as over: "I was 19", "hospitalised at 16", "I'm 28 now", "in recovery for 3 years"
_THEN_AND_NOW = re.compile(
    rf"\b(?:i was {_AGE}|at {_AGE}(?!\s*(?:am|pm|oclock|hours?|minutes?|percent|kg|kgs|lbs|mph|degrees))|"
    rf"(?:im|i am) {_AGE} now|"
    rf"(?:in recovery|recovered|clean|free)\s+(?:from\s+(?:\w+\s+){{1,3}})?for\s+(?:over\s+|about\s+|almost\s+)?"
    rf"(?:{_COUNT}|a)\s+(?:years?|months?))\b"
)


def _told_as_over(text: str) -> bool:
    """Whether a whole text tells a crisis as past and over ("Ten years ago I was admitted weighing next to
    nothing ... Now I eat toast without a second thought"), with nothing in it of the present in words of harm
    or distress: the learned layer's flags in it do not count (the rules still read every sentence). A sentence
    to the reader ("if you're in it right now, it gets better") says nothing of the writer's present."""
    norm = _as_writer(_normalize(text))
    mine = []
    for part in re.split(r"[.!?;\n]+", norm):
        words = set(_WORD.findall(part))
        if words and not (words & _YOU_FORMS and not words & _FIRST):
            mine.append(part)
    told = " . ".join(mine)
    if not (_PAST.search(told) or _THEN_AND_NOW.search(told)) or not _over(told, []):
        return False
    if _BACK.search(told) or _NOW.search(told):
        return False
    return not any(
        _PRESENT_DISTRESS.search(part) and not (_PAST.search(part) or _THEN_AND_NOW.search(part))
        for part in mine
    )


def _distress_beside(text: str, segments: Sequence[crisis_model.Segment]) -> bool:
    """Whether the learned layer read distress beside a means question in ``text``, in a stretch that is the
    writer, now, however short ("I'm finished, everything's gone. What's the tallest car park in town?"): a
    flagged stretch that holds no question about a means of harm, or one that holds the question and more
    where the question's own sentence is not flagged (the words beside it made the flag: "I give up. Which
    bridges near me are taller than 25 meters?"). The question alone never counts as its own distress."""
    flagged = {(s.start, s.end) for s in segments}
    spans = crisis_model.sentence_spans(text)

    @functools.cache  # windows overlap: each sentence is read once
    def means(start: int, end: int) -> bool:
        return any(_RULES[r].tier == _MEANS for _, r, _ in _hits(text[start:end]))

    def stretches(s: crisis_model.Segment) -> list[tuple[int, int]]:
        """The parts of a flagged stretch that may be the distress: all of it, or its sentences beside the
        question when the question's own sentence is not flagged."""
        if not means(s.start, s.end):
            return [(s.start, s.end)]
        inside = [(a, b) for a, b in spans if s.start <= a and b <= s.end]
        asking = [span for span in inside if means(*span)]
        if not asking or flagged.intersection(asking):
            return []
        return [span for span in inside if span not in asking]

    return any(_segment_counts(text, a, b, min_words=2) for s in segments for a, b in stretches(s))


def _segment_counts(text: str, start: int, end: int, min_words: int = 5) -> bool:
    """Whether the stretch ``text[start:end]`` that the learned layer flags counts: ``_writer_now`` with the
    sentences around it (bench/train_crisis.py chooses its thresholds with this too)."""
    after = _next_sentence(text, end)
    later = text[end:].lstrip()[len(after) :]
    return _writer_now(text[start:end], after, _sentence_before(text, start), min_words, later)


def _next_sentence(text: str, end: int) -> str:
    """The sentence that follows a stretch of ``text`` (a recovered past is often told in the next one)."""
    m = _SENTENCE_PART.match(text[end:].lstrip())
    return m.group(0) if m else ""


def _sentence_before(text: str, start: int) -> str:
    """The sentence before a stretch of ``text`` ("When I was 16 I tried to end my life. I'm grateful I'm here.")."""
    parts = [m.group(0) for m in _SENTENCE_PART.finditer(text[:start].rstrip()) if m.group(0).strip()]
    return parts[-1] if parts else ""


def crisis_all(texts: Sequence[str], *, recent: Sequence[str] = ()) -> list[SafetyReport]:
    """The crisis part of ``check`` for many texts at once (no personal details looked for: ``pii`` stays empty).

    The learned layer embeds them in batches (and remembers texts it read). The flows call this once per request,
    and ``kit.safety.pii.find_pii`` once per text that may leave the machine."""
    texts = list(texts)
    hits_of: dict[str, set[tuple[int, int, int]]] = {}  # the rules read each distinct text once per call

    def hits(text: str) -> set[tuple[int, int, int]]:
        if text not in hits_of:
            hits_of[text] = _hits(text) if text.strip() else set()
        return hits_of[text]

    reasons = [_reasons(hits(text)) for text in texts]
    todo = [k for k, r in enumerate(reasons) if not r and texts[k].strip()] if _USE_LEARNED else []
    learned, flagged, why = _learned([texts[k] for k in todo]) if todo else ([], [], None)
    flagged_in = dict(zip(todo, flagged, strict=True))
    for k, hit in zip(todo, learned, strict=True):
        if hit:
            reasons[k] = [_R_LEARNED]
    recent_distress: bool | None = None
    for k, text in enumerate(texts):
        if reasons[k] or not _reasons(hits(text), distress_elsewhere=True):
            continue
        # a means question with distress the rules do not read but the learned layer does, in the same text
        if _distress_beside(text, flagged_in.get(k, ())):
            reasons[k] = [_R_MEANS]
            continue
        if not recent:
            continue
        if recent_distress is None:  # read the recent entries once, and only when a means question needs it
            recent_distress = any(_distressed(hits(r)) for r in recent) or (
                _USE_LEARNED and any(_learned(list(recent))[0])
            )
        if recent_distress:
            reasons[k] = [_R_MEANS_RECENT]
    reports = []
    for text, found in zip(texts, reasons, strict=True):
        notes = []
        if text.strip() and not looks_english(text):
            notes.append(_NOTE_LANGUAGE)
        if why and not found:
            notes.append(_NOTE_NO_MODEL.format(why=why))
        reports.append(SafetyReport(crisis=bool(found), reasons=found, notes=notes))
    return reports


def check_all(texts: Sequence[str], *, recent: Sequence[str] = ()) -> list[SafetyReport]:
    """``check`` for many texts at once: the crisis part, then each text's personal details."""
    texts = list(texts)
    return [
        dataclasses.replace(report, pii=find_pii(text))
        for text, report in zip(texts, crisis_all(texts, recent=recent), strict=True)
    ]


def check(text: str, *, recent: Sequence[str] = ()) -> SafetyReport:
    """Whether ``text`` reads like a crisis (the writer wanting to die or hurt themself); its PII spans.

    ``recent``: the person's recent entries. A question about a means of harm (heights, pills, trains) is a hit
    when the text itself or these entries show loss, distress or hopelessness."""
    return check_all([text], recent=recent)[0]
