"""Every worksheet template and example notebook runs top to bottom under nbval in a real kernel
(KIT_MODEL=fake, KIT_EMBED=fake, a temporary journal with a few entries)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("folder", ["templates", "notebooks"])
def test_notebooks_run_under_nbval(tmp_path, journal, kit_home, folder):
    from datetime import datetime, timedelta

    from kit.journal.notebooks import append_entry

    now = datetime.now().astimezone()
    for days, text, mood in [
        (2, "Lay awake until three, worrying about work.", 3),
        (1, "Slept well after a walk.", 7),
    ]:
        append_entry(
            journal / "week.ipynb", text, mood=mood, created=now - timedelta(days=days), journal=journal
        )
    path = ROOT / folder
    env = {**os.environ, "KIT_MODEL": "fake", "KIT_EMBED": "fake", "KIT_JOURNAL": str(journal)}
    env["KIT_HOME"] = str(kit_home)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "-q",
            "-o",
            "addopts=",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    import nbformat

    cells = sum(
        c.cell_type == "code" for nb in path.glob("*.ipynb") for c in nbformat.read(nb, as_version=4).cells
    )
    assert f"{cells} passed" in result.stdout  # every code cell ran
