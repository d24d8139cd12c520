"""The Chroma index: a derived, rebuildable cache of a journal's entries and their vectors.

The notebooks are the truth. The index can be deleted at any time and rebuilt with ``reflect index
--rebuild``; re-indexing embeds only what is new or changed, reuses vectors by content hash (a moved
notebook costs no embeddings) and forgets what disappeared. Private entries are never indexed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from filelock import Timeout
from tqdm.auto import tqdm

from kit.config import lock, private_dir, settings
from kit.egress import telemetry_off
from kit.errors import EmbedderMismatch, EntryNotFound, IndexBusy, IndexDamaged, IndexMissing, JournalNotFound
from kit.imports import import_quickly
from kit.index import reader
from kit.index.forgotten import FILE as FORGOTTEN_FILE
from kit.index.forgotten import keep_out
from kit.index.freshness import Stamp
from kit.index.hnsw import vector_files_problem, zero_unused_vector_slots
from kit.index.lexical import WordIndex
from kit.index.reader import ReaderUnavailable, StoreReader, open_reader
from kit.index.server import ChromaServer, configured, connect, unavailable
from kit.journal.entries import Entry
from kit.journal.notebooks import relpath, scan_journal
from kit.journal.wal import pending_entries
from kit.models import minilm
from kit.text import SWITCH, looks_english, plural, suggestion

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

log = logging.getLogger("kit")

SCHEMA_VERSION = 1
EMBED_CHUNK = 256  # texts handed to the embedder per call (it batches further inside)
CHROMA_MAX_BATCH = 5000  # below Chroma's limit of 5,461 per call
READ_PAGE = 1000  # records read from Chroma per call when reading the whole collection
LOCK_TIMEOUT_S = 60

Counted = Callable[[int, int], None]  # progress(done, total) as entries are embedded


@dataclass
class IndexReport:
    """What one indexing run did, in numbers a person can check against their journal."""

    entries: int = 0
    notebooks: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0
    private_skipped: int = 0
    empty_skipped: int = 0
    embedded: int = 0
    reused: int = 0
    unreadable: list[str] = field(default_factory=list)
    rebuilt: bool = False
    not_english: int = 0  # of the entries embedded by this run, by an English-first embedder
    not_english_in_journal: int | None = None  # of all entries indexed; None when not counted
    why: dict[str, str] = field(default_factory=dict)  # unreadable notebook -> why, in a few words
    forgotten: int = 0  # entries still in a notebook that `reflect forget` keeps out

    def __str__(self) -> str:
        parts = [
            f"{self.new} new",
            f"{self.changed} changed",
            f"{self.removed} removed",
            f"{self.private_skipped} private skipped",
        ]
        if self.forgotten:
            parts.append(f"{self.forgotten} forgotten kept out")
        if self.unreadable:
            noun = "notebook" if len(self.unreadable) == 1 else "notebooks"
            named = ", ".join(f"{n} ({self.why[n]})" if self.why.get(n) else n for n in self.unreadable)
            parts.append(f"{len(self.unreadable)} {noun} unreadable: {named}")
        entries = "entry" if self.entries == 1 else "entries"
        notebooks = "notebook" if self.notebooks == 1 else "notebooks"
        return f"{self.entries} {entries} in {self.notebooks} {notebooks}: " + ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def language_note(self) -> str | None:
        """The suggestion to switch to the multilingual embedder, when many entries are not in English."""
        if self.not_english_in_journal is None:
            return None
        return suggestion(self.not_english_in_journal, self.entries)


def _not_english(entries: Iterable[Entry]) -> int:
    return sum(1 for e in entries if not looks_english(e.searchable_text))


def _set_back(built_with: str) -> str:
    """How to get back the embedder an index was built with, from the name it recorded."""
    for prefix, spec in (
        ("embedded:", "embedded"),
        ("multilingual:", "multilingual"),
        ("ollama:", built_with),
    ):
        if built_with.startswith(prefix):
            return f"set KIT_EMBED={spec} again"
    return "set KIT_EMBED back"


def _meta_hash(meta: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(meta, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def entry_metadata(entry: Entry) -> dict[str, Any]:
    """The Chroma metadata stored for an entry (no None values: Chroma rejects them)."""
    meta: dict[str, Any] = {
        "notebook": entry.notebook,
        "cell_id": entry.cell_id,
        "output_index": -1 if entry.output_index is None else entry.output_index,
        "template": entry.template,
        "field": entry.field,
        "created": entry.created.isoformat(timespec="seconds"),
        "created_ts": int(entry.created.timestamp()),
        "content_hash": entry.content_hash,
    }
    if entry.mood is not None:
        meta["mood"] = float(entry.mood)
    meta["meta_hash"] = _meta_hash(meta)
    return meta


# store path -> identity of the store that Chroma's process-wide system for that path was opened on
_STORE_SYSTEMS: dict[str, str | None] = {}
# One client per Chroma server and one collection handle per journal, for the life of the process: opening the
# collection and counting it on every search cost about a fifth of a warm query (more over HTTP).
_SERVER_CLIENTS: dict[tuple[str, str], Any] = {}
# (store path or server URL, collection name) -> (the store identity it was opened on, the handle)
_HANDLES: dict[tuple[str, str], tuple[str | None, Any]] = {}
_STORE_ID_FILE = "kit-store-id"
_DB_CHECKED_FILE = "kit-database-checked"  # size and mtime of chroma.sqlite3 when it last passed quick_check


def _store_identity(store: Path) -> str | None:
    """A random id written into the store when the kit first opens it; a store made anew gets a new one."""
    try:
        return (store / _STORE_ID_FILE).read_text(encoding="ascii").strip() or None
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return None


def _let_go(store: Path) -> None:
    """Forget every system chromadb keeps for a store path, and the engine that reads ``store``: whatever opens
    it next opens it anew."""
    loaded = sys.modules.get("chromadb.api.client")  # not imported: it holds no system to forget
    if loaded is not None:
        loaded.SharedSystemClient.clear_system_cache()
    _STORE_SYSTEMS.clear()
    reader.drop(store)


def _mark_store(store: Path) -> str:
    identity = _store_identity(store)
    if identity is None:
        identity = uuid.uuid4().hex
        (store / _STORE_ID_FILE).write_text(identity + "\n", encoding="ascii")
    return identity


def _renew_store_identity(store: Path) -> None:
    """Give a store rewritten behind Chroma's back a new identity, so every Index (any process) reopens it."""
    (store / _STORE_ID_FILE).write_text(uuid.uuid4().hex + "\n", encoding="ascii")


def _owner_only(root: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o700)
        for name in filenames:
            try:
                os.chmod(os.path.join(dirpath, name), 0o600)
            except OSError:  # a file Chroma removed meanwhile
                pass


def with_pending(scan: Any, journal: Path) -> Any:
    """The scan plus entries a JournalWidget saved that are not in their notebook on disk yet (they are
    searchable before the person saves the notebook)."""
    known = {e.id for e in scan.entries}
    extra = [e for e in pending_entries(journal) if e.id not in known]
    return dataclasses.replace(scan, entries=[*scan.entries, *extra]) if extra else scan


class Index:
    """The index of one journal folder, stored under KIT_HOME."""

    def __init__(
        self,
        journal: Path | str | None = None,
        home: Path | str | None = None,
        embedder: Embeddings | None = None,
        server: str | None = None,
    ) -> None:
        """``server``: a Chroma server URL for this index (``reflect index --server``); None reads
        KIT_CHROMA_URL, and without it the index is the embedded store under ``home``."""
        current = settings()
        self.journal = Path(journal).expanduser().resolve() if journal is not None else current.journal
        self.home = Path(home).expanduser().resolve() if home is not None else current.home
        self.root = self.home / "index"
        self.collection_name = "journal-" + hashlib.sha256(str(self.journal).encode()).hexdigest()[:16]
        self._embedder = embedder
        self._client: Any = None
        self._identity: str | None = None
        self.server: ChromaServer | None = configured(server)
        # The word index beside the vectors (kit.index.lexical): one file per journal, like the collection.
        self.words = WordIndex(self.root / "lexical" / f"{self.collection_name}.sqlite3")

    # -------------------------------------------------------------- plumbing

    @property
    def embedder(self) -> Embeddings:
        if self._embedder is None:
            from kit.models.embedders import get_embedder

            self._embedder = get_embedder()
        return self._embedder

    def _default_embedder(self) -> bool:
        """No embedder was given and KIT_EMBED names the built-in default: its core (kit.models.minilm) can
        embed a query and name itself without langchain-core, which a cold search then never imports."""
        return self._embedder is None and minilm.configured()

    @property
    def embedder_name(self) -> str:
        if self._default_embedder():
            return minilm.KIT_NAME
        from kit.models.embedders import embedder_name

        return embedder_name(self.embedder)

    def embed_query(self, text: str) -> list[float]:
        """``text`` as a query vector, by the index's embedder."""
        if self._default_embedder():
            return minilm.shared().embed_query(text)
        return self.embedder.embed_query(text)

    @property
    def where(self) -> str:
        """Where the vectors are kept, for messages: the server's URL or the store's folder."""
        return self.server.url if self.server is not None else str(self.root)

    def _chroma(self) -> Any:
        """A Chroma client: an HttpClient for a server (one per process), else the embedded store's client."""
        if self.server is not None:
            if self._client is None:
                telemetry_off()  # also when the process's client for this server is reused
                key = (self.server.url, self.server.token)
                if key not in _SERVER_CLIENTS:
                    _SERVER_CLIENTS[key] = connect(self.server)
                self._client = _SERVER_CLIENTS[key]
            return self._client
        return self._embedded()

    def _embedded(self) -> Any:
        """A Chroma client for the store, safe against the store folder being deleted and made anew.

        Chroma caches one system per path for the life of the process. When the folder is deleted (the index
        is a cache; people may do that) and recreated, by this or another Index object, a client still bound
        to the old system finds collections in SQLite that its segment cache does not know. So the store's
        identity (a random id kept in the store) is checked on every call and any stale system is dropped.
        """
        store = self.root / "chroma"
        identity = _store_identity(store)
        if (
            self._client is not None
            and identity == self._identity
            and _STORE_SYSTEMS.get(str(store)) == identity
        ):
            return self._client

        telemetry_off()
        chromadb = import_quickly("chromadb")  # without jsonschema's IRI grammars (kit.imports)
        from chromadb.api.client import SharedSystemClient
        from chromadb.config import Settings as ChromaSettings

        reader.drop(store)  # one engine per store: from now on this process reads through the client
        if identity is None or _STORE_SYSTEMS.get(str(store)) != identity:
            SharedSystemClient.clear_system_cache()
            _STORE_SYSTEMS.clear()
        private_dir(self.root)
        self._check_vector_files(store)
        try:
            self._client = chromadb.PersistentClient(
                path=str(store),
                settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
            )
        except Exception as exc:
            raise self.damaged(exc) from exc
        self._identity = _mark_store(store)
        _STORE_SYSTEMS[str(store)] = self._identity
        return self._client

    def _check_database(self, store: Path) -> None:
        """SQLite's own quick check of the store's database, when the file changed since it last passed."""
        db = store / "chroma.sqlite3"
        if not db.is_file():
            return
        st = db.stat()
        seen = f"{st.st_size} {st.st_mtime_ns}"
        marker = store / _DB_CHECKED_FILE
        if marker.is_file() and marker.read_text(encoding="ascii").strip() == seen:
            return
        try:
            con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=LOCK_TIMEOUT_S)
            try:
                verdict = [row[0] for row in con.execute("PRAGMA quick_check(5)")]
            finally:
                con.close()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return  # another process is writing it: checked next time
            verdict = [str(exc)]
        except sqlite3.DatabaseError as exc:
            verdict = [str(exc)]
        if verdict != ["ok"]:
            raise IndexDamaged(
                f"the search index in {self.root} is damaged (its database: {verdict[0][:80]}) — it is only a "
                "cache of your notebooks: run `reflect index --rebuild` to make it again"
            )
        marker.write_text(seen + "\n", encoding="ascii")

    def _check_vector_files(self, store: Path) -> None:
        """Refuse a store whose vector files are damaged before Chroma's native code reads them (a garbled
        HNSW file can crash the process, not just raise)."""
        if not store.is_dir():
            return
        self._check_database(store)
        for folder in sorted(store.iterdir()):
            if folder.is_dir() and re.fullmatch(r"[0-9a-f-]{36}", folder.name):
                problem = vector_files_problem(folder)
                if problem:
                    raise IndexDamaged(
                        f"the search index in {self.root} is damaged ({folder.name}: {problem}) — it is only a "
                        "cache of your notebooks: run `reflect index --rebuild` to make it again"
                    )

    def damaged(self, exc: Exception) -> IndexDamaged:
        """The error for a store Chroma cannot use, naming the rebuild."""
        if self.server is not None:
            return IndexDamaged(
                f"the Chroma server at {self.server.url} could not use the journal's collection "
                f"({type(exc).__name__}: {exc}) — it is only a cache of your notebooks: run "
                "`reflect index --rebuild` to make it again"
            )
        return IndexDamaged(
            f"the search index in {self.root} cannot be opened ({type(exc).__name__}: {exc}) — it is only a "
            "cache of your notebooks: run `reflect index --rebuild` to make it again"
        )

    def _existing(self) -> Any | None:
        """The journal's collection (the process's one handle to it), or None when there is none.

        A process that has not opened chromadb's client for the embedded store reads it through the store's
        engine alone (kit.index.reader), which spares the 0.9 s chromadb import of a cold search."""
        store = self.root / "chroma"
        if self.server is None and not store.exists():
            return None
        if self.server is None and self._client is None and str(store) not in _STORE_SYSTEMS:
            try:
                return self._read_only(store)
            except ReaderUnavailable as exc:
                log.debug("reading %s through chromadb's client: %s", store, exc)
        client = self._chroma()
        key = (self.where, self.collection_name)
        held = _HANDLES.get(key)
        if held is not None and held[0] == self._identity:
            return held[1]
        from chromadb.errors import NotFoundError

        try:
            col = client.get_collection(self.collection_name, embedding_function=None)
        except NotFoundError:
            return None
        except Exception as exc:
            raise self._failure(exc) from exc
        return self._hold(col)

    def _read_only(self, store: Path) -> StoreReader | None:
        """The collection read through the store's engine (kit.index.reader), or None when the store has none."""
        identity = _store_identity(store)
        if identity is None:
            raise ReaderUnavailable("the store is not marked by the kit yet")
        if not reader.reading(store, identity):
            self._check_vector_files(store)  # before native code reads them, as for the client
        return open_reader(store, identity, self.collection_name)

    def _hold(self, col: Any) -> Any:
        handle = _Handle(self, col)
        _HANDLES[(self.where, self.collection_name)] = (self._identity, handle)
        return handle

    def _drop_handle(self) -> None:
        _HANDLES.pop((self.where, self.collection_name), None)

    def _failure(self, exc: Exception) -> Exception:
        """A server that stopped answering is said so; anything else is a damaged index."""
        if self.server is not None and isinstance(exc, httpx.TransportError):
            return unavailable(self.server, exc)
        return self.damaged(exc)

    def _wipe(self) -> None:
        """Remove the whole Chroma store (used by a rebuild when the store cannot be opened); on a server, only
        the journal's collection."""
        self._drop_handle()
        if self.server is not None:
            from chromadb.errors import NotFoundError

            try:
                self._chroma().delete_collection(self.collection_name)
            except NotFoundError:
                pass
            return

        self._client = None
        _let_go(self.root / "chroma")
        shutil.rmtree(self.root / "chroma", ignore_errors=True)

    def _check_compatible(self, collection: Any) -> None:
        meta = collection.metadata or {}
        built_with = meta.get("kit_embedder")
        schema = meta.get("kit_schema")
        if schema != SCHEMA_VERSION:
            raise EmbedderMismatch(
                f"the index was made by another version of the kit (schema {schema}, this one uses "
                f"{SCHEMA_VERSION}) — run `reflect index --rebuild` to rebuild it from your notebooks"
            )
        if built_with != self.embedder_name:
            raise EmbedderMismatch(
                f"the index was built with the embedder {built_with!r} but the configured one is "
                f"{self.embedder_name!r}; vectors of two embedders cannot be mixed — run `reflect index --rebuild` "
                f"to rebuild it with the new embedder, or {_set_back(str(built_with))}"
            )

    def collection(self) -> Any:
        """The journal's collection for reading; IndexMissing when it was never built."""
        col = self._existing()
        if col is None:
            raise IndexMissing(f"there is no index for {self.journal} yet — run `reflect index` first")
        self._check_compatible(col)
        return col

    def _lock(self) -> Any:
        return lock(self.root / "write.lock", timeout=LOCK_TIMEOUT_S)

    def _dimension(self) -> int:
        dim = getattr(self.embedder, "dimension", None)
        return int(dim) if isinstance(dim, int) else len(self.embedder.embed_query("dimension probe"))

    # -------------------------------------------------------------- writing

    def update(
        self, rebuild: bool = False, progress: bool | Counted = True, languages: bool = False
    ) -> IndexReport:
        """Bring the index in line with the notebooks (or rebuild it from scratch) and say what changed.

        ``progress``: True for a progress bar on the terminal, or ``progress(done, total)``, told as entries are
        embedded (a widget's status line; nothing is told when nothing needs embedding).

        With an English-first embedder, ``languages`` also counts the journal's entries that do not look like
        English (``report.language_note()``); they are counted anyway when this run embedded some."""
        if self.journal.exists() and not self.journal.is_dir():
            raise JournalNotFound(
                f"the journal {self.journal} is a file, not a folder — point --journal / KIT_JOURNAL at the "
                "folder that holds your notebooks"
            )
        if not self.journal.is_dir():
            raise JournalNotFound(
                f"the journal folder {self.journal} does not exist — create a first entry with "
                "`reflect new daily-journal`, or point --journal / KIT_JOURNAL at your journal"
            )
        # A server's collection can change without a file here changing (another machine, a reset): it is always
        # compared with the journal, never taken as unchanged from the stamp.
        stamp = self._stamp() if self.server is None else None
        kept = None if rebuild or languages or stamp is None else stamp.unchanged()
        if kept is not None:  # nothing changed since the last update: no notebook or store is opened
            return IndexReport(**kept)
        scan = with_pending(scan_journal(self.journal), self.journal)
        try:
            with self._lock():
                report = self._update_locked(scan, rebuild, progress, languages)
        except Timeout as exc:
            raise IndexBusy(
                "another process is writing the index right now — wait for it to finish and run this again"
            ) from exc
        _owner_only(self.root)
        if stamp is not None:
            stamp.keep(report)
        return report

    def _stamp(self) -> Stamp:
        """What the index was last brought in line with (kit.index.freshness)."""
        store = self.root / "chroma"
        extra = [
            str(SCHEMA_VERSION),
            self.embedder_name,
            str(_store_identity(store)),
            str(self.words.path.exists()),
        ]
        return Stamp(self.root, self.collection_name, self.journal, extra, [self.home / FORGOTTEN_FILE])

    def _update_locked(
        self, scan: Any, rebuild: bool, progress: bool | Counted, languages: bool
    ) -> IndexReport:
        report = IndexReport(
            notebooks=scan.notebooks, unreadable=list(scan.unreadable), why=dict(scan.why), rebuilt=rebuild
        )
        try:
            client = self._chroma()
            collection = self._existing()
        except IndexDamaged:
            if not rebuild:
                raise
            log.warning("the index could not be opened; rebuilding it from the notebooks")
            self._wipe()
            client, collection = self._chroma(), None
        replaced = None
        if collection is not None and rebuild:
            replaced = str(collection.id)
            self._drop_handle()
            client.delete_collection(self.collection_name)
            collection = None
        if collection is not None:
            self._check_compatible(collection)

        wanted: dict[str, Entry] = {}
        forgotten = keep_out(self.journal, self.home)
        for entry in scan.entries:
            if entry.private:
                report.private_skipped += 1
            elif forgotten(entry.id):  # `reflect forget` — out of the index (and every model) until --undo
                report.forgotten += 1
            elif entry.is_empty:
                report.empty_skipped += 1
            else:
                wanted[entry.id] = entry
        report.entries = len(wanted)
        english_first = bool(getattr(self.embedder, "english_only", False))
        if english_first and languages:
            report.not_english_in_journal = _not_english(wanted.values())
        # The word index follows the same entries; it costs no embeddings, so a missing or damaged one is
        # simply made anew here, with or without --rebuild.
        self._sync_words(wanted.values(), rebuild)

        existing: dict[str, dict[str, Any]] = {}
        if collection is not None:
            # In pages: one get of 10k records' metadata took 180 MB in Chroma's reader, pages of 1,000 took 40.
            for offset in itertools.count(0, READ_PAGE):
                got = collection.get(include=["metadatas"], limit=READ_PAGE, offset=offset)
                existing.update((i, m or {}) for i, m in zip(got["ids"], got["metadatas"], strict=True))
                if len(got["ids"]) < READ_PAGE:
                    break

        to_write: list[Entry] = []
        meta_only: list[Entry] = []
        for entry_id, entry in wanted.items():
            old = existing.get(entry_id)
            if old is None:
                report.new += 1
                to_write.append(entry)
            elif old.get("content_hash") != entry.content_hash:
                report.changed += 1
                to_write.append(entry)
            elif old.get("meta_hash") != entry_metadata(entry)["meta_hash"]:
                meta_only.append(entry)
        removed = [i for i in existing if i not in wanted]
        report.removed = len(removed)

        if not to_write and not meta_only and not removed and collection is not None:
            return report

        if collection is None:
            collection = self._hold(
                client.create_collection(
                    self.collection_name,
                    embedding_function=None,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={
                        "kit_schema": SCHEMA_VERSION,
                        "kit_embedder": self.embedder_name,
                        "kit_dimension": self._dimension() if to_write else 0,
                        "kit_journal": str(self.journal),
                    },
                )
            )

        vectors = self._reuse_vectors(collection, to_write, existing)
        reused = [e for e in to_write if e.content_hash in vectors]
        report.reused = len(reused)
        self._upsert(collection, reused, vectors)
        pending = [e for e in to_write if e.content_hash not in vectors]
        # Each chunk is written as soon as it is embedded: a crash keeps the finished chunks, and the next
        # update embeds only what is still missing.
        report.embedded = self._embed_into(collection, pending, vectors, progress)
        if english_first:
            report.not_english = _not_english(pending)
            if report.not_english:
                if report.not_english_in_journal is None:
                    report.not_english_in_journal = _not_english(wanted.values())
                log.warning(
                    "%s",
                    report.language_note()
                    or f"{plural(report.not_english, 'entry', 'entries')} "
                    f"{'does' if report.not_english == 1 else 'do'} not look like English; the embedded model is "
                    f"English-first, so search may miss them — if you often write in another language, {SWITCH}",
                )
        for start in range(0, len(meta_only), CHROMA_MAX_BATCH):
            chunk = meta_only[start : start + CHROMA_MAX_BATCH]
            collection.update(ids=[e.id for e in chunk], metadatas=[entry_metadata(e) for e in chunk])
        if removed:
            # Entries deleted from a notebook or marked private must leave no trace either: Chroma's own delete
            # leaves text and vectors behind (see forget).
            self._forget_locked(removed)
        # Chroma leaves a deleted collection's vectors on disk; a server's disks are out of the kit's reach.
        if replaced is not None and self.server is None:
            self._close()
            self._scrub(replaced)
        return report

    def _sync_words(self, entries: Iterable[Entry], rebuild: bool) -> None:
        try:
            self.words.sync(entries, rebuild=rebuild)
        except sqlite3.DatabaseError as exc:
            raise self._words_error(exc) from exc

    def _words_error(self, exc: sqlite3.DatabaseError) -> IndexBusy | IndexDamaged:
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            return IndexBusy(
                "another program is reading the search index right now — wait a moment and run this again"
            )
        return IndexDamaged(
            f"the word index {self.words.path} could not be written ({exc}) — it is only a cache of your "
            "notebooks: run `reflect index --rebuild` to make it again"
        )

    def _reuse_vectors(
        self, collection: Any, to_write: list[Entry], existing: dict[str, dict[str, Any]]
    ) -> dict[str, list[float]]:
        """Vectors already in the index for the same text (a moved notebook, a copied entry)."""
        by_hash = {m.get("content_hash"): i for i, m in existing.items()}
        donors = {by_hash[e.content_hash]: e.content_hash for e in to_write if e.content_hash in by_hash}
        vectors: dict[str, list[float]] = {}
        ids = list(donors)
        for start in range(0, len(ids), CHROMA_MAX_BATCH):
            got = collection.get(ids=ids[start : start + CHROMA_MAX_BATCH], include=["embeddings"])
            for donor, vector in zip(got["ids"], got["embeddings"], strict=True):
                vectors[donors[donor]] = list(vector)
        return vectors

    def _embed_into(
        self, collection: Any, pending: list[Entry], vectors: dict[str, list[float]], progress: bool | Counted
    ) -> int:
        """Embed each distinct text once, in chunks, with a progress bar, writing each chunk's entries to the store
        as soon as it is embedded; returns how many texts were embedded."""
        unique: dict[str, str] = {}
        by_hash: dict[str, list[Entry]] = {}
        for entry in pending:
            unique.setdefault(entry.content_hash, entry.searchable_text)
            by_hash.setdefault(entry.content_hash, []).append(entry)
        hashes = list(unique)
        dim = (collection.metadata or {}).get("kit_dimension") or None
        tell = progress if callable(progress) else None
        if tell and hashes:
            tell(0, len(hashes))
        with tqdm(
            total=len(hashes),
            desc="Embedding entries",
            unit="entry",
            disable=tell is not None or not progress or not hashes,
        ) as bar:
            for start in range(0, len(hashes), EMBED_CHUNK):
                chunk = hashes[start : start + EMBED_CHUNK]
                for h, vector in zip(
                    chunk, self.embedder.embed_documents([unique[h] for h in chunk]), strict=True
                ):
                    if dim and len(vector) != dim:
                        raise EmbedderMismatch(
                            f"the embedder returned {len(vector)}-d vectors but the index holds {dim}-d ones — "
                            "run `reflect index --rebuild`"
                        )
                    vectors[h] = list(vector)
                self._upsert(collection, [e for h in chunk for e in by_hash[h]], vectors)
                bar.update(len(chunk))
                if tell:
                    tell(start + len(chunk), len(hashes))
        return len(hashes)

    def _upsert(self, collection: Any, entries: list[Entry], vectors: dict[str, list[float]]) -> None:
        for start in range(0, len(entries), CHROMA_MAX_BATCH):
            chunk = entries[start : start + CHROMA_MAX_BATCH]
            collection.upsert(
                ids=[e.id for e in chunk],
                embeddings=[vectors[e.content_hash] for e in chunk],
                documents=[e.text for e in chunk],
                metadatas=[entry_metadata(e) for e in chunk],
            )

    # -------------------------------------------------------------- reading

    def count(self) -> int:
        col = self._existing()
        return 0 if col is None else col.count()

    def ids(self) -> set[str]:
        col = self._existing()
        return set() if col is None else set(col.get(include=[])["ids"])

    def records(self, ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """id → {document, metadata, embedding}, for tests and tools that compare indexes."""
        col = self.collection()
        got = col.get(
            ids=list(ids) if ids is not None else None, include=["documents", "metadatas", "embeddings"]
        )
        return {
            i: {"document": d, "metadata": m, "embedding": list(v)}
            for i, d, m, v in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        }

    # -------------------------------------------------------------- forgetting

    def notebook_ids(self, notebook: Path | str) -> list[str]:
        """Ids of the indexed entries of one notebook (path relative to the journal, or absolute)."""
        path = Path(notebook).expanduser()
        if not path.is_absolute():
            # Relative to the journal first; a path typed from the current folder works too.
            path = path if not (self.journal / path).exists() and path.exists() else self.journal / path
        col = self._existing()
        if col is None:
            return []
        return list(col.get(where={"notebook": relpath(path, self.journal)}, include=[])["ids"])

    def would_return(self, ids: Iterable[str]) -> list[Entry]:
        """Those of ``ids`` the next update would index again: still in a notebook, not private, not empty."""
        wanted = set(ids)
        if not wanted or not self.journal.is_dir():
            return []
        forgotten = keep_out(self.journal, self.home)
        return [
            e
            for e in scan_journal(self.journal).entries
            if e.id in wanted and not e.private and not e.is_empty and not forgotten(e.id)
        ]

    def forget(self, ids: Iterable[str]) -> int:
        """Remove entries from the index, leaving nothing of their text or vectors in any file of the store.

        Chroma's own delete leaves them behind (measured with chromadb 1.5.9): text and vector in its
        write-ahead log table until the vector index next persists, vector and id in persisted HNSW files
        ("marked deleted"), the text's trigrams in the full-text index's old segments, deleted rows in
        SQLite's free pages. So the collection is rewritten from its own contents without them (no
        re-embedding), then, with Chroma closed, the store is scrubbed: orphaned vector folders removed,
        full-text index rebuilt, database vacuumed, unused HNSW slots zeroed. Unknown ids change nothing and
        raise EntryNotFound. If it is interrupted, `reflect index` restores what is missing from the
        notebooks. Returns how many entries were forgotten.
        """
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0
        try:
            with self._lock():
                self._forget_locked(wanted)
        except Timeout as exc:
            raise IndexBusy(
                "another process is writing the index right now — wait for it to finish and run this again"
            ) from exc
        _owner_only(self.root)
        return len(wanted)

    def _forget_locked(self, ids: list[str]) -> None:
        self._chroma()  # a write: read and write through the client
        col = self._existing()
        indexed = set(col.get(include=[])["ids"]) if col is not None else set()
        unknown = [i for i in ids if i not in indexed]
        if col is None or unknown:
            raise EntryNotFound(
                f"no entry with id {unknown[0] if unknown else ids[0]} is in the index of {self.journal} — "
                'find entry ids with `reflect search QUERY --json` (each hit has an "id")'
            )
        try:
            self.words.remove(ids)
        except sqlite3.DatabaseError as exc:
            raise self._words_error(exc) from exc
        gone = set(ids)
        got = col.get(include=["embeddings", "documents", "metadatas"])
        keep = [k for k, entry_id in enumerate(got["ids"]) if entry_id not in gone]
        hnsw = (col.configuration or {}).get("hnsw") or {"space": "cosine"}
        client = self._chroma()
        self._drop_handle()
        client.delete_collection(self.collection_name)
        fresh = client.create_collection(
            self.collection_name,
            embedding_function=None,
            configuration={"hnsw": hnsw},
            metadata=dict(col.metadata or {}),
        )
        for start in range(0, len(keep), CHROMA_MAX_BATCH):
            chunk = keep[start : start + CHROMA_MAX_BATCH]
            fresh.add(
                ids=[got["ids"][k] for k in chunk],
                embeddings=[got["embeddings"][k] for k in chunk],
                documents=[got["documents"][k] for k in chunk],
                metadatas=[got["metadatas"][k] for k in chunk],
            )
        if self.server is not None:
            # The server's files are out of reach: the entry is gone from its collection (no search, get or
            # query returns it), but what the server keeps of deleted data on its disks is its owner's to wipe.
            self._hold(fresh)
            return
        self._close()
        self._scrub(str(col.id))

    def _close(self) -> None:
        """Stop Chroma's system for the store: no handle stays open and nothing of it is written later."""
        from chromadb.api.client import SharedSystemClient

        self._client = None
        self._drop_handle()
        # Chroma keys its one system per store by the store's path; other Index objects may share it.
        system = SharedSystemClient._identifier_to_system.get(str(self.root / "chroma"))
        if system is not None:
            system.stop()
        _let_go(self.root / "chroma")

    def _scrub(self, old_collection_id: str) -> None:
        """Wipe what Chroma leaves of deleted data in the store's files (Chroma must be closed)."""
        store = self.root / "chroma"
        con = sqlite3.connect(store / "chroma.sqlite3", timeout=LOCK_TIMEOUT_S, isolation_level=None)
        try:
            segments = {row[0] for row in con.execute("SELECT id FROM segments")}
            # A deleted collection's vector folder (vectors and ids) is left on disk by Chroma.
            for folder in store.iterdir():
                if (
                    folder.is_dir()
                    and folder.name not in segments
                    and re.fullmatch(r"[0-9a-f-]{36}", folder.name)
                ):
                    shutil.rmtree(folder)
            # Chroma's write-ahead log holds each write's text and vector; Chroma drops a deleted
            # collection's rows itself today, and this keeps that true if it stops doing so.
            con.execute("DELETE FROM embeddings_queue WHERE topic LIKE ?", (f"%/{old_collection_id}",))
            # FTS5 keeps deleted rows' tokens in old segments until they merge: rebuild from the live rows.
            con.execute("INSERT INTO embedding_fulltext_search(embedding_fulltext_search) VALUES('rebuild')")
            # Deleted rows stay in free pages and page slack; VACUUM writes every page anew.
            con.execute("VACUUM")
            for segment in sorted(segments):
                folder = store / segment
                if folder.is_dir() and not zero_unused_vector_slots(folder):
                    log.warning(
                        "the vector files in %s have a layout this kit does not know; unused space in them "
                        "may still hold traces of forgotten entries — please report it, naming your chromadb "
                        "version",
                        folder,
                    )
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            raise IndexBusy(
                "the entries are out of the index, but another program holds it open, so their traces "
                "could not be wiped from its files — close Jupyter kernels using the kit, delete "
                f"{self.root} and run `reflect index` to rebuild it from your notebooks"
            ) from exc
        finally:
            con.close()
        _renew_store_identity(store)


class _Handle:
    """The process's handle to a journal's collection. Another process may replace the collection (``reflect
    forget`` rewrites it, ``--rebuild`` makes it anew); on a server the old handle then finds nothing, so a call
    that gets NotFoundError opens the collection again by name and is made once more."""

    def __init__(self, index: Index, collection: Any) -> None:
        self._index = index
        self._collection = collection

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._collection, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            from chromadb.errors import NotFoundError

            try:
                return getattr(self._collection, name)(*args, **kwargs)
            except NotFoundError:
                try:
                    fresh = self._index._chroma().get_collection(
                        self._index.collection_name, embedding_function=None
                    )
                except NotFoundError:
                    self._index._drop_handle()
                    raise IndexMissing(
                        f"the index of {self._index.journal} was deleted meanwhile — run `reflect index`"
                    ) from None
                self._collection = fresh
                return getattr(fresh, name)(*args, **kwargs)

        return call
