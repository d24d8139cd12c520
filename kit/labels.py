"""The words that mark what the kit shows: advice it is not, text an AI wrote, text the kit computed or curated.

Every place that shows or saves such text takes its label from here, so a reader meets the same words in a
notebook, a widget, the terminal and an exported packet.
"""

from __future__ import annotations

DISCLAIMER = "Not medical or therapeutic advice."
AI_LABEL = "AI-written — it can be wrong, and it tends to agree with you; check it against people you trust."
AI_CHECKED_GLOSSARY = "AI-written, checked against the glossary"
AI_BOX = "AI-written — not the writer's words, not advice"
CURATED = "Curated text from the kit, based on the sources it names — not AI-written."
AI_REFLECTION = "AI-written reflection"
DIGEST_REFLECTION = "Digest computed from your entries"


def ai_header(model_name: str, backend_name: str) -> str:
    """The first line of every AI-written answer: the label, which model wrote it, and the disclaimer."""
    return f"**{AI_LABEL}** Written by {model_name} ({backend_name}). {DISCLAIMER}"


def digest_header() -> str:
    """The first line of a digest, which the kit computes from the entries without a model."""
    return f"Computed from your entries by the kit; no AI wrote the digest. {DISCLAIMER}"
