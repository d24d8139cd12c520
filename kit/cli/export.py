"""`reflect export`: a packet of entries (and, when asked, saved reflections) as HTML or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kit.cli.options import period_options
from kit.text import plural


def cmd_export(args: argparse.Namespace) -> int:
    """``reflect export``: write the packet and say what is in it, what was left out and what was redacted."""
    from kit.outputs.export import export
    from kit.outputs.packet_html import _span
    from kit.safety.pii import recogniser_status

    journal = Path(args.journal).expanduser().resolve() if getattr(args, "journal", None) else None
    report = export(
        args.out,
        overwrite=args.force,
        journal=journal,
        since=args.since,
        until=args.until,
        template=args.template,
        redact=args.redact,
        include_ai=args.include_ai,
    )
    packet = report.packet
    span = _span(packet.since, packet.until)
    entries = plural(packet.entries, "entry", "entries")
    print(f"Wrote {report.path} ({max(1, round(report.size / 1024))} KB): {entries}, {span}.")
    parts = [f"{n} {what}" for what, n in packet.left_out]
    print(
        "Left out: " + ("; ".join(parts) if parts else "nothing (private entries are never included)") + "."
    )
    if packet.ai:
        print(f"Included {plural(packet.ai, 'saved reflection')}, each marked as not your words.")
    elif not args.include_ai and any("not asked for" in what for what, _ in packet.left_out):
        print("Add --include-ai to include your saved reflections, each marked as AI or kit output.")
    if args.redact:
        found = ", ".join(f"[{label}] {n}" for label, n in packet.redactions) or "none found"
        print(f"Redacted: {found}. The search is best effort — read the packet before you share it.")
        status = recogniser_status()
        print(status[0].upper() + status[1:] + ".")
    else:
        print("Not redacted: names and places are as you wrote them (--redact replaces them with labels).")
    return 0


def add_commands(sub: Any, journal_opt: Any) -> None:
    """Register ``reflect export`` on the CLI's subparsers."""
    p = sub.add_parser(
        "export", help="a packet of your entries to share (HTML or PDF); private entries are never included"
    )
    p.add_argument(
        "--out", required=True, metavar="FILE", help="packet.html or packet.pdf (PDF needs Chromium)"
    )
    period_options(p)
    p.add_argument(
        "--redact", action="store_true", help="replace names, places and contact details with labels"
    )
    p.add_argument(
        "--include-ai",
        action="store_true",
        help="also include saved reflections, each marked as AI-written or computed by the kit",
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    journal_opt(p)
    p.set_defaults(func=cmd_export)
