"""Safety check benchmark: recall, false positives, PII precision/recall and speed of kit.safety.check.

    python bench/safety_bench.py [--rounds 2000]

The project's own examples come from tests/test_safety.py (loaded by path; the parametrized pairs and PII cases
are read from its source). The rules were written against those examples, so the benchmark also scores a small
held-out set written for this file, and a naive keyword matcher on every set as the raw baseline.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit import safety  # noqa: E402

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


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--rounds", type=int, default=2000, help="checks of the 250-word entry (default 2000)"
    )
    args = parser.parse_args()

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
    assert len(entry.split()) == 250 and not safety.check(entry).crisis
    examples = tuned_crisis + tuned_safe + HELD_OUT_CRISIS + HELD_OUT_SAFE
    print("Speed, µs per check (median / p95) — kit vs naive keyword regex in the same run")
    rows = [
        ("250-word everyday entry", [entry], args.rounds),
        ("250-word entry with a crisis sentence", [crisis_entry], args.rounds),
        (
            f"all examples ({len(examples)} texts, {max(1, args.rounds // 100)} rounds)",
            examples,
            max(1, args.rounds // 100),
        ),
    ]
    for name, texts, rounds in rows:
        kit_us = timings_us(safety.check, texts, rounds)
        raw_us = timings_us(NAIVE.search, texts, rounds)
        km, kp, rm = statistics.median(kit_us), p95(kit_us), statistics.median(raw_us)
        print(
            f"  {name:<44} kit {km:8.1f} / {kp:8.1f}   naive {rm:6.1f} / {p95(raw_us):6.1f}   ratio {km / rm:6.0f}x"
        )
    # The two halves of check(), when the module exposes them under these names.
    crisis_part = getattr(safety, "_crisis_reasons", None)
    pii_part = getattr(safety, "find_pii", None) or getattr(safety, "_find_pii", None)
    if crisis_part is not None and pii_part is not None:
        crisis_us = timings_us(crisis_part, [entry], args.rounds)
        pii_us = timings_us(pii_part, [entry], args.rounds)
        print(
            f"  250-word entry split: crisis rules {statistics.median(crisis_us):.1f} µs, "
            f"PII scan {statistics.median(pii_us):.1f} µs (medians)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
