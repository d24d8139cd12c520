"""Model and digest benchmark: kit figures against raw llama-cpp-python, measured in the same run.

    python bench/model_bench.py [--n 2000] [--runs 3]

Targets (issue #9): kit tokens/s >= 90 % of raw llama-cpp-python on the same prompt and parameters; time to
first token <= 1.5 s; digest of 2,000 entries <= 2 s with vectors from the index; peak RSS reported.
Quality on a fixture journal written for this benchmark (five known topics): theme recall, invented names or
places per answer (target 0), share of sampled questions that pass the filters, and the time to write the
questions for the demo's ~30-entry digest.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PROMPT = [
    ("system", "You are a careful journaling companion. You ask short, open questions."),
    ("user", "Write three sentences about why people keep journals, then ask one open question."),
]
MAX_TOKENS = 96

# Five topics, six entries each, written for this benchmark; the digest should find each as one theme.
FIXTURE = {
    "allotment": [
        "Spent the morning at the allotment digging the potato rows before it rained.",
        "The allotment runner beans are climbing the canes at last, watered them twice.",
        "Pulled weeds at the allotment for hours, my knees ache but the onions look strong.",
        "Pigeons stripped the allotment cabbages again, need better netting over the rows.",
        "Harvested the first allotment potatoes and beans, carried them home in a sack.",
        "Quiet evening at the allotment, watered the onions and watched the sun go down.",
    ],
    "insomnia": [
        "Awake at 3am again, mind racing, stared at the ceiling until the alarm.",
        "Couldn't fall asleep, scrolled my phone in bed for two hours and regretted it.",
        "Slept badly, woke every hour, the bedroom felt too hot all night.",
        "Tried no screens before bed and actually slept until six, first time in weeks.",
        "Another restless night, dreams about missing the train, woke exhausted.",
        "Lay awake listening to the rain, counting hours until I had to get up.",
    ],
    "sister": [
        "Long call with my sister about our dad's birthday plans, we finally agreed.",
        "My sister cancelled lunch again and I felt hurt but said nothing.",
        "Argued with my sister over text about who visits mum this weekend.",
        "My sister sent photos of her kids and I felt a rush of missing her.",
        "Made up with my sister after the argument, she apologised first.",
        "Helped my sister move flats, carried boxes all day and laughed a lot.",
    ],
    "deadline": [
        "The quarterly report deadline moved up and my manager wants drafts by Friday.",
        "Stayed late finishing the report slides, the deadline pressure is constant.",
        "Manager criticised my report draft in the meeting, felt my face burn.",
        "Missed the deadline by a day, apologised to the team, nobody seemed angry.",
        "Submitted the report at last, relief mixed with worry about the feedback.",
        "Another deadline on the horizon, my inbox is full of report requests.",
    ],
    "swimming": [
        "Swam twenty lengths at the pool before work, felt calm all morning.",
        "The pool was crowded, swam slowly in the lane and still enjoyed it.",
        "First swim in a month, lungs burning after ten lengths but proud.",
        "Early swim at the pool, the water cold, my shoulders loosened up.",
        "Swam with my friend at the lido, we raced the last length and laughed.",
        "Skipped the pool today and missed the calm the swim usually gives me.",
    ],
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_tokens_per_s(runs: int) -> tuple[float, int]:
    from llama_cpp import Llama

    from kit.models.files import package_file
    from kit.models.llama import GGUF_FILE, EmbeddedChatModel

    m = EmbeddedChatModel()
    llama = Llama(
        model_path=str(package_file(*GGUF_FILE)),
        n_ctx=m.n_ctx,
        n_threads=m.n_threads,
        seed=m.seed,
        verbose=False,
    )
    messages = [{"role": r, "content": c} for r, c in PROMPT]
    rates, tokens = [], 0
    for _ in range(runs):
        llama.reset()
        start = time.perf_counter()
        out = llama.create_chat_completion(
            messages=messages,
            max_tokens=MAX_TOKENS,
            temperature=m.temperature,
            top_p=m.top_p,
            repeat_penalty=m.repeat_penalty,
            seed=m.seed,
        )
        elapsed = time.perf_counter() - start
        tokens = out["usage"]["completion_tokens"]
        rates.append(tokens / elapsed)
    llama.close()
    return statistics.median(rates), tokens


def kit_tokens_per_s(runs: int) -> tuple[float, float, int]:
    from langchain_core.messages import HumanMessage, SystemMessage

    from kit.models.llama import EmbeddedChatModel, _llama_cache

    model = EmbeddedChatModel(max_tokens=MAX_TOKENS)
    messages = [SystemMessage(PROMPT[0][1]), HumanMessage(PROMPT[1][1])]
    model.invoke(messages)  # load once, as a session would
    llama = next(iter(_llama_cache.values()))
    rates, firsts, tokens = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        first = None
        parts = []
        for chunk in model.stream(messages):
            if first is None:
                first = time.perf_counter() - start
            parts.append(str(chunk.content))
        elapsed = time.perf_counter() - start
        tokens = len(llama.tokenize("".join(parts).encode("utf-8"), add_bos=False))
        rates.append(tokens / elapsed)
        firsts.append(first or elapsed)
    return statistics.median(rates), statistics.median(firsts), tokens


def cold_first_token() -> float:
    """Time to first token in a fresh process state: the model file is loaded by the first call."""
    from langchain_core.messages import HumanMessage

    from kit.models.llama import EmbeddedChatModel, _close_all

    _close_all()
    model = EmbeddedChatModel(max_tokens=8)
    start = time.perf_counter()
    for _ in model.stream([HumanMessage("Ask me one short question.")]):
        return time.perf_counter() - start
    return time.perf_counter() - start


def digest_time(n: int, root: Path) -> tuple[float, float, int]:
    from index_bench import synthetic_texts, write_journal

    from kit.index.store import Index
    from kit.models.embedders import get_embedder
    from kit.reflection.digest import digest

    journal = root / "digest-journal"
    write_journal(journal, synthetic_texts(n), per_notebook=50)
    index = Index(journal=journal, home=root / "home", embedder=get_embedder("embedded"))
    index.update(progress=False)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = digest(index=index)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), len(result.themes)


def quality(root: Path) -> dict[str, float]:
    from kit.index.store import Index
    from kit.journal.notebooks import append_entry
    from kit.models.embedders import get_embedder
    from kit.models.llama import EmbeddedChatModel
    from kit.reflection.digest import digest
    from kit.reflection.questions import _grammar, question_problems, question_samples

    journal = root / "fixture-journal"
    start = datetime(2026, 5, 4, 21, 0).astimezone()
    truth: dict[str, set[str]] = {}
    day = 0
    for round_ in range(6):
        for topic, texts in FIXTURE.items():
            e = append_entry(
                journal / "fixture.ipynb", texts[round_], created=start + timedelta(days=day), journal=journal
            )
            truth.setdefault(topic, set()).add(e.id)
            day += 1
    index = Index(journal=journal, home=root / "home", embedder=get_embedder("embedded"))
    index.update(progress=False)
    d = digest(index=index)
    # A topic is recalled when one theme holds most of its entries and little else.
    recalled = 0
    for ids in truth.values():
        best = max(d.themes, key=lambda t: len(ids & set(t.entry_ids)), default=None)
        if best and len(ids & set(best.entry_ids)) >= 4 and len(set(best.entry_ids) - ids) <= 2:
            recalled += 1
    model = EmbeddedChatModel()
    grammar = _grammar(model)
    texts = dict(
        zip(*[index.collection().get(include=["documents"])[k] for k in ("ids", "documents")], strict=True)
    )
    samples = passed = invented = 0
    for theme in d.themes:
        entry = texts[theme.quote.entry_id]
        for q in question_samples(model, entry, grammar, model.seed):
            problems = question_problems(q, entry, theme.label)
            samples += 1
            passed += not problems
            invented += any(p.startswith("names ") for p in problems)
    return {
        "themes": len(d.themes),
        "recall": recalled / len(truth),
        "samples": samples,
        "pass_share": passed / max(samples, 1),
        "invented_per_sample": invented / max(samples, 1),
    }


def demo_questions_time(root: Path) -> tuple[float, int, int]:
    from kit.demo import build_journal
    from kit.index.store import Index
    from kit.models.embedders import get_embedder
    from kit.reflection.reflect import summarize

    index = Index(journal=root / "demo-journal", home=root / "home", embedder=get_embedder("embedded"))
    build_journal(index.journal)
    index.update(progress=False)
    start = time.perf_counter()
    result = summarize(model="embedded", index=index, refresh=False)
    elapsed = time.perf_counter() - start
    shown_names = sum(1 for q in result.questions if q.source == "model")
    return elapsed, len(result.questions), shown_names


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="entries for the digest timing (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="generations per side, median reported")
    args = parser.parse_args()
    import os

    os.environ.setdefault("KIT_MODEL", "embedded")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["KIT_HOME"] = str(root / "home")
        cold = cold_first_token()
        print(f"time to first token, model not yet loaded:  {cold:.2f} s")
        raw, raw_tokens = raw_tokens_per_s(args.runs)
        kit, first, kit_tokens = kit_tokens_per_s(args.runs)
        print(f"raw llama-cpp-python:  {raw:.1f} tokens/s ({raw_tokens} tokens)")
        print(
            f"kit EmbeddedChatModel: {kit:.1f} tokens/s ({kit_tokens} tokens) = {100 * kit / raw:.1f} % of raw (target >= 90 %)"
        )
        print(f"time to first token, model loaded: {first:.3f} s (target <= 1.5 s)")
        median, best, themes = digest_time(args.n, root)
        print(
            f"digest of {args.n} entries (vectors from the index): median {median:.2f} s, best {best:.2f} s, {themes} themes (target <= 2 s)"
        )
        q = quality(root)
        print(
            f"fixture journal (5 topics x 6 entries): {q['themes']} themes, topic recall {100 * q['recall']:.0f} %, "
            f"{q['samples']} sampled questions, {100 * q['pass_share']:.0f} % pass the filters, "
            f"invented names/places per sample {q['invented_per_sample']:.2f} (all such samples are withheld; shown: 0)"
        )
        elapsed, n_questions, by_model = demo_questions_time(root)
        print(
            f"demo journal summary with questions: {elapsed:.1f} s for {n_questions} questions ({by_model} by the model, the rest from the bank)"
        )
        print(f"peak RSS: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
