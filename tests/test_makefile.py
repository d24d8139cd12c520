"""`make demo`/`make test` install quietly: pip's errors and a one-line summary, not its list of packages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _install_recipe() -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return text.split("$(STAMP): pyproject.toml", 1)[1].split("\n\n", 1)[0]


def test_every_pip_install_is_quiet_and_logged():
    recipe = _install_recipe()
    installs = [
        line for line in recipe.splitlines() if re.search(r"\bpip\b.*\binstall\b|\$\(PIP\) install", line)
    ]
    assert len(installs) == 3
    assert all("$(PIP) install $(PIP_QUIET)" in line for line in installs), installs
    assert "--log $(PIP_LOG)" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "Installed reflective-notebook-kit" in recipe  # the short summary instead


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_install_recipe_prints_a_summary_and_no_package_list(tmp_path):
    venv = tmp_path / "venv"
    done = subprocess.run(
        ["make", "-n", "demo", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    commands = done.stdout
    assert commands.count(" install -q ") == 3 and f"--log {venv}/pip-install.log" in commands
    assert "still installing llama.cpp" in commands and "kill $ticker" in commands
