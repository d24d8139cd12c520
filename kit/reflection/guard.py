"""The two checks every flow runs before a model sees a word: the crisis check (helplines and the safety plan, no
model, on a hit) and the personal-details guard for models that are not on this machine (stop and list, redact,
or send, as the person chose)."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable
from typing import Any

from kit.config import PII_CHOICES
from kit.egress import is_loopback
from kit.errors import ConfigError, PersonalDetailsFound
from kit.reflection.provenance import Reflection, Source, _provenance
from kit.safety.crisis import crisis_all
from kit.safety.pii import find_pii, redact
from kit.safety.wellbeing import crisis_message, find_safety_plan

# ---------------------------------------------------------------- safety gate


def _gate(texts: list[str]) -> Any:
    """The first crisis hit among ``texts`` (the person's new text and every entry bound for a model), or None.

    The texts are read together: a question about a means of harm counts when any of them shows distress."""
    texts = [t for t in texts if t]
    for report in crisis_all(texts, recent=texts):
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
