"""The ``reflect`` command. Every failure is one line that names the fix, exit 1, never a traceback."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kit.config import raw
from kit.errors import KitError, PersonalDetailsFound


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"reflect: {record.levelname.lower()}: {record.getMessage()}"


def _journal(args: argparse.Namespace) -> Path:
    from kit.config import journal_folder

    return journal_folder(getattr(args, "journal", None))


def cmd_templates(args: argparse.Namespace) -> int:
    from kit.journal.templates import list_templates

    templates = list_templates()
    if args.json:
        print(
            json.dumps([{"name": t.name, "title": t.title, "description": t.description} for t in templates])
        )
        return 0
    width = max((len(t.name) for t in templates), default=0)
    for t in templates:
        print(f"{t.name:<{width}}  {t.description}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from kit.journal.templates import new_from_template

    path = new_from_template(args.template, _journal(args))
    print(path)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from datetime import date

    from kit.errors import ConfigError, NotebookOpen
    from kit.journal.servers import open_in
    from kit.journal.notebooks import append_entry

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise ConfigError("the entry is empty — write it as TEXT, or pass - to read it from standard input")
    journal = _journal(args)
    target = (
        Path(args.notebook).expanduser() if args.notebook else Path(f"{date.today():%Y-%m-%d}-journal.ipynb")
    )
    path = target if target.is_absolute() else journal / target
    if path.exists() and (server := open_in(path)):
        raise NotebookOpen(
            f"{path.name} is open in Jupyter ({server}), so the kit will not write it from outside — "
            "write there (kit.widgets.JournalWidget), or close its tab first"
        )
    entry = append_entry(
        path, text.strip(), template=args.template, field=args.field, mood=args.mood, private=args.private,
        journal=journal,
    )  # fmt: skip
    note = " (private: never indexed, never sent to a model)" if entry.private else ""
    print(f"Added entry {entry.id} to {path}{note}")
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from kit.index.store import Index

    report = Index(journal=_journal(args)).update(rebuild=args.rebuild, progress=True)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(report)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from kit.index.store import Index
    from kit.index.search import as_datetime, search, snippet

    since, until = as_datetime(args.since), as_datetime(args.until, end_of_day=True)  # bad dates fail first
    journal = _journal(args)
    index = Index(journal=journal)
    report = index.update(progress=sys.stderr.isatty())
    if report.new or report.changed or report.removed:
        print(f"reflect: index updated — {report}", file=sys.stderr)
    hits = search(args.query, k=args.k, since=since, until=until, template=args.template, index=index)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False))
        return 0
    if not hits:
        print("No entries found. Try other words, or widen --since/--template.")
        return 0
    for rank, hit in enumerate(hits, 1):
        print(
            f"{rank}. {hit.created:%Y-%m-%d}  score {hit.score:.2f}  {hit.notebook}  (cell {hit.cell_id}, {hit.template})"
        )
        print(f"   {snippet(hit.text, 160)}")
    return 0


class _Writing:
    """Shows that the model is working (words so far) on stderr; its text is shown only once it is checked."""

    def __init__(self) -> None:
        self.words = 0
        self.live = sys.stderr.isatty()

    def __call__(self, piece: str) -> None:
        if piece.startswith("question "):
            message = f"writing {piece}…"
        else:
            self.words += len(piece.split())
            message = f"writing… {self.words} words (shown once checked against your entries)"
        if self.live:
            print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.live:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _reflect(args: argparse.Namespace, run: Callable[..., Any]) -> int:
    from kit.index.store import Index
    from kit.models.registry import get_backend
    from kit.journal.notebooks import save_reflection
    from kit.index.search import as_datetime

    as_datetime(args.since), as_datetime(args.until)  # bad dates fail before any work
    journal = _journal(args)
    index = Index(journal=journal)
    report = index.update(progress=sys.stderr.isatty())
    if report.new or report.changed or report.removed:
        print(f"reflect: index updated — {report}", file=sys.stderr)
    backend = get_backend()
    if not args.json:
        print(
            f"reflect: answering with {backend.model_name} ({backend.name}) — {backend.reason}",
            file=sys.stderr,
        )
    writing = _Writing()
    try:
        try:
            reflection = run(model=backend, index=index, refresh=False, progress=writing)
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
                return 0
            args.pii = "send" if answer.startswith("s") else "redact"
            reflection = run(model=backend, index=index, refresh=False, progress=writing)
    finally:
        writing.done()
    saved = None
    if args.save:
        target = Path(args.save).expanduser()
        saved = save_reflection(target if target.is_absolute() else journal / target, reflection)
    if args.json:
        print(
            json.dumps({**reflection.to_dict(), "saved": str(saved) if saved else None}, ensure_ascii=False)
        )
        return 0
    print(reflection.text)
    if saved:
        print(f"\nSaved in {saved}", file=sys.stderr)
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from kit.reflection.reflect import summarize

    def run(**kw: Any) -> Any:
        return summarize(
            args.since, args.until, args.query, args.template, mode=args.mode, pii=args.pii, **kw
        )

    return _reflect(args, run)


def cmd_ask(args: argparse.Namespace) -> int:
    from kit.reflection.reflect import ask, clean_question

    clean_question(args.question)  # an empty question fails before any work

    def run(**kw: Any) -> Any:
        return ask(
            args.question,
            k=args.k,
            since=args.since,
            until=args.until,
            template=args.template,
            mode=args.mode,
            pii=args.pii,
            **kw,
        )

    return _reflect(args, run)


def cmd_check(args: argparse.Namespace) -> int:
    from kit.errors import ConfigError
    from kit.safety.crisis import check
    from kit.safety.wellbeing import crisis_message, find_safety_plan

    def safety_plan() -> Path | None:
        try:
            return find_safety_plan(_journal(args))
        except KitError:  # a settings problem must never replace the helplines
            return None

    text = args.text
    if text == "-" or (text is None and not sys.stdin.isatty()):
        text = sys.stdin.read()
    elif text is None:
        raise ConfigError('give the text to check: reflect check "TEXT", or `-` to read it from stdin')
    report = check(text)
    # check() keeps to the fast rules (it runs on every save); here the person asked, so the recogniser too.
    from kit.safety.pii import find_pii, recogniser_status

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


def cmd_forget(args: argparse.Namespace) -> int:
    from kit.errors import EntryNotFound
    from kit.index.store import Index

    index = Index(journal=_journal(args))
    if args.notebook:
        ids = index.notebook_ids(args.notebook)
        if not ids:
            raise EntryNotFound(
                f"the index holds no entries of {args.notebook} — give the notebook's path relative to the "
                f"journal {index.journal} (or absolute), or find entry ids with `reflect search QUERY --json`"
            )
    else:
        ids = [args.entry_id]
    texts = _indexed_texts(index, ids)
    count = index.forget(ids)
    # The notebooks are the truth: an entry still there, and not private, comes back with the next index run.
    back = index.would_return(ids)
    hint = _forget_hint(count, back)
    copies = _copies_of(index.journal, texts)
    if copies:
        copy_hint = (
            f"Words of {'it' if count == 1 else 'them'} are also in {', '.join(copies)} (reviews and saved "
            "reflections keep their own copy) — edit or delete those too if you want them gone"
        )
        hint = f"{hint}\n{copy_hint}" if hint else copy_hint
    if args.json:
        print(
            json.dumps(
                {
                    "forgotten": count,
                    "ids": ids,
                    "still_in_notebooks": [
                        {"id": e.id, "notebook": e.notebook, "cell_id": e.cell_id} for e in back
                    ],
                    "copies": copies,
                    "hint": hint,
                },
                ensure_ascii=False,
            )
        )
        return 0
    noun, them = ("entry", "it") if count == 1 else ("entries", "them")
    print(f"Forgot {count} {noun} from the index; nothing of {them} is left under KIT_HOME")
    if hint:
        print(hint)
    return 0


def _indexed_texts(index: Any, ids: list[str]) -> list[str]:
    """The indexed texts of ``ids`` (read before they are forgotten); none when there is no index."""
    from kit.errors import IndexMissing

    try:
        got = index.collection().get(ids=ids, include=["documents"])
    except IndexMissing:
        return []
    return [doc for doc in got["documents"] if doc]


def _copies_of(journal: Path, texts: list[str]) -> list[str]:
    """Notebooks whose outputs (weekly reviews, saved reflections) quote a sentence of any of ``texts``."""
    from kit.reflection.digest import sentences
    from kit.journal.notebooks import iter_notebooks

    needles = {s for text in texts for s in sentences(text) if len(s) >= 20}
    found = []
    for path in iter_notebooks(journal):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        shown = []
        for cell in nb.get("cells", []):
            for output in cell.get("outputs") or [] if isinstance(cell, dict) else []:
                if ((output.get("metadata") or {}).get("kit") or {}).get("kind") == "entry":
                    continue  # the entry itself, kept by a widget: that is the notebook, not a copy
                for value in (output.get("data") or {}).values():
                    shown.append("".join(value) if isinstance(value, list) else str(value))
            shown.append(json.dumps((cell.get("metadata") or {}).get("kit") or {}, ensure_ascii=False))
        haystack = "\n".join(shown)
        if any(needle in haystack for needle in needles):
            found.append(path.relative_to(journal).as_posix())
    return found


def _forget_hint(count: int, back: list[Any]) -> str | None:
    """One line telling how to keep forgotten entries that are still in a notebook out of the index."""
    if not back:
        return None
    where = ", ".join(sorted({e.notebook for e in back}))
    if len(back) == 1:
        who = "It is" if count == 1 else "1 of them is"
        return (
            f"{who} still in {where} (cell {back[0].cell_id}), so the next `reflect index` or search would "
            "add it back — to keep it out, mark it private (metadata.kit.private = true) or delete the cell"
        )
    return (
        f"{len(back)} of them are still in {where}, so the next `reflect index` or search would add them "
        "back — to keep them out, mark them private (metadata.kit.private = true) or delete their cells"
    )


COMMAND_MODULES = ("kit.content.glossary", "kit.content.bank", "kit.outputs.review", "kit.reflection.replay", "kit.outputs.export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflect",
        description="Reflective Notebook Kit: your journal in notebooks, searchable offline. "
        "Not medical or therapeutic advice.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def journal_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--journal", metavar="DIR", help="journal folder (default: KIT_JOURNAL or ./journal)")

    p = sub.add_parser("templates", help="list worksheet templates")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("add", help="write an entry into a journal notebook")
    p.add_argument("text", metavar="TEXT", help="the entry, or - to read it from standard input")
    p.add_argument(
        "--notebook", metavar="NB", help="notebook in the journal (default: today's YYYY-MM-DD-journal)"
    )
    p.add_argument("--mood", type=float, metavar="0-10", help="mood from 0 to 10")
    p.add_argument("--private", action="store_true", help="never index it and never send it to any model")
    p.add_argument("--template", default="journal", help=argparse.SUPPRESS)
    p.add_argument("--field", default="entry", help=argparse.SUPPRESS)
    journal_opt(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("new", help="create a dated notebook from a template")
    p.add_argument("template", metavar="TEMPLATE", help="template name (see `reflect templates`)")
    journal_opt(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("index", help="index the journal for search (incremental)")
    journal_opt(p)
    p.add_argument(
        "--rebuild", action="store_true", help="delete the index and rebuild it from the notebooks"
    )
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="find entries by meaning")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("-k", type=int, default=5, help="how many entries (default 5)")
    p.add_argument("--since", metavar="DATE", help="only entries on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only entries on or before DATE (YYYY-MM-DD)")
    p.add_argument("--template", metavar="NAME", help="only entries from this worksheet")
    p.add_argument("--json", action="store_true", help="print JSON")
    journal_opt(p)
    p.set_defaults(func=cmd_search)

    def reflect_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--since", metavar="DATE", help="only entries on or after DATE (YYYY-MM-DD)")
        p.add_argument("--until", metavar="DATE", help="only entries on or before DATE (YYYY-MM-DD)")
        p.add_argument("--template", metavar="NAME", help="only entries from this worksheet")
        p.add_argument(
            "--json", action="store_true", help="print text, citations, provenance and digest as JSON"
        )
        p.add_argument(
            "--save", metavar="NOTEBOOK", help="keep the result in this notebook (relative to the journal)"
        )
        p.add_argument(
            "--mode",
            choices=("summary", "questions", "counter-perspective"),
            default="summary",
            help="summary (default); questions: the model only asks; counter-perspective: what might I be missing?",
        )
        p.add_argument(
            "--pii",
            choices=("ask", "redact", "send"),
            default="ask",
            help="names, places or contact details bound for a model off this machine: stop and list them (ask, "
            "the default), replace them with labels (redact), or send them",
        )
        journal_opt(p)

    p = sub.add_parser(
        "summarize", help="what a period of your journal holds: digest, then a checked summary"
    )
    p.add_argument("--query", metavar="Q", help="only entries about Q")
    reflect_opts(p)
    p.set_defaults(func=cmd_summarize)

    p = sub.add_parser("ask", help="ask your journal a question; the answer cites your entries")
    p.add_argument("question", metavar="QUESTION")
    p.add_argument("-k", type=int, default=8, help="how many entries to answer from (default 8)")
    reflect_opts(p)
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser(
        "check", help="safety check only: crisis language and personal details (no chat model)"
    )
    p.add_argument(
        "text", nargs="?", metavar="TEXT", help="the text to check; - (or nothing, with a pipe) reads stdin"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    journal_opt(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("doctor", help="privacy and setup self-check; exits 1 if journal text could leave")
    p.add_argument("--json", action="store_true", help="print JSON")
    journal_opt(p)
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser(
        "forget", help="remove entries from the index, leaving no trace of them under KIT_HOME"
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "entry_id", nargs="?", metavar="ENTRY_ID", help="the entry's id (see `reflect search --json`)"
    )
    target.add_argument(
        "--notebook", metavar="PATH", help="forget every entry of this notebook (relative to the journal)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    journal_opt(p)
    p.set_defaults(func=cmd_forget)

    # Commands that live beside their concept: explain; prompt, values, activities; review; replay; export.
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub, journal_opt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from kit.egress import telemetry_off

    telemetry_off()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    logger = logging.getLogger("kit")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        args = build_parser().parse_args(argv)
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return code
    except KitError as exc:
        print(f"reflect: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `reflect explain DBT | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        return 0
    except KeyboardInterrupt:
        print("reflect: interrupted — nothing was lost; run the command again to finish", file=sys.stderr)
        return 130
    except Exception as exc:
        if raw("KIT_DEBUG"):
            raise
        print(
            f"reflect: unexpected error: {type(exc).__name__}: {exc} — please report it; "
            "set KIT_DEBUG=1 to see the details",
            file=sys.stderr,
        )
        return 1
    finally:
        logger.removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
