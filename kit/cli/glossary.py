"""`reflect explain`: a term from the glossary, and a follow-up question about it."""

from __future__ import annotations

import json
import sys
from typing import Any

from kit.cli.options import json_option, pii_option


def cmd_explain(args: Any) -> int:
    """`reflect explain TERM [--json] [--ask QUESTION]`: the glossary's text, or a checked answer about it."""
    from kit.content.glossary import NotInGlossary, explain
    from kit.models.registry import get_backend, said
    from kit.reflection.followup import _journal, follow_up
    from kit.reflection.reflect import clean_question
    from kit.safety.wellbeing import CrisisDetected, crisis_message, find_safety_plan

    term = " ".join(args.term).strip()
    journal = getattr(args, "journal", None)
    try:
        explanation = explain(term)
    except CrisisDetected:  # someone typing this needs the helplines, not "not in the glossary"; not an error
        where = _journal(journal)
        message = crisis_message(find_safety_plan(where) if where is not None else None)
        print(json.dumps({"crisis": True, "text": message}, ensure_ascii=False) if args.json else message)
        return 0
    except NotInGlossary as exc:
        print(f"reflect: error: {exc}", file=sys.stderr)
        return 1
    if args.ask is None:
        print(
            json.dumps(explanation.to_dict(), ensure_ascii=False) if args.json else explanation.to_markdown()
        )
        return 0

    question = clean_question(args.ask)  # an empty question fails before any work
    backend = get_backend()
    if not args.json:
        print(
            f"reflect: {said(backend)}",
            file=sys.stderr,
        )
    answer = follow_up(explanation.item, question, model=backend, journal=journal, pii=args.pii)
    if args.json:
        print(
            json.dumps(
                {"explanation": explanation.to_dict(), "follow_up": answer.to_dict()}, ensure_ascii=False
            )
        )
    else:
        print(answer.to_markdown())
    return 0


def add_commands(sub: Any, journal_opt: Any) -> None:
    """Registers `reflect explain` on the CLI's subparsers (``journal_opt`` adds --journal)."""
    p = sub.add_parser(
        "explain", help="what a therapy term means, from the kit's checked glossary (no AI unless --ask)"
    )
    p.add_argument("term", nargs="+", metavar="TERM", help="the term, e.g. thought record, DEAR MAN, DBT")
    json_option(p, "print the item and its rendered text as JSON")
    p.add_argument(
        "--ask",
        metavar="QUESTION",
        help="a question about the term, answered by a local model from the glossary text only, and checked",
    )
    pii_option(
        p, "personal details in QUESTION bound for a model off this machine: stop (ask), redact, or send"
    )
    journal_opt(p)
    p.set_defaults(func=cmd_explain)
