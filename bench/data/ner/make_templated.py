"""Journal-style sentences with names and places from fifteen locales: ``templated.jsonl`` for bench/pii_bench.py.

    pip install faker==40.63.0
    python bench/data/ner/make_templated.py          # writes bench/data/ner/templated.jsonl (same bytes each run)

The sentence frames are this project's; the names, towns, countries and street addresses come from Faker's
locale providers (MIT), seeded per row and run with a fixed hash seed, so the file is the same on every run with
that version. It measures what
tweets cannot: given names and surnames that are not English (Hungarian, Turkish, Polish, Romanian, Czech, Indian,
Brazilian …), foreign towns and street addresses in a sentence a person would write. Frames were written before
any scoring and are never changed to suit the kit.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

from faker import Faker

OUT = Path(__file__).with_name("templated.jsonl")
LOCALES = "en_US en_GB de_DE fr_FR es_ES it_IT pl_PL hu_HU tr_TR nl_NL pt_BR sv_SE en_IN cs_CZ ro_RO".split()
FRAMES = (
    "Had coffee with {name} today and we talked about the move to {city}.",
    "{first} called again tonight; I didn't pick up.",
    "My therapist, {name}, suggested I write more about {city}.",
    "I keep thinking about the summer in {country} with {first}.",
    "Send the forms to {name} at {street}, {city}.",
    "lunch with {first} at the place near {street}",
    "{name} from work asked if I was ok.",
    "We drove from {city} to {city2} and {first} slept the whole way.",
    "My sister {first} lives in {country} now and I miss her.",
    "Dinner at {first}'s flat in {city}, felt good.",
    "I grew up in {city}, {country}.",
    "Thank you note for {name}: she helped more than she knows.",
    "Mom moved in with {first} near {city}.",
    "Appointment with Dr. {last} on Tuesday.",
    "The letter came from {street}, {city}, which I didn't expect.",
)
PEOPLE = {"name", "first", "last"}
ROWS = 300
SEED = 7


def row(k: int, rng: random.Random) -> dict:
    Faker.seed(k)
    fake = Faker(rng.choice(LOCALES))
    fake.seed_instance(k)
    frame = rng.choice(FRAMES)
    values = {
        "name": fake.name(),
        "first": fake.first_name(),
        "last": fake.last_name(),
        "city": fake.city(),
        "city2": fake.city(),
        "country": fake.country(),
        "street": fake.street_address(),
    }
    text, entities, pos = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", frame):
        text += frame[pos : m.start()]
        value = values[m.group(1)]
        label = "PERSON" if m.group(1) in PEOPLE else "PLACE"
        entities.append({"label": label, "start": len(text), "end": len(text) + len(value), "text": value})
        text += value
        pos = m.end()
    return {"text": text + frame[pos:], "entities": entities}


def main() -> None:
    if (
        os.environ.get("PYTHONHASHSEED") != "0"
    ):  # Faker's choices follow set order, which follows the hash seed
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    rng = random.Random(SEED)
    with open(OUT, "w", encoding="utf-8") as out:
        for k in range(ROWS):
            out.write(json.dumps(row(k, rng), ensure_ascii=False) + "\n")
    print(f"wrote {ROWS} rows to {OUT}")


if __name__ == "__main__":
    main()
