"""Rebuild kit/data/crisis_lexicon.json: the crisis check's phrase list from a clinician-validated lexicon.

    python bench/make_crisis_lexicon.py [--out kit/data/crisis_lexicon.json]

Source: the Suicide Risk Lexicon v1.0 (Low, Rankin, Bentley, Nock & Ghosh; validated tokens of 24-08-02), shipped
in the PyPI wheel construct-tracker 1.0.16 (Apache-2.0), fetched once by bench/train_crisis.py's ``_wheel`` and
checked by sha256. The data card is kit/data/CRISIS_DATA.md.

Which phrases are kept is decided on the *training* split of bench/train_crisis.py's data only (never on its
validation split, never on tests/data/crisis_cases.jsonl, never on the four sources kept for independent checks):

- phrases of two words or more from six constructs; help-seeking words ("safety plan", "crisis line") are left out;
- a phrase is read as the rules read theirs (the writer as subject, not negated, not a recovered past);
- it is dropped when it counts in a training text from an everyday forum or a written hard negative (those are
  clean negatives), or in more than twice as many support-forum posts as crisis posts plus one (support forums
  for other conditions do hold real crisis posts, so one count there is no evidence against a phrase).

Tiers, by construct: passive and active suicidal ideation and direct self-injury fire alone (strong); other
suicidal language fires alone when it speaks of dying, living or killing, and otherwise needs distress nearby
(weak); hopelessness and burdensomeness mark distress. Same wheel, same data: the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import train_crisis  # noqa: E402

from kit.safety import crisis  # noqa: E402
from kit.safety.rules import _ACCIDENT, _HAND_RULES, _STRONG, _lexicon_pattern, _rule  # noqa: E402

LEXICON = (
    "construct_tracker/data/lexicons/suicide_risk_lexicon_v1-0/"
    "suicide_risk_lexicon_validated_24-08-02T21-27-35.json"
)
CONSTRUCTS = {  # construct: (tier, what a hit says)
    "Passive suicidal ideation": ("strong", "suicidal"),
    "Active suicidal ideation & suicidal planning": ("strong", "suicidal"),
    "Direct self-injury": ("strong", "self-harm"),
    "Other suicidal language": ("strong-if-dying", "suicidal"),
    "Hopelessness": ("distress", "distress"),
    "Burdensomeness": ("distress", "distress"),
}
# Phrases with an everyday sense a reader can name ("scratch my head", "a quick and easy dinner", "rest in peace,
# Grandad", "I never wake up before nine") need distress nearby: they move to the weak tier.
EVERYDAY_SENSE = frozenset(
    phrase.strip()
    for phrase in """
    rest in peace|crash my car|quick and easy|easy and painless|quick and painless|on the edge|make a will|
    write a will|my death|ill die|ending it|fade out|fading away|escape from reality|hit by a train|
    hit by the train|will be dead|when i die|hate my life|i hate my life|life is shit|death wish|carbon monoxide|
    suicidal behavior|suicidal tendencies|commit suicide|attempt suicide|wreck my car|wreck my truck|
    slam my car|eternal sleep|permanent rest|sleep forever|peaceful death|painless death|if i live or die|
    want to jump|never wake up|over dose|bang my head|banging my head|bash my head|hit my head|pull my hair|
    scratch my|scratch at my|scratched my|bit myself|biting myself|skin picking|pick at my skin|punch myself|
    hit myself|burn my hand|burn my face|i could disappear|wish i could disappear
    """.split("|")
)
NOT_A_CRISIS = frozenset({"stick and poke tattoo"})
# Said on a bad day as often as in a crisis: they mark distress, which never fires alone.
DISTRESS_SENSE = frozenset(
    {"hate my life", "i hate my life", "life is shit", "sick of my life", "sick of life"}
)
HELP_SEEKING = re.compile(r"\b(?:crisis|safety|hotline|saved|therapist|hospital)\b")
DYING = re.compile(r"\b(?:die|died|dying|dead|death|live|living|alive|life|suicid\w*|kill\w*|end|ending)\b")
EVERYDAY = set(train_crisis.NEGATIVE) - train_crisis.SUPPORT - {"mindfulness", "divorce"}


def candidates(lexicon: dict) -> dict[str, tuple[str, str]]:
    """Normalised phrase -> (tier, what a hit says); the first construct that has it wins."""
    out: dict[str, tuple[str, str]] = {}
    for construct, (tier, says) in CONSTRUCTS.items():
        tokens = lexicon[construct]["tokens"]
        surface = tokens[: len(tokens) // 2]  # the second half repeats them lemmatised
        for token in surface:
            phrase = crisis._normalize(token).strip(" .")
            if len(phrase.split()) < 2 or HELP_SEEKING.search(phrase) or phrase in NOT_A_CRISIS:
                continue
            if phrase in out:
                continue
            if phrase in DISTRESS_SENSE:
                out[phrase] = ("distress", "distress")
            elif phrase in EVERYDAY_SENSE or (tier == "strong-if-dying" and not DYING.search(phrase)):
                out[phrase] = ("weak", says)
            else:
                out[phrase] = ("strong" if tier == "strong-if-dying" else tier, says)
    # The lexicon only adds what the hand-written rules do not read already, and one phrase per wording:
    # "i want to die" goes when "want to die" stays (two matches of one wording would make a weak pair).
    known = [p for p in out if any(pat.search(p) for rule in _HAND_RULES for _, pat in rule.alts)]
    inner = [p for p in out if any(q != p and re.search(rf"\b{re.escape(q)}\b", p) for q in out)]
    for p in {*known, *inner}:
        del out[p]
    return out


def counts(phrase: str, texts: list[tuple[dict, list[str], list[bool]]]) -> dict[str, int]:
    rule = _rule(_STRONG, "lexicon", ("", _lexicon_pattern(phrase)))
    pattern = rule.alts[0][1]
    last = phrase.split()[-1]
    found = {"crisis": 0, "clean": 0, "support": 0}
    for row, sentences, questions in texts:
        if not any(last in s for s in sentences):
            continue
        if not any(
            crisis._counts(rule, sentences, i, m, questions[i]) and not re.search(_ACCIDENT, s)
            for i, s in enumerate(sentences)
            for m in pattern.finditer(s)
        ):
            continue
        if row["label"] == 1:
            found["crisis"] += 1
        elif row["source"] == "written" or row["source"].removeprefix("rmhd:") in EVERYDAY:
            found["clean"] += 1
        else:
            found["support"] += 1
    return found


SHIPPED = ROOT / "kit" / "data" / "crisis_lexicon.json"


def build(quiet: bool = False) -> tuple[bytes, str]:
    """The phrase list's file as this data and these rules build it, and a line that counts what it kept (each
    phrase dropped is printed to stderr unless ``quiet``)."""
    with zipfile.ZipFile(train_crisis._wheel()) as wheel:
        lexicon = json.loads(wheel.read(LEXICON))
    rows = [r for r in train_crisis.load_sources() if r["split"] == "train" and r["label"] is not None]
    texts = []
    for row in rows:
        norm = crisis._normalize(row["text"])
        texts.append((row, *crisis._sentences(norm)))
    kept: dict[str, dict[str, list[str]]] = {"strong": {}, "weak": {}, "distress": {}}
    dropped = 0
    for phrase, (tier, says) in sorted(candidates(lexicon).items()):
        c = counts(phrase, texts)
        if c["clean"] or c["support"] > 2 * c["crisis"] + 1:
            dropped += 1
            if not quiet:
                print(f"  dropped {tier:8} {phrase!r}: {c}", file=sys.stderr)
            continue
        kept[tier].setdefault(says, []).append(phrase)
    spec = {
        "about": "kit crisis check: phrases from the Suicide Risk Lexicon v1.0, kept on the training split",
        "source": "construct-tracker 1.0.16 (Apache-2.0), " + LEXICON.rsplit("/", 1)[1],
        "data": "kit/data/CRISIS_DATA.md",
        "tiers": kept,
    }
    sizes = ", ".join(f"{sum(map(len, v.values()))} {k}" for k, v in kept.items())
    return (json.dumps(spec, indent=1, sort_keys=True) + "\n").encode(), f"kept {sizes}; dropped {dropped}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=SHIPPED)
    args = ap.parse_args(argv)
    blob, counted = build()
    args.out.write_bytes(blob)
    print(counted)
    print(f"wrote {args.out} ({len(blob)} bytes) sha256 {hashlib.sha256(blob).hexdigest()}")


if __name__ == "__main__":
    main()
