"""The journal as a langchain-core retriever, for people's own LangChain code.

It runs the search ``reflect search`` runs (kit.index.search: meaning and words fused, the recorded mood for good or
bad days) after reading the dates in the query the way the command does (kit.when: "in March", "last week";
explicit ``since``/``until`` win). Private and forgotten entries are never in the index, so no retriever can
return them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field, PrivateAttr

from kit.errors import ConfigError
from kit.index.search import SearchHit, search
from kit.index.store import Index
from kit.when import understand

DEFAULT_K = 5


class JournalRetriever(BaseRetriever):
    """Entries of a journal about a query, best first, as langchain ``Document``s.

    ``page_content`` is the entry's text. ``metadata``: ``id`` (the entry id, also ``Document.id``), ``date``
    (ISO day), ``created`` (ISO date-time), ``notebook`` (relative to the journal), ``cell_id``, ``template``,
    ``field``, ``mood`` (only when one was recorded), ``score`` (closeness in meaning, for code; the kit never
    shows it to a person as a judgement) and ``matched_words`` (the query's rare words are in the entry).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    k: int = DEFAULT_K
    since: date | datetime | str | None = None
    until: date | datetime | str | None = None
    template: str | None = None
    journal: Path | str | None = None
    today: date | datetime | str | None = None  # the day "last week" counts from (default: the real today)
    refresh: bool = True  # bring the index up to date with the notebooks before each search
    embedder: Embeddings | None = Field(default=None, exclude=True)
    index: Any = Field(default=None, exclude=True)
    _opened: Any = PrivateAttr(default=None)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        k = kwargs.get("k", self.k)
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise ConfigError(f"k={k!r} must be a whole number of at least 1")
        asked = understand(query, self.today, since=self.since, until=self.until)
        index = self.index if self.index is not None else self._open()
        if self.refresh:
            index.update(progress=False)
        # Only dates ("last week"), or dates and question words: the period's entries, newest first.
        text = asked.query if asked.words else query
        hits = search(text, k=k, since=asked.since, until=asked.until, template=self.template, index=index)
        return [to_document(hit) for hit in hits]

    def _open(self) -> Index:
        if self._opened is None:  # opened on first use, so that building a retriever costs nothing
            self._opened = Index(journal=self.journal, embedder=self.embedder)
        return self._opened


def to_document(hit: SearchHit) -> Document:
    """A search hit as a langchain Document (see JournalRetriever for its metadata)."""
    metadata: dict[str, Any] = {
        "id": hit.id,
        "date": hit.created.date().isoformat(),
        "created": hit.created.isoformat(timespec="seconds"),
        "notebook": hit.notebook,
        "cell_id": hit.cell_id,
        "template": hit.template,
        "field": hit.field,
        "score": hit.score,
        "matched_words": hit.matched_words,
    }
    if hit.mood is not None:
        metadata["mood"] = hit.mood
    return Document(page_content=hit.text, metadata=metadata, id=hit.id)


def retriever(
    k: int = DEFAULT_K,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    template: str | None = None,
    journal: Path | str | None = None,
    **kwargs: Any,
) -> JournalRetriever:
    """A langchain-core retriever over the journal: ``kit.retriever(k=3).invoke("my sister in March")``.

    The same search as ``reflect search``; dates in the query are understood ("last week"), and ``since``/
    ``until`` (inclusive, ``YYYY-MM-DD``, dates or datetimes) win over them. Other keywords: ``today``,
    ``refresh``, ``embedder``, ``index``."""
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise ConfigError(f"k={k!r} must be a whole number of at least 1")
    return JournalRetriever(k=k, since=since, until=until, template=template, journal=journal, **kwargs)


__all__ = ["JournalRetriever", "retriever", "to_document"]
