"""Rebuild the evaluation files from the Broad Twitter Corpus and WNUT-17 (both CC BY 4.0) CoNLL files.

    python bench/data/ner/make_subset.py btc PATH/TO/broad_twitter_corpus     # dev.jsonl and test.jsonl
    python bench/data/ner/make_subset.py wnut17 PATH/TO/emerging.test.annotated   # wnut17-test.jsonl
    python bench/data/ner/make_subset.py gum PATH/TO/gum/dep                      # gum-interview.jsonl

Selection (see README.md): BTC sections A, B and H, WNUT-17's test set; no @-mentions, hashtags or retweets; web
links dropped; English-looking; 6 to 60 tokens; duplicates dropped. BTC is shuffled with a fixed seed and cut
into dev and test; WNUT-17 is a second test set only (never looked at while adjusting the filters). GUM: the
interviews (Wikinews, CC BY 2.5; annotations CC BY 4.0), every sentence, a third test set only: the named part
(the longest run of proper nouns) of each person and place mention.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SECTIONS = ("a", "b", "h")
SEED = 2017
DEV = 0.5  # the first half of the shuffled pool; the rest is test
# Organisations, products and works are not scored: the kit has no label for them.
KEEP = {"PER": "PERSON", "LOC": "PLACE", "person": "PERSON", "location": "PLACE"}
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


def to_row(rows: list[tuple[str, str]], source: str, number: int) -> dict | None:
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
    return {"id": f"{source}-{number}", "text": text, "entities": spans}


def write(name: str, part: list[dict], pool: int) -> None:
    with open(Path(__file__).parent / f"{name}.jsonl", "w", encoding="utf-8") as out:
        for row in sorted(part, key=lambda r: (r["id"].rsplit("-", 1)[0], int(r["id"].rsplit("-", 1)[1]))):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {
        label: sum(e["label"] == label for r in part for e in r["entities"]) for label in ("PERSON", "PLACE")
    }
    print(f"{name}: {len(part)} sentences, {counts} (pool {pool})")


def select(files: list[tuple[str, Path]]) -> list[dict]:
    pool, seen = [], set()
    for source, path in files:
        for number, rows in enumerate(sentences(path)):
            row = to_row(rows, source, number)
            if row is not None and row["text"].lower() not in seen:
                seen.add(row["text"].lower())
                pool.append(row)
    return pool


_ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")
GUM_KEEP = {"person": "PERSON", "place": "PLACE"}
# Titles before a name are not part of it (the kit finds "Chomsky" in "Professor Chomsky"); alone, not a name.
GUM_TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Professor President Governor Senator Sen Rep Representative Judge Justice Mayor Minister "
    "Prime Chancellor General Gen Colonel Col Captain Capt Sir Lord Lady King Queen Prince Princess Pope Saint St "
    "Father Rev Reverend Sheriff Officer Detective Coach".split()
)


def gum_rows(path: Path) -> list[dict]:
    """One row per sentence of a GUM .conllu file; gold spans are the proper-noun runs of person and place
    mentions ("Biologist Nick Bos" -> "Nick Bos"), mentions with no proper noun ("my mum", "there") left out."""
    rows, doc = [], path.stem
    for block in path.read_text("utf-8").split("\n\n"):
        lines = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        sent_id = next((line[15:] for line in block.splitlines() if line.startswith("# sent_id = ")), None)
        if not lines or sent_id is None:
            continue
        text, where, skip_to = "", {}, 0  # where: token id -> (start, end) in text
        for cols in lines:
            if "." in cols[0]:
                continue
            if "-" in cols[0]:  # "I've" written once, read as two tokens
                first, last = map(int, cols[0].split("-"))
                start = len(text)
                text += cols[1] + ("" if "SpaceAfter=No" in cols[9] else " ")
                for i in range(first, last + 1):
                    where[i] = (start, start + len(cols[1]))
                skip_to = last
                continue
            i = int(cols[0])
            if i <= skip_to:
                continue
            start = len(text)
            text += cols[1] + ("" if "SpaceAfter=No" in cols[9] else " ")
            where[i] = (start, start + len(cols[1]))
        tokens = {int(c[0]): c for c in lines if c[0].isdigit()}
        open_, mentions = [], []
        for i, cols in sorted(tokens.items()):
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            for m in _ENTITY.finditer(misc.get("Entity", "")):
                if m.group(1):
                    open_.append((m.group(1), m.group(2), i))
                    if m.group(3):
                        mentions.append(open_.pop()[1:] + (i,))
                else:
                    for k in range(len(open_) - 1, -1, -1):
                        if open_[k][0] == m.group(4):
                            mentions.append(open_.pop(k)[1:] + (i,))
                            break
        spans = set()
        for kind, first, last in mentions:
            if kind not in GUM_KEEP:
                continue
            runs, run = [], []
            for i in range(first, last + 1):
                if tokens[i][4] in ("NNP", "NNPS"):
                    run.append(i)
                else:
                    runs, run = runs + [run] if run else runs, []
            runs = runs + [run] if run else runs
            best = max(runs, key=len) if runs else []
            while best and tokens[best[0]][1].rstrip(".") in GUM_TITLES:  # "Governor", "Professor Chomsky"
                best = best[1:]
            if best and not (len(best) == 1 and tokens[best[0]][4] == "NNPS"):  # "Americans", "Arabs": groups
                spans.add((where[best[0]][0], where[best[-1]][1], GUM_KEEP[kind]))
        text = text.rstrip()
        entities = [{"start": s, "end": e, "label": k, "text": text[s:e]} for s, e, k in sorted(spans)]
        rows.append({"id": f"{doc}-{sent_id.rsplit('-', 1)[1]}", "text": text, "entities": entities})
    return rows


def main(corpus: str, path: str) -> None:
    if corpus == "gum":
        files = sorted(Path(path).glob("GUM_interview_*.conllu"))
        pool = [row for f in files for row in gum_rows(f)]
        write("gum-interview", pool, len(pool))
        return
    if corpus == "wnut17":
        pool = select([("wnut17-test", Path(path))])
        write("wnut17-test", pool, len(pool))
        return
    pool = select([(f"btc-{section}", Path(path) / f"{section}.conll") for section in SECTIONS])
    random.Random(SEED).shuffle(pool)
    cut = int(len(pool) * DEV)
    write("dev", pool[:cut], len(pool))
    write("test", pool[cut:], len(pool))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
