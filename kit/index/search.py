"""Search a journal's index by meaning and by word, with date and worksheet filters and the recorded mood.

Two rankings are merged by reciprocal rank fusion: the vectors' (closeness in meaning) and the word index's (FTS5
bm25 over the entries' exact words, kit.index.lexical). The word ranking speaks only for the query's words the
embedder is weak on (a name, a word its vocabulary splits into pieces, a number), so a name or a rare word ranks its
entries first even when the embedder has no sense of it, while an entry that merely shares a word the embedder
knows ("baby", "dose") is never lifted above one closer in meaning. A query about good or bad days also uses the
mood recorded with the entries (kit.index.mood).
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.dates import Period, as_datetime
from kit.errors import ConfigError
from kit.index.lexical import WordsUnavailable
from kit.index.mood import fits, mood_direction, note
from kit.index.store import Index
from kit.text import names_no_topic
from kit.when import describe

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

log = logging.getLogger("kit")

# Reciprocal rank fusion: an entry's fused score is the sum over the rankings of 1 / (RRF_K + its rank there).
# 60 is the constant of Cormack et al. (2009), used by most hybrid search engines: large enough that no single
# ranking's first place outweighs agreement between rankings, small enough that the top places still count.
RRF_K = 60
# How many entries each ranking contributes before fusion (at least k).
CANDIDATES = 50


@dataclass(frozen=True)
class SearchHit:
    """One entry found by a search. ``notebook`` is relative to the journal; ``path`` is absolute."""

    id: str
    text: str
    score: float
    created: datetime
    notebook: str
    path: str
    cell_id: str
    template: str
    field: str
    mood: float | None = None
    used_mood: bool = False  # the query was about good or bad days and this entry's recorded mood was used
    # The word index found the query's telling words in this entry (a name, a rare word): it is about the query
    # even when its ``score`` (closeness in meaning) is low.
    matched_words: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created"] = self.created.isoformat(timespec="seconds")
        return data


class SearchResults(list[SearchHit]):
    """The hits, best first, and ``note``: a line to show with them ("Used your recorded mood: …"), or "".

    ``listing`` is True when the query named no topic ("what did I write?"): the hits are then the newest entries
    inside the filters, not entries chosen by meaning, and every one of them answers the query."""

    def __init__(self, hits: list[SearchHit] | None = None, note: str = "", listing: bool = False) -> None:
        super().__init__(hits or [])
        self.note = note
        self.listing = listing


def snippet(text: str, width: int) -> str:
    """The text on one line; longer than ``width`` characters, it is cut and ends with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 3] + "…"


def _where(since: datetime | None, until: datetime | None, template: str | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if since is not None:
        clauses.append({"created_ts": {"$gte": int(since.timestamp())}})
    if until is not None:
        clauses.append({"created_ts": {"$lte": int(until.timestamp())}})
    if template:
        clauses.append({"template": {"$eq": template}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def search(
    query: str,
    k: int = 5,
    since: date | datetime | str | None = None,
    template: str | None = None,
    *,
    until: date | datetime | str | None = None,
    journal: Path | str | None = None,
    embedder: Embeddings | None = None,
    index: Any = None,
    words: bool = True,
    mood: bool = True,
) -> SearchResults:
    """Entries about ``query``, best first; ``since``/``until`` are inclusive dates.

    The ranking fuses closeness in meaning with the entries' exact words (``words=False``: meaning only) and, for
    a query about good or bad days, the recorded mood (``mood=False``: never). ``score`` stays the cosine
    similarity to the query, so a word match may rank above an entry closer in meaning (``matched_words`` says
    so). A query of only question words ("what did I write?", kit.text.FILLER_WORDS) names no topic: the hits
    are then the newest entries inside the filters, newest first (``listing``, and a ``note`` saying so); an empty
    query does the same when a period or a worksheet is given.
    """
    if not isinstance(query, str) or not (query.strip() or since or until or template):
        raise ConfigError("the search query is empty — type a few words about what you are looking for")
    if not isinstance(k, int) or k < 1:
        raise ConfigError(f"k={k!r} must be a whole number of at least 1")
    index = index or Index(journal=journal, embedder=embedder)
    # The process's one handle to the collection; it is not counted first (a query for more entries than it
    # holds returns them all, and an empty one returns none).
    collection = index.collection()
    start, end = as_datetime(since), as_datetime(until, end_of_day=True)
    where = _where(start, end, template)
    if names_no_topic(query):
        return _newest(index, collection, query, k, where, start, end)
    direction = mood_direction(query) if mood else None
    vector = _embed_query(index, query.strip())
    if not words and direction is None:  # meaning only: the k nearest, as they are
        rows = _nearest(index, collection, vector, k, where, ["documents", "metadatas"])
        return SearchResults(
            [_hit(index, i, text, meta, sim, False, False) for i, (text, meta, sim) in rows.items()]
        )

    # Each ranking is (id, key) pairs, best first, lower key better; equal keys share a rank. Only distances are
    # fetched for the candidates: texts and metadata are read for the few entries that are returned.
    near = _nearest(index, collection, vector, max(k, CANDIDATES), where, [])
    similarity = {i: sim for i, (_, _, sim) in near.items()}
    rankings = [[(i, -sim) for i, sim in similarity.items()]]
    worded: set[str] = set()
    if words:
        rankings.append(_word_ranking(index, query, max(k, CANDIDATES), start, end, template))
        worded = {i for i, _ in rankings[-1]}
    candidates = list(dict.fromkeys(i for ranking in rankings for i, _ in ranking))
    used = False
    if direction is not None:
        metas = _records(index, collection, candidates, ["metadatas"], start, end, template)
        candidates = list(metas)  # only entries the store holds, inside the filters
        rated = {i: row[1]["mood"] for i, row in metas.items() if row[1].get("mood") is not None}
        if rated:
            used = True
            candidates = [i for i in candidates if i not in rated or fits(direction, rated[i])]
            sign = -1.0 if direction == "good" else 1.0
            rankings.append(
                sorted(((i, sign * m) for i, m in rated.items() if fits(direction, m)), key=lambda p: p[1])
            )
    order = _fuse(rankings, candidates, similarity)
    hits: list[SearchHit] = []
    # Word matches come from the word index; only those the vector store holds (inside the filters) are returned,
    # so a stale word file can never bring back a private or forgotten entry.
    for at in range(0, len(order), k):
        batch = order[at : at + k]
        include = ["documents", "metadatas"] + (
            ["embeddings"] if any(i not in similarity for i in batch) else []
        )
        rows = _records(index, collection, batch, include, start, end, template)
        for entry_id in batch:
            if entry_id in rows and len(hits) < k:
                text, meta, embedding = rows[entry_id]
                sim = similarity[entry_id] if entry_id in similarity else _cosine(vector, embedding)
                hits.append(_hit(index, entry_id, text, meta, sim, used, entry_id in worded))
        if len(hits) >= k:
            break
    return SearchResults(hits, note(direction) if used else "")


def _nearest(
    index: Any, collection: Any, vector: list[float], n: int, where: dict[str, Any] | None, include: list[str]
) -> dict[str, tuple[str, dict[str, Any], float]]:
    """The n entries nearest in meaning: id -> (text, metadata, cosine similarity), nearest first."""
    with _at_store(index):  # the store's own failure, at its boundary: one line
        result = collection.query(
            query_embeddings=[vector], n_results=n, where=where, include=[*include, "distances"]
        )
    ids = result["ids"][0]
    texts = (result.get("documents") or [None])[0] or [""] * len(ids)
    metas = (result.get("metadatas") or [None])[0] or [{}] * len(ids)
    return {
        i: (text or "", meta or {}, 1.0 - float(d))
        for i, text, meta, d in zip(ids, texts, metas, result["distances"][0], strict=True)
    }


@contextmanager
def _at_store(index: Any) -> Iterator[None]:
    """A store failure inside becomes its typed error: a server that stopped answering, else a damaged index.
    Chroma's errors and httpx's are told apart without importing either (an exception of theirs means its module
    is loaded): a cold search reads the store without importing chromadb (kit.index.reader)."""
    try:
        yield
    except Exception as exc:
        if not any(
            (loaded := sys.modules.get(module)) is not None and isinstance(exc, getattr(loaded, name))
            for module, name in (("chromadb.errors", "ChromaError"), ("httpx", "TransportError"))
        ):
            raise
        failure = getattr(index, "_failure", None)  # an index object of the caller's own may not have it
        raise (failure(exc) if failure is not None else index.damaged(exc)) from exc


def _records(
    index: Any,
    collection: Any,
    ids: list[str],
    include: list[str],
    start: datetime | None,
    end: datetime | None,
    template: str | None,
) -> dict[str, tuple[str, dict[str, Any], Any]]:
    """id -> (text, metadata, embedding) of those ``ids`` the store holds and the filters let through."""
    if not ids:
        return {}
    wanted = include if "metadatas" in include else [*include, "metadatas"]
    with _at_store(index):
        got = collection.get(ids=ids, include=wanted)
    n = len(got["ids"])
    texts = got.get("documents") or [""] * n
    embeddings = got.get("embeddings")
    if embeddings is None:
        embeddings = [None] * n
    lo = int(start.timestamp()) if start else None
    hi = int(end.timestamp()) if end else None
    rows = {}
    for entry_id, text, meta, embedding in zip(got["ids"], texts, got["metadatas"], embeddings, strict=True):
        meta = meta or {}
        ts = meta.get("created_ts", 0)
        if (
            (lo is not None and ts < lo)
            or (hi is not None and ts > hi)
            or (template and meta.get("template") != template)
        ):
            continue
        rows[entry_id] = (text or "", meta, embedding)
    return rows


def _fuse(
    rankings: list[list[tuple[str, float]]], candidates: list[str], similarity: dict[str, float]
) -> list[str]:
    """Reciprocal rank fusion of the rankings over ``candidates``. Entries with equal keys share a rank (two
    entries with the same words are equally good word matches); ties in the fused score go to the entry closer in
    meaning (a word match outside the meaning ranking is farther than all of it), then to the id, so the order
    never depends on chance."""
    fused: dict[str, float] = dict.fromkeys(candidates, 0.0)
    for ranking in rankings:
        rank, previous = 0, None
        for position, (entry_id, key) in enumerate(ranking, 1):
            if key != previous:
                rank, previous = position, key
            if entry_id in fused:
                fused[entry_id] += 1.0 / (RRF_K + rank)
    return sorted(fused, key=lambda i: (-fused[i], -similarity.get(i, -2.0), i))


def _word_ranking(
    index: Any, query: str, n: int, start: datetime | None, end: datetime | None, template: str | None
) -> list[tuple[str, float]]:
    """Entry ids by bm25, of the entries with the query's words the embedder is weak on; [] (meaning only) when
    there are none or the word index is unusable."""
    if getattr(index, "words", None) is None:  # an index object of the caller's own, without a word index
        return []
    try:
        ranked = index.words.ranked(
            query,
            n,
            since_ts=int(start.timestamp()) if start else None,
            until_ts=int(end.timestamp()) if end else None,
            template=template,
        )
    except WordsUnavailable as exc:
        log.warning(
            "the word index of %s cannot be read (%s), so this search ranks by meaning only — run "
            "`reflect index` to make it again",
            index.journal,
            exc,
        )
        return []
    return ranked


def _embed_query(index: Any, text: str) -> list[float]:
    """The query's vector: by the Index's own ``embed_query`` (no langchain-core for the default embedder), or
    by the ``embedder`` of an index object of the caller's own."""
    embed = getattr(index, "embed_query", None)
    return embed(text) if embed is not None else index.embedder.embed_query(text)


def _cosine(a: list[float], b: Any) -> float:
    """Cosine similarity, as Chroma's cosine space computes it (1 - distance)."""
    dot = sum(x * float(y) for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(float(y) * float(y) for y in b))
    return dot / norm if norm else 0.0


def _newest(
    index: Any,
    collection: Any,
    query: str,
    k: int,
    where: dict[str, Any] | None,
    start: datetime | None,
    end: datetime | None,
) -> SearchResults:
    """The k newest entries inside the filters, newest first: the answer to a query that names no topic."""
    with _at_store(index):
        got = collection.get(where=where, include=["metadatas"])
    if not got["ids"] and collection.count() == 0:
        return SearchResults()
    stamps = sorted(
        zip(got["ids"], ((m or {}).get("created_ts", 0) for m in got["metadatas"]), strict=True),
        key=lambda p: (-p[1], p[0]),
    )
    newest = [i for i, _ in stamps[:k]]
    rows = _records(index, collection, newest, ["documents", "metadatas", "embeddings"], start, end, None)
    vector = _embed_query(index, query.strip()) if query.strip() and rows else None
    hits = []
    for entry_id in newest:
        if entry_id in rows:
            text, meta, embedding = rows[entry_id]
            sim = _cosine(vector, embedding) if vector is not None else 0.0
            hits.append(_hit(index, entry_id, text, meta, sim, False, False))
    period = describe(Period(start, end))
    said = f"“{query.strip()}” names no topic" if query.strip() else "No topic was named"
    scope = f"so these are {period}, newest first" if period else "so these are your newest entries"
    return SearchResults(hits, f"{said}, {scope}.", listing=True)


def _hit(
    index: Any,
    entry_id: str,
    text: str,
    meta: dict[str, Any],
    similarity: float,
    used: bool,
    matched_words: bool,
) -> SearchHit:
    return SearchHit(
        id=entry_id,
        text=text,
        score=round(similarity, 4),
        created=datetime.fromisoformat(meta["created"]),
        notebook=meta["notebook"],
        path=str(index.journal / meta["notebook"]),
        cell_id=meta["cell_id"],
        template=meta["template"],
        field=meta["field"],
        mood=meta.get("mood"),
        used_mood=used and meta.get("mood") is not None,
        matched_words=matched_words,
    )
