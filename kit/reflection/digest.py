"""A digest of a period or a query, computed from the person's own entries — no model involved.

Themes come from clustering the entries' vectors already in the index (Ward linkage, k chosen by cosine
silhouette), labelled with key phrases taken from those entries (class-based TF-IDF), each with its dates,
its entry count and one sentence quoted verbatim with its date. Same entries in, same digest out.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from kit.dates import as_datetime
from kit.index.search import _where, search
from kit.index.store import Index
from kit.text import STOP_WORDS, names_no_topic, plural, sentences

QUERY_MIN_SCORE = 0.15  # cosine; below this an entry is not about the query at all
QUERY_RELATIVE = 0.5  # ...and it must be within this share of the best match
_TOKEN = re.compile(r"[a-z][a-z'’-]*")


_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_THEME_WORDS = 2  # fewer words than this (a rating, a number) and an entry joins no theme


@dataclass(frozen=True)
class Quote:
    text: str
    created: str
    entry_id: str
    notebook: str


@dataclass(frozen=True)
class Theme:
    label: str
    phrases: list[str]
    count: int
    first: str
    last: str
    dates: list[str]
    entry_ids: list[str]
    quote: Quote


@dataclass(frozen=True)
class MoodTrend:
    points: int
    mean: float | None
    first_week: float | None
    last_week: float | None
    direction: str  # "rising" | "falling" | "steady" | "not enough data"
    weekly: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Digest:
    """What a period of the journal holds, computed from the entries only."""

    entries: int
    since: str | None
    until: str | None
    query: str | None
    first: str | None
    last: str | None
    by_template: dict[str, int]
    mood: MoodTrend
    themes: list[Theme]
    other_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        lines = ["**Digest of your entries** — computed from what you wrote, no AI involved.", ""]
        if not self.entries:
            return "\n".join([*lines, "No entries in this period."])
        scope = f" about “{self.query}”" if self.query else ""
        lines.append(f"{plural(self.entries, 'entry', 'entries')}{scope} from {self.first} to {self.last}.")
        templates = ", ".join(f"{name}: {n}" for name, n in self.by_template.items())
        lines.append(f"By worksheet — {templates}.")
        if self.mood.mean is not None:
            lines.append(
                f"Mood (0–10) — average {self.mood.mean:.1f} over {plural(self.mood.points, 'entry', 'entries')}; "
                f"{self.mood.direction}"
                + (
                    f" (first week {self.mood.first_week:.1f}, last week {self.mood.last_week:.1f})."
                    if self.mood.first_week is not None and self.mood.last_week is not None
                    else "."
                )
            )
        lines.append("")
        for n, theme in enumerate(self.themes, 1):
            span = theme.first if theme.first == theme.last else f"{theme.first} – {theme.last}"
            lines.append(f"{n}. **{theme.label}** — {plural(theme.count, 'entry', 'entries')}, {span}")
            lines.append(f"   > “{theme.quote.text}” ({theme.quote.created})")
        if self.other_ids:
            others = len(self.other_ids)
            lines.append(
                f"\nAnd {plural(others, 'entry', 'entries')} that {'fits' if others == 1 else 'fit'} no theme."
            )
        return "\n".join(lines)


def empty_digest(since: datetime | None, until: datetime | None, query: str | None = None) -> Digest:
    """The digest of a period with no entries."""
    since_s = since.date().isoformat() if since else None
    until_s = until.date().isoformat() if until else None
    return Digest(0, since_s, until_s, query, None, None, {}, _mood([]), [], [])


def _day(iso: str) -> str:
    return iso[:10]


def _tokens(text: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(text.lower().replace("’", "'")):
        tok = tok.strip("'-")
        if tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok.replace("'", ""))
    return out


def _phrases(text: str) -> list[str]:
    """1–3-word phrases of content words, in order (each run of content words gives its words, then its pairs,
    then its triples)."""
    found: list[str] = []
    run: list[str] = []
    for tok in [*_tokens(text), ""]:
        if len(tok) > 2 and tok not in STOP_WORDS:
            run.append(tok)
        elif run:
            found += run
            found += [f"{a} {b}" for a, b in zip(run, run[1:], strict=False)]
            found += [f"{a} {b} {c}" for a, b, c in zip(run, run[1:], run[2:], strict=False)]
            run = []
    return found


def _length_weight(phrase: str, count: int) -> float:
    # A repeated longer phrase is a better label; among one-off phrases the short ones read better.
    words = phrase.count(" ") + 1
    return 1.15 ** (words - 1) if count >= 2 else 1.0 / words


def label_themes(groups: list[list[str]], top: int = 3) -> list[list[str]]:
    """Key phrases per group of texts by class-based TF-IDF; phrases come from the group's own texts."""
    counts = [Counter(p for text in texts for p in _phrases(text)) for texts in groups]
    forms = _surface_forms(groups)
    overall: Counter[str] = Counter()
    for c in counts:
        overall.update(c)
    avg_words = sum(sum(c.values()) for c in counts) / max(len(counts), 1)
    labels = []
    for c in counts:
        total = sum(c.values()) or 1
        # Phrases used at least twice come first; single uses fill in when a theme has too few.
        scored = sorted(
            (
                -(cnt >= 2),
                -(cnt / total) * math.log(1 + avg_words / overall[p]) * _length_weight(p, cnt),
                p,
            )
            for p, cnt in c.items()
        )
        chosen: list[str] = []
        for *_, phrase in scored:
            if any(phrase in c2 or c2 in phrase for c2 in chosen):
                continue
            chosen.append(phrase)
            if len(chosen) == top:
                break
        labels.append(chosen)
    cased = _case_index(forms)
    return [[_cased(p, cased) for p in chosen] for chosen in labels]


def _surface_forms(groups: list[list[str]]) -> Counter[str]:
    return Counter(
        w.strip("'’-")
        for texts in groups
        for text in texts
        for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    )


def _cased(phrase: str, forms: Counter[str] | dict[str, tuple[int, str]]) -> str:
    """Write each label word as the person mostly wrote it ("Lena", not "lena"; "run", not "Run"). ``forms``: the
    surface forms with their counts, or their index by lower case (``_case_index``, built once per digest)."""
    index = forms if not isinstance(forms, Counter) else _case_index(forms)
    return " ".join(index.get(word, (0, word))[1] for word in phrase.split())


def _case_index(forms: Counter[str]) -> dict[str, tuple[int, str]]:
    """Lower-cased word -> (count, form) of its most written form (ties: the later form in sort order)."""
    index: dict[str, tuple[int, str]] = {}
    for form, n in forms.items():
        key = form.lower()
        if (n, form) > index.get(key, (0, "")):
            index[key] = (n, form)
    return index


def cluster(vectors: Any, max_k: int = 12, sample: int = 800) -> list[int]:
    """Cluster labels 0..k-1: Ward linkage on normalised vectors, k by cosine silhouette (deterministic)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(vectors)
    if n < 6:
        return [0] * n
    x = np.asarray(vectors, dtype=np.float64)
    x = x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)
    # One matrix product gives both distances: for unit vectors |x - y|^2 = 2 - 2 x.y (Ward's Euclidean, handed to
    # linkage in condensed form, which spares scipy its own pairwise loop) and the cosine distance 1 - x.y.
    gram = x @ x.T
    scored = np.arange(n) if n <= sample else np.linspace(0, n - 1, sample).astype(int)
    dist = 1.0 - gram[np.ix_(scored, scored)]
    euclid = np.sqrt(np.clip(np.subtract(2.0, 2.0 * gram, out=gram), 0.0, None, out=gram), out=gram)
    np.fill_diagonal(euclid, 0.0)
    tree = linkage(squareform(euclid, checks=False), method="ward")
    del gram, euclid
    best_score, best_labels = -1.0, np.zeros(n, dtype=int)
    for k in range(2, min(max_k, n // 3) + 1):
        labels = fcluster(tree, k, criterion="maxclust") - 1
        score = _silhouette(dist, labels[scored])
        if score > best_score + 1e-9:
            best_score, best_labels = score, labels
    # Number clusters by first appearance so the output order is stable.
    order: dict[int, int] = {}
    return [order.setdefault(int(c), len(order)) for c in best_labels]


def _silhouette(dist: Any, labels: Any) -> float:
    """Mean silhouette of a labelling under a distance matrix, in whole-array steps (a point alone in its cluster
    scores 0). One matrix product gives each point's summed distance to every cluster."""
    uniq, idx = np.unique(labels, return_inverse=True)
    if len(uniq) < 2:
        return -1.0
    n = len(idx)
    sizes = np.bincount(idx).astype(np.float64)
    member = np.zeros((n, len(uniq)))
    member[np.arange(n), idx] = 1.0
    sums = dist @ member  # (n, k): summed distance from each point to each cluster
    own = sizes[idx]
    a = sums[np.arange(n), idx] / np.maximum(own - 1, 1)
    mean_to = sums / sizes
    mean_to[np.arange(n), idx] = np.inf
    b = mean_to.min(axis=1)
    scores = np.where(own > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(scores.mean())


def _quote(ids: list[str], docs: list[str], metas: list[dict], vecs: Any, phrases: list[str]) -> Quote:
    """A verbatim sentence (≥ 5 words) from the entry nearest the theme's centre, the one with most key words."""
    x = np.asarray(vecs, dtype=np.float64)
    centre = x.mean(axis=0)
    ranked = sorted(range(len(ids)), key=lambda i: (-float(x[i] @ centre), ids[i]))
    keywords = {w for p in phrases for w in p.split()}
    i = ranked[0]  # indexed entries are never empty, so the nearest one always has a sentence to quote
    candidates = [s for s in sentences(docs[i]) if len(s.split()) >= 5] or [docs[i].strip()]
    best = max(candidates, key=lambda s: (len(keywords & set(_tokens(s))), -candidates.index(s)))
    return Quote(text=best, created=_day(metas[i]["created"]), entry_id=ids[i], notebook=metas[i]["notebook"])


def _mood(metas: list[dict]) -> MoodTrend:
    points = [(m["created"], float(m["mood"])) for m in metas if m.get("mood") is not None]
    if not points:
        return MoodTrend(0, None, None, None, "not enough data")
    weekly_values: dict[str, list[float]] = {}
    for created, mood in sorted(points):
        year, week, _ = date.fromisoformat(_day(created)).isocalendar()
        weekly_values.setdefault(f"{year}-W{week:02d}", []).append(mood)
    weekly = {w: round(sum(v) / len(v), 2) for w, v in weekly_values.items()}
    mean = round(sum(m for _, m in points) / len(points), 2)
    values = list(weekly.values())
    if len(values) < 2:
        return MoodTrend(len(points), mean, values[0], values[0], "not enough data", weekly)
    xs = list(range(len(values)))
    xbar, ybar = sum(xs) / len(xs), sum(values) / len(values)
    slope = sum((x - xbar) * (y - ybar) for x, y in zip(xs, values, strict=True)) / sum(
        (x - xbar) ** 2 for x in xs
    )
    direction = "rising" if slope > 0.15 else "falling" if slope < -0.15 else "steady"
    return MoodTrend(len(points), mean, values[0], values[-1], direction, weekly)


def digest(
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    query: str | None = None,
    template: str | None = None,
    *,
    journal: Path | str | None = None,
    index: Any = None,
    query_k: int = 40,
) -> Digest:
    """Digest of the indexed entries in a period (and/or about a query, and/or from one worksheet)."""
    index = index or Index(journal=journal)
    collection = index.collection()
    start, end = as_datetime(since), as_datetime(until, end_of_day=True)
    where = _where(start, end, template)
    ids_filter = None
    if query and names_no_topic(query):
        query = None  # "what did I write?" is about everything in the period
    if query:
        hits = search(query, k=query_k, since=start, until=end, template=template, index=index)
        # Keep the entries that are about the query: close to the best match in meaning (the best score, which
        # need not be the first hit's: a word match can rank first), and every entry the word index matched.
        best = max((h.score for h in hits), default=0.0)
        ids_filter = [
            h.id for h in hits if h.score >= max(QUERY_MIN_SCORE, best * QUERY_RELATIVE) or h.matched_words
        ]
    if ids_filter is not None and not ids_filter:
        got = {"ids": [], "documents": [], "metadatas": [], "embeddings": []}
    else:
        got = collection.get(
            ids=ids_filter,
            where=where if ids_filter is None else None,
            include=["documents", "metadatas", "embeddings"],
        )
    rows = sorted(
        zip(got["ids"], got["documents"], got["metadatas"], list(got["embeddings"]), strict=True),
        key=lambda r: (r[2]["created_ts"], r[0]),
    )
    if not rows:
        return empty_digest(start, end, query)
    since_s = start.date().isoformat() if start else None
    until_s = end.date().isoformat() if end else None
    ids = [r[0] for r in rows]
    docs = [r[1] or "" for r in rows]
    metas = [r[2] for r in rows]
    vecs = [r[3] for r in rows]
    # A worksheet's ratings ("9", "6/10", "80") are entries too, but they have no words to make a theme of.
    worded = [i for i, doc in enumerate(docs) if len(_WORD.findall(doc)) >= MIN_THEME_WORDS]
    groups: dict[int, list[int]] = {}
    if worded:
        for i, c in zip(worded, cluster([vecs[i] for i in worded]), strict=True):
            groups.setdefault(c, []).append(i)
    min_size = 2 if len(worded) < 30 else 3
    kept = [members for members in groups.values() if len(members) >= min_size or len(groups) == 1]
    in_theme = {i for members in kept for i in members}
    other = sorted(ids[i] for i in range(len(ids)) if i not in in_theme)
    phrase_sets = label_themes([[docs[i] for i in members] for members in kept])
    themes = []
    for members, phrases in zip(kept, phrase_sets, strict=True):
        dates = sorted({_day(metas[i]["created"]) for i in members})
        themes.append(
            Theme(
                label=" · ".join(phrases) if phrases else "untitled",
                phrases=phrases,
                count=len(members),
                first=dates[0],
                last=dates[-1],
                dates=dates,
                entry_ids=[ids[i] for i in members],
                quote=_quote(
                    [ids[i] for i in members],
                    [docs[i] for i in members],
                    [metas[i] for i in members],
                    [vecs[i] for i in members],
                    phrases,
                ),
            )
        )
    themes.sort(key=lambda t: (-t.count, t.first, t.label))
    by_template = dict(sorted(Counter(m["template"] for m in metas).items(), key=lambda kv: (-kv[1], kv[0])))
    return Digest(
        entries=len(rows),
        since=since_s,
        until=until_s,
        query=query,
        first=_day(metas[0]["created"]),
        last=_day(metas[-1]["created"]),
        by_template=by_template,
        mood=_mood(metas),
        themes=themes,
        other_ids=other,
    )
