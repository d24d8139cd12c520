"""Summarise and ask: the digest first, a model's words on top, checked before anyone sees them.

Every flow runs the same steps: bring the index up to date; compute what the entries hold without a model
(kit.reflection.digest); run the offline crisis check on the person's new text and on every entry that would go to a
model (on a hit: helplines and their safety plan, no model call); then, by backend —

- a capable model (Ollama, fake, or any langchain chat model passed in) writes prose from the digest and the
  entries; kit.models.checks.check_output runs on it; on failure one retry with the reasons, then the digest with a
  one-line note saying why the written text was withheld;
- the small embedded model writes one open question per theme (few-shot, a grammar fixing only the opening
  words, several seeded samples, filters, a curated fallback) and nothing else (DESIGN.md, "Summaries").

Private entries are never indexed, so they never reach a digest or a model.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kit.models.checks import check_output
from kit.egress import is_loopback
from kit.errors import ConfigError
from kit.safety.labels import ai_header, digest_header

MAX_ENTRIES = 12  # entries a written summary is built on
ENTRY_CHARS = 700  # each entry is cut to this many characters in a prompt
MAX_QUESTION_THEMES = 5  # themes the embedded model writes a question for
QUESTION_SAMPLES = 3  # seeded samples per question; the best one that passes the filters is kept
ASK_K = 8
OLLAMA_HELP = (
    "A written summary needs a larger local model: install Ollama (ollama.com), run `ollama pull llama3.2`, "
    "and ask again — nothing leaves this machine."
)

Progress = Callable[[str], None]


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
    """What produced a reflection (DESIGN.md, "Data model", contract fields first)."""

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


# ---------------------------------------------------------------- backends


def _backend(model: Any) -> Any:
    from langchain_core.language_models import BaseChatModel

    from kit.models.registry import Backend, get_backend
    from kit.models.llama import EmbeddedChatModel

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
    from kit._version import __version__

    params, seed = _params(backend.model)
    params.update(extra_params or {})
    used = [*_digest_ids(digest), *(s.entry_id for s in sources)]
    inputs = [
        {"id": s.entry_id, "content_hash": s.content_hash, "created": s.day(), "notebook": s.notebook}
        for s in (_sources(index, used) if index is not None else [])
    ]
    return Provenance(
        model=backend.model_name,
        backend=backend.name,
        model_digest=getattr(backend, "digest", None),
        params=params,
        seed=seed,
        prompt_id=prompt.id if prompt else "digest",
        prompt_version=prompt.version if prompt else 1,
        retrieved_ids=[s.entry_id for s in sources],
        retrieved_hashes=[s.content_hash for s in sources],
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        kit_version=__version__,
        reason=backend.reason,
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


# ---------------------------------------------------------------- safety gate


def _gate(texts: list[str]) -> Any:
    """The first crisis hit among ``texts`` (the person's new text and every entry bound for a model), or None.

    The texts are read together: a question about a means of harm counts when any of them shows distress."""
    from kit.safety.crisis import check_all

    texts = [t for t in texts if t]
    for report in check_all(texts, recent=texts):
        if report.crisis:
            return report
    return None


def _crisis(
    kind: str,
    backend: Any,
    digest: Any,
    request: dict[str, Any],
    index: Any,
    checked: list[Source] | None = None,
) -> Reflection:
    """Helplines instead of any model output. ``checked``: the entries the crisis check read (none was sent)."""
    from kit.safety.wellbeing import crisis_message, find_safety_plan

    text = crisis_message(find_safety_plan(index.journal))
    if digest is not None and digest.entries:
        text += "\n\n---\n\n" + digest.to_markdown()
    return Reflection(
        id=uuid.uuid4().hex,
        kind=kind,
        text=text,
        ai_written=False,
        citations=[],
        questions=[],
        provenance=_provenance(backend, None, checked or [], request, digest, "safety", index=index),
        digest=digest,
        note="No model was asked: what was written reads like a crisis.",
        crisis=True,
    )


# ---------------------------------------------------------------- personal details and models off this machine

PII_CHOICES = ("ask", "redact", "send")


def is_local(backend: Any) -> bool:
    """Whether the model runs on this machine: a server on loopback, or a model that says it runs in-process
    (``kit_local``: the embedded model, the test doubles)."""
    url = getattr(backend.model, "base_url", None) or getattr(backend.model, "openai_api_base", None)
    if url:
        return is_loopback(str(url))
    return bool(getattr(backend.model, "kit_local", False))


def redactor(texts: list[str]) -> Callable[[str], str]:
    """Replaces personal details with labels; a name found in one text is replaced wherever it occurs.

    Uses the recogniser on this machine as well as the rules (kit.safety.pii), since the text is about to leave it."""
    from kit.safety.pii import find_pii, redact

    found = {text: find_pii(text, recogniser=True) for text in texts}  # each text read once
    names: dict[str, str] = {}
    for spans in found.values():
        for span in spans:
            if span.label in ("PERSON", "PLACE") and len(span.text) > 2:
                names.setdefault(span.text, span.label)
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
        if names
        else None
    )

    def apply(text: str) -> str:
        out = redact(text, found[text]) if text in found else redact(text, recogniser=True)
        return pattern.sub(lambda m: f"[{names[m.group(1)]}]", out) if pattern else out

    return apply


def _guard_details(
    backend: Any, sources: list[Source], extra: list[str], pii: str
) -> tuple[list[Source], Callable[[str], str]]:
    """Before text leaves the machine: refuse (``ask``), redact, or send as the person chose.

    Returns the sources to send and the function that makes any other text fit to send."""
    if pii not in PII_CHOICES:
        raise ConfigError(f"pii={pii!r} — use one of: {', '.join(PII_CHOICES)}")
    if is_local(backend) or pii == "send":
        return sources, lambda text: text
    from kit.errors import PersonalDetailsFound
    from kit.safety.pii import find_pii

    texts = [*extra, *(s.text for s in sources)]
    if pii == "redact":
        apply = redactor(texts)
        return [dataclasses.replace(s, text=apply(s.text)) for s in sources], apply
    spans = [span for text in texts for span in find_pii(text, recogniser=True)]
    if not spans:
        return sources, lambda text: text
    shown = ", ".join(dict.fromkeys(f"{s.label.lower()} “{s.text}”" for s in spans))
    raise PersonalDetailsFound(
        f"{backend.model_name} is not on this machine, and the entries it would get name {shown} — "
        "run again with --pii redact to replace them with labels, or --pii send to send them as they are",
        spans,
    )


# ---------------------------------------------------------------- a capable model writes, the check decides


def ask_checked(
    ask: Callable[[list[Any]], str], messages: list[Any], problems_of: Callable[[str], list[str]], retry: str
) -> tuple[str | None, list[str], list[str]]:
    """Ask a model, check its text; on failure ask once more, naming the problems (``retry`` formats them).

    Returns the text that passed (or None), why each failed attempt was withheld, and the last attempt's problems.
    """
    from langchain_core.messages import AIMessage, HumanMessage

    withheld: list[str] = []
    problems: list[str] = []
    for attempt in range(2):
        text = ask(messages)
        problems = problems_of(text)
        if not problems:
            return text.strip(), withheld, []
        withheld.extend(problems)
        if attempt == 0:
            messages = [*messages, AIMessage(text), HumanMessage(retry.format(problems="; ".join(problems)))]
    return None, withheld, problems


def _write_checked(
    backend: Any,
    prompt: Any,
    values: dict[str, str],
    sources: list[Source],
    context: str,
    progress: Progress | None,
    mode: str = "summary",
) -> tuple[str | None, list[str], list[str]]:
    """Model text that passed the output check (or None), the handles it cites, and why attempts were withheld."""
    from langchain_core.messages import HumanMessage, SystemMessage

    from kit.models.prompts import RETRY

    system, user = prompt.render(**values)
    handles = {s.handle: s.text for s in sources}
    cited: list[str] = []

    def problems_of(text: str) -> list[str]:
        result = check_output(text, handles, context=context, require_citation=mode != "questions", mode=mode)
        cited[:] = result.cited
        return result.problems

    text, withheld, _ = ask_checked(
        lambda messages: _generate(backend.model, messages, progress),
        [SystemMessage(system), HumanMessage(user)],
        problems_of,
        RETRY,
    )
    return text, (cited if text is not None else []), withheld


_PLAIN_REASONS = (
    ("names ", "named someone or something that is not in your entries"),
    ("states the number", "stated a number that is not in your entries"),
    ("cites entries that do not exist", "cited entries that do not exist"),
    ("cites no entry", "cited none of your entries"),
    ("gives advice", "gave advice"),
    ("sounds like a diagnosis", "sounded like a diagnosis"),
    ("fills in the worksheet", "filled in your worksheet, which is yours to write"),
    ("gives a verdict", "judged a thought, which is yours to weigh"),
    ("says more than questions", "said more than questions"),
)


def plain_reason(problem: str) -> str:
    """A check's finding in words that do not repeat what the model made up."""
    return next((plain for start, plain in _PLAIN_REASONS if problem.startswith(start)), problem)


def _generate(chat: Any, messages: list[Any], progress: Progress | None) -> str:
    if progress is None:
        return str(chat.invoke(messages).content)
    parts = []
    for chunk in chat.stream(messages):
        piece = str(chunk.content)
        parts.append(piece)
        progress(piece)
    return "".join(parts)


def _ai_header(backend: Any) -> str:
    return ai_header(backend.model_name, backend.name)


# ---------------------------------------------------------------- the embedded model asks one question per theme

_COPY_WORDS = 6
_SELF_TALK = re.compile(
    r"\b(smollm|as an ai|language model|assistant|i'm an ai|hugging ?face)\b", re.IGNORECASE
)
_WORDS = re.compile(r"[a-z']+")


def question_problems(question: str, entry: str, topic: str = "") -> list[str]:
    """Why a sampled question may not be shown (empty when it may)."""
    problems = []
    words = question.split()
    if not question.endswith("?") or not 4 <= len(words) <= 25:
        problems.append("is not one short question")
    if _SELF_TALK.search(question):
        problems.append("talks about itself")
    q_words, e_words = _WORDS.findall(question.lower()), _WORDS.findall(entry.lower())
    grams = {tuple(e_words[i : i + _COPY_WORDS]) for i in range(len(e_words) - _COPY_WORDS + 1)}
    if any(tuple(q_words[i : i + _COPY_WORDS]) in grams for i in range(len(q_words) - _COPY_WORDS + 1)):
        problems.append(f"copies {_COPY_WORDS} or more words from the entry")
    if _closeness(question, entry) == 0.0:
        problems.append("shares no word with the entry")
    result = check_output(question, {"E1": entry}, context=topic, require_citation=False, max_questions=1)
    return problems + result.problems


def _closeness(question: str, entry: str) -> float:
    from kit.reflection.digest import STOP_WORDS

    def stems(text: str) -> set[str]:
        return {w[:5] for w in _WORDS.findall(text.lower()) if w not in STOP_WORDS and len(w) > 2}

    q, e = stems(question), stems(entry)
    return len(q & e) / (len(q) or 1)


def question_messages(entry: str) -> list[Any]:
    """The small model's prompt for one question: the kit's system message, the few-shot examples, the entry."""
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    from kit.models.prompts import THEME_QUESTION, THEME_QUESTION_EXAMPLES

    system, user = THEME_QUESTION.render(text=entry[:ENTRY_CHARS])
    messages: list[Any] = [SystemMessage(system)]
    for example, answer in THEME_QUESTION_EXAMPLES:
        messages += [HumanMessage(example), AIMessage(answer)]
    return [*messages, HumanMessage(user)]


def question_samples(chat: Any, entry: str, grammar: Any = None, seed: int | None = None) -> list[str]:
    """QUESTION_SAMPLES seeded samples, each cut at its first question mark (in code, never in the grammar)."""
    messages = question_messages(entry)
    out = []
    for n in range(QUESTION_SAMPLES):
        options: dict[str, Any] = {"stop": ["\n"]}
        if grammar is not None:
            options["grammar"] = grammar
        if seed is not None:
            options["seed"] = seed + n
        raw = str(chat.invoke(messages, **options).content).strip()
        out.append(raw[: raw.find("?") + 1] if "?" in raw else raw)
    return out


def _one_question(chat: Any, entry: str, topic: str, grammar: Any, seed: int | None) -> str | None:
    """The sample closest to the entry among those that pass every filter, or None."""
    passed = [
        q for q in question_samples(chat, entry, grammar, seed) if not question_problems(q, entry, topic)
    ]
    return max(passed, key=lambda q: _closeness(q, entry), default=None)


def _grammar(chat: Any) -> Any:
    from kit.models.llama import EmbeddedChatModel

    if not isinstance(chat, EmbeddedChatModel):
        return None
    from llama_cpp import LlamaGrammar

    from kit.models.prompts import gbnf_openings

    return LlamaGrammar.from_string(gbnf_openings(), verbose=False)


def theme_questions(
    digest: Any, index: Any, chat: Any = None, progress: Progress | None = None
) -> list[Question]:
    """One open question per theme (at most MAX_QUESTION_THEMES): the small model's best sample that passes the
    filters, else one from the curated bank (all from the bank when ``chat`` is None)."""
    from kit.models.prompts import bank_question

    themes = digest.themes[:MAX_QUESTION_THEMES]
    quoted = {s.entry_id: s for s in _sources(index, [t.quote.entry_id for t in themes])}
    grammar = _grammar(chat) if chat is not None else None
    _, seed = _params(chat) if chat is not None else ({}, None)
    out = []
    for n, theme in enumerate(themes, 1):
        if progress:
            progress(f"question {n}/{len(themes)}")
        source = quoted.get(theme.quote.entry_id)
        topic = theme.phrases[0] if theme.phrases else "this"
        text = _one_question(chat, source.text, theme.label, grammar, seed) if source and chat else None
        day = theme.quote.created[:10]
        if text:
            out.append(Question(text, theme.label, "model", theme.quote.entry_id, day))
        else:
            key = ",".join(theme.entry_ids)
            out.append(Question(bank_question(topic, key), theme.label, "bank", theme.quote.entry_id, day))
    return out


def counter_questions(d: Any) -> list[Question]:
    """Two of the kit's fixed counter-perspective questions, chosen by the digest's entries (stable)."""
    from kit.models.prompts import COUNTER_QUESTIONS

    ids = [i for t in d.themes for i in t.entry_ids] + list(d.other_ids)
    n = int(hashlib.sha256(",".join(sorted(ids)).encode()).hexdigest()[:8], 16)
    picked = [COUNTER_QUESTIONS[(n + k) % len(COUNTER_QUESTIONS)] for k in range(2)]
    return [Question(q, "", "bank", "") for q in picked]


def _questions_markdown(questions: list[Question], backend: Any) -> str:
    if not questions:
        return ""
    lines = ["**Questions to reflect on** — the answers are yours to write."]
    for q in questions:
        by = f"AI-written by {backend.model_name}" if q.source == "model" else "from the kit's question bank"
        about = f"theme: {q.theme}; about your entry of {q.created}; " if q.theme else ""
        lines.append(f"- {q.text} _({about}{by})_")
    return "\n".join(lines)


# ---------------------------------------------------------------- flows


def _prepare(journal: Path | str | None, index: Any, refresh: bool) -> Any:
    from kit.index.store import Index

    index = index or Index(journal=journal)
    if refresh:
        index.update(progress=False)
    return index


def _dates(since: Any, until: Any) -> dict[str, str | None]:
    from kit.index.search import as_datetime

    start, end = as_datetime(since), as_datetime(until, end_of_day=True)
    return {
        "since": start.date().isoformat() if start else None,
        "until": end.date().isoformat() if end else None,
    }


def _is_small(backend: Any) -> bool:
    return backend.name == "embedded"


def _session_aware(flow: Callable[..., Reflection]) -> Callable[..., Reflection]:
    """Adds the gentle break reminder to what a flow returns once the session has run long (not to a crisis)."""

    @functools.wraps(flow)
    def wrapper(*args: Any, **kwargs: Any) -> Reflection:
        from kit.safety.wellbeing import break_reminder

        reflection = flow(*args, **kwargs)
        note = None if reflection.crisis else break_reminder()
        return dataclasses.replace(reflection, text=f"{reflection.text}\n\n{note}") if note else reflection

    return wrapper


@_session_aware
def summarize(
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    query: str | None = None,
    template: str | None = None,
    *,
    model: Any = None,
    journal: Path | str | None = None,
    index: Any = None,
    refresh: bool = True,
    progress: Progress | None = None,
    mode: str = "summary",
    pii: str = "ask",
) -> Reflection:
    """What a period (and/or a query, a worksheet) of the journal holds: digest, and a checked summary or questions.

    ``model``: None (KIT_MODEL), a KIT_MODEL value, a kit Backend, or any langchain chat model. ``progress``
    receives model text as it streams (for a progress display: the text is not checked yet). ``mode``: ``summary``,
    ``questions`` (the model only asks) or ``counter-perspective`` ("what might I be missing?"). ``pii``: what to
    do when names, places or contact details would go to a model that is not on this machine — ``ask`` (raise
    PersonalDetailsFound listing them), ``redact`` (replace them with labels) or ``send``.
    """
    from kit.reflection.digest import digest as make_digest

    prompt = _mode_prompt("summary", mode)
    index = _prepare(journal, index, refresh)
    request = {**_dates(since, until), "query": query, "template": template, "mode": mode}
    backend = _backend(model)
    d = make_digest(since, until, query, template, index=index)
    if query and _gate([query]) is not None:
        return _crisis("summary", backend, d, request, index)
    if not d.entries:
        text = f"{digest_header()}\n\n{d.to_markdown()}"
        prov = _provenance(backend, None, [], request, d, "digest", index=index)
        return Reflection(uuid.uuid4().hex, "summary", text, False, [], [], prov, d)
    sources = _sources(index, _pick_for_summary(d) if not _is_small(backend) else [])
    quoted = [t.quote.text for t in d.themes]
    if _gate([query or "", *quoted, *(s.text for s in sources)]) is not None:
        return _crisis("summary", backend, d, request, index)
    if _is_small(backend):
        return _digest_with_questions(
            "summary", backend, d, index, request, progress, note=OLLAMA_HELP, mode=mode
        )
    context = d.to_markdown()
    sent, fit = _guard_details(backend, sources, [query or "", context], pii)
    context = fit(context)
    values = {"digest": context, "entries": _entries_block(sent)}
    text, cited, withheld = _write_checked(backend, prompt, values, sent, context, progress, mode)
    if text is None:
        note = f"The written text was withheld because it {plain_reason(withheld[-1])}; here is the digest instead."
        return _digest_with_questions(
            "summary",
            backend,
            d,
            index,
            request,
            None,
            note=note,
            sources=sources,
            withheld=withheld,
            mode=mode,
        )
    return _written("summary", backend, prompt, text, cited, sources, request, d, withheld, index)


def _written(
    kind: str,
    backend: Any,
    prompt: Any,
    text: str,
    cited: list[str],
    sources: list[Source],
    request: dict[str, Any],
    d: Any,
    withheld: list[str],
    index: Any = None,
) -> Reflection:
    """A model's text that passed every check, labelled, with the entries it cites."""
    citations = _citations(sources, cited)
    body = f"{_ai_header(backend)}\n\n{text}"
    if citations:
        body += f"\n\n**Entries cited**\n{_cited_list(citations)}"
    prov = _provenance(backend, prompt, sources, request, d, "model", withheld, index=index)
    return Reflection(uuid.uuid4().hex, kind, body, True, citations, [], prov, d)


def _mode_prompt(kind: str, mode: str) -> Any:
    from kit.models import prompts

    table = {
        ("summary", "summary"): prompts.SUMMARY,
        ("summary", "questions"): prompts.SUMMARY_QUESTIONS,
        ("summary", "counter-perspective"): prompts.SUMMARY_COUNTER,
        ("ask", "summary"): prompts.ASK,
        ("ask", "questions"): prompts.ASK_QUESTIONS,
        ("ask", "counter-perspective"): prompts.ASK_COUNTER,
    }
    if (kind, mode) not in table:
        raise ConfigError(f"mode={mode!r} is not a coach mode — use one of: {', '.join(prompts.MODES)}")
    return table[kind, mode]


def _digest_with_questions(
    kind: str,
    backend: Any,
    d: Any,
    index: Any,
    request: dict[str, Any],
    progress: Progress | None,
    *,
    note: str,
    sources: list[Source] | None = None,
    withheld: list[str] | None = None,
    mode: str = "summary",
) -> Reflection:
    """The digest, one question per theme, and a one-line note; the model (if any) wrote only the questions.

    For a counter-perspective the questions are the kit's fixed ones: no model writes one here."""
    from kit.models.prompts import THEME_QUESTION

    if mode == "counter-perspective":
        questions = counter_questions(d)
    else:
        questions = theme_questions(d, index, backend.model if _is_small(backend) else None, progress)
    used = sources if sources is not None else _sources(index, [q.entry_id for q in questions])
    parts = [digest_header(), d.to_markdown()]
    if questions:
        parts.append(_questions_markdown(questions, backend))
    parts.append(f"_{note}_ ({backend.reason})" if _is_small(backend) else f"_{note}_")
    ai = any(q.source == "model" for q in questions)
    extra = {"samples": QUESTION_SAMPLES} if ai else {}
    prov = _provenance(
        backend,
        THEME_QUESTION if ai else None,
        used,
        request,
        d,
        "model" if ai else "digest",
        withheld,
        extra,
        index=index,
    )
    return Reflection(uuid.uuid4().hex, kind, "\n\n".join(parts), ai, [], questions, prov, d, note)


def clean_question(question: Any) -> str:
    if not isinstance(question, str) or not question.strip():
        raise ConfigError("the question is empty — type what you would like to know about your journal")
    return question.strip()


@_session_aware
def ask(
    question: str,
    *,
    k: int = ASK_K,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    template: str | None = None,
    model: Any = None,
    journal: Path | str | None = None,
    index: Any = None,
    refresh: bool = True,
    progress: Progress | None = None,
    mode: str = "summary",
    pii: str = "ask",
) -> Reflection:
    """An answer to a question about the journal, from the entries that match it, dated and cited.

    ``mode``: ``summary`` (an answer), ``questions`` (the model only asks) or ``counter-perspective``; ``pii`` as
    for ``summarize``."""
    from kit.reflection.digest import digest as make_digest

    question = clean_question(question)
    prompt = _mode_prompt("ask", mode)
    index = _prepare(journal, index, refresh)
    request = {**_dates(since, until), "question": question, "template": template, "mode": mode, "k": k}
    backend = _backend(model)
    d = make_digest(since, until, question, template, index=index, query_k=digest_query_k(k))
    sources = _sources(index, _best_matches(question, k, index, since, until, template))
    if _gate([question, *(s.text for s in sources)]) is not None:
        return _crisis("ask", backend, d, request, index, sources)
    if not sources:
        text = f"{digest_header()}\n\nNone of your entries seem to be about “{question}”."
        prov = _provenance(backend, None, [], request, d, "digest", index=index)
        return Reflection(uuid.uuid4().hex, "ask", text, False, [], [], prov, d)
    if not _is_small(backend):
        sent, fit = _guard_details(backend, sources, [question], pii)
        values = {"question": fit(question), "entries": _entries_block(sent)}
        text, cited, withheld = _write_checked(backend, prompt, values, sent, "", progress, mode)
        if text is not None:
            return _written("ask", backend, prompt, text, cited, sources, request, d, withheld, index)
        note = f"The written answer was withheld because it {plain_reason(withheld[-1])}; here are your matching entries."
    else:
        note, withheld = OLLAMA_HELP.replace("A written summary", "A written answer"), []
    questions = counter_questions(d) if mode == "counter-perspective" else []
    return _matches(backend, sources, d, request, note, withheld, questions, index)


def digest_query_k(k: int) -> int:
    """How many matches the digest beneath an answer is drawn from: wider than the k entries it answers from."""
    return max(k, ASK_K) * 2


def _best_matches(question: str, k: int, index: Any, since: Any, until: Any, template: Any) -> list[str]:
    """The ids of up to k entries about the question (closest first; unrelated ones left out)."""
    from kit.reflection.digest import QUERY_MIN_SCORE
    from kit.index.search import search

    hits = search(question, k=k, since=since, until=until, template=template, index=index)
    return [h.id for h in hits if h.score >= QUERY_MIN_SCORE]


def _matches(
    backend: Any,
    sources: list[Source],
    d: Any,
    request: dict[str, Any],
    note: str,
    withheld: list[str],
    questions: list[Question],
    index: Any = None,
) -> Reflection:
    from kit.index.search import snippet

    citations = _citations(sources, [s.handle for s in sources])
    lines = [digest_header(), "", "**Your entries that best match**"]
    lines += [f"- [{s.handle}] {s.day()} · {s.notebook}: “{snippet(s.text, 160)}”" for s in sources]
    lines += ["", d.to_markdown(), ""]
    if questions:
        lines += [_questions_markdown(questions, backend), ""]
    lines.append(f"_{note}_")
    prov = _provenance(backend, None, sources, request, d, "digest", withheld, index=index)
    return Reflection(uuid.uuid4().hex, "ask", "\n".join(lines), False, citations, questions, prov, d, note)
