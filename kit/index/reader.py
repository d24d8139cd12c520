"""Reading the embedded store through Chroma's own engine, without importing the chromadb package.

In a fresh process ``import chromadb`` took 0.87 s on the 2-core machine (its pydantic models, its async client,
its OpenTelemetry and gRPC exporters): most of a cold ``reflect search``, which only reads. The store itself is
read and written by a Rust extension that ships in the chromadb wheel, ``chromadb_rust_bindings``; the package's
local client is a Python layer over it and calls it for every operation. Imported on its own it takes 0.02 s. So a
process that only reads the embedded store reads it through that engine directly, with the same calls the local
client makes: the same files, the same engine, the same answers (tests/test_store_reader.py compares the two on
real stores).

Everything else takes chromadb's client as before: any write, a Chroma server, a store that is missing or not
marked by the kit yet, migrations this chromadb would apply, and an engine whose calls do not have the parameters
this module passes (checked against the extension's own signatures before first use). One engine per store per
process: ``kit.index.store`` drops the reader's engine when it opens the client for the same store, so two engines
never hold the same store's vectors, and after a write the process reads through the client that wrote.
"""

from __future__ import annotations

import json
import resource
import threading
from pathlib import Path
from typing import Any

import numpy as np

TENANT = "default_tenant"
DATABASE = "default_database"
# The parameters of each engine call, in the extension's own text signatures (chromadb 1.x): passed by name, so a
# call the engine no longer takes is found before use, not in the middle of a search.
_SIGNATURES = {
    "query": "($self, collection_id, ids, query_embeddings, n_results, where=..., where_document=None, "
    "include=..., tenant=..., database=...)",
    "get": "($self, collection_id, ids=None, where=..., limit=None, offset=0, where_document=None, include=..., "
    "tenant=..., database=...)",
    "count": "($self, collection_id, tenant=..., database=...)",
    "list_collections": "($self, limit=None, offset=0, tenant=..., database=...)",
}

# The one engine this process reads through: the store it reads, that store's identity (kit.index.store renews it
# when the store is made anew), the engine, and the collections read so far by name. Opening another store's
# engine lets go of this one, as chromadb's client keeps one system per process in the kit's use.
_open: dict[str, Any] = {}
_lock = threading.RLock()  # a notebook's widgets may search from several threads


class ReaderUnavailable(Exception):
    """This store or this chromadb cannot be read through the engine directly: use chromadb's client."""


def _engine(store: Path, identity: str) -> Any:
    if reading(store, identity):
        return _open["engine"]
    _open.clear()
    database = store / "chroma.sqlite3"
    if not database.is_file():
        raise ReaderUnavailable(f"{database} does not exist")  # the engine would create it
    try:
        import chromadb_rust_bindings as rust
    except ImportError as exc:
        raise ReaderUnavailable(str(exc)) from exc
    engine_type = getattr(rust, "Bindings", None)
    changed = [
        name
        for name, signature in _SIGNATURES.items()
        if getattr(getattr(engine_type, name, None), "__text_signature__", None) != signature
    ]
    if changed:
        raise ReaderUnavailable(f"the engine's calls changed: {', '.join(changed)}")
    try:
        config = rust.SqliteDBConfig(
            hash_type=rust.MigrationHash.MD5,  # chromadb's default (Settings.migrations_hash_algorithm)
            migration_mode=rust.MigrationMode.Validate,  # a reader never migrates: the client does that
            url=str(database),
        )
        engine = rust.Bindings(
            allow_reset=False,
            sqlite_db_config=config,
            persist_path=str(store),
            # As chromadb's local client sizes it: each vector index keeps five files open.
            hnsw_cache_size=resource.getrlimit(resource.RLIMIT_NOFILE)[0] // 5,
        )
    except Exception as exc:  # unapplied migrations, a store this engine cannot open: the client decides
        raise ReaderUnavailable(f"{type(exc).__name__}: {exc}") from exc
    _open.update(store=str(store), identity=identity, engine=engine, readers={})
    return engine


def reading(store: Path, identity: str) -> bool:
    """Whether this process already reads ``store`` (as it is now) through the engine."""
    return _open.get("store") == str(store) and _open.get("identity") == identity


def drop(store: Path) -> None:
    """Let go of the engine that reads ``store`` and of its collections (before chromadb's client opens it)."""
    with _lock:
        if _open.get("store") == str(store):
            _open.clear()


def open_reader(store: Path, identity: str, name: str) -> StoreReader | None:
    """The reader of collection ``name`` in the embedded store (one per process), or None when the store has no
    such collection.

    Raises ReaderUnavailable when the engine cannot be used here (then chromadb's client reads the store)."""
    with _lock:
        engine = _engine(store, identity)
        readers = _open["readers"]
        if name not in readers:
            # Listed rather than asked for by name: the engine reports a missing collection with chromadb's own
            # error class, and importing that imports the whole package.
            found = engine.list_collections(limit=None, offset=0, tenant=TENANT, database=DATABASE)
            match = next((c for c in found if c.name == name), None)
            if match is None:
                return None  # not kept: an update in another process may make it
            readers[name] = StoreReader(engine, str(match.id), name, dict(match.metadata or {}))
        return readers[name]


class StoreReader:
    """A collection read through the engine: ``query``, ``get`` and ``count`` take and return what chromadb's
    ``Collection`` does for the arguments the kit passes, and ``metadata`` is the collection's."""

    def __init__(self, engine: Any, collection_id: str, name: str, metadata: dict[str, Any]) -> None:
        self._engine = engine
        self.id = collection_id
        self.name = name
        self.metadata = metadata

    def query(
        self,
        query_embeddings: list[list[float]],
        n_results: int = 10,
        where: dict[str, Any] | None = None,
        include: list[str] | None = None,
        ids: list[str] | None = None,
    ) -> dict[str, Any]:
        include = list(include if include is not None else ["metadatas", "documents", "distances"])
        got = self._engine.query(
            collection_id=self.id,
            ids=list(ids) if ids is not None else None,
            query_embeddings=[[float(x) for x in v] for v in query_embeddings],
            n_results=n_results,
            where=json.dumps(where) if where else None,
            where_document=None,
            include=include,
            tenant=TENANT,
            database=DATABASE,
        )
        return _result(got, include, query=True)

    def get(
        self,
        ids: list[str] | None = None,
        where: dict[str, Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        include: list[str] | None = None,
    ) -> dict[str, Any]:
        include = list(include if include is not None else ["metadatas", "documents"])
        got = self._engine.get(
            collection_id=self.id,
            ids=list(ids) if ids is not None else None,
            where=json.dumps(where) if where else None,
            limit=limit,
            offset=offset or 0,
            where_document=None,
            include=include,
            tenant=TENANT,
            database=DATABASE,
        )
        return _result(got, include, query=False)

    def count(self) -> int:
        return int(self._engine.count(collection_id=self.id, tenant=TENANT, database=DATABASE))


def _result(got: Any, include: list[str], query: bool) -> dict[str, Any]:
    """The engine's answer as chromadb's ``Collection`` returns it: the fields asked for, None for the others,
    and vectors as numpy arrays (one array for ``get``, one per query vector for ``query``)."""
    out: dict[str, Any] = {"included": include}
    for name in ("ids", "embeddings", "documents", "uris", "metadatas", "distances"):
        out[name] = getattr(got, name, None) if name in include or name == "ids" else None
    if out["embeddings"] is not None:
        out["embeddings"] = [np.array(e) for e in out["embeddings"]] if query else np.array(out["embeddings"])
    return out
