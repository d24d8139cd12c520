"""`reflect review`: the weekly review notebook, run and saved in the journal."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any

from kit.dates import iso_week


def cmd_review(args: Any) -> int:
    """``reflect review [--week YYYY-Www] [--journal DIR]``: prints the new notebook's path."""
    from kit.outputs.review import run_review

    if args.week:
        iso_week(args.week)  # a bad week fails before a kernel starts
    path = run_review(
        args.week,
        journal=getattr(args, "journal", None),
        progress=sys.stderr.isatty(),
        timeout=args.timeout,
    )
    print(path)
    print(
        "reflect: your weekly review is ready — open it in JupyterLab to read it and answer its questions",
        file=sys.stderr,
    )
    return 0


def add_commands(sub: Any, journal_opt: Any) -> None:
    """Register ``review`` on the ``reflect`` subparsers (``journal_opt`` adds the shared --journal option)."""
    p = sub.add_parser(
        "review", help="run the weekly-review notebook into the journal: entries, charts, themes"
    )
    p.add_argument(
        "--week", metavar="YYYY-Www", help="the ISO week to review, e.g. 2026-W10 (default: this week)"
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=600,
        metavar="SECONDS",
        help="longest a cell may run (default 600)",
    )
    journal_opt(p)
    p.set_defaults(func=cmd_review)


def _seconds(text: str) -> int:
    """A cell's time limit: a whole number of seconds, at least 1."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (1 or more)")
    return math.ceil(value)
