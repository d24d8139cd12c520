"""A capable model writes, the kit's checks decide: one retry with the reasons, then the digest, with a plain
sentence saying why the written text was withheld."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from kit.labels import ai_header
from kit.models.checks import check_output
from kit.models.prompts import (
    RETRY,
)
from kit.reflection.provenance import Progress, Source

# ---------------------------------------------------------------- a capable model writes, the check decides


def ask_checked(
    ask: Callable[[list[Any]], str], messages: list[Any], problems_of: Callable[[str], list[str]], retry: str
) -> tuple[str | None, list[str], list[str]]:
    """Ask a model, check its text; on failure ask once more, naming the problems (``retry`` formats them).

    Returns the text that passed (or None), why each failed attempt was withheld, and the last attempt's problems.
    """
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
    ("asks about ", "asked about something your entries do not say"),
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
