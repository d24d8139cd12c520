"""``python -m kit.demo``: build a sample journal, index it offline, and search it.

The sample journal is fictional and written for the kit. It lives in ./.demo (journal and index), apart
from the person's own journal and KIT_HOME.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import datetime
from importlib import resources
from pathlib import Path

from kit.index.search import search, snippet
from kit.index.store import Index
from kit.journal.notebooks import append_entry
from kit.journal.reflections import save_reflection
from kit.journal.templates import entry_label
from kit.labels import spoken_day
from kit.models.registry import get_backend, said
from kit.reflection.reflect import summarize

MARKER = ".kit-demo"
QUERIES = [
    ("trouble sleeping, lying awake at night", {}),
    ("conflict with my family", {}),
    ("feeling anxious about work", {"since": "2026-09-20"}),
]


def sample_entries() -> list[dict]:
    data = resources.files("kit").joinpath("data/sample_journal.json").read_text(encoding="utf-8")
    return json.loads(data)["entries"]


def build_journal(journal: Path) -> int:
    """Write the sample entries into one notebook per ISO week, through the kit's own write path."""
    if journal.exists():
        if not (journal / MARKER).exists():
            raise SystemExit(f"{journal} exists and is not a demo journal; refusing to touch it")
        shutil.rmtree(journal)
    journal.mkdir(parents=True)
    (journal / MARKER).write_text("made by `python -m kit.demo`; safe to delete\n")
    entries = sample_entries()
    for item in entries:
        created = datetime.fromisoformat(item["created"]).astimezone()
        year, week, _ = created.isocalendar()
        append_entry(
            journal / f"{year}-W{week:02d}.ipynb",
            item["text"],
            template="daily-journal",
            field="entry",
            mood=item.get("mood"),
            private=bool(item.get("private")),
            created=created,
            journal=journal,
        )
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit.demo", description=__doc__)
    parser.add_argument(
        "--dir", default=".demo", help="where the demo journal and index go (default ./.demo)"
    )
    args = parser.parse_args(argv)
    root = Path(args.dir).resolve()
    os.environ["KIT_HOME"] = str(root / "home")
    os.environ["KIT_JOURNAL"] = str(root / "journal")
    os.environ.setdefault("KIT_EMBED", "embedded")

    print("Reflective Notebook Kit demo — fully offline. Not medical or therapeutic advice.\n")
    n = build_journal(root / "journal")
    print(f"Wrote {n} sample entries (fictional) into notebooks in {root / 'journal'}")
    index = Index()
    print("Building the search index on this computer…")
    report = index.update(rebuild=True, progress=True)
    print(f"Index: {report}\n")
    for query, filters in QUERIES:
        label = f'Search: "{query}"' + "".join(f"  --{k} {v}" for k, v in filters.items())
        print(label)
        for rank, hit in enumerate(search(query, k=3, index=index, **filters), 1):
            # As `reflect search` shows them: the day and what the entry answers, then its words.
            print(
                f"  {rank}. {spoken_day(hit.created.date().isoformat())} · {entry_label(hit.template, hit.field)}"
            )
            print(f"     {snippet(hit.text, 110)}")
        print()

    backend = get_backend()
    print("Summary of the whole sample journal:")
    print(f"  {said(backend)}\n")
    with _Steps() as steps:
        reflection = summarize(model=backend, index=index, refresh=False, progress=steps)
    print(reflection.text)
    saved = save_reflection(root / "journal" / "reflections.ipynb", reflection)
    print(f"\nSaved with its provenance in {saved}")
    print(f"Open it in JupyterLab with:  KIT_JOURNAL={root / 'journal'} make lab")
    print("\nTry it yourself:")
    env = f"KIT_JOURNAL={root / 'journal'} KIT_HOME={root / 'home'}"
    print(f'  {env} .venv/bin/reflect search "running"')
    print(f'  {env} .venv/bin/reflect ask "what helped me sleep?"')
    return 0


class _Steps:
    """Prints which reflective question the model is on, so the wait shows progress."""

    def __enter__(self) -> _Steps:
        return self

    def __call__(self, piece: str) -> None:
        from kit.reflection.provenance import Status  # noqa: PLC0415 - langchain loads only when a model runs

        # One line per step ("Writing question 2 of 3…"); the tries and the seconds of loading go on one line.
        if isinstance(piece, Status):
            if ", try " in piece or piece.endswith(" s)"):
                print(f"\r  {piece}   ", end="", flush=True)
            else:
                print(f"\n  {piece}", end="", flush=True)

    def __exit__(self, *exc: object) -> None:
        print()


if __name__ == "__main__":
    sys.exit(main())
