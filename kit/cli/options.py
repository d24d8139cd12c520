"""Options that several ``reflect`` commands share, each added by one helper so they read the same everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.config import PII_CHOICES, journal_folder
from kit.errors import ConfigError
from kit.when import Understood, understand


def journal_option(p: argparse.ArgumentParser) -> None:
    """``--journal DIR``."""
    p.add_argument("--journal", metavar="DIR", help="journal folder (default: KIT_JOURNAL or ./journal)")


def json_option(p: argparse.ArgumentParser, what: str = "print JSON") -> None:
    """``--json``."""
    p.add_argument("--json", action="store_true", help=what)


def period_options(p: argparse.ArgumentParser, *, template: bool = True) -> None:
    """``--since DATE``, ``--until DATE`` and (unless ``template=False``) ``--template NAME``."""
    p.add_argument("--since", metavar="DATE", help="only entries on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only entries on or before DATE (YYYY-MM-DD)")
    if template:
        p.add_argument("--template", metavar="NAME", help="only entries from this worksheet")


def today_option(p: argparse.ArgumentParser) -> None:
    """``--today DATE``: the day "last week" and "in March" are counted from (for tests and replays)."""
    p.add_argument(
        "--today",
        metavar="DATE",
        help='the day that dates in the words ("last week", "in March") count from (YYYY-MM-DD; default: today)',
    )


def understood(args: argparse.Namespace, text: str | None) -> Understood:
    """The dates named in ``text`` (see kit.when), counted from ``--today``; ``--since``/``--until`` win."""
    return understand(text or "", args.today, since=args.since, until=args.until)


def journal_of(args: argparse.Namespace) -> Path:
    """The journal folder a command was given (``--journal``), else KIT_JOURNAL (or ./journal)."""
    return journal_folder(getattr(args, "journal", None))


def pii_option(p: argparse.ArgumentParser, what: str) -> None:
    """``--pii ask|redact|send``: what to do with personal details bound for a model off this machine."""
    p.add_argument("--pii", choices=PII_CHOICES, default="ask", help=what)


def notebook_in(journal: Path, given: str, option: str) -> Path:
    """The notebook ``given`` names (relative to the journal, or absolute), refused with the fix when it does not
    end in .ipynb or lies outside the journal."""
    target = Path(given).expanduser()
    try:
        path = (target if target.is_absolute() else journal / target).resolve()
    except (RecursionError, OSError) as exc:
        raise ConfigError(
            f"{option} {given[:60]}…: a path the system cannot follow — give a shorter one"
        ) from exc
    if path.exists() and not path.is_file():
        raise ConfigError(
            f"{option} {given}: that is not a notebook file (a folder or a device) — give another name"
        )
    if path.suffix != ".ipynb":
        raise ConfigError(f"{option} {given}: give a notebook, a name ending in .ipynb")
    if not path.is_relative_to(journal.resolve()):
        raise ConfigError(f"{option} {given} is outside the journal ({journal}) — give a path inside it")
    return path
