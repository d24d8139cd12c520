"""The crisis rules: each says what a sentence must hold to count, in plain words a person may be shown.

A rule has a tier: strong fires alone; weak needs distress nearby; means (a question about heights, pills,
trains) needs distress in the entry or in the person's recent entries; distress marks the context the others
look for. The matcher that reads a text with them, and decides whose words and which time they are about,
is kit.safety.crisis.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

_STRONG, _WEAK, _MEANS, _DISTRESS = "strong", "weak", "means", "distress"
# A stomach, a room or cold fingers can feel empty or numb: that is not how a person feels.
_NOT_AFTER_THINGS = "".join(
    f"(?<!{word} )"
    for word in "stomach tummy belly house home room flat fridge tank fingers toes hands feet legs arms face lips "
    "mouth jaw tongue leg arm hand foot".split()
)


@dataclass(frozen=True)
class _Rule:
    tier: str  # strong fires alone; weak needs another signal nearby; means needs distress in the entry
    reason: str
    # Each pattern comes with trigger words: groups of words of which the sentence must hold at least one
    # each, so the (slow) regex only runs on the few sentences that could match. Every match holds them.
    alts: tuple[tuple[tuple[frozenset[str], ...], re.Pattern[str]], ...]
    subject: bool = True  # the writer must be the subject (False when the pattern says "myself"/"me")
    negatable: bool = True
    unless: re.Pattern[str] | None = None  # a sentence matching this is an everyday use, not a hit
    context: int = 0  # how many sentences either side ``unless`` also reads ("Moving day! ... goodbye")


def _rule(tier: str, reason: str, *alts: tuple[str, str], unless: str | None = None, **kw: Any) -> _Rule:
    compiled = tuple(
        (tuple(frozenset(group.split()) for group in words.split("&")), re.compile(pattern))
        for words, pattern in alts
    )
    return _Rule(tier, reason, compiled, unless=re.compile(unless) if unless else None, **kw)


_R_DIE = "mentions wanting to die"
_R_LIVE = "mentions not wanting to live"
_R_WAKE = "mentions not wanting to wake up"
_R_SUICIDE = "mentions suicidal thoughts"
_R_END = "mentions ending their life"
_R_HOW = "asks how to end their life"
_R_BURDEN = "mentions others being better off without them"
_R_NO_REASON = "mentions having no reason to go on"
_R_EXIST = "mentions wanting to stop existing"
_R_SELF_HARM = "mentions self-harm"
_R_PILLS = "mentions an overdose"
_R_PLAN = "mentions a plan to end their life"
_R_GOODBYE = "says goodbye with finality"
_R_GIVING = "mentions giving things away with finality"
_R_MEANS = "asks about a means of harm alongside distress"
_R_UNSAFE = "says they do not feel safe with themself"
_R_CANT = "says they can't go on"
_R_FINAL = "writes with a sense of finality"
_R_LEARNED = "reads like thoughts of suicide or self-harm"
_R_MEANS_RECENT = "asks about a means of harm while recent entries show distress"
_NOTE_LANGUAGE = (
    "This check reads English; this text looks like another language, so it may miss that you are struggling. "
    "If things are hard right now, please talk to someone you trust or a helpline."
)
_NOTE_NO_MODEL = "Only the rules of the crisis check ran: its learned layer could not load ({why})."

# Medicines people name when they speak of an overdose: "took 30 of my sertraline", "saving up my zopiclone".
_MEDICINES = (
    "paracetamol tylenol acetaminophen ibuprofen aspirin insulin xanax benadryl sertraline citalopram "
    "escitalopram fluoxetine paroxetine venlafaxine duloxetine mirtazapine amitriptyline trazodone bupropion "
    "quetiapine olanzapine risperidone lithium lamotrigine diazepam lorazepam clonazepam alprazolam temazepam "
    "zopiclone zolpidem codeine cocodamol tramadol oxycodone hydrocodone morphine gabapentin pregabalin "
    "propranolol naproxen prozac zoloft lexapro wellbutrin seroquel valium ativan klonopin ambien percocet "
    "vicodin advil nurofen panadol"
)
_PILLS = (
    r"(?:pills?|tablets?|capsules?|meds|medications?|medicines?|painkillers?|antidepressants|sleeping pills|"
    + "|".join(_MEDICINES.split())
    + ")"
)
# Ten or more, in digits or words: "took 30 of my sertraline", "swallowed twenty-five tablets".
_TEN_OR_MORE = (
    r"(?:[1-9]\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred)(?:[\s-]+(?:one|two|three|four|five|six|"
    r"seven|eight|nine))?"
)
# games where one dies by one's own hand as a matter of course: "killed myself with my own grenade in Warzone",
# "the fastest way to die in Minecraft"
_GAMES = (
    r"warzone|call of duty|apex legends|valorant|overwatch|pubg|halo|gta|counter[ -]?strike|csgo|cs2|"
    r"battlefield|rainbow six|team ?kill\w*|respawn\w*|minecraft|fortnite|roblox|elden ring|dark souls"
)
# a thing made about a topic, before its name: "a leaflet about self-harm" (one lookbehind per word, as Python's
# must be of fixed width)
_NOT_ABOUT = "".join(
    rf"(?<!{thing} about )"
    for thing in (
        "leaflet leaflets book article documentary episode poster lesson assembly podcast video booklet pamphlet "
        "chapter novel film scene scenes"
    ).split()
) + "".join(  # "the NICE guidance on self-harm", "a lecture on self-harm"
    rf"(?<!{thing} on )"
    for thing in (
        "guidance guidelines information info reading training talk module lecture article book research policy "
        "resources course leaflet"
    ).split()
)
_HIGH = (
    r"(?:bridges?|buildings?|cliffs?|cliff paths?|towers?|rooftops?|roofs?|multi[ -]?stor(?:e?ys?|ies)|"
    r"gorges?|quarr(?:y|ies)|viaducts?|tower blocks?|hotels?|parking (?:garages?|structures?|decks?)|"
    r"overpass(?:es)?|balcon(?:y|ies)|ledges?|skyscrapers?|dams?|car parks?)"
)
_HARM_VERB = r"(?:kill|hurt|cut|hang|harm|burn|drown|stab|shoot|starve|punish)"
_GUN = r"(?:guns?|handguns?|firearms?|pistols?|revolvers?|rifles?|shotguns?|bullets|ammo)"
# A weapon a person could turn on themself, and the tools and toys called guns that are not one ("a water gun")
_FIREARM = r"(?:gun|glock|pistol|revolver|rifle|shotgun|handgun)"
_NOT_A_WEAPON = "".join(
    f"(?<!{word} )" for word in "water nerf squirt glue nail heat paint spray staple".split()
)
# Disappearing on a trip or into a book is not a wish to be gone: "disappear to a cabin for a week"
_AWAY_FOR_A_WHILE = (
    r"(?!\s+(?:to|abroad|on (?:a |holiday|vacation)|into (?:a|the|my) (?:book|film|movie|game|garden|woods|"
    r"mountains)|somewhere (?:warm|sunny|quiet|hot|nice)|for (?:a|the|one|two) (?:week|weekend|day|month|"
    r"holiday|fortnight|few days)\b))"
)
# "go on", "keep going", "be here" only mean living when nothing follows ("go on a trip" is not a hit), or only
# "much longer" at a clause's end ("I can't go on much longer", not "… much longer at this pace").
_END = (
    r"(?=\s*$|\s*[,;:]|\s+(?:and|but|because|so|anymore|any ?longer|now|today|tonight|tomorrow|"
    r"ever again|at all|(?:on|in) this (?:earth|world|life))\b|\s+(?:for\s+)?much longer(?:\s+(?:now|anyway))?"
    r"(?=\s*(?:$|[,.;:!?])|\s+(?:and|but|because|so)\b))"
)
_LIVING = (
    r"(?:live(?!\s+(?:in|with|at|near|here|there|on|by|alone|abroad|together|somewhere|anywhere|next|close|"
    r"far|off|up|out|like (?:this|that|them|him|her|a)\b)\b)|be alive|do life|exist(?!\s+(?:in|as|on|with)\b)|"
    r"keep living|stay alive|be (?:on|in) this (?:earth|world)|"
    rf"(?:go on|keep going|carry on|continue|be here|survive){_END})"
)
# what is dyed, in a misspelling: "die my hair pink"
_DYED = r"(?:my|the|her|his|our|your)\s+(?:\w+\s+)?(?:hair|beard|roots|fringe|clothes|jeans|shirt|eyebrows|wool|yarn)\b"
_DEATH_IF = (
    # (not "if I died my hair blue", a misspelt dye)
    rf"(?:if|when|once|that)\s+i\s+(?:just\s+)?(?:(?:died|die)(?!\s+{_DYED})|(?:was|were|am)\s+(?:just\s+)?"
    r"gone(?!\s+(?:for|on|to|away|abroad|out)\b)|disappeared|disappear|wasnt here|werent here|wasnt around|"
    r"killed myself|didnt wake up|was dead|were dead|stopped existing|left this world|ended it|was no longer here)\b"
)
_INTENT = (
    r"(?:want|wants|wanted|wanting|wish|wishing|going|thinking about|thinking of|thought about|think about|"
    r"tempted|urge|urges|could just|should just|wish i could|planning|plan|ready|about|considering|considered|"
    r"feel like|felt like)"
)
# going over a railing or a balcony's edge: climbing, tipping, falling (not leaning over to look, or a fare
# dodger's jump over the barrier), weighed or pictured
_OVER_THE_SIDE = r"(?:climb|climbing|go|going|tip|tipping|topple|toppling|fall|falling)\s+over"
_WEIGHED = rf"(?:{_INTENT}|pictur\w*|imagin\w*|visuali[sz]\w*)\s+(?:to\s+)?(?:just\s+)?"
# God, asked to take the writer; "I pray every night that …", "I ask God each morning to …"
_GOD = r"(?:god|the lord|lord|jesus|the universe|allah|waheguru|unkulunkulu|nkulunkulu|modimo|olodumare|chukwu|mungu)"
# _GOD's words, for the rules' trigger words
_GOD_WORDS = "god lord jesus universe allah waheguru unkulunkulu nkulunkulu modimo olodumare chukwu mungu"
# Insulin by name and by brand, and its words for the trigger words
_INSULIN = r"(?:insulin|lantus|levemir|novorapid|humalog|tresiba|basal|bolus)"
_INSULIN_WORDS = "insulin lantus levemir novorapid humalog tresiba basal bolus"
# A time in the last day or so: "I cut again tonight", "and I gave in last night"
_LATELY = r"(?:last night|tonight|today|yesterday|this (?:morning|evening|week))"
_NIGHTLY = r"(?:(?:every|each|most|some|last|at)\s+(?:single\s+)?(?:night|day|morning|evening|time)\s+)?"
# gone, and not for a while: "if I was gone for good" (not "gone for the weekend", "gone on holiday")
_GONE_FOR_GOOD = r"gone(?!\s+(?:for\s+(?!good\b|ever\b)\w+|on|to|away|abroad|out)\b)"
# waking at a time or for something: "I hope I don't wake up early tomorrow", "never want to wake up at 5"
_WAKE_AT = (
    r"(?!\s+(?:early|earlier|late|at|for|before|so early|this early|too early|in the (?:night|middle)|during|until|"
    r"till|in time|on time|with|hungover|sick|feeling|every hour|in the morning for|to (?:my|the|an?|find|"
    r"see|hear)\b)\b)"
)
# pills kept back, not just skipped
_KEPT_UP = (
    r"(?:sav\w*|collect\w*|stockpil\w*|hoard\w*|hid(?:e|ing|den)|fuller|piling up|building up|adding up)"
)
# Words that say a harm was meant, so no everyday setting excuses it (a walk into the sea with a handful of
# pills and weights to keep one down is not an accident at the beach)
_NOT_ACCIDENT = (
    r"^(?!.*\b(?:on purpose|deliberately|intentionally|to feel|to punish|to cope|urges?|"
    r"handfuls? of (?:meds|pills|tablets)|(?:wash|weigh\w*|keep|hold) me (?:down|under)|"
    # "burned myself on the hob again, not an accident", "it hasn't been an accident for weeks"
    r"(?:not|no|never|wasnt|isnt|werent|arent|hasnt been|havent been)\s+(?:an?\s+|by\s+)?(?:accidents?|mistake))\b)"
)
# what people say they overdosed on in fun: "I overdosed on chocolate", "how do I overdose on fun this summer"
_TREATS = (
    r"(?:caffeine|coffee|sugar|chocolate|candy|sweets|cake|netflix|tv|tiktok|memes|cuteness|content|carbs|"
    r"vitamin\w*|espresso|fun|love|joy|happiness|kindness|sunshine|nostalgia|cheese|pizza|anime|manga|"
    r"k-?dramas?|dramas|books|music|podcasts|games|video games|movies|films|shows|christmas|holidays)"
)
_ACCIDENT = (
    _NOT_ACCIDENT + r".*\b(?:accident\w*|by mistake|shaving|cooking|chopping|slicing|peeling|baking|ironing|"
    r"gardening|hiking|skiing|snowboarding|(?<!tap )(?<!taps )(?<!water )(?<!shower )running|jogging|lifting|deadlift\w*|squat\w*|workout|working out|"
    # "slipped", but not a lapse: "I slipped and ate a biscuit"
    r"gym|football|soccer|rugby|basketball|tennis|climbing|cycling|bike|"
    r"slipped(?!\s+(?:up\s+)?(?:and|&)\s+(?:ate|binged|purged|relapsed|had|drank|used))|fell|tripped|stove|"
    r"oven|hob|"
    r"pan|kettle|grill|bbq|barbecue|radiator|iron|straighteners|glue gun|paper cut|can opener|"
    r"sunburn\w*|beach|in the sun|playing|yoga|carrying|knife slipped|nail|thorn|fence|wire|motorbike|"
    r"motorcycle|skateboard\w*|scooter|ladder|ice|icy|trampoline|horse|fall|falling|"
    # DIY (its work, not its tools, which cut skin too): "used the Stanley knife to trim the carpet, nicked my
    # finger"
    r"carpet|skirting|sanding|sawing|drilling|hammering|woodwork\w*|whittling|pruning|secateurs|"
    r"hedge trimmer)\b"
)
_DECLUTTER = (
    r"\b(?:now that|since i (?:have|got|bought|moved|upgraded|switched|found|quit)|"
    r"because i (?:have|got|bought|moved|upgraded|switched|quit)|new one|upgrad\w*|declutter\w*|minimalis\w*|"
    r"grew out|outgrew|too small|too big|doesnt fit|dont fit|moving|move|moved|downsiz\w*|charity|"
    r"charity shop|thrift|spring clean\w*|kondo|new (?:place|flat|house|home|apartment)|furnished)\b"
)
_LEAVING = (
    r"\b(?:move|moving|moved|leave|leaving|trip|holiday|vacation|flight|party|graduation|last day|farewell|"
    r"job|office|team|school|semester|term|wedding|airport|station|abroad|visit|funeral|grave|memorial|"
    r"hospice|hospital|vet|course|class|retir\w*|house|flat|apartment|city|town|summer|camp|dog|cat|pet|"
    r"put (?:\w+ )?down|put to sleep|passed|died|rip)\b"
)

# someone who came in time: "if my husband hadn't walked in", "if my sister didn't call"
_SOMEONE_CAME = (
    r"(?:\w+\s+){1,3}?(?:hadnt|didnt|wasnt|werent)\s+(?:\w+\s+)?(?:walk\w* in|"
    r"(?:come|came) (?:home|in|by|over|back|round|around)|f(?:ou|i)nd me|stop\w* me|call\w*|show\w* up|"
    r"check\w* (?:on|in on) me|knock\w*|text\w* me|been there)\b"
)
# a rescue from an illness, an accident or a night out: "I'd be dead if the paramedics hadn't come"
_RESCUED_FROM = (
    r"\b(?:ambulance|paramedics?|cpr|defib\w*|heart attack|cardiac|stroke|seizure|allerg\w*|epi ?pen|"
    r"anaphyla\w*|asthma|inhaler|crash\w*|accident\w*|fire|smoke|chok\w*|fell|fall|falling|diabet\w*|"
    r"insulin|surgery|surgeon|cancer|tumou?r|sepsis|infection|seatbelt|helmet|airbag|lifeguard|avalanche|"
    r"hypotherm\w*|gas leak|drunk|wasted|hangover)\b"
)
# stones or weights to keep one down in water: "stones in my coat so the tide would keep me down"
_WEIGHTED = (
    r"(?:stones|rocks|weights|bricks)\b[^.?!]{0,60}\b(?:keep|kept|hold|held|weigh|weighed|pull|pulled|drag|"
    r"dragged)\s+me\s+(?:down|under)\b"
)
_WATER = r"(?:sea|river|lake|ocean|water|tide|canal)\b"
# the people and animals a person says they stay alive for: "if it wasn't for my kids", "if it hadn't been for
# my dog", "if not for my wife" (the text is normalised first, so "was not" reads "wasnt")
_NOT_FOR = (
    r"if\s+(?:it\s+(?:wasnt|werent|hadnt\s+been)\s+for|not\s+for)\s+(?:my|our)\s+(?:\w+\s+)?(?:kids?|children|"
    r"sons?|daughters?|wife|husband|partner|family|mum|mom|mother|dad|father|parents|dogs?|cats?|pets?|faith|"
    r"girlfriend|boyfriend|fiance\w*|friends?|sisters?|brothers?|grandkids|grandchildren|babies|baby)\b"
)

# what they would be without them: "I'd be dead", "I would've been dead", "I wouldn't still be alive" (not
# "dead tired", and not "I wouldn't be here", which thanks parents for meeting or a friend for a lift as often)
_DEAD_BUT_FOR = (
    r"(?:(?:id|i would|i wouldve)\s+(?:have\s+)?(?:be|been)\s+dead\b(?!\s+(?:tired|meat|beat|broke|bored|"
    r"asleep|drunk|on my feet|in the water))|i\s+wouldnt\s+(?:have\s+)?(?:still\s+)?(?:be|been)\s+"
    r"(?:still\s+)?alive\b)"
)

# Everyday figures of speech that share the classifier's words: a stretch or sentence made of one is not a hit.
# "so embarrassed I wanted to die", "mortified, I could have died": embarrassment, not a wish to die.
_EMBARRASSED = (
    r"\b(?:embarrass\w*|mortified|cring\w*|awkward|humiliat\w*)\b[^.?!]{0,40}\b(?:wanted|want|wished|could "
    r"have|couldve)\s+(?:to\s+)?(?:just\s+)?(?:die|disappear|sink)\b"
)
# "this traffic makes me want to die lmao": a thing blamed, said laughing (not "my life makes me want to die lol")
_LAUGHING_HYPERBOLE = (
    r"\b(?:this|that|the|these|those)\s+(?!(?:\w+\s+){0,3}?(?:life|world|pain|depression|loneliness|existence|"
    r"thoughts|voices)\b)(?:\w+\s+){1,3}?(?:makes?|made|making)\s+me\s+want\s+to\s+(?:die|kill myself)\b"
    r"(?=[^.?!]*\b(?:lol|lmao|lmfao|haha\w*|rofl|jk|xd)\b)"
)
# "suicide is the only way out", "death seems like my only option" (not "the only way out of the car park")
_ONLY_WAY = (
    r"(?:is|seems|feels|looks|sounds)\s+(?:like\s+|to be\s+)?(?:the|my)\s+only\s+(?:way out|option|answer|choice|"
    r"solution|escape)\b(?!\s+(?:of|from)\s+(?:the|this|that|a|our)\s+(?!mess|hell|pain|situation|life)\w+)"
)
_FIGURATIVE = re.compile(
    r"\b(?:(?:could|would|id|i would|i could|to)\s+(?:kill|murder|die)\s+(?:for|to\s+(?:be|have|get|see))|"
    # "it just kills me that no one called", "career suicide"
    r"(?:it|that|this)\s+(?:just\s+|really\s+|still\s+)?kills\s+me\s+(?:that|when|how|to (?:see|think|watch))\b|"
    r"(?:career|financial|social|political|professional|electoral|commercial)\s+suicide|"
    r"murder(?:ed|ing)?\s+(?:a|an|some|that|another)\s+(?!\w*self)\w+|(?:death|end)\s+of\s+me|"
    r"(?:will|gonna|going to|would|is going to|gon|shed|hed|theyd|youd)\s+(?:literally\s+)?"
    r"(?:kill|murder|strangle)\s+(?:me|us)|"
    # "I'm going to fake my own death and move to Peru": a getaway, not a death
    r"fak(?:e|ed|ing)\s+(?:my|our)\s+(?:own\s+)?deaths?|"
    r"(?:is|are|was|were|its|thats)\s+(?:\w+\s+)?killing\s+(?:me|my)\b|"
    r"kill(?:ing)?\s+(?:(?:some|a (?:bit|little|few hours)(?: of)?|an hour(?: or two)?)\s+)?time|"
    r"kill(?:ing)?\s+the\s+(?:lights|engine|music|process|mood|vibe)|chok(?:e|ed|es|ing)\s+up\b|"
    r"kill\s+(?:a|the|that)\s+(?:\w+\s+)?process|cut(?:ting)?\s+(?:down|back|out|corners|ties|costs)|"
    # people cut out of a life or cut off: "slowly cutting people out of my life", "cut him off" (not "cut
    # myself")
    r"cut(?:s|ting)?\s+(?:(?!(?:myself|me|my\s+(?:arms?|legs?|wrists?|skin|thighs?|stomach))\b)\w+\s+){1,3}?"
    r"(?:out\s+of\s+(?:my|our|his|her|their|your)\s+(?:life|lives)|off)\b|"
    r"cut\w*\s+(?:myself|me|yourself)\s+(?:some|a\s+(?:little|bit\s+of))?\s*slack|"
    r"cut(?:s|ting)?\s+(?:my|the|his|her|their)\s+(?:own\s+)?(?:hair|fringe|nails|grass|hedge|cake|losses|cord)|"
    r"hang(?:ing|ed)?\s+(?:the|a|some|up|out|on|in there|around|with)|"
    r"(?:dead|died)\s+(?:tired|on my feet)|(?:phone|battery|plants?|laptop|car|basil|houseplants?)\s+"
    r"(?:is\s+|are\s+|has\s+|have\s+)?(?:dead|died)|shoot(?:ing)?\s+(?:me\s+)?(?:a|an|some)\s+(?:text|message|"
    r"email|photos?|pictures?|film|video)|dying\s+(?:to|of\s+(?:laughter|embarrassment|boredom|thirst))|"
    r"(?:bored|scared|embarrassed)\s+to\s+death|"
    + _EMBARRASSED
    + "|"
    + _LAUGHING_HYPERBOLE
    + r"|suicide\s+(?:pact|squad|mission|runs?|doors?|king|sprints?|squeeze|drills?)|"
    r"(?:worst|best)\s+\w+\s+alive|killing\s+myself\s+(?:trying|to|with|over|for|at)|rather\s+die\s+than|"
    r"could\s+(?:just\s+)?die(?=\s*(?:$|[,.!]|of|from|laughing))|killed\s+(?:it|a\s+whole|\w+\s+hours?|time)|"
    r"(?:im|i am)\s+dead(?=\s*(?:$|[,.!]|lol|lmao|haha))|"
    r"disappear\s+(?:under|into)\s+(?:a|the|my)\s+(?:hat|hood|duvet|covers|blanket|rock|sofa|floor)|"
    rf"overdos\w*\s+on\s+{_TREATS}|"
    # going on an outing is not going on: "not sure I want to go on the hike" (but "go on this way" is)
    r"go(?:ing)?\s+on\s+(?:a|an|the|our|that|another)\s+(?!way|path|journey|road|life|living|like|struggle|"
    r"fight|battle)\w+|"
    # ending a stretch of time or an arrangement: "end the day with a walk", "ending my contract"
    r"end(?:ing|ed|s)?\s+(?:the|my|our|this|that)\s+(?:day|evening|night|week|weekend|meeting|call|session|"
    r"shift|lesson|class|conversation|chapter|relationship|friendship|contract|lease|subscription|streak|"
    r"tenancy|membership)\b|"
    r"(?:could|will|would|might|gonna|going to)\s+(?:literally\s+|actually\s+)?end\s+(?:me|us)\b|"
    # a break-up or a day's work: "ending things with Sam", "I'll end it here for today"
    r"end(?:ing|ed|s)?\s+(?:it|things)\s+(?:(?:here|there|now)\s+)?(?:with\s+(?!myself|me\b|it\b|everything\b)\w+|"
    r"for\s+(?:today|tonight|now|the day|the night|the week))|"
    r"wak(?:e|ing)\s+up\s+(?:so\s+|too\s+|really\s+)?(?:early|late|at\s+\d)|"
    r"dy(?:e|es|ed|eing|ing)\s+(?:my|her|his|the|our)\s+(?:hair|beard|roots|fringe|eyebrows|clothes|jeans|"
    r"shirt|wool|yarn)|burn(?:ing|ed|t|s)?\s+(?:myself\s+)?out\b|"
    # "I'm only hurting myself by procrastinating" (not "by not eating" or "by cutting")
    r"(?:hurting|harming)\s+(?:myself|yourself)\s+by\s+(?!not\b|starv|purg|cutt|burn|scratch|hitt|bang|punch|"
    r"skipp|restrict|throw|bing|drink|tak)\w+ing|"
    r"kill(?:ing|ed)?\s+(?:-?\d+\s+)?(?:the|a|that|this)\s+(?:\w+\s+)?(?:job|task|server|container|tab|app|program)"
    r"|(?:as|like)\s+(?:(?:im|i am|i was|ive been)\s+)?(?:prescribed|supposed to|told to|instructed))\b"
)

# The rule table is formatted by hand: one (trigger words, pattern) row per phrase reads better than the
# formatter's one-argument-per-line layout.
# fmt: off
# Where on the body self-harm is described: the pattern, and its trigger words.
# A diary card's scale after a field's name, "(0-5)" or "(1 to 10)", and a rating above zero on it ("3", "4/5")
_SCALE = r"(?:\(\s*\d+\s*(?:[-\u2013\u2014]|to)\s*\d+\s*\)\s*)?"
_ABOVE_ZERO = r"(?:[1-9]|10)(?:\s*/\s*\d+)?"
_BODY_PART = r"(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach|hips?)"
_BODY_WORDS = "wrist wrists arm arms forearm forearms thigh thighs leg legs skin stomach hip hips"
_PILL_WORDS = (
    "pill pills tablet tablets capsule capsules meds medication medications medicine medicines painkiller "
    "painkillers antidepressants " + _MEDICINES
)
_GUN_WORDS = (
    "gun guns handgun handguns firearm firearms pistol pistols revolver revolvers rifle rifles shotgun "
    "shotguns bullets ammo"
)
_HIGH_WORDS = (
    "bridge bridges building buildings cliff cliffs tower towers rooftop rooftops roof roofs parking "
    "multi multistorey multistoreys storey gorge gorges quarry quarries viaduct viaducts hotel hotels "
    "overpass overpasses balcony balconies ledge ledges skyscraper skyscrapers dam dams park parks"
)
# "a group for suicidal veterans": "suicidal" said of others ("my suicidal tendencies" stays the writer's)
_SUICIDAL_OTHERS = (
    r"(?:active\s+duty|veterans?|vets|people|persons?|patients?|clients?|soldiers?|troops|members?|teens?|"
    r"teenagers?|kids?|children|students?|youth|individuals?|callers?|folks|men|women|friends?)\b"
)
_LIVING_WORDS = "live alive life exist go keep carry continue here survive earth world"
_OVERDOSE_WORDS = "overdose overdosed overdoses overdosing"
_GIVE_WORDS = "give gives giving given gave donate donated donates donating sold sell sells selling"

_HAND_RULES: tuple[_Rule, ...] = (
    # ---- wanting to die, not wanting to live
    _rule(
        _STRONG, _R_DIE,
        ("die", r"\b(?:want|wanted|wanting|wants|wish|wished|wishing|ready|need|needed|deserve|deserved|long|"
                r"longing|yearn\w*|like|easier|better)\s+(?:(?:just|really|so|honestly|badly|simply|"
                r"literally|kind of|sort of|so badly|so much)\s+)*to\s+(?:just\s+)?(?:(?:\w*fucking|fkn|fking|"
                rf"freaking|frickin\w*|friggin\w*|effing|bloody)\s+)?die\b(?!\s+{_DYED})(?!\s+(?:for(?!\s+real)|of|"
                r"laughing|old|happy|rich|peacefully|someday|one day|at \d|at the age|with dignity|"
                r"on (?:stage|camera)|in (?:my sleep|peace) (?:at|when|someday|one day))\b)"),
        # "I wish I'd been the one who didn't make it back instead of him"
        ("one me & wish wished",
         r"\bwish(?:ed)?\s+(?:that\s+)?(?:id|i had|it had|it was|it were)\s+(?:been\s+)?(?:me|the one)\s+(?:who|that|"
         r"instead)?\s*(?:died|didnt make it|didnt come (?:back|home)|got killed|was killed|instead of (?:him|her|"
         r"them))\b"),
        # the wish as a noun: "a recurring wish to be dead", "my wish to die" (not a character's)
        ("wish & dead die", r"\b(?:my|(?:a|the)\s+(?:recurring|constant|persistent|strong|growing|daily))\s+(?:\w+\s+)?wish\s+"
                            r"to\s+(?:be\s+dead|die|not (?:exist|be alive|wake up))\b"),
        # "I'd rather be in the ground next to Dad", "wish I'd come home in a box" (not a box of chocolates)
        ("ground grave feet box & rather wish wished",
         r"\b(?:rather|wish(?:ed)?\s+(?:id|i was|i were|i had))\s+(?:be\s+|been\s+)?(?:\w+\s+){0,2}?(?:in the ground|"
         r"in (?:my|a|the) grave|six feet under|come home in a box|(?:come|came) back in a box)\b"),
        # "wishing someone would just switch me off like a lamp"
        ("off & switch turn unplug", r"\b(?:wish|wishing|want|wanted|want someone to)\s+(?:\w+\s+){0,3}?(?:switch|turn|unplug)"
                                    r"(?:ed)?\s+me\s+off\b(?!\s+(?:from|the|at)\b)"),
        # "wishing I'd just die in my sleep", "I hope I'll die tonight" (not "die before I get old", a lyric, nor
        # peacefully at ninety)
        ("die & wish wished wishing hope hoping pray praying",
         r"\b(?:wish|wished|wishing|hope|hoping|pray|praying)\s+(?:that\s+)?(?:id|i would|ill|i will)\s+(?:just\s+|"
         rf"simply\s+|finally\s+)?die\b(?!\s+{_DYED})(?!\s+(?:laughing|of|old|happy|rich|peacefully|someday|one day|"
         r"at \d|before|surrounded|at home|in old age|when im old|in (?:my sleep|peace) (?:at|when|someday|"
         r"one day))\b)"),
        # "I want die" (in a second language)
        ("die", r"\bi\s+(?:just\s+|really\s+|only\s+)?want\s+die\b"),
        # "I shouldn't be alive", "I should have died in that crash", "I should just die" (not of embarrassment)
        ("alive & shouldnt", r"\bi\s+(?:really\s+|probably\s+|honestly\s+)?(?:shouldnt|should not)\s+(?:even\s+|still\s+)?"
                             r"be\s+alive\b(?![^.!?]{0,30}\b(?:according to|by (?:all )?rights|medically|statistically|"
                             r"on paper|odds|doctors?|survived|miracle)\b)"),
        # (not the times or places "where I should have died", told as survived)
        ("die died dead & should",
         r"(?<!where )(?<!when )(?<!times )(?<!that )\bi\s+(?:really\s+|probably\s+|honestly\s+)?should\s+(?:just\s+|have\s+just\s+|just\s+have\s+)?(?:die|be dead|"
         rf"have died|have been dead)\b(?!\s+{_DYED})(?!\s+(?:laughing|of|from|with|old|happy|rich)\b)"),
        # "I wish the accident had killed me", "I wish I'd died in that crash"
        ("killed died & wish wished",
         r"\bi\s+(?:\w+\s+)?wish(?:ed)?\s+(?:that\s+)?(?:(?:the|that)\s+(?:\w+\s+)?\w+|it)\s+(?:had|would have)\s+"
         r"(?:just\s+)?killed me\b"
         rf"|\bi\s+(?:\w+\s+)?wish(?:ed)?\s+(?:that\s+)?i\s*(?:had|d|would have)\s+(?:just\s+)?died\b(?!\s+{_DYED})"
         r"(?!\s+(?:laughing|of|from|with)\b)"),
        # "I want out of this life" (not a life of debt, nor "what I want out of life")
        ("life & out", r"(?<!what i )(?<!all i )(?<!what you )(?<!what we )\b(?:want|need|wanted|needed)\s+(?:\w+\s+)?"
                       r"out\s+of\s+(?:this\s+|my\s+)?life\b(?!\s+(?:of|in|as)\b)"),
        # "dying is always on my mind"
        ("mind & dying death dead suicide", r"\b(?:dying|death|being dead|suicide)\s+is\s+(?:always|constantly|"
                                           r"never far from|all (?:the time\s+)?)\s*(?:on\s+)?my\s+mind\b"),
        ("dead", r"\bwish\w*\s+(?:that\s+)?i\s+(?:was|were|could be|would be|had been)\s+dead\b"),
        ("dead", r"\b(?:want|wanted|need|like)\s+to\s+be\s+dead\b"),
        ("dead", r"\b(?:rather|better off|prefer to)\s+(?:just\s+)?(?:be\s+)?dead\b(?!\s+(?:tired|serious|"
                 r"last|wrong|set|end|centre|center|weight|lift|than (?:be seen|wear|go))\b)"),
        ("dying", r"\b(?:feel|felt|feeling)\s+like\s+(?:just\s+)?dying\b(?!\s+(?:of|laughing|inside|my|her|his|the|it|a)\b)"),
        ("die died", rf"\b(?:wish|wished|hope|hoping|pray\w*)\s+{_NIGHTLY}(?:that\s+)?i\s+(?:(?:would|could|will|might|"
                     r"just)\s+){0,2}(?:die|died)\b(?!\s+(?:for(?!\s+real)|of|laughing|old|happy|before i get old)\b)"),
        ("hit run killed struck crash accident & wish wished wishing wishes hope hoped hopes hoping pray "
         "prays prayed praying",
         r"\b(?:wish|hope|pray)\w*\s+(?:that\s+)?i\s+(?:(?:would|could|will|might|just|id)\s+){0,2}(?:get|"
         r"got|be|was)\s+(?:hit by|run over|killed|struck by|in a (?:crash|car crash|accident)|"
         r"(?:into|in)\s+(?:a|an)\s+(?:fatal|deadly)\s+(?:\w+\s+)?(?:crash|accident|wreck))"),
        # a vehicle wished to hit them: "I hope a car hits me", "I wouldn't mind if a bus took me out", "part of me
        # was disappointed the van didn't hit me", "if that bus had hit me I'd have said thank you"
        ("bus buses car cars truck lorry train van taxi driver & wish wished wishing wishes hope hoped hopes hoping "
         "pray prays prayed praying mind disappointed gutted shame pity thank thankful grateful relieved glad",
         r"\b(?:(?:wish|hope|pray)\w*\s+(?:that\s+)?|(?:wouldnt|would not|dont|do not)\s+mind\s+if\s+|"
         r"(?:disappointed|gutted|a shame|a pity)\s+(?:that\s+)?)(?:a|the|some|that|this)\s+(?:\w+\s+)?(?:bus|car|"
         r"truck|lorry|train|van|taxi|driver)\s+(?:would\s+|will\s+|could\s+|might\s+|didnt\s+|did not\s+)?"
         r"(?:(?:hit|hits|killed|kill|kills)\s+me\b|(?:ran|run|runs)\s+me\s+over|(?:took|take|takes)\s+me\s+out\b"
         r"(?!\s+(?:for|to|on|of|with|somewhere)\b))"),
        ("bus car truck lorry train van taxi & thank thankful grateful relieved glad minded",
         r"\bif\s+(?:a|the|that|this)\s+(?:\w+\s+)?(?:bus|car|truck|lorry|train|van|taxi)\s+had\s+(?:hit|run over|"
         r"taken out|killed)\s+me\b[^.?!]{0,50}\b(?:thank you|thankful|grateful|relieved|glad|wouldnt have minded)\b"),
        # envy of the dead: "I envy people who get to die", "I've been envying every one of them who goes"
        ("envy envied envying envious jealous",
         r"\b(?:envy|envied|envying|envious of|jealous of)\s+(?:\w+\s+){0,4}?(?:the dead|dead people|(?:people|"
         r"those|them|anyone|everyone|everybody|the ones|ones) (?:who|that) (?:\w+\s+){0,2}?(?:die|dies|died|"
         r"pass away|passed away|go(?:es)?(?=\s*$|\s*[,;:]))|(?:their|her|his) (?:death|dying))\b"),
        # "wishing for death", "I pray for death every night" (not "the death of" someone or something)
        ("death & wish wishing wished pray praying prayed long longing beg begging hoping",
         r"\b(?:wish|wishing|wished|pray|praying|prayed|long|longing|beg|begging|hoping)\s+for\s+"
         r"(?:my\s+(?:own\s+)?)?death\b"),
        # "I want God to take my life", "praying the Lord takes me in my sleep"
        # (and "I ask God to kill me before I wake")
        (f"{_GOD_WORDS} & take takes taking end ends kill kills",
         rf"\b(?:want|wanted|wish|wished|wishing|pray|prayed|praying|prays|beg|begged|begging|ask|asking|asked|"
         rf"hope|hoping)\s+{_NIGHTLY}(?:for\s+|that\s+)?{_GOD}\s+{_NIGHTLY}(?:to\s+|would\s+|will\s+)?"
         r"(?:just\s+)?(?:take|takes|end|ends|kill|kills)\s+(?:my life|me(?:\s+(?:home|away|in my sleep|now|"
         r"tonight|too|as well))?)"
         r"(?=\s*$|\s*[.!,;]|\s+(?:so|and|already|soon|now|tonight|in my sleep|because|before i wake)\b)"),
        # "Please God take me now, I'm ready", "Lord, take me home" said to God
        (f"{_GOD_WORDS} & take",
         rf"\b(?:(?:please|dear|oh)\s+{_GOD}|^\s*{_GOD})\s*,?\s+(?:please\s+)?(?:just\s+)?take me\s*"
         r"(?:now|home|away|tonight|in my sleep|soon|already|quickly)?(?=\s*$|\s*[.!,;])"),
        # "At night I say to Waheguru please take me now", "I told God in my prayers that I am ready and he should
        # take me"
        (f"{_GOD_WORDS} & take",
         rf"\b(?:say|said|says|saying|tell|told|telling|pray|prayed|praying)\s+to\s+{_GOD}\s*,?\s+(?:please\s+)?"
         r"(?:just\s+)?take\s+me\b"),
        # "I have told the Lord he can take me any time"
        (f"{_GOD_WORDS} & take",
         rf"\b(?:tell|told|telling|tells)\s+{_GOD}\s+{_NIGHTLY}(?:in my prayers\s+)?(?:that\s+)?(?:he|she|they|it)\s+"
         r"(?:can|could|may|should|is welcome to)\s+(?:just\s+)?(?:come and\s+)?take\s+me\b"),
        # "I'd welcome death", "I would welcome dying now" (not a welcome for a band or a film of that name)
        ("welcome & death dying",
         r"\b(?:i|id|i would|ill|i will|i just|i really)\s+(?:\w+\s+)?welcome\s+(?:death|dying)\b"
         r"(?!\s+(?:metal|grips|cab|stranding|note|eaters))"),
        (f"{_GOD_WORDS} & ready",
         rf"\b(?:tell|told|telling|say|said|saying)\s+{_GOD}\s+(?:in my prayers\s+|every night\s+)?(?:that\s+)?"
         r"(?:im|i am)\s+ready\b(?!\s+(?:to\s+(?:forgive|listen|serve|change|learn|start|try)|for\s+(?:a|the|my|"
         r"whatever)\s+(?!end\b)))"),
        # "God I hope the plane crashes on the way home"
        ("crashes crash & hope hoping wish wishing pray praying",
         r"\b(?:hope|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?(?:the|my|this)\s+(?:plane|flight|car|bus|"
         r"train|coach)\s+(?:crashes|goes down|would crash|will crash|crashed)\b"),
        ("cancer illness disease tumor tumour",
         r"\b(?:hope|hoping|hopes|wish|wishing|wishes)\s+(?:that\s+)?(?:the|my)\s+(?:cancer|illness|disease|"
         r"tumou?r)\s+(?:wins|kills me|takes me|gets me|will win)\b"),
        ("wouldnt", r"\bwouldnt\s+(?:mind|care)\s+(?:if\s+i\s+)?(?:dying|died|being dead|not waking up|"
                    r"never waking up|didnt wake up|never woke up|just died)\b"),
        ("care", r"\bdont\s+(?:really\s+|even\s+)?care\s+(?:if|whether)\s+i\s+(?:live|die|died|wake up|"
                 r"dont wake up)\b"),
        # "death sounds peaceful", "suicide is looking real good right now", "not existing sounds so nice"
        ("death suicide dying dead existing & sounds seems looks feels sounding seeming looking",
         r"\b(?:death|suicide|dying|being dead|not existing)\s+(?:(?:is|has been|keeps)\s+)?(?:sounds|seems|looks|feels|sounding|seeming|"
         r"looking)\s+"
         r"(?:so\s+|really\s+|real\s+|pretty\s+|more and more\s+|better and better\s+|like\s+)?(?:a\s+)?"
         r"(?:peaceful|nice|good|appealing|relief|better|welcome|tempting|inviting|easier)\b"),
        # "suicide would fix everything", "dying would solve all my problems"
        ("death suicide dying & fix solve",
         r"\b(?:death|suicide|dying)\s+(?:would|could|might)\s+(?:just\s+|finally\s+)?(?:fix|solve)\s+"
         r"(?:everything|it all|all (?:of )?(?:this|my problems)|my problems|all this)\b"),
        # "suicide is the only way out for me", "the only option left is to die"
        ("only & death suicide dying die dead",
         rf"\b(?:death|suicide|dying)\s+{_ONLY_WAY}|\b(?:the|my)\s+only\s+(?:way out|option|answer|choice|"
         r"solution|escape|way)\s+(?:(?:of|from)\s+(?:\w+\s+){1,4}?|to\s+(?:feel\s+)?(?:free|peace|escape|"
         r"stop (?:the|this) pain|be free|find peace)\s+)?(?:left\s+)?(?:is|seems to be|would be|"
         r"feels like)\s+(?:(?:to\s+)?commit\s+)?(?:suicide|death|dying|"
         r"to die|being dead)\b"),
        # "I don't want to die but I know that I have to"
        ("die & have need must",
         r"\b(?:dont|do not)\s+(?:want|wanna|wann)\s+to\s+die\s*,?\s+but\s+(?:i\s+)?(?:know\s+(?:that\s+)?)?i\s+"
         r"(?:have to|need to|must)(?:\s+(?:do it|go|die))?(?=\s*$|\s*[.,;!])"),
        # "dying is the way to go", "death is the answer"
        ("dying death suicide killing ending & way answer solution option",
         r"\b(?:dying|death|suicide|killing myself|ending it)\s+is\s+(?:the|my)\s+(?:way to go|answer|only answer|"
         r"solution|best option|way out)\b(?!\s+(?:to|of|for)\s+(?:the|a|an|this|that)\b)"),
        ("rather", r"\b(?:would|d|id)\s+rather\s+(?:just\s+)?die\b(?!\s+than\b(?!\s+(?:live|keep|go on|wake|"
                   r"feel|be alive|face|exist)\b))"),
        unless=f"{_EMBARRASSED}|{_LAUGHING_HYPERBOLE}",
    ),
    _rule(
        _STRONG, _R_LIVE,
        (f"{_LIVING_WORDS} & dont didnt longer never sure know think doubt unsure",
         r"\b(?:dont|didnt|no longer|never|not sure (?:if |whether |that )?i|not even sure (?:if |"
         r"whether )?i|dont know (?:if|whether|why|how) i|dont think i|doubt i|unsure (?:if |"
         r"whether )?i)\s+(?:\w+\s+)?"
         rf"(?:want|wish|need|care|have (?:the )?(?:will|energy|strength))\s+to\s+{_LIVING}"),
        # "Not wanting to be alive anymore." (a diary's line, with no I)
        (f"{_LIVING_WORDS} & wanting",
         rf"(?:^|[,;:]\s*|\b(?:im|i am|ive been|been|keep|kept|still|just|so|and)\s+)(?:just\s+|really\s+)?not\s+"
         rf"wanting\s+to\s+{_LIVING}"),
        (f"{_LIVING_WORDS} & have", rf"\b(?:so|then|and)\s+i\s+(?:dont|wouldnt|wont|"
                                    rf"never)\s+have\s+to\s+{_LIVING}"),
        ("deserve", r"\bdont\s+deserve\s+to\s+(?:live|be alive|exist|be here)\b"),
        # "Why should I go on living in this world?"
        ("living alive live & why",
         r"\bwhy\s+(?:should|would|do|must)\s+i\s+(?:even\s+)?(?:go on|keep|carry on|bother|continue)\s+(?:living|"
         r"being alive|to live)\b"),
        # "I wonder if I should keep living", "how do I start wanting to live?"
        ("living live alive & wonder wondering know sure unsure how",
         r"\b(?:wonder\w*|dont know|not sure|unsure)\s+(?:if|whether)\s+i\s+(?:should|want to|can)\s+(?:keep|go on|"
         r"carry on|stay)\s+(?:living|alive)\b"),
        ("living live alive & how",
         r"\bhow\s+(?:do|can|would|could)\s+i\s+(?:start\s+|ever\s+|even\s+)?(?:want|wanting)\s+to\s+(?:live|be alive|"
         r"stay alive|keep living)\b"),
        ("living alive existing here life & tired sick exhausted done",
         r"\b(?:tired|sick|exhausted|done)\s+(?:\w+\s+)?(?:of|with)\s+(?:living(?!\s+(?:out|with|in|at|on|"
         r"here|there|alone|like|under|paycheck|from|off|together|next)\b)|being alive|existing|being here|"
         r"life(?!\s+(?:admin|in|as|at|on|with|insurance|coach)\b))\b"),
        # "I've had enough of being alive", "I've no intention of being alive next semester", "can't face another
        # year of waking up"
        ("enough & alive living existing life", r"\bhad\s+enough\s+of\s+(?:being alive|living(?=\s*$|\s*[,.;:!])|existing|"
                                           r"this life|life(?=\s*$|\s*[,.;:!]))"),
        ("intention intend planning & alive", r"\b(?:no\s+intention\s+of|(?:dont|do not)\s+intend\s+(?:on\s+)?|not\s+planning\s+"
                                            r"on)\s+(?:being|staying|still being)\s+alive\b"),
        ("face & waking living alive existing",
         r"\bcant\s+face\s+(?:another|one more|any more)\s+(?:\w+\s+)?(?:day|days|week|weeks|month|months|year|years|"
         r"morning|mornings)\s+of\s+(?:waking up|living|being alive|existing)(?=\s*$|\s*[,.;:!]|\s+(?:again|alone|"
         r"like this)\b)"),
        ("hate", r"\bhate\s+(?:being alive|existing|that im alive|living(?!\s+(?:in|with|here|there|at|near|"
                 r"alone|so)\b))\b"),
        ("worth", r"\b(?:life|living|my life|it)\s+(?:isnt|aint|is no longer|is not|not)\s+worth\s+(?:living|"
                  r"it(?=\s*$|\s*[,;:]|\s+anymore))"),
        ("worth", r"\bnot worth living\b"),
    ),
    _rule(
        _STRONG, _R_NO_REASON,
        ("point reason purpose",
         r"\b(?:no|(?:dont|stopped|stop) see(?:ing)? (?:the|any|a)|cant see (?:the|any|a)|cant find (?:a|any|the)|lost (?:the|any|"
         r"my)|(?:dont|doesnt)\s+(?:think|believe|feel like)\s+theres\s+(?:a|any|even a)|"
         r"theres\s+not\s+(?:a|any)|isnt\s+(?:a|any))\s+(?:\w+\s+)?(?:point|reason|purpose)\s+"
         r"(?:(?:in|of|to|for)\s+)?(?:me\s+)?(?:living|life|being alive|existing|live|be alive|exist|"
         r"stay(?:ing)? alive|keep(?:ing)? living|wak(?:e|ing) up|(?:going on|go on|"
         rf"keep(?:ing)? going|carry(?:ing)? on|continu\w*|be(?:ing)? here|stay(?:ing)?){_END})"),
        # "is there a reason to live anymore?" asked of one's own life
        ("reason point & anymore longer more",
         r"\bis\s+there\s+(?:a|any|even a|still a)\s+(?:\w+\s+)?(?:reason|point)\s+(?:to|in|of|for)\s+"
         r"(?:me\s+)?(?:live|living|go on|going on|be alive|being alive|keep going|keep living|exist|existing|"
         r"stay alive|staying alive)\s+(?:anymore|any more|any longer)\b"),
        ("point", r"\bwhats\s+(?:even\s+)?the\s+point\s+(?:of|in)\s+(?:living|life|being alive|existing|"
                  r"going on|waking up|being here)\b"),
        ("live", r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b"),
        ("why", r"\bwhy\s+(?:do|should|would|am)\s+i\s+(?:even\s+)?(?:bother\w*\s+)?(?:living|being alive|"
                rf"keep living|stay alive|alive|exist|(?:go on|keep going|carry on|still here){_END})"),
    ),
    _rule(
        _STRONG, _R_WAKE,
        # "I wish I could just not wake up" (not "I hope I don't wake up early tomorrow")
        ("wake", rf"\b(?:hope|hoping|wish|wishing|pray\w*)\s+{_NIGHTLY}(?:that\s+)?(?:i|id|ill)\s+(?:just\s+)?"
                 rf"(?:(?:could|would|might)\s+(?:just\s+)?(?:not|never)|dont|didnt|wouldnt|wont|never)\s+(?:ever\s+)?wake up\b{_WAKE_AT}"),
        ("wake", rf"\b(?:dont|never)\s+(?:\w+\s+)?(?:want|wish|care)\s+to\s+wake up\b{_WAKE_AT}"),
        ("wake", r"\b(?:go|went|going|fall|falling|fell|to)\s+(?:to\s+)?a?sleep\s+(?:\w+\s+)?and\s+(?:never|"
                 r"not|dont|didnt|wont)\s+(?:\w+\s+)?wake up"),
        ("wake", r"\bnot\s+(?:to\s+)?wake up\s+(?:again|ever|tomorrow|anymore|in the morning)\b"),
        # "I wish I could fall asleep and never come back"
        ("back & sleep asleep", r"\b(?:go|went|going|fall|falling|fell|to)\s+(?:to\s+)?a?sleep\s+and\s+never\s+"
                                r"(?:come|came|coming)\s+back\b"),
        ("wake", r"\bnever\s+wake up\s+(?:again|ever)\b"),
        # "every day I wake up wishing I didn't"
        ("wake wakes woke waking & wishing wish",
         r"\b(?:wake|wakes|woke|waking)\s+up\s+(?:\w+\s+){0,2}?(?:wishing|and wish)\s+i\s+(?:didnt|hadnt|wouldnt|"
         r"hadnt woken|didnt wake)\b(?=\s*$|\s*[.,;!]|\s+up\b)"),
        # "I still wish I hadn't woken up" (after an attempt; not "… woken up so early", "… woken the
        # baby")
        ("woken woke wake waken & wish wished",
         r"\bwish(?:ed)?\s+(?:that\s+)?(?:i\s+(?:hadnt|had not|never|didnt|did not)\s+(?:woken|woke|wake|waken)|"
         r"(?:id|i\s+(?:had|would have|wouldve))\s+(?:never|not)\s+(?:woken|woke))(?:\s+up\b|(?=\s*$|\s*[,;:]))"
         r"(?!\s+(?:so|this|that|too|really)\s+early|\s+(?:at|in time|early|late|to|for|when|before|during|"
         r"on time)\b)"),
        # "fall asleep and stay asleep", "I want the long sleep"
        ("asleep", r"\b(?:go|fall|falling|fell|to)\s+(?:to\s+)?a?sleep\s+and\s+(?:just\s+)?stay\s+asleep\b"
                   r"(?=\s*$|\s*[.!,;]|\s+(?:forever|for good|and never)\b)"),
        ("sleep & long eternal endless permanent big",
         r"\b(?:want|wanting|wish|wishing|long|longing|ready|need)\s+(?:for\s+)?(?:the\s+(?:long|eternal|endless|"
         r"permanent|big)|an?\s+(?:eternal|endless|permanent))\s+sleep\b"),
    ),
    _rule(
        _STRONG, _R_EXIST,
        ("existing exist alive gone disappear vanish here born wake",
         r"\b(?:want|wants|wanted|wanting|wish|wishes|wished|wishing|need|needs|like|longing|easier|better|rather|"
         r"prefer)\s+(?:(?:just|really|so|honestly)\s+)*(?:to\s+)?(?:just\s+)?(?:stop existing|not exist|"
         r"cease to exist|stop being alive|not be alive|be gone forever|disappear (?:forever|for good|"
         r"permanently)|vanish (?:forever|for good)|not be here (?:anymore|any longer)|never have been born|"
         r"have never been born|not wake up)\b"),
        # "how peaceful it would be to not exist"
        ("exist existing here dead alive & peaceful nice easier good relief better restful",
         r"\b(?:peaceful|nice|easier|good|a relief|better|restful)\s+(?:it\s+)?(?:would|must|will)\s+be\s+(?:to\s+)?"
         r"(?:just\s+)?(?:not\s+exist|stop existing|not be here|be dead|not be alive)\b(?!\s+(?:online|on|at|in|for)\b)"),
        ("forever", r"\b(?:wish|want|wanted|wishing|wanting|"
                    r"longing)\w*\s+(?:\w+\s+){0,3}?(?:go\s+to\s+)?sleep\s+forever\b"),
        # (and "I daydream about not waking up", not about not waking up early)
        ("existing alive dead dying death waking & fantasise fantasised fantasising fantasize fantasized "
         "fantasizing fantasy fantasies dream dreams dreamed dreamt dreaming daydream daydreaming think thinking "
         "thought",
         r"\b(?:fantasi[sz]\w*|fantas(?:y|ies)|(?:day)?dream\w*)\s+(?:about|of)\s+(?:not existing|not being alive|"
         rf"being dead|dying(?!\s+(?:my|her|his|the|it|a)\b)|my (?:own )?death|(?:not|never) waking up\b{_WAKE_AT})\b"
         r"|\b(?:think\w*|thought)\s+(?:\w+\s+)?(?:about|of)\s+(?:not existing|not being alive|being dead|"
         rf"(?:not|never) waking up\b{_WAKE_AT})\b"),
        ("born existed exist existing alive here",
         r"\bwish\w*\s+(?:that\s+)?i\s+(?:had\s+)?(?:never\s+(?:been born|existed|was born)|was never born|"
         r"wasnt born|didnt exist|wasnt alive|werent alive|wasnt here|werent here|"
         r"could (?:just\s+)?(?:stop existing|not exist|cease to exist))\b(?!\s+(?:in|at|for|to|on|when|with|"
         r"yet|today|tonight)\b)"),
    ),
    _rule(
        _STRONG, _R_LIVE,
        ("around here alive", r"\b(?:not sure|dont know if|doubt|dont think)\s+(?:ill|i will|id|"
                              r"i would)\s+(?:still\s+)?be\s+(?:around|here|alive)\s+(?:to see (?:it|that|"
                              r"them|you)|much longer|for (?:much )?longer|for long|by (?:then|the end))\b"),
        ("alive", r"\b(?:not sure|dont know if|doubt|dont think)\s+(?:ill|i will|id|"
                  r"i would)\s+(?:still\s+)?be\s+alive\b"),
        # "RSVPing to events when I don't know if I'll still be here"
        ("still & here around", r"\b(?:not sure (?:if\s+)?|dont know if|doubt|dont think)\s+(?:ill|i will)\s+still\s+be\s+"
                                r"(?:here|around)(?=\s*$|\s*[,;:!])"),
        negatable=False,
    ),
    # a note's opening: "if you're reading this, I'm already gone" (not gone on a trip: _LEAVING)
    _rule(
        _STRONG, _R_GOODBYE,
        ("reading & gone dead here alive around",
         r"\bif\s+(?:youre|you are|anyone is|someone is|youve been|you have been)\s+reading\s+this\b[^.?!]{0,20}?\b"
         r"(?:im|i am|ill be|i will be|i must be)\s+(?:already\s+|probably\s+|long\s+)?(?:gone|dead|no longer "
         r"(?:here|alive|around|with (?:you|us))|not (?:here|alive|around) anymore)\b"
         r"(?!\s+(?:to|on|for|out|home|shopping|away|abroad|from)\b)"),
        # "Goodnight forever, world." (not "Goodbye forever, braces!")
        ("forever good last & goodnight goodbye bye night",
         r"\b(?:goodnight|good night|goodbye|good bye|bye)\s*,?\s+(?:forever|for good|for the last time)"
         r"(?:\s*,?\s*(?:world|everyone|everybody|all|guys|friends|internet|reddit))?(?=\s*$|\s*[.!])"),
        unless=_LEAVING,
        context=1,
        negatable=False,
    ),
    # "I'm not going to make it to my birthday": the writer's own next milestone, not a party or a dinner;
    # "there's no way out of this except one"
    _rule(
        _STRONG, _R_FINAL,
        ("way & except but than apart besides",
         r"\bno\s+(?:other\s+)?way\s+out\b(?:\s+of\s+(?:this|it|here))?\s*,?\s*(?:except|but|other than|"
         r"apart from|besides)\s+(?:one|the one|death|dying|suicide|the (?:obvious|permanent|final|last) one)\b"),
        ("make & birthday christmas xmas",
         r"\b(?:(?:im|i am|i|ill)\s+)?(?:really\s+|honestly\s+)?(?:not\s+(?:going to|gonna)|wont|will not|"
         r"dont think ill)\s+make it\s+(?:to|till|until|past)\b(?=\s+(?:my (?:\w+\s+)?birthday|christmas|xmas)\b"
         r"(?!\s+(?:party|dinner|lunch|drinks|meal|do|celebration|market|concert|show|fair|service|shopping|"
         r"in (?:person|time))\b))"),
        negatable=False,
    ),
    _rule(
        _STRONG, _R_CANT,
        ("go keep carry & cant couldnt",
         rf"\b(?:cant|couldnt)\s+(?:\w+\s+)?(?:go on|keep going|carry on|keep living){_END}(?!\s+like this)"),
        ("life & cant couldnt", r"\b(?:cant|couldnt)\s+(?:\w+\s+)?do\s+life\s+(?:anymore|any more|any longer)\b"),
        ("go keep carry hold & think sure know doubt",
         r"\b(?:dont think|not sure|dont know (?:if|whether|how)|doubt)\s+(?:(?:much\s+)?(?:longer|long)\s+)?i\s+"
         r"can\s+(?:\w+\s+)?(?:go on|"
         r"keep going|"
         rf"carry on|keep living|hold on){_END}(?!\s+like this)"),
        # "I couldn't imagine my life going on", "can't see myself still here past Christmas"
        ("imagine see picture & life living alive going here",
         r"\b(?:cant|couldnt|cannot)\s+(?:\w+\s+)?(?:imagine|see|picture)\s+"
         r"(?:my\s+life\s+going\s+on(?=\s*$|\s*[.!,;]|\s+(?:like this|anymore|any more|after|past|beyond)\b)|"
         r"myself\s+(?:alive|still here|still alive|being alive)\s+(?:past|beyond|much longer|anymore|any more)|"
         r"(?:living|going on|being alive|being here)\s+(?:much\s+)?(?:longer|anymore|any more)(?!\s+(?:in|at)\s))"),
    ),
    _rule(
        _STRONG, _R_END,
        ("way", r"\b(?:only|one|other)\s+way\s+out\s+(?:is\s+|left\s+is\s+)?(?:to\s+)?(?:die|dying|death|"
                r"suicide|end it|ending it|kill myself|killing myself|end my life)\b"),
        ("way", r"\bway\s+out\s+(?:except|but|other than|besides|apart from)\s+(?:to\s+)?(?:die|dying|death|"
                r"suicide|end it|ending it|killing myself|kill myself)\b"),
        negatable=False,
    ),
    _rule(
        _STRONG, _R_UNSAFE,
        ("myself tonight & scared afraid frightened worried terrified",
         r"\b(?:scared|afraid|frightened|worried|terrified)\s+(?:of\s+)?what\s+i\s+(?:might|could|will|would|"
         r"am going to|m going to|may)\s+do\s+(?:to\s+myself|tonight)\b"),
        ("trust", r"\bdont\s+trust\s+myself\s+(?:\w+\s+){0,4}?(?:tonight|alone|right now|around (?:knives|"
                  r"pills|the)|not to (?:do|hurt|cut|end))\b"),
        ("safe", r"\b(?:dont|doesnt)\s+feel\s+safe\s+(?:with myself|around myself|alone|tonight|right now|"
                 r"in my own head)\b"),
        ("safe", r"\bnot\s+safe\s+(?:with|around|from)\s+myself\b"),
        # "I don't know if I can keep myself safe tonight", "… keep myself from acting on it"
        ("keep & safe from",
         r"\b(?:dont know if|not sure (?:if|that)|doubt|dont think)\s+i\s+can\s+keep\s+myself\s+(?:safe|from\s+"
         r"(?:doing it|acting on (?:it|them)|committing to it|going through with it|following through|hurting myself|"
         r"(?:killing|cutting|harming) myself))\b"),
        # "I'm not safe." said of oneself, with nothing after it that makes it a place or a person
        ("safe", r"\b(?:(?:im|i am|i feel)\s+(?:really\s+|just\s+)?not|i (?:dont|do not) feel)\s+safe"
                 r"(?=\s*$|\s*[.!,;]|\s+(?:right now|tonight|anymore|at the moment)\b)"),
    ),
    # ---- a diary card's urge to die or to self-harm rated above zero: "Urges to die (0-5): 5", "SH urges: 3/5"
    _rule(
        _STRONG, "rates an urge to die or to self-harm above zero",
        ("urge urges thoughts ideation",
         r"\b(?:(?:urges?|thoughts?)\s+(?:to|of|about)\s+(?:die|dying|death|suicide|kill(?:ing)? myself|"
         r"end(?:ing)? my life|selfharm|self harm|harm(?:ing)? myself|hurt(?:ing)? myself|cut(?:ting)?)|"
         r"(?:suicidal|suicide|selfharm|self harm|sh)\s+(?:urges?|thoughts?|ideation))"
         rf"(?:\s+(?:today|tonight|this week|now))?\s*{_SCALE}[:=]\s*{_ABOVE_ZERO}(?!\d|\.\d)"),
        # the urges named after the field: "Urges (0-5): suicide 5", "Urges: alcohol 2, SH 0, SI 4/5"
        ("urge urges", rf"\burges?\s*{_SCALE}[:=]\s*(?:[a-z]+(?:\s+[a-z]+)?\s*[:=]?\s*\d+(?:\s*/\s*\d+)?\s*"
                       r"[,;/]\s*){0,5}(?:die|suicide|suicidal|si|selfharm|self harm|sh|cut|cutting|"
                       r"kill myself)\s*[:=]?\s*"
                       rf"{_ABOVE_ZERO}(?!\d|\.\d)"),
        # a diary card typed without punctuation: "urges cut 5 acted yes", "urge to die 3"
        ("urge urges", rf"\burges?\s+(?:to\s+)?(?:die|cut|selfharm|self harm|sh|kill myself|suicide)\s+{_ABOVE_ZERO}"
                       r"(?=\s*$|\s+(?:acted|action|skills?|urges?|emotions?|mood|out of)\b|\s*[,;])"),
        # an eating disorder's urge acted on: "Restrict urge 5, acted yes", "urge to purge: 3 acted: y"
        ("urge urges & acted action",
         r"\b(?:(?:restrict\w*|purg\w*|starv\w*|laxatives?|vomit\w*)\s+urges?|urges?\s+to\s+(?:restrict|purge|"
         rf"starve|vomit|binge and purge))\s*{_SCALE}[:=]?\s*{_ABOVE_ZERO}\s*[,;.]?\s*(?:acted|action)(?:\s+on)?\s*"
         r"[:=]?\s*(?:yes|y)\b"),
        subject=False,
    ),
    _rule(
        _STRONG, _R_SUICIDE,
        # not "suicidal" said of a group ("a group for suicidal veterans")
        ("suicidal", rf"\bsuicidal\b(?!\s+{_SUICIDAL_OTHERS})"),
        ("suicide", r"\b(?:think\w*|thought\w*|consider\w*|contemplat\w*|plan\w*|attempt\w*|tried|try|trying|"
                    # "committed suicide" is told of someone else, unless it was almost
                    r"commit(?!ted\b)\w*|(?:almost|nearly) committed|research\w*|googl\w*|urges?|close to|"
                    r"feel\w*)\s+(?:\w+\s+){0,3}?suicide\b(?!\s+(?:squeeze|squad|doors?|drills?|runs?|"
                    r"sprints?|prevention|awareness|hotline|helpline|lines?|watch|rates?|statistics|bomb\w*|"
                    r"mission|scene)\b)"),
        ("suicide", r"\bsuicide\s+(?:note|letter|plan|attempt|thought|ideation)s?\b"),
        # "I am high-risk for suicide" (a risk assessed of the writer)
        ("suicide & risk", r"\b(?:im|i am|ive been|i have been|i was)\s+(?:\w+\s+){0,2}?(?:at\s+)?(?:a\s+)?(?:high|"
                           r"higher|very high|elevated|serious)[- ]?risk\s+(?:for|of)\s+suicide\b"),
        # "i really wanna suicide tbh" (a "sewerslide" is read as suicide)
        ("suicide & want wants wanted wanting ready going about",
         r"\b(?:want|wants|wanted|wanting|ready|going|about)\s+to\s+(?:commit\s+)?suicide\b(?!-|\s+(?:prevention|"
         r"awareness|memorial|vigil|survivors?|loss|bereavement|support|group|talk|training|walk|research|squad|"
         r"hotline|helpline|lines?|watch|rates?|statistics)\b)"),
    ),
    _rule(
        _STRONG, _R_END,
        ("myself", r"\b(?:kill|killing|killed|kills|off|offing|offed|unalive|end|ending|"
                   r"ended)\s+myself\b(?!\s+(?:laughing|trying|with laughter|over|for (?:this|that|the|a|my|"
                   r"nothing|them|him|her|work|it|you)|(?:at|in) (?:the\s+)?(?:gym|work|practice|training)|"
                   r"to (?:finish|get|make|meet|pay|keep up|please))\b)"
                   rf"(?![^.?!,;]{{0,40}}\b(?:{_GAMES})\b)"),
        # "kill my family and then myself"
        ("myself", r"\b(?:kill|killing|murder|murdering|shoot|shooting)\s+(?:\w+\s+){1,4}?(?:and|then|before)\s+"
                   r"(?:then\s+|also\s+)?myself\b"),
        ("life", r"\b(?:end|ending|ended|take|taking|took)\s+my\s+(?:own\s+)?life\b(?!\s+(?:back|savings|"
                 r"story)\b)"),
        ("unalive", r"\bunalive\b"),
        ("accident & look looks", r"\b(?:make|making|made)\s+(?:it|my death|this)\s+look\s+like\s+an\s+"
                                  r"accident\b(?![^.]*\b(?:novel|story|plot|character|book|film|game)\b)"),
        # a car's exhaust in a closed space
        ("engine & door doors hose exhaust", r"\bengine running\b[^.]{0,60}\b(?:clos\w*\s+(?:the\s+)?(?:garage\s+)?"
                                             r"doors?|hose|exhaust)\b"),
        ("hose & exhaust", r"\bhose\b[^.]{0,30}\bexhaust\b"),
        # "sitting in my car in the garage with the engine off, thinking about turning it on"
        ("garage & engine turning turn start starting running",
         r"\b(?:sit|sat|sitting)\s+in\s+(?:my|the)\s+(?:old\s+)?car\s+in\s+the\s+(?:closed\s+|shut\s+)?garage\b"
         r"[^.?!]{0,80}\b(?:(?:(?:think|thinking|thought) (?:about|of)|tempted to|wanting to|want to|nearly|almost)\s+"
         r"(?:(?:closing|shutting) the (?:garage\s+)?doors? and\s+)?(?:turning|turn|start|starting)\s+(?:it|the "
         r"engine|the car)\s+on|engine (?:running|on))\b(?![^.?!]*\bwarm)"),
        # "thinking of drinking this bottle of bleach"
        ("bleach antifreeze poison weedkiller pesticide cleaner & drink drinking swallow swallowing",
         rf"\b{_INTENT}\s+(?:\w+\s+){{0,2}}?(?:to\s+)?(?:drink|drinking|swallow|swallowing)\s+(?:\w+\s+){{0,3}}?"
         r"(?:bleach|antifreeze|drain cleaner|rat poison|poison|weed ?killer|pesticide)\b"),
        # a gun or a bullet turned on oneself, in the words people use: "eat my gun", "a 9mm haircut"
        (f"{_GUN_WORDS} bullet barrel glock & eat eating ate suck sucking swallow swallowing",
         r"\b(?:eat|eating|ate|suck on|sucking on|swallow|swallowing)\s+(?:the\s+(?:end|barrel)\s+of\s+)?"
         r"(?:a|my|the|this|that)\s+(?:gun|guns|"
         r"bullet|shotgun|pistol|barrel|glock|revolver|handgun|rifle)\b"),
        ("haircut", r"\b\d+\s*mm\s+haircut\b"),
        # a weapon turned on oneself: "thinking about using my dad's gun on myself", "a glock … use it on myself"
        ("myself & use using used turn turning turned",
         r"\b(?:use|using|used|turn|turning|turned)\s+(?:(?:a|the|my|this|that|his|her|\w+s)\s+){0,2}"
         rf"{_FIREARM}\s+on\s+myself\b"),
        (f"myself & {_GUN_WORDS} glock & use using used turn turning turned",
         rf"\b{_NOT_A_WEAPON}(?:guns|{_FIREARM})\b[^.?!]{{0,60}}\b(?:use|using|used|turn|turning|turned)\s+"
         r"(?:it|them)\s+on\s+myself\b"),
        ("kms", r"\b(?:to|should|could|will|just|might|ill|id|literally|about to)\s+kms\b|^kms\b"),
        # "ctb" (to "catch the bus", a forum's word for suicide) said as the writer's wish or plan
        ("ctb", rf"\b{_INTENT}\s+(?:\w+\s+)?(?:to\s+)?ctb\b|\bctb\s+(?:(?:has been|is|was|keeps)\s+)?"
                r"(?:on my mind|plans?|thoughts?|date|method|soon|tonight|this (?:week|weekend|time))\b"),
        ("all everything tonight good once & end ending ended",
         r"\b(?:end|ending|ended)\s+(?:it\s+all|everything|(?:it|things)\s+(?:tonight|for good|"
         r"once and for all))\b(?![^.]*\bwith\b)"),
    ),
    _rule(
        _STRONG, _R_END,
        ("myself", r"\b(?:hang|hanging|hanged|hung|shoot|shooting|shot|drown|drowning|drowned|poison|"
                   r"poisoning|poisoned|stab|stabbing|electrocute|gas|gassing|suffocate|suffocating|"
                   r"smother)\s+myself\b(?!\s+(?:in the foot|out|up|on|with (?:work|coffee|caffeine|tea|"
                   r"tasks|junk|fast|bad|processed)|in (?!the (?:river|lake|sea|ocean|bath|bathtub|"
                   r"water)))\b)"),
        subject=False,
    ),
    # "walk into the sea and not come back", only where the sentence names the water
    _rule(
        _STRONG, _R_END,
        ("back & walk walking swim swimming wade wading",
         r"\b(?:walk|walking|swim|swimming|wade|wading)\s+(?:out\s+|in\s+|into\s+)?(?:\w+\s+){0,3}?and\s+"
         r"(?:just\s+)?(?:not|never)\s+(?:come|coming)\s+(?:back|out)\b"),
        unless=r"^(?!.*\b(?:sea|ocean|lake|river|water|waves|tide|surf|loch)\b)",
        negatable=False,
    ),
    # "being dead would be easier than facing everyone on Monday", "death would be a relief" (not a death wished
    # for someone in pain: "for Gran, death would be a relief")
    _rule(
        _STRONG, _R_DIE,
        ("dead death dying & would will must might could",
         r"\b(?:being dead|death|dying|not being alive)\s+(?:would|will|must|might|could)\s+(?:honestly\s+|"
         r"really\s+|just\s+)?be\s+(?:so\s+|much\s+|a lot\s+|way\s+)?(?:easier|better|a relief|a release|"
         r"peaceful|welcome|a mercy|kinder)\b"),
        unless=r"\bfor\s+(?:him|her|them|(?:my\s+)?\w+),?\s+(?:being dead|death|dying)\b|\b(?:his|her|their)\s+"
               r"(?:death|dying)\b",
    ),
    # joining someone who died: "since Dad died all I want is to join him" (not "join him at the pub", and only
    # where the sentence or one beside it speaks of a death)
    _rule(
        _STRONG, _R_DIE,
        ("join",
         r"\b(?:want|wanna|wants|wanted|ready|going|gonna|like|long|longing|wish|decided|plan|planning|time|is)\s+"
         r"(?:\w+\s+){0,2}?to\s+join\s+(?:him|her|them|my\s+(?:\w+\s+)?(?:mum|mom|mother|dad|father|husband|"
         r"wife|son|daughter|brother|sister|baby|partner|boyfriend|girlfriend|friend|grandma|grandpa|nan|family))"
         r"\b(?!\s+(?:at|in|for|on|the|a|an|this|next|tomorrow|tonight)\b)"),
        unless=r"^(?!.*\b(?:died|death|dead|passed away|passed|lost|grave|funeral|buried|heaven|gone|anniversary|"
               r"ashes|rip)\b)",
        context=1,
    ),
    # the courage wished for: "I wish I could muster up the courage to end it" (not "to end it with him")
    _rule(
        _STRONG, _R_END,
        ("courage guts nerve balls",
         r"\b(?:wish\w*\s+i\s+(?:had|could find|could muster)|muster(?:ed|ing)?(?:\s+up)?|"
         r"work(?:ed|ing)?\s+up|build(?:ing)?\s+up|dont\s+have|never\s+(?:had|have)|lack)\s+(?:\w+\s+){0,2}?"
         r"(?:the\s+)?(?:courage|guts|nerve|balls)\s+to\s+(?:finally\s+|just\s+)?"
         r"(?:end it(?:\s+all)?(?!\s+with)|end my life|kill myself|go through with it|"
         r"take my (?:own )?life)\b"),
    ),
    # voices that command harm: "the voices keep telling me to end it", "voices telling me to hang and cut myself"
    _rule(
        _STRONG, _R_END,
        ("voice voices",
         r"\bvoices?\b(?!\s+of\s+reason)\s+(?:\w+\s+){0,4}?(?:tell|tells|telling|told|say|says|saying|said|want|"
         r"wants|wanted|order\w*|command\w*|urg\w*)\s+(?:me\s+)?(?:to|i should|i need to|i have to|i must)\s+"
         rf"(?:(?:\w+\s+){{0,3}}?{_HARM_VERB}\w*\s+(?:\w+\s+){{0,2}}?myself|die|end it(?!\s+with)|end my life|"
         r"jump)\b"),
        # "a voice that keeps saying you'd be better off dead", "the voices say I should die"
        ("voice voices & dead die",
         r"\bvoices?\b(?!\s+of\s+reason)\s+(?:\w+\s+){0,5}?(?:tell|tells|telling|told|say|says|saying|said|"
         r"whisper\w*|scream\w*)\s+(?:me\s+)?(?:that\s+)?(?:(?:youd|you would|id|i would|youre|im|we would|"
         r"everyone would)\s+(?:be\s+)?better off dead|(?:you|i)\s+(?:should|deserve to|need to|must|"
         r"have to)\s+die)\b"),
        # "my mind keeps telling me to jump" (not "my head hurts, I want to jump in the pool")
        ("mind brain head & tell tells telling told",
         r"\bmy\s+(?:mind|brain|head)\s+(?:(?:keeps|kept|is|was|just|always|constantly|still)\s+){0,2}(?:tell|tells|"
         rf"telling|told)\s+me\s+(?:to|i should|i need to|i have to|i must)\s+(?:(?:\w+\s+){{0,3}}?{_HARM_VERB}\w*\s+"
         r"(?:\w+\s+){0,2}?myself|die|end it(?!\s+with)|end my life|jump(?!\s+(?:in|into|on|at|ship|the queue)\b))\b"),
        unless=r"\b(?:inner|my own|gps|satnav|sat nav)\s+voice",
        subject=False,
    ),
    # not seeing oneself alive: "I don't see myself being alive by Christmas", "can't see myself living past 30"
    _rule(
        _STRONG, _R_LIVE,
        ("alive living & see",
         r"\b(?:dont|cant|do not|cannot|can not)\s+see\s+myself\s+(?:being\s+|still\s+|staying\s+)?"
         r"(?:alive|living)\s+(?:by|next|past|until|at|to see|much longer|for (?:much )?longer|"
         r"in (?:a|one|two|five|ten|\d+) (?:years?|months?))\b"),
        # "can't picture myself existing in September", "I can't even imagine myself alive next year"
        ("alive existing & see picture imagine",
         r"\b(?:dont|cant|do not|cannot|can not)\s+(?:\w+\s+)?(?:see|picture|imagine)\s+myself\s+(?:being\s+|"
         r"still\s+)?(?:alive|existing|still existing)\s+(?:by|next|past|until|in|at|this time next|"
         r"much longer|for (?:much )?longer|a year from now)\b"),
    ),
    # "I'm going to find out how much blood I have in me": bleeding out, said as a plan
    _rule(
        _STRONG, _R_END,
        ("blood", r"\b(?:find out|see|know|learn)\s+(?:just\s+|exactly\s+)?how much blood\s+(?:i have|there is|is)\s+"
                  r"in\s+me\b"),
    ),
    # "the only reason I'm still alive is my cat": what keeps a person alive, named as the only thing
    _rule(
        _STRONG, _R_SUICIDE,
        ("reason thing & alive dead breathing here",
         r"\bonly\s+(?:reason|thing)\s+(?:why\s+|that\s+)?(?:im|i am|ive|i have)\s+(?:still\s+|not\s+)?"
         r"(?:alive|dead|breathing|been alive|still here(?=\s+(?:is|are|was)\b))\b"),
        # "I'd be dead by now if it wasn't for my kids", "if it hadn't been for my dog I wouldn't be alive" (not
        # a medicine, a doctor or a coffee)
        ("dead alive & wasnt werent hadnt not",
         rf"\b{_DEAD_BUT_FOR}(?:\s+(?:now|by now|already|long ago|(?:\w+ )?(?:years|months) ago|today|anymore|"
         rf"any more))?\s*,?\s*{_NOT_FOR}"),
        ("dead alive & wasnt werent hadnt not",
         rf"\b{_NOT_FOR}[^.?!]{{0,20}}?\b{_DEAD_BUT_FOR}"),
        # a rescue from an illness or an accident: "I wouldn't be alive if it wasn't for my husband, he gave me
        # CPR"
        unless=_RESCUED_FROM,
    ),
    # seeing one's own death in the mind's eye: "I keep picturing myself stepping off the balcony", "imagining
    # myself walking in front of a train" (not a fear of heights or an intrusive thought the writer names as one)
    _rule(
        _STRONG, _R_SUICIDE,
        ("picture picturing pictured imagine imagining imagined visualise visualising visualize visualizing "
         "fantasise fantasising fantasize fantasizing seeing & stepping jumping throwing driving swerving walking "
         "lying hanging dead coffin",
         r"\b(?:pictur\w*|imagin\w*|visuali[sz]\w*|fantasi[sz]\w*|(?:keep|kept|cant stop)\s+seeing)\s+(?:about\s+)?"
         r"myself\s+(?:just\s+)?(?:(?:stepping|jumping|throwing myself|driving|swerving|walking|lying down)\s+"
         r"(?:off|from|into|in front of|onto|under)\s+(?:the\s+|a\s+|an\s+|that\s+|my\s+)?(?:\w+\s+){0,2}?"
         rf"(?:{_HIGH}|trains?|traffic|lorr(?:y|ies)|trucks?|bus(?:es)?|tracks|platform|edge)\b|"
         r"hanging\s+(?:from|in|off)\s+(?:the|a|my)\b|dead\b|in\s+(?:a|my)\s+coffin\b)"),
        unless=r"\b(?:(?:afraid|scared|terrified) of heights|fear of heights|vertigo|phobia|intrusive|ocd|by mistake|"
               r"halloween|costume|play|role)\b",
    ),
    # self-harm told the way people who do it tell it: a streak of days broken, a pencil sharpener taken apart for
    # its blade, hitting oneself over and over, exercise as a punishment for eating
    _rule(
        _STRONG, _R_SELF_HARM,
        ("streak broke broken relapsed again & cut cutting selfharmed selfharm selfharming burned burnt hurt",
         r"\b(?:hadnt|havent|hasnt|had not|have not|not)\s+(?:cut|selfharmed|selfharm|burned|burnt|hurt myself)\s+"
         r"(?:in|for)\s+(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?)\b[^.?!]{0,50}\b(?:broke|broken|relapsed|"
         r"did it again|gave in)\b"),
        # "214 days without cutting and I blew it tonight", "came home and cut for the first time in two years"
        ("blew broke broken relapsed gave ruined reset",
         r"\b(?:days|weeks|months|years)\s+(?:without|clean from|free of|free from|off)\s+(?:cutting|selfharm\w*|"
         r"self harm\w*|harming|burning)\b[^.?!]{0,60}\b(?:blew it|broke it|broke|broken|relapsed|gave in|"
         r"ruined it|reset)\b"),
        ("cut", r"(?:^\s*|\b(?:i|and|then|just|finally)\s+)cut\s+(?:again\s+)?for the first time (?:in|since)\s+"
                r"(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?|ages|forever|christmas|summer|school|uni)\b"),
        # "Had a 60 day streak and broke it with the blade from a pencil sharpener"
        ("streak & blade razor knife lighter compass sharpener scissors",
         r"\b(?:streak\b[^.?!]{0,40}\b(?:broke|broken|ended|lost|ruined)\s+it|(?:broke|ended|lost|ruined)\s+(?:my|the)\s+"
         r"streak)\s+with\s+(?:a|the|my)\s+(?:\w+\s+)?(?:blade|razor|knife|lighter|compass|sharpener|scissors)\b"),
        # "60 days clean and I cut again tonight" (not "then cut again along the line")
        ("cut & again", r"(?:^\s*|\b(?:i|and|then|just|finally|so|ive|i have|i had)\s+)cut\s+again\b"
                        rf"(?=\s*$|\s*[;:!]|\s+(?:{_LATELY}|after|because|even though|on my|deeper|worse)\b)"),
        # "I couldn't take it. So I cut" (not "so I cut the cake")
        ("cut", r"^\s*(?:so|and so|and then|then)\s+i\s+cut(?:\s+(?:again|myself))?\s*$"),
        # "Cutting doesn't work anymore" (the harm kept up, and no longer enough)
        ("anymore more & cutting selfharm selfharmed selfharming burning hurting harming",
         r"\b(?:cutting|selfharm\w*|burning myself|hurting myself|harming myself)\s+(?:just\s+)?(?:doesnt|does not|"
         r"isnt|is not|dont|wont)\s+(?:\w+\s+)?(?:work|help|do (?:anything|it|enough)|enough)\s+(?:anymore|"
         r"any more)\b"),
        # "my mom would be really upset if I cut too deep" (not "if I cut too deep into the board")
        ("deep", r"\bif\s+i\s+(?:ever\s+)?cut\s+(?:myself\s+|my\s+(?:arms?|wrists?|legs?|thighs?)\s+)?"
                 r"(?:too\s+deep(?:ly)?|deeper)\b(?!\s*,|\s+(?:into|in|through|on|the|a|it|this|that|with)\b)"),
        # the knife at one's throat or wrist, the gun in one's mouth (not "a gun to my head", said of pressure)
        ("knife blade razor gun pistol barrel revolver & throat wrist wrists temple mouth",
         r"\b(?:i|im|ive)\s+(?:\w+\s+){0,2}?(?:have|had|has|got|holding|held|hold|put|putting|pressed|pressing|"
         r"press)\s+(?:the|a|my)\s+(?:knife|blade|razor|gun|pistol|barrel|revolver)\s+(?:\w+\s+)?(?:at|to|"
         r"against|in)\s+my\s+(?:throat|wrists?|temple|mouth)\b"),
        # "the cuts on my hip are healing and I keep making new ones"
        ("cuts burns scratches & new fresh more",
         r"\b(?:cuts|burns|scratches)\s+on\s+my\s+(?:arms?|wrists?|legs?|thighs?|hips?|stomach|skin|ankles?|"
         r"shoulders?)\b[^.?!]{0,80}\b(?:(?:keep|kept|been|started|start|im|i am)\s+(?:making|adding)|made|"
         r"added)\s+(?:new|fresh|more)\s+(?:ones|cuts|burns)\b"),
        ("sharpener sharpeners",
         r"\b(?:took|take|taking|broke|break|breaking|smashed|unscrewed|unscrewing)\s+(?:apart\s+)?(?:a|the|my|"
         r"another)\s+(?:pencil\s+)?sharpeners?\s+apart\b|\b(?:took|take|taking|got|get|getting)\s+the\s+blades?\s+"
         r"out\s+of\s+(?:a|the|my|another)\s+(?:pencil\s+)?sharpeners?\b"),
        ("slapped hit punched smacked slapping hitting punching smacking slap punch smack",
         r"\b(?:slapp\w*|slap|hit|hitting|punch\w*|smack\w*)\s+myself\s+(?:in the (?:face|head|stomach)\s+)?"
         r"(?:over and over|again and again|repeatedly|until\s+(?:i|it)\b)"),
        ("collapse faint pass out sick & ate eat eating food cake binge binged calories meal",
         r"\b(?:run|running|exercise|exercising|work out|working out|train|training|swim|swimming)\s+until\s+i\s+"
         r"(?:collapse|pass out|faint|throw up|puke|am sick|cant (?:stand|breathe))\b(?=[^.?!]*\b(?:ate|eat|eating|"
         r"food|cake|binge\w*|calories|meal)\b)"),
        # (cleaning a wound or the blade, or a fringe or a deck cut again; not a streak: "40 days clean from cutting
        # and I gave in")
        unless=r"\b(?:(?<!days )(?<!weeks )(?<!months )(?<!years )clean(?!\s+(?:from|for|since|of|streak)\b)|"
               r"cleaning|fix|fixing|repair\w*|mosquito|fly|wasp|accident\w*|fringe|hair|bangs|fabric|paper|wood|"
               r"board|grass|lawn|hedge|film|scene|deck|cards|pattern)\b",
        negatable=False,
    ),
    # the words of self-harm forums: a cut's depth ("went to styro", "hit beans"), an arm "like a barcode", a
    # "kit" of blades and plasters, "shd again"
    _rule(
        _STRONG, _R_SELF_HARM,
        ("styro styrofoam beans & went go going got cut cutting hit hitting reached reach",
         r"\b(?:went|go|going|got|cut|cutting|hit|hitting|reached|reach)\s+(?:to\s+|down to\s+|into\s+)?(?:styro|"
         r"styrofoam|beans)\b(?!\s+(?:cups?|box\w*|packaging|cooler|trays?|and|salad|on|for|with|at|in)\b)"),
        (f"barcode & {_BODY_WORDS}", rf"\b{_BODY_PART}\s+(?:\w+\s+)?(?:looks?|looked|is|are)\s+like\s+(?:a\s+)?"
                                    r"barcode\b|\bbarcode\s+(?:arms?|thighs?|wrists?|legs?)\b"),
        ("kit box tin stash & blade blades razor razors",
         r"\b(?:kit|box|tin|stash)\b[^.?!]{0,60}\b(?:blades?|razors?)\b[^.?!]{0,30}\b(?:plasters|bandages|band ?aids|"
         r"bandaids|steri ?strips|gauze|antiseptic)\b"),
        ("shd shed & again", r"\bsh(?:d|ed)\s+again\b"),
        unless=r"\b(?:first aid|shaving|craft\w*|scalpel|woodwork\w*|hobby|stamp|tattoo\w*|tan ?lines?|stickers?|"
               r"wristbands?|ink|sunburn\w*)\b",
    ),
    # "I keep thinking about the razor in the bathroom", "I want to feel the sting again": urges said sideways
    _rule(
        _WEAK, "mentions an urge to self-harm",
        ("razor razors blade blades & thinking",
         r"\b(?:keep|kept|cant stop|been)\s+thinking\s+about\s+(?:the|my)\s+(?:razor|razors|blades?|razor blades?)\b"
         r"(?!\s+(?:i|to)\s+(?:buy|order|get)\b)"),
        ("sting blade bleed & feel see", r"\bwant\s+to\s+(?:feel|see)\s+(?:the\s+)?(?:sting|blade|blood)\s+again\b"),
        # "I wish it had been me instead", "the wrong person survived"
        ("me & wish wished", r"\bwish\w*\s+(?:that\s+)?(?:it|that)\s+(?:had been|was|were|could have been)\s+me\s+"
                             r"(?:instead|who died|and not (?:him|her|them))\b"),
        ("survived", r"\b(?:the\s+)?wrong\s+(?:person|one)\s+(?:survived|lived|died)\b"),
        # "I stare at the bottle of pills on my nightstand for hours"
        (_PILL_WORDS, rf"\b(?:stare|stares|staring|stared)\s+at\s+(?:the|my|a)\s+(?:bottle|packet|box|pile|"
                      rf"stash)\s+of\s+(?:\w+\s+)?{_PILLS}\b"),
        # "went deeper than usual"
        ("deeper & usual ever before normal meant", r"\b(?:went|cut|go|going|goes)\s+(?:a lot\s+|a bit\s+|way\s+|"
                                                   r"much\s+)?deeper\s+than\s+(?:usual|ever|before|normal|i meant)\b"),
        # "the hunger feels like control"
        ("hunger empty starving & control power safe clean good",
         r"\b(?:the\s+)?(?:hunger|being empty|starving|an empty stomach)\s+(?:feels|is|felt)\s+(?:like\s+)?"
         r"(?:control|power|powerful|safe|clean|good)\b"),
    ),
    # eating-disorder self-harm: "paying for it at the gym with no food", "not eating until I've paid for
    # yesterday's binge" (a food paid for at a till, or "paid for it" with a hangover, names no such act)
    _rule(
        _STRONG, _R_SELF_HARM,
        ("pay paying paid",
         r"\b(?:pay|paying|paid)\s+for\s+(?:it|that|this|what i ate|eating|yesterday|today|last night|the binge|"
         r"everything i ate|(?:yesterdays|last nights|todays)\s+(?:binge|food|eating|meals?))\b"),
        unless=r"^(?!.*\b(?:gym|exercis\w*|not eating|no food|fast\w*|purg\w*|starv\w*|restrict\w*|laxatives?|"
               r"throw\w* up|make myself sick|made myself sick|wont eat|cant eat|not allowed to eat)\b)",
        context=1,
        subject=False,
    ),
    # a ligature on one's own neck: "I could string this belt around my neck", "tied a scarf round my neck and
    # tightened it" (not a scarf against the cold, a tie for work, or a panic that felt like a hand at the throat)
    _rule(
        _STRONG, _R_END,
        ("neck & rope ropes belt belts cord cords cable cables noose nooses ligature ligatures",
         r"\b(?:rope|belt|cord|cable|noose|ligature)s?\s+(?:\w+\s+){0,2}?(?:a?round|over|on)\s+my\s+(?:own\s+)?"
         r"neck\b"),
        ("neck & tighten tightened tightening pulled squeezed breathe choke choked choking & scarf tie belt cord "
         "cable rope sheet towel shoelace shoelaces wire strap lead leash charger",
         r"\b(?:scarf|tie|belt|cord|cable|rope|sheet|towel|shoelaces?|wire|strap|lead|leash|charger)\s+"
         r"(?:\w+\s+){0,2}?(?:a?round|on)\s+my\s+(?:own\s+)?neck\b[^.?!]{0,40}?\b(?:tighten\w*|pulled (?:it\s+)?tight|"
         r"squeezed|(?:couldnt|cant|could not|can not) breathe|chok(?:e|ed|ing))\b"),
        unless=r"\b(?:like|as if|as though)\s+(?:a|an|someone|somebody|something)\b|\b(?:felt|feels|feel)\s+like\b|"
               r"\b(?:is|was|its|thats|has been|became)\s+(?:\w+\s+)?(?:a|an)\s+(?:\w+\s+)?(?:noose|albatross)\b|"
               r"\b(?:climbing|climb|coiled|coil|harness|lanyard|necklace|medal|camera|headphones|earbuds)\b",
        subject=False,
    ),
    # a gun held to oneself: "the barrel under my chin", "this 45 at my throat" (not a robber's gun)
    _rule(
        _STRONG, _R_END,
        ("head temple mouth chest throat chin neck heart",
         rf"\b(?:{_GUN}|barrel|muzzle|glock|(?:this|that|my|the|a)\s+(?:45|38|357|9mm))\s+(?:\w+\s+){{0,2}}?"
         r"(?:to|against|in|at|under|into)\s+my\s+(?:head|temple|mouth|chest|throat|chin|neck|heart)\b"
         r"(?!\s+(?:pocket|holster|rig|drawer|strap)\b)"),
        # "I could put this bullet in my brain", "blowing my brains out"
        ("bullet & put putting puts stick sticking",
         r"(?<!almost )(?<!nearly )\b(?:put|putting|puts|stick|sticking)\s+(?:a|this|that|one|the)\s+bullet\s+"
         r"(?:in|into|through)\s+my\s+(?:own\s+)?(?:head|brain|brains|skull|temple|mouth)\b"),
        # (the phrase list has "blow my brains out")
        ("brains & blowing blew", r"\b(?:blowing|blew)\s+my\s+(?:own\s+)?brains\s+out\b"),
        # "even with a gun to my head", "if you put a gun to my head": an idiom for refusing
        unless=r"\b(?:even|if|unless)\s+(?:\w+\s+){0,3}?(?:a|the)\s+gun\b|"
               r"\b(?:you|he|she|they|someone|somebody|robbers?|muggers?|gunman|attacker|stranger|cop|officer|"
               r"soldier|(?:a|the) (?:man|guy|kid))\s+(?:\w+\s+){0,2}?(?:held|holding|holds|put|puts|pointed|"
               r"pointing|points|pressed|pressing|shoved|had)\b|\b(?:robbed|robbery|mugged|mugging|held up|"
               r"hold ?up|carjack\w*|gunpoint|hostage|movie|film|scene|game|lol|lmao|lmfao|haha\w*|jk|rofl)\b",
        subject=False,
    ),
    # an attempt someone interrupted: "I'd be dead if my husband hadn't walked in", "if my wife hadn't come
    # home I would have gone through with it" (not a rescue from an illness, an accident or a night out)
    _rule(
        _STRONG, _R_END,
        ("dead & hadnt didnt wasnt werent",
         r"\b(?:id|i would|i wouldve)\s+(?:have\s+)?(?:be|been)\s+dead\b(?:\s+(?:now|by now|right now|"
         rf"today))?\s*,?\s*if\s+{_SOMEONE_CAME}"),
        ("hadnt didnt wasnt werent & dead died gone trigger jumped taken taking swallowed swallowing",
         rf"\bif\s+{_SOMEONE_CAME}[^.?!]{{0,30}}?\b(?:then\s+)?(?:id|i would|i wouldve|i might|i mightve)\s+"
         r"(?:have\s+)?(?:been dead|be dead|died|be gone|pulled the trigger|jumped|(?:gone through with\s+)?"
         r"(?:taken|taking|swallowed|swallowing)\s+(?:(?:all|every|the whole|a handful of|the rest of)\s+"
         r"(?:of\s+)?(?:the\s+|my\s+|those\s+)?(?:\w+\s+)?|(?:the|those)\s+)(?:pills|tablets|meds)|"
         r"gone through with (?:killing myself|ending (?:it|my life)|jumping))\b"),
        unless=_RESCUED_FROM,
    ),
    # weighted down in water: "stones in my coat so the tide would keep me down" (not a wave that held me
    # under, not a diver's weights)
    _rule(
        _STRONG, _R_END,
        ("down under & stones rocks weights bricks & sea river lake ocean water tide canal",
         rf"\b{_WEIGHTED}(?=[^.?!]*\b{_WATER})|\b{_WATER}[^.?!]{{0,80}}\b{_WEIGHTED}"),
        unless=r"\b(?:aqua|aerobics|diving|dive|diver|scuba|snorkel\w*|freediv\w*|swim\w*|training|buoyancy|"
               r"belt)\b",
        subject=False,
    ),
    # an attempt stopped at the last moment: "I had the 45 ready but I thought about my wife and I just
    # couldn't"
    _rule(
        _STRONG, _R_END,
        ("ready loaded lined counted & but",
         rf"\bi\s+had\s+(?:the|my|a|this)\s+(?:\w+\s+)?(?:{_FIREARM}s?|45|38|9mm|357|noose|pills|tablets|"
         r"blades?|razors?)\s+(?:all\s+)?(?:ready|loaded|lined up|counted out)\b[^.?!]{0,60}\bbut\s+"
         r"(?:then\s+)?i\s+(?:(?:just\s+)?couldnt(?=\s*$|\s*[,;]|\s+(?:do it|go through|pull|"
         r"and)\b)|chickened out|stopped myself|thought (?:about|of) my)\b"),
        # "my uncle gave me a glock I thought about using": a gun of one's own, thought of as the means
        ("using & gun guns glock glocks pistol pistols revolver revolvers rifle rifles shotgun shotguns "
         "handgun handguns",
         rf"\b{_FIREARM}s?(?:\s+\w+){{0,5}}?\s+(?:that\s+)?i\s+(?:thought about|have thought about|"
         r"think about|keep thinking about|considered|was thinking about|have been thinking about)\s+using"
         r"(?=\s*$|\s*[,;]|\s+(?:on myself|again|tonight|and|but)\b)"),
    ),
    _rule(
        _STRONG, _R_END,
        ("jump jumping leap leaping step stepping throw throwing drive driving walk walking & bridge "
         "building roof rooftop cliff balcony ledge tower overpass train bus truck lorry car subway tracks "
         "window traffic platform road parking multi multistorey skyscraper viaduct",
         rf"\b{_INTENT}\s+(?:\w+\s+){{0,2}}?(?:to\s+)?(?:jump|jumping|leap|leaping|step|stepping|"
         rf"throw myself|"
         r"throwing myself|drive|driving|walk|walking)(?:\s+(?:my|the)\s+car)?\s+(?:out\s+)?(?:off|from|"
         r"in front of|into|under|onto)\s+(?:(?:the\s+)?(?:top|roof|edge)\s+of\s+)?(?:a|an|the|that|this|my)?\s*"
         r"(?:bridge|building|roof|rooftop|cliff|balcony|ledge|tower|overpass|train|bus|truck|lorry|car|subway|"
         r"tracks|window|traffic|platform|road|parking (?:garage|structure|deck)|car park|multi[ -]?stor(?:e?y)|"
         r"skyscraper|viaduct|tower block)\b"),
        (f"jump jumping leap leaping & {_HIGH_WORDS}",
         rf"\b{_HIGH}\b[^.]{{0,100}}\b{_INTENT}\s+(?:\w+\s+){{0,2}}?(?:to\s+)?"
         r"(?:jump|jumping|leap|leaping)\b"),
        ("crash crashing wrap wrapping",
         rf"\b{_INTENT}\s+(?:\w+\s+){{0,2}}?(?:to\s+)?(?:crash|crashing|wrap|wrapping)\s+my\s+car\b"),
        # "it would be so easy to just swerve into oncoming traffic", "thinking about steering into a tree"
        ("swerve swerving steer steering drive driving & traffic tree wall truck lorry barrier bridge pillar "
         "lamppost oak",
         rf"\b(?:{_INTENT}|(?:would be|its|it is|so) (?:so\s+)?(?:easy|tempting) to)\s+(?:just\s+)?(?:swerve|"
         r"swerving|steer|steering|drive|driving)\s+(?:my car\s+|the car\s+)?into\s+(?:the\s+)?(?:oncoming "
         r"traffic|traffic|(?:a|an|the) (?:tree|wall|truck|lorry|bridge|barrier|pillar|lamppost|oak)|"
         r"(?:the\s+)?(?:central\s+)?barrier)\b"),
        # "considered climbing over the balcony", "I keep picturing going over the railing", "thought about tipping
        # over the edge of the car park" (an edge or a side only where the sentence names a high place: "going
        # over the edge" alone is also losing one's temper)
        ("climb climbing go going tip tipping topple toppling fall falling & railing railings rail barrier "
         "parapet balcony edge side",
         rf"\b{_WEIGHED}{_OVER_THE_SIDE}\s+(?:the\s+|that\s+|a\s+|my\s+)?(?:railings?|rail|barrier|parapet|"
         rf"balcony|(?:edge|side)\b(?=.*\b(?:{_HIGH}|platform|railings?|parapet)\b))"),
        # "Sat on the balcony and honestly considered climbing over", "stood by the car park wall, thinking about
        # tipping over the edge"
        (f"climb climbing go going tip tipping topple toppling fall falling & railing railings parapet {_HIGH_WORDS}",
         rf"\b(?:{_HIGH}|railings?|parapet)\b[^.?!]{{0,80}}\b{_WEIGHED}{_OVER_THE_SIDE}"
         r"(?=\s*(?:$|[,;:]|and\b|into\b|the top\b|(?:the\s+)?(?:edge|side)\b))"),
        # "I stood at the edge of the platform and thought about stepping forward"
        ("step stepping lean leaning & platform edge tracks ledge railing parapet",
         rf"\b(?:platform|edge|tracks|ledge|railing|parapet)\b[^.]{{0,80}}\b{_INTENT}\s+(?:just\s+)?(?:stepping|"
         r"step|leaning|lean)\s+(?:forward|forwards|off|over|out)\b"),
        ("step stepping jump jumping walk walking throw throwing & train trains bus buses truck trucks lorry "
         "lorries traffic tracks",
         rf"\b(?:trains?|bus|buses|trucks?|lorry|lorries|traffic|"
         rf"tracks)\b[^.]{{0,100}}\b{_INTENT}\s+(?:\w+\s+)"
         r"{0,2}?(?:to\s+)?(?:step|stepping|jump|jumping|walk|walking|throw myself|"
         r"throwing myself)\s+(?:out\s+)?(?:in front of|onto|into)\b(?!\s+(?:the|my|our|a|an|his|her|that|this)\s+"
         r"(?!(?:next\s+|oncoming\s+|express\s+|fast\s+|passing\s+)?(?:train|trains|bus|buses|car|cars|truck|lorry|van|"
         r"traffic|tracks|road|coach|tram)\b)\w+)"),
        unless=r"\b(?:into (?:the\s+)?(?:water|lake|sea|river|ocean|pool|waves)|diving|bungee|parachute|"
               r"skydiv\w*|zip ?lin\w*|trampoline|board|queue|line|bandwagon|conclusions|gun|hoops|chance|"
               r"locked out|my keys|to get (?:back\s+)?in)\b",
    ),
    # the wheel not turned at a bend: "came up to the bend and thought, just don't turn the wheel", "I think about
    # not steering away every time a bridge support comes up", "how easy it'd be to just not make the next curve"
    # (not a driving lesson's advice on ice)
    _rule(
        _STRONG, _R_END,
        ("turn turning steer steering make making take taking & wheel away bend curve corner",
         rf"\b(?:{_INTENT}|thought|how easy (?:it )?(?:would be|itd be|it is|its) to)\s*,?\s+(?:to\s+)?"
         r"(?:just\s+)?(?:not|dont|never)\s+(?:(?:turn|turning|steer|steering)\s+(?:the wheel|away)|"
         r"(?:make|making|take|taking)\s+the\s+(?:next\s+)?(?:bend|curve|corner))"
         r"(?=\s*(?:$|[,.;:!]|and\b|from\b|at all\b|this time\b))"),
        unless=r"\b(?:skid\w*|ice|icy|snow|instructor|lesson|test|parking|park|reversing|reverse|tyres?|"
               r"power steering|racing|kart\w*|game|sim)\b",
    ),
    # held back, but not for long: "can't kill myself yet", "too much of a coward to pull the trigger", "I have
    # bought everything I need to hang myself"
    _rule(
        _STRONG, _R_END,
        ("yet & kill end", r"\bcant\s+(?:kill myself|end it all|end my life)\s+(?:just\s+)?yet\b"),
        ("trigger kill end & coward cowardly pussy chicken scared afraid weak gutless",
         r"\b(?:too|to)\s+(?:much\s+of\s+)?(?:a\s+)?(?:coward|cowardly|pussy|chicken|scared|afraid|weak|gutless)\s+"
         r"to\s+(?:pull the trigger(?!\s+on\b)|kill myself|end it all|end my life)\b"),
        negatable=False,  # their own "can't" and "too scared" hold the wish
    ),
    _rule(
        _STRONG, _R_END,
        ("need needed & hang kill end overdose",
         r"\b(?:bought|got|have|has|gathered|collected|ordered)\s+(?:\w+\s+)?(?:everything|all|what)\s+(?:that\s+)?"
         r"(?:i need|i needed|needed|i need)\s+to\s+(?:hang myself|kill myself|end my life|end it all|overdose)\b"),
        ("courage & suicide", r"\bcourage\s+(?:for|to (?:commit|attempt|go through with))\s+suicide\b"),
        # "I wanna blow my head off" (not "this lecture makes me want to blow my brains out")
        ("blow blowing & head brains",
         r"(?<!makes me )(?<!made me )\b(?:want|going|ready|thinking about|thought about|think about)\s+(?:to\s+)?"
         r"(?:just\s+)?blow(?:ing)?\s+my\s+(?:head|brains)\s+(?:off|out)\b"),
        # "I already have a method", "enough time to fade away without chance of rescue"
        ("method", r"\b(?:already|now)\s+(?:have|got)\s+(?:a|my|the)\s+method(?=\s*$|\s*[,;:]|\s+(?:because|and|"
                   r"for (?:it|this|when)|now|ready)\b)"),
        ("rescue rescued found saved stopped & chance",
         r"\b(?:i|ill|im|id|me|myself)\b[^.?!]{0,80}\b(?:without|no|not much)\s+(?:a\s+|any\s+)?chance\s+of\s+"
         r"(?:rescue|being (?:found|saved|rescued|stopped))\b"),
        # "I'm joining the 27 club", "I'm about to become one of the 22" (the veterans lost each day)
        ("club & join joining", r"\b(?:join|joining)\s+the\s+(?:27|twenty[- ]seven)\s+club\b"),
        ("one another part & become becoming be being",
         r"\b(?:become|becoming|be|being)\s+(?:one of the|another one of the|another|part of the)\s+(?:22|twenty[- ]two)\b"
         r"(?!\s*(?:%|percent|year|years|yr|mile|miles|km|lbs|kg))"),
        # "I hope someone finds me dead before the pets starve" (not "dead tired")
        ("dead & find finds",
         r"\b(?:someone|somebody|anyone|they|she|he|people|my \w+)\s+(?:\w+\s+)?(?:find|finds)\s+me\s+dead\b"
         r"(?!\s+(?:tired|bored|drunk|asleep|serious|on|in (?:the|a) (?:gym|library|office)))"),
    ),
    # lying down on the railway ("went and lay down on the level crossing until a car came"), walking into the sea
    _rule(
        _STRONG, _R_END,
        ("lay laid layed lying lie & tracks track rails line lines crossing",
         r"\b(?:lay|laid|layed|lying|lie)\s+(?:myself\s+)?(?:down\s+)?(?:on|across)\s+(?:the\s+)?(?:(?:railway|train|"
         r"rail|tram)\s+(?:tracks?|lines?)|tracks|rails|level crossing)\b"),
        # "it's easier to just pull the trigger than to deal with this" (not pulling the trigger on a purchase)
        ("trigger & easier simpler better tempting",
         r"\b(?:easier|simpler|better|tempting)\s+to\s+(?:just\s+)?pull\s+(?:the|that)\s+(?:\w+\s+)?trigger\b"
         r"(?!\s+on\b)(?=[^.?!]{0,20}\bthan\s+(?:to\s+)?(?:deal|live|keep|go on|carry on|face|fight|put up|suffer|"
         r"be|feel|exist)\b|\s+on\s+myself\b|\s+and\s+(?:be done|end it)\b)"),
        # "I thought about walking into the water and dropping to the bottom of the sea" (not a paddle)
        ("walk walking walked & drop dropping sink sinking drown drowning never not keep kept disappear "
         "disappearing stop stopping",
         r"\b(?:walk|walking|walked)\s+into\s+the\s+(?:sea|water|ocean|river|lake|waves)\b(?:\s+\w+){0,3}?\s+"
         r"(?:and|then|to)\s+(?:just\s+)?(?:let myself\s+)?(?:drop|dropping|sink|sinking|drown|drowning|"
         r"(?:never|not)\s+(?:come|coming)\s+(?:back|out)|keep (?:on )?walking|kept walking|disappear|disappearing|"
         r"(?:not|never)\s+(?:stop|stopping))\b(?!\s+(?:my|the|a|it|our|his|her)\b)"),
        unless=r"\b(?:model|toy|train set|photos?|photographs?|pictures?|shoot|film\w*|movie|scene|dream\w*|disused|"
               r"abandoned|museum)\b",
    ),
    # "I've been thinking a lot about ending it": with no relationship, work or subscription in the sentence
    # or beside it ("We've been together six years and I keep thinking about ending it" is a couple's ending)
    _rule(
        _STRONG, _R_END,
        ("ending & think thinks thinking thought considering considered contemplating contemplated",
         r"\b(?:think|thinks|thinking|thought|considering|considered|contemplating|contemplated)\s+(?:(?:a lot|so "
         r"much|seriously|constantly|again|more and more|a bit|lately|often|sometimes|every day|all day|really|"
         r"properly)\s+)*(?:about\s+|of\s+)?ending\s+(?:it|things)\b(?!\s+(?:with|between|early|here|there|for|now|"
         r"before|at|properly|amicably|politely|off|on|soon enough)\b)"),
        # "I just want to end it right now", "maybe I have to end it myself"
        ("end & now tonight today myself good once",
         r"\b(?:want|wanna|going|gonna|ready|need|have|got|about)\s+(?:\w+\s+){0,2}?to\s+(?:just\s+)?end\s+it\s+"
         r"(?:all\s+)?(?:right now|now|tonight|today|myself|for good|once and for all)\b"),
        ("end & myself", r"\bend\s+it\s+(?:all\s+)?myself\b"),
        unless=r"\b(?:relationship|marriage|married|engagement|engaged|boyfriend|girlfriend|bf|gf|partner|husband|"
               r"wife|fianc\w*|dating|date|lease|contract|tenancy|subscription|membership|project|business|company|"
               r"podcast|blog|channel|band|friendship|affair|job|career|course|degree|pregnancy|treatment|therapy|"
               r"therapist|sessions?|chemo|league|season|series|story|book|novel|chapter|(?<!dear )(?:diary|"
               r"journal)|streak|together|break up|broke up|breaking up|split up|dump\w*|meeting|game|match|diet|fast|"
               r"challenge|account|instagram|facebook|tiktok|club|group|team|tour|newsletter|tradition|"
               r"shift|stream|party|conversation|chat|debate|class|lesson|we|weve|wed|us|our)\b",
        context=1,
    ),
    # insulin left off to die or to lose weight: "stop the insulin and go to him", "skipping insulin to lose
    # weight"
    _rule(
        _STRONG, _R_END,
        (f"{_INSULIN_WORDS} & go die join end",
         r"\b(?:stop|stopped|stopping|skip|skipped|skipping|quit|quitting|leave off|left off)\s+(?:taking\s+)?"
         rf"(?:my\s+|the\s+)?(?:\w+\s+)?{_INSULIN}\b[^.?!]{{0,30}}\b(?:and|to|so)\s+"
         r"(?:(?:i\s+)?(?:can|could|will|just|finally)\s+)*"
         r"(?:go\b(?!\s+(?:to\s+(?:the\s+)?(?:doctor|gp|clinic|hospital|pharmacy|work|bed|school)|on|out|back|"
         r"home|for|shopping))|die|join|end it|be with)"),
    ),
    _rule(
        _STRONG, _R_SELF_HARM,
        (f"{_INSULIN_WORDS} & weight pounds lbs kilo kilos kg stone fat thin thinner thinnest",
         r"\b(?:stop|stopped|stopping|skip|skipped|skipping|quit|quitting|leave off|left off|cut down|cutting down|"
         rf"restrict\w*)\s+(?:on\s+)?(?:taking\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?{_INSULIN}\b[^.?!]{{0,30}}\b"
         r"(?:to|so|and|because|cause|cos)\s+"
         r"(?:\w+\s+){0,3}?(?:(?:lose|losing|lost|drop|dropping|shed|shift)\s+(?:\w+\s+){0,2}?(?:weight|pounds|lbs|"
         r"kilos?|kg|stone|fat)|(?:get|be|stay|look)\s+thin\w*|thinner|weight loss|weight\s+(?:comes|falls|drops)\s+off)\b"),
    ),
    _rule(
        _STRONG, _R_HOW,
        ("how & die kill overdose end wake fatal lethal heart",
         r"\bhow\s+(?:many|much)\b[^.?]{0,40}\b(?:would it take|does it take|will it take|would|to)\s+"
         r"(?:to\s+)?(?:die|kill (?:me|myself|you|a (?:person|human|man|woman)|someone)|overdose|end it|"
         r"not wake up|be fatal|be lethal|be deadly|stop my heart)\b"),
        # "I've been researching which pills are lethal", "looked up what dose would be fatal"
        ("lethal fatal deadly & researching researched research looking looked googling googled searching "
         "searched reading read",
         r"\b(?:researching|researched|looking up|looked up|googling|googled|searching|searched|reading up on|"
         r"read up on)\s+(?:\w+\s+){0,3}?(?:which|what|how many|how much)\b[^.?!]{0,40}\b(?:lethal|fatal|"
         r"deadly)\b"),
        ("noose & tie tying", r"\bhow\s+(?:to|do i|can i|could i|would i|do you)\s+tie\s+(?:a|the)\s+noose\b"),
        # "I've been researching painless ways.": the ways left unsaid (not "painless ways to remove a
        # tattoo")
        ("painless & ways methods options",
         r"\b(?:research\w*|look\w* (?:up|into|at)|googl\w*|search\w*(?: for)?|read\w* (?:up on|about))\s+"
         r"(?:\w+\s+){0,2}?painless\s+(?:ways?|methods?|options?)(?=\s*(?:$|[.;:!?]))"),
        ("way ways method methods",
         r"\b(?:painless\w*|quick\w*|easie\w*|easy|fast\w*|peaceful\w*|best|sure\w*|simpl\w*|clean\w*|gentle\w*|"
         r"reliabl\w*|effective|certain|humane|least (?:painful|messy|traumatic)|most (?:painless|peaceful|effective|"
         r"reliable|certain|humane))\s+(?:\w+\s+)?(?:way|ways|method|methods)\s+(?:to|of)\s+(?:die|dying|"
         r"kill(?:ing)? (?:myself|yourself|oneself)|end(?:ing)? (?:it all|my life|your life)|"
         r"end(?:ing)? (?:it|things)(?=\s*$|\s*[?.!,;])|commit(?:ting)? suicide|suicide)\b"),
        # "what's the quickest way u can kill yourself"
        ("way ways method methods & kill die",
         r"\b(?:painless\w*|quick\w*|easie\w*|easy|fast\w*|peaceful\w*|best|sure\w*|simpl\w*|reliabl\w*|effective)\s+"
         r"(?:way|ways|method|methods)\s+(?:you|i|one|someone|a person)\s+(?:can|could|would)\s+(?:kill (?:myself|"
         r"yourself|oneself|themselves)|die)\b"),
        # "the least painful way to go": only with words of pain or peace, so "the quickest way to go" is a route
        ("way ways method & go painless painful peaceful gentle gentlest humane",
         r"\b(?:painless\w*|least painful|peaceful\w*|gentle\w*|most humane)\s+(?:way|ways|method)\s+to\s+go\b"
         r"(?=\s*$|\s*[?.!,;])"),
        # "which method of suicide has the highest success rate", "what suicide methods are most lethal"
        ("method methods & rate lethal effective works work reliable certain painless deadliest",
         r"\b(?:methods?\s+of\s+suicide|suicide\s+methods?)\b[^.?!]{0,40}\b(?:success rate|lethal|most "
         r"effective|works? best|reliable|certain|painless|deadliest)\b"),
        # "I looked up how many of my pills it would take" (not "… to fall asleep")
        (f"{_PILL_WORDS} & take", rf"(?:\b(?:i|im|ive|id)\b[^.?!]{{0,40}}|^)\bhow\s+(?:many|much)\s+"
                                  rf"(?:\w+\s+){{0,3}}?{_PILLS}\s+"
                                  r"(?:it\s+)?(?:would|will|does|"
                                  r"it would|it will)\s+(?:it\s+)?take\b(?=\s*$|\s*[.?!,;]|\s+to\s+(?:die|end|"
                                  r"kill|not wake|do it)\b)"),
        # "How many paracetamol before it's too late for them to fix it?"
        (f"{_PILL_WORDS} & before", rf"\bhow\s+(?:many|much)\s+(?:\w+\s+){{0,2}}?{_PILLS}\s+before\s+(?:its|it is|it gets|"
                                    r"youre|you are|im)\s+(?:too late|fatal|lethal|deadly|dead|past saving)\b(?!\s+to\b)"),
        ("out sleep & good forever permanently",
         r"\b(?:would|could|will|to|that)\s+(?:knock|put)\s+me\s+(?:out|to sleep)\s+"
         r"(?:for good|forever|permanently)\b"),
        ("overdose od & how", r"\bhow\s+(?:long|quickly|fast)\s+(?:does|would|will|do)\s+(?:it\s+take\s+(?:for\s+)?)?"
                              r"(?:an?\s+)?(?:\w+\s+)?(?:overdose|od)\b(?:\s+(?:of|on)\s+(?:\w+\s+)?\w+)?"
                              r"(?:\s+to\s+(?:work|kill|take effect|kick in|be fatal))?(?=\s*$|\s*[?.!,;])"),
        # "how long does it take to bleed out", "I looked up how long it takes a person to drown"
        ("how", r"\bhow\s+(?:long|quickly|fast)\s+(?:(?:does|would|will)\s+it\s+take|it\s+(?:takes|would take|"
                r"will take))\s+(?:(?:for\s+)?(?:a person|someone|you|me|a human|a body)\s+)?to\s+(?:die|"
                r"bleed out|bleed to death|drown|suffocate)\b"),
        # "I've been reading about how people end it instead of working"
        ("how ways methods & end kill commit overdose hang",
         r"\b(?:read\w*(?:\s+up)?|look\w*\s+(?:up|into)|research\w*|googl\w*|search\w*)\s+(?:about\s+|on\s+|"
         r"for\s+)?(?:how|ways|the ways|methods)\s+(?:(?:people|someone|you|one|to|i|could|would|can|might)\s+){1,3}"
         r"(?:end it|end (?:my|their|your|a) li(?:fe|ves)|kill (?:myself|themselves|yourself|oneself)|"
         r"commit suicide|overdose|hang (?:myself|themselves|yourself))\b"),
        ("how", r"\bhow\s+(?:to|do i|can i|could i|should i)\s+(?:kill myself|end my life|commit suicide|"
                rf"overdose(?!\s+(?:my|the|your|his|her|their|a|an|this|that|these|those|on {_TREATS})\b)|"
                r"die painlessly|unalive)\b"),
        # a game, a story or a scene: "the best way to die in Elden Ring", "the quickest way to kill off a character"
        unless=rf"\b(?:game|games|gaming|sims|boss|speedrun\w*|characters?|npcs?|dnd|campaign|novel|screenplay|"
               rf"script|scene|plot|{_GAMES})\b",
    ),
    # ---- others better off without them
    _rule(
        _STRONG, _R_BURDEN,
        ("without", r"\b(?:better off|happier)\s+(?:\w+\s+){0,2}?without me\b"),
        # "my kids would be better off with their dad and without me in the picture"
        ("without", r"\b(?:better off|happier)\s+with\s+(?:\w+\s+){1,4}?(?:and|or)\s+without me\b"),
        ("without", r"\b(?:better|easier|lighter|a better place)\s+(?:\w+\s+){0,2}?without me(?:\s+(?:around|"
                    r"here|in (?:their|his|her|the|your|my familys) (?:lives?|life|world|way)))?(?=\s*$|"
                    r"\s*[,;:]|\s+(?:anyway|honestly|and|but)\b)"),
        # (and "better if I am dead", as someone writing in a second language may put it)
        ("if & better easier happier relieved fine",
         r"\b(?:better off|better|easier|happier|relieved|(?:be|all be)\s+fine)\s+(?:\w+\s+){0,2}?if\s+(?:"
         r"im\s+(?:just\s+)?(?:dead|not here|not around|not alive|gone(?=\s*$|\s*[,;:]|\s+(?:and|for good|"
         r"forever|then|now)\b))|"
         r"i\s+(?:just\s+)?(?:(?:was|were)\s+(?:gone(?!\s+(?:for\s+(?!good\b|ever\b)\w+|on\s+(?:holiday|"
         r"a trip|leave|tour)|to\s+\w+))|dead|not here|not around|not alive|never born|out of the picture)|"
         r"(?:wasnt|werent)\s+(?:here|around|alive|born)|had never been born|never existed|didnt exist|"
         r"disappeared|died|just died|killed myself)\b)"),
        # "If I went in my sleep she could have her life back" (not "if I went to Spain")
        ("back & life lives",
         r"\bif\s+i\s+(?:just\s+)?(?:went\b(?!\s+(?:to|away|back|out|home|abroad|on|off|in\b(?!\s+my\s+sleep)))|"
         rf"died|(?:was|were)\s+{_GONE_FOR_GOOD}|was dead|were dead|"
         r"wasnt here|werent here|wasnt around|werent around)\b[^.?!]{0,60}"
         r"\b(?:have|get|got)\s+(?:her|his|their|your)\s+(?:own\s+)?li(?:fe|ves)\s+back\b"),
        ("back & life lives",
         r"\b(?:have|get)\s+(?:her|his|their|your)\s+(?:own\s+)?li(?:fe|ves)\s+back\s+(?:without me\b|(?:if|once|"
         rf"when|after)\s+(?:i|im)\s+(?:was\s+|were\s+|am\s+)?(?:{_GONE_FOR_GOOD}|dead|died|not here|not around)\b)"),
        ("miss", r"\b(?:nobody|anyone|who)\s+(?:would|will|d|is going to|going to)\s+(?:even\s+|really\s+|"
                 r"actually\s+)?miss me\b(?!\s+(?:at|in|on|for|during|from|while|there)\b)"),
        ("funeral", r"\bfuneral\b[^.]{0,80}\b(?:relieved|happier|better off|nobody would (?:come|care)|"
                    r"nobody came)\b"),
        ("need", r"\b(?:world|everyone|my family)\s+(?:doesnt|dont|wouldnt|wont)\s+(?:even\s+)?need\s+me\b"),
        ("care notice miss cry mourn relieved",
         rf"\b(?:care|notice|miss me|cry|mourn|relieved)\b[^.?!]{{0,30}}{_DEATH_IF}"),
        # "If I was just gone their dad would find someone who can get out of bed"
        ("find someone", rf"{_DEATH_IF}[^.?!]{{0,30}}\b(?:they|he|she|their \w+|my \w+|the kids)\s+(?:would|could|d)\s+"
                         r"(?:finally\s+)?(?:find|get|have)\s+(?:someone|somebody)\s+(?:better|who|that|else)\b"),
        # "if I was gone there'd be one less mouth and one less worry"
        ("less", rf"{_DEATH_IF}[^.?!]{{0,30}}\bone\s+less\s+(?:mouth|worry|problem|burden|thing|bill|person)\b"),
        ("care notice miss cry mourn relieved happier better looking",
         rf"{_DEATH_IF}[^.?!]{{0,40}}\b(?:nobody|anyone|anybody|people|they|everyone)\s+"
         rf"(?:(?:at|in|from)\s+(?:\w+\s+){{1,2}}?)?(?:would|will|d|even)\s+"
         r"(?:even\s+|really\s+)?(?:care|notice|miss|cry|mourn|be relieved|be happier|be better|"
         r"come looking)\b"),
        subject=False,
        negatable=False,
    ),
    # ---- self-harm
    _rule(
        _STRONG, _R_SELF_HARM,
        ("myself", r"(?<!only )\b(?:hurt|hurting|hurts|harm|harming|harmed|cut|cutting|cuts|burn|burning|"
                   r"burned|burnt|scratch|scratching|scratched|hit|hitting|punch|punching|punched|bruise|"
                   r"bruising|bruised|carve|carving|carved|stab|stabbing|stabbed|starve|starving|"
                   r"starved)\s+myself\b(?!\s+(?:out|off|some slack|a break|a slice|a piece|short|laughing|"
                   r"up|free|loose|by\b|(?:for|over) (?:nothing|that|this|it))\b)"),
        ("myself", r"\b(?:punish\w*|hurt\w*|harm\w*)\s+myself\s+(?:by|with)\s+(?:cutting|burning|scratching|"
                   r"hitting|starving|not eating|a (?:blade|razor|lighter|knife))\b"),
        # cuts kept out of sight: "long sleeves so my mum doesn't see the cuts", "hiding the burns from my
        # flatmate"
        ("cuts burns marks",
         r"\b(?:hide|hid|hiding|hidden)\s+(?:the|my|all the|all my)\s+(?:fresh\s+|new\s+)?(?:cuts|burns|"
         r"cut marks|burn marks)\b|\b(?:so|because|in case)\s+(?:(?:that|my|the)\s+)?(?:\w+\s+)?(?:doesnt|"
         r"dont|wont|cant|never|wouldnt|nobody|nobody can)\s+(?:\w+\s+)?(?:see|sees|notice|notices|find|"
         r"finds)\s+(?:the|my|any|all the)\s+(?:fresh\s+|new\s+)?(?:cuts|burns|cut marks|burn marks)\b"),
        # "I deserve to starve", "I deserve to bleed": harm earned, in the writer's words
        ("deserve deserved & starve bleed", r"\b(?:i|i still|i really|i just)\s+deserve(?:d)?\s+to\s+(?:starve|bleed)"
                                            r"\b(?!\s+(?:for|in)\s+(?:the|a|this|that)\s+(?:game|film|movie|story)\b)"),
        # not the topic as a clinic, a course or a book names it: "self-harm cases in A&E", "self-harm risk
        # assessment", "the self-harm scenes were hard to read", "a leaflet about self-harm in her bag"
        ("selfharm", _NOT_ABOUT + r"\bselfharm\b(?!\s+(?:awareness|prevention|support|resources|training|research|course|"
                     r"workshop|scars?|cases?|patients?|risk|assessments?|services?|team|unit|ward|policy|"
                     r"policies|statistics|stats|rates?|clinic|referrals?|charity|leaflets?|posters?|campaign|"
                     r"module|lecture|education|literature|studies|study|scenes?|storylines?|plot|chapters?|"
                     r"themes?|content|warning|depictions?)\b)"),
        # the verb alone is the match, so whoever did it is the subject: "my cat scratched my arm" is the cat's
        (f"{_BODY_WORDS} body",
         r"\b(?:cutting|cut|slit|slitting|slash\w*|burn\w*|scratch\w*|carv\w*)(?=\s+(?:my|"
         rf"both)\s+(?:own\s+)?(?:{_BODY_PART}|body)\b)"),
        # "slit my throat", "slash my throat and wrists" (not a sore throat)
        ("throat", r"\b(?:slit|slitting|slash\w*)\s+my\s+(?:own\s+)?throat\b"),
        ("cut hurt harm burn selfharm scratch punish & urge urges craving cravings tempted want wants wanted "
         "wanting wantin need",
         r"\b(?:urges?|craving|cravings|tempted|want\w*|need)\s+to\s+(?:cut|hurt|harm|burn|selfharm|scratch|"
         r"punish)\b(?!\s+(?:myself|back|carbs|sugar|down|costs?|spending|ties|corners|my (?:hair|nails|"
         r"losses|spending|fringe)|the|a|an|it|out|him|her|them|you|someone|anyone|people|class|through|in|"
         r"some|your|our|his|their)\b)"),
        ("cutting", r"\b(?:started|starting|been|im|was|relapsed|back to|resist\w*|"
                    r"stop)\s+(?:\w+\s+)?cutting(?=\s*$|\s*[,;:]|\s+(?:again|and|but|because|so|last night|"
                    r"tonight|today|yesterday|anymore|even|every)\b)"),
        ("relapse relapsed relapsing relapses",
         r"\brelaps\w*\b[^.]{0,30}\b(?:cutting|cut|selfharm|burning|hurting myself)"),
        # a relapse told by its tool: "relapsed with the compass from my geometry set" (not with cigarettes)
        ("relapse relapsed relapsing & blade blades razor razors knife compass scissors lighter sharpener glass "
         "boxcutter",
         r"\brelaps\w*\s+(?:\w+\s+){0,3}?(?:with|using|on)\s+(?:a|an|the|my|some)\s+(?:\w+\s+)?(?:blades?|razors?|"
         r"knife|compass|scissors|lighter|sharpener|glass|boxcutter)\b"),
        # wounds kept open: "picked at the old scars until they opened again", "my scabs, on purpose"
        ("scars scabs wounds cuts stitches & pick picked picking tore tear tearing rip ripped ripping scratch "
         "scratched scratching",
         r"\b(?:pick\w*|tore|tear\w*|rip\w*|scratch\w*)\s+(?:at\s+)?(?:my\s+|the\s+)?(?:old\s+|fresh\s+|new\s+)?"
         r"(?:scars|scabs|wounds|cuts|stitches)\b[^.!?]{0,60}?\b(?:on purpose|deserve\w*|earned|punish\w*|"
         r"(?:never|dont|wont|cant) heal|until (?:they|it) (?:bled|bleed|opened|open)|(?:opened|open) (?:them |it )?"
         r"(?:up )?again)\b"),
        # "sh" as people write self-harm: "sh relapse", "relapsed on sh", "did sh again" (not "3 months sh free")
        ("sh", r"\bsh\s+(?:relaps\w*|urges?|again|tonight)\b|\b(?:relaps\w*|urges?)\s+(?:on|to|with|for)\s+sh\b|"
               r"\b(?:did|doing)\s+sh\b"),
        # "sh'd again", "day 1 again. sh'd." (the apostrophe is dropped; "shd" for "should" goes on to a verb),
        # "been sh'ing every night"
        ("shd", rf"\bshd\b(?=\s*$|\s*[.,;:!]|\s+(?:again|{_LATELY}|after|for the first time|on my)\b)"),
        ("shing", r"\b(?:been|started|starting|keep|kept|stop|stopped|quit|am|im|was)\s+shing\b"),
        # "carved his name into my leg", "scratched the word into my arm"
        (f"into & {_BODY_WORDS}",
         rf"\b(?:carv\w*|etch\w*|scratch\w*)\s+(?:\w+\s+){{0,3}}?into\s+my\s+{_BODY_PART}\b"),
        # hitting one's head against a wall, with the words that make it deliberate
        ("head & hit hitting bang banging banged slam slamming slammed smash smashing smashed",
         r"\b(?:hit|hitting|bang\w*|slam\w*|smash\w*)\s+my\s+head\s+(?:against|into|on)\s+(?:the\s+|a\s+)?"
         r"(?:wall|walls|floor|desk|door|table)\b(?=[^.]*\b(?:until|till|over and over|again and again|on purpose|"
         r"deserved?|to feel|to punish|to stop)\b)"),
        # "slammed my hand in the door on purpose", "hit my head on purpose"
        ("purpose & slammed slam slamming hit hitting punched punch punching banged bang banging burned burnt "
         "burn burning cut cutting scratched scratching bit bite biting bruised smashed smash",
         r"\b(?:slam\w*|hit|hitting|punch\w*|bang\w*|burn\w*|cut|cutting|scratch\w*|bit|bite|biting|bruis\w*|"
         r"smash\w*)\s+(?:\w+\s+){0,2}?(?:myself|my\s+(?:own\s+)?(?:hands?|head|fists?|fingers|arms?|wrists?|"
         r"legs?|thighs?|skin|face|knuckles|stomach|hips?|feet|foot|lips?|tongue))\b[^.?!]{0,40}\b(?<!not )"
         r"(?<!never )on purpose\b"),
        # "been purging again", "purged after every meal" (not old emails purged again)
        ("purging purged", r"\bpurg(?:ing|ed)\s+(?:again|(?:\d+|twice|three|four|five|six|several|a few|so many)\s+times\s+"
                           r"(?:today|tonight|yesterday|this week|a day|since)|every (?:day|night|meal|time)|after (?:every|each|"
                           r"dinner|lunch|breakfast|meals?|eating|i ate)|(?:for the first time )?(?:last night|"
                           r"tonight|today|this (?:morning|evening|afternoon))|for the first time in)\b"),
        # making oneself sick after food: "I go to the bathroom and make myself sick" (not sick with worry, nor
        # sick from eating too many sweets)
        ("sick throw vomit puke",
         r"\b(?:make|makes|made|making|force|forced|forcing)\s+myself\s+(?:be\s+)?(?:sick|throw up|vomit|puke)\b"
         r"(?!\s+(?:with|from|over|about|by|on|of|eating|laughing|worrying|thinking|crying|drinking|running|"
         r"stressing)\b)"),
        # purging: "I restrict when I'm sad and purge when I'm angry" (not a purged inbox)
        ("purge purged purging",
         r"\b(?:i|and|then)\s+(?:\w+\s+)?(?:purge|purged)\b(?!\s+(?:my|the|old|all|files|emails?|inbox|closet|wardrobe|"
         r"cache|data|lists?|photos|contacts|everything|some|a|an|it|them|this|that|those|these|our|your|his|her|"
         r"their|toys?)\b)"),
        # a pencil sharpener's blade taken out again; any blade used on oneself
        ("sharpener & again out", r"\bsharpener\s+(?:blades?|razors?)\b(?=[^.]*\b(?:again|out)\b)"),
        ("blade blades razor razors", rf"\b(?:blades?|razors?)\s+on\s+(?:myself|my\s+{_BODY_PART})\b"),
        # an eating disorder's coaching: "my ana coach", "pro-ana", "meanspo"
        ("ana mia proana promia meanspo", r"\b(?:ana|mia)\s+(?:coach|buddy)\b|\bpro\s*-?\s*(?:ana|mia)\b|"
                                          r"\bproana\b|\bpromia\b|\bmeanspo\b"),
        ("bled bleed bleeds bleeding",
         r"\b(?:nails|dug|digging|scratch\w*|pick\w*|hit|hitting|punch\w*|bang\w*|"
         r"smash\w*)\b[^.]{0,40}\b(?:arms?|wrists?|skin|thighs?|legs?|head|"
         r"myself)\b[^.]{0,30}\buntil\s+(?:it|they|i)\s+(?:bled|bleed|bleeds|was bleeding|were bleeding)\b"),
        unless=_ACCIDENT,
    ),
    # ---- overdose, saving up pills
    _rule(
        _STRONG, _R_PILLS,
        (_OVERDOSE_WORDS, rf"\b{_INTENT}\s+(?:\w+\s+){{0,2}}?(?:to\s+)?overdos\w*"),
        ("overdosed od", r"\b(?:i|ive|id|i had|nearly|almost)\s+(?:\w+\s+)?(?:overdosed|od)\b"),
        # "I ODed on my meds", "I OD'd last night" (normalised "odd": only right after the writer, with what or
        # when), "want to OD", "thinking about ODing"
        ("oded oding", r"\b(?:i|ive|id|i had|nearly|almost)\s+(?:\w+\s+)?oded\b|\b(?:want|wanted|going|gonna|"
                       r"plan|planning|planned|thinking|thought|about|tempted|urge)\s+(?:\w+\s+)?(?:to\s+)?oding\b"),
        ("odd", r"\b(?:i|ive|id|nearly|almost)\s+odd\s+(?:on|last|again|twice|yesterday|tonight|this)\b"),
        ("od & want wanted going gonna plan planning tempted", rf"\b{_INTENT}\s+(?:\w+\s+)?(?:to\s+)?od\b(?!\s+(?:green|drab))"),
        ("overdose", r"\bmy\s+(?:\w+\s+)?overdose\b"),
        # an overdose told by where it ended: "I took different kinds of pills, and ended up in ICU"
        ("icu intensive resus & took swallowed downed",
         rf"\b(?:took|swallowed|downed)\s+(?:\w+\s+){{0,4}}?{_PILLS}\b[^.]{{0,60}}\b(?:ended up|woke up|landed|"
         r"wound up)\s+in\s+(?:the\s+)?(?:icu|intensive care|resus)\b"),
        (_PILL_WORDS, r"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed|"
                      r"overdose on)\s+(?:all|every|each|the whole|the entire|the rest of|a whole|a full|"
                      r"a handful|handfuls|a bottle|the bottle|bottles|too many|a lot|loads|"
                      r"dozens)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+|them\s+)?(?:\w+\s+)?"
                      rf"{_PILLS}\b(?:\s+(?:at once|together|in one go))?(?!\s+(?:today|this morning|on time|"
                      rf"as prescribed|"
                      r"like (?:im|i was) supposed|(?:every|each) (?:day|morning|night|evening)|daily|"
                      r"(?:once|twice|three times) a day|at bedtime|"
                      r"with (?:breakfast|food|water|dinner|lunch)|"
                      r"for the (?:day|week)|in the morning)\b)"),
        ("whole", r"\b(?:take|took|swallow\w*|down\w*)\s+(?:the|a)\s+whole\s+(?:bottle|packet|pack|"
                  r"box)\b(?!\s+of\s+(?:wine|water|vodka|gin|juice|cereal|chocolates?|biscuits|cookies|chips|"
                  r"crisps|tissues))"),
        # a count of ten or more taken at once: "I took 30 of my sertraline", "going to swallow forty tablets"
        # (not a dose in milligrams, a day's or a month's tablets, or tablets taken back to the pharmacy)
        (_PILL_WORDS, rf"\b(?:took|taken|swallowed|downed|necked|popped|{_INTENT}\s+(?:to\s+)?(?:take|taking|"
                      rf"swallow|swallowing|down|downing))\s+(?:like\s+|about\s+|around\s+|over\s+|nearly\s+|"
                      rf"almost\s+|at least\s+|maybe\s+)?{_TEN_OR_MORE}\b(?!\s*(?:mg|mgs|milligrams?|mcg|"
                      r"micrograms?|ml|g|grams?|units?|iu|percent)\b)\s+(?:of\s+(?:my|the|mums|moms|dads|those|"
                      r"these|them|her|his)\s+)?(?:(?!of\b|a\b|per\b)\w+\s+)?"
                      rf"{_PILLS}\b(?!\s+(?:a|per|each|every|over|across|this|back|to the|out of|in (?:a|the|"
                      r"one) (?:day|week|month))\b)"),
        (_PILL_WORDS, rf"\b(?:stockpil\w*|hoard\w*|stash\w*|hid(?:e|ing|den)?|sav(?:e|ing|ed)\s+up|secretly "
                      r"(?:saving|keeping|collecting))\s+(?:up\s+)?(?:all\s+)?(?:of\s+)?(?:my\s+|some\s+|"
                      r"the\s+|a\s+)?"
                      rf"(?:stash\s+of\s+)?(?:\w+\s+)?{_PILLS}\b"),
        (_PILL_WORDS, rf"\bstash\s+of\s+(?:\w+\s+)?{_PILLS}\b"),
        # "putting my sleeping tablets aside instead of taking them; the jar's getting fuller" (kept, not just skipped:
        # "put my tablets in a drawer instead of taking them, the side effects" is not)
        (_PILL_WORDS, rf"\b{_PILLS}\b[^.?!]{{0,40}}\b(?:aside|away|in (?:a|my|the) (?:drawer|sock|box|jar|tin|bag))\s+"
                      rf"instead of taking (?:them|it)\b(?=[^.?!]*\b{_KEPT_UP}\b)"),
        (_PILL_WORDS, rf"\b{_KEPT_UP}\b[^.?!]{{0,60}}\b{_PILLS}\b[^.?!]{{0,40}}\binstead of taking (?:them|it)\b"),
        # "a bottle of pills here I'm ready to take", "the pills are in front of me, I'm going to take them all"
        (f"{_PILL_WORDS} & ready going about gonna",
         rf"\b{_PILLS}\b[^.?!]{{0,60}}\b(?:im|i am)\s+(?:\w+\s+)?(?:ready|about)\s+to\s+(?:take|swallow|down)\b"
         r"(?!\s+(?:them\s+|it\s+)?(?:with|after|before|at|in the|every|each|daily|tomorrow morning|as)\b)"),
        (_PILL_WORDS, rf"\b{_PILLS}\b[^.?!]{{0,60}}\b(?:take|swallow|down)\s+(?:them|it)\s+all\b"
                      r"(?!\s+(?:with|after|before|at|in the|every|each|daily|as|together with)\b)"),
        # "looked at all the tablets in the cupboard and thought about taking the lot"
        (_PILL_WORDS, rf"\b{_PILLS}\b[^.?!]{{0,80}}\b{_INTENT}\s+(?:to\s+)?(?:just\s+)?(?:taking|take|swallowing|swallow|"
                      r"downing|down)\s+(?:the lot|them all|all of them|every (?:last |single )?one(?: of them)?)\b"
                      r"(?!\s+(?:back|to|with|out|home|off|in|into|after|before|at|every|each|daily|as)\b)"),
        # "the plan is to take everything in the medicine cabinet friday night"
        ("cabinet cupboard drawer kit",
         r"\b(?:take|taking|swallow\w*|down|downing)\s+(?:everything|every pill|every tablet|all the (?:pills|"
         r"tablets|meds|medicine|medication))\s+(?:in|from)\s+(?:the|my|our|mums|moms|dads)\s+(?:medicine\s+|"
         r"bathroom\s+|first aid\s+)?(?:cabinet|cupboard|drawer|kit)\b(?!\s+(?:to|into|out|back|for|with)\b)"),
        (_PILL_WORDS, rf"\benough\s+(?:\w+\s+)?{_PILLS}\s+(?:to|for)\s+(?:die|end|kill|not wake|do it|"
                      rf"overdose|"
                      r"make sure)"),
        (_PILL_WORDS, rf"\b{_PILLS}\b[^.]{{0,40}}\benough\s+(?:\w+\s+)?to\s+(?:do it|die|end it|not wake up|"
                      r"kill myself|overdose)\b"),
        unless=rf"^(?!.*\bon purpose\b).*\b(?:accident\w*|by mistake|on {_TREATS})\b",
    ),
    # ---- plans, goodbyes, giving things away
    _rule(
        _STRONG, _R_PLAN,
        # "I know how and when." said of nothing else (not "I know how and when to use my skills")
        ("how & when", r"\bi\s+(?:know|have decided|decided|worked out|have worked out)\s+(?:exactly\s+)?"
                       r"(?:how and when|when and how)(?=\s*$|\s*[;:]|\s+(?:now|already)\b)"),
        # "i know how and i know when", "I know where, I know when, and I've decided how" (each said alone)
        ("how when where & know",
         r"\bi\s+know\s+(?:how|when|where)\s*,?\s+(?:and\s+)?i\s+(?:know|have decided|ve decided|decided)\s+"
         r"(?:how|when|where)(?=\s*$|\s*[,;:]|\s+(?:now|already)\b)"),
        ("end kill die wake life overdose unalive",
         r"\b(?:plan|plans|planned|planning|figur\w* out|decid\w*|work\w* out|research\w*|googl\w*|"
         r"look\w* up|picked|chose|chosen|set|wrote|writing|written|write)\s+(?:(?:out|"
         r"up)\s+)?(?:\w+\s+){0,2}?(?:how|when|where|a (?:date|day|time|way|method)|the (?:date|day|time|way|"
         r"method))\s+(?:(?:to|i|ill|i will|id|i would|i could|i can|im going to|"
         r"i want to)\s+)?(?:end (?:it all|it|things|everything|my life)(?!\s+with)|kill myself|die|"
         r"not wake up|take my (?:own )?life|overdose|unalive)\b"),
        # "I looked at different ways of doing it and I heard that drowning isn't bad": ways of doing "it" with a
        # method named in the same sentence
        ("ways methods & drown drowning hang hanging overdose overdosing pills jump jumping gun trigger rope "
         "noose",
         r"\b(?:ways?|methods?)\s+(?:of|to)\s+do(?:ing)?\s+it\b[^.?!]{0,80}\b(?:drown\w*|hang\w*|overdos\w*|"
         r"pills|jump\w*|gun|trigger|rope|noose)\b"),
        ("plan", r"\b(?:a|the|my)\s+plan\s+(?:to|for|on how to|of how to)\s+(?:end (?:it|things|everything|"
                 r"my life)(?!\s+with)|kill myself|die|take my (?:own )?life|overdose)\b"),
    ),
    _rule(
        _STRONG, _R_PLAN,
        # "strangulation was still on the table", "hanging myself is always an option"
        ("table option options backup & strangulation strangling strangle hanging hang overdose overdosing "
         "jumping drowning gun suicide killing ending",
         r"\b(?:strangl\w*|strangulation|hanging(?: myself)?(?!\s+(?:the|a|an|my|up|out|some|on|around|with|in|"
         r"from|pictures?|shelves|curtains|lights|laundry|washing|art)\b)|overdos\w*|jumping|drowning|the gun|suicide|"
         r"killing myself|ending it(?: all)?)\b[^.?!]{0,100}\b(?:is|was|are|were|stays?|stayed|remains?|"
         r"remained)\s+(?:\w+\s+)?(?:on the table|an option|(?:my|a|the) (?:backup|back up|plan b|last resort|"
         r"exit|way out))\b"),
        # "considering using pentobarbital at home", "looking into an exit bag"
        ("pentobarbital nembutal exit helium",
         r"\b(?:consider\w*|contemplat\w*|think\w* (?:about|of)|thought (?:about|of)|plan\w*|going to|"
         r"want to|tempted to|research\w*|look\w* into|order\w*|buy\w*|bought|get|got|getting)\s+"
         r"(?:using\s+|use\s+|getting\s+|get\s+|buying\s+|ordering\s+)?(?:some\s+|an?\s+|the\s+)?"
         r"(?:pentobarbital|nembutal|exit bag|helium (?:and a bag|hood|bag|and a hood))\b"),
        unless=r"\b(?:character|characters|novel|book|film|movie|show|series|story|chapter|episode|article|news|"
               r"report|villain|protagonist|plot|game|debate|essay|lecture|class)\b",
    ),
    # preparing or rehearsing, said plainly: "made a noose out of my belt", "rehearsed with the rope in the garage"
    # (not a noose for a Halloween porch or a knot class, not a rope on a stage, a boat or a climbing wall)
    _rule(
        _STRONG, _R_PLAN,
        ("noose nooses", r"\b(?:made|make|making|tied|tie|tying|knotted|practi[cs]\w*\s+tying|learn\w*\s+(?:to|how to)\s+"
                         r"tie)\s+(?:a|the|my|another|one more)\s+(?:\w+\s+)?nooses?\b"),
        ("rope noose cord belt ligature cable scarf & rehearse rehearsed rehearsing rehearsal practise practised "
         "practising practice practiced practicing run",
         r"\b(?:rehears\w*|practi[cs](?:e|es|ed|ing)|(?:dry|practice|trial|test)\s+run)\b[^.?!]{0,40}\b(?:with|"
         r"using)\s+(?:the|a|my)\s+(?:rope|noose|cord|belt|ligature|cable|scarf)\b"),
        unless=r"\b(?:plays?|stage|theatre|theater|circus|acts?|shows?|scenes?|climb\w*|sail\w*|boats?|knots|"
               r"scouts?|guides|abseil\w*|gym|skipping|jump rope|dogs?|lead|leash|horses?|camping|tents?|aerial|"
               r"yoga|halloween|decorations?|props?|costumes?|films?|movies?|history|lynch\w*|museum|games?|"
               r"novels?|books?|story|characters?|cowboy|lasso|gallows)\b",
        context=1,
    ),
    _rule(
        _STRONG, _R_GOODBYE,
        ("goodbye",
         r"\bgoodbye\s+(?:forever|cruel world|world|everyone forever|for good|for the last time)\b"),
        ("goodbye suicide farewell", r"\b(?:writ\w*|wrote|left|leave|leaving|"
                                     r"record\w*)\s+(?:\w+\s+){0,2}?(?:goodbye|suicide|"
                                     r"farewell)\s+(?:letters?|notes?|messages?|videos?)\b"),
        ("earth alive life & last final", r"\b(?:last|final)\s+(?:day|night|days|"
                                          r"hours)\s+(?:on (?:this )?earth|alive|of my life)\b"),
        ("last final", r"\bthis is my (?:last|final) (?:entry|note|message|words)\b(?=\s*$|\s*[,;:]|"
                       r"\s+(?:ever|before|goodbye|i love|im sorry|sorry)\b)"),
        # a note left where it will be found after: "put it in the glovebox where she'll find it after"
        ("note notes letter letters & after",
         r"\b(?:note|notes|letter|letters)\b[^.?!]{0,80}\b(?:find|finds)\s+(?:it|them)\s+after(?=\s*(?:$|[.,;!]))"),
    ),
    _rule(
        _STRONG, _R_GOODBYE,
        ("goodbye goodbyes", r"\b(?:final|last)\s+goodbyes?\b"),
        ("goodbye goodbyes", r"\b(?:say|saying)\s+(?:my\s+)?goodbyes?\s+to\s+(?:everyone|all of you|you all|"
                             r"my family|my friends|the people i love|this world|the world|life)\b"),
        unless=_LEAVING,
        context=1,
    ),
    _rule(
        _STRONG, _R_GIVING,
        (_GIVE_WORDS, r"\b(?:giv\w*|gave|donat\w*|sold|selling|sell)\b[^.]{0,80}\b(?:where im going|"
                      r"when im gone|after im gone|once im gone|after i die|wont be (?:around|here))"),
    ),
    _rule(
        _STRONG, _R_GIVING,
        (_GIVE_WORDS, r"\b(?:giv\w*|gave|donat\w*|sold|selling|sell)\b[^.]{0,80}\b(?:wont|not going to|"
                      r"no longer|never)\s+(?:be\s+)?need(?:ing)?\s+(?:them|it|any of (?:it|them|this)|these|"
                      r"those|this|my \w+|anything)\b"),
        unless=_DECLUTTER,
        context=1,
    ),
    # ---- ambiguous on their own: count next to distress or another such phrase
    _rule(
        _WEAK, _R_PLAN,
        # "Been working out the when", "Just the when now" (a wedding has a when too)
        ("when & working worked work deciding decided figuring picked choosing chose just only",
         r"\b(?:(?:working|worked|work|deciding|decided|figuring|picked|choosing|chose)\s+(?:out\s+)?the\s+when"
         r"(?=\s*$|\s*[,.;:!]|\s+(?:now|already)\b)|(?:just|only)\s+the\s+when\s+(?:now|left|to (?:decide|pick|"
         r"choose))\b)"),
    ),
    _rule(
        _WEAK, _R_PLAN,
        # "how I'd do it so it looks like an accident" (not a plot: the rule's exceptions name stories and games)
        ("accident & look looks looked seem seems",
         r"\b(?:do it|make it|it)\s+(?:so\s+(?:that\s+)?it\s+|to\s+)?(?:would\s+)?(?:look|looks|seem|seems)\s+"
         r"like\s+an\s+accident\b"),
        unless=r"\b(?:novel|story|plot|character|characters|book|film|movie|game|murder|murderer|killer|villain|"
               r"detective|insurance fraud|mystery|episode|series|script|screenplay)\b",
    ),
    # "she'd be better off with a different mum" (the apostrophe dropped: "shed"): a parent's own burden, or
    # what they think of someone else's parent, so it counts beside distress
    _rule(
        _WEAK, _R_BURDEN,
        ("different another better new & mum mom mother mummy mommy dad father daddy parent",
         r"\bbetter off\s+with\s+(?:a\s+)?(?:different|another|better|new)\s+(?:mum|mom|mother|mummy|mommy|"
         r"dad|father|daddy|parent)\b"),
        subject=False,
    ),
    # an attempt spoken of sideways: "I wish it had worked", "I couldn't even get that right" (a cake can fail too)
    _rule(
        _WEAK, _R_END,
        ("worked & wish wished", r"\bwish(?:ed)?\s+(?:that\s+)?it\s+(?:had|would have|wouldve)\s+worked\b"),
        ("right & even", r"\b(?:couldnt|cant|could not|cannot)\s+even\s+(?:get|do)\s+(?:that|this|it)\s+right\b"),
    ),
    _rule(
        _WEAK, "talks about ending it",
        ("end ending ended", r"\b(?:end|ending|ended)\s+(?:it|things)\b(?!\s+(?:with|between|early|here|"
                             r"there|on|off|for (?:today|now|the (?:day|night|week|evening))|now for|"
                             r"before it starts|amicably|politely|properly|at that|at \d|soon enough|well)\b)"),
        # "I have to take matters into my own hands": fixing a leak, or ending it; it counts beside distress
        ("matters hands", r"\b(?:take|taking|took)\s+(?:matters|things)\s+into\s+my\s+own\s+hands\b"
                          r"(?!\s+(?:and|to|by|with|at|for|on)\s+(?!(?:end|die|kill|finish)\b))"),
        # "we once again ended things": a couple's ending
        unless=r"\bwe\s+(?:\w+\s+){0,2}?(?:end|ended|ending)\s+(?:it|things)\b",
    ),
    _rule(
        _WEAK, _R_CANT,
        ("cant", r"\bcant\s+(?:\w+\s+)?(?:(?:do this|do it|take (?:it|this)|handle (?:it|this|life)|"
                 r"bear (?:it|this))\s+(?:anymore|any ?longer|much longer|like this)|take much more|go on|"
                 r"keep going|carry on|live like this|cope)\b"),
        ("like", r"\bdont\s+(?:\w+\s+)?want\s+to\s+(?:live|go on|keep going|carry on)\s+like\s+this\b"),
        ("anymore & think", r"\bdont\s+think\s+i\s+can\s+(?:take|do|handle|bear)\s+(?:this|it)\s+(?:anymore|any longer|"
                            r"much longer)\b"),
        ("longer", r"\bdont know how (?:much )?longer i can\s+(?:go on|do this|keep going|hold on|take (?:it|"
                   r"this)|last)\b"),
        ("stop end over & want", r"\bwant\s+(?:it all|everything|this|the pain|all of this|it|"
                                 r"all this)\s+to\s+(?:stop|end|be over)\b"),
        # (not "done with everything on the list", "done with it all for today")
        ("done", r"\b(?:im|i am)\s+(?:so\s+|just\s+)?done\s+with\s+(?:everything|it all|all of it|life)\b"
                 r"(?!\s+(?:on|at|from|(?:i|we) (?:need|had|have)|today|tonight|"
                 r"for (?:today|tonight|now|the (?:day|week|night|weekend)))\b)"),
        ("over end stop", r"\b(?:it|this|everything)\s+(?:would|could|will|"
                          r"can)\s+(?:all\s+)?(?:finally\s+)?(?:be\s+over|end|stop)\b"),
        ("done", r"(?:^|[,;]\s*)im\s+(?:so\s+|just\s+)?done$"),
    ),
    # "someone please just kill me", "put me out of my misery": a plea that is often a figure of speech
    _rule(
        _WEAK, "asks for their life to be ended",
        ("kill & me", r"\b(?:please|someone|somebody|anyone|god|just)\s+(?:(?!dont|do|not|never)\w+\s+){0,2}?"
                      r"kill me\b(?=\s*$|\s*[.!,;]|\s+(?:already|now|please|tonight|quickly)\b)|^kill me(?: please)?$"),
        ("misery", r"\bput\s+me\s+out\s+of\s+my\s+misery\b"),
        unless=r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl|xd)\b",
    ),
    _rule(
        _WEAK, "wants to disappear",
        ("disappear vanish fade",
         r"\b(?:want|wish|wanted|wishing)\s+(?:i\s+could\s+)?(?:just\s+)?(?:to\s+)?(?:just\s+)?"
         r"(?:disappear|vanish|fade away)\b" + _AWAY_FOR_A_WHILE),
        ("forever", r"(?<!could )(?<!can )\bsleep forever\b"),
        ("let", r"\blet\s+go\s+(?:of\s+(?:life|everything|this life|it all)|forever|for good)\b"),
    ),
    _rule(
        _WEAK, _R_FINAL,
        ("goodbye", r"\bthis is goodbye\b"),
        ("time", r"\bby the time (?:anyone|someone|you|they|people|my \w+) (?:reads?|finds?|sees?) this\b"),
        ("gone", r"\b(?:when|after|once) im gone\b"),
        ("around here alive", r"\b(?:not sure|dont know if|doubt|dont think)\s+(?:ill|i will|id|"
                              r"i would)\s+(?:still\s+)?be\s+(?:around|here|alive)\b"),
        # a future that stops short: "I don't think I'll make it to 25", "can't see myself living past this
        # year" (not making it to the party, or to 25 push-ups)
        ("make making live living last get getting see",
         r"\b(?:(?:not sure|dont know if|doubt|dont think|no way)\s+(?:ill|i will|id|i would|im|i am|i)\s+"
         r"(?:going to\s+|gonna\s+|ever\s+)?|"
         r"(?:dont|cant|cannot|do not|never|hardly|barely)\s+see\s+myself\s+|"
         r"(?:wont|will not|never going to|not going to)\s+)(?:make|making|live|living|last|get|getting|be alive|"
         r"be around|be here)\s+(?:it\s+)?(?:to see|to|past|through|until|till|beyond)\s+(?:my\s+|the\s+)?"
         r"(?:next\s+|this\s+)?(?:[1-9]\d(?:th|st|nd|rd)?(?:\s+birthday)?|birthday|christmas|new year|year|"
         r"summer|winter|spring|autumn|end of (?:the|this) year|graduation|that age|twenties|thirties|"
         r"forties|twenty|"
         r"thirty|forty|fifty)(?=\s*$|\s*[.,;:!?]|\s+(?:anyway|honestly|tbh|either|i think|to be honest)\b)"),
        ("gone", r"\b(?:ill|im going to|i will) be gone(?=\s*$|\s*[,;:]|\s+(?:soon|by|tomorrow|before|"
                 r"forever|for good)\b)"),
        ("going", r"\bwhere im going\b"),
        ("funeral", r"\b(?:imagin\w*|pictur\w*|planning|plan|fantasi[sz]\w*|daydream\w*|dream\w*)\s+(?:about\s+)?"
                    r"my\s+(?:own\s+)?funeral\b"),
        ("time & go", r"\b(?:its|it is)\s+time\s+for\s+me\s+to\s+go(?=\s*$|\s*[.!,;])"),
        ("out & check checking checked", r"\bcheck(?:ing|ed)?\s+(?:myself\s+)?out\s+(?:early|for good|"
                                          r"permanently|of (?:this|life))\b(?![^.]*\b(?:hotel|room|airbnb|"
                                          r"library|books?|hostel|flight)\b)"),
        ("around here", r"\b(?:im not going to|not going to|wont) be (?:around|here) (?:much longer|"
                        r"for (?:much )?longer|for long|anymore|any ?longer)\b(?!\s+(?:today|tonight|this (?:morning|"
                        r"afternoon|evening)|at (?:the|this|work)|in (?:the|this))\b)"),
        ("sure", r"\b(?:ive|i have|i)\s+made\s+sure\s+of\s+(?:that|it)$"),
        ("around here", r"\bwont be (?:around|here) (?:much longer|for (?:much )?longer|for long|anymore|"
                        r"any ?longer|tomorrow)\b"),
        ("last final", r"\bthis is my (?:last|final) (?:entry|note|message|post|letter)\b"),
        # "I don't see myself being here next year": a job, a town, or a life; it counts beside distress
        ("here around & see", r"\b(?:dont|cant|do not|cannot)\s+see\s+myself\s+(?:being\s+|still\s+)?"
                              r"(?:here|around)\s+(?:by|next|much longer|for (?:much )?longer|this time next)\b"),
        # (not "sorry for everything in the fridge", "… I said when I was stressed")
        ("sorry forgive", r"\b(?:sorry for everything(?=\s*$|\s*[!,;])|please forgive me|"
                          r"forgive me for what)\b"),
        ("love", r"\bi love you all\b"),
        ("peace", r"\bmade (?:my )?peace with\b"),
        # arranging care for after they are gone: "made sure the cat will be looked after when I'm gone"
        ("gone & looked taken rehomed fed", r"\b(?:looked after|taken care of|rehomed|fed)\b[^.?!]{0,20}"
                                            r"\b(?:when|after|once) im gone\b"),
        ("around here & since because cause cos as", r"\b(?:since|because|cause|cos|as) i wont be (?:around|"
                                                    r"here|alive)\b"),
        ("affairs", r"\b(?:put|putting|get|getting|got|have) my affairs in order\b"),
        # "won't need them after Friday"
        ("need & after by past beyond",
         r"\b(?:wont|will not|not going to|no longer)\s+need\s+(?:them|it|any of (?:it|them)|my \w+|these|those)\s+"
         r"(?:after|by|past|beyond)\s+(?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|tomorrow|"
         r"tonight|this week(?:end)?|next week|the \d+\w*)\b"),
        # "wrote a note for mum, it's under my pillow"
        ("note letter & pillow", r"\b(?:note|letter)s?\b[^.?!]{0,40}\bunder\s+my\s+pillow\b"),
        ("will", r"\b(?:wrote|writing|updated|made|make|sorted(?: out)?|finished|did|done) (?:a |my )will\b"),
        # "everything is in order now", "made a playlist for my funeral", "emailed my passwords to my brother"
        ("order", r"\beverything(?:s|\s+is)\s+(?:now\s+|finally\s+)?in\s+order(?:\s+now)?$"),
        ("funeral", r"\b(?:playlist|songs?|music|outfit|readings?|flowers|hymns?)\s+for\s+my\s+(?:own\s+)?"
                    r"funeral\b"),
        ("passwords password", r"\b(?:sent|emailed|gave|texted|left|wrote down|written down)\s+(?:\w+\s+){0,2}?"
                               r"(?:all\s+)?my\s+(?:\w+\s+)?(?:passwords|password list)\b"),
        # "won't need any of it soon"; "it'll be after my son's birthday so I don't ruin it"
        ("need & soon longer going", r"\b(?:wont|will not|not going to)\s+need\s+(?:them|it|any of (?:it|them|this)|"
                                     r"my \w+|these|those|anything)\s+(?:soon|much longer|for much longer|"
                                     r"where im going)\b"),
        ("ruin spoil", r"\b(?:after|until after|till after)\s+(?:\w+\s+){0,2}?(?:birthday|christmas|wedding|exams|"
                       r"graduation)\s+so\s+(?:i\s+)?(?:dont|wont|doesnt)\s+(?:ruin|spoil)\b"),
        ("letters notes", r"\bwrote (?:letters|notes) to (?:everyone|my family|my kids|my parents|"
                          r"my friends)\b"),
        ("goodbye goodbyes", r"\b(?:saying my goodbyes|(?:say|said|saying) goodbye to everyone)\b"),
        # a goodbye in the words of an errand or an apology: "please look after Biscuit for me", "tell my
        # sister I'm sorry", "she'll know why", "don't worry about me after this week" (not "feed my cat for
        # me while I'm away"), and a burden about to end: "I won't be a problem for anyone much longer", "you
        # won't have to put up with my posts much longer"
        ("look take feed walk & me", r"(?:^|[,;]\s*)(?:please\s+)?(?:look after|take care of|feed|walk)\s+"
                                     r"(?!(?:it|her|him|them|this|that|things)\b)(?:my\s+|little\s+|the\s+)?"
                                     r"(?:\w+\s+)?for me(?=\s*$|\s*[!,;]|\s+(?:please|always|forever)\b)"),
        ("tell & sorry", r"\btell\s+(?:my\s+)?\w+\s+(?:that\s+)?(?:im|i am)\s+sorry(?=\s*$|\s*[!;])"),
        ("know & why", r"\b(?:shell|hell|theyll|youll|she will|he will|they will|you will)\s+(?:\w+\s+)?"
                       r"know why(?=\s*$|\s*[!,;])"),
        ("worry & after from", r"\bdont\s+worry\s+about\s+me\s+(?:after|from)\s+(?:this week|today|tonight|"
                               r"tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday|next week|"
                               r"now on)(?=\s*$|\s*[!;]|\s+(?:ok|okay|please)\b)"),
        ("problem burden bother nuisance & longer",
         r"\b(?:i|ill)\s+(?:wont|will not)\s+be\s+(?:a\s+)?(?:problem|burden|bother|nuisance)\s+"
         r"(?:for|to|on)\s+(?:anyone|you|you all|yall|everyone|them|my \w+)\s+(?:for\s+)?(?:much longer|"
         r"any ?longer|long)\b"),
        ("put deal worry listen read & longer",
         r"\b(?:you|yall|you all|everyone|they|nobody)\s+(?:wont|will not)\s+have\s+to\s+(?:put up with|"
         r"deal with|worry about|listen to|read)\s+(?:me|my \w+)\s+(?:for\s+)?(?:much|any) ?longer\b"),
        negatable=False,
    ),
    # a sign-off, each half of a pair: "Last entry.", "last message", "logging off for the last time", "thank
    # you for trying" (not "it wasn't your fault" or "don't blame yourself", which a letter of self-compassion
    # says as often)
    _rule(
        _WEAK, _R_FINAL,
        ("last final & entry message post words",
         r"^(?:so\s+|ok\s+|okay\s+)?(?:my\s+|the\s+)?(?:last|final)\s+(?:entry|message|post|words)(?:\s+(?:ever|here|"
         r"from me))?\s*[.!:]*$"),
        ("last & logging signing checking", r"\b(?:logging|signing|checking)\s+(?:off|out)\s+for\s+the\s+(?:very\s+)?"
                                             r"last\s+time\b"),
        ("trying & thank thanks", r"\bthank(?:s| you| u)\s+for\s+(?:\w+\s+)?trying(?=\s*$|\s*[,;:!]|\s+(?:but|and)\b)"),
        negatable=False,
        subject=False,
    ),
    # "I almost went through with it last night", "I'm going to go through with it one of these days": an act left
    # unnamed, which counts beside distress; not where a planned thing is named around it (a surgery, a tattoo)
    _rule(
        _WEAK, _R_FINAL,
        ("through & almost nearly finally actually really going gonna will ill",
         r"\b(?:almost|nearly|finally|actually|really|(?:im |i am )?(?:going to|gonna)|i will|ill)\s+(?:\w+\s+)?"
         r"(?:go|went|going)\s+through\s+with\s+it(?=\s*$|\s*[.!,;]|\s+(?:this time|tonight|one (?:of these )?"
         r"days?|soon|last night|and)\b)"),
        unless=r"\b(?:surgery|operation|procedure|wedding|divorce|move|moving|interview|tattoo|piercing|exams?|"
               r"tests?|appointment|treatment|chemo|ivf|transplant|job|offer|sale|purchase|trip|marathon|race|"
               r"skydive|bungee|haircut|audition|presentation|speech|abortion|adoption|breakup|break up)\b",
        context=1,
    ),
    _rule(
        _WEAK, "mentions giving things away",
        (_GIVE_WORDS, r"\b(?:giv(?:e|ing|en)|gave)\s+(?:away\s+)?(?:all\s+|"
                      r"most\s+)?(?:of\s+)?my\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions|clothes|"
                      r"books|records|guitar|cat|dog|pets?|jewel\w*|savings|money|games|collection|plants|"
                      r"art|artwork|xbox|playstation|ps[45]|console|trainers|bike|watch|ring|camera)\b"),
        (_GIVE_WORDS, r"\b(?:giv(?:e|ing|en)|gave)\s+(?:it\s+all|everything)\s+away\b"),
        # "gave the dog to my neighbour"
        (_GIVE_WORDS, r"\b(?:giv(?:e|ing|en)|gave)\s+(?:away\s+)?(?:the|my)\s+(?:dog|cat|pets?|rabbits?|bird|"
                      r"parrot|hamster|fish)\s+(?:away\s+)?to\b(?!\s+(?:\w+\s+){0,3}?(?:for the|while|until|till|"
                      r"to (?:mind|look after|walk)|this weekend|for a (?:week|few|couple)))"),
        ("who", r"\bwho\s+(?:gets|will get|should get|can have|"
                r"should have)\s+(?:all\s+)?my\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions|clothes|"
                r"books|records|guitar|cat|dog|pets?|jewel\w*|savings|money|games|collection|plants|art)\b"),
        unless=_DECLUTTER,
        context=1,
        negatable=False,
    ),
    _rule(
        _WEAK, "mentions having a plan",
        ("plan", r"\b(?:ive got|i made|ive made|i worked out|ive worked out|i know|ive|i have) (?:a|the|"
                 r"my) plan\b(?=\s*$|\s*[,;:]|\s+(?:now|this time|already|ready|tonight|for tonight)\b)"),
        ("plan", r"\band a plan\b(?=\s*$|\s*[,;:])"),
        ("do", r"\b(?:figured out|decided|planned|picked|chosen|chose) (?:how|when|where|the (?:day|date|"
               r"time|place|way)) (?:ill|id|i will|i would|im going to|to)\s+do it\b"),
        # "tomorrow is the day", "Friday's the day", "tonight's the night": a day set, said calmly
        ("day night & tomorrow tonight friday saturday sunday monday tuesday wednesday thursday tomorrows "
         "tonights fridays saturdays sundays mondays tuesdays wednesdays thursdays tommorow tomorow tommorrow "
         "tommorows tomorows tommorrows",
         r"\b(?:tom+or+ow|tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday)(?:s|\s+is|\s+will be)\s+"
         r"(?:the|my)\s+(?:day|night)(?=\s*$|\s*[.!,;])"),
        ("when how & know", r"\bi\s+know\s+(?:how|when|where)\s+and\s+(?:i\s+know\s+)?(?:how|when|where)\b"),
        ("through", r"\b(?:im|i am|ill|i will|i)\s+(?:finally\s+|really\s+)?(?:going to|gonna|ready to|decided to|"
                    r"will)\s+(?:finally\s+)?go\s+through\s+with\s+it\b(?=[^.?!]*\b(?:tonight|tomorrow|this "
                    r"(?:weekend|week|time)|soon|now|today)\b)"),
        ("do & know", r"\bi know (?:exactly |now )?(?:how|when|where) (?:ill|im going to|i will|i want to)\s+"
                      r"do it\b"),
        # "Forty should do it." "Should be high enough." said on their own, after pills counted or a drop measured
        ("should ought & do enough", rf"^(?:(?:{_TEN_OR_MORE}|that many|this many|that much|that height|it|that|"
                                     r"this)\s+)?(?:of them\s+)?(?:should|ought to)\s+(?:definitely\s+|surely\s+)?"
                                     r"(?:be\s+(?:high\s+|tall\s+|deep\s+)?enough|do it|do the job|do the trick)$"),
        ("weight & hold bear take support", r"\b(?:which|what|the|a|that)\s+(?:\w+\s+)?(?:beam|rafter|branch|hook|"
                                            r"banister|bannister|railing|door ?frame|pipe|loft hatch|light fitting|"
                                            r"ceiling fan)s?\b[^.?!]{0,40}\b(?:hold|bear|take|support)\s+my\s+"
                                            r"weight\b(?!\s+(?:for|when|on)\s+(?:the|a|my)\s+(?:swing|hammock|"
                                            r"tree ?house|pull ?ups?|climb\w*|rope swing))"),
        # a place or a day chosen, a plan finished, a rehearsal, said calmly; each counts only beside another:
        # "I've chosen the place and the day. No one knows.", "Decided: Friday night. Sorry everyone.", "Counted
        # the pills again tonight. There are enough." (pills counted are a means of their own), "Did a practice run
        # tonight. Next time I won't stop."
        ("place spot location & picked chosen chose settled decided",
         r"\b(?:picked|chosen|chose|settled on|decided on)\s+(?:a|the)\s+(?:place|spot|location)\b"
         r"(?![^.?!]*\b(?:for|where we|that we)\b)(?!\s+(?:to|we)\b)"),
        ("date day & set chosen picked decided", r"\b(?:the|a)\s+(?:date|day)\s+is\s+(?:now\s+)?(?:set|chosen|"
                                                 r"picked|decided)(?=\s*$|\s*[,;:])"),
        ("decided & tonight tomorrow friday saturday sunday monday tuesday wednesday thursday",
         r"^(?:its\s+|it is\s+)?decided\s*[:,]?\s+(?:its\s+|it is\s+)?(?:this\s+|on\s+)?(?:tonight|tomorrow|"
         r"friday|saturday|sunday|monday|tuesday|wednesday|thursday)(?:\s+(?:night|morning|evening))?$"),
        ("next & time", r"\bnext time\s+(?:i\s+)?(?:wont|will not|im not going to|i am not going to)\s+(?:stop|get "
                        r"down|back out|pull back|chicken out|call anyone|tell anyone)(?=\s*$|\s*[,;:])"),
        ("run & practice dry trial test", r"\b(?:did|done|had|doing|ran)\s+(?:a\s+)?(?:practice|dry|trial|test)\s+"
                                          r"run(?=\s*$|\s*[,;:]|\s+(?:tonight|today|last night|again)\b)"),
        ("enough", r"^(?:and\s+|i think\s+)?(?:there are|theres|there is|ive got|i have got|i have|i now have|"
                   r"thats|that is)\s+(?:more than\s+|definitely\s+|finally\s+)?enough(?:\s+now)?$"),
        ("need & everything", r"^(?:and\s+)?(?:i have|ive got|i have got|i now have)\s+everything i need"
                              r"(?:\s+now)?$"),
        ("its & tonight tomorrow friday saturday sunday monday tuesday wednesday thursday",
         r"^(?:so\s+)?(?:tonight|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday)(?:\s+(?:night|"
         r"morning|evening))?\s+(?:its|it is)$"),
        ("be & this next on & weekend week tonight tomorrow friday saturday sunday monday tuesday wednesday thursday",
         r"\b(?:its|it is|itll|it will)\s+(?:going to\s+|gonna\s+)?be\s+(?:this|next|on)\s+(?:weekend|week|"
         r"friday|saturday|sunday|monday|tuesday|wednesday|thursday)$"),
        ("matter question & when", r"\b(?:its|it is)\s+(?:just|only)\s+a\s+(?:matter|question)\s+of\s+when$"),
        ("notes letters & written done finished ready one", r"\b(?:the|my)\s+(?:notes|letters)\s+are\s+(?:all\s+)?"
                                                            r"(?:written|done|finished|ready)\b|"
                                                            r"\bwrote\s+(?:the|my)\s+(?:notes|letters)\b"
                                                            r"[^.?!]{0,20}\bone\s+for\b"),
        ("knows & one nobody noone", r"^(?:and\s+|but\s+)?(?:no one|nobody|noone)\s+knows$"),
        ("sorry & everyone all", r"^(?:im\s+)?(?:so\s+)?sorry\s+(?:everyone|all|you all|to everyone)$"),
        ("date day & picked chosen chose set settled decided", r"\b(?:picked|chosen|chose|set|settled on|"
                                                                r"decided on) (?:a|the) (?:date|day)\b"
                                                                r"(?!\s+(?:for|to|of)\b)"),
        # the calm after deciding: "since I decided, everything feels light" (a job quit is lighter too, so it
        # counts only beside another)
        ("since & decided & calm light lighter peace peaceful relief relieved free",
         r"\bsince\s+i\s+(?:\w+\s+)?decided\b[^.?!]{0,60}\b(?:calm|light|lighter|at peace|peaceful|relief|relieved|"
         r"free)\b"),
        # "just waiting for the house to be empty", "waiting until everyone's asleep"
        ("waiting & empty gone out asleep away",
         r"\bwaiting\s+(?:for|until|till)\s+(?:the\s+(?:house|flat|place)|everyone|everybody|they|my\s+(?:\w+\s+)?"
         r"(?:family|parents|mum|mom|dad|wife|husband|partner|flatmates?|housemates?|roommates?|kids))s?\s+"
         r"(?:to\s+(?:be\s+)?|is\s+|are\s+|has\s+|have\s+)?(?:empty|gone|out|away|asleep)\b"),
        # "I know exactly what would do it and how much"
        ("exactly & know knew", r"\bi\s+(?:know|knew)\s+exactly\s+(?:what|how much|how many)\s+(?:would|will|could)"
                                r"\s+do\s+it\b"),
        # "I've decided I'm going to do it this weekend", "I'll do it tonight", "thinking about doing it
        # tonight", "then do it on Sunday when the flat is empty"
        ("do doing & decided tonight tomorrow weekend friday saturday sunday monday tuesday wednesday thursday "
         "soon empty",
         r"\b(?:(?:ive|i have|i)\s+decided\s+(?:that\s+)?(?:ill|im going to|i will|to)|(?:ill|im going to|"
         r"i will)\s+(?:finally\s+)?|(?:thinking (?:about|of)|thought about|planning to|plan to|then)\s+"
         r"(?:just\s+)?)\s*do(?:ing)? it\b(?=[^.?!]*\b(?:tonight|tomorrow|this (?:weekend|week|friday|"
         r"saturday|sunday|monday|tuesday|wednesday|thursday)|on (?:friday|saturday|sunday|monday|tuesday|"
         r"wednesday|thursday)|soon|when (?:everyone|they|she|he)s? (?:is |are )?(?:asleep|gone|out)|when the "
         r"(?:house|flat|place) is empty)\b)"),
    ),
    _rule(
        _WEAK, "mentions standing at the edge of a drop",
        # "I stood on the edge of the car park roof for an hour"
        ("edge ledge & stood standing sat sitting stand sit",
         rf"\b(?:stood|standing|sat|sitting|stand|sit)\s+(?:on|at)\s+(?:the\s+)?(?:edge|ledge)\s+of\s+"
         rf"(?:the\s+|a\s+|that\s+)?(?:\w+\s+){{0,3}}?{_HIGH}\b"),
        # "climbed to the top floor of the car park and sat on the ledge for an hour"
        ("edge ledge & stood standing sat sitting",
         rf"\b(?:top|top floor|top level|roof)\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+){{0,2}}?{_HIGH}\b[^.?!]{{0,60}}"
         r"\b(?:stood|standing|sat|sitting)\s+on\s+the\s+(?:edge|ledge)\b"),
        # "went to the bridge again and stood at the rail longer this time": a return, and a longer stand
        ("again & went go going walked drove back", rf"\b(?:went|go|going|walked|drove)\s+(?:back\s+)?(?:up\s+)?"
                                                    rf"to\s+(?:the|that)\s+(?:\w+\s+)?{_HIGH}\s+again\b"),
        ("stood standing & rail railing railings edge ledge parapet",
         r"\b(?:stood|standing)\s+(?:at|on|by|against)\s+the\s+(?:rail|railing|railings|edge|ledge|parapet)\s+"
         r"(?:for\s+)?(?:longer|a long time|ages|for ages|an hour|again)\b"),
        # climbers and walkers, not "climbed to the top floor" ("climbed" alone is how a person gets there)
        unless=r"\b(?:photos?|pictures?|selfies?|views?|sunset|sunrise|hik\w*|climbing|climbers?|bouldering|"
               r"tour\w*|guide|harness\w*|rope access|safety line|scaffold\w*|roofer|gutters?)\b",
    ),
    _rule(
        _WEAK, "says the thoughts are back",
        ("back returned returning & thoughts urges",
         r"\b(?:the|those|these|my|dark|bad|suicidal|old)\s+(?:\w+\s+)?(?:thoughts|urges)\s+(?:are|have|were)\s+"
         r"(?:already\s+|all\s+)?(?:back|come back|coming back|returned|returning)\b"
         r"(?=\s*$|\s*[.!,;]|\s+(?:again|already|tonight|and|but|worse|stronger)\b)"),
    ),
    _rule(
        _WEAK, "says they are no longer afraid of dying",
        ("afraid scared & dying death die dead",
         r"\b(?:not|no longer|never|nt)\s+(?:\w+\s+)?(?:afraid|scared|frightened)\s+(?:of\s+)?(?:dying|death|"
         r"to die|being dead)\b(?=[^.?!]*\b(?:anymore|any more|now|these days|lately)\b)"),
        negatable=False,
    ),
    _rule(
        _WEAK, "mentions pulling a trigger",
        ("trigger & pull pulling", r"\b(?:easier|simpler|better|quicker)\s+(?:to\s+)?(?:just\s+)?"
                                   r"pull(?:ing)?\s+the\s+(?:fucking\s+|damn\s+)?trigger\b(?!\s+on\s+(?:the|a|"
                                   r"that|this)\s+(?!gun))"),
        # "I came so close to pulling the trigger", "a second from pulling the trigger" (not a purchase)
        ("trigger & almost nearly close seconds second moments moment",
         r"\b(?:almost|nearly|close to|seconds? (?:away )?from|moments? (?:away )?from)\s+(?:pull|pulling|pulled)\s+"
         r"the\s+trigger\b(?!\s+on\b)"),
    ),
    # ---- questions about means: count only when the entry is in distress
    _rule(
        _MEANS, _R_MEANS,
        ("tallest highest", rf"\b(?:tallest|highest)\s+(?:\w+\s+)?{_HIGH}"),
        # "can you die from mixing alcohol and my antidepressants"
        ("die & mixing taking drinking swallowing overdose much many",
         r"\bcan\s+(?:you|i|a person|someone|people)\s+die\s+(?:from|of|if (?:you|i))\s+(?:\w+\s+)?(?:mixing|taking|"
         r"drinking|swallowing|an overdose|overdosing|too (?:much|many))\b"),
        # "which car park has the biggest drop", "the cliff walk with the highest fall"
        ("drop drops fall falls & biggest highest longest steepest sheerest tallest",
         r"\b(?:biggest|highest|longest|steepest|sheerest|tallest)\s+(?:sheer\s+)?(?:drops?|falls?)\b"),
        ("tallest highest & point spot part edge place",
         rf"\b(?:where|wheres|how|which|what|whats)\b[^.?!]{{0,20}}\b(?:tallest|highest)\s+(?:point|spot|part|"
         rf"edge)\s+(?:of|on)\s+(?:the\s+)?{_HIGH}|"
         # "where's the highest point in the city"
         r"\b(?:where|wheres|which|what|whats)\b[^.?!]{0,20}\b(?:tallest|highest)\s+(?:point|spot|place)\s+"
         r"(?:in (?:the|this|my) (?:city|town|area|county)|near me|around here|nearby)\b"),
        # "which floor of the library has windows that open"
        ("window windows & floor floors",
         r"\b(?:which|what)\s+floors?\b[^.?!]{0,40}\bwindows?\b[^.?!]{0,20}\bopen\w*|"
         r"\bwindows?\b[^.?!]{0,20}\bopen\w*\b[^.?!]{0,30}\b(?:top|highest|upper)\s+floors?\b"),
        # "how many floors does the tallest building have", "how tall is the bridge on the A38, in metres",
        # "is there a top level you can walk out on", "can you get onto the roof of the library"
        (f"{_HIGH_WORDS} & how which what whats is are can does do anyone",
         rf"\b(?:how|which|what|whats|is there|are there|can (?:you|i|anyone)|does|do you know|anyone know)\b"
         rf"(?=[^.?!]*\b{_HIGH}\b)[^.?!]*\b(?:tall|taller|tallest|high|higher|highest|height|floors?|most levels|"
         r"stor(?:e?ys|ies|ey)|top (?:level|floor|deck)|walk out on(?:to)?|get (?:onto|on to|up on(?:to)?) "
         r"(?:the\s+)?(?:roof|top)|onto the roof|on the roof|way (?:onto|up to|on to) the roof|in (?:metres|meters|"
         r"feet))\b|"
         # "which rooftops in Leeds can you get onto", "is the multi-storey by the hospital open at night"
         rf"\b(?:which|what|can (?:you|i|anyone)|is|are)\b(?=[^.?!]*\b{_HIGH}\b)[^.?!]*\b(?:(?:get|climb|go)\s+"
         r"(?:up\s+)?(?:onto|on to|on)|open (?:at night|after dark|overnight|all night|late)|unlocked at night)$"),
        # "how deep is the river under the bridge"
        ("deep & water river lake canal reservoir harbour harbor bay sea",
         r"\bhow\s+deep\s+is\s+the\s+(?:water|river|lake|canal|reservoir|harbou?r|bay|sea)\s+(?:under|below|"
         r"beneath|off|at the (?:foot|bottom) of)\b"),
        ("high tall far deep & how",
         rf"\bhow\s+(?:high|tall|far down|far|deep)\s+(?:\w+\s+){{0,6}}?(?:{_HIGH}|drop|fall|jump)\b"),
        ("fall jump drop", r"\b(?:survive|survived|surviving|survivable|fatal|lethal|deadly)\s+(?:a\s+|"
                           r"the\s+)?(?:fall|jump|drop)\b"),
        ("fall jump drop & survive", r"\b(?:fall|jump|drop)\b[^.?!]{0,30}\b(?:not|never|wont|wouldnt|cant) "
                                     r"survive\b"),
        # "a bridge with no barriers", "the nearest cliff walk with no fence"
        (f"{_HIGH_WORDS} walk walks path paths & no without low dont doesnt",
         rf"\b{_HIGH}(?:\s+(?:walks?|paths?|tops?|edges?))?\b[^.?]{{0,30}}\b(?:no|without|low|dont have|doesnt have|"
         r"with no)\s+(?:suicide\s+|safety\s+)?(?:fences?|fencing|barriers?|railings?|nets?|rails?|cameras?|"
         r"cctv|security cameras?)\b"),
        # "what's the deepest part of the reservoir"
        ("deepest & reservoir lake river canal quarry sea loch harbour harbor dam",
         r"\bdeepest\s+(?:part|point|bit|spot|place)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?(?:reservoir|lake|river|"
         r"canal|quarry|sea|loch|harbou?r|dam)\b"),
        # "what's the drop from the top of the quarry", "how far is the fall off the viaduct"
        # "what's the drop from the top of Beachy Head": a named drop the place list cannot hold counts too
        (f"drop fall & {_HIGH_WORDS} top edge",
         rf"\b(?:whats|what is|how (?:big|high|far|long|steep) is)\s+the\s+(?:drop|fall)\s+(?:from|off)\b"
         rf"(?:[^.?!]{{0,30}}\b{_HIGH}\b|\s+(?:the\s+)?(?:top|edge)\s+of\b)"),
        # cold water: "how cold does the sea have to be to lose consciousness"
        ("consciousness hypothermia out drown & how",
         r"\bhow\s+(?:cold|long|deep)\b[^.?!]{0,40}\b(?:lose consciousness|pass out|hypothermia|drown)\b"),
        ("jump jumping jumped leap leaping",
         rf"\b(?:jump|jumping|jumped|leap|leaping)\s+(?:off|from)\s+(?:a|an|the|that|this)?\s*{_HIGH}"),
        # "bridges taller than 25 metres", "a roof over 10 floors up", "cliffs near me higher than 100 ft"
        (_HIGH_WORDS, rf"\b{_HIGH}\b[^.?!]{{0,40}}?\b(?:taller|higher|over|above|more than|at least|bigger)\b"
                      rf"[^.?!]{{0,15}}?\d[\d,.]*\s*(?:m|metres?|meters?|ft|feet|foot|floors?|stor(?:e?ys|ies|ey)|"
                      rf"levels?)\b"),
        ("floor floors storey storeys story stories level levels & high tall up jump fall",
         r"\b(?:how many|which|what)\s+(?:floors?|stor(?:e?ys|ies|ey)|levels?)\b[^.?!]{0,40}\b(?:high|tall|up|"
         r"jump|fall)\b"),
        ("train trains & time times when which schedule pass passes crossing tracks stop dont doesnt fastest express",
         r"\b(?:when|what time|which|how often)\b[^.?!]{0,40}\btrains?\b[^.?!]{0,40}\b(?:pass\w*|go through|"
         r"come through|through the crossing|crossing|fastest|express|dont stop|doesnt stop|not stop)\b"),
        # "the express train doesn't stop at our station"
        ("train trains & stop stops", r"\b(?:express|fast|non ?stop|nonstop|freight|through)\s+trains?\b[^.?!]{0,40}"
                                      r"\b(?:doesnt|dont|never|wont|not)\s+stop\b"),
        ("tracks railway line", r"\b(?:stand|lie|lay|walk)\s+(?:on|onto)\s+(?:the\s+)?(?:tracks|railway line|"
                                r"train line)\b"),
        unless=r"\b(?:into (?:the\s+)?(?:water|lake|sea|river|ocean|pool|waves)|diving|bungee|parachute|"
               r"skydiv\w*|base jump\w*)\b",
        subject=False,  # a means question is put to anyone ("can you still buy…", "do you know how high…")
    ),
    _rule(
        _MEANS, _R_MEANS,
        ("noose nooses", r"\bnooses?\b"),
        # (not rope for a climbing wall, a boat, a tent or a swing)
        ("rope", r"\b(?:buy|bought|get|got|find|buying|getting)\s+(?:a\s+|some\s+)?(?:strong\s+|thick\s+|"
                 r"long\s+)?rope\b(?!\s+(?:for|to)\s+(?:the\s+|my\s+|a\s+|our\s+)?(?:climb\w*|boat|tent|"
                 r"garden|swing|tow\w*|washing|skipping|dog|camping|hammock|sail\w*|gym|kayak|canoe)\b)"),
        ("rope", r"\brope\b[^.?]{0,30}\b(?:strong enough|hold (?:my|a persons|a person|someones) weight)\b"),
        # "how strong does a rope need to be to hold 80 kg"
        ("rope & hold", r"\brope\b[^.?]{0,40}\bhold\s+(?:\d+\s*(?:kg|kgs|kilos?|pounds|lbs|stone)\b|(?:a|an)\s+"
                        r"(?:man|woman|person|adult|body)\b)"),
        # "does hanging hurt", "is an overdose painful"
        ("hurt hurts painful painless & hanging drowning overdose overdosing overdoses suffocation suffocating "
         "slitting bleeding monoxide",
         r"\b(?:does|do|would|will|is|are|how much does)\s+(?:\w+\s+)?(?:hanging|drowning|an overdose|overdosing|"
         r"overdoses|suffocation|suffocating|slitting (?:your|my) wrists|bleeding out|carbon monoxide)\s+"
         r"(?:hurt|hurts|painful|painless|feel like)\b"),
        # "does it hurt to hang yourself", "would it hurt if I jumped", "how long until you pass out from hanging"
        ("hurt hurts painful & hang hanged hanging drown drowned drowning overdose overdosed jump jumped slit "
         "bleed suffocate suffocated",
         r"\b(?:does|do|would|will|is|how much does|how much would)\s+it\s+(?:hurt|be painful|painful)\s+"
         r"(?:to|if (?:i|you|someone|a person))\s+(?:\w+\s+)?(?:hang|hanged|drown|drowned|overdose|overdosed|"
         r"jump|jumped|slit|bleed|suffocate|suffocated)\b"),
        # "how painful is it to hang yourself", "how painful would it be to drown", "how painful is an
        # overdose"
        ("painful & hang hanged hanging drown drowned drowning overdose overdosed overdosing jump jumped "
         "slit bleed bleeding suffocate suffocated suffocating suffocation",
         r"\bhow\s+painful\s+(?:(?:is|would|will|was)\s+it\s+(?:be\s+)?(?:to|if\s+(?:i|you|someone|"
         r"a person))\s+(?:\w+\s+)?(?:hang|hanged|drown|drowned|overdose|overdosed|jump|jumped|slit|bleed|"
         r"suffocate|suffocated)|(?:is|would be|are)\s+(?:\w+\s+)?(?:hanging|drowning|an overdose|"
         r"overdosing|overdoses|suffocation|suffocating|bleeding out))\b"),
        ("long & pass black lose unconscious die & hanging drowning overdose overdosing suffocating suffocation "
         "bleeding",
         r"\bhow\s+long\s+(?:until|till|before|does it take|would it take)\s+(?:for\s+)?(?:you|a person|"
         r"someone|i|me)?\s*(?:to\s+)?(?:pass out|passes out|black out|lose consciousness|go unconscious|die)\s+"
         r"(?:from|when|while|by|after)\s+(?:an?\s+)?(?:hanging|drowning|overdose|overdosing|suffocat\w+|"
         r"bleeding)\b"),
        ("lethal fatal deadly toxic",
         r"\b(?:lethal|fatal|deadly|toxic)\s+(?:dose|amount|overdose|quantity)\b"),
        ("dose & dangerous lethal fatal deadly kill overdose much",
         r"\b(?:max|maximum|highest|biggest)\s+(?:safe\s+)?dose\b[^.?!]{0,40}\b(?:dangerous|lethal|fatal|deadly|"
         r"kills?|overdose|too much)\b"),
        (f"{_PILL_WORDS} & how", rf"\bhow\s+(?:many|much)\s+(?:\w+\s+){{0,3}}?{_PILLS}\b"),
        ("many much", r"\bhow\s+(?:many|much)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+)?[\w-]+\s+(?:is|are|would be|"
                      r"counts? as)\s+(?:too (?:many|much)|(?:a\s+)?(?:lethal|fatal|deadly))\b"),
        ("many", r"\bhow\s+many\s+(?:is|are|would be)\s+too\s+many\b"),
        # "which tablets are dangerous with alcohol", "can you still buy paracetamol in packs of 32"
        (f"{_PILL_WORDS} & dangerous deadly lethal fatal toxic",
         rf"\b(?:which|what)\s+(?:\w+\s+)?{_PILLS}\s+(?:are|is)\s+(?:\w+\s+)?(?:dangerous|deadly|lethal|fatal|"
         r"toxic)\b"),
        (f"{_PILL_WORDS} & packs boxes bottles", rf"\bbuy\s+(?:\w+\s+){{0,2}}?{_PILLS}\s+in\s+(?:packs|boxes|bottles)\b"),
        # "where can I get helium" (not for the party's balloons)
        ("helium", r"\b(?:buy|get|order|find|buying|getting|ordering)\s+(?:some\s+|a\s+)?helium\b"
                   r"(?![^.?!]*\b(?:balloons?|party|birthday|wedding)\b)"),
        ("overdose", rf"\boverdose\s+on\b(?!\s+{_TREATS}\b)"),
        ("od", rf"\b(?:can|could|would|will|do|does|did)\s+(?:you|i|a person|someone|people)\s+od\s+on\b"
               rf"(?!\s+{_TREATS}\b)"),
        (_PILL_WORDS, rf"\bcount\w*\s+(?:\w+\s+){{0,3}}?{_PILLS}\b|\b{_PILLS}\b[^.]{{0,40}}\bcount\w*\b"),
        ("razor razorblade razorblades blade blades",
         r"\brazor\s*blades?\b|\bblades?\b(?=[^.]*\b(?:drawer|hidden|hide|hiding|just in case|bag|room)\b)"),
        (f"{_PILL_WORDS} rope {_GUN_WORDS}",
         r"\b(?:ive got|i have|ive|i got|i bought|bought|im keeping)\s+(?:the|enough|some|a bottle of|"
         r"all the)\s+"
         rf"(?:\w+\s+)?(?:{_PILLS}|rope|{_GUN})\b(?:\s+(?:ready|now|here|hidden|in my (?:room|drawer|car|"
         rf"bag)))?"
         r"(?=\s*$|\s*[,;:]|\s+(?:and|ready|now|here|hidden|in my)\b)"),
        (_GUN_WORDS, r"\b(?:where|how)\s+(?:can|could|do|would|to|should)?\s*(?:i\s+)?(?:buy|get|find|"
                     r"purchase|borrow|"
                     rf"obtain)\s+(?:a\s+|an\s+|some\s+)?{_GUN}"),
        (_GUN_WORDS, rf"\b(?:buy|bought|buying|get|got|getting|purchase|purchasing)\s+(?:a\s+|an\s+|my\s+)?"
                     rf"(?:\w+\s+)?{_GUN}"),
        (_GUN_WORDS, rf"\b(?:dads|fathers|husbands|grandpas|brothers|uncles)\s+{_GUN}"),
        # a gun without the wait: "which gun store doesn't do background checks", "a pistol with no waiting
        # period"
        (f"{_GUN_WORDS} store stores shop shops dealer dealers & background waiting",
         rf"\b(?:{_GUN}|gun (?:stores?|shops?|dealers?))\b[^.?!]{{0,60}}\b(?:no|without|doesnt do|dont do|"
         r"skips?|skip the|avoid|get around|around the)\s+(?:a\s+|any\s+)?(?:background checks?|waiting period)\b"),
        ("monoxide", r"\bcarbon monoxide\b(?!\s+(?:alarm|detector|sensor)\b)"),
        subject=False,
    ),
    # ---- distress: never a hit alone, but it turns the phrases above into one
    _rule(
        _DISTRESS, "distress",
        ("lost losing", r"\b(?:lost|losing)\s+my\s+(?:job|home|house|flat|apartment|business|kids|children|"
                        r"wife|husband|partner|license|licence|scholarship|place|visa|everything)\b"),
        ("fired laid let sacked evicted kicked", r"\b(?:fired|laid off|let go of|sacked|evicted|"
                                                 r"kicked out)\s+me\b"),
        ("left dumped divorcing leaving cheated broke breakup divorce",
         r"\b(?:left|dumped|divorcing|leaving|cheated on)\s+me\b|\bbroke up with me\b|\bbreakup\b|"
         r"\bdivorce\b"),
        subject=False,
    ),
    _rule(
        _DISTRESS, "distress",
        ("fired laid let sacked redundant evicted eviction dumped kicked",
         r"\b(?:got|been|was|were|getting|get|im being)\s+(?:fired|laid off|let go|sacked|made redundant|"
         r"evicted|dumped|kicked out)\b|\blaid off\b|\bmade redundant\b|\bevicted\b|\beviction (?:notice|letter|"
         r"order)\b(?!\s+(?:for|to)\s+(?:the|a|my|our)\s+(?:tenants?|lodgers?))"),
        ("hopeless worthless helpless pointless meaningless unbearable unlovable despair despairing",
         r"\b(?:hopeless|worthless|helpless|pointless|meaningless|unbearable|unlovable|despair\w*)\b"),
        ("burden failure waste disappointment",
         r"\b(?:a|such a|just a|only a|nothing but a)\s+(?:total\s+|complete\s+|utter\s+|massive\s+|huge\s+)?"
         r"(?:burden|failure|waste of space|disappointment)\b"),
        ("space", r"\b(?:im|i am)\s+(?:just\s+|only\s+)?taking up space\b"),
        # "so tired of fighting", "I deserve to suffer" (not tired of fighting with the printer)
        ("tired & fighting struggling trying existing", r"\btired\s+of\s+(?:fighting|struggling|trying|existing)"
                                                        r"(?=\s*$|\s*[.,;!]|\s+(?:every|all|so|anymore|any more|for|"
                                                        r"just)\b)"),
        ("deserve & suffer pain punished", r"\bi\s+deserve\s+(?:to\s+(?:suffer|be in pain|feel pain|be punished)|"
                                           r"(?:the\s+)?pain)\b"),
        # "I'm desperate" (not "desperate for a coffee" or "desperate to see them"); "everything I touch goes wrong"
        ("desperate", r"\b(?:im|i am|i feel|feeling|i felt)\s+(?:so\s+|really\s+|completely\s+|just\s+)?desperate"
                      r"\b(?!\s+(?:for|to)\b)"),
        ("wrong bad & goes turns go turn", r"\beverything\s+i\s+(?:touch|do|try)\s+(?:goes|turns|go|turn)\s+"
                                           r"(?:wrong|bad|to (?:shit|crap|dust))\b"),
        ("hate", r"\bhate\s+(?:myself|my life|being me|who i am|everything about me)\b"),
        # "sick of seeing who I am", "it's all getting too much" (not the rent or the noise getting too much)
        ("sick tired & me myself im",
         r"\b(?:sick|tired)\s+of\s+(?:(?:seeing|being)\s+)?(?:who im|myself|being me)\b"),
        ("much", r"\b(?:it|its|it all|everything|everythings|life)\s+(?:\w+\s+)?(?:is\s+|s\s+|has\s+)?"
                 r"(?:all\s+)?(?:getting|gotten|become|becoming|just|really|so)?\s*(?:way\s+)?too much"
                 r"(?=\s*$|\s*[,;!]|\s+(?:for me|to (?:bear|handle|take|cope with)|anymore|now)\b)"),
        ("nobody", r"\bnobody\s+(?:cares|loves me|would care|understands|likes me|wants me|needs me|"
                   r"would notice)\b"),
        ("alone", r"\b(?:all|so|completely|totally|utterly)\s+alone\b"),
        ("ok okay alright", r"\b(?:im|i am)\s+(?:really\s+|so\s+|just\s+|honestly\s+)?not\s+(?:ok|okay|"
                            r"alright)\b(?!\s+with\b)"),
        # losses and failures told in a few words: "lost evrything", "lost custody", "the business has gone
        # under", "I've let everyone down", "nothing is ever going to get better", "everything is shit"
        ("lost losing custody", r"\b(?:lost|losing)\s+(?:ev[ea]?rything|everyone|custody|the (?:house|business|"
                                r"flat|farm|shop|kids|baby)|all my (?:money|savings|friends))\b"),
        ("under bust collapsed", r"\b(?:business|company|shop)\s+(?:has\s+|had\s+)?(?:gone under|gone bust|"
                                 r"collapsed)\b"),
        ("let down", r"\blet\s+(?:every ?one|every ?body|my (?:family|parents|kids|mum|mom|dad)|them all|"
                     r"you all|every single person)\s+down\b"),
        ("failed", r"\bfailed\s+(?:every ?one|every ?body|my (?:family|parents|kids|children|wife|husband)|them all|"
                   r"you all)\b(?![^.?!]*\b(?:quiz|game|test|match|round)\b)"),
        ("better", r"\b(?:nothing|it|things|life)(?:s|\s+is|\s+are)?\s+(?:ever\s+)?(?:going to|gonna|will|"
                   r"gon)\s+(?:ever\s+)?(?:get|be)\s+better\b"),
        ("everything", r"\beverything\s+(?:is|s)\s+(?:shit|fucked|ruined|falling apart|hopeless|pointless)\b"),
        ("failure", r"\b(?:im|i am)\s+(?:a\s+|such a\s+|just a\s+)?failure\b"),
        ("keep", r"\bcant\s+keep\s+(?:doing|living like|going on like|going like)\s+this\b"),
        # "I can't feel like this anymore", "I don't want to keep feeling like this any longer"
        ("feel feeling", r"\b(?:cant|dont want to)\s+(?:keep\s+|go on\s+|stand\s+)?feel(?:ing)?\s+like\s+this\s+"
                         r"(?:anymore|any ?longer|forever)(?=\s*(?:$|[.!,;:]|and\b|but\b|so\b))"),
        ("tired", r"\btired\s+of\s+(?:fighting|trying|struggling|feeling like this|being me)"
                  r"(?=\s*(?:$|[,;:!]|and\b|anymore\b))"),
        ("inside", r"\b(?:empty|dead|numb|broken)\s+inside\b"),
        ("pretending", r"\b(?:tired|sick|exhausted)\s+of\s+pretending\b"),
        ("stopped & calls texts messages phone",
         r"\bstopped\s+(?:answering|returning|picking up)\s+(?:my\s+)?(?:\w+\s+)?(?:calls|texts|messages|phone)\b"),
        # how emptiness and numbness are told: "I've been feeling so empty lately", "I just feel numb"
        ("empty numb hollow", _NOT_AFTER_THINGS + r"\b(?:feel|feels|feeling|felt)\s+(?:so\s+|really\s+|completely\s+|totally\s+|very\s+|"
                              r"just\s+|kind of\s+|kinda\s+)?(?:empty|numb|hollow)\b"),
        # "I've been feeling really low since the layoff", "i feel so down" (not "a bit down", "low on sleep",
        # "down with a cold", "down to earth")
        ("low down", _NOT_AFTER_THINGS + r"\b(?:feel|feels|feeling|felt)\s+(?:so\s+|really\s+|very\s+|pretty\s+|"
                     r"incredibly\s+|extremely\s+|super\s+|completely\s+)?(?:low|down)\b(?!\s+(?:on|with|to|for|"
                     r"in the dumps)\b)"),
        ("coping cope", r"\bnot\s+coping\b|\bstruggling\s+to\s+cope\b"),
        # "I'm heartbroken", "at breaking point", "in a really dark place", "I can't get out of bed anymore"
        ("heartbroken devastated crushed broken humiliated ashamed",
         r"\b(?:im|i am|i feel|feeling|i felt|i was|ive been|i got)\s+(?:so\s+|absolutely\s+|completely\s+|"
         r"utterly\s+|totally\s+|really\s+|just\s+)?(?:heartbroken|devastated|crushed|broken|humiliated)\b"
         r"(?!\s+(?:that|the|a|an|my|his|her|our|it|by the (?:score|result|news that)))|\bashamed of myself\b"),
        ("rope tether point limit", r"\b(?:im|i am|ive|i have|i)\s+(?:\w+\s+)?(?:at|reached|hit)\s+(?:the\s+)?"
                                   r"(?:end of my (?:rope|tether)|(?:my\s+)?breaking point|my limit)\b"),
        ("dark", r"\b(?:im|i am|ive been|i have been|been|i was|i feel like im)\s+(?:\w+\s+)?(?:in|into)\s+"
                 r"(?:a\s+)?(?:really\s+|very\s+|such a\s+|pretty\s+)?dark\s+place\b|"
                 r"\beverything\s+(?:feels|seems|is|looks)\s+(?:so\s+)?(?:dark|black)\b"),
        ("bed", r"\bcant\s+(?:even\s+)?get\s+out\s+of\s+bed\b(?=\s*$|\s*[,;:]|\s+(?:anymore|any more|most "
                r"days|some days|for days|and|but)\b)"),
        ("wrong works", r"\b(?:everything|it all)\s+(?:always\s+)?(?:goes|go)\s+wrong\s+for\s+me\b|"
                        r"\bnothing\s+(?:ever\s+)?works\s+out\s+for\s+me\b"),
        ("exhausted drained", r"\b(?:exhausted|drained)\s+(?:by|of|from|with)\s+(?:everything|it all|life|living)\b"),
        # "I've had enough of everything", "so tired of all of it", "what's the use" (not "sick of everything on
        # the list", "what's the use of a second kettle"); "I'm done with it all" is the weak phrase's own
        ("enough tired sick & all everything life living",
         r"\b(?:had enough of|tired of|sick of)\s+(?:it all|all of it|everything|all this|life|living)"
         r"(?=\s*$|\s*[,;:]|\s+(?:anymore|any more|now)\b)"),
        ("use", r"\bwhats the use\b(?=\s*$|\s*[,;:]|\s+(?:anymore|any more|of (?:anything|trying|living|going "
                r"on|it all))\b)"),
        ("spiralling spiraling spiralled spiraled", r"\b(?:im|i am|ive been|been|i keep|i just keep)\s+"
                                                   r"(?:spiral+ing|spiral+ed)\b"),
        ("struggling", r"\b(?:im|i am|ive been|been)\s+(?:so\s+|really\s+|just\s+)?struggling\s+(?:so much|"
                       r"so badly|badly|a lot|to keep going|with everything|to get through the days?)\b"),
        ("forward future light", r"\bcant\s+see\s+(?:a|any)\s+(?:way forward|future|light)\b"),
        ("will", r"\blost\s+(?:my|the|all)\s+will\s+to\s+live\b"),
        ("hell", r"\b(?:im|i am|ive been|been)\s+going\s+through\s+hell\b"),
        # "I've been crying all day", "I cry myself to sleep"
        ("crying cry cried", r"(?:^|\b(?:i|im|ive|i have|i just|i keep|i kept|i cant stop)\s+)(?:been\s+|keep\s+|"
                             r"cant stop\s+)?(?:crying|cry|cried)\s+(?:all (?:day|night)|every (?:day|night)|"
                             r"for hours|non ?stop)\b|\b(?:cry|cried|crying)\s+myself\s+to\s+sleep\b"),
        ("failing failed fail", r"\b(?:keep|kept)\s+failing(?=\s*$|\s*[,;:]|\s+(?:and|but|again)\b)|"
                                r"\bfail(?:ing|ed)?\s+at\s+(?:everything|life|being (?:a|an)?\s*\w+)\b|"
                                r"\b(?:i|ive)\s+failed\s+again(?=\s*$|\s*[,;:]|\s+(?:and|but)\b)"),
        ("nothing garbage trash shit worthless",
         r"\bfeel(?:s|ing)?\s+like\s+(?:nothing|garbage|trash|shit|a nobody|i am nothing|im nothing)\b"),
        ("drowning", r"\b(?:im|like im|feel like im)\s+drowning\b(?!\s+in\s+(?:work|emails?|paperwork|"
                     r"laundry|homework|admin))"),
        ("way trapped", r"\bno\s+way\s+out\b|\btrapped\b"),
        # "that's the only way out I can see" (not the only way out of a building); "in case today is too much"
        ("way & only", r"\bonly\s+way\s+out\b(?!\s+(?:of\s+(?:the|this|that|a|our|my)\s+(?!mess|hell|pain|"
                       r"situation|life)\w+|is\s+(?:through|via|the|to (?:go|walk|drive|take))\b))"),
        ("much", r"\b(?:today|tonight|it all|things|everything|life|the day|this week)\s+(?:is|are|gets|get|"
                 r"becomes|feels|feel|got|was)\s+(?:all\s+|just\s+|getting\s+)?too\s+much\b"
                 r"(?!\s+(?:fun|food|sugar|to (?:eat|drink|carry|do)))"),
        ("point", r"\b(?:dont|cant)\s+see\s+(?:the|any)\s+point\s+(?:of|in|to)\s+(?:anything|it all|"
                  r"any of (?:it|this)|living|life|going on|trying)\b"),
        ("point", r"\b(?:dont|cant)\s+see\s+(?:the|any)\s+point\s+(?:anymore|any longer)\b|"
                  r"\bwhats the point\s+(?:anymore|(?:of|in) (?:anything|living|life|it all|going on|trying|me|my "
                  r"life|my existence|being alive|being me))\b|"
                  r"\bno point\s+(?:anymore|in (?:anything|living|trying|going on))\b"),
        ("cant", r"\bcant\s+(?:cope|handle (?:it|this|anything|life)|take (?:it|this|much more)|stop crying|"
                 r"see a way out)\b"),
        ("apart bottom breaking everything ruined over matters future pain life myself depressed depression "
         "miserable tired",
         r"\b(?:falling apart|rock bottom|breaking down|fell apart|lost everything|ruined (?:my life|"
         r"everything)|my life is (?:over|ruined|a mess|falling apart|pointless)|nothing matters|no future|"
         r"in so much pain|(?:give|gave|giving) up on (?:life|myself|everything)|depressed|depression|"
         r"miserable|(?:so )?tired of (?:everything|it all))\b"),
        # "I'm finished, everything's gone" (not "I'm finished with work", "everything's gone to plan")
        ("finished gone",
         r"\b(?:im|i am)\s+(?:so\s+|just\s+|completely\s+|totally\s+)?finished(?=\s*$|\s*[,;:]|\s+(?:now|and|"
         r"everything|its|nothing)\b)|\beverything(?:s|\s+is|\s+has)\s+gone(?=\s*$|\s*[,;:]|\s+(?:now|and|"
         r"wrong|to (?:shit|hell)))"),
        ("died passed dead killed took",
         r"\b(?:mum|mom|dad|father|mother|wife|husband|partner|son|daughter|brother|sister|friend|grandma|"
         r"grandpa|grandmother|grandfather|baby|dog|cat)\s+(?:\w+\s+)?(?:died|passed away|is dead|was killed|"
         r"killed (?:him|her)self|took (?:his|her) (?:own )?life|passed(?=\s*(?:$|[,;])|\s+(?:last|this|yesterday|"
         r"today|recently|suddenly|earlier|and)\b))\b"),
        ("bankrupt bankruptcy foreclosure foreclosed debt rent bills mortgage",
         r"\b(?:bankrupt\w*|foreclos\w*|drowning in debt|(?:so much|huge|massive|crippling) debt|cant (?:pay|"
         r"afford) (?:the |my )?(?:rent|bills|mortgage))\b"),
    ),
    # "I give up." said with nothing after it: giving up on what is not said (not a riddle's "I give up, what
    # is it?", a crossword or a game's level; "give up on life" is above)
    _rule(
        _DISTRESS, "distress",
        ("give", r"\bi\s+(?:just\s+|honestly\s+|really\s+|officially\s+|completely\s+)?give\s+up\s*(?:$|[,;:])"),
        unless=r"\b(?:what is it|whats it|who is it|tell me|go on then|you win|answer|riddle|crossword|wordle|"
        r"puzzle|quiz|level|boss|game|guess)\b",
        context=1,
    ),
    # Losses and blows told as events, not feelings: what comes before a question about heights or pills in the
    # accounts of people who tried ("I failed my finals", "my husband is cheating", "diagnosed with cancer").
    _rule(
        _DISTRESS, "distress",
        ("cheating cheated affair",
         r"\b(?:is|was|been|are|were|keeps)\s+cheating\b(?!\s+(?:at\b|on\s+(?!me\b)))|"
         r"\bcheat(?:ed|ing)\s+on\s+me\b|"
         r"\b(?:having|had|has)\s+(?:been\s+having\s+)?an\s+affair\b"),
        ("left & wife husband partner girlfriend boyfriend fiance fiancee",
         r"\b(?:my\s+)?(?:wife|husband|partner|girlfriend|boyfriend|fiancee?)\s+(?:has\s+|just\s+|finally\s+)?"
         r"(?:left|walked out|moved out)\b(?=\s*$|\s*[,;]|\s+(?:me|us|for good|for (?:someone|another|"
         r"him|her)|and (?:took|never|wont|isnt|is not)|with (?:the|our|my) (?:kids|children|baby))\b)"),
        # "my girlfriend cheated", "since the layoff", "got the redundancy letter", "flunked out of college"
        ("cheated & wife husband partner girlfriend boyfriend fiance fiancee gf bf",
         r"\b(?:wife|husband|partner|girlfriend|boyfriend|fiancee?|gf|bf)\s+(?:\w+\s+)?cheated\b"),
        ("took & kids children baby", r"\b(?:left|moved out|walked out)\s+and\s+took\s+the\s+(?:kids|children|"
                                      r"baby)\b|\btook\s+the\s+(?:kids|children)\s+and\s+(?:left|moved out)\b"),
        ("miscarriage stillbirth", r"\b(?:had|lost|suffered|through)\s+(?:a\s+|another\s+)?(?:miscarriage|"
                                   r"stillbirth)\b"),
        ("behind rent mortgage bills", r"\bbehind\s+on\s+(?:the\s+|my\s+|our\s+)?(?:rent|mortgage|bills)\b"),
        ("layoff redundancy", r"\b(?:the|my|a|another)\s+layoff\b|\bredundancy\s+(?:letter|notice|meeting|call)\b"),
        ("flunked dropped kicked thrown",
         r"\bflunked\s+out\b|\b(?:dropped|kicked|thrown)\s+out\s+of\s+(?:college|uni|university|school|"
         r"the (?:course|program|programme))\b"),
        ("walked moved abandoned disowned ghosted cut called broke filed wedding engagement",
         r"\b(?:walked out on|moved out on|abandoned|disowned|ghosted)\s+me\b|\bcut\s+me\s+off\b|"
         r"\b(?:called off|cancelled|canceled)\s+(?:the|our)\s+wedding\b|\bbroke off\s+(?:the|our)\s+engagement\b|"
         r"\bfiled for divorce\b"),
        ("speak talk speaking talking",
         r"\b(?:wont|doesnt|dont|refuses to|refuse to|stopped|no longer)\s+(?:speak|talk|speaking|talking)\s+to\s+"
         r"me\b(?!\s+(?:until|till|unless)\b)"),
        ("diagnosed terminal cancer tumour tumor",
         r"(?:^|[.!?;,]\s*|\bi\s+(?:was\s+|got\s+|have been\s+|just\s+)?|\bive\s+(?:just\s+)?been\s+)(?:just\s+)?"
         r"(?:got\s+|been\s+)?diagnosed with\s+(?:\w+\s+){0,2}?(?:cancer|a tumou?r|tumou?rs|hiv|dementia|ms|"
         r"multiple sclerosis|parkinsons|motor neurone disease|als|leukaemia|leukemia)\b|"
         r"\bterminal(?:ly ill| cancer| diagnosis)\b"),
        ("failed failing flunked rejected turned",
         r"\b(?:failed|failing|flunked)\s+(?:all\s+)?(?:my|the|every|all|another|both)\s+"
         r"(?!(?:driving|theory|eye|hearing|drug|covid|mot)\b)(?:\w+\s+)?(?:exams?|"
         r"finals|tests?|classes|courses?|modules?|year|semester|degree|bar|boards|dissertation|thesis|"
         r"interviews?)\b|\b(?:rejected|turned down)\s+(?:from|by)\s+(?:every|all|each|my)\b"),
        ("bullied bullying hates hate",
         r"\b(?:bullied|bullying me)\b|\bevery(?:one|body)\s+(?:at\s+\w+\s+|here\s+)?(?:hates|hate)\s+me\b"),
        ("assaulted raped abused molested attacked",
         r"\b(?:i was|i got|i have been|ive been|i had been|i been)\s+(?:sexually\s+|physically\s+)?"
         r"(?:assaulted|raped|abused|molested|attacked)\b|\b(?:raped|molested|abused|assaulted)\s+me\b"),
        ("failed folded bust closed under",
         r"\b(?:my|our)\s+(?:\w+\s+)?(?:business|company|shop|restaurant|startup|firm)\s+(?:has\s+|just\s+)?"
         r"(?:failed|folded|went under|went bust|closed down)\b"),
        ("lonely friends friend talk homeless",
         r"\b(?:so|really|very|incredibly|unbearably|painfully|terribly)\s+lonely\b|"
         r"\b(?:im|i am|i was|ive been|i have been|were|we are|became|become|made)\s+homeless\b|"
         r"\b(?:no|not a single)\s+(?:friends|friend left)\b|\b(?:no one|nobody|noone)\s+to\s+talk\s+to\b"),
        subject=False,
    ),
)

# fmt: on


# A lexicon phrase that ends in going on or being here only counts where nothing follows that changes its sense
# ("don't want to go on the trip"), as the hand-written rules do; one that ends in living where no place or
# company follows ("tired of living out of a suitcase"); one that ends in "myself" where no everyday phrase goes on
# ("cut myself off", "burn myself out").
_LEXICON_GOING_ON = re.compile(r"\b(?:go on|wake up|be here|here|around|exist)$")
_LEXICON_LIVING = re.compile(r"\b(?:live|living|alive)$")
_LEXICON_SELF = re.compile(r"\b(?:myself|my self)$")
# "want to end this", "no end to this": "this" alone, not "this subscription" or "this semester"
_LEXICON_THIS = re.compile(r"\b(?:this|that)$")
_LEXICON_AWAY = re.compile(r"\b(?:disappear|vanish)$")
_LEXICON_DIE = re.compile(r"\bdie$")  # "i should die", not "i should die my hair red"


def _lexicon_pattern(phrase: str) -> str:
    """The pattern of one lexicon phrase (already normalised as kit.safety.crisis normalises text)."""
    pattern = rf"\b{re.escape(phrase)}\b"
    if _LEXICON_GOING_ON.search(phrase):
        return pattern + _END
    if _LEXICON_LIVING.search(phrase):
        return (
            pattern + r"(?!\s+(?:in|with|at|near|there|on|by|alone|abroad|together|out|off|up|like|next)\b)"
        )
    if _LEXICON_THIS.search(phrase):
        return (
            pattern + r"(?!\s+(?!(?:and|but|because|so|anymore|any ?longer|now|today|tonight|tomorrow)\b)\w)"
        )
    if _LEXICON_AWAY.search(phrase):
        return pattern + _AWAY_FOR_A_WHILE
    if _LEXICON_SELF.search(phrase):
        return pattern + r"(?!\s+(?:off|out|up|some|slack|free|loose|short|in|a|an|the)\b)"
    if _LEXICON_DIE.search(phrase):
        return pattern + rf"(?!\s+{_DYED})"
    return pattern


def _lexicon_rules() -> tuple[_Rule, ...]:
    """Rules from the phrase list in kit/data/crisis_lexicon.json (bench/make_crisis_lexicon.py builds it from a
    clinician-validated lexicon and keeps the phrases that never counted in the training split's everyday or
    written negatives). Phrases are matched as the rules are: the writer, not negated, not a recovered past,
    not an accident or a figure of speech."""
    spec = json.loads(resources.files("kit").joinpath("data", "crisis_lexicon.json").read_text("utf-8"))
    reason = {"suicidal": _R_SUICIDE, "self-harm": _R_SELF_HARM, "distress": "distress"}
    tier = {"strong": _STRONG, "weak": _WEAK, "distress": _DISTRESS}
    everyday = rf"(?:{_ACCIDENT})|{_FIGURATIVE.pattern}"
    rules = []
    for name, kinds in sorted(spec["tiers"].items()):
        for kind, phrases in sorted(kinds.items()):
            alts = tuple((max(re.findall(r"[a-z]+", p), key=len), _lexicon_pattern(p)) for p in phrases)
            rules.append(_rule(tier[name], reason[kind], *alts, unless=everyday))
    return tuple(rules)


_RULES = _HAND_RULES + _lexicon_rules()
