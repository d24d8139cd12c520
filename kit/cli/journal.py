"""`reflect templates`, `new`, `add`, `index`, `search`, `forget`: the journal and its index from the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kit.cli.options import journal_of, json_option, notebook_in, period_options
from kit.dates import as_datetime
from kit.errors import ConfigError, EntryNotFound, IndexMissing, NotebookOpen
from kit.text import sentences


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

    path = new_from_template(args.template, journal_of(args))
    print(path)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from kit.journal.notebooks import append_entry
    from kit.journal.servers import open_in

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise ConfigError("the entry is empty — write it as TEXT, or pass - to read it from standard input")
    journal = journal_of(args)
    path = notebook_in(journal, args.notebook or f"{date.today():%Y-%m-%d}-journal.ipynb", "--notebook")
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

    report = Index(journal=journal_of(args)).update(rebuild=args.rebuild, progress=True)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(report)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from kit.index.search import search, snippet
    from kit.index.store import Index

    since, until = as_datetime(args.since), as_datetime(args.until, end_of_day=True)  # bad dates fail first
    journal = journal_of(args)
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
    if hits.note:
        print(hits.note)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from kit.index.store import Index

    index = Index(journal=journal_of(args))
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
    try:
        got = index.collection().get(ids=ids, include=["documents"])
    except IndexMissing:
        return []
    return [doc for doc in got["documents"] if doc]


def _shown_in(nb: dict[str, Any]) -> str:
    """What a notebook shows besides its entries: outputs (weekly reviews, saved reflections) and kit metadata."""
    shown = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs") or [] if isinstance(cell, dict) else []:
            if ((output.get("metadata") or {}).get("kit") or {}).get("kind") == "entry":
                continue  # the entry itself, kept by a widget: that is the notebook, not a copy
            for value in (output.get("data") or {}).values():
                shown.append("".join(value) if isinstance(value, list) else str(value))
        shown.append(json.dumps((cell.get("metadata") or {}).get("kit") or {}, ensure_ascii=False))
    return "\n".join(shown)


def _copies_of(journal: Path, texts: list[str]) -> list[str]:
    """Notebooks whose outputs (weekly reviews, saved reflections) quote a sentence of any of ``texts``."""
    from kit.journal.notebooks import iter_notebooks

    needles = {s for text in texts for s in sentences(text) if len(s) >= 20}
    found = []
    for path in iter_notebooks(journal):
        try:
            haystack = _shown_in(json.loads(path.read_text(encoding="utf-8")))
        except Exception:  # a notebook the kit cannot read holds no copy it could point to
            continue
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


def add_commands(sub: Any, journal_opt: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("templates", help="list worksheet templates")
    json_option(p)
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
    json_option(p, "print the counts as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="find entries by meaning")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("-k", type=int, default=5, help="how many entries (default 5)")
    period_options(p)
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_search)

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
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_forget)
