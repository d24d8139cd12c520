"""The weekly review: run ``notebooks/weekly-review.ipynb`` headlessly into a dated notebook in the journal.

``reflect review --week 2026-W10`` copies the review notebook, sets its parameters cell (papermill's convention:
a cell tagged ``parameters``, then one tagged ``injected-parameters`` that overrides it), executes it with
nbclient in a Python kernel whose working folder is the journal, and writes ``2026-W10-weekly-review.ipynb``
there — never over an existing file, and only once every cell has run. The charts are PNG outputs, so the
review reads the same without a kernel.

The notebook's cells call the small helpers below (period, entries, markdown for each section), so opening the
same notebook in JupyterLab and running it gives the same review.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tqdm import tqdm

from kit.config import journal_folder, shared_folder
from kit.dates import iso_week, week_of
from kit.errors import JournalNotFound, KitError, ReviewFailed
from kit.imports import import_quickly
from kit.index.forgotten import keep_out
from kit.index.store import with_pending
from kit.journal.entries import now
from kit.journal.notebooks import load, save_new, scan_journal
from kit.journal.templates import field_headings, field_label
from kit.journal.templates import titles as worksheet_titles
from kit.labels import words_from
from kit.models.prompts import bank_question
from kit.outputs.plots import day_words
from kit.reflection.digest import digest
from kit.reflection.provenance import checked_days
from kit.reflection.questions import counter_questions, question_label
from kit.reflection.reflect import summarize
from kit.reflection.writing import plain_reason
from kit.text import plural

NOTEBOOK = "weekly-review.ipynb"
RECENT_WEEKS = 4  # goals and values worksheets are done now and then: the review looks this far back for them
MAX_QUESTIONS = 3


# ---------------------------------------------------------------- weeks and periods


@dataclass(frozen=True)
class ReviewPeriod:
    """The days a review covers: an ISO week, or the last seven days up to today."""

    since: date
    until: date
    week: str | None

    @property
    def recent_since(self) -> date:
        """Where goals and values are looked for: RECENT_WEEKS weeks back from the end of the period."""
        return self.until - timedelta(weeks=RECENT_WEEKS) + timedelta(days=1)

    def describe(self) -> str:
        span = f"{day_words(self.since)} to {day_words(self.until)} {self.until.year}"
        if self.week:
            return f"Week {int(self.week[-2:])} of {self.week[:4]}: {span}"
        return f"The last seven days: {span}"


def review_period(week: str | None = None, *, today: date | None = None) -> ReviewPeriod:
    """The period for a week (``YYYY-Www``), or the last seven days up to ``today`` when ``week`` is None."""
    if week:
        since, until = iso_week(week)
        return ReviewPeriod(since, until, week_of(since))
    end = today or date.today()
    return ReviewPeriod(end - timedelta(days=6), end, None)


# ---------------------------------------------------------------- entries


class Entries(list):  # type: ignore[type-arg]
    """A period's entries, and how many the person asked the kit to forget (left out, and said so)."""

    forgotten: int = 0


def entries_between(since: date, until: date, *, journal: Path | str | None = None) -> Entries:
    """The journal's entries written from ``since`` to ``until`` (whole days), oldest first.

    Entries a JournalWidget holds but the notebook has not saved yet are included; private, forgotten (``reflect
    forget``) and empty ones are left out, so the review (and anything exported from it) never shows them. The
    result's ``forgotten`` counts the forgotten ones, for the review to say so.
    """
    folder = journal_folder(journal)
    scan = with_pending(scan_journal(folder), folder)
    gone = keep_out(folder)
    period = [
        e for e in scan.entries if not e.private and not e.is_empty and since <= e.created.date() <= until
    ]
    found = Entries(sorted((e for e in period if not gone(e.id)), key=lambda e: e.created))  # stable order
    found.forgotten = len(period) - len(found)
    return found


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def entries_markdown(entries: Iterable[Any]) -> str:
    """The entries grouped by worksheet (in order of first use), each with its date, field and words."""
    forgotten = getattr(entries, "forgotten", 0)
    said = (
        f"{plural(forgotten, 'entry', 'entries')} you asked the kit to forget "
        f"{'is' if forgotten == 1 else 'are'} left out (`reflect forget --undo ID` brings one back)."
        if forgotten
        else ""
    )
    entries = list(entries)
    if not entries:
        blank = "_No entries in this period. That's fine — a review can start from a blank page too._"
        return f"{blank}\n\n_{said}_" if said else blank

    titles = worksheet_titles()
    headings = field_headings()
    groups: dict[str, list[Any]] = {}
    for e in entries:
        groups.setdefault(e.template, []).append(e)
    lines = [
        f"{plural(len(entries), 'entry', 'entries')} from {plural(len(groups), 'worksheet')}. "
        "Private entries are not shown." + (f" {said}" if said else "")
    ]
    for template, found in groups.items():
        title = titles.get(template) or ("Journal" if template == "journal" else field_label(template))
        lines += ["", f"### {title} ({len(found)})"]
        for e in found:
            mood = f" · mood {_number(e.mood)}" if e.mood is not None else ""
            name = headings.get((e.template, e.field)) or field_label(e.field)
            field = "" if e.field == "entry" else f" · {name}"
            lines += [
                "",
                f"**{day_words(e.created.date())}, {e.created:%H:%M}**{field}{mood} — `{e.notebook}`",
                "",
            ]
            lines.append(_quoted(e.text))
    return "\n".join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


# ---------------------------------------------------------------- themes, summary, questions


def themes_markdown(digest: Any) -> str:
    """The digest's themes with their dates and one quoted sentence each, cited by date and notebook."""
    if not digest.entries:
        return "_No indexed entries in this period, so there are no themes yet._"
    lines = [
        f"Found by the kit in your {plural(digest.entries, 'entry', 'entries')}, labelled with your own words; no AI involved.",
        "",
    ]
    if digest.mood.mean is not None:
        points = plural(digest.mood.points, "entry", "entries")
        lines += [f"Average mood {digest.mood.mean:.1f} over {points} with a mood.", ""]
    for n, theme in enumerate(digest.themes, 1):
        days = theme.first if theme.first == theme.last else f"{theme.first} to {theme.last}"
        lines.append(f"{n}. **{theme.label}** — {plural(theme.count, 'entry', 'entries')}, {days}")
        lines.append(f"   > “{theme.quote.text}”")
        lines.append(f"   > — your entry of {theme.quote.created}, `{theme.quote.notebook}`")
    if digest.other_ids:
        others = len(digest.other_ids)
        lines.append(
            f"\nAnd {plural(others, 'entry', 'entries')} that {'fits' if others == 1 else 'fit'} no theme."
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class NoReflection:
    """Stands in for a Reflection when ``kit.summarize`` could not run (no model installed, …)."""

    reason: str
    digest: Any = None
    crisis: bool = False
    ai_written: bool = False
    questions: tuple = ()
    note: str = ""


def reflect_on(
    period: ReviewPeriod,
    *,
    mode: str = "summary",
    journal: Path | str | None = None,
    model: Any = None,
    reuse: Any = None,
) -> Any:
    """``kit.summarize`` over the period (its crisis check and output checks apply), on the index as it is (the
    themes cell brings it up to date). When no model can run, a NoReflection carries the reason, so the rest of
    the review still gets written.

    ``reuse``: an earlier result for the same period. The small embedded model answers a summary with the same
    questions it would ask in ``questions`` mode, so those are reused instead of asking it twice."""
    if (
        mode == "questions"
        and reuse is not None
        and getattr(reuse, "questions", None)
        and reuse.provenance.backend == "embedded"
    ):
        return reuse
    try:
        return summarize(period.since, period.until, mode=mode, journal=journal, model=model, refresh=False)
    except KitError as exc:
        try:
            found = digest(period.since, period.until, journal=journal)
        except KitError:
            found = None
        return NoReflection(str(exc), found)


def summary_markdown(reflection: Any) -> str:
    """A checked, AI-written summary; the helplines on a crisis; otherwise one line saying why there is none.

    The digest above already shows what the entries hold, so its fallback copy is not repeated here."""
    if isinstance(reflection, NoReflection):
        return f"_No written summary this time: {reflection.reason}_"
    if reflection.crisis:
        return reflection.text.split("\n\n---\n\n", 1)[0]  # the helplines; the themes are shown above
    if reflection.digest is not None and not reflection.digest.entries:
        return "_No entries in this period, so there is nothing to summarise._"
    if reflection.ai_written and not reflection.questions:
        return reflection.text
    withheld = reflection.provenance.withheld
    if withheld:
        return (
            f"_The written summary was withheld because it {plain_reason(withheld[-1])}; "
            "the themes above come straight from your entries._"
        )
    return f"_{reflection.note or 'No written summary this time.'}_"


_QUESTION = re.compile(r"[^.!?\n]*\?")


def _model_questions(text: str) -> list[str]:
    """The questions in an AI-written text (its label paragraph and citation list left out)."""
    body = text.split("**Entries cited**", 1)[0].split("\n\n", 1)
    found = [q.strip(" -*•\t") for q in _QUESTION.findall(body[1] if len(body) > 1 else "")]
    return [q for q in found if len(q.split()) >= 3]


def open_questions(reflection: Any, limit: int = MAX_QUESTIONS) -> list[tuple[str, str]]:
    """Up to ``limit`` open questions with who wrote each: the model's checked ones first, then the kit's bank."""
    provenance = getattr(reflection, "provenance", None)
    name = provenance.model if provenance else "the model"
    bank = "from the kit's question bank"
    picked: list[tuple[str, str]] = []
    if reflection.ai_written and not reflection.questions:
        written = f"AI-written by {name}; its questions use only {words_from(checked_days(reflection))}"
        picked += [(q, written) for q in _model_questions(reflection.text)]
    picked += [(q.text, question_label(q, name)) for q in reflection.questions]
    digest = reflection.digest
    if digest is not None and digest.entries:
        for theme in digest.themes:
            topic = theme.phrases[0] if theme.phrases else ""
            picked.append((bank_question(topic, ",".join(theme.entry_ids), theme.count), bank))
        picked += [(q.text, bank) for q in counter_questions(digest)]
    unique: dict[str, str] = {}
    for text, source in picked:
        unique.setdefault(text, source)
    return list(unique.items())[:limit]


def questions_markdown(reflection: Any) -> str:
    """Three open questions to take into the week (or fewer when there is little to ask about)."""
    if reflection.crisis:
        return (
            "_No questions this week: some of what you wrote reads like a very hard time. "
            "The helplines above are there for you, now or whenever you need them._"
        )
    questions = open_questions(reflection)
    if not questions:
        return (
            "_No entries in this period, so no questions yet. What would you like to write about this week?_"
        )
    lines = ["The answers are yours to write — here, in a worksheet, or with your therapist.", ""]
    lines += [f"{n}. {text} _({source})_" for n, (text, source) in enumerate(questions, 1)]
    return "\n".join(lines)


# ---------------------------------------------------------------- running the notebook


def review_notebook() -> Path:
    """The weekly-review notebook shipped with the kit: the source tree, or the installed data folder."""
    folder = shared_folder("notebooks")
    if folder and (folder / NOTEBOOK).is_file():
        return folder / NOTEBOOK
    raise ReviewFailed(
        f"the kit's {NOTEBOOK} was not found next to the kit or under {sys.prefix}/share — "
        "reinstall the kit (pip install --force-reinstall reflective-notebook-kit)"
    )


def _inject(nb: Any, values: dict[str, Any]) -> None:
    """Add a cell tagged ``injected-parameters`` after the ``parameters`` cell (papermill's convention)."""
    nbformat = import_quickly("nbformat")  # kit.imports: 2.2 s less on first use

    source = "# Set by `reflect review`.\n" + "\n".join(f"{k} = {v!r}" for k, v in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    tagged = [n for n, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)


def _clear_widgets(nb: Any) -> None:
    """Empty the outputs of widget cells: a widget saved without its kernel shows only an error when reopened."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "kit-widget" in cell.get("metadata", {}).get("tags", []):
            cell.outputs = []
            cell.execution_count = None


def _keep_alt_text(nb: Any) -> None:
    """Copy each chart's alt text into its cell's metadata too (``metadata.kit.charts``)."""
    for cell in nb.cells:
        charts = [
            {"chart": meta["chart"], "title": meta.get("title", ""), "alt": meta.get("alt", "")}
            for output in cell.get("outputs", [])
            if (meta := (output.get("metadata") or {}).get("kit") or {}).get("kind") == "chart"
        ]
        if charts:
            cell.metadata.setdefault("kit", {})["charts"] = charts


def _first_line(cell: Any) -> str:
    lines = [ln.strip() for ln in str(cell.get("source", "")).splitlines()]
    line = next((ln for ln in lines if ln and not ln.startswith("#")), "")
    return line if len(line) <= 60 else line[:59] + "…"


def _execute(nb: Any, journal: Path, *, progress: bool, timeout: float) -> None:
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    failed: dict[str, int] = {}
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    bar = tqdm(total=code_cells, desc="Weekly review", unit="cell", disable=not progress, leave=False)

    def executed(**kw: Any) -> None:
        bar.update(1)

    def error(cell_index: int, **kw: Any) -> None:
        failed.setdefault("index", cell_index)

    # IPC (Unix sockets in Jupyter's owner-only runtime folder) instead of TCP: no port is opened, not even on
    # loopback, and the kernel does not warn about unencrypted TCP.
    ipc = os.name == "posix"
    sockets = tempfile.TemporaryDirectory(prefix="kit-review-") if ipc else None  # owner-only (0700)
    km = KernelManager(kernel_name="python3")
    if sockets is not None:
        km.transport = "ipc"
        km.ip = str(Path(sockets.name) / "kernel")  # absolute: the kernel runs in the journal folder
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(journal)}},
        on_cell_executed=executed,
        on_cell_error=error,
    )
    env = {**os.environ, "KIT_JOURNAL": str(journal), "MPLBACKEND": "Agg"}
    env.pop("JPY_SESSION_NAME", None)  # the kernel runs no notebook open in JupyterLab
    try:
        client.execute(env=env)
    except CellExecutionError as exc:
        where = _where(nb, failed.get("index"))
        reason = (str(getattr(exc, "evalue", "")) or str(exc)).strip().splitlines()
        name = getattr(exc, "ename", "") or "Error"
        raise ReviewFailed(
            f"the weekly review stopped at {where}: {name}: {reason[0] if reason else 'no message'} — "
            "nothing was written; fix that and run `reflect review` again"
        ) from exc
    except CellTimeoutError as exc:
        raise ReviewFailed(
            f"{_where(nb, failed.get('index'))} took longer than {timeout:g} s — nothing was written; "
            "run again with a longer --timeout"
        ) from exc
    except DeadKernelError as exc:
        raise ReviewFailed(
            "the Python kernel running the review stopped — nothing was written; run `reflect review` again"
        ) from exc
    except NoSuchKernel as exc:
        raise ReviewFailed(
            "no python3 Jupyter kernel is installed here — `pip install ipykernel`, then run again"
        ) from exc
    except (
        RuntimeError
    ) as exc:  # jupyter_client: "Kernel didn't respond in 60 seconds", "Kernel died before…"
        raise ReviewFailed(
            f"the Python kernel for the review did not start ({exc}) — nothing was written; "
            "check that `python -m ipykernel --version` works here, then run again"
        ) from exc
    finally:
        bar.close()
        # nbclient leaves a kernel manager it did not create running: stop the kernel before its sockets go.
        if km.has_kernel:
            km.shutdown_kernel(now=False)
        if sockets is not None:
            sockets.cleanup()


def _where(nb: Any, index: int | None) -> str:
    if index is None:
        return "a cell"
    number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
    return f"code cell {number} ({_first_line(nb.cells[index])})"


def run_review(
    week: str | None = None,
    *,
    journal: Path | str | None = None,
    progress: bool = True,
    timeout: float = 600,
    notebook: Path | str | None = None,
) -> Path:
    """Run the weekly review for ``week`` (``YYYY-Www``; default: this week) into the journal; returns its path.

    The result is ``YYYY-Www-weekly-review.ipynb`` (``-2``, ``-3``… when that name is taken: nothing is ever
    overwritten), written atomically once every cell has run. On a failing cell nothing is written and
    ReviewFailed names the cell. ``notebook`` runs another review notebook with the same parameters.
    """
    label = week_of(iso_week(week)[0]) if week else week_of(date.today())
    folder = journal_folder(journal)
    if not folder.is_dir():
        raise JournalNotFound(
            f"the journal folder {folder} does not exist — create it, or point --journal (or KIT_JOURNAL) at yours"
        )
    nb, _ = load(Path(notebook) if notebook else review_notebook())
    # journal "." is the kernel's working folder, which is where the review lives: it stays right if moved.
    _inject(nb, {"week": label, "journal": "."})
    _execute(nb, folder, progress=progress, timeout=timeout)
    _keep_alt_text(nb)
    _clear_widgets(nb)
    nb.metadata.setdefault("kit", {}).update(
        notebook="weekly-review", week=label, created=now().isoformat(timespec="seconds")
    )
    stem = f"{label}-weekly-review"
    path = save_new(folder, stem, nb)
    if path is not None:
        return path
    raise ReviewFailed(f"too many reviews named {stem}* in {folder} — tidy the folder and run again")
