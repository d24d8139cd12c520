"""What a person sees when the crisis check finds a hit, and the gentle break reminder.

Helplines come from the dated list shipped with the kit; the person's own safety plan is the newest notebook
in their journal whose name says so. Nothing here calls a model.
"""

from __future__ import annotations

import json
import os
import time
from importlib import resources
from pathlib import Path
from typing import Any

from kit.config import settings
from kit.errors import SafetyError
from kit.safety.crisis import SafetyReport


def helplines() -> dict[str, Any]:
    """The dated helpline list shipped in ``kit/data/helplines.json``."""
    data: dict[str, Any] = json.loads(
        resources.files("kit").joinpath("data/helplines.json").read_text("utf-8")
    )
    return data


def crisis_message(safety_plan: Path | None = None) -> str:
    """Calm markdown shown instead of any model output when ``check`` finds a crisis."""
    data = helplines()
    lines = [
        "### What you wrote matters",
        "",
        "It sounds like things may be very hard right now. You don't have to carry this alone — "
        "talking to a person can help in a way this kit can't.",
        "",
        "The kit has not sent what you wrote to an AI, and it won't.",
        "",
        f"**{data['emergency']}**",
        "",
        f"You can reach someone now (helplines checked {data['checked']}):",
        "",
        *(f"- {line['region']}: **{line['name']}** — {line['contact']}" for line in data["lines"]),
        "",
    ]
    if safety_plan is not None:
        lines.append(f"Your safety plan: {safety_plan}")
    else:
        lines.append(
            "You don't have a safety plan notebook yet. When you feel able, `reflect new safety-plan` "
            "creates one: your warning signs, what helps, and who to call."
        )
    return "\n".join(lines)


def find_safety_plan(journal: Path) -> Path | None:
    """The newest notebook in the journal (hidden folders skipped) whose name contains "safety-plan"."""
    best: tuple[tuple[float, str], Path] | None = None
    for root, dirs, files in os.walk(journal):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            key_name = name.lower().replace("_", "-").replace(" ", "-")
            if name.startswith(".") or not name.endswith(".ipynb") or "safety-plan" not in key_name:
                continue
            path = Path(root) / name
            try:
                key = (path.stat().st_mtime, str(path))
            except OSError:
                continue
            if best is None or key > best[0]:
                best = (key, path)
    return best[1] if best else None


class CrisisDetected(SafetyError):
    """The text reads like a crisis, so no model was called; ``.message`` is what to show instead."""

    def __init__(self, report: SafetyReport, message: str | None = None) -> None:
        self.report = report
        self.message = crisis_message() if message is None else message
        shorts = ", ".join(line.get("short", line["name"]) for line in helplines()["lines"])
        super().__init__(f"this text reads like a crisis; no model was called — helplines: {shorts}")


# ---------------------------------------------------------------- wellbeing: a gentle break reminder

BREAK_NOTE = (
    "_You have been at this for over {minutes} minutes. A short break — a glass of water, a few minutes outside, "
    "a stretch — can help; your words will be here when you come back._"
)
_session: dict[str, float | None] = {"start": None, "reminded": None}


def break_reminder(now: float | None = None) -> str | None:
    """A gentle reminder once a session (this process: a notebook kernel) has run past the break time, then again
    after each further stretch of the same length; None otherwise."""
    minutes = settings().break_minutes
    now = time.monotonic() if now is None else now
    if _session["start"] is None:
        _session["start"] = now
    if minutes <= 0:
        return None
    since = _session["reminded"] if _session["reminded"] is not None else _session["start"]
    if now - since < minutes * 60:
        return None
    _session["reminded"] = now
    return BREAK_NOTE.format(minutes=f"{minutes:g}")
