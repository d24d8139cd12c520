"""The word index beside the vectors: SQLite FTS5 over the same entries, ranked by FTS5's own bm25().

Meaning search misses what an embedder has no sense of — a name ("Tomasz"), a medicine ("sertraline"), a made-up
word, a word of another language. This index finds entries by their exact words, and is asked only about those
(weak_words): for a word the embedder knows, meaning decides. It is derived exactly like the Chroma store: one
SQLite file per journal under ``KIT_HOME/index/lexical/``, filled from the same entries (never private ones) by the
same update, under the same write lock, and made anew from the notebooks when it is missing or damaged — cheaply,
since nothing is embedded. Deleting words leaves no trace: SQLite's ``secure_delete`` zeroes freed space, FTS5's
``optimize`` merges the index into one segment so no old segment keeps a deleted entry's tokens, and ``VACUUM``
writes the file anew.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kit.config import private_dir
from kit.errors import EmbedderUnavailable
from kit.journal.entries import Entry
from kit.models.minilm import word_pieces
from kit.text import STOP_WORDS

log = logging.getLogger("kit")

SCHEMA_VERSION = 1
# Porter stemming over unicode61 ("panic attacks" finds "panic attack"), diacritics folded ("Jose" finds "José").
TOKENIZE = "porter unicode61 remove_diacritics 2"
MAX_QUERY_WORDS = 24
# Which of a query's words rank entries by word. The embedder reads a word that its WordPiece vocabulary holds whole
# ("baby", "dose", "walking") well, so for those meaning decides: an entry that merely shares "baby" with "the baby
# walking for the first time" must not be lifted above the entry that tells of it. The word index speaks only for
# the words the embedder is weak on (see weak_words): a name, a medicine, a word of another language.
# Of those, a word in more than half the entries gets no weight from bm25, so it is left out; of the rest, a word
# counts when it is in at most COMMON_SHARE of the entries or in at most RARER_BY times as many entries as the
# query's rarest word.
COMMON_SHARE = 0.05
RARER_BY = 2
USELESS_SHARE = 0.5
# A weak word this long also matches the words it begins ("Lublin" finds "Lublinie", "Krisztián" finds
# "Krisztiána"): the porter stemmer knows only English endings, and names in Polish, German or Spanish text take
# endings of their own. Shorter words would match too much ("Ania" in "Aniela").
PREFIX_MIN = 5
BUSY_TIMEOUT_S = 5.0
READERS_KEPT = 4  # read connections kept open, most recently used first (one per journal searched)

# Letters and digits, as unicode61 splits text; everything else (quotes, *, -, :, parentheses) separates words.
_WORD = re.compile(r"[^\W_]+")


# Opening the file and reading FTS5's structure costs more than the query itself, so read connections are kept
# (by path) while the file stays the same file; a file made anew (another inode) gets a new connection.
_readers: dict[str, tuple[tuple[int, int], sqlite3.Connection]] = {}
_readers_lock = threading.Lock()


def _drop_reader(path: Path) -> None:
    with _readers_lock:
        kept = _readers.pop(str(path), None)
    if kept is not None:
        kept[1].close()


def _busy(exc: Exception) -> bool:
    """Another process holds the file (a search reading it): not damage, never a reason to remake it."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class WordsUnavailable(Exception):
    """The word index cannot be read (missing, damaged, another schema); search falls back to meaning only."""


@dataclass(frozen=True)
class WordsSync:
    """What one update did to the word index."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    rebuilt: bool = False


def _written(query: str) -> dict[str, list[str]]:
    """The query's words worth looking up, lower-cased, each with the ways it was written: no stop words, no
    operators or punctuation, each once."""
    words: dict[str, list[str]] = {}
    for written in _WORD.findall(query):
        word = written.lower()
        if word not in STOP_WORDS and (word in words or len(words) < MAX_QUERY_WORDS):
            words.setdefault(word, []).append(written)
    return words


def query_words(query: str) -> list[str]:
    """The words of a query worth looking up: no stop words, no operators or punctuation, each once."""
    return list(_written(query))


def weak_words(query: str) -> list[str]:
    """The query's words (as query_words gives them) that the embedder has little sense of, so the word index
    speaks for them: a word its WordPiece vocabulary does not hold whole (split into pieces or unknown:
    "Tomasz", "sertraline", "Wigilia"), a word written with a capital letter (a name: "Lena", "Lublin"), or a word
    with a digit. Every word, when the tokenizer cannot be loaded."""
    weak = []
    for word, spellings in _written(query).items():
        if any(w[0].isupper() or any(c.isdigit() for c in w) for w in spellings):
            weak.append(word)
            continue
        try:
            pieces = word_pieces(word)
        except EmbedderUnavailable as exc:
            log.debug("the embedder's tokenizer is unavailable (%s); every word is looked up", exc)
            return query_words(query)
        if len(pieces) != 1 or pieces[0] == "[UNK]":
            weak.append(word)
    return weak


def match_expression(words: Iterable[str], prefixes: Iterable[str] = ()) -> str:
    """An FTS5 query matching any of ``words``, each as a quoted string so no word is read as an operator
    (``NEAR``, ``AND``, ``*``, ``-``, ``:``); the words also in ``prefixes`` match the words they begin too."""
    starts = set(prefixes)
    return " OR ".join('"' + w.replace('"', '""') + '"' + ("*" if w in starts else "") for w in words)


class WordIndex:
    """The FTS5 file of one journal. Writers must hold the index's write lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._checked = self.path.with_name(self.path.name + ".checked")

    # -------------------------------------------------------------- plumbing

    def _create(self) -> sqlite3.Connection:
        private_dir(self.path.parent)
        self.wipe()
        con = self._write_connection()
        con.executescript(
            f"""
            BEGIN;
            CREATE TABLE entries(
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL,
                created_ts INTEGER NOT NULL,
                template TEXT NOT NULL
            );
            CREATE INDEX entries_created ON entries(created_ts);
            CREATE VIRTUAL TABLE words USING fts5(text, tokenize='{TOKENIZE}');
            CREATE VIRTUAL TABLE vocab USING fts5vocab(words, 'row');
            PRAGMA user_version = {SCHEMA_VERSION};
            COMMIT;
            """
        )
        return con

    def _write_connection(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        con.execute("PRAGMA secure_delete = ON")  # freed pages and deleted cells are zeroed, not left behind
        return con

    def _problem(self, con: sqlite3.Connection) -> str | None:
        """Why the open file is not a usable word index, or None."""
        try:
            if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                return "made by another version of the kit"
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if not {"entries", "words", "vocab"} <= tables:
                return "tables missing"
            if not self._unchanged_since_checked():
                verdict = con.execute("PRAGMA quick_check(1)").fetchone()[0]
                if verdict != "ok":
                    return verdict
                con.execute("INSERT INTO words(words) VALUES('integrity-check')")
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise
            return str(exc)
        return None

    def _stamp(self) -> str:
        st = self.path.stat()
        return f"{st.st_size} {st.st_mtime_ns}"

    def _unchanged_since_checked(self) -> bool:
        try:
            return self._checked.read_text(encoding="ascii").strip() == self._stamp()
        except (OSError, UnicodeDecodeError):
            return False

    def _mark_checked(self) -> None:
        self._checked.write_text(self._stamp() + "\n", encoding="ascii")

    def wipe(self) -> None:
        """Remove the file (and SQLite's side files); the next sync makes it anew."""
        _drop_reader(self.path)
        for suffix in ("", "-journal", "-wal", "-shm", ".checked"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def _open_for_writing(self, rebuild: bool) -> tuple[sqlite3.Connection, bool]:
        """A connection to a sound file, made anew when asked, missing, damaged or of another schema."""
        if rebuild or not self.path.is_file():
            return self._create(), True
        try:
            con = self._write_connection()
        except sqlite3.DatabaseError as exc:
            problem: str | None = str(exc)
        else:
            problem = self._problem(con)
            if problem is None:
                return con, False
            con.close()
        log.warning(
            "the word index %s is unusable (%s); making it anew from the notebooks", self.path, problem
        )
        return self._create(), True

    # -------------------------------------------------------------- writing

    def sync(self, entries: Iterable[Entry], rebuild: bool = False) -> WordsSync:
        """Make the index hold exactly ``entries`` (the ones the vector store holds: no private, no empty)."""
        wanted = {e.id: e for e in entries}
        try:
            return self._sync(wanted, rebuild)
        except sqlite3.DatabaseError as exc:
            if _busy(exc) or rebuild:
                raise
            log.warning(
                "the word index %s is damaged (%s); making it anew from the notebooks", self.path, exc
            )
            return self._sync(wanted, True)

    def _sync(self, wanted: dict[str, Entry], rebuild: bool) -> WordsSync:
        con, made = self._open_for_writing(rebuild)
        try:
            con.execute("BEGIN IMMEDIATE")
            existing = {
                row[1]: row
                for row in con.execute("SELECT rowid, id, content_hash, created_ts, template FROM entries")
            }
            added = changed = 0
            for entry_id, entry in wanted.items():
                created_ts, template = int(entry.created.timestamp()), entry.template
                old = existing.get(entry_id)
                if old is None:
                    rowid = con.execute(
                        "INSERT INTO entries(id, content_hash, created_ts, template) VALUES (?, ?, ?, ?)",
                        (entry_id, entry.content_hash, created_ts, template),
                    ).lastrowid
                    con.execute(
                        "INSERT INTO words(rowid, text) VALUES (?, ?)", (rowid, entry.searchable_text)
                    )
                    added += 1
                elif old[2] != entry.content_hash:
                    con.execute("DELETE FROM words WHERE rowid = ?", (old[0],))
                    con.execute(
                        "INSERT INTO words(rowid, text) VALUES (?, ?)", (old[0], entry.searchable_text)
                    )
                    con.execute(
                        "UPDATE entries SET content_hash = ?, created_ts = ?, template = ? WHERE rowid = ?",
                        (entry.content_hash, created_ts, template, old[0]),
                    )
                    changed += 1
                elif (old[3], old[4]) != (created_ts, template):
                    con.execute(
                        "UPDATE entries SET created_ts = ?, template = ? WHERE rowid = ?",
                        (created_ts, template, old[0]),
                    )
            gone = [row[0] for entry_id, row in existing.items() if entry_id not in wanted]
            self._delete_rows(con, gone)
            con.execute("COMMIT")
            if changed or gone:
                self._scrub(con)
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()
        self._mark_checked()
        return WordsSync(added=added, changed=changed, removed=len(gone), rebuilt=made)

    def remove(self, ids: Iterable[str]) -> int:
        """Delete entries' words and wipe their traces from the file; ids it does not hold are ignored."""
        wanted = list(dict.fromkeys(ids))
        if not wanted or not self.path.is_file():
            return 0
        try:
            con = self._write_connection()
        except sqlite3.DatabaseError:
            self.wipe()  # unreadable: whatever it held goes, and the next update makes it anew
            return 0
        try:
            con.execute("BEGIN IMMEDIATE")
            rows = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows += [r[0] for r in con.execute(f"SELECT rowid FROM entries WHERE id IN ({marks})", chunk)]
            self._delete_rows(con, rows)
            con.execute("COMMIT")
            if rows:
                self._scrub(con)
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise
            con.close()
            self.wipe()
            return 0
        finally:
            con.close()
        self._mark_checked()
        return len(rows)

    @staticmethod
    def _delete_rows(con: sqlite3.Connection, rowids: list[int]) -> None:
        for rowid in rowids:
            con.execute("DELETE FROM words WHERE rowid = ?", (rowid,))
            con.execute("DELETE FROM entries WHERE rowid = ?", (rowid,))

    @staticmethod
    def _scrub(con: sqlite3.Connection) -> None:
        """After deletes: merge FTS5's segments (old ones keep deleted tokens until merged), then rewrite the file
        (free pages and page slack go; secure_delete already zeroed what it could)."""
        con.execute("INSERT INTO words(words) VALUES('optimize')")
        con.execute("VACUUM")

    # -------------------------------------------------------------- reading

    def ranked(
        self,
        query: str,
        limit: int,
        since_ts: int | None = None,
        until_ts: int | None = None,
        template: str | None = None,
    ) -> list[tuple[str, float]]:
        """(entry id, bm25) of the entries with the query's telling words, best first; WordsUnavailable when the
        file cannot be read."""
        words = weak_words(query)
        if not words:
            return []
        with _readers_lock:
            con = self._reader()
            try:
                if con.execute("PRAGMA user_version").fetchall()[0][0] != SCHEMA_VERSION:
                    raise WordsUnavailable("made by another version of the kit")
                telling = self._telling(con, words)
                if not telling:
                    return []
                prefixes = [w for w in telling if len(w) >= PREFIX_MIN]
                # The telling words choose the entries; all the query's words order them ("Zosia's first
                # birthday": of the entries naming Zosia, the one about a birthday comes first). One expression,
                # so FTS5 ranks only the chosen entries (a subquery made it rank every entry with any of the
                # words: +90 ms at the p95 on 10,000 entries); bm25 counts the telling words twice in it.
                ordering = list(dict.fromkeys([*telling, *query_words(query)]))
                sql = (
                    "SELECT entries.id, bm25(words) FROM words JOIN entries ON entries.rowid = words.rowid "
                    "WHERE words MATCH ?"
                )
                chosen = match_expression(telling, prefixes)
                params: list[object] = [f"({chosen}) AND ({match_expression(ordering, prefixes)})"]
                if since_ts is not None:
                    sql += " AND entries.created_ts >= ?"
                    params.append(since_ts)
                if until_ts is not None:
                    sql += " AND entries.created_ts <= ?"
                    params.append(until_ts)
                if template:
                    sql += " AND entries.template = ?"
                    params.append(template)
                # bm25() is lower for better matches; the id breaks ties so the order never depends on the file.
                sql += " ORDER BY bm25(words), entries.id LIMIT ?"
                params.append(limit)
                return [(row[0], float(row[1])) for row in con.execute(sql, params)]
            except (sqlite3.DatabaseError, WordsUnavailable) as exc:
                _readers.pop(str(self.path), None)
                con.close()
                if isinstance(exc, WordsUnavailable):
                    raise
                raise WordsUnavailable(str(exc)) from exc

    def _reader(self) -> sqlite3.Connection:
        """The kept read-only connection to this file (the caller holds _readers_lock)."""
        try:
            st = os.stat(self.path)
        except OSError as exc:
            raise WordsUnavailable("missing") from exc
        identity = (st.st_dev, st.st_ino)
        key = str(self.path)
        kept = _readers.pop(key, None)
        if kept is not None and kept[0] == identity:
            _readers[key] = kept  # most recently used last
            return kept[1]
        if kept is not None:
            kept[1].close()
        try:
            con = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro",
                uri=True,
                timeout=BUSY_TIMEOUT_S,
                check_same_thread=False,
                # Autocommit, and every statement read to its end: a kept connection must hold no lock between
                # searches, or the next update could not write.
                isolation_level=None,
            )
            # The query's words are stemmed by the index's own tokenizer through this in-memory table, so
            # "walking" is counted as the "walk" the index holds.
            con.execute(f"CREATE VIRTUAL TABLE temp.query USING fts5(word, tokenize='{TOKENIZE}')")
            con.execute("CREATE VIRTUAL TABLE temp.query_terms USING fts5vocab(temp, query, 'instance')")
        except sqlite3.DatabaseError as exc:
            raise WordsUnavailable(str(exc)) from exc
        _readers[key] = (identity, con)
        while len(_readers) > READERS_KEPT:
            _readers.pop(next(iter(_readers)))[1].close()
        return con

    @staticmethod
    def _telling(con: sqlite3.Connection, words: list[str]) -> list[str]:
        """The words that pick entries out (see COMMON_SHARE); words found in no entry are dropped. A word of
        PREFIX_MIN letters or more is counted with the words it begins, as it is looked up."""
        con.execute("DELETE FROM temp.query")
        con.executemany("INSERT INTO temp.query(rowid, word) VALUES (?, ?)", list(enumerate(words)))
        terms: dict[int, set[str]] = {}
        for position, term in con.execute("SELECT doc, term FROM temp.query_terms"):
            terms.setdefault(position, set()).add(term)
        if not terms:
            return []
        docs: dict[str, int] = {}
        whole = sorted({t for i, ts in terms.items() if len(words[i]) < PREFIX_MIN for t in ts})
        if whole:
            marks = ",".join("?" * len(whole))
            docs.update(con.execute(f"SELECT term, doc FROM vocab WHERE term IN ({marks})", whole).fetchall())
        for term in sorted({t for i, ts in terms.items() if len(words[i]) >= PREFIX_MIN for t in ts}):
            # Entries with any word the term begins: the sum over those words (an entry with two of them counts
            # twice, which only makes the word look a little commoner than it is).
            (n,) = con.execute(
                "SELECT coalesce(sum(doc), 0) FROM vocab WHERE term >= ? AND term < ?",
                (term, term + "\U0010ffff"),
            ).fetchall()[0]
            docs[term] = n
        total = con.execute("SELECT count(*) FROM entries").fetchall()[0][0]
        found = {w: max(docs.get(t, 0) for t in terms[i]) for i, w in enumerate(words) if i in terms}
        found = {w: n for w, n in found.items() if 0 < n <= USELESS_SHARE * total}
        if not found:
            return []
        enough = max(COMMON_SHARE * total, RARER_BY * min(found.values()))
        return [w for w, n in found.items() if n <= enough]
