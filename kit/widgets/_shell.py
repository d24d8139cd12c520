"""What a widget needs from the running kernel: its notebook's path, its cell's id, and display handles."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import IPython.display
import ipywidgets as w
from IPython import get_ipython

from kit.text import plural


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
    """A flow's ``progress=`` callback that tells ``show`` what the flow is doing and how far: its own lines
    ("Loading the small model on this computer… (4 s)", "Writing question 1 of 3, try 2 of 3…") as they are, and
    of the model's text only how many words it has written. The text is not checked yet, so it never shows it."""
    from kit.reflection.provenance import Status  # noqa: PLC0415 - langchain loads only when a model runs

    written: list[str] = []  # pieces may split a word: words are counted in the whole text so far

    def progress(text: str) -> None:
        if isinstance(text, Status):
            show(str(text))
            return
        written.append(text)
        words = len("".join(written).split())
        show(f"{doing}… {plural(words, 'word')} so far (checked before it is shown)")

    return progress


def index_progress(show: Callable[[str], None]) -> Callable[[int, int], None]:
    """An index update's ``progress(done, total)`` callback that tells ``show`` how far it is, in words."""

    def progress(done: int, total: int) -> None:
        show(f"Adding new entries to the search index: {done} of {total}…")

    return progress


# Saves the notebook named NAME whenever it has unsaved changes and has finished running, as Ctrl+S would
# (JupyterLab's autosave does the same a couple of minutes later): only while its tab is the current one, never
# while a cell of it is running, queued or being edited. Without it, a page that has just been run (or showed a
# new link) holds unsaved changes — its cells' run counts and outputs — and reloading or closing it asks "Leave
# site?". One watcher per page and notebook, however often the cell runs.
_SAVE_WHEN_RUN_JS = """
(function () {
  const name = NAME;
  const watching = (window.__kitSaveWhenRun = window.__kitSaveWhenRun || {});
  if (watching[name]) return;
  watching[name] = true;
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  setInterval(function () {
    const tab = document.querySelector('#jp-main-dock-panel .lm-TabBar-tab.jp-mod-current');
    const label = tab && tab.querySelector('.lm-TabBar-tabLabel');
    if (!label || label.textContent.trim() !== name || !tab.classList.contains('jp-mod-dirty')) return;
    const panel = document.getElementById(tab.dataset.id);
    if (!panel || panel.querySelector('.jp-Notebook.jp-mod-editMode')) return;
    for (const p of panel.querySelectorAll('.jp-InputArea-prompt')) {
      if (p.textContent.indexOf('*') >= 0) return;
    }
    const save = new KeyboardEvent('keydown', {
      key: 's', code: 'KeyS', ctrlKey: !mac, metaKey: mac, bubbles: true, cancelable: true
    });
    // JupyterLab's shortcuts read the legacy keyCode, which a made-up event leaves at 0.
    Object.defineProperty(save, 'keyCode', {get: function () { return 83; }});
    Object.defineProperty(save, 'which', {get: function () { return 83; }});
    document.body.dispatchEvent(save);
  }, 1000);
})();
"""


def save_when_run(name: str) -> Any:
    """Have JupyterLab save the notebook called ``name`` once its cells have run (see _SAVE_WHEN_RUN_JS).

    The script is shown inside an ``ipywidgets.Output``: it runs in the page and leaves nothing in the file.
    """
    out = w.Output(layout=w.Layout(height="0px", overflow="hidden"))
    with out:
        IPython.display.display(
            IPython.display.Javascript(_SAVE_WHEN_RUN_JS.replace("NAME", json.dumps(name)))
        )
    show_widget(out)
    return out
