"""The kit's widgets in a real JupyterLab driven by a real (headless) Chromium.

A CBT thought record (its template has a JournalWidget) gets a SearchWidget cell; the first test runs all cells,
writes an entry, searches for it in the worksheet, asks a question, saves, watches the JournalWidget notice the
save, reloads, and then checks the .ipynb on disk and the index. The second walks a person's first hour: Home (it
must open and save itself with nothing left unsaved), Start a worksheet, its link, two answers in the
WorksheetForm, a note with a mood in the worksheet's JournalWidget, search on Home, the helper and the
ReflectWidget, save, reload, restart, Run All, and checks every answer is in the file once and none in Home. Both
check that no output is wider than its cell, and print how long each step took (``pytest -s``). Every request the page
makes must stay on this machine, and JupyterLab must never show its "File Changed" dialog.

Needs Debian's chromium at /usr/bin/chromium and the playwright package (never ``playwright install``); see
/work/shared/BROWSER_TESTING.md for the selectors and waits used here.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest
from conftest import free_port

pytestmark = [pytest.mark.integration, pytest.mark.enable_socket]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
TEMPLATE = Path(__file__).parents[2] / "templates" / "cbt-thought-record.ipynb"
TOKEN = "kit-e2e-" + uuid.uuid4().hex
KERNEL_IDLE = "Python 3 (ipykernel) | Idle"
ENTRY = "Walked the dog along the canal at dawn and watched two herons fishing in the mist."
QUERY = "herons fishing canal"
QUESTION = "What did I notice on my walk by the canal?"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}
VIEWPORT = {"width": 1400, "height": 1000}


def _status(port: int) -> bool:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/status", headers={"Authorization": f"token {TOKEN}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the server's process group (it and its kernels), then SIGKILL whatever is left."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    try:  # kernels are in the same group; make sure none outlives the server
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


@pytest.fixture
def browser_tools():
    """playwright's sync API, or a skip (before any server starts) when it or Debian's chromium is missing.

    In CI (CI=true) a missing browser is a failure, not a skip: .ci/run installs both, so a skip there would hide
    a broken install.
    """
    give_up = pytest.fail if os.environ.get("CI") == "true" else pytest.skip
    if not CHROMIUM.exists():
        give_up(f"{CHROMIUM} is missing (apt-get install chromium); .ci/run installs it")
    try:
        import playwright.sync_api as sync_api
    except ImportError:
        give_up("playwright is not installed (pip install -e '.[test]')")
    return sync_api


@pytest.fixture
def notebook(browser_tools, journal: Path) -> Path:
    """A CBT thought record from the template (it has a JournalWidget), with a SearchWidget cell added at the end."""
    from kit.journal.templates import new_from_template

    path = new_from_template("cbt-thought-record", journal)
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("from kit.widgets import SearchWidget\nSearchWidget()"))
    nbformat.write(nb, path)
    return path


@pytest.fixture
def home(browser_tools, journal: Path) -> Path:
    """The journal's Home.ipynb and the read-only examples beside it, as `make lab` leaves them."""
    from kit.journal.home import ensure_home, sync_examples

    path, made = ensure_home(journal)
    assert made
    sync_examples(journal)
    return path


@pytest.fixture
def lab(tmp_path: Path, journal: Path):
    """`jupyter lab` on 127.0.0.1 with isolated Jupyter folders and the kit's privacy settings; yields its port."""
    from kit.lab import OVERRIDES, SERVER_ARGS

    jupyter = tmp_path / "jupyter"
    dirs = {
        "JUPYTER_CONFIG_DIR": jupyter / "config",
        "JUPYTERLAB_SETTINGS_DIR": jupyter / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": jupyter / "lab-workspaces",
        "JUPYTER_RUNTIME_DIR": jupyter / "runtime",
        "IPYTHONDIR": jupyter / "ipython",
    }
    for d in dirs.values():
        d.mkdir(parents=True)
    (dirs["JUPYTER_CONFIG_DIR"] / "jupyter_server_config.json").write_text(
        json.dumps(
            {
                "LabApp": {
                    "news_url": None,
                    "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                    "extension_manager": "readonly",
                }
            }
        ),
        encoding="utf-8",
    )
    for plugin, values in OVERRIDES.items():  # browser side: the user setting of each plugin
        package, name = plugin.split(":")
        target = dirs["JUPYTERLAB_SETTINGS_DIR"] / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")

    port = free_port()
    env = {**os.environ, **{k: str(v) for k, v in dirs.items()}, "KIT_MODEL": "fake", "KIT_EMBED": "fake"}
    log = (tmp_path / "jupyter.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={journal}",
            *SERVER_ARGS,
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        env=env,
        cwd=journal,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not _status(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    "jupyter lab did not start:\n" + (tmp_path / "jupyter.log").read_text(errors="replace")
                )
            time.sleep(0.2)
        yield port
    finally:
        _stop(process)
        log.close()


class Steps:
    """How long each step of a walk took, printed as a table at the end (``pytest -s`` shows it)."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[tuple[str, float]] = []
        self.started = self.last = time.monotonic()

    def done(self, name: str) -> None:
        now = time.monotonic()
        self.rows.append((name, now - self.last))
        self.last = now

    def table(self) -> str:
        width = max(len(name) for name, _ in self.rows)
        lines = [f"{self.title}", f"  {'step':<{width}}  seconds"]
        lines += [f"  {name:<{width}}  {seconds:7.1f}" for name, seconds in self.rows]
        lines.append(f"  {'total':<{width}}  {time.monotonic() - self.started:7.1f}")
        return "\n".join(lines)


@contextlib.contextmanager
def _chromium(sync_api, requests: list[str], dialogs: list[str]):
    """A page in headless Debian chromium that records every request and accepts (and records) every dialog."""
    executable = (
        "/usr/lib/chromium/chromium" if Path("/usr/lib/chromium/chromium").exists() else str(CHROMIUM)
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
            ],
        )
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            page.on("websocket", lambda ws: requests.append(ws.url))  # not "request" events in playwright
            page.set_default_timeout(30_000)

            def on_dialog(dialog) -> None:
                dialogs.append(f"{dialog.type}: {dialog.message}")
                dialog.accept()

            page.on("dialog", on_dialog)
            yield page
            context.close()
        finally:
            browser.close()


def _remote(requests: list[str]) -> list[str]:
    """The requests that left this machine."""
    remote = []
    for r in requests:
        parsed = urllib.parse.urlsplit(r)
        if parsed.scheme not in LOCAL_SCHEMES and parsed.hostname not in LOCAL_HOSTS:
            remote.append(r)
    return remote


# Every element of an output that is wider than its cell's output area, sticks out past its edge, or cuts or
# scrolls its own content sideways (a slider's handle reaching past its track, and a text box scrolling long words,
# are by design); and a sideways scrollbar on the notebook itself. Off-screen cells are measured too (reading a
# size lays them out).
OVERFLOW_JS = """
(panelId) => {
  const panel = document.getElementById(panelId);
  const found = [];
  const name = (el) => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).slice(0, 3) : [];
    const text = (el.innerText || el.value || el.getAttribute('alt') || '').trim().replace(/\\s+/g, ' ');
    return [el.tagName.toLowerCase(), ...classes].join('.') + (text ? ` "${text.slice(0, 50)}"` : '');
  };
  for (const area of panel.querySelectorAll('.jp-OutputArea')) {
    const edge = area.getBoundingClientRect();
    if (edge.width === 0) continue;
    for (const el of area.querySelectorAll('.jp-OutputArea-output, .jp-OutputArea-output *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (el.scrollWidth > area.clientWidth + 1) {
        found.push(`wider than its cell (${el.scrollWidth} > ${area.clientWidth}px): ${name(el)}`);
      } else if (box.right > edge.right + 1 || box.left < edge.left - 1) {
        found.push(`past the edge of its cell (${Math.round(box.right - edge.right)}px): ${name(el)}`);
      } else if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !el.closest('.noUi-target')
                 && !['INPUT', 'TEXTAREA'].includes(el.tagName)) {
        found.push(`cut or scrolled sideways (${el.scrollWidth} > ${el.clientWidth}px): ${name(el)}`);
      }
    }
  }
  for (const el of panel.querySelectorAll('.jp-Notebook, .jp-WindowedPanel-outer')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      found.push(`the notebook scrolls sideways (${el.scrollWidth} > ${el.clientWidth}px)`);
    }
  }
  return found;
}
"""


def _is_field(cell: dict) -> bool:
    return "kit-entry" in cell.get("metadata", {}).get("tags", [])


def _entry_outputs(path: Path, kind: str) -> list[dict]:
    nb = nbformat.read(path, as_version=4)
    return [
        output
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if ((output.get("metadata") or {}).get("kit") or {}).get("kind") == kind
    ]


def test_widgets_in_a_real_browser(browser_tools, journal: Path, notebook: Path, lab: int) -> None:
    sync_api = browser_tools
    from kit.index.search import search
    from kit.index.store import Index
    from kit.journal.notebooks import read_entries

    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("[0-9]*.png"):
        old.unlink()
    steps = Steps("thought record with a JournalWidget and a SearchWidget")
    requests: list[str] = []
    dialogs: list[str] = []
    url = (
        f"http://127.0.0.1:{lab}/lab/workspaces/e2e-{uuid.uuid4().hex[:12]}/tree/"
        f"{urllib.parse.quote(notebook.name)}?token={TOKEN}"
    )

    with _chromium(sync_api, requests, dialogs) as page:

        def shot(name: str) -> None:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

        # 1. Open the notebook and wait for its kernel.
        page.goto(url)
        _opened(page, page)
        shot("01-opened")
        steps.done("open the notebook, kernel idle")

        # 2. Run all, wait for the three widgets.
        _run_all(page)
        journal_box = page.locator(
            ".widget-vbox", has=page.locator('textarea[placeholder="Write here…"]')
        ).last
        text_area = page.locator('textarea[placeholder="Write here…"]')
        query = page.locator('input[placeholder="What are you looking for?"]')
        question = page.locator('input[placeholder="What would you like to know about your journal?"]')
        for widget in (text_area, query.first, question):
            widget.wait_for(state="visible")
        # SearchWidget() as a cell's last line shows its box twice (two views of one model; see the report).
        search_views = query.count()
        query = query.first
        shot("02-widgets")
        steps.done("Run All, widgets shown")

        # 3a. Write an entry and save it from the JournalWidget.
        text_area.scroll_into_view_if_needed()
        text_area.fill(ENTRY)
        journal_box.locator("button.widget-button", has_text="Save").click()
        # The renderer is the output element itself: .jp-OutputArea-output.jp-RenderedMarkdown
        rendered = page.locator(".jp-OutputArea-output.jp-RenderedMarkdown", has_text=ENTRY)
        try:
            rendered.wait_for(state="visible", timeout=10_000)
        except sync_api.TimeoutError:
            shot("03-entry-not-shown")
            cell = page.locator(".jp-CodeCell", has=text_area)
            pytest.fail(
                "the saved entry was not shown as an output of the JournalWidget cell; the cell shows:\n"
                + cell.inner_text()
                + f"\n(outputs in the cell: {cell.locator('.jp-OutputArea-child').count()})"
            )
        page.wait_for_function(
            "() => document.querySelector('textarea[placeholder=\"Write here…\"]').value === ''"
        )
        shot("03-entry-saved")
        steps.done("JournalWidget entry")

        # 3b. Search for it.
        query.scroll_into_view_if_needed()
        query.fill(QUERY)
        page.locator("button.widget-button", has_text="Search").first.click()
        results = page.locator(".widget-html ol", has_text=ENTRY[:40]).first
        results.wait_for(state="visible")
        shown = results.inner_text()
        assert ENTRY[:60] in shown
        # a person reads the day, the worksheet and the words: no score, no file name
        assert "score" not in shown and ".ipynb" not in shown
        shot("04-search")
        steps.done("search")

        # 3b'. The worksheet helper explains the worksheet and offers a prompt; it writes nothing in the file.
        explain = page.locator("button.widget-button", has_text="What is this worksheet?")
        explain.scroll_into_view_if_needed()
        explain.click()
        curated = page.locator(".widget-html", has_text="Curated text from the kit")
        curated.first.wait_for(state="visible")
        assert "thought record" in curated.first.inner_text().lower()
        shot("04b-helper")
        steps.done("worksheet helper")

        # 3c. Ask a question in the ReflectWidget.
        question.scroll_into_view_if_needed()
        page.locator(".widget-radio-box label", has_text="Ask a question").click()
        question.fill(QUESTION)
        page.locator("button.widget-button", has_text="Reflect").click()
        # The template's ReflectWidget reads this worksheet's entries; the JournalWidget in it writes them. With
        # KIT_MODEL=fake the reply is the fake's (AI-written, checked) or the kit's digest when the check refuses.
        reflect_cell = page.locator(".jp-CodeCell", has=question)
        reflection = reflect_cell.locator(".jp-OutputArea-output.jp-RenderedMarkdown").filter(
            has_text=re.compile("Digest of your entries|AI-written|no AI wrote the digest")
        )
        try:
            reflection.first.wait_for(state="visible", timeout=30_000)
        except sync_api.TimeoutError:
            shot("05-reflect-failed")
            widget_text = page.locator(".widget-vbox", has=question).last.inner_text()
            pytest.fail(f"no reflection appeared; the ReflectWidget shows:\n{widget_text}")
        shot("05-reflection")
        overflow = _overflow(page, _current_panel(page))
        steps.done("ReflectWidget")

        # 4. Save from the keyboard (focus out of the widgets first).
        page.locator(".jp-Cell .jp-InputPrompt").first.click()
        page.keyboard.press("Control+s")
        page.locator("li.lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)").wait_for()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if _entry_outputs(notebook, "entry") and _entry_outputs(notebook, "reflection"):
                break
            time.sleep(0.2)
        shot("06-saved")
        assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").first.inner_text()
        # The JournalWidget notices the save by itself (it watches the file while entries are pending).
        journal_box.locator(".widget-label", has_text="0 pending / 1 saved").wait_for(timeout=15_000)
        journal_status = journal_box.locator(".widget-label").last.inner_text()
        steps.done("save (Ctrl+S), on disk")

        # 5. Reload (a person closing and reopening the tab).
        page.reload()
        _opened(page, page)
        shot("07-reloaded")
        steps.done("reload")

        # 6. Restart the kernel and run everything again: "Run all" clears outputs, and the widgets must show
        # the entry and the kept reflection again from the file, so the next save keeps them.
        _restart(page)
        _run_all(page)
        text_area.wait_for(state="visible")
        rendered.first.wait_for(state="visible")
        reflection.first.wait_for(state="visible")
        journal_cell = page.locator(".jp-CodeCell", has=text_area)
        shown = journal_cell.locator(".jp-OutputArea-output.jp-RenderedMarkdown", has_text=ENTRY)
        assert shown.count() == 1 and reflection.count() == 1
        page.locator(".jp-Cell .jp-InputPrompt").first.click()
        page.keyboard.press("Control+s")
        page.locator("li.lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)").wait_for()
        shown.scroll_into_view_if_needed()
        shot("08-restarted-and-rerun")
        steps.done("restart, Run All, save")

        # 7. JupyterLab never saw the file change under it.
        file_changed = page.locator(".jp-Dialog", has_text="File Changed")
        assert file_changed.count() == 0, "JupyterLab showed a 'File Changed' dialog"

    (ARTIFACTS / "requests.txt").write_text("\n".join(requests) + "\n", encoding="utf-8")
    (ARTIFACTS / "dialogs.txt").write_text("\n".join(dialogs) + "\n", encoding="utf-8")

    # 5. What is on disk. The worksheet's own answer cells are as the template left them: no widget wrote there.
    template_fields = [c.source for c in nbformat.read(TEMPLATE, as_version=4).cells if _is_field(c)]
    assert [c.source for c in nbformat.read(notebook, as_version=4).cells if _is_field(c)] == template_fields
    entries = read_entries(notebook, journal=journal)
    assert any(e.text == ENTRY for e in entries), [e.text for e in entries]
    entry_outputs = _entry_outputs(notebook, "entry")
    assert [o["metadata"]["kit"]["text"] for o in entry_outputs] == [ENTRY]
    reflections = _entry_outputs(notebook, "reflection")
    assert len(reflections) == 1
    assert isinstance(reflections[0]["metadata"]["kit"].get("provenance"), dict)
    assert reflections[0]["metadata"]["kit"]["provenance"]

    index = Index(journal)
    index.update(progress=False)
    hits = search(QUERY, index=index)
    assert any(h.text == ENTRY for h in hits), [h.text for h in hits]

    steps.done("checks on disk and in the index")

    # 6. Every request stayed on this machine.
    assert requests and not _remote(requests), _remote(requests)
    print(
        f"\n{steps.table()}\n{len(requests)} requests, {search_views} SearchWidget views, "
        f"status after save: {journal_status!r}"
    )
    assert not overflow, "elements wider than their cell:\n" + "\n".join(overflow)


ANSWERS = {
    "situation": "Sat on the bus home after the team meeting, rain on the windows, phone in my lap.",
    "emotions": "Embarrassed 70, tired 50, a little angry 30.",
}
NOTE = "Texted my sister afterwards and felt a bit lighter."
NOTE_BOX = 'textarea[placeholder="Write here…"]'
HOME_SHOTS = ARTIFACTS / "home"
ANSWER_BOX = 'textarea[placeholder="Your answer"]'
QUESTION_BOX = 'input[placeholder="What would you like to know about your journal?"]'
SCREENSHOTS = {"home": "home.png", "form": "worksheet-form.png"}  # copied to docs/screenshots/ for the README


def _current_panel(page):
    """The notebook panel of the current main-area tab (Home's panel stays in the page, hidden, once another tab
    is current)."""
    tab = page.locator("#jp-main-dock-panel li.lm-TabBar-tab.jp-mod-current").first
    tab.wait_for()
    return page.locator(f"[id='{tab.get_attribute('data-id')}']")


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator('#jp-mainmenu-run .lm-Menu-item[data-command="runmenu:run-all"]').click()


def _opened(page, scope) -> None:
    """Wait until the notebook in ``scope`` (the page, or one panel) shows its cells and the kernel is idle."""
    scope.locator(".jp-Notebook .jp-Cell").first.wait_for(state="visible")
    page.locator("#jp-main-statusbar", has_text=KERNEL_IDLE).wait_for()


def _restart(page) -> None:
    """Kernel ▸ Restart, accept the dialog, wait until the kernel is idle."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
    page.locator('.lm-Menu-item[data-command="kernelmenu:restart"]').click()
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.locator("#jp-main-statusbar", has_text=KERNEL_IDLE).wait_for()


def _save(page, panel) -> None:
    panel.locator(".jp-Cell .jp-InputPrompt").first.click()  # focus inside a widget swallows the shortcut
    page.keyboard.press("Control+s")
    page.locator("#jp-main-dock-panel li.lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)").wait_for()


def _overflow(page, panel) -> list[str]:
    return page.evaluate(OVERFLOW_JS, panel.get_attribute("id"))


def test_home_to_a_filled_worksheet_form(browser_tools, journal: Path, home: Path, lab: int) -> None:
    """Home → Start a worksheet → its link opens the dated notebook in a tab → two answers in the WorksheetForm →
    search on Home → helper → ReflectWidget → save, reload, restart, Run All: every answer is in the file once."""
    sync_api = browser_tools
    from kit.journal.notebooks import read_entries

    HOME_SHOTS.mkdir(parents=True, exist_ok=True)
    for old in HOME_SHOTS.glob("*.png"):
        old.unlink()
    steps = Steps("Home to a worksheet form")
    requests: list[str] = []
    dialogs: list[str] = []
    overflow: dict[str, list[str]] = {}
    home_before = home.read_bytes()
    url = (
        f"http://127.0.0.1:{lab}/lab/workspaces/e2e-{uuid.uuid4().hex[:12]}/tree/"
        f"{urllib.parse.quote(home.name)}?token={TOKEN}"
    )

    with _chromium(sync_api, requests, dialogs) as page:

        def shot(name: str) -> None:
            page.screenshot(path=str(HOME_SHOTS / name), full_page=False)

        # 1. Open Home and run it.
        page.goto(url)
        _opened(page, page)
        home_panel = _current_panel(page)
        steps.done("open Home, kernel idle")
        _run_all(page)
        start = home_panel.locator("button.widget-button", has_text="Start")
        home_query = home_panel.locator('input[placeholder="What are you looking for?"]').first
        for widget in (start, home_query, home_panel.get_by_text("Your safety plan:")):
            widget.wait_for(state="visible")
        steps.done("Home: Run All, widgets shown")
        # Home opened with nothing to save, and saves itself once it has run: no "Leave site?" on a reload.
        page.locator(
            "#jp-main-dock-panel li.lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)", has_text="Home"
        ).wait_for()
        steps.done("Home: saved by itself")
        start_cell = home_panel.locator(
            ".jp-Cell", has=page.locator("button.widget-button", has_text="Start")
        )
        start_cell.scroll_into_view_if_needed()

        # 2. Start a CBT thought record; the output link names the new, dated notebook.
        start_cell.locator(".widget-dropdown select").select_option(label="CBT thought record")
        start.click()
        made_link = start_cell.locator(".jp-OutputArea-output a", has_text="cbt-thought-record.ipynb")
        made_link.wait_for(state="visible")
        made = journal / made_link.inner_text()
        assert made.is_file(), sorted(p.name for p in journal.iterdir())
        overflow["Home"] = _overflow(page, home_panel)
        steps.done("Start a worksheet, link shown")

        # 3. The link opens the worksheet in a JupyterLab tab of its own.
        made_link.click()
        tab = page.locator("#jp-main-dock-panel li.lm-TabBar-tab.jp-mod-current", has_text=made.stem)
        try:
            tab.wait_for(timeout=15_000)
        except sync_api.TimeoutError:
            shot("03-link-did-not-open.png")
            pytest.fail(
                f"clicking {made_link.get_attribute('href')!r} on Home did not open {made.name} in a tab; "
                f"the page is at {page.url}"
            )
        assert len(page.context.pages) == 1  # a tab of JupyterLab's, not a browser window
        sheet = _current_panel(page)
        _opened(page, sheet)
        steps.done("open the link in a tab, kernel idle")

        # 4. Run all; fill two questions of the form and save them.
        _run_all(page)
        boxes = sheet.locator(ANSWER_BOX)
        boxes.first.wait_for(state="visible")
        explain = sheet.locator("button.widget-button", has_text="What is this worksheet?")
        question = sheet.locator(QUESTION_BOX)
        for widget in (explain, question):
            widget.wait_for(state="visible")
        steps.done("worksheet: Run All, widgets shown")
        form_cell = sheet.locator(".jp-CodeCell", has=page.locator(ANSWER_BOX))
        for box, answer in zip(boxes.all()[: len(ANSWERS)], ANSWERS.values(), strict=True):
            box.fill(answer)
        form_cell.scroll_into_view_if_needed()
        boxes.first.scroll_into_view_if_needed()
        shot(SCREENSHOTS["form"])
        form_cell.locator("button.widget-button", has_text="Save").click()
        for answer in ANSWERS.values():
            form_cell.locator(".jp-OutputArea-output.jp-RenderedMarkdown", has_text=answer).wait_for(
                state="visible"
            )
        # The boxes are cleared by a widget-state message of their own, which may land after the markdown's.
        for box in boxes.all():
            sync_api.expect(box).to_have_value("")
        shot("04-form-saved.png")
        steps.done("WorksheetForm: two answers, Save")

        # 4b. A note with a mood in the worksheet's JournalWidget.
        note_box = sheet.locator(NOTE_BOX)
        note_cell = sheet.locator(".jp-CodeCell", has=page.locator(NOTE_BOX))
        note_box.scroll_into_view_if_needed()
        note_box.fill(NOTE)
        note_cell.locator(".widget-checkbox", has_text="no mood").locator("input").uncheck()
        note_cell.locator("button.widget-button", has_text="Save").click()
        note_cell.locator(".jp-OutputArea-output.jp-RenderedMarkdown", has_text=NOTE).wait_for(
            state="visible"
        )
        sync_api.expect(note_box).to_have_value("")
        steps.done("JournalWidget: a note with a mood")

        # 5. Search on Home finds an answer (pending answers are searchable before the save).
        page.locator("#jp-main-dock-panel li.lm-TabBar-tab", has_text="Home").click()
        home_query.wait_for(state="visible")
        # Refresh lists the new answers under "Latest entries" (their words in a widget, which is not saved).
        latest = home_panel.locator(
            ".jp-CodeCell", has=page.locator("button.widget-button", has_text="Refresh")
        )
        latest.locator("button.widget-button", has_text="Refresh").click()
        latest.locator(".widget-html", has_text=NOTE).wait_for(state="visible")
        # The link to the notebook follows in the cell's saved output (updated just after the widget).
        opens = latest.locator(".jp-OutputArea-output a", has_text="CBT thought record")
        opens.first.wait_for(state="visible")
        assert opens.count() == 1
        start_cell.scroll_into_view_if_needed()
        shot(SCREENSHOTS["home"])
        home_query.fill("bus home rain on the windows")
        home_panel.locator("button.widget-button", has_text="Search").first.click()
        found = home_panel.locator(".widget-html", has_text=ANSWERS["situation"][:40]).first
        found.wait_for(state="visible")
        shot("05-home-search.png")
        overflow["Home"] += _overflow(page, home_panel)
        # Refresh rewrote the cell's saved links; Home saves itself while it is the front tab (a tab left at once
        # stays unsaved until its next turn at the front, and reloading would ask "Leave site?").
        page.locator(
            "#jp-main-dock-panel li.lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)", has_text="Home"
        ).wait_for()
        page.locator("#jp-main-dock-panel li.lm-TabBar-tab", has_text=made.stem).click()
        question.wait_for(state="visible")
        steps.done("search on Home")

        # 6. The worksheet helper, then a question in the ReflectWidget.
        explain.scroll_into_view_if_needed()
        explain.click()
        curated = sheet.locator(".widget-html", has_text="Curated text from the kit")
        curated.first.wait_for(state="visible")
        assert "thought record" in curated.first.inner_text().lower()
        steps.done("worksheet helper")
        question.scroll_into_view_if_needed()
        sheet.locator(".widget-radio-box label", has_text="Ask a question").click()
        question.fill("What happened on the bus home?")
        sheet.locator("button.widget-button", has_text="Reflect").click()
        reflect_cell = sheet.locator(".jp-CodeCell", has=page.locator(QUESTION_BOX))
        reflection = reflect_cell.locator(".jp-OutputArea-output.jp-RenderedMarkdown").filter(
            has_text=re.compile("Digest of your entries|AI-written|no AI wrote the digest")
        )
        reflection.first.wait_for(state="visible")
        overflow["worksheet"] = _overflow(page, sheet)
        steps.done("ReflectWidget")

        # 7. Save; the answers and the reflection reach the file.
        _save(page, sheet)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if len(_entry_outputs(made, "entry")) == len(ANSWERS) + 1 and _entry_outputs(made, "reflection"):
                break
            time.sleep(0.2)
        assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").first.inner_text()
        steps.done("save (Ctrl+S), on disk")

        # 8. Reload, restart the kernel, run all again and save: the answers are shown once, from the file.
        page.reload()
        page.locator("#jp-main-dock-panel li.lm-TabBar-tab", has_text=made.stem).click()
        sheet = _current_panel(page)
        _opened(page, sheet)
        steps.done("reload")
        _restart(page)
        _run_all(page)
        form_cell = sheet.locator(".jp-CodeCell", has=page.locator(ANSWER_BOX))
        for answer in ANSWERS.values():
            shown = form_cell.locator(".jp-OutputArea-output.jp-RenderedMarkdown", has_text=answer)
            shown.first.wait_for(state="visible")
            assert shown.count() == 1, f"{answer!r} is shown {shown.count()} times"
        sheet.locator(".jp-CodeCell", has=page.locator(QUESTION_BOX)).locator(
            ".jp-OutputArea-output.jp-RenderedMarkdown"
        ).filter(
            has_text=re.compile("Digest of your entries|AI-written|no AI wrote the digest")
        ).first.wait_for(state="visible")
        _save(page, sheet)
        shot("08-restarted-and-rerun.png")
        steps.done("restart, Run All, save")
        assert page.locator(".jp-Dialog", has_text="File Changed").count() == 0, "a 'File Changed' dialog"
        assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").first.inner_text()

    (HOME_SHOTS / "requests.txt").write_text("\n".join(requests) + "\n", encoding="utf-8")
    (HOME_SHOTS / "dialogs.txt").write_text("\n".join(dialogs) + "\n", encoding="utf-8")
    assert not [d for d in dialogs if d.startswith("beforeunload")], dialogs  # nothing unsaved at the reload

    # 9. On disk: each answer once, as an entry of its own question; the markdown answer cells untouched; one
    # reflection; Home exactly as the kit made it.
    nb = nbformat.read(made, as_version=4)
    nbformat.validate(nb)
    expected = sorted([*ANSWERS.items(), ("entry", NOTE)])
    kept = [o["metadata"]["kit"] for o in _entry_outputs(made, "entry")]
    assert sorted((k["field"], k["text"]) for k in kept) == expected, kept
    [note] = [k for k in kept if k["text"] == NOTE]
    assert note["mood"] is not None and note["template"] == "cbt-thought-record"
    for answer in [*ANSWERS.values(), NOTE]:  # a reflection may quote an answer; nothing else holds it twice
        holding = [
            o
            for c in nb.cells
            for o in c.get("outputs", [])
            if answer in json.dumps(o)
            and ((o.get("metadata") or {}).get("kit") or {}).get("kind") != "reflection"
        ]
        assert len(holding) == 1, (answer, holding)
    template_fields = [c.source for c in nbformat.read(TEMPLATE, as_version=4).cells if _is_field(c)]
    assert [c.source for c in nb.cells if _is_field(c)] == template_fields
    entries = [e for e in read_entries(made, journal=journal) if not e.is_empty]
    assert sorted((e.field, e.text) for e in entries) == expected, entries
    assert len(_entry_outputs(made, "reflection")) == 1
    # Home saved itself after it ran (so reloading it never asks "Leave site?"), and holds no word of an entry.
    saved_home = home.read_text(encoding="utf-8")
    assert saved_home != home_before.decode("utf-8")
    for words in [*ANSWERS.values(), NOTE]:
        assert words[:30] not in saved_home, words
    steps.done("checks on disk")

    assert requests and not _remote(requests), _remote(requests)
    print(f"\n{steps.table()}\n{len(requests)} requests")
    assert not any(overflow.values()), "elements wider than their cell:\n" + json.dumps(overflow, indent=1)
