"""What a reflection is and where it came from: its text, the entries it cites, and the provenance that lets it be
replayed (model, digest, parameters, prompt id and version, what the checks withheld)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from langchain_core.language_models import BaseChatModel

from kit._version import __version__
from kit.errors import ConfigError
from kit.journal.templates import entry_label
from kit.models.llama import EmbeddedChatModel
from kit.models.registry import Backend, get_backend

MAX_ENTRIES = 12  # entries a written summary is built on
ENTRY_CHARS = 700  # each entry is cut to this many characters in a prompt
MAX_QUESTION_THEMES = 5  # themes the embedded model writes a question for
QUESTION_SAMPLES = 3  # seeded samples per question; the best one that passes the filters is kept
QUESTION_TOKENS = 40  # a sampled question is cut here: the filters keep questions of at most 25 words
QUESTION_ENTRY_CHARS = 400  # the entry is cut to this many characters in the small model's question prompt
ASK_K = 8
OLLAMA_HELP = (
    "A written summary needs a larger local model: install Ollama (ollama.com), run `ollama pull llama3.2`, "
    "and ask again — nothing leaves this machine."
)

Progress = Callable[[str], None]


class Status(str):
    """What a flow tells its ``progress`` callback about itself ("Writing question 1 of 3…"), as opposed to a piece
    of model text: a display shows it as it is, and counts words only of the rest."""


@contextlib.contextmanager
def ticking(progress: Progress | None, doing: str) -> Iterator[None]:
    """Says ``doing`` at once, then every second how long it has taken so far, until the block ends."""
    if progress is None:
        yield
        return
    stop = threading.Event()
    started = time.monotonic()

    def tick() -> None:
        while not stop.wait(1.0):
            progress(Status(f"{doing}… ({int(time.monotonic() - started)} s)"))

    progress(Status(f"{doing}…"))
    ticker = threading.Thread(target=tick, name="kit-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()


@dataclass(frozen=True)
class Source:
    """An entry as the index holds it, with the short handle ("E3") a prompt uses for it."""

    handle: str
    entry_id: str
    text: str
    created: str
    notebook: str
    path: str
    cell_id: str
    content_hash: str
    about: str = ""  # what the entry answers, in words ("DBT diary card — Skills I used"), never a file name

    def day(self) -> str:
        return self.created[:10]


@dataclass(frozen=True)
class Citation:
    handle: str
    entry_id: str
    created: str
    notebook: str
    path: str
    cell_id: str


@dataclass(frozen=True)
class Question:
    text: str
    theme: str
    source: str  # "model" (passed the filters) | "bank" (the kit's curated questions)
    entry_id: str  # the entry the question was asked about (the theme's quoted one)
    created: str = ""  # that entry's date


@dataclass(frozen=True)
class Provenance:
    """What produced a reflection (the fields every saved reflection keeps first)."""

    model: str
    backend: str
    model_digest: str | None
    params: dict[str, Any]
    seed: int | None
    prompt_id: str
    prompt_version: int
    retrieved_ids: list[str]
    retrieved_hashes: list[str]
    created: str
    kit_version: str
    reason: str = ""
    request: dict[str, Any] = field(default_factory=dict)
    written_by: str = "digest"  # "model" | "digest" | "safety"
    digest_hash: str | None = None
    withheld: list[str] = field(default_factory=list)
    # What a model server or a GGUF file said about the model, read when it answered: {base_url, model_id,
    # system_fingerprint} for an OpenAI-compatible server, {path, sha256} for a GGUF file; empty otherwise.
    server: dict[str, str] = field(default_factory=dict)
    # Every entry the reflection was computed from (the digest's and the retrieved ones) as {id, content_hash,
    # created, notebook}: replay pins itself to exactly these and names one that changed without quoting it.
    inputs: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Reflection:
    """A summary or an answer, as shown and as saved: text, citations, provenance and the digest beneath it."""

    id: str
    kind: str  # "summary" | "ask"
    text: str  # markdown, labelled: AI-written, or computed from the entries
    ai_written: bool
    citations: list[Citation]
    questions: list[Question]
    provenance: Provenance
    digest: Any = None  # kit.reflection.digest.Digest
    note: str | None = None
    crisis: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["digest"] = self.digest.to_dict() if self.digest is not None else None
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        return self.text

    def request_key(self) -> str:
        """Same request, same key: saving it again replaces the earlier output instead of adding one."""
        request = {k: v for k, v in self.provenance.request.items() if v is not None}
        return hashlib.sha256(json.dumps([self.kind, request], sort_keys=True).encode()).hexdigest()[:16]


def checked_days(reflection: Reflection) -> list[str]:
    """The day of each entry a capable model's questions were checked against: the entries it cites, or every
    entry it was given when it cites none (as kit.models.checks.check_output reads them)."""
    if reflection.citations:
        return [c.created for c in reflection.citations]
    days = {i["id"]: i["created"] for i in reflection.provenance.inputs}
    return [days[i][:10] for i in reflection.provenance.retrieved_ids if i in days]


# ---------------------------------------------------------------- backends


def _backend(model: Any) -> Any:
    if model is None or isinstance(model, str):
        return get_backend(model)
    if isinstance(model, Backend):
        return model
    if isinstance(model, BaseChatModel):
        name = "embedded" if isinstance(model, EmbeddedChatModel) else "custom"
        label = getattr(model, "model_name", None) or getattr(model, "model", None) or type(model).__name__
        return Backend(model, name, str(label), "a chat model passed in by the caller")
    raise ConfigError(
        f"model={model!r} is not a chat model — pass a langchain chat model, a KIT_MODEL value, or nothing"
    )


def _params(chat: Any) -> tuple[dict[str, Any], int | None]:
    params = chat.params() if callable(getattr(chat, "params", None)) else {}
    params = {k: v for k, v in params.items() if isinstance(v, str | int | float | bool) or v is None}
    return params, params.get("seed")


def model_record(backend: Any) -> dict[str, Any]:
    """Who wrote a text and how, as every saved AI text records it: the model, its backend and digest, why it was
    chosen, its parameters, when, and the kit's version. ``backend=None``: no model was asked."""
    params, _ = _params(backend.model) if backend is not None else ({}, None)
    served = _served(backend)
    digest = getattr(backend, "digest", None) if backend is not None else None
    return {
        "model": backend.model_name if backend is not None else None,
        "backend": backend.name if backend is not None else None,
        # A server's fingerprint of the model, or the GGUF file's sha256, when the backend has no digest of its own.
        "model_digest": digest or served.get("sha256") or served.get("system_fingerprint"),
        "reason": backend.reason if backend is not None else "",
        "params": params,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "kit_version": __version__,
        "server": served,
    }


def _served(backend: Any) -> dict[str, str]:
    """What the model's server or file said about it (``served()`` on the chat model); {} when nothing."""
    served = getattr(getattr(backend, "model", None), "served", None)
    if not callable(served):
        return {}
    return {str(k): str(v) for k, v in (served() or {}).items() if v}


def _provenance(
    backend: Any,
    prompt: Any,
    sources: list[Source],
    request: dict[str, Any],
    digest: Any,
    written_by: str,
    withheld: list[str] | None = None,
    extra_params: dict[str, Any] | None = None,
    index: Any = None,
) -> Provenance:
    record = model_record(backend)
    record["params"].update(extra_params or {})
    used = [*_digest_ids(digest), *(s.entry_id for s in sources)]
    inputs = [
        {"id": s.entry_id, "content_hash": s.content_hash, "created": s.day(), "notebook": s.notebook}
        for s in (_sources(index, used) if index is not None else [])
    ]
    return Provenance(
        **record,
        seed=record["params"].get("seed"),
        prompt_id=prompt.id if prompt else "digest",
        prompt_version=prompt.version if prompt else 1,
        retrieved_ids=[s.entry_id for s in sources],
        retrieved_hashes=[s.content_hash for s in sources],
        request=request,
        written_by=written_by,
        digest_hash=_digest_hash(digest),
        withheld=list(withheld or []),
        inputs=inputs,
    )


def _digest_ids(digest: Any) -> list[str]:
    """The ids of every entry a digest was computed from (each is in one theme or among the others)."""
    if digest is None:
        return []
    return [i for t in digest.themes for i in t.entry_ids] + list(digest.other_ids)


def _digest_hash(digest: Any) -> str | None:
    if digest is None:
        return None
    return hashlib.sha256(json.dumps(digest.to_dict(), sort_keys=True).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- entries and prompts


def _sources(index: Any, ids: list[str]) -> list[Source]:
    """The entries with these ids, oldest first, with handles E1, E2, …"""
    if not ids:
        return []
    got = index.collection().get(ids=list(dict.fromkeys(ids)), include=["documents", "metadatas"])
    rows = sorted(
        zip(got["ids"], got["documents"], got["metadatas"], strict=True),
        key=lambda r: (r[2]["created_ts"], r[0]),
    )
    return [
        Source(
            handle=f"E{n}",
            entry_id=entry_id,
            text=text or "",
            created=meta["created"],
            notebook=meta["notebook"],
            path=str(index.journal / meta["notebook"]),
            cell_id=meta["cell_id"],
            content_hash=meta["content_hash"],
            about=entry_label(str(meta.get("template") or "journal"), str(meta.get("field") or "entry")),
        )
        for n, (entry_id, text, meta) in enumerate(rows, 1)
    ]


def _pick_for_summary(digest: Any, limit: int = MAX_ENTRIES) -> list[str]:
    """Each theme's quoted entry first, then its other entries in turn, so every theme is represented."""
    queues = [[t.quote.entry_id, *[i for i in t.entry_ids if i != t.quote.entry_id]] for t in digest.themes]
    picked: list[str] = []
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def _entries_block(sources: list[Source]) -> str:
    blocks = []
    for s in sources:
        text = s.text if len(s.text) <= ENTRY_CHARS else s.text[:ENTRY_CHARS].rsplit(" ", 1)[0] + " …"
        blocks.append(f"[{s.handle}] {s.day()} ({s.notebook}):\n{text}")
    return "\n\n".join(blocks)


def _citations(sources: list[Source], handles: list[str]) -> list[Citation]:
    by_handle = {s.handle: s for s in sources}
    return [
        Citation(h, s.entry_id, s.day(), s.notebook, s.path, s.cell_id)
        for h in handles
        if (s := by_handle.get(h)) is not None
    ]


def _cited_list(citations: list[Citation]) -> str:
    return "\n".join(f"- [{c.handle}] {c.created} · {c.notebook}" for c in citations)
