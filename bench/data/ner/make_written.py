"""Turn written.txt (journal-style sentences written for this bench, marked up) into written.jsonl.

    python bench/data/ner/make_written.py

Mark-up: ``[Faina](PERSON) called``, ``lives at [9 Elm Street\nSpringfield, IL 62704](PLACE)``. One entry per
line, except that a line break inside brackets continues the entry (addresses across lines).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
_MARK = re.compile(r"\[([^\]]+)\]\((PERSON|PLACE)\)")


def entries(source: str) -> list[str]:
    out, current = [], ""
    for line in source.splitlines():
        current = f"{current}\n{line}" if current else line
        if current.count("[") == current.count("]"):
            out.append(current)
            current = ""
    return out


def to_row(marked: str, number: int) -> dict:
    text, entities, last = "", [], 0
    for m in _MARK.finditer(marked):
        text += marked[last : m.start()]
        start = len(text)
        text += m.group(1)
        entities.append({"start": start, "end": len(text), "label": m.group(2), "text": m.group(1)})
        last = m.end()
    text += marked[last:]
    return {"id": f"written-{number}", "text": text, "entities": entities}


def main() -> None:
    rows = [to_row(e, n) for n, e in enumerate(entries((HERE / "written.txt").read_text("utf-8")))]
    with open(HERE / "written.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {k: sum(e["label"] == k for r in rows for e in r["entities"]) for k in ("PERSON", "PLACE")}
    print(f"written: {len(rows)} entries, {counts}")


if __name__ == "__main__":
    main()
