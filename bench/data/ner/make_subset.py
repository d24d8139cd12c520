"""Rebuild dev.jsonl and test.jsonl from the Broad Twitter Corpus (CC BY 4.0) CoNLL files.

    python bench/data/ner/make_subset.py PATH/TO/broad_twitter_corpus

Selection (see README.md): sections A, B and H; no @-mentions, hashtags or retweets; web links dropped;
English-looking; 6 to 60 tokens; duplicates dropped; shuffled with a fixed seed and cut into dev and test.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SECTIONS = ("a", "b", "h")
SEED = 2017
DEV = 0.5  # the first half of the shuffled pool; the rest is test
KEEP = {"PER": "PERSON", "LOC": "PLACE"}  # ORG is not scored: the kit has no label for it
# Common English words: a tweet with too few of them is in another language (section H is worldwide).
ENGLISH = frozenset(
    """
    the a an and or but i you he she we they it me my your our his her their this that is are was were be
    been have has had do did not no to of in on at for with from so just what when who how if can will
    would all im i'm it's dont don't get got go going love like good day today tonight now time know one
    """.split()
)
NO_SPACE_BEFORE = frozenset(", . ! ? : ; ) % ... 's n't 'm 're 've 'll 'd".split())


def sentences(path: Path):
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                yield rows
            rows = []
            continue
        token, _, tag = line.rpartition("\t")
        rows.append((token, tag.strip()))
    if rows:
        yield rows


def to_row(rows: list[tuple[str, str]], section: str, number: int) -> dict | None:
    tokens = [t for t, _ in rows]
    if any(t.startswith(("@", "#")) or t in ("RT", "rt") for t in tokens):
        return None
    rows = [(t, tag) for t, tag in rows if not t.lower().startswith(("http", "www."))]
    words = [t.lower() for t, _ in rows]
    if not 6 <= len(words) <= 60 or sum(w in ENGLISH for w in words) < max(2, len(words) // 6):
        return None
    text, entities, current = "", [], None
    for token, tag in rows:
        if text and token not in NO_SPACE_BEFORE and not text.endswith("("):
            text += " "
        start = len(text)
        text += token
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if tag.startswith("I-") and current is not None and current[2] == kind:
            current[1] = len(text)
        else:
            current = [start, len(text), kind] if kind else None
            if current is not None:
                entities.append(current)
    spans = [{"start": s, "end": e, "label": KEEP[k], "text": text[s:e]} for s, e, k in entities if k in KEEP]
    return {"id": f"btc-{section}-{number}", "text": text, "entities": spans}


def main(root: str) -> None:
    pool, seen = [], set()
    for section in SECTIONS:
        for number, rows in enumerate(sentences(Path(root) / f"{section}.conll")):
            row = to_row(rows, section, number)
            if row is not None and row["text"].lower() not in seen:
                seen.add(row["text"].lower())
                pool.append(row)
    random.Random(SEED).shuffle(pool)
    here = Path(__file__).parent
    cut = int(len(pool) * DEV)
    for name, part in (("dev", pool[:cut]), ("test", pool[cut:])):
        with open(here / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for row in sorted(part, key=lambda r: r["id"]):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = {
            label: sum(e["label"] == label for r in part for e in r["entities"]) for label in KEEP.values()
        }
        print(f"{name}: {len(part)} sentences, {counts} (pool {len(pool)})")


if __name__ == "__main__":
    main(sys.argv[1])
