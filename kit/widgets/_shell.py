"""What a widget needs from the running kernel: its notebook's path, its cell's id, and display handles."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import IPython.display
from IPython import get_ipython


def find_notebook(notebook: Path | str | None = None) -> tuple[Path | None, str]:
    """The notebook this kernel runs in and where that came from: ``notebook``, JPY_SESSION_NAME, ``__session__``."""
    if notebook:
        return Path(notebook).expanduser().resolve(), "given"
    session = os.environ.get("JPY_SESSION_NAME")
    if session and session.endswith(".ipynb"):
        path = Path(session).expanduser()
        return (path if path.is_absolute() else Path.cwd() / path).resolve(), "JPY_SESSION_NAME"
    shell = _shell()
    name = shell.user_ns.get("__session__") if shell is not None else None
    if isinstance(name, str) and name.endswith(".ipynb"):
        path = Path(name).expanduser()
        return (path if path.is_absolute() else Path.cwd() / path).resolve(), "__session__"
    return None, "not found"


def _shell() -> Any:
    return get_ipython()


def current_cell_id() -> str | None:
    """The id of the cell being run, when the front end sends it (JupyterLab puts ``cellId`` in the request)."""
    shell = _shell()
    kernel = getattr(shell, "kernel", None)
    try:
        parent = kernel.get_parent() if kernel is not None else None
    except Exception:  # noqa: BLE001 - older ipykernels have no get_parent(); the id is optional
        parent = None
    cell = ((parent or {}).get("metadata") or {}).get("cellId")
    return cell if isinstance(cell, str) and cell else None


def show(data: dict[str, Any], metadata: dict[str, Any] | None = None) -> Any:
    """Display a raw mime bundle as an output of the running cell; returns its display handle."""
    return IPython.display.display(data, raw=True, metadata=metadata or {}, display_id=True)


def show_widget(widget: Any) -> None:
    IPython.display.display(widget)


class Shown:
    """A widget made of one ``box``, shown once however often IPython asks (a cell's last line, display())."""

    box: Any
    _shown = False

    def _ipython_display_(self) -> None:
        if not self._shown:
            self._shown = True
            show_widget(self.box)


def writing_progress(show: Callable[[str], None], doing: str = "Writing") -> Callable[[str], None]:
    """A flow's ``progress=`` callback that tells ``show`` how far the model has written. The text is not checked
    yet, so it shows that the model is working and never its words."""
    chars = 0

    def progress(text: str) -> None:
        nonlocal chars
        if text.startswith("question "):  # the small model's questions: which one, and which try
            show(f"{doing} {text}… (checked before it is shown)")
            return
        chars += len(text)
        show(f"{doing}… {chars} characters so far (checked before it is shown)")

    return progress
