"""Notebooks written for earlier versions still run: the example notebooks as they were before the modules
moved (``from kit.privacy import doctor``, ``from kit import plots, review``, ``review.journal_folder`` …),
copied to tests/fixtures/notebooks-main, each executed top to bottom in a real kernel against a journal with a
few entries (KIT_MODEL=fake and KIT_EMBED=fake reach the kernel through its environment)."""

from __future__ import annotations

import base64
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import nbformat
import pytest

OLD = Path(__file__).resolve().parent / "fixtures" / "notebooks-main"
PNG = b"\x89PNG\r\n\x1a\n"
SLEEP = "Lay awake at night until three, worrying about the deadline at work."


@pytest.fixture
def week_of_entries(journal: Path, make_notebook) -> Path:
    """The last seven days: journal entries with moods, and the worksheet fields each chart reads."""
    now = datetime.now().astimezone().replace(microsecond=0)

    def ago(days: int, hours: int = 0) -> datetime:
        return now - timedelta(days=days, hours=hours)

    make_notebook(
        "week.ipynb",
        [
            {"text": SLEEP, "mood": 3, "created": ago(5)},
            {"text": "Walk by the river after work, slept well afterwards.", "mood": 6, "created": ago(4)},
            {"text": "Choir rehearsal went well, the altos nailed it.", "mood": 7, "created": ago(2)},
            {"text": "Private: the lighthouse keeper.", "mood": 1, "private": True, "created": ago(1, 1)},
        ],
    )  # fmt: skip
    make_notebook("activation.ipynb", [{
        "text": "10:00 walked to the shop, mood 4, mastery 5, pleasure 3\n"
                "12:00 lunch with Sam, mood 6, mastery 3, pleasure 7",
        "template": "behavioural-activation", "field": "activity-log", "created": ago(3),
    }])  # fmt: skip
    make_notebook("goal.ipynb", [
        {"text": "Run a 5k by May", "template": "woop-goals", "field": "wish", "created": ago(3)},
        {"text": "2 / 5", "template": "woop-goals", "field": "progress", "created": ago(3)},
    ])  # fmt: skip
    make_notebook("values.ipynb", [
        {"text": text, "template": "values-clarification", "field": field, "created": ago(1)}
        for field, text in [("health-importance", "9"), ("health-consistency", "4"),
                            ("relationships-importance", "8"), ("relationships-consistency", "6")]
    ])  # fmt: skip
    return journal


def execute(path: Path, cwd: Path) -> Any:
    """Run every cell of the notebook at ``path`` in a python3 kernel (working folder ``cwd``); errors are
    kept as outputs. The kernel talks over Unix sockets, as ``reflect review`` runs it: no TCP port is opened.

    The kernel finds the fakes by name through the ``kit.plugins`` entry point (kit.testing:register), as any
    kernel started with KIT_MODEL=fake does; nothing is injected into the notebook."""
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="kit-old-nb-") as sockets:  # short: Unix socket paths are limited
        km = KernelManager(kernel_name="python3")
        km.transport, km.ip = "ipc", str(Path(sockets) / "kernel")
        client = NotebookClient(
            nb,
            km=km,
            timeout=300,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(cwd)}},
        )
        env = {**os.environ, "MPLBACKEND": "Agg"}  # KIT_HOME, KIT_JOURNAL, KIT_EMBED/KIT_MODEL=fake
        env.pop("JPY_SESSION_NAME", None)
        try:
            client.execute(env=env)
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    return nb


def stdout(cell: Any) -> str:
    return "".join(
        o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout"
    )


def cell_with(nb: Any, text: str) -> Any:
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and text in c.source]
    return cell


@pytest.mark.parametrize("name", sorted(p.name for p in OLD.glob("*.ipynb")))
def test_a_notebook_written_before_the_move_still_runs(name, week_of_entries, tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "jupyter-runtime"))  # the connection file
    cwd = tmp_path / "work"
    cwd.mkdir()
    nb = execute(OLD / name, cwd)

    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [
        f"cell {n} ({c.source.splitlines()[0]!r}): {o.ename}: {o.evalue}"
        for n, c in enumerate(code, 1)
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert errors == []
    assert all(c.execution_count for c in code)  # every code cell ran
    assert "lighthouse" not in nbformat.writes(nb)  # and the private entry is in none of the outputs

    if name == "getting-started.ipynb":
        lines = stdout(cell_with(nb, "from kit.privacy import doctor")).splitlines()
        assert lines[0] in ("Nothing leaves this machine.", "Look at the warnings below.")
        levels = [line.split(maxsplit=1)[0] for line in lines[1:] if line.strip()]
        assert sum(level in ("ok", "warning", "leak") for level in levels) >= 3  # one line per check
    elif name == "querying-your-journal.ipynb":
        printed = stdout(cell_with(nb, "kit.search(")).splitlines()
        assert printed and any(SLEEP[:80] in line for line in printed)
        notebooks = {p.name for p in week_of_entries.glob("*.ipynb")}
        assert all(line.split("  ")[2] in notebooks for line in printed)  # date, score, notebook, text
    elif name == "weekly-review.ipynb":
        charts = {
            out.metadata["kit"]["chart"]: out
            for c in code
            for out in c.outputs
            if out.get("metadata", {}).get("kit", {}).get("kind") == "chart"
        }
        assert sorted(charts) == ["activation", "goals", "mood", "values"]
        for out in charts.values():
            assert base64.b64decode(out.data["image/png"]).startswith(PNG)
        shown = "".join(str(o.get("data", {}).get("text/markdown", "")) for c in code for o in c.outputs)
        assert "Walk by the river" in shown
