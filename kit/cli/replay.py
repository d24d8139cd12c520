"""`reflect replay`: run saved reflections again and say whether they come out the same."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from kit.cli.options import json_option
from kit.config import journal_folder


def cmd_replay(args: Any) -> int:
    """``reflect replay NOTEBOOK``: exit 0 whenever it ran, whatever it found (the statuses say); 1 on an error."""
    from kit.reflection.replay import replay

    journal = journal_folder(getattr(args, "journal", None))
    live = sys.stderr.isatty() and not args.json

    def progress(line: str) -> None:
        if live:
            print(f"\r\033[K{line}…", end="", file=sys.stderr, flush=True)

    try:
        report = replay(args.notebook, journal=journal, progress=progress)
    finally:
        if live:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps([r.to_dict() for r in report.results], ensure_ascii=False))
    else:
        report.render()
    return 0


def add_commands(sub: Any, journal_opt: Callable[[Any], None]) -> None:
    """Register ``reflect replay`` on the ``reflect`` parser's subcommands."""
    p = sub.add_parser(
        "replay",
        help="re-run the reflections saved in a notebook from their provenance: identical, differs or cannot replay",
    )
    p.add_argument("notebook", metavar="NOTEBOOK", help="the notebook (relative to the journal, or absolute)")
    json_option(p, "print the results as a JSON list")
    journal_opt(p)
    p.set_defaults(func=cmd_replay)
