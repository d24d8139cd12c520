"""Names and places in informal text: kit.safety.pii's rules alone vs rules + the recogniser (spaCy on this machine).

    python bench/pii_bench.py                 # dev and test, speed and memory
    python bench/pii_bench.py --errors 40     # also print dev misses and false alarms (to adjust filters)
    python bench/pii_bench.py --dev --errors 40   # dev only: what to look at while adjusting

Data (see bench/data/ner/README.md; both CC BY 4.0): dev.jsonl and test.jsonl, sentences from the Broad Twitter
Corpus, and wnut17-test.jsonl, a second test set from WNUT-17 (Reddit, YouTube, Stack Overflow and tweets);
gum-interview.jsonl, a third from the GUM corpus's interviews (Wikinews, CC BY 2.5; people talking about their
work and lives); written.jsonl, journal-style entries written for this bench (scored only, never used to adjust
anything); templated.jsonl, sentences of this project's frames filled with names, towns and street addresses from
fifteen locales (make_templated.py: names that are not English).
Scored labels: PERSON (gold PER) and PLACE (gold LOC; the kit's ADDRESS counts as PLACE). Three ways of counting:
``exact`` (same label, same start and end), ``overlap`` (same label, any shared character; each gold span is
found or not, each predicted span right or not) and ``any-label`` (overlap whatever the label: what redaction
needs, since [PERSON] and [PLACE] both hide the name).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit.safety.pii import Span, find_pii  # noqa: E402  (after the path, so the bench runs from a checkout)

DATA = Path(__file__).parent / "data" / "ner"
LABELS = ("PERSON", "PLACE")


def load(split: str) -> list[dict]:
    with open(DATA / f"{split}.jsonl", encoding="utf-8") as rows:
        return [json.loads(line) for line in rows if line.strip()]


def predicted(text: str, recogniser: bool) -> list[tuple[str, int, int]]:
    out = []
    for span in find_pii(text, recogniser=recogniser):
        label = "PLACE" if span.label == "ADDRESS" else span.label
        if label in LABELS:
            out.append((label, span.start, span.end))
    return out


def score(
    rows: list[dict], preds: list[list[tuple[str, int, int]]]
) -> dict[str, dict[str, tuple[int, int, int, int]]]:
    """{way: {label: (gold found, gold total, predicted right, predicted total)}}."""
    out: dict[str, dict[str, list[int]]] = {w: {k: [0, 0, 0, 0] for k in (*LABELS, "all")} for w in WAYS}
    for row, pred in zip(rows, preds, strict=True):
        gold = [(e["label"], e["start"], e["end"]) for e in row["entities"]]
        for way, same in WAYS.items():
            for label in (*LABELS, "all"):
                g = [x for x in gold if label in ("all", x[0])]
                p = [x for x in pred if label in ("all", x[0])]
                counts = out[way][label]
                counts[0] += sum(any(same(x, y) for y in pred) for x in g)
                counts[1] += len(g)
                counts[2] += sum(any(same(y, x) for x in gold) for y in p)
                counts[3] += len(p)
    return {w: {k: tuple(v) for k, v in d.items()} for w, d in out.items()}  # type: ignore[misc]


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[1] < b[2] and b[1] < a[2]


WAYS = {
    "exact": lambda a, b: a == b,
    "overlap": lambda a, b: a[0] == b[0] and _overlap(a, b),
    "any-label": _overlap,
}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(split: str, rows: list[dict]) -> dict[str, dict]:
    results = {}
    print(
        f"\n{split}: {len(rows)} sentences, "
        + ", ".join(f"{sum(e['label'] == k for r in rows for e in r['entities'])} {k}" for k in LABELS)
    )
    print(
        f"  {'detector':<20} {'counting':<10} {'label':<7} {'recall':>7} {'precision':>9}  (found/gold, right/predicted)"
    )
    for name, flag in (("rules only", False), ("rules + recogniser", True)):
        preds = [predicted(r["text"], flag) for r in rows]
        scores = score(rows, preds)
        results[name] = scores
        for way, by_label in scores.items():
            for label in (*LABELS, "all") if way != "any-label" else ("all",):
                found, gold, right, total = by_label[label]
                print(
                    f"  {name:<20} {way:<10} {label:<7} {_ratio(found, gold):>7} {_ratio(right, total):>9}"
                    f"  ({found}/{gold}, {right}/{total})"
                )
    return results


def errors(rows: list[dict], limit: int) -> None:
    """Dev sentences where rules + recogniser missed a gold span or predicted one that is not gold."""
    shown = 0
    for row in rows:
        gold = {(e["label"], e["start"], e["end"]) for e in row["entities"]}
        pred = set(predicted(row["text"], True))
        missed = [g for g in gold if not any(WAYS["overlap"](g, p) for p in pred)]
        wrong = [p for p in pred if not any(WAYS["overlap"](p, g) for g in gold)]
        if missed or wrong:
            text = row["text"]
            print(f"- {text}")
            for label, s, e in missed:
                print(f"    missed {label} {text[s:e]!r}")
            for label, s, e in wrong:
                print(f"    extra  {label} {text[s:e]!r}")
            shown += 1
            if shown >= limit:
                return


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


def entries(rows: list[dict], words: int = 250) -> list[str]:
    """Test sentences joined into diary-length entries of about ``words`` words."""
    out, current = [], []
    for row in rows:
        current.append(row["text"])
        if sum(len(t.split()) for t in current) >= words:
            out.append(" ".join(current))
            current = []
    return out


# Diary prose written for this bench (no real people): the speed on text like a journal's, where most
# sentences hold no name. Tweets joined into entries are the harder case: capitals everywhere.
DIARY = [
    "Woke up at six again, before the alarm. I lay there for a while listening to the rain and trying not to "
    "make a list in my head. It did not work. Made coffee, fed the cat, and sat by the window with the notebook. "
    "Work was heavy today. The report is due on Friday and I still have not heard back about the figures. I "
    "noticed my shoulders creeping up every time an email came in. At lunch I walked around the block twice, "
    "which helped more than I expected. Faina called in the afternoon to ask about the weekend; she is flying "
    "to Lisbon on Thursday and wants me to water her plants. I said yes before I thought about it, which is a "
    "pattern I keep noticing. It is fine, I like her flat and the walk there is nice. In the evening I cooked "
    "the lentil soup from last week, watched half a film and fell asleep on the sofa. Mum texted to remind me "
    "about Sunday. I felt guilty for not answering straight away, then I answered, and the guilt went. Three "
    "things that went well: the walk, the soup, and that I asked Dan for help with the spreadsheet instead of "
    "struggling alone for an hour. Something to try tomorrow: one thing at a time, and a real lunch break. I am "
    "tired but calmer than this morning. The rain has stopped. I want to go to bed before eleven and read a few "
    "pages instead of scrolling. Grateful for warm socks and a quiet street.",
    "Hard day. I could not get going and everything felt like wading through mud. I kept thinking about the "
    "conversation with my manager and replaying what I should have said. By ten I had done nothing and felt "
    "worse for it. Then I remembered the thing from the worksheet about doing the smallest possible step, so I "
    "opened the document and wrote one sentence. Then another. By lunch I had a page, and it was not bad. Had "
    "coffee with Aoife and Siobhán at the place near the station; they are planning a trip back home to Cork "
    "in the summer and asked whether I want to come. I would love to, but money is tight after the car. We "
    "laughed a lot, which I needed. On the way home the bus was packed and I felt the old panic rising, the "
    "tight chest and the need to get off. I counted breaths and looked out of the window at the trees and it "
    "passed after two stops. I want to remember that it passed. Evening: a long bath, toast, an early night. "
    "My mood was a four this morning and maybe a six now. Sleep has been patchy all week; I will keep the phone "
    "out of the bedroom and see if it helps. Tomorrow I have the dentist at nine and then the afternoon free. "
    "I would like to use it for a walk by the river rather than catching up on work. Kind to myself, slowly.",
]


def speed_and_memory(rows: list[dict]) -> dict[str, float]:
    """ms per ~250-word entry for both detectors, load time, and RSS before/after loading and running."""
    from kit.safety import recogniser

    texts = entries(rows)
    before = _rss_mb()
    started = time.perf_counter()
    available = recogniser.entities("Warm up.") is not None
    load_s = time.perf_counter() - started
    figures = {
        "entries": len(texts),
        "words": statistics.mean(len(t.split()) for t in texts),
        "load_s": load_s,
    }
    for kind, sample in (("tweets", texts), ("diary", DIARY * 10)):
        for name, flag in (("rules", False), ("recogniser", True)):
            times = []
            for text in sample:
                t0 = time.perf_counter()
                find_pii(text, recogniser=flag)
                times.append((time.perf_counter() - t0) * 1000)
            figures[f"{kind}_{name}_ms_median"] = statistics.median(times)
            figures[f"{kind}_{name}_ms_p95"] = sorted(times)[int(0.95 * (len(times) - 1))]
    figures["rss_before_mb"], figures["rss_after_mb"] = before, _rss_mb()
    diary_words = statistics.mean(len(t.split()) for t in DIARY)
    print(
        f"\nspeed, ms per entry (first load {load_s:.2f} s"
        + (")" if available else "; UNAVAILABLE: rules only)")
    )
    for kind, label in (
        ("tweets", f"{len(texts)} test entries of ~{figures['words']:.0f} words (tweets joined)"),
        ("diary", f"{len(DIARY)} diary entries of ~{diary_words:.0f} words, 10 times each"),
    ):
        print(
            f"  {label}: rules only {figures[f'{kind}_rules_ms_median']:.2f} median; rules + recogniser "
            f"{figures[f'{kind}_recogniser_ms_median']:.1f} median, {figures[f'{kind}_recogniser_ms_p95']:.1f} p95"
        )
    print(
        f"memory: RSS {before:.0f} MB before loading, {figures['rss_after_mb']:.0f} MB after loading and running "
        f"(+{figures['rss_after_mb'] - before:.0f} MB)"
    )
    return figures


def main(argv: list[str] | None = None) -> dict:
    from kit.safety.pii import recogniser_status

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N dev sentences with mistakes")
    parser.add_argument(
        "--dev", action="store_true", help="dev only, no speed (while adjusting: test sets stay unseen)"
    )
    args = parser.parse_args(argv)
    print(recogniser_status())
    dev = load("dev")
    results: dict = {}
    if not args.dev:
        # Speed first, so the RSS before loading is the kit without spaCy.
        results["speed"] = speed_and_memory(load("test"))
    results["dev"] = report("dev (BTC)", dev)
    if not args.dev:
        results["test"] = report("test (BTC)", load("test"))
        results["wnut17"] = report("second test (WNUT-17)", load("wnut17-test"))
        results["gum"] = report("third test (GUM interviews, Wikinews)", load("gum-interview"))
        results["written"] = report("written journal entries (this project, never tuned on)", load("written"))
        results["templated"] = report(
            "names and places of fifteen locales in journal sentences (this project's frames, Faker's names)",
            load("templated"),
        )
    if args.errors:
        print(f"\ndev mistakes (rules + recogniser), up to {args.errors}:")
        errors(dev, args.errors)
    return results


__all__ = ["Span", "main"]

if __name__ == "__main__":
    main()
