"""The learned layer of the crisis check: small classifiers over the kit's own sentence vectors.

The rules in kit.safety.crisis are precise but only know the wordings they were written for. This layer reads
every sentence, and every window of two and three sentences, of a text, so one sentence inside a long everyday
entry is judged on its own and not diluted by the rest. It reads each of them twice, through two embedders the
kit already ships, and averages what two networks trained on each make of it:

- the embedded all-MiniLM-L6-v2: the transformer runs once per ~256 tokens and the token states of each
  sentence and window are pooled, so a 250-word entry costs one or two passes, not thirty, and a sentence's
  vector carries the words around it;
- the multilingual Universal Sentence Encoder (kit.models.multilingual): each sentence alone, a window as the
  mean of its sentences.

The two were trained apart and err apart: on posts neither ever read, their average flags fewer everyday texts
at the same recall than MiniLM alone (kit/data/CRISIS_DATA.md).

The weights are a small JSON file in ``kit/data`` made by ``bench/train_crisis.py`` from documented public data
(``kit/data/CRISIS_DATA.md``), checked by sha256 at load. Nothing here is ever shown to the person as a number:
``kit.safety.crisis.check`` turns a hit into a plain reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from tokenizers import Tokenizer

from kit.config import Settings
from kit.errors import ClassifierUnavailable, ConfigError
from kit.models import minilm, multilingual
from kit.models.files import package_file
from kit.models.minilm import TOKENIZER_FILE

log = logging.getLogger(__name__)

WEIGHTS_FILE = "crisis_classifier.json"
WEIGHTS_SHA256 = "30d1248c60db455d2339d180b7737ffd3b737e135f2d500412f28b91e3fc43b0"
CHUNK_TOKENS = 254  # + [CLS] and [SEP]: the embedder's 256-token window
_CLS, _SEP = 101, 102
WINDOWS = (2, 3)  # sliding windows of sentences, beside each sentence alone and each whole chunk
SEGMENTS_VERSION = 3  # bump when the segments or their vectors change: the training cache is keyed by it
# The columns of a segment's vector: the mean of MiniLM's token states over the segment, their per-dimension
# maximum (one strong phrase in a long sentence is not averaged away), then the sentence encoder's pooled
# sentences.
VIEWS = {"minilm": (0, 384), "peak": (384, 768), "use": (768, 1280)}
DIMENSION = max(stop for _, stop in VIEWS.values())
FORMAT = 3  # of the weights file: a network per view in each head
USE_BATCH = 256  # sentences per call of the sentence encoder
BATCH, PADDING = 16, 1.15  # chunks per transformer run, and how much longer than the shortest one may be
Chunk = tuple[int, list[int], list[tuple[int, int, int]]]  # (text, token ids, (first, last + 1, sentence))

# A sentence ends at . ! ? … or a line break; a list item or a worksheet field on its own line is its own sentence.
_SENTENCE = re.compile(r"[^\n.!?\u2026]*(?:[.!?\u2026]+|\n|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, stripped, empty ones dropped."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(ch.isalpha() for ch in text[start:end]):
            spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Segment:
    """One sentence, window of sentences, or chunk of a text, as character offsets into it."""

    start: int
    end: int
    kind: str  # "sentence" | "window" | "chunk"


class SegmentEncoder:
    """Vectors for the sentences, windows and chunks of texts: MiniLM from one transformer pass per chunk, and
    the sentence encoder once per sentence."""

    def __init__(self, embedder: Any = None, threads: int | None = None) -> None:
        self._embedder = embedder
        self._threads = threads
        self._sentences: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._tokenizer is not None:
                return
            if self._embedder is None:
                # The process's one model unless other threads are asked for: a kernel that searches and
                # checks loads it once.
                self._embedder = (
                    minilm.shared() if self._threads is None else minilm.MiniLM(threads=self._threads)
                )
            if self._sentences is None:
                for spec in multilingual.FILES:  # a missing package says how to add it, before any reading
                    package_file(*spec, install=f"add it with `{multilingual.INSTALL}`")
                self._sentences = (
                    multilingual.shared()
                    if self._threads is None
                    else multilingual.MultilingualEmbeddings(threads=self._threads)
                )
            tokenizer = Tokenizer.from_file(str(package_file(*TOKENIZER_FILE)))
            tokenizer.no_truncation()
            tokenizer.no_padding()
            self._tokenizer = tokenizer

    def encode(self, texts: list[str]) -> list[tuple[Any, list[Segment]]]:
        """For each text, an (n, DIMENSION) array and the segment each row stands for: each view's columns
        (``VIEWS``) L2-normalised on their own."""
        found = self._encode_minilm(texts)
        sentences = sorted(
            {
                texts[t][s.start : s.end]
                for t, (_, segs) in enumerate(found)
                for s in segs
                if s.kind == "sentence"
            }
        )
        vectors: dict[str, Any] = {}
        for k in range(0, len(sentences), USE_BATCH):
            part = sentences[k : k + USE_BATCH]
            vectors.update(
                zip(part, np.asarray(self._sentences.embed_documents(part), np.float32), strict=True)
            )
        return [
            (np.hstack([matrix, _pool_sentences(text, segs, vectors)]), segs)
            for text, (matrix, segs) in zip(texts, found, strict=True)
        ]

    def _encode_minilm(self, texts: list[str]) -> list[tuple[Any, list[Segment]]]:
        """For each text, an array of MiniLM's views (``VIEWS`` "minilm" and "peak", each L2-normalised) and
        the segment of each row."""
        self._load()
        chunks: list[Chunk] = []
        sentence_spans_of: dict[int, list[tuple[int, int]]] = {}
        for t, text in enumerate(texts):
            spans = sentence_spans(text)
            if not spans:
                continue
            enc = self._tokenizer.encode(text, add_special_tokens=False)
            sentence_of: list[int] = []
            k = 0
            for start, _end in enc.offsets:
                while k + 1 < len(spans) and start >= spans[k][1]:
                    k += 1
                sentence_of.append(k)
            # Sentences' token ranges, long sentences cut into pieces that fit one chunk.
            pieces: list[tuple[int, int, int]] = []  # (first token, last token + 1, sentence)
            i = 0
            while i < len(sentence_of):
                j = i
                while j < len(sentence_of) and sentence_of[j] == sentence_of[i] and j - i < CHUNK_TOKENS:
                    j += 1
                pieces.append((i, j, sentence_of[i]))
                i = j
            current: list[tuple[int, int, int]] = []
            for piece in pieces + [(-1, -1, -1)]:
                size = (current[-1][1] - current[0][0]) if current else 0
                if current and (piece[0] < 0 or size + piece[1] - piece[0] > CHUNK_TOKENS):
                    first = current[0][0]
                    ids = [_CLS, *enc.ids[first : current[-1][1]], _SEP]
                    chunks.append((t, ids, [(a - first + 1, b - first + 1, s) for a, b, s in current]))
                    current = []
                if piece[0] >= 0:
                    current.append(piece)
            sentence_spans_of[t] = spans
        columns = max(VIEWS[view][1] for view in ("minilm", "peak"))  # MiniLM's two views, side by side
        out: list[tuple[Any, list[Segment]]] = [(np.zeros((0, columns), np.float32), []) for _ in texts]
        if not chunks:
            return out
        vectors: dict[int, list[Any]] = {}
        segments: dict[int, list[Segment]] = {}
        for group in _batches(chunks):
            width = len(group[-1][1])
            ids = np.zeros((len(group), width), np.int64)
            mask = np.zeros((len(group), width), np.int64)
            for r, (_, chunk_ids, _) in enumerate(group):
                ids[r, : len(chunk_ids)] = chunk_ids
                mask[r, : len(chunk_ids)] = 1
            hidden = self._embedder.token_states(ids, mask)
            for r, (t, chunk_ids, pieces) in enumerate(group):
                matrix, segs = _pool(hidden[r, : len(chunk_ids)], pieces, sentence_spans_of[t])
                vectors.setdefault(t, []).append(matrix)
                segments.setdefault(t, []).extend(segs)
        for t in vectors:
            out[t] = (np.vstack(vectors[t]), segments[t])
        return out


def _batches(chunks: list[Chunk]) -> list[list[Chunk]]:
    """Chunks in batches of nearly one length, shortest first: the transformer's cost is in the tokens it
    reads, padding included, so a 60-token chunk is never padded to the width of a 256-token one."""
    batches: list[list[Chunk]] = []
    for chunk in sorted(chunks, key=lambda c: len(c[1])):
        group = batches[-1] if batches else []
        if group and len(group) < BATCH and len(chunk[1]) <= len(group[0][1]) * PADDING + 8:
            group.append(chunk)
        else:
            batches.append([chunk])
    return batches


def _pool(
    states: Any, pieces: list[tuple[int, int, int]], spans: list[tuple[int, int]]
) -> tuple[Any, list[Segment]]:
    """Mean token states of each sentence piece, each window of pieces and the whole chunk, and beside them
    the per-dimension maximum over the same tokens, each L2-normalised."""
    cums = np.vstack([np.zeros((1, states.shape[1]), np.float32), np.cumsum(states, axis=0)])
    ranges = [(p, p) for p in range(len(pieces))]
    ranges += [(p, p + w - 1) for w in WINDOWS for p in range(len(pieces) - w + 1)]
    rows, peaks, segs = [], [], []
    for first, last in ranges:
        a, b = pieces[first][0], pieces[last][1]
        rows.append((cums[b] - cums[a]) / max(b - a, 1))
        peaks.append(states[a:b].max(axis=0))
        kind = "sentence" if first == last else "window"
        segs.append(Segment(spans[pieces[first][2]][0], spans[pieces[last][2]][1], kind))
    if len(pieces) > max(WINDOWS):
        rows.append(cums[-1] / len(states))
        peaks.append(states.max(axis=0))
        segs.append(Segment(spans[pieces[0][2]][0], spans[pieces[-1][2]][1], "chunk"))
    return np.hstack([_unit_rows(rows), _unit_rows(peaks)]), segs


def _unit_rows(matrix: Any) -> Any:
    """Each row scaled to length 1 (a zero row stays zero), as float32."""
    matrix = np.asarray(matrix, np.float32)
    return matrix / np.clip(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12, None)


def _pool_sentences(text: str, segments: list[Segment], vectors: dict[str, Any]) -> Any:
    """The sentence encoder's view of each segment: a sentence's own vector, a window's or a chunk's the mean
    of the sentences inside it, L2-normalised."""
    width = VIEWS["use"][1] - VIEWS["use"][0]
    spans = sorted({(s.start, s.end) for s in segments if s.kind == "sentence"})
    if not spans:
        return np.zeros((len(segments), width), np.float32)
    starts = np.array([a for a, _ in spans])
    ends = np.array([b for _, b in spans])
    own = np.vstack([vectors[text[a:b]] for a, b in spans])
    return _unit_rows([own[(starts >= s.start) & (ends <= s.end)].mean(axis=0) for s in segments])


class CrisisClassifier:
    """Two heads over segment vectors, loaded from the shipped JSON: the *text* head reads each chunk of four
    or more sentences, the *segment* head each sentence and window. Each head is one small network per view
    (``VIEWS``) whose logits are averaged. Either head at its threshold makes a hit."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.heads = {
            name: (
                float(head["threshold"]),
                [
                    (
                        slice(*VIEWS[view["view"]]),
                        [
                            (np.asarray(layer["w"], np.float32), np.asarray(layer["b"], np.float32))
                            for layer in view["layers"]
                        ],
                    )
                    for view in head["views"]
                ],
            )
            for name, head in spec["heads"].items()
        }

    @classmethod
    def load(cls, path: Path | None = None, sha256: str | None = None) -> CrisisClassifier:
        if path is None:
            data = resources.files("kit").joinpath("data", WEIGHTS_FILE).read_bytes()
            sha256 = WEIGHTS_SHA256 if sha256 is None else sha256
            where = f"kit/data/{WEIGHTS_FILE}"
        else:
            data = Path(path).read_bytes()
            where = str(path)
        digest = hashlib.sha256(data).hexdigest()
        if sha256 is not None and digest != sha256:
            raise ClassifierUnavailable(
                f"{where} does not have the expected checksum (got {digest[:12]}…, want {sha256[:12]}…) — "
                "reinstall the kit (`pip install --force-reinstall reflective-notebook-kit`) or rebuild the "
                "weights with `python bench/train_crisis.py`"
            )
        spec = json.loads(data)
        if spec.get("format") != FORMAT:
            raise ClassifierUnavailable(
                f"{where} is in format {spec.get('format')} and this kit reads format {FORMAT} — rebuild the "
                "weights with `python bench/train_crisis.py`"
            )
        return cls(spec)

    @staticmethod
    def _logits(layers: list[tuple[Any, Any]], x: Any) -> Any:
        for k, (w, b) in enumerate(layers):
            x = x @ w + b
            if k < len(layers) - 1:
                x = np.tanh(x)
        return x[:, 0]

    def scores(self, head: str, vectors: Any) -> Any:
        """Scores in [0, 1] of one head, one per row: the mean of its views' logits. Internal: never shown to
        a person."""
        views = self.heads[head][1]
        logit = sum(self._logits(layers, vectors[:, columns]) for columns, layers in views) / len(views)
        return 1.0 / (1.0 + np.exp(-logit))

    @staticmethod
    def head_of(segment: Segment) -> str:
        # The text head reads chunks only: on a short text alone it is overconfident ("What if I can't find any
        # evidence against my hot thought?"), and the segment head reads every sentence and window of it anyway.
        return "text" if segment.kind == "chunk" else "segment"

    def segment_scores(self, vectors: Any, segments: list[Segment]) -> Any:
        """Each segment's score under its own head (internal: never shown to a person)."""
        vectors = np.asarray(vectors, np.float32)
        out = np.zeros(len(segments), np.float32)
        for head in self.heads:
            rows = [k for k, s in enumerate(segments) if self.head_of(s) == head]
            if rows:
                out[rows] = self.scores(head, vectors[rows])
        return out

    def hits(self, vectors: Any, segments: list[Segment]) -> list[Segment]:
        """The chunks, sentences and windows that reach their head's threshold."""
        if not len(segments):
            return []
        scores = self.segment_scores(vectors, segments)
        return [s for s, x in zip(segments, scores, strict=True) if x >= self.heads[self.head_of(s)][0]]


_state: dict[str, Any] = {}
_state_lock = threading.Lock()
_CACHE_SIZE = 4096
_cache: OrderedDict[str, tuple[Segment, ...]] = OrderedDict()

READS_FILE = "crisis-reads.sqlite3"  # in KIT_HOME
_READS_MAX = 100_000  # rows kept; the oldest go first
_KINDS = {"sentence": "s", "window": "w", "chunk": "c"}
_KIND_OF = {short: kind for kind, short in _KINDS.items()}


class _Reads:
    """What the learned layer found in texts it read before, kept in KIT_HOME so that the gate in front of
    tomorrow's summary pays the transformer only for entries written since.

    A derived cache, never needed for a right answer: rows are keyed by a digest of the weights' checksum, the
    segments' version and the text (no text is stored), the file is readable by its owner only, and anything
    wrong with it (no KIT_HOME yet, a read-only disk, a damaged file) means the texts are read again."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def here(cls) -> _Reads | None:
        try:
            home = Settings.from_env().home
        except ConfigError:
            return None
        return cls(home / READS_FILE) if home.is_dir() else None  # never the first to create KIT_HOME

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(f"{WEIGHTS_SHA256}\0{SEGMENTS_VERSION}\0{text}".encode()).hexdigest()

    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, timeout=2.0)
        db.execute("CREATE TABLE IF NOT EXISTS reads (key TEXT PRIMARY KEY, found TEXT NOT NULL)")
        return db

    def _run(self, work: Any) -> Any:
        """``work(db)``; None when the file cannot be used (a damaged file is set aside for a fresh one)."""
        for attempt in range(2):
            try:
                db = self._connect()
                try:
                    with db:
                        return work(db)
                finally:
                    db.close()
            except sqlite3.DatabaseError as exc:  # not a database, or damaged: it is only a cache
                log.debug("crisis reads in %s unusable (%s)", self.path, exc)
                if attempt or isinstance(exc, sqlite3.OperationalError):
                    return None
                try:
                    self.path.unlink()
                except OSError:
                    return None
            except OSError as exc:
                log.debug("crisis reads in %s unusable (%s)", self.path, exc)
                return None
        return None

    def get(self, texts: list[str]) -> dict[str, tuple[Segment, ...]]:
        keys = {self.key(t): t for t in texts}

        def work(db: sqlite3.Connection) -> dict[str, tuple[Segment, ...]]:
            out = {}
            todo = list(keys)
            for k in range(0, len(todo), 500):
                part = todo[k : k + 500]
                marks = ",".join("?" * len(part))
                for key, found in db.execute(f"SELECT key, found FROM reads WHERE key IN ({marks})", part):
                    out[keys[key]] = tuple(Segment(a, b, _KIND_OF[c]) for a, b, c in json.loads(found))
            return out

        return self._run(work) or {}

    def put(self, found: dict[str, tuple[Segment, ...]]) -> None:
        rows = [
            (self.key(t), json.dumps([[s.start, s.end, _KINDS[s.kind]] for s in segs], separators=(",", ":")))
            for t, segs in found.items()
        ]

        def work(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR REPLACE INTO reads (key, found) VALUES (?, ?)", rows)
            db.execute("DELETE FROM reads WHERE rowid <= (SELECT MAX(rowid) FROM reads) - ?", (_READS_MAX,))

        self._run(work)


def _parts() -> tuple[SegmentEncoder, CrisisClassifier]:
    with _state_lock:
        if "classifier" not in _state:
            _state["classifier"] = CrisisClassifier.load()
            _state["encoder"] = SegmentEncoder()
        return _state["encoder"], _state["classifier"]


def _remember(text: str, found: tuple[Segment, ...]) -> None:
    _cache[text] = found
    _cache.move_to_end(text)
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)


def hits(texts: list[str]) -> list[tuple[Segment, ...]]:
    """For each text, the segments the classifier reads as a crisis (none: no hit). Batched and cached by text, in
    the process and in KIT_HOME, so the gate in front of a summary pays once per distinct entry."""
    # The answer is read from this call's own mapping: more distinct texts than the cache holds push the first
    # ones out of it before the last are read.
    distinct = list(dict.fromkeys(texts))
    answer = {t: _cache[t] for t in distinct if t in _cache}
    todo = [t for t in distinct if t not in answer]
    reads = _Reads.here() if todo else None
    if reads is not None:
        known = reads.get(todo)
        answer.update(known)
        todo = [t for t in todo if t not in known]
    if todo:
        encoder, classifier = _parts()
        found = {}
        for text, (vectors, segments) in zip(todo, encoder.encode(todo), strict=True):
            found[text] = tuple(classifier.hits(vectors, segments))
        answer.update(found)
        if reads is not None:
            reads.put(found)
    for text, segments in answer.items():
        _remember(text, segments)
    return [answer[text] for text in texts]
