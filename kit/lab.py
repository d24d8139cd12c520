"""``python -m kit.lab`` (``make lab``): JupyterLab on loopback, on the journal folder (KIT_JOURNAL), with its news,
update checks and telemetry off."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kit.config import settings
from kit.egress import LAB_OVERRIDES as OVERRIDES
from kit.egress import telemetry_off

SERVER_ARGS = [
    "--ServerApp.ip=127.0.0.1",
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]


def write_overrides(prefix: Path | None = None) -> Path:
    """Merge the kit's privacy settings into this environment's JupyterLab overrides.json."""
    path = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for plugin, values in OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    path.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return path


def lab_args(journal: Path, extra: list[str]) -> list[str]:
    """JupyterLab's arguments: the privacy settings, then the journal folder as its root unless one is given."""
    root = (
        []
        if any("root_dir" in a or "notebook_dir" in a for a in extra)
        else [f"--ServerApp.root_dir={journal}"]
    )
    return [*SERVER_ARGS, *root, *extra]


def main(argv: list[str] | None = None) -> int:
    telemetry_off()
    write_overrides()
    journal = settings().journal
    journal.mkdir(parents=True, exist_ok=True)
    args = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        *lab_args(journal, argv if argv is not None else sys.argv[1:]),
    ]
    os.execv(sys.executable, args)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
