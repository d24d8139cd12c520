"""`reflect templates`, `new`, `add`, `index`, `search`, `forget`: the journal and its index from the terminal."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kit.cli.options import journal_of, json_option, notebook_in, period_options, today_option, understood
from kit.dates import as_datetime
from kit.errors import ConfigError, EntryNotFound, NotebookOpen
from kit.journal.templates import entry_label
from kit.labels import spoken_day
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


def cmd_lab(args: argparse.Namespace) -> int:
    """JupyterLab on the journal, opened at its Home page — what ``make lab`` runs (kit.lab)."""
    if args.journal:
        os.environ["KIT_JOURNAL"] = str(journal_of(args))
    extra = args.lab_args[1:] if args.lab_args[:1] == ["--"] else args.lab_args
    os.execv(sys.executable, [sys.executable, "-m", "kit.lab", *extra])
    return 0  # not reached


def cmd_add(args: argparse.Namespace) -> int:
    from kit.journal.notebooks import append_entry
    from kit.journal.servers import open_in
    from kit.journal.templates import todays_notebook

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise ConfigError("the entry is empty — write it as TEXT, or pass - to read it from standard input")
    journal = journal_of(args)
    if args.notebook:
        path = notebook_in(journal, args.notebook, "--notebook")
    else:  # today's notebook of this worksheet (`reflect new daily-journal` made one?), else a new one
        path = todays_notebook(journal, args.template) or journal / f"{date.today():%Y-%m-%d}-journal.ipynb"
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

    index = Index(journal=journal_of(args), server=args.server)
    report = index.update(rebuild=args.rebuild, progress=True, languages=True)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(report)
    note = report.language_note()
    if note and not report.not_english:  # when entries were embedded just now, the index has said it already
        print(f"reflect: {note}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from kit.models import minilm

    if minilm.configured():  # the default embedder loads while the search imports and reads
        minilm.load_soon()
    from kit.index.search import search, snippet
    from kit.index.store import Index

    asked = understood(args, args.query)  # bad dates, in the options or the words, fail first
    journal = journal_of(args)
    index = Index(journal=journal)
    report = index.update(progress=sys.stderr.isatty())
    if report.new or report.changed or report.removed:
        print(f"reflect: index updated — {report}", file=sys.stderr)
    # A query of nothing but dates ("last week") or of dates and question words ("what did I write last week?")
    # names no topic: search() lists the period's entries, newest first, and says so.
    query = asked.query if asked.words else args.query
    hits = search(query, k=args.k, since=asked.since, until=asked.until, template=args.template, index=index)
    line = asked.line()
    if args.json:
        if line:  # the JSON stays a list of hits; what was understood goes beside it
            print(f"reflect: {line}", file=sys.stderr)
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False))
        return 0
    if line:
        print(line)
    if not hits:
        where = "those dates" if asked.since or asked.until else "--template"
        print(f"No entries found. Try other words, or widen {where}.")
        return 0
    today = as_datetime(args.today).date() if args.today else None  # "5 Mar" counts its year from --today
    for rank, hit in enumerate(hits, 1):
        day = spoken_day(hit.created.date().isoformat(), today)
        print(f"{rank}. {day} · {entry_label(hit.template, hit.field)}")
        print(f"   {snippet(hit.text, 160)}")
        if args.verbose:  # the machinery, for people who want it: the person-facing lines never show it
            print(f"   score {hit.score:.2f} · {hit.notebook} · cell {hit.cell_id} · id {hit.id}")
    if hits.note:
        print(hits.note)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from kit.index import forgotten
    from kit.index.store import Index, with_pending
    from kit.journal.notebooks import scan_journal

    journal = journal_of(args)
    # The notebooks are read first, without the index or any model: an unknown id fails at once.
    entries = with_pending(scan_journal(journal), journal).entries if journal.is_dir() else []
    if args.undo:
        return _unforget(args, journal, entries)
    index = Index(journal=journal)
    if args.notebook:
        rel = _notebook_rel(journal, args.notebook)
        found = [e for e in entries if e.notebook == rel]
        ids = list(dict.fromkeys([*(e.id for e in found), *index.notebook_ids(rel)]))
        if not ids:
            raise EntryNotFound(
                f"neither the journal nor its index holds entries of {args.notebook} — give the notebook's path "
                f"relative to the journal {index.journal} (or absolute), or find entry ids with "
                "`reflect search QUERY --json`"
            )
        undo = f"reflect forget --undo --notebook {rel}"
    else:
        found = [e for e in entries if e.id == args.entry_id]
        if not found:
            raise EntryNotFound(
                f"no entry with id {args.entry_id} is in the journal {journal} — find entry ids with "
                '`reflect search QUERY --json` (each hit has an "id")'
            )
        ids = [args.entry_id]
        undo = f"reflect forget --undo {args.entry_id}"
    forgotten.forget(journal, ids)  # first: if the rest is interrupted, the entries still stay out
    indexed = index.ids()  # an empty set when there is no index yet
    in_index = [i for i in ids if i in indexed]
    if in_index:
        index.forget(in_index)
    count = len(ids)
    hint = _forget_hint(count, [e for e in found if not e.is_empty])
    copies = _copies_of(journal, [e.text for e in found])
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
                        {"id": e.id, "notebook": e.notebook, "cell_id": e.cell_id}
                        for e in found
                        if not e.is_empty
                    ],
                    "copies": copies,
                    "hint": hint,
                    "undo": undo,
                },
                ensure_ascii=False,
            )
        )
        return 0
    noun, it = ("entry", "it") if count == 1 else ("entries", "them")
    left = f"nothing of {'its' if count == 1 else 'their'} words is left under KIT_HOME"
    if index.server is not None:  # README, "What forget can promise on a server"
        left += (
            f"; the Chroma server at {index.server.url} no longer holds {it} in its collection, but what "
            "that server keeps of deleted data on its own disks is out of the kit's reach"
        )
    print(
        f"Forgot {count} {noun}: out of the index, and no search or model will see {it} until you run "
        f"`{undo}`; {left}"
    )
    if hint:
        print(hint)
    return 0


def _unforget(args: argparse.Namespace, journal: Path, entries: list[Any]) -> int:
    from kit.index import forgotten

    if args.notebook:
        rel = _notebook_rel(journal, args.notebook)
        asked = [e.id for e in entries if e.notebook == rel]
        what = f"no entry of {args.notebook} is forgotten"
    else:
        asked = [args.entry_id]
        what = f"the entry {args.entry_id} is not forgotten"
    back = forgotten.unforget(journal, asked)
    if not back:
        raise EntryNotFound(f"{what} — `reflect forget ID` forgets an entry, `--undo` brings one back")
    if args.json:
        print(json.dumps({"unforgotten": len(back), "ids": back}))
        return 0
    noun, it = ("entry", "it") if len(back) == 1 else ("entries", "them")
    print(f"Un-forgot {len(back)} {noun}: the next `reflect index` or search adds {it} to the index again")
    return 0


def _notebook_rel(journal: Path, given: str) -> str:
    """A notebook's path relative to the journal, as entries name it (given relative to the journal, or to the
    current folder, or absolute)."""
    from kit.journal.notebooks import relpath

    path = Path(given).expanduser()
    if not path.is_absolute():
        path = path if not (journal / path).exists() and path.exists() else journal / path
    return relpath(path, journal)


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
    """Notebooks whose outputs (weekly reviews, saved reflections, a Home saved by an older kit) quote a sentence
    of any of ``texts``."""
    from kit.journal.notebooks import HOME_NOTEBOOK, iter_notebooks

    needles = {s for text in texts for s in sentences(text) if len(s) >= 20}
    found = []
    home = (
        journal / HOME_NOTEBOOK
    )  # never a journal notebook, but its saved outputs are a page the person reads
    for path in [*iter_notebooks(journal), *([home] if home.is_file() else [])]:
        try:
            haystack = _shown_in(json.loads(path.read_text(encoding="utf-8")))
        except Exception:  # a notebook the kit cannot read holds no copy it could point to
            continue
        if any(needle in haystack for needle in needles):
            found.append(path.relative_to(journal).as_posix())
    return found


def _forget_hint(count: int, still: list[Any]) -> str | None:
    """Where the words of forgotten entries still are (their notebooks are the person's), and how to delete them."""
    if not still:
        return None
    where = ", ".join(sorted({e.notebook for e in still}))
    if count == 1:
        whose = "Its words are"
    elif len(still) == 1:
        whose = "The words of 1 of them are"
    else:
        whose = f"The words of {len(still)} of them are"
    cells = f"that cell (cell {still[0].cell_id})" if len(still) == 1 else "their cells"
    return (
        f"{whose} still in your notebook{'s' if ',' in where else ''} {where} — to delete them, delete {cells} "
        "in JupyterLab and save"
    )


def add_commands(sub: Any, journal_opt: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("templates", help="list worksheet templates")
    json_option(p)
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("add", help="write an entry into a journal notebook")
    p.add_argument("text", metavar="TEXT", help="the entry, or - to read it from standard input")
    p.add_argument(
        "--notebook",
        metavar="NB",
        help="notebook in the journal (default: today's daily journal if `reflect new` made one, "
        "else YYYY-MM-DD-journal)",
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

    p = sub.add_parser("lab", help="open JupyterLab on the journal, at its Home page (as `make lab` does)")
    journal_opt(p)
    p.add_argument(
        "lab_args",
        nargs=argparse.REMAINDER,
        metavar="...",
        help="after --, arguments for JupyterLab (e.g. -- --port=8899)",
    )
    p.set_defaults(func=cmd_lab)

    p = sub.add_parser("index", help="index the journal for search (incremental)")
    journal_opt(p)
    p.add_argument(
        "--rebuild", action="store_true", help="delete the index and rebuild it from the notebooks"
    )
    p.add_argument(
        "--server",
        metavar="URL",
        help="index into this Chroma server for this run (e.g. http://127.0.0.1:8000) instead of KIT_CHROMA_URL "
        "or the index on this machine",
    )
    json_option(p, "print the counts as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="find entries by meaning")
    p.add_argument(
        "query",
        metavar="QUERY",
        help='what to look for; dates in it ("in March", "last week") narrow the search',
    )
    p.add_argument("-k", type=int, default=5, help="how many entries (default 5)")
    p.add_argument(
        "--verbose", action="store_true", help="also show each entry's score, notebook, cell and id"
    )
    period_options(p)
    today_option(p)
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "forget",
        help="keep entries out of the index and every model until --undo, leaving no trace of their words "
        "under KIT_HOME",
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "entry_id", nargs="?", metavar="ENTRY_ID", help="the entry's id (see `reflect search --json`)"
    )
    target.add_argument(
        "--notebook", metavar="PATH", help="forget every entry of this notebook (relative to the journal)"
    )
    p.add_argument("--undo", action="store_true", help="un-forget: index the entry (or notebook) again")
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_forget)
