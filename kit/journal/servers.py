"""Is a notebook open in a running Jupyter server? The kit writes from outside only into notebooks that are not.

A write from outside into a notebook that JupyterLab has open ends in its "File Changed" dialog, where every
choice loses someone's words. So before the CLI writes a notebook it asks each running server on this machine
(found through Jupyter's runtime files) for its sessions, always over loopback.
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kit.egress import is_loopback

ASK_TIMEOUT_S = 1.0


def running_servers() -> list[dict[str, Any]]:
    """The Jupyter servers this user is running (their runtime files), with stale files skipped."""
    try:
        from jupyter_server.serverapp import list_running_servers
    except ImportError:  # no Jupyter installed: nothing can have the notebook open
        return []
    try:
        return list(list_running_servers())
    except (OSError, ValueError):
        return []


def _sessions(server: dict[str, Any]) -> list[dict[str, Any]] | None:
    url = str(server.get("url", "")).rstrip("/") + "/"
    if not is_loopback(url):
        # A server listening on all interfaces answers on loopback too; never ask another machine.
        parts = urlsplit(url)
        url = urlunsplit((parts.scheme, f"127.0.0.1:{parts.port or 80}", parts.path, "", ""))
    request = urllib.request.Request(f"{url}api/sessions")
    if server.get("token"):
        request.add_header("Authorization", f"token {server['token']}")
    try:
        with urllib.request.urlopen(request, timeout=ASK_TIMEOUT_S) as response:  # noqa: S310 (loopback only)
            data = json.loads(response.read().decode("utf-8"))
    except Exception:  # a server that does not answer cannot be editing the file
        return None
    return data if isinstance(data, list) else None


def open_in(path: Path | str) -> str | None:
    """The URL of a running Jupyter server that has ``path`` open (a session on it), else None."""
    target = Path(path).expanduser().resolve()
    for server in running_servers():
        root = Path(server.get("root_dir") or server.get("notebook_dir") or os.getcwd()).expanduser()
        for session in _sessions(server) or []:
            rel = session.get("path") or (session.get("notebook") or {}).get("path")
            if rel and (root / rel).resolve() == target:
                return str(server.get("url"))
    return None
