"""Summarise and ask: the digest first, a model's words on top, checked before anyone sees them.

Every flow runs the same steps: bring the index up to date; compute what the entries hold without a model
(kit.reflection.digest); run the offline crisis check on the person's new text and on every entry that would go to a
model (on a hit: helplines and their safety plan, no model call); then, by backend —

- a capable model (Ollama, fake, or any langchain chat model passed in) writes prose from the digest and the
  entries; kit.models.checks.check_output runs on it; on failure one retry with the reasons, then the digest with a
  one-line note saying why the written text was withheld;
- the small embedded model writes one open question per theme (few-shot, a grammar fixing only the opening
  words, several seeded samples, filters, a curated fallback) and nothing else.

Private entries are never indexed, so they never reach a digest or a model.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import logging
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kit.dates import Period
from kit.errors import ConfigError
from kit.index.forgotten import keep_out
from kit.index.search import search, snippet
from kit.index.store import Index, with_pending
from kit.journal.notebooks import scan_journal
from kit.labels import checked_line, digest_header
from kit.models import prompts
from kit.models.prompts import (
    THEME_QUESTION,
)
from kit.reflection.digest import QUERY_MIN_SCORE, empty_digest
from kit.reflection.digest import digest as make_digest
from kit.reflection.guard import _crisis, _gate, _guard_details
from kit.reflection.provenance import (
    ASK_K,
    OLLAMA_HELP,
    QUESTION_SAMPLES,
    Progress,
    Question,
    Reflection,
    Source,
    _backend,
    _citations,
    _cited_list,
    _entries_block,
    _pick_for_summary,
    _provenance,
    _sources,
)
from kit.reflection.questions import _questions_markdown, counter_questions, theme_questions
from kit.reflection.writing import _ai_header, _write_checked, plain_reason
from kit.safety.wellbeing import break_reminder
from kit.text import names_no_topic

# ---------------------------------------------------------------- flows


log = logging.getLogger("kit")


def _prepare(
    journal: Path | str | None, index: Any, refresh: bool, index_progress: bool | Callable[[int, int], None]
) -> Any:
    """The index a request reads, brought up to date here and nowhere else in the request."""
    index = index or Index(journal=journal)
    if refresh:
        report = index.update(progress=index_progress)
        if report.new or report.changed or report.removed:
            log.info("index updated — %s", report)
    return index


def _is_small(backend: Any) -> bool:
    return backend.name == "embedded"


def _session_aware(flow: Callable[..., Reflection]) -> Callable[..., Reflection]:
    """Adds the gentle break reminder to what a flow returns once the session has run long (not to a crisis)."""

    @functools.wraps(flow)
    def wrapper(*args: Any, **kwargs: Any) -> Reflection:
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
    index_progress: bool | Callable[[int, int], None] = False,
) -> Reflection:
    """What a period (and/or a query, a worksheet) of the journal holds: digest, and a checked summary or questions.

    ``model``: None (KIT_MODEL), a KIT_MODEL value, a kit Backend, or any langchain chat model. ``progress``
    receives model text as it streams (for a progress display: the text is not checked yet). ``mode``: ``summary``,
    ``questions`` (the model only asks) or ``counter-perspective`` ("what might I be missing?"). ``pii``: what to
    do when names, places or contact details would go to a model that is not on this machine — ``ask`` (raise
    PersonalDetailsFound listing them), ``redact`` (replace them with labels) or ``send``.
    """
    if query and names_no_topic(query):  # "what did I write?": the whole period, and the answer says so
        whole = inspect.unwrap(summarize)(  # unwrapped: the break reminder is added once, by this call
            since,
            until,
            None,
            template,
            model=model,
            journal=journal,
            index=index,
            refresh=refresh,
            progress=progress,
            mode=mode,
            pii=pii,
            index_progress=index_progress,
        )
        note = f"“{query.strip()}” names no topic, so this covers every entry of the period."
        return _with_listing(whole, note)
    prompt = _mode_prompt("summary", mode)
    period = Period.of(since, until)
    request = {**period.request(), "query": query, "template": template, "mode": mode}
    if refresh:
        # Nothing to do: said at once, before the index opens or a model is built.
        empty = nothing_to_summarize(period, query, template, mode, model=model, journal=journal, index=index)
        if empty is not None:
            return empty
    index = _prepare(journal, index, refresh, index_progress)
    d = make_digest(period.since, period.until, query, template, index=index)
    if query and _gate([query]) is not None:
        return _crisis("summary", _backend(model), d, request, index)
    if not d.entries:
        return _no_entries(_given(model), request, d, index)
    backend = _backend(model)
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


def _no_entries(backend: Any, request: dict[str, Any], d: Any, index: Any) -> Reflection:
    text = f"{digest_header()}\n\n{d.to_markdown()}"
    prov = _provenance(backend, None, [], request, d, "digest", index=index)
    return Reflection(uuid.uuid4().hex, "summary", text, False, [], [], prov, d)


def nothing_to_summarize(
    period: Period,
    query: str | None = None,
    template: str | None = None,
    mode: str = "summary",
    *,
    model: Any = None,
    journal: Path | str | None = None,
    index: Any = None,
) -> Reflection | None:
    """The reflection for a period in which the notebooks hold no entry a digest could read (none, or all private
    or forgotten), found from the notebooks alone — no index, no model; None when there are entries.

    A model passed in as an object is named in the provenance; none is built from KIT_MODEL for nothing."""
    folder = index.journal if index is not None else Index(journal=journal).journal
    if not folder.is_dir() or (query and _gate([query]) is not None):
        return None  # the flow says what is wrong with the journal, or shows the helplines
    forgotten = keep_out(folder, index.home if index is not None else None)
    start = int(period.since.timestamp()) if period.since else None
    end = int(period.until.timestamp()) if period.until else None
    for entry in with_pending(scan_journal(folder), folder).entries:
        if entry.private or entry.is_empty or forgotten(entry.id):
            continue
        stamp = int(entry.created.timestamp())
        if (start is None or stamp >= start) and (end is None or stamp <= end):
            if not template or entry.template == template:
                return None
    request = {**period.request(), "query": query, "template": template, "mode": mode}
    return _no_entries(_given(model), request, empty_digest(period.since, period.until, query), None)


def _given(model: Any) -> Any:
    """The backend for a model passed in as an object; None rather than building one from KIT_MODEL (Ollama is
    asked which models it has, the embedded model is found) when no model has anything to do."""
    return _backend(model) if model is not None and not isinstance(model, str) else None


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
    # The questions were checked against the cited entries, or against every entry sent when none is cited.
    days = [c.created for c in citations] or [s.day() for s in sources]
    body += f"\n\n_{checked_line(days, digest=kind == 'summary')}_"
    prov = _provenance(backend, prompt, sources, request, d, "model", withheld, index=index)
    return Reflection(uuid.uuid4().hex, kind, body, True, citations, [], prov, d)


def _mode_prompt(kind: str, mode: str) -> Any:
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
    query: str | None = None,
    model: Any = None,
    journal: Path | str | None = None,
    index: Any = None,
    refresh: bool = True,
    progress: Progress | None = None,
    mode: str = "summary",
    pii: str = "ask",
    index_progress: bool | Callable[[int, int], None] = False,
) -> Reflection:
    """An answer to a question about the journal, from the entries that match it, dated and cited.

    ``query``: the words to find the entries by, when they are not the whole question (``kit.when.understand``
    takes the dates out of a question: "my sister in March?" finds entries about "my sister?" from March); the
    model and the safety check still see the whole question. ``mode``: ``summary`` (an answer), ``questions``
    (the model only asks) or ``counter-perspective``; ``pii`` as for ``summarize``."""
    question = clean_question(question)
    # An empty ``query`` with dates (the question was only dates: "last week?") lists the period's entries.
    dated = since not in (None, "") or until not in (None, "") or bool(template)
    find = query.strip() if isinstance(query, str) and (query.strip() or dated) else question
    prompt = _mode_prompt("ask", mode)
    period = Period.of(since, until)
    since, until = period.since, period.until
    index = _prepare(journal, index, refresh, index_progress)
    request = {**period.request(), "question": question, "template": template, "mode": mode, "k": k}
    if find != question:
        request["query"] = find
    backend = _backend(model)
    d = make_digest(since, until, find, template, index=index, query_k=digest_query_k(k))
    found, listed = _best_matches(find, k, index, since, until, template)
    sources = _sources(index, found)
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
            reflection = _written("ask", backend, prompt, text, cited, sources, request, d, withheld, index)
            return _with_listing(reflection, listed)
        note = f"The written answer was withheld because it {plain_reason(withheld[-1])}; here are your matching entries."
    else:
        note, withheld = OLLAMA_HELP.replace("A written summary", "A written answer"), []
    questions = counter_questions(d) if mode == "counter-perspective" else []
    return _with_listing(_matches(backend, sources, d, request, note, withheld, questions, index), listed)


def digest_query_k(k: int) -> int:
    """How many matches the digest beneath an answer is drawn from: wider than the k entries it answers from."""
    return max(k, ASK_K) * 2


def _best_matches(
    question: str, k: int, index: Any, since: Any, until: Any, template: Any
) -> tuple[list[str], str]:
    """The ids of up to k entries about the question, best first, and the line saying they are the period's
    newest entries when the question names no topic ("" otherwise).

    Unrelated entries are left out: those far in meaning, unless the word index matched them (a name such as
    "Tomasz" that the embedder has no sense of). A question that names no topic ("what did I write last
    week?") is answered by every entry of its period, newest first."""
    hits = search(question, k=k, since=since, until=until, template=template, index=index)
    if hits.listing:
        return [h.id for h in hits], hits.note
    return [h.id for h in hits if h.score >= QUERY_MIN_SCORE or h.matched_words], ""


def _with_listing(reflection: Reflection, listed: str) -> Reflection:
    """The reflection led by the line saying its question named no topic (as it is when ``listed`` is "")."""
    if not listed:
        return reflection
    return dataclasses.replace(reflection, text=f"_{listed}_\n\n{reflection.text}")


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
    citations = _citations(sources, [s.handle for s in sources])
    lines = [digest_header(), "", "**Your entries that best match**"]
    lines += [
        f"- [{s.handle}] {s.day()} · {s.about or s.notebook}: “{snippet(s.text, 160)}”" for s in sources
    ]
    lines += ["", d.to_markdown(), ""]
    if questions:
        lines += [_questions_markdown(questions, backend), ""]
    lines.append(f"_{note}_")
    prov = _provenance(backend, None, sources, request, d, "digest", withheld, index=index)
    return Reflection(uuid.uuid4().hex, "ask", "\n".join(lines), False, citations, questions, prov, d, note)
