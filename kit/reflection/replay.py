"""Replay: re-run the reflections saved in a notebook from their provenance and say whether they come out the same.

For every saved reflection (a ``kit-reflection`` cell, or the output of a ReflectWidget) replay first checks that
it *can* be reproduced, before any model is asked:

- every entry it was computed from (``provenance.inputs``: the digest's entries and the retrieved ones) is still in
  the journal with the same content hash and is not private — one edited, deleted or marked private since is named
  by its date and notebook, never quoted;
- its prompt id and version are the current ones in kit.models.prompts;
- its model is here: the embedded GGUF and llama.cpp; Ollama with the same model *digest*; a GGUF file
  (``gguf:``) with the same sha256; an OpenAI-compatible server (``openai:``) at the recorded address that still
  lists the recorded model id; the fake, when the fake wrote it; the same generation parameters;
- the digest recomputed from those entries hashes the same (it would not after a mood or date edit, with another
  embedder, or with another version of the digest).

Then it runs the recorded request again, with the recorded backend, parameters and seed, on exactly those entries:
the flow sees a view of the index that holds nothing else, so entries written since cannot drift into the
retrieval or the digest. The replayed text — which carries the citations and the questions — is compared with the
saved one: ``identical``, ``differs`` (with a unified diff) or ``cannot-replay`` (with the reason).

Determinism: the fake and the embedded model (llama.cpp on the CPU, seeded per sample) reproduce exactly on the
same machine. Ollama: the same model digest, seed and temperature on the same hardware and Ollama version usually
reproduce, but Ollama does not promise bit-identical output across its versions, GPUs or CPU builds; replay then
reports ``differs`` with the diff rather than pretending. An OpenAI-compatible server at temperature 0 with the
seed repeats itself for the same request in the same state, but llama.cpp-based servers reuse the work of the
previous request when it began with the same words, and that can change the words (measured with
llama-cpp-python's server and SmolLM2): replay then reports ``differs``, saying so.

Crisis reflections (helplines, no model asked) are run again through the same flow with a model that refuses to
be called: ``identical`` when the crisis check stops the request again with the same text; ``differs`` when the
text changed (another helpline list, a safety plan notebook made since) or when the check no longer stops the
request — then no model is asked either.

Limits: a reflection written by a chat model a program passed in is replayed only with ``model=`` that model;
replay never sends personal details to a model off this machine, so one that needed ``--pii redact`` or ``send``
cannot be replayed; the embedder is not recorded, so another embedder shows as "digest changed". Replay writes nothing into
the notebook; it only brings the index (a cache) up to date.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib.util
import inspect
import re
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kit._version import __version__
from kit.config import settings
from kit.errors import JournalError, KitError, PersonalDetailsFound
from kit.index.store import Index, with_pending
from kit.journal.notebooks import scan_journal
from kit.journal.reflections import SavedReflection, saved_reflections
from kit.models import prompts
from kit.models.files import package_file
from kit.models.gguf import GgufChatModel, check_gguf, file_sha256
from kit.models.llama import GGUF_FILE, EmbeddedChatModel
from kit.models.ollama import KitChatOllama, ollama_show
from kit.models.registry import Backend, backend_names, get_backend
from kit.reflection.digest import digest as make_digest
from kit.reflection.provenance import ASK_K, QUESTION_SAMPLES, _backend, _digest_hash, _params
from kit.reflection.reflect import ask, digest_query_k, summarize
from kit.safety.wellbeing import BREAK_NOTE
from kit.text import plural

IDENTICAL, DIFFERS, CANNOT = "identical", "differs", "cannot-replay"
FLOW_PARAMS = ("samples",)  # recorded with the model's parameters, but set by the flow, not the model


class NotebookNotFound(JournalError):
    """The notebook to replay does not exist."""


@dataclass(frozen=True)
class ReplayResult:
    """What replaying one saved reflection gave."""

    reflection_id: str
    kind: str  # "summary" | "ask"
    status: str  # "identical" | "differs" | "cannot-replay"
    reason: str
    diff: str  # unified diff of the saved text against the replayed one, when it differs
    prompt_id: str
    prompt_version: int
    model: str
    created: str = ""  # when the reflection was made
    about: str = ""  # the request, in a few words

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReplayReport:
    """Every saved reflection of one notebook, replayed, in cell order."""

    notebook: str
    results: list[ReplayResult]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def all_identical(self) -> bool:
        return bool(self.results) and self.count(IDENTICAL) == len(self.results)

    def summary(self) -> str:
        """One line a person can check: "3 reflections: 2 identical, 1 differs, 0 cannot replay"."""
        n = len(self.results)
        return (
            f"{n} {'reflection' if n == 1 else 'reflections'}: {self.count(IDENTICAL)} identical, "
            f"{self.count(DIFFERS)} differs, {self.count(CANNOT)} cannot replay"
        )

    def to_dict(self) -> dict[str, Any]:
        return {"notebook": self.notebook, "results": [r.to_dict() for r in self.results]}

    def render(self, file: Any = None) -> None:
        """A table, one line per reflection; the diff of each that differs below it; then the counts."""
        console = Console(file=file or sys.stdout, highlight=False)
        if not self.results:
            console.print(
                escape(
                    f"No saved reflections in {self.notebook} — keep one there with "
                    "`reflect summarize --save NOTEBOOK` (or a ReflectWidget), then replay it."
                )
            )
            return
        table = Table(box=box.SIMPLE_HEAD, title=f"reflect replay {self.notebook}", title_justify="left")
        table.add_column("reflection", overflow="fold")
        table.add_column("status", no_wrap=True)
        table.add_column("reason", overflow="fold")
        marks = {
            IDENTICAL: "[green]identical[/]",
            DIFFERS: "[yellow]differs[/]",
            CANNOT: "[red]cannot replay[/]",
        }
        for r in self.results:
            what = escape(f"{r.created[:10]} {r.kind}: {r.about}")
            where = escape(f"{r.reflection_id[:12]} · {r.model}")
            table.add_row(f"{what}\n[dim]{where}[/]", marks[r.status], escape(r.reason))
        console.print(table)
        for r in self.results:
            if r.status == DIFFERS and r.diff:
                console.print(f"[bold]differs: {escape(r.reflection_id[:12])} ({escape(r.about)})[/]")
                console.print(escape(r.diff), soft_wrap=True)
        console.print(self.summary())


def replay(
    notebook: Path | str,
    *,
    journal: Path | str | None = None,
    model: Any = None,
    index: Any = None,
    progress: Callable[[str], None] | None = None,
) -> ReplayReport:
    """Re-run every reflection saved in ``notebook`` from its provenance; see the module docstring.

    ``notebook``: a path relative to the journal, or absolute. ``model``: None rebuilds the recorded model (the
    embedded one, Ollama's, or the fake); a langchain chat model, kit Backend or KIT_MODEL value is used instead
    (it must carry the recorded model's name) — the way to replay what a program's own model wrote. ``progress``
    receives "replaying 2/5" lines.
    """
    if journal is not None:
        root = Path(journal).expanduser().resolve()
    else:
        root = index.journal if index is not None else settings().journal
    path = _notebook_path(notebook, root)
    saved = saved_reflections(path)
    replayer = _Replayer(root, index or Index(journal=root), model)
    results = []
    for n, one in enumerate(saved, 1):
        if progress:
            progress(f"replaying {n}/{len(saved)}")
        results.append(replayer.replay(one))
    return ReplayReport(str(path), results)


def _notebook_path(notebook: Path | str, journal: Path) -> Path:
    path = Path(notebook).expanduser()
    if not path.is_absolute():
        # Relative to the journal first (as --save writes it); a path typed from the current folder works too.
        path = journal / path if (journal / path).exists() or not path.exists() else path.resolve()
    if not path.is_file():
        raise NotebookNotFound(
            f"there is no notebook {path} — give its path relative to the journal {journal}, or an absolute one"
        )
    return path


# ---------------------------------------------------------------- one reflection


class _Cannot(Exception):
    """Why a reflection cannot be replayed (becomes the result's reason)."""


class _CrisisNotStopped(Exception):
    """A saved crisis reflection, run again, reached a model: the crisis check no longer stops it."""


class _Replayer:
    """Replays one notebook's reflections: the journal is scanned and the index brought up to date once."""

    def __init__(self, journal: Path, index: Any, model: Any) -> None:
        self.journal = journal
        self.index = index
        self.model = model
        self._entries: dict[str, Any] | None = None
        self._fresh = False

    def entries(self) -> dict[str, Any]:
        """The journal's entries now, by id — as the index would read them, pending widget entries included."""
        if self._entries is None:
            scan = with_pending(scan_journal(self.journal), self.journal) if self.journal.is_dir() else None
            self._entries = {e.id: e for e in scan.entries} if scan else {}
        return self._entries

    def view(self, ids: list[str]) -> _Pinned:
        if not self._fresh:
            self.index.update(progress=False)
            self._fresh = True
        return _Pinned(self.index, ids)

    def replay(self, saved: SavedReflection) -> ReplayResult:
        prov = saved.provenance
        request = prov.get("request") or {}
        kind = "ask" if "question" in request else "summary"
        result = ReplayResult(
            reflection_id=saved.id,
            kind=kind,
            status=CANNOT,
            reason="",
            diff="",
            prompt_id=str(prov.get("prompt_id", "")),
            prompt_version=int(prov.get("prompt_version") or 0),
            model=str(prov.get("model", "")),
            created=str(prov.get("created", "")),
            about=_about(kind, request),
        )
        try:
            status, reason, diff = self._run(saved, kind, request)
        except _Cannot as exc:
            return dataclasses.replace(result, reason=str(exc))
        return dataclasses.replace(result, status=status, reason=reason, diff=diff)

    def _run(self, saved: SavedReflection, kind: str, request: dict[str, Any]) -> tuple[str, str, str]:
        prov = saved.provenance
        crisis = prov.get("written_by") == "safety"
        if "inputs" not in prov:
            raise _Cannot(
                "it was saved by a kit that did not record the entries its digest came from — reflect again "
                "and save that to be able to replay it"
            )
        if saved.text is None:
            raise _Cannot(
                "this notebook shows only part of it (as the weekly review does) — replay needs a reflection "
                "kept whole, with `--save` or kit.save_reflection"
            )
        _check_prompt(prov)
        inputs = _recorded_entries(prov)
        _check_entries(inputs, self.entries())
        backend, notes = (_crisis_backend(prov), []) if crisis else _replay_backend(prov, self.model)
        view = self.view([i["id"] for i in inputs])
        _check_digest(prov, kind, request, view)
        try:
            replayed = _rerun(kind, request, backend, view)
        except _CrisisNotStopped:
            replayed = None
        except PersonalDetailsFound as exc:
            raise _Cannot(
                f"it would send personal details to {backend.model_name}, which is not on this machine — replay "
                "never sends them without asking"
            ) from exc
        except KitError as exc:
            raise _Cannot(str(exc)) from exc
        saved_text = _without_break_note(saved.text)
        if replayed is None or (crisis and not replayed.crisis):
            # Only a crisis reflection's stand-in model refuses, so no model was asked for it now either.
            diff = _diff(saved_text, replayed.text) if replayed is not None else ""
            return DIFFERS, "the crisis check no longer stops this request; no model was asked", diff
        if replayed.provenance.digest_hash != prov.get("digest_hash"):
            raise _Cannot(_DIGEST_CHANGED)
        if replayed.text == saved_text:
            if replayed.provenance.retrieved_ids != list(prov.get("retrieved_ids") or []):
                diff = _diff(_used(prov), _used(asdict(replayed.provenance)))
                return DIFFERS, "the same text, but drawn from other entries", diff
            n = len(inputs)
            return IDENTICAL, "; ".join([f"same text from the same {n} {_entries_word(n)}", *notes]), ""
        diff = _diff(saved_text, replayed.text)
        changed = sum(1 for line in diff.splitlines()[2:] if line.startswith(("+", "-")))
        if backend.name == "ollama":
            notes.append("Ollama does not promise the same output across its versions or hardware")
        if backend.name == "openai":
            notes.append(
                "a model server may reuse the work of its previous request, which can change the words even "
                "with the same seed"
            )
        return (
            DIFFERS,
            "; ".join([f"the text is not the saved one ({plural(changed, 'line')})", *notes]),
            diff,
        )


def _used(prov: dict[str, Any]) -> str:
    """The entries a reflection drew on, one per line, named by date and notebook."""
    places = {i.get("id"): i for i in prov.get("inputs") or []}
    return "\n".join(_where(places.get(i) or {"id": i}) for i in prov.get("retrieved_ids") or [])


def _entries_word(n: int) -> str:
    return "entry" if n == 1 else "entries"


def _about(kind: str, request: dict[str, Any]) -> str:
    parts = [f"“{request['question']}”"] if kind == "ask" and request.get("question") else []
    if request.get("query"):
        parts.append(f"about “{request['query']}”")
    if request.get("since") or request.get("until"):
        parts.append(f"{request.get('since') or '…'} to {request.get('until') or '…'}")
    if request.get("template"):
        parts.append(f"worksheet {request['template']}")
    if (request.get("mode") or "summary") != "summary":
        parts.append(f"{request['mode']} mode")
    return ", ".join(parts) or "the whole journal"


def _diff(saved: str, replayed: str) -> str:
    lines = difflib.unified_diff(saved.splitlines(), replayed.splitlines(), "saved", "replayed", lineterm="")
    return "\n".join(lines)


def _without_break_note(text: str) -> str:
    """The saved text without the break reminder a long session added to it (it is no part of the reflection)."""
    before, after = BREAK_NOTE.split("{minutes}")
    return re.sub("\n\n" + re.escape(before) + r"[0-9.]+" + re.escape(after) + r"\Z", "", text)


# ---------------------------------------------------------------- checks before any model is asked


def _check_prompt(prov: dict[str, Any]) -> None:
    prompt_id, version = prov.get("prompt_id"), prov.get("prompt_version")
    if prompt_id in (None, "digest"):  # no prompt: the digest (or the helplines) alone
        return
    current = {p.id: p for p in vars(prompts).values() if isinstance(p, prompts.Prompt)}.get(prompt_id)
    if current is None:
        raise _Cannot(f"prompt {prompt_id} no longer exists in kit {__version__}")
    if current.version != version:
        raise _Cannot(f"prompt {prompt_id} changed from v{version} to v{current.version}")


def _recorded_entries(prov: dict[str, Any]) -> list[dict[str, str]]:
    """The recorded entries, each once: ``inputs``, and any retrieved one it lacks (with its hash)."""
    entries = {str(i.get("id")): i for i in prov.get("inputs") or [] if isinstance(i, dict)}
    retrieved = zip(prov.get("retrieved_ids") or [], prov.get("retrieved_hashes") or [], strict=False)
    for entry_id, content_hash in retrieved:
        entries.setdefault(entry_id, {"id": entry_id, "content_hash": content_hash})
    return list(entries.values())


def _check_entries(recorded: list[dict[str, str]], current: dict[str, Any]) -> None:
    problems = []
    for rec in recorded:
        entry = current.get(rec["id"])
        if entry is None:
            problems.append(f"{_where(rec)} was deleted")
        elif entry.private:
            problems.append(f"{_where(rec)} is now private")
        elif entry.content_hash != rec.get("content_hash"):
            problems.append(f"{_where(rec)} was edited since")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise _Cannot(f"{problems[0]}{more} — it can only be replayed on the entries it was made from")


def _where(rec: dict[str, str]) -> str:
    """An entry named by its date and notebook (never by its words)."""
    if rec.get("created") and rec.get("notebook"):
        return f"the entry of {rec['created']} in {rec['notebook']}"
    return f"the entry {rec['id'][:12]}"


_DIGEST_CHANGED = (
    "digest changed: recomputed from the same entries it is not the one the reflection was made from (a mood, "
    "date or worksheet edited since, another embedder, or another version of the kit)"
)


def _check_digest(prov: dict[str, Any], kind: str, request: dict[str, Any], view: _Pinned) -> None:
    dates = (request.get("since"), request.get("until"))
    if kind == "ask":
        k = int(request.get("k") or ASK_K)
        d = make_digest(
            *dates,
            request.get("query") or request["question"],
            request.get("template"),
            index=view,
            query_k=digest_query_k(k),
        )
    else:
        d = make_digest(*dates, request.get("query"), request.get("template"), index=view)
    if _digest_hash(d) != prov.get("digest_hash"):
        raise _Cannot(_DIGEST_CHANGED)


# ---------------------------------------------------------------- the model it was written with


def _model_params(prov: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in (prov.get("params") or {}).items() if k not in FLOW_PARAMS}


def _replay_backend(prov: dict[str, Any], model: Any) -> tuple[Any, list[str]]:
    """The recorded model with its recorded parameters (or the caller's ``model``), and notes for the reason."""
    name, backend_name = str(prov.get("model", "")), str(prov.get("backend", ""))
    notes: list[str] = []
    if model is not None:
        backend = _backend(model)
    elif backend_name == "embedded":
        backend = _embedded(prov)
    elif backend_name == "ollama":
        backend = _ollama(prov)
    elif backend_name == "openai":
        backend = _openai(prov)
    elif backend_name == "gguf":
        backend = _gguf(prov)
    elif backend_name and backend_name != "custom" and backend_name in backend_names():
        backend = get_backend(backend_name)  # registered by name: built the same way each time
    else:
        raise _Cannot(
            f"it was written by a chat model a program passed in ({name}) — replay it from Python with "
            "kit.reflection.replay.replay(notebook, model=<that model>)"
        )
    if backend.model_name != name:
        raise _Cannot(f"model changed: it was written by {name}, the model here is {backend.model_name}")
    recorded, now = prov.get("model_digest"), backend.digest
    if recorded and now and recorded != now:
        raise _Cannot(
            f"model changed: {name} is now {now[:19]}, it was written by {recorded[:19]} — "
            f"`ollama pull` gives the newest {name}, not the one it was written with"
        )
    if backend_name == "ollama" and not recorded:
        notes.append("Ollama gave no digest when it was written, so the same model could not be confirmed")
    params, _ = _params(backend.model)
    if params != _model_params(prov):
        changed = sorted(set(params.items()) ^ set(_model_params(prov).items()))
        raise _Cannot(f"model parameters changed: {', '.join(sorted({k for k, _ in changed}))}")
    samples = (prov.get("params") or {}).get("samples")
    if samples is not None and samples != QUESTION_SAMPLES:
        raise _Cannot(f"the number of sampled questions changed from {samples} to {QUESTION_SAMPLES}")
    # The backend's name and the reason it was chosen are part of the text (the label, the small model's note).
    return dataclasses.replace(backend, name=backend_name, reason=str(prov.get("reason", ""))), notes


def _embedded(prov: dict[str, Any]) -> Any:
    try:
        package_file(*GGUF_FILE)
    except KitError as exc:
        raise _Cannot(f"model missing: {exc}") from exc
    if importlib.util.find_spec("llama_cpp") is None:
        raise _Cannot(
            "model missing: llama-cpp-python is not installed — run `make demo` (or `pip install "
            "'reflective-notebook-kit[embedded]'`)"
        )
    fields = EmbeddedChatModel.model_fields
    chat = EmbeddedChatModel(**{k: v for k, v in _model_params(prov).items() if k in fields})
    return Backend(chat, "embedded", chat.model_name, "")


def _ollama(prov: dict[str, Any]) -> Any:
    name, host = str(prov.get("model", "")), settings().ollama_host
    try:
        info = ollama_show(host, name)
    except KitError as exc:
        raise _Cannot(f"model missing: {exc}") from exc
    fields = KitChatOllama.model_fields
    options = {k: v for k, v in _model_params(prov).items() if k in fields}
    chat = KitChatOllama(model=name, base_url=host, context_length=info.context_length, **options)
    return Backend(chat, "ollama", name, "", info.digest, info.context_length)


def _openai(prov: dict[str, Any]) -> Any:
    """The recorded OpenAI-compatible server and model, if it still answers and still serves that model."""
    from kit.models.openai_compat import KitChatOpenAI, server_models, start_hint

    name, server = str(prov.get("model", "")), prov.get("server") or {}
    base_url = str(server.get("base_url") or "")
    if not base_url:
        raise _Cannot("the model server's address was not recorded with it")
    try:
        listed = server_models(base_url)
    except KitError as exc:
        raise _Cannot(f"model missing: {exc}") from exc
    if listed is None:
        raise _Cannot(f"model missing: nothing answers at {base_url} — {start_hint(base_url)}")
    recorded = server.get("model_id")
    if recorded and recorded not in listed:
        raise _Cannot(
            f"model changed: the server at {base_url} now serves {', '.join(listed) or 'no model'}, it was "
            f"written by {recorded}"
        )
    fields = KitChatOpenAI.model_fields
    options = {k: v for k, v in _model_params(prov).items() if k in fields}
    return Backend(KitChatOpenAI(model=name, base_url=base_url, **options), "openai", name, "")


def _gguf(prov: dict[str, Any]) -> Any:
    """The recorded GGUF file, if it is still there with the same sha256."""
    path = str((prov.get("server") or {}).get("path") or "")
    try:
        file = check_gguf(path)
    except KitError as exc:
        raise _Cannot(f"model missing: {exc}") from exc
    recorded, now = prov.get("model_digest"), file_sha256(file)
    if recorded and recorded != now:
        raise _Cannot(
            f"model changed: {file.name} is not the file it was written with (sha256 {now[:12]}…, it was "
            f"{str(recorded)[:12]}…)"
        )
    fields = GgufChatModel.model_fields
    chat = GgufChatModel(
        model_path=str(file), **{k: v for k, v in _model_params(prov).items() if k in fields}
    )
    return Backend(chat, "gguf", chat.model_name, "", now)


class _Refuses(BaseChatModel):
    """A stand-in for the recorded model that refuses to be called: a crisis reflection asked no model."""

    @property
    def _llm_type(self) -> str:
        return "kit-refuses"

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise _CrisisNotStopped


def _crisis_backend(prov: dict[str, Any]) -> Any:
    names = (str(prov.get("backend", "")), str(prov.get("model", "")), str(prov.get("reason", "")))
    return Backend(_Refuses(), *names, prov.get("model_digest"))


# ---------------------------------------------------------------- running the recorded request again


def _rerun(kind: str, request: dict[str, Any], backend: Any, view: _Pinned) -> Any:
    # The flows without their session wrapper: a break reminder belongs to a live session, not to a replay.
    options = {
        "since": request.get("since"),
        "until": request.get("until"),
        "template": request.get("template"),
        "model": backend,
        "index": view,
        "refresh": False,
        "mode": request.get("mode") or "summary",
    }
    if kind == "ask":
        return inspect.unwrap(ask)(
            request["question"], k=int(request.get("k") or ASK_K), query=request.get("query"), **options
        )
    return inspect.unwrap(summarize)(query=request.get("query"), **options)


class _Pinned:
    """The journal's index as a replay sees it: only the entries a reflection was made from.

    The flows read the index through ``collection()`` (get, query, count), ``embedder`` and ``journal``; each
    read here is the same read of the real index restricted to the pinned ids, so the digest, the search and
    the retrieval run their own code on exactly the recorded entries.
    """

    def __init__(self, index: Any, ids: list[str]) -> None:
        self._index = index
        self.ids = list(dict.fromkeys(ids))
        self.journal = index.journal

    @property
    def embedder(self) -> Any:
        return self._index.embedder

    def collection(self) -> _PinnedCollection:
        return _PinnedCollection(self._index.collection(), self.ids)

    @property
    def words(self) -> _PinnedWords | None:
        """The word index, read for the pinned entries only: whether the words matched an entry decides whether
        a search keeps it, so a replay must see the same matches."""
        words = getattr(self._index, "words", None)
        return None if words is None else _PinnedWords(words, self.ids)


class _PinnedWords:
    def __init__(self, words: Any, ids: list[str]) -> None:
        self._words = words
        self._ids = set(ids)

    def ranked(self, query: str, limit: int, **filters: Any) -> list[tuple[str, float]]:
        # Every match of the whole journal is read (SQLite's LIMIT -1): a pinned entry may rank anywhere in it.
        every = self._words.ranked(query, -1, **filters)
        return [(i, score) for i, score in every if i in self._ids][:limit]


_EMPTY_GET: dict[str, list[Any]] = {"ids": [], "documents": [], "metadatas": [], "embeddings": []}


class _PinnedCollection:
    def __init__(self, collection: Any, ids: list[str]) -> None:
        self._collection = collection
        self._ids = ids

    def count(self) -> int:
        return len(self._collection.get(ids=self._ids, include=[])["ids"]) if self._ids else 0

    def get(
        self, ids: list[str] | None = None, where: Any = None, include: Any = ("metadatas", "documents")
    ) -> Any:
        pinned = set(self._ids)
        wanted = self._ids if ids is None else [i for i in ids if i in pinned]
        if not wanted:
            return {k: list(v) for k, v in _EMPTY_GET.items()}
        return self._collection.get(ids=wanted, where=where, include=list(include))

    def query(self, query_embeddings: Any, n_results: int, where: Any = None, include: Any = ()) -> Any:
        if not self._ids:
            return {"ids": [[]], "documents": [[]], "metadatas": [[]], "distances": [[]]}
        return self._collection.query(
            query_embeddings=query_embeddings,
            ids=self._ids,
            n_results=n_results,
            where=where,
            include=list(include),
        )
