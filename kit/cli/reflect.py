"""`reflect summarize`, `ask`, `check`, `doctor`: reflections on the journal, the safety check, the self-check."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kit.cli.options import (
    journal_of,
    json_option,
    notebook_in,
    period_options,
    pii_option,
    today_option,
    understood,
)
from kit.dates import Period
from kit.errors import ConfigError, KitError, PersonalDetailsFound
from kit.text import plural


class _Writing:
    """Shows that the model is working (words so far) on stderr; its text is shown only once it is checked."""

    def __init__(self) -> None:
        self.written: list[str] = []  # pieces may split a word: words are counted in the whole text so far
        self.live = sys.stderr.isatty()

    def __call__(self, piece: str) -> None:
        from kit.reflection.provenance import Status

        if isinstance(
            piece, Status
        ):  # what the flow is doing and how far: loading the model, question 2 of 3
            message = str(piece)
        else:
            self.written.append(piece)
            words = len("".join(self.written).split())
            message = f"writing… {plural(words, 'word')} (shown only if it passes the kit's checks)"
        if self.live:
            print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.live:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _reflect(
    args: argparse.Namespace,
    text: str | None,
    flow: Callable[..., Any],
    nothing: Callable[[Any, Any], Any] | None = None,
) -> int:
    """Runs ``flow(asked, **options)`` with the dates understood from ``text`` (the question, the --query) and
    shows (or saves) its reflection. ``nothing(asked, index)``: the reflection when there is nothing to do, found
    before a model is built (or None)."""
    from kit.index.store import Index
    from kit.journal.reflections import save_reflection
    from kit.models.registry import get_backend

    asked = understood(args, text)  # bad dates, in the options or the words, fail before any work; read once
    args.since, args.until = asked.since, asked.until

    def run(**kw: Any) -> Any:
        return flow(asked, **kw)

    journal = journal_of(args)
    save_to = notebook_in(journal, args.save, "--save") if args.save else None  # refused before any work
    index = Index(journal=journal)
    reflection = nothing(asked, index) if nothing is not None else None
    if reflection is None:
        reflection = _run_with_backend(args, run, index, get_backend())
        if reflection is None:
            return 0
    saved = None
    if save_to:
        saved = save_reflection(save_to, reflection)
    if args.json:
        out = {
            **reflection.to_dict(),
            "saved": str(saved) if saved else None,
            "understood": asked.to_dict() if asked.words else None,
        }
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if line := asked.line():
        print(f"{line}\n")
    print(reflection.text)
    if saved:
        print(f"\nSaved in {saved}", file=sys.stderr)
    return 0


def _run_with_backend(args: argparse.Namespace, run: Callable[..., Any], index: Any, backend: Any) -> Any:
    """The flow's reflection, asking on a terminal what to do with personal details (None: cancelled)."""
    from kit.models.registry import said

    if not args.json:
        print(
            f"reflect: {said(backend)}",
            file=sys.stderr,
        )
    writing = _Writing()
    try:
        try:
            reflection = run(model=backend, index=index, progress=writing, index_progress=sys.stderr.isatty())
        except PersonalDetailsFound as exc:
            if args.pii != "ask" or not sys.stdin.isatty():
                raise
            print(f"reflect: {exc}", file=sys.stderr)
            answer = (
                input("Send them as they are [s], replace them with labels [r], or cancel [c]? ")
                .strip()
                .lower()
            )
            if answer[:1] not in ("s", "r"):
                print("Cancelled; nothing was sent.", file=sys.stderr)
                return None
            args.pii = "send" if answer.startswith("s") else "redact"
            reflection = run(model=backend, index=index, progress=writing, index_progress=sys.stderr.isatty())
    finally:
        writing.done()
    return reflection


def cmd_summarize(args: argparse.Namespace) -> int:
    from kit.reflection.reflect import nothing_to_summarize, summarize

    def run(asked: Any, **kw: Any) -> Any:
        # A --query of nothing but dates ("last week") summarises the whole period.
        return summarize(
            asked.since, asked.until, asked.query or None, args.template, mode=args.mode, pii=args.pii, **kw
        )

    def nothing(asked: Any, index: Any) -> Any:
        period = Period(asked.since, asked.until)
        return nothing_to_summarize(period, asked.query or None, args.template, args.mode, index=index)

    return _reflect(args, args.query, run, nothing)


def cmd_ask(args: argparse.Namespace) -> int:
    from kit.reflection.reflect import ask, clean_question

    clean_question(args.question)  # an empty question fails before any work

    def run(asked: Any, **kw: Any) -> Any:
        # The model sees the whole question; the entries are found by its words without the dates.
        return ask(
            args.question,
            k=args.k,
            since=asked.since,
            until=asked.until,
            template=args.template,
            query=asked.query if asked.words else None,  # only dates: the period's entries
            mode=args.mode,
            pii=args.pii,
            **kw,
        )

    return _reflect(args, args.question, run)


def cmd_check(args: argparse.Namespace) -> int:
    from kit.safety.crisis import check
    from kit.safety.pii import find_pii, recogniser_status
    from kit.safety.wellbeing import crisis_message, find_safety_plan

    def safety_plan() -> Path | None:
        try:
            return find_safety_plan(journal_of(args))
        except KitError:  # a settings problem must never replace the helplines
            return None

    text = args.text
    if text == "-" or (text is None and not sys.stdin.isatty()):
        text = sys.stdin.read()
    elif text is None:
        raise ConfigError('give the text to check: reflect check "TEXT", or `-` to read it from stdin')
    report = check(text)
    # check() keeps to the fast rules (it runs on every save); here the person asked, so the recogniser too.

    report = dataclasses.replace(report, pii=find_pii(text, recogniser=True))
    if args.json:
        print(json.dumps({**report.to_dict(), "detection": recogniser_status()}, ensure_ascii=False))
        return 0
    # A crisis is not an error: the calm message with helplines, and the exit status stays 0.
    print(crisis_message(safety_plan()) if report.crisis else "No crisis language found.")
    for note in report.notes:
        print(f"\n{note}")
    if report.pii:
        print("\nPersonal details found (best effort):")
        for span in report.pii:
            print(f"  {span.label:<8} {span.text!r} at {span.start}-{span.end}")
    else:
        print("No personal details found.")
    status = recogniser_status()
    print(status[0].upper() + status[1:] + ".")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from kit.doctor import doctor

    report = doctor(args.journal)  # resolved inside, so a bad setting is reported rather than fatal
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        report.render()
    if not report.ok:
        names = ", ".join(c.name for c in report.leaks)
        print(
            f"reflect: doctor: journal text could leave this machine ({names}) — apply the fixes",
            file=sys.stderr,
        )
    return 0 if report.ok else 1


def add_commands(sub: Any, journal_opt: Callable[[argparse.ArgumentParser], None]) -> None:
    def reflect_opts(p: argparse.ArgumentParser) -> None:
        period_options(p)
        today_option(p)
        json_option(p, "print text, citations, provenance and digest as JSON")
        p.add_argument(
            "--save", metavar="NOTEBOOK", help="keep the result in this notebook (relative to the journal)"
        )
        p.add_argument(
            "--mode",
            choices=("summary", "questions", "counter-perspective"),
            default="summary",
            help="summary (default); questions: the model only asks; counter-perspective: what might I be missing?",
        )
        pii_option(
            p,
            "names, places or contact details bound for a model off this machine: stop and list them (ask, "
            "the default), replace them with labels (redact), or send them",
        )
        journal_opt(p)

    p = sub.add_parser(
        "summarize", help="what a period of your journal holds: digest, then a checked summary"
    )
    p.add_argument(
        "--query",
        metavar="Q",
        help='only entries about Q; dates in it ("in March", "last week") set the period',
    )
    reflect_opts(p)
    p.set_defaults(func=cmd_summarize)

    p = sub.add_parser("ask", help="ask your journal a question; the answer cites your entries")
    p.add_argument(
        "question",
        metavar="QUESTION",
        help='dates in it ("in March", "last week") narrow the entries it reads',
    )
    p.add_argument("-k", type=int, default=8, help="how many entries to answer from (default 8)")
    reflect_opts(p)
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser(
        "check", help="safety check only: crisis language and personal details (no chat model)"
    )
    p.add_argument(
        "text", nargs="?", metavar="TEXT", help="the text to check; - (or nothing, with a pipe) reads stdin"
    )
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("doctor", help="privacy and setup self-check; exits 1 if journal text could leave")
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_doctor)
