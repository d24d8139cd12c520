"""Reflective questions: the small embedded model writes one open question per theme of the person's entries, in
seeded samples, and the kit keeps the best one that passes its filters; counter-perspective questions come from
the kit's own bank."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from kit.labels import words_from
from kit.models.checks import check_output
from kit.models.llama import EmbeddedChatModel
from kit.models.prompts import (
    COUNTER_QUESTIONS,
    THEME_QUESTION,
    THEME_QUESTION_EXAMPLES,
    bank_question,
    gbnf_openings,
)
from kit.reflection.provenance import (
    MAX_QUESTION_THEMES,
    QUESTION_ENTRY_CHARS,
    QUESTION_SAMPLES,
    QUESTION_TOKENS,
    Progress,
    Question,
    Status,
    _params,
    _sources,
    ticking,
)
from kit.text import STOP_WORDS

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
    def stems(text: str) -> set[str]:
        return {w[:5] for w in _WORDS.findall(text.lower()) if w not in STOP_WORDS and len(w) > 2}

    q, e = stems(question), stems(entry)
    return len(q & e) / (len(q) or 1)


def question_messages(entry: str) -> list[Any]:
    """The small model's prompt for one question: the kit's system message, the few-shot examples, the entry."""
    system, user = THEME_QUESTION.render(text=entry[:QUESTION_ENTRY_CHARS])
    messages: list[Any] = [SystemMessage(system)]
    for example, answer in THEME_QUESTION_EXAMPLES:
        messages += [HumanMessage(example), AIMessage(answer)]
    return [*messages, HumanMessage(user)]


def question_samples(
    chat: Any,
    entry: str,
    grammar: Any = None,
    seed: int | None = None,
    said: Callable[[int], None] | None = None,
    fresh: bool = True,
) -> list[str]:
    """QUESTION_SAMPLES seeded samples of at most QUESTION_TOKENS tokens, each cut at its first question mark (in
    code, never in the grammar). The embedded model keeps what it has read of the prompt from one call to the next
    (``reuse_prompt``): the samples share their whole prompt, and the questions of one summary share the system
    message and the examples, so only the entry is read anew. ``fresh``: start from an empty context (the first
    question of a flow), so the same flow always reads its prompts the same way. ``said(n)`` is told before sample
    n (from 1) is written."""
    messages = question_messages(entry)
    out = []
    for n in range(QUESTION_SAMPLES):
        if said:
            said(n + 1)
        reuse = n > 0 or not fresh
        options: dict[str, Any] = {"stop": ["\n"], "max_tokens": QUESTION_TOKENS, "reuse_prompt": reuse}
        if grammar is not None:
            options["grammar"] = grammar
        if seed is not None:
            options["seed"] = seed + n
        raw = str(chat.invoke(messages, **options).content).strip()
        out.append(raw[: raw.find("?") + 1] if "?" in raw else raw)
    return out


def _one_question(
    chat: Any,
    entry: str,
    topic: str,
    grammar: Any,
    seed: int | None,
    said: Callable[[int], None] | None = None,
    fresh: bool = True,
) -> str | None:
    """The sample closest to the entry among those that pass every filter, or None."""
    samples = question_samples(chat, entry, grammar, seed, said, fresh)
    passed = [q for q in samples if not question_problems(q, entry, topic)]
    return max(passed, key=lambda q: _closeness(q, entry), default=None)


def _grammar(chat: Any) -> Any:
    if not isinstance(chat, EmbeddedChatModel):
        return None
    from llama_cpp import LlamaGrammar

    return LlamaGrammar.from_string(gbnf_openings(), verbose=False)


def theme_questions(
    digest: Any, index: Any, chat: Any = None, progress: Progress | None = None
) -> list[Question]:
    """One open question per theme (at most MAX_QUESTION_THEMES): the small model's best sample that passes the
    filters, else one from the curated bank (all from the bank when ``chat`` is None)."""
    themes = digest.themes[:MAX_QUESTION_THEMES]
    quoted = {s.entry_id: s for s in _sources(index, [t.quote.entry_id for t in themes])}
    if isinstance(chat, EmbeddedChatModel) and themes and not chat.loaded:
        with ticking(progress, "Loading the small model on this computer"):
            chat.load()
    grammar = _grammar(chat) if chat is not None else None
    _, seed = _params(chat) if chat is not None else ({}, None)
    # The questions of one flow keep what the embedded model read before; no other flow's call comes between.
    session = chat.session() if isinstance(chat, EmbeddedChatModel) else contextlib.nullcontext()
    out = []
    fresh = True
    with session:
        for n, theme in enumerate(themes, 1):
            doing = f"Writing question {n} of {len(themes)}"

            def said(k: int, doing: str = doing) -> None:
                if progress:
                    progress(Status(f"{doing}, try {k} of {QUESTION_SAMPLES}…"))

            if progress:
                progress(Status(f"{doing}…"))
            source = quoted.get(theme.quote.entry_id)
            topic = theme.phrases[0] if theme.phrases else ""
            # The first model call of a flow starts from an empty context; the next ones keep the examples read.
            text = (
                _one_question(chat, source.text, theme.label, grammar, seed, said, fresh)
                if source and chat
                else None
            )
            fresh = fresh and not (source and chat)
            day = theme.quote.created[:10]
            if text:
                out.append(Question(text, theme.label, "model", theme.quote.entry_id, day))
            else:
                key = ",".join(theme.entry_ids)
                question = bank_question(topic, key, theme.count)
                out.append(Question(question, theme.label, "bank", theme.quote.entry_id, day))
    return out


def counter_questions(d: Any) -> list[Question]:
    """Two of the kit's fixed counter-perspective questions, chosen by the digest's entries (stable)."""
    ids = [i for t in d.themes for i in t.entry_ids] + list(d.other_ids)
    n = int(hashlib.sha256(",".join(sorted(ids)).encode()).hexdigest()[:8], 16)
    picked = [COUNTER_QUESTIONS[(n + k) % len(COUNTER_QUESTIONS)] for k in range(2)]
    return [Question(q, "", "bank", "") for q in picked]


def _questions_markdown(questions: list[Question], backend: Any) -> str:
    if not questions:
        return ""
    lines = ["**Questions to reflect on** — the answers are yours to write."]
    lines += [f"- {q.text} _({question_label(q, backend.model_name)})_" for q in questions]
    return "\n".join(lines)


def question_label(question: Question, model_name: str) -> str:
    """Who wrote a question and exactly what the kit checked about it."""
    if question.source == "model":
        return f"AI-written by {model_name}; uses only {words_from([question.created])}"
    return "from the kit's question bank"
