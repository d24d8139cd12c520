"""Every worksheet template runs top to bottom under nbval in a real kernel (KIT_MODEL=fake, KIT_EMBED=fake)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_templates_run_under_nbval(tmp_path, journal, kit_home):
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
            str(TEMPLATES),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    notebooks_with_code = [p for p in TEMPLATES.glob("*.ipynb") if '"cell_type": "code"' in p.read_text()]
    assert f"{len(notebooks_with_code)} passed" in result.stdout
