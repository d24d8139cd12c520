"""``python -m kit.lab`` (``make lab``, ``reflect lab``): JupyterLab on loopback, on the journal folder (KIT_JOURNAL),
opened at the journal's ``Home.ipynb`` (made when missing, never overwritten) with the example notebooks beside it
in the read-only ``kit-examples/`` folder (kit.journal.home), and with JupyterLab's news, update checks and
telemetry off. As root (as in many containers) it passes JupyterLab's ``--allow-root``, which JupyterLab otherwise
demands before it starts, and says so in one line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kit.config import settings
from kit.egress import LAB_OVERRIDES as OVERRIDES
from kit.egress import telemetry_off
from kit.errors import KitError
from kit.journal.home import ensure_home, sync_examples
from kit.journal.notebooks import HOME_NOTEBOOK

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


ROOT_NOTE = (
    "make lab: running as root (as in many containers), so JupyterLab starts with --allow-root; "
    "an ordinary user account is safer where you have one"
)


def as_root() -> bool:
    """Whether this process runs as root (never on systems without user ids)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def lab_args(journal: Path, extra: list[str], root: bool = False, home: bool = False) -> list[str]:
    """JupyterLab's arguments: the privacy settings, the journal folder as its root unless one is given,
    ``--allow-root`` when running as ``root`` (JupyterLab refuses to start as root without it), and with ``home``
    the journal's Home.ipynb as the page it opens (unless another root or page is given)."""
    folder = (
        []
        if any("root_dir" in a or "notebook_dir" in a for a in extra)
        else [f"--ServerApp.root_dir={journal}"]
    )
    allow = (
        ["--allow-root"] if root and not any("allow_root" in a or "allow-root" in a for a in extra) else []
    )
    start = (
        [f"--LabApp.default_url=/lab/tree/{HOME_NOTEBOOK}"]
        if home and folder and not any("default_url" in a for a in extra)
        else []
    )
    return [*SERVER_ARGS, *folder, *allow, *start, *extra]


def prepare_journal(journal: Path) -> bool:
    """Home.ipynb (made if missing, never overwritten) and the read-only examples beside it; whether Home is
    there to open. A journal the kit cannot write to still opens, without them."""
    try:
        path, made = ensure_home(journal)
    except (KitError, OSError) as exc:
        print(
            f"make lab: could not make {HOME_NOTEBOOK} in {journal} ({exc}); opening the folder",
            file=sys.stderr,
        )
        return False
    if made:
        print(f"make lab: made {path} — your starting page", flush=True)
    sync_examples(journal)
    return True


def main(argv: list[str] | None = None) -> int:
    telemetry_off()
    write_overrides()
    journal = settings().journal
    journal.mkdir(parents=True, exist_ok=True)
    home = prepare_journal(journal)
    root = as_root()
    if root:
        print(ROOT_NOTE, file=sys.stderr, flush=True)
    args = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        *lab_args(journal, argv if argv is not None else sys.argv[1:], root=root, home=home),
    ]
    os.execv(sys.executable, args)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
