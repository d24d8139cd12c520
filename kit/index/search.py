"""Search a journal's index by meaning, with date and worksheet filters."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from kit.dates import as_datetime
from kit.errors import ConfigError
from kit.index.store import Index


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

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created"] = self.created.isoformat(timespec="seconds")
        return data


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
) -> list[SearchHit]:
    """Entries closest in meaning to ``query``, best first; ``since``/``until`` are inclusive dates."""
    if not isinstance(query, str) or not query.strip():
        raise ConfigError("the search query is empty — type a few words about what you are looking for")
    if not isinstance(k, int) or k < 1:
        raise ConfigError(f"k={k!r} must be a whole number of at least 1")
    index = index or Index(journal=journal, embedder=embedder)
    collection = index.collection()
    total = collection.count()
    if total == 0:
        return []
    vector = index.embedder.embed_query(query.strip())
    from chromadb.errors import ChromaError

    try:
        result = collection.query(
            query_embeddings=[vector],
            n_results=min(k, total),
            where=_where(as_datetime(since), as_datetime(until, end_of_day=True), template),
            include=["documents", "metadatas", "distances"],
        )
    except ChromaError as exc:  # the store's own failure, at its boundary: one line naming the rebuild
        raise index.damaged(exc) from exc
    hits = []
    for entry_id, text, meta, distance in zip(
        result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True
    ):
        hits.append(
            SearchHit(
                id=entry_id,
                text=text or "",
                score=round(1.0 - float(distance), 4),
                created=datetime.fromisoformat(meta["created"]),
                notebook=meta["notebook"],
                path=str(index.journal / meta["notebook"]),
                cell_id=meta["cell_id"],
                template=meta["template"],
                field=meta["field"],
                mood=meta.get("mood"),
            )
        )
    return hits
