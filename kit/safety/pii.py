"""Personal information in text — emails, phone numbers, street addresses, names of people and places.

Offline. The rules are precise rather than complete: a name is found after a cue such as "my friend", "with" or
"in", or before a verb that only a person does ("Priya asked"). With ``recogniser=True`` the names and places of
a named-entity recogniser on this machine (kit.safety.recogniser: spaCy's small English pipeline) are added, filtered
for journal text, with the kit's lists of given names and of places (kit/data/NAME_LISTS.md) for what it misses
("Faina called", "Oluwakemi", "Tbilisi"). It is used where details matter — before text goes to a model that is
not on this machine, ``reflect export --redact`` and ``reflect check`` — and the kit keeps to the rules when it is
not installed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import asdict, dataclass, replace
from importlib import resources
from typing import Any

from kit.safety import recogniser


@dataclass(frozen=True)
class Span:
    """A piece of personal information in the checked text: ``text == source[start:end]``."""

    label: str  # EMAIL | PHONE | ADDRESS | PERSON | PLACE
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,11}(?:[ .-]\d{2,6}){0,4}(?!\w)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Letters of the Latin, Greek and Cyrillic alphabets, so "Siobhán", "Małgorzata", "Krisztián" and a street such as
# "Mansız Alley" are whole words.
_UP = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x530) if chr(c).isupper())
_LOW = "a-z" + "".join(chr(c) for c in range(0xC0, 0x530) if chr(c).islower())
# The last word of a street's name: the common British ones and the US Postal Service's street suffixes.
_STREET = (
    r"(?:(?:Street|Road|Avenue|Lane|Drive|Boulevard|Court|Place|Way|Close|Crescent|Terrace|Square|Parkway|"
    r"Highway|Gardens|Grove|Row|Mews|Hill|Walk|Circle|Alley|Bridge|Causeway|Cove|Creek|Crossing|Estates?|"
    r"Expressway|Freeway|Gate|Glen|Green|Heights|Hollow|Junction|Lake|Landing|Loop|Manor|Meadows?|Mill|Park|"
    r"Parade|Pass|Path|Pike|Plaza|Point|Quay|Ridge|Rise|Route|Springs?|Trail|Turnpike|Valley|View|Vista|"
    r"Wharf|Stream|Mission|Station|Village|Forest|Fields?|Harbou?r|Islands?|Isle|Shores?|Summit|Trace|Knoll|"
    # the rest of the US Postal Service's street suffixes, as people spell them out
    r"Annex|Arcade|Bayou|Beach|Bend|Bluffs?|Bottom|Branch|Brooks?|Burgs?|Bypass|Camp|Canyon|Cape|Cent(?:er|re)|"
    r"Cliffs?|Club|Commons?|Corners?|Courts|Coves|Crest|Curve|Dale|Divide|Extension|Falls|Ferry|Flats?|Fords?|"
    r"Forges?|Forks?|Fort|Gateway|Glens|Greens|Groves|Harbors|Haven|Hills|Inlet|Keys?|Knolls|Lakes|Lights?|"
    r"Locks?|Lodge|Manors|Mills|Motorway|Mount|Mountains?|Neck|Orchard|Oval|Overpass|Parks|Parkways|Passage|"
    r"Pines?|Plains?|Points|Ports?|Prairie|Radial|Ranch|Rapids?|Ridges|River|Roads|Shoals?|Skyway|Spur|Squares|"
    r"Stravenue|Streets|Throughway|Track|Trafficway|Tunnel|Underpass|Unions?|Viaduct|Views|Villages|Ville|"
    r"Vistas|Ways|Wells?)"
    r"(?![\w'-])|(?:St|Rd|Ave|Ln|Dr|Blvd|Ct|Pl|Sq|Pkwy|Hwy|Cir|Cres|Ter|Trl)\b\.?)"
)
# A flat or suite before or after the street ("Flat 2, 88 Kingsway Road", "12 Oak Lane Apt 4B").
_UNIT = r"(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl)\.?[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?|#[ \t]*\d{1,5}[A-Za-z]?)"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}"
_US_ZIP = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    r"NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?[ \t]+\d{5}(?:-\d{4})?"
)
_POSTCODE = re.compile(rf"\b(?:{_UK_POSTCODE}|{_US_ZIP})\b")
_TOWN = rf"[{_UP}][{_UP}{_LOW}'-]+(?:[ \t]+[{_UP}][{_UP}{_LOW}'-]+){{0,2}}"
_NEXT_LINE = r"[ \t]*,?[ \t]*\n?[ \t]*"  # ", " or a line break between the parts of an address
# "14 Elm Road", and the town and postcode after it on the same line or the next ("14 Elm Road\nLeeds LS6 2AB").
_ADDRESS = re.compile(
    rf"(?:\b{_UNIT}[ \t]*,?[ \t]*)?"
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:(?:[{_UP}][{_UP}{_LOW}'-]+|\d+(?:st|nd|rd|th))\s+){{1,3}}{_STREET}"
    rf"(?:[ \t]*,?[ \t]*{_UNIT})?"
    # the town is taken before punctuation, the text's end or a word in lower case ("…, Leeds for a week")
    rf"(?:{_NEXT_LINE}{_TOWN}(?:{_NEXT_LINE}(?:{_UK_POSTCODE}|{_US_ZIP}))?(?=[ \t]*(?:[,.;!?\n]|$)|[ \t]+[{_LOW}]))?"
)
# Names: capitalised words kept only after a cue ("my friend Anna", "with Tom", "Dr. Lee", "in Leeds").
_NAME = rf"[{_UP}](?:['\u2019][{_UP}])?[{_LOW}]+(?:[-'\u2019][{_UP}][{_LOW}]+)?"  # Anna, O'Neil, Karen-Ann
_CAPITALS = re.compile(
    rf"[{_UP}](?<![{_UP}{_LOW}][{_UP}])(?:(?:['\u2019][{_UP}])?[{_LOW}]+(?:[-'\u2019][{_UP}][{_LOW}]+)?"
    rf"(?:[ \t]{_NAME})*|[{_UP}]{{1,4}}(?![{_UP}{_LOW}]))"
)
_RUN_WORD = re.compile(r"\S+")
# A street named without its number: "we used to live on Elm Street", "walked past Ferncliffe Road".
_STREET_NAME = re.compile(
    rf"(?<![\w'\u2019-])(?:{_NAME}[ \t]+){{1,2}}(?:Street|Road|Avenue|Lane|Crescent|Terrace|Boulevard|Mews)"
    r"(?![\w'\u2019-])"
)
# Streets written the continental way: "17 Rue des Lilas, Lyon", "Via Roma 10", "Calle Mayor 3, 28013 Madrid",
# "Hauptstraße 5, 10115 Berlin".
_EU_STREET = (
    r"(?:Rue|Avenue|Avenida|Av\.|Calle|Carrer|Via|Viale|Piazza|Corso|Vicolo|Largo|Rua|Travessa|Praça|Plaza|"
    r"Paseo|[Uu]lica|ul\.|[Pp]lac|[Aa]leja|al\.|[Oo]siedle|os\.|Strada|Calea|Bulevardul|[SȘŞ]oseaua|Aleea|"
    r"Boulevard|Chemin|Allée|Quai)"
)
_EU_WORDS = (
    rf"(?:[ \t]+(?:(?:de|del|della|dei|des|di|da|do|dos|das|du|la|le|les)[ \t]+)?[{_UP}][{_LOW}'-]+){{1,4}}"
)
_EU_TOWN = rf"(?:[ \t]*,[ \t]*\n?[ \t]*(?:\d{{4,5}}[ \t]+)?[{_UP}][{_LOW}'-]+(?:[ \t][{_UP}][{_LOW}'-]+)?)?"
_ADDRESS_EU = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?[ \t]+{_EU_STREET}{_EU_WORDS}{_EU_TOWN}"
    rf"|\b{_EU_STREET}{_EU_WORDS},?[ \t]+\d{{1,4}}[a-z]?\b{_EU_TOWN}"
    rf"|\b[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*-?(?:[Ss]traße|[Ss]trasse|[Ww]eg|[Gg]asse|[Pp]latz|[Aa]llee|[Dd]amm|"
    rf"[Uu]fer|straat|gracht|laan|vej|gatan|gata|vägen|veien|stigen|gränd|torget|backen)[ \t]+\d{{1,4}}[a-z]?\b"
    rf"{_EU_TOWN}"
)
_CUE_BEFORE = re.compile(r"([A-Za-z-]+)(\.?)[ \t]+$")
_TITLES = frozenset("dr mr mrs ms mx prof professor".split())
_PERSON_CUES = frozenset(
    """
    friend friends colleague colleagues coworker coworkers co-worker co-workers boss manager partner
    boyfriend girlfriend husband wife fiance fiancee brother sister cousin aunt auntie uncle neighbour
    neighbor therapist counsellor counselor doctor teacher tutor coach son daughter flatmate roommate
    housemate ex mate buddy niece nephew grandson granddaughter classmate client landlord landlady dentist
    with called named met meeting meet texted texting text told tell telling asked ask asking messaged
    email emailing emailed phoned rang ring thanked hugged dear hi hey thanks dating dated married marry
    """.split()
)
# "My name is Ana", "her name's Priya", "their names are Tom and Ben", "he goes by Kit"
_NAME_IS = re.compile(
    r"\b(?:names?(?:[ \t]+(?:is|was|are|were)|['\u2019]s)|goes[ \t]+by)[ \t]+$", re.IGNORECASE
)
_PLACE_CUES = frozenset("in at to from near visiting visited visit around across towards".split())
# "to Anna" is a person after talking or giving ("gave my books to Sam"), otherwise a place ("went to Leeds").
_TO_PERSON = re.compile(
    r"\b(?:talk|talked|talking|spoke|speak|speaking|wrote|write|writing|said|say|listened|listen|lied|"
    r"apologi[sz]ed|explained|mentioned|replied|introduced|married|engaged|close|next|reached out|opened up|"
    r"gave|give|giving|sent|send|handed|lent|lend|showed|passed|offered|sold|donated|returned|texted|emailed)"
    r"(?:[ \t]+(?!about\b)[A-Za-z']+){0,2}[ \t]+to[ \t]+$",
    re.IGNORECASE,
)
_CUES = _PERSON_CUES | _PLACE_CUES
_LIST_JOIN = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)")
_SENTENCE_OPENERS = frozenset(
    """
    then but and so when after later also even maybe now still because if as once while until before since
    though although yet well oh okay ok sadly luckily finally apparently suddenly again why how what where who
    today yesterday tonight honestly anyway somehow thankfully hopefully perhaps
    """.split()
)
# A capitalised word that says, asks or feels something is a person even at a sentence start ("Priya asked").
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:and[ \t]+(?:I|me)\b|from[ \t]+(?:work|school|church|class|group|the office|the gym|therapy|"
    r"next door|upstairs|downstairs)\b|(?:said|says|asked|asks|told|tells|wants|wanted|texted|texts|called|calls|"
    r"rang|phoned|emailed|messaged|replied|laughed|cried|hugged|smiled|shouted|yelled|invited|suggested|"
    r"mentioned|agreed|helped|came|comes|visited|thinks|feels|felt|knows|knew|loves|loved|hates|hated|"
    r"promised|forgot|remembered|apologi[sz]ed|explained|admitted|insisted|complained|argued|snapped|"
    r"ignored|noticed|offered|listened|cooked|drove|dropped|picked|slept|sleeps|woke|napped|snored|joined|waved|"
    r"sang|danced|winked|hasn't|hadn't|doesn't|didn't|won't|"
    r"can't|couldn't|wouldn't)\b)"
)
_NOT_NAMES = frozenset(
    """
    I Mum Mom Mummy Mommy Ma Dad Daddy Pa Mother Father Nan Nana Nanna Gran Granny Grandma Grandpa Grandad
    Granddad Grandmother Grandfather Sis Bro Babe Baby Honey God Jesus Lord Christ Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Christmas Easter Halloween Thanksgiving Today Tomorrow Yesterday Tonight
    Morning Evening The A An My Our His Her Their This That These Those It He She They We You Me Him Them
    Us Your Yours Please Everyone Someone Nobody Anyone Dr Mr Mrs Ms Mx Prof Professor AI OK TV PM AM IT UK US USA EU NHS ER
    ICU Python Jupyter English French Spanish German Italian Chinese Japanese Netflix Zoom Slack Teams
    Excel Spotify YouTube Instagram Facebook Twitter WhatsApp TikTok Reddit Google Amazon Uber Covid
    Therapy Work Home School Church Bed Lunch Dinner Breakfast
    """.split()
)


def _names(text: str) -> list[Span]:
    """PERSON and PLACE spans: capitalised words that follow a cue word."""
    spans: list[Span] = []
    for run in _CAPITALS.finditer(text):
        words = [(run.start() + w.start(), w.group()) for w in _RUN_WORD.finditer(run.group())]
        cue = ""
        # "Dr Lee" inside one run, also after the sentence's first word ("Saw Dr Okafor today")
        titled = next((k for k, (_, word) in enumerate(words[:-1]) if word.lower() in _TITLES), None)
        if titled is not None:
            cue, start = "title", words[titled][0]
            words = words[titled + 1 :]
        elif len(words) > 1 and words[0][1].lower() in _CUES:  # "In Leeds", "With Tom"
            cue = words[0][1].lower()
            words = words[1:]
            start = words[0][0]
        elif spans and _LIST_JOIN.fullmatch(text, spans[-1].end, run.start()):  # "met Chloe and Ben"
            cue, start = "list:" + spans[-1].label, words[0][0]
        else:
            prev = _CUE_BEFORE.search(text, max(0, run.start() - 30), run.start())
            cue = prev.group(1).lower() if prev is not None else ""
            if cue in _TITLES:
                cue, start = "title", prev.start(1)
            elif cue in _CUES and not prev.group(2):  # a full stop before the run ends the cue's sentence
                start = words[0][0]
            elif _NAME_IS.search(text, max(0, run.start() - 30), run.start()):  # "her name is Ana Lima"
                cue, start = "named", words[0][0]
            elif _PERSON_AFTER.match(text, run.end()):
                # "Then Tom came over": the capitals run starts with the sentence's first word, which is no name.
                while words and words[0][1].lower() in _SENTENCE_OPENERS:
                    words = words[1:]
                if not words or len(words) > 2:
                    continue
                cue, start = "after", words[0][0]
            else:
                continue
        if words[0][1] in _NOT_NAMES or (words[0][1].isupper() and words[0][1].lower() in _COMMON):
            continue  # "to THE": shouting, not an acronym
        while words and words[-1][1] in _NOT_NAMES:
            words.pop()
        if cue.startswith("list:"):  # the next name in a list takes the kind of the one before it
            label = cue[5:]
            words = words[: 2 if label == "PERSON" else 3]
            if label == "PLACE" and _PERSON_AFTER.match(text, run.end()) and len(words) <= 2:
                label = "PERSON"  # "from Lyon to Nice and Maria slept the whole way"
        elif cue in ("title", "after") or cue in _PERSON_CUES:
            label, words = "PERSON", words[:2]
        elif cue in _PLACE_CUES:
            after = text[words[0][0] + len(words[0][1]) : words[0][0] + len(words[0][1]) + 2]
            if after in ("'s", "\u2019s"):  # "at Tom's"
                label, words = "PERSON", words[:1]
            elif cue == "to" and _TO_PERSON.search(text, max(0, start - 60), start):
                label, words = "PERSON", words[:2]
            else:
                label, words = "PLACE", words[:3]
        else:
            continue
        if label == "PERSON" and words[0][1].isupper():  # acronyms are not people
            continue
        end = words[-1][0] + len(words[-1][1])
        spans.append(Span(label, start, end, text[start:end]))
    return spans


def _street_names(text: str) -> list[Span]:
    """PLACE spans of streets named without a number, less a sentence's first word before the name ("Then Elm
    Street was closed")."""
    spans = []
    for m in _STREET_NAME.finditer(text):
        words = list(_RUN_WORD.finditer(m.group()))
        first = words[0].group()
        if first.lower() in _SENTENCE_OPENERS or first in _NOT_NAMES or first.lower() in _CUES:
            if len(words) == 2:
                continue  # "The Road to recovery": only the street word is left
            words = words[1:]
        start = m.start() + words[0].start()
        spans.append(Span("PLACE", start, m.end(), text[start : m.end()]))
    return spans


def find_pii(text: str, *, recogniser: bool = False) -> list[Span]:
    """The personal details in ``text``, in order, never overlapping.

    ``recogniser=True`` adds the names and places of the recogniser on this machine (slower: about 1.5 s to load
    once, then milliseconds per entry); without it, or when it is not installed, the rules alone
    (:func:`recogniser_status` says which)."""
    found: list[tuple[int, Span]] = []  # (priority, span): on overlap the lower priority number wins
    if "@" in text:
        found += [(0, Span("EMAIL", m.start(), m.end(), m.group())) for m in _EMAIL.finditer(text)]
    if any(c.isdigit() for c in text):
        for m in _PHONE.finditer(text):
            value = m.group()
            digits = sum(c.isdigit() for c in value)
            groups = re.findall(r"\d+", value)
            if value.startswith("+"):
                ok = 8 <= digits <= 15
            else:
                ok = 10 <= digits <= 12 and (len(groups) > 1 or "(" in value or value.startswith("0"))
            if ok and not all(_YEAR.fullmatch(g) for g in groups):
                found.append((1, Span("PHONE", m.start(), m.end(), value)))
        found += [(2, Span("ADDRESS", m.start(), m.end(), m.group())) for m in _ADDRESS.finditer(text)]
        found += [(2, Span("ADDRESS", m.start(), m.end(), m.group())) for m in _POSTCODE.finditer(text)]
        found += [(2, Span("ADDRESS", m.start(), m.end(), m.group())) for m in _ADDRESS_EU.finditer(text)]
    names = _names(text)
    names += [s for s in _street_names(text) if not any(_overlap(s, n) for n in names)]
    if recogniser:
        names = _people_not_places(text, _merge(text, names, _recognised(text)))
        names = _merge(text, names, [s for s in _lower_case(text) if not any(_overlap(s, n) for n in names)])
        names = _whole(text, names)
        found += [(4, span) for span in _elsewhere(text, names)]
    found += [(3, span) for span in names]
    accepted: list[Span] = []
    for _, span in sorted(found, key=lambda f: (f[0], f[1].start, -f[1].end)):
        if not any(_overlap(span, s) for s in accepted):
            accepted.append(span)
    return sorted(accepted, key=lambda s: s.start)


def recogniser_status() -> str:
    """How names and places are found, in one line: "names and places: spaCy en_core_web_sm 3.8.0 (…)", or
    "names and places: rules only, because <problem> — <fix>". Checks the pipeline's files; loads nothing."""
    return recogniser.status()


# ---------------------------------------------------------------- the recogniser's names, fitted to journal text

# Words a recogniser trained on news takes for names in a diary: days, family words, feelings and the like at the
# start of a sentence. None of them says who someone is or where they live.
_NOT_PERSONAL = (_NOT_NAMES - {"UK", "US", "USA"}) | frozenset(
    """
    Mummy Mam Mama Papa Auntie Uncle Aunt Sister Brother Son Daughter Wife Husband Hubby Bestie Allah Buddha
    Heaven Hell Universe Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun
    Weekend Week Month Year Years Day Night Felt Feel Feeling Feels Anxious Anxiety Tired Sad Happy Angry
    Lonely Grateful Gratitude Calm Stressed Overwhelmed Hopeful Proud Ashamed Guilty Scared Afraid Worried Excited
    Exhausted Depressed Depression Panic Okay Fine Great Good Bad Better Worse Awful Love Hate Fear
    Grief Shame Mood Energy Sleep Slept Woke Journal Dear Diary Note Notes Goal Goals Plan Plans Gym Yoga Run
    Walk Meditation Therapist Doctor Meds Lol Omg Haha Ugh Wow Yay Yes No Hi Hey Hello Bye Thanks Please Sorry
    """.split()
)
# Ordinary words a recogniser sweeps into a name when they are capitalised ("Come To Birmingham", "Got").
_COMMON = _SENTENCE_OPENERS | frozenset(
    """
    i me my mine you your yours he him his she her hers we us our they them their it its this that these those
    a an the to of in on at by for from with without about into over under up down out off here there some any
    all every no not is am are was were be been being have has had do does did got get gets getting go goes
    going went gone come comes came coming see saw seen watch watching watched listen listening read reading
    love loved loving like liked hate hated need needed want wanted miss missed think thought know knew feel
    felt say said tell told make made take took give gave let lets let's thank thanks thankyou congrats sorry
    please yes no yeah yep nope hi hey hello bye goodbye welcome happy merry good great best nice new old big
    little first last next more most very much many really just only also still even ever never always today
    tonight tomorrow yesterday morning evening night lol omg haha wow ugh
    """.split()
)
# All-capital places worth hiding; other short capitals are acronyms the recogniser takes for places.
_CAPITAL_PLACES = frozenset("UK US USA UAE NYC LA DC NZ".split())
# Where one recogniser span holds several names: commas, "and", line breaks and other lower-case words
# ("Innsbruck with Lukas"), but not the particles inside a name ("Leonardo da Vinci", "Ludwig van Beethoven").
_PARTICLES = "da|de|del|della|der|di|do|dos|du|la|le|van|von|den|ten|ter|al|el|bin|ibn|bint|ben|y|e|zu"
_LIST_SPLIT = re.compile(rf"[ \t]*(?:[,;&\n]|\b(?!(?:{_PARTICLES})\b)[a-z]+\b)[ \t]*")
_WORD = re.compile(r"[^\W_][\w'\u2019.-]*")


def _recognised(text: str) -> list[Span]:
    """The recogniser's PERSON and PLACE spans, split at "and" and commas and filtered; [] when unavailable."""
    regions = _regions(text)
    raw = recogniser.entities(text, regions)
    if raw is None:
        return []
    places, gazetteer = _places()
    world = _world_places()
    given, _, also_places = _given_names()
    spans: list[Span] = []
    for label, start, end in raw:
        piece_start = start
        for sep in [*_LIST_SPLIT.finditer(text, start, end), None]:
            piece_end = sep.start() if sep is not None else end
            span = _fit(text, label, piece_start, piece_end)
            whole = text[piece_start:piece_end].strip()
            if span is not None and (whole in places or whole in world):  # "New Zealand", not "Zealand"
                at = text.index(whole, piece_start)
                span = Span("PLACE", at, at + len(whole), whole)
            if span is not None:
                # A recogniser trained on news reads "Kraków" or "Oxford" in a diary as a person or a firm,
                # and "Jim" or "Adrianna" as a place; not "Virginia" or "Florence", which are both.
                if span.text in places or span.text in world:
                    span = replace(span, label="PLACE")
                elif label == "PLACE" and _fold(span.text) in given - also_places:
                    span = replace(span, label="PERSON")
                spans.append(span)
            if sep is not None:
                piece_start = sep.end()
    # Names and places it missed, from the kit's lists; after its own spans, so "Whitney Houston" stays one
    # person. Given names before places, so a name in both lists ("Florence") is a person unless a cue says.
    spans += _listed_people(text, _all_places())
    for start, end in regions:
        spans += [Span("PLACE", m.start(), m.end(), m.group()) for m in gazetteer.finditer(text, start, end)]
    spans += _listed_places(text, world)
    return spans


# A given name as a word: "Faina", "Siobhán", "O'Neil", "Karen-Ann" (not "Faina's" tail, not inside "McFaina").
_GIVEN_WORD = re.compile(rf"(?<![\w'\u2019-]){_NAME}(?![\w-])")
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d"})
_SENTENCE_END = frozenset(".!?:;\n\u2026")


def _fold(word: str) -> str:
    """Lower case without accents, as the name lists are written: "Krisztián" -> "krisztian"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip(" \t\"'\u201c\u2018([*-")
    return (not before and start <= 12) or (bool(before) and before[-1] in _SENTENCE_END)


@functools.cache
def _given_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """kit/data/given_names.txt, folded: (every name, those that are also ordinary English words ("will"), those
    that are also places ("virginia"))."""
    lines = resources.files("kit").joinpath("data/given_names.txt").read_text("utf-8").splitlines()
    rows = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    marked = {mark: frozenset(r[0] for r in rows if mark in r[-1] and len(r) > 1) for mark in "*@"}
    return frozenset(r[0] for r in rows), marked["*"], marked["@"]


@functools.cache
def _world_places() -> frozenset[str]:
    """kit/data/world_places.txt: countries and cities of 50,000 people or more, as GeoNames writes them."""
    lines = resources.files("kit").joinpath("data/world_places.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _all_places() -> frozenset[str]:
    return _places()[0] | _world_places()


def _listed_people(text: str, places: frozenset[str]) -> list[Span]:
    """Given names from the kit's list, capitalised, with a capitalised word after them as the surname.

    Only runs of one or two capitalised words: three or more are a title ("Lawyer Can Help") or a name the
    recogniser is better at. A name that is also an ordinary word ("Will", "Grace") only with a surname and not
    at a sentence's start; alone, a cue ("with Grace") or the recogniser decides."""
    given, ordinary, _ = _given_names()
    runs: list[list[re.Match[str]]] = []
    for word in _GIVEN_WORD.finditer(text):
        value = word.group()
        if value in _NOT_PERSONAL or value.lower() in _COMMON or value in _NOT_GIVEN:
            runs.append([])  # "Uncle Bob": the family word ends the run before the name
            continue
        if runs and runs[-1] and text[runs[-1][-1].end() : word.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
    spans: list[Span] = []
    for run in runs:
        if not run or len(run) > 2 or any(w.group() in places for w in run):
            continue
        first = run[0].group()
        key = _fold(first)
        if key not in given and _fold(first.split("-")[0]) not in given:
            continue
        if key in ordinary and (len(run) == 1 or _starts_sentence(text, run[0].start())):
            continue
        spans.append(Span("PERSON", run[0].start(), run[-1].end(), text[run[0].start() : run[-1].end()]))
    return spans


# In the list of names but in a diary more often something else: star signs, titles, a few brands.
_NOT_GIVEN = frozenset(
    """
    Aries Taurus Gemini Cancer Leo Virgo Libra Scorpio Sagittarius Capricorn Aquarius Pisces King Queen Prince
    Princess Lord Lady Sir Saint Santa Pope Major Doctor Nurse Master Judge Mac Ford Costa Tesco Mercedes
    """.split()
)


_PLACE_WORD = re.compile(rf"[{_UP}][^\W\d_]*(?:['\u2019.-][^\W\d_]+)*")


# All-capital places found wherever they are; "US" is left to a cue or the recogniser ("LOVE US").
_CAPITAL_PLACES_LISTED = frozenset("UK USA UAE NYC".split())


def _one_space_apart(text: str, words: list[re.Match[str]]) -> bool:
    """Whether the words follow each other with one space between each pair ("Kuala Lumpur", not "Kuala,\nLumpur")."""
    return all(text[a.end() : b.start()] == " " for a, b in zip(words, words[1:], strict=False))


def _listed_places(text: str, world: frozenset[str]) -> list[Span]:
    """Places in kit/data/world_places.txt, longest first ("Kuala Lumpur", not "Kuala")."""
    words = list(_PLACE_WORD.finditer(text))
    spans: list[Span] = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            group = words[i : i + n]
            if len(group) < n or not _one_space_apart(text, group):
                continue
            start, end = group[0].start(), group[-1].end()
            if text[start:end] in world or text[start:end] in _CAPITAL_PLACES_LISTED:
                spans.append(Span("PLACE", start, end, text[start:end]))
                i += n - 1
                break
        i += 1
    return spans


@functools.cache
def _places() -> tuple[frozenset[str], re.Pattern[str]]:
    """The places in kit/data/places.txt (as written and in capitals), and a pattern that finds them."""
    lines = resources.files("kit").joinpath("data/places.txt").read_text("utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    forms = frozenset(names) | {name.upper() for name in names}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w'\u2019-])(?:{alternatives})(?![\w-])")


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\n*")
_CAPITALISED = re.compile(rf"[{_UP}][^\W_]*")


def _regions(text: str) -> list[tuple[int, int]]:
    """The runs of sentences with a capitalised word that could be a name: the only ones the recogniser reads.

    :func:`_fit` drops every span that starts or ends with an ordinary word, so a sentence whose capitals are
    all ordinary ("I", "Mum", "Today", a first word such as "Felt") cannot give one. In diary prose most
    sentences are like that: reading only the rest took a 250-word entry from about 25 ms to 8 ms.
    """
    regions: list[tuple[int, int]] = []
    for sentence in _SENTENCE.finditer(text):
        if any(
            w.group() in _CAPITAL_PLACES
            or (w.group() not in _NOT_PERSONAL and w.group().lower() not in _COMMON)
            for w in _CAPITALISED.finditer(sentence.group())
        ):
            if regions and regions[-1][1] == sentence.start():  # neighbours read together keep their context
                regions[-1] = (regions[-1][0], sentence.end())
            else:
                regions.append((sentence.start(), sentence.end()))
    return regions


def _fit(text: str, label: str, start: int, end: int) -> Span | None:
    """The span trimmed to its name words ("the", "'s", days, feelings, handles off); None when none is left."""
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]

    def ordinary(word: str) -> bool:
        word = word.rstrip(".")
        if word in _CAPITAL_PLACES:
            return False
        return (
            word in _NOT_PERSONAL
            or word.lower() in _COMMON
            or not word[:1].isupper()  # a name in a diary starts with a capital
            or any(c.isdigit() for c in word)  # user names and codes
        )

    while words and ordinary(text[words[0][0] : words[0][1]]):
        words = words[1:]
    while words and ordinary(text[words[-1][0] : words[-1][1]]):
        words = words[:-1]
    if not words or "_" in text[words[0][0] : words[-1][1]]:
        return None
    start, end = words[0][0], words[-1][1]
    value = text[start:end]
    for tail in ("'s", "\u2019s", "'", "\u2019", "."):
        if value.endswith(tail) and len(value) > len(tail) + 1:
            value, end = value[: -len(tail)], end - len(tail)
    if len(value) < 2 or (value.isupper() and value.replace(".", "") not in _CAPITAL_PLACES):
        return None  # acronyms are not people or places
    return Span(label, start, end, value)


_WEAK_PLACE_CUE = re.compile(r"\bat[ \t]+$", re.IGNORECASE)


def _merge(text: str, rules: list[Span], recognised: list[Span]) -> list[Span]:
    """The rules' names with the recogniser's added. Where both found one name, the longer extent wins with the
    rule's label ("lunch with Krisztián" is a person even when the recogniser says place)."""
    merged = list(rules)
    for span in recognised:
        hits = [i for i, r in enumerate(merged) if _overlap(r, span)]
        if not hits:
            merged.append(span)
            continue
        if len(hits) > 1:  # the rules saw two names where the recogniser saw one: keep theirs
            continue
        rule = merged.pop(hits[0])
        # The rule's label, as it saw the cue; but "at" comes before people as well as places ("yell at Otis"),
        # so there the recogniser's label. (The rules already tell "talked to Anna" from "went to Leeds".)
        weak = (
            rule.label == "PLACE"
            and _WEAK_PLACE_CUE.search(text, max(0, rule.start - 12), rule.start) is not None
        )
        label = span.label if weak else rule.label
        start, end = min(span.start, rule.start), max(span.end, rule.end)
        merged.append(Span(label, start, end, text[start:end]))
    return sorted(merged, key=lambda s: s.start)


_TO_OR_AT = re.compile(r"\b(?:to|at)[ \t]+$", re.IGNORECASE)


def _people_not_places(text: str, names: list[Span]) -> list[Span]:
    """A given name after "to" or "at" is a person when no list has it as a place ("birth to Julie",
    "according to Jim", "mad at Adrianna"); the rules alone cannot tell, having no list of names."""
    given, ordinary, also_places = _given_names()
    places, _ = _places()
    world = _world_places()
    out = []
    for span in names:
        key = _fold(span.text)
        if (
            span.label == "PLACE"
            and key in given
            and key not in ordinary
            and key not in also_places
            and span.text not in places
            and span.text not in world
            and _TO_OR_AT.search(text, max(0, span.start - 8), span.start)
        ):
            span = replace(span, label="PERSON")
        out.append(span)
    return out


# "Marin-sur-Mer", "Evrard-les-Bains", "Käthe-Hering-Platz": a name goes on after a hyphen when a particle or a
# capital follows it (not "Paris-based").
_HYPHENATED = re.compile(
    rf"(?:-(?:(?:sur|sous|les|la|le|lès|en|de|du|des|am|an|im|on|upon|under|by|the|di|del|della|nad|pod|"
    rf"szigetek)(?![\w])|[{_UP}][^\W\d_]*))+"
)
# A house number after a street: "Annaring 59", "Kőrösi út 82.", "Rodovia de Costa, 11", "Käthe-Hering-Platz 2-5"
_HOUSE_NUMBER = re.compile(
    r"(?:[ \t]+(?P<kind>utca|út|útja|tér|tere|körút|köz|sor|sétány|fasor|u\.))?,?[ \t]+\d{1,5}[a-zA-Z]?"
    r"(?:[-/]\d{1,5})?"
    r"(?![\d,.]?\d)\.?"
)
_STREET_WORD = re.compile(
    rf"(?:^|\s){_EU_STREET}(?:\s|$)|(?:Rodovia|Viaduto|Alameda|Pasaje|Contrada|Borgo|Stretto|Passeig|Ronda|"
    r"Camino|Estrada|Ladeira|Vale|Largo|Sentiero|Vía|Intrarea|Splaiul)(?:\s|$)|"
    r"(?:straße|strasse|weg|gasse|platz|allee|damm|ufer|straat|gracht|laan|singel|ring|plein|kade|dijk|vej|gade|"
    r"gatan|gata|vägen|veien|stigen|gränd|torget|backen|boulevard)$",
    re.IGNORECASE,
)

# A given name just before a person ("Hugo" before "Ripoll Lucena"), and a surname just after one.
_NAME_BEFORE = re.compile(rf"([^\W\d_]+)[ \t]+(?:(?:{_PARTICLES})[ \t]+)?$")
_NAME_AFTER = re.compile(
    rf"[ \t]+(?:(?:{_PARTICLES})[ \t]+)?([{_UP}][^\W\d_]+(?:-[{_UP}][^\W\d_]+)?)(?![\w'\u2019.-])"
)


def _title_case(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` is a headline, most of its words capitalised ("Abigail Try Rape")."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".!?\n") if i >= 0]
    words = re.findall(r"[^\W\d_]+", text[start : min(ends, default=len(text))])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _whole(text: str, names: list[Span]) -> list[Span]:
    """Names and places made whole: a span that stops inside a word or before a hyphenated part goes on to the
    word's end; a street takes its house number; a person takes a given name before and a surname after ("Hugo
    Ripoll Lucena", "Jeremías Sanz Díaz"), outside headlines."""
    given, ordinary, _ = _given_names()
    places = _all_places()
    out = []
    for span in names:
        start, end = span.start, span.end
        while end < len(text) and text[end].isalpha():
            end += 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        m = _HYPHENATED.match(text, end)
        if m:
            end = m.end()
        if span.label == "PLACE":
            m = _HOUSE_NUMBER.match(text, end)
            if m and (m.group("kind") or _STREET_WORD.search(text[start:end])):
                end = m.end()
        if span.label == "PERSON":
            before = _NAME_BEFORE.search(text, max(0, start - 40), start)
            if before:
                word = before.group(1)
                key = _fold(word)
                if word[:1].isupper() and key in given and key not in ordinary and word not in _NOT_NAMES:
                    start = before.start()
            after = None if _title_case(text, start) else _NAME_AFTER.match(text, end)
            if after:
                word = after.group(1)
                surname = Span(span.label, end, after.end(), word)
                if (
                    word not in _NOT_NAMES
                    and word.lower() not in _COMMON
                    and word not in places
                    and not word.isupper()
                    and not any(
                        _overlap(surname, other)
                        for other in names
                        if (other.start, other.end) != (span.start, span.end)
                    )
                ):
                    end = after.end()
        if (start, end) != (span.start, span.end):
            span = Span(span.label, start, end, text[start:end])
        out.append(span)
    return out


def _elsewhere(text: str, names: list[Span]) -> list[Span]:
    """Other mentions of a name found once in the text: "Faina's new job…" and later "Faina and I", spelt the same."""
    known = {s.text: s.label for s in names if len(s.text) >= 3}
    if not known:
        return []
    pattern = re.compile(
        r"(?<![\w'\u2019-])(?:"
        + "|".join(map(re.escape, sorted(known, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    return [Span(known[m.group()], m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


# Lower-case words in the name lists that a diary or a chat still uses as something else ("ya", "nan").
# Months, days and languages are lower-case words in a quick note too.
_NOT_LOWER_NAMES = frozenset(
    """
    ya da de di du el la le lo mi te tu hun nan nana bae bro sis nah yo dat dis lil vid telly theres havin
    mal eine les tod tory indie mac bing marra january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday english french german
    spanish italian irish scottish welsh british american polish dutch greek chinese russian
    """.split()
)
_ONE_CASE_WORD = re.compile(r"(?<![\w@#'\u2019/.-])[^\W\d_]+(?:-[^\W\d_]+)?(?![\w@'\u2019-])")


@functools.cache
def _lower_places() -> tuple[dict[str, int], frozenset[str]]:
    """Every listed place, folded ("ho chi minh city", "krakow"), with its length in words; and the first words
    of the places of more than one word ("ho"), so most words need one look-up."""
    places = {_fold(p): len(p.split()) for p in _all_places() if len(p) >= 4 and not p.isupper()}
    return places, frozenset(key.split()[0] for key, n in places.items() if n > 1)


def _lower_case(text: str) -> list[Span]:
    """Names and places written all in lower case, as chats and quick notes are ("lunch with jess in leeds"), or
    all in capitals.

    The recogniser reads capitals, so it misses them. A lower-case word counts when the kit's lists have it and
    it is not also an ordinary English word (the lists' own mark, from a British English word list): "jess",
    "krisztian", "leeds", "kuala lumpur" count; "will", "grace", "bath" do not."""
    given, ordinary, also_places = _given_names()
    places, starts = _lower_places()
    # Lower case, or capitals of four letters or more ("BRENDA LEE"; "ANA" or "ABE" may be an acronym).
    words = [
        m
        for m in _ONE_CASE_WORD.finditer(text)
        if m.group().islower() or (m.group().isupper() and len(m.group()) >= 4)
    ]
    folded = [_fold(m.group()) for m in words]  # once per word: folding is most of the cost
    spans: list[Span] = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1) if folded[i] in starts else (1,):
            group = words[i : i + n]
            if len(group) < n or not _one_space_apart(text, group):
                continue
            start, end = group[0].start(), group[-1].end()
            key = " ".join(folded[i : i + n])
            if places.get(key) == n and (n > 1 or key not in given or key in also_places):
                spans.append(Span("PLACE", start, end, text[start:end]))
                i += n - 1
                break
            if (
                n == 1
                and len(key) >= 3
                and key in given
                and key not in ordinary
                and key not in _COMMON
                and key not in _NOT_LOWER_NAMES
            ):
                spans.append(Span("PERSON", start, end, text[start:end]))
                break
        i += 1
    return spans


def _overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a.start < b.end and b.start < a.end


def redact(text: str, spans: list[Span] | None = None, *, recogniser: bool = False) -> str:
    """``text`` with each PII span replaced by its label in brackets ("[PERSON]")."""
    spans = find_pii(text, recogniser=recogniser) if spans is None else spans
    out = text
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        out = out[: span.start] + f"[{span.label}]" + out[span.end :]
    return out
