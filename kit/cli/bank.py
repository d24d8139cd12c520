"""`reflect prompt`, `reflect values`, `reflect activities`: the curated banks from the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from kit.cli.options import json_option
from kit.errors import ConfigError
from kit.text import plural


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False))


def cmd_prompt(args: argparse.Namespace) -> int:
    from kit.content.bank import (
        CURATED_LABEL,
        PersonalPrompt,
        _prompts,
        match_topic,
        prompts,
        topics,
        version,
    )
    from kit.reflection.for_me import for_me
    from kit.safety.wellbeing import CrisisDetected

    if args.list_topics:
        counts = {t: sum(t in p.topics for p in _prompts()) for t in topics()}
        if args.json:
            _print_json([{"topic": t, "prompts": c} for t, c in counts.items()])
        else:
            for t, c in counts.items():
                print(f"{t:<26} {plural(c, 'prompt')}")
        return 0
    query = " ".join(args.topic).strip() or None
    if query and args.for_me:
        raise ConfigError("give either a TOPIC or --for-me, not both")
    n = args.n if args.n is not None else (3 if args.for_me else 1)
    personal: list[PersonalPrompt] = []
    note = None
    if args.for_me:
        try:
            personal, note = for_me(
                n, seed=args.seed, journal=args.journal, progress=sys.stderr.isatty() and not args.json
            )
        except CrisisDetected as crisis:  # no prompt: the helplines and the person's own safety plan
            print(crisis.message)
            return 0
    chosen = [p.prompt for p in personal] or prompts(query, n, seed=args.seed, depth=args.depth)
    if args.json:
        items = [p.to_dict() for p in personal] or [p.to_dict() for p in chosen]
        _print_json(
            {
                "topic": match_topic(query) if query else None,
                "note": note,
                "prompts": items,
                "label": CURATED_LABEL,
                "bank_version": version(),
            }
        )
        return 0
    if note:
        print(note + "\n")
    for i, p in enumerate(chosen):
        print(f"{i + 1}. {p.text}" if len(chosen) > 1 else p.text)
        if personal:
            print(f"   (for a theme in your recent entries: {personal[i].theme})")
    print(f"\n{CURATED_LABEL}")
    return 0


def cmd_values(args: argparse.Namespace) -> int:
    from kit.content.bank import values

    items = values(domain=args.domain)
    if args.json:
        _print_json([v.to_dict() for v in items])
        return 0
    print(
        f"{len(items)} values. Which ones matter to you? Pick as many or as few as you like; there are no wrong ones.\n"
    )
    width = max(len(v.name) for v in items)
    for v in items:
        print(f"{v.name:<{width}}  {v.meaning}")
    return 0


def cmd_activities(args: argparse.Namespace) -> int:
    from kit.content.bank import activities

    items = activities(args.effort, args.cost, args.social, args.setting, args.kind)
    if args.json:
        _print_json([a.to_dict() for a in items])
        return 0
    if not items:
        print("No activities fit all of those filters — try leaving one out.")
        return 0
    print(f"{len(items)} activities. Pick any that appeal to you, or none; the choice is yours.\n")
    for a in items:
        print(f"- {a.name}  ({a.describe()})")
    return 0


def add_commands(sub: Any, journal_opt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``reflect prompt``, ``reflect values`` and ``reflect activities`` on a subparsers object."""
    from kit.content.bank import COSTS, DEPTHS, EFFORTS, FOR_ME_DAYS, KINDS, SETTINGS, SOCIAL

    p = sub.add_parser(
        "prompt", help="a journal prompt from the kit's curated bank, for a topic or at random"
    )
    p.add_argument(
        "topic", nargs="*", metavar="TOPIC", help="what to write about, in your words (e.g. boundaries)"
    )
    p.add_argument("-n", type=int, metavar="N", help="how many prompts (default 1; 3 with --for-me)")
    p.add_argument("--depth", choices=DEPTHS, help="light or deeper prompts only")
    p.add_argument(
        "--for-me",
        action="store_true",
        help=f"prompts for the themes of your last {FOR_ME_DAYS} days of entries (no entry text is shown)",
    )
    p.add_argument("--list-topics", action="store_true", help="list the topics and how many prompts each has")
    p.add_argument("--seed", type=int, help="pick the same prompts again with the same number")
    json_option(p)
    journal_opt(p)
    p.set_defaults(func=cmd_prompt)

    p = sub.add_parser("values", help="a list of values to choose from, each with a one-line meaning")
    p.add_argument(
        "--domain", metavar="DOMAIN", help="only values of one life area (e.g. work, relationships)"
    )
    json_option(p)
    p.set_defaults(func=cmd_values)

    p = sub.add_parser("activities", help="a list of pleasant activities to choose from, with filters")
    p.add_argument("--effort", choices=EFFORTS, help="at most this much effort")
    p.add_argument("--cost", choices=COSTS, help="at most this cost")
    p.add_argument("--social", choices=SOCIAL[:2], help="alone or with others")
    p.add_argument("--setting", choices=SETTINGS[:2], help="indoor or outdoor")
    p.add_argument("--kind", choices=KINDS, help="one kind of activity")
    json_option(p)
    p.set_defaults(func=cmd_activities)
