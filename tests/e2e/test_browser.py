"""The kit's widgets in a real JupyterLab driven by a real (headless) Chromium.

A CBT thought record gets a JournalWidget and a SearchWidget cell; the test runs all cells, writes an entry, searches
for it, asks a question, saves, reloads, and then checks the .ipynb on disk and the index. Every request the page
makes must stay on this machine, and JupyterLab must never show its "File Changed" dialog.

Needs Debian's chromium at /usr/bin/chromium and the playwright package (never ``playwright install``); see
/work/shared/BROWSER_TESTING.md for the selectors and waits used here.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    """A CBT thought record from the template, with a JournalWidget and a SearchWidget cell added at the end."""
    from kit.journal.templates import new_from_template

    path = new_from_template("cbt-thought-record", journal)
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell("from kit.widgets import JournalWidget\nJournalWidget(mood=True)")
    )
    nb.cells.append(nbformat.v4.new_code_cell("from kit.widgets import SearchWidget\nSearchWidget()"))
    nbformat.write(nb, path)
    return path


@pytest.fixture
def lab(tmp_path: Path, journal: Path, notebook: Path):
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

    port = _free_port()
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


def test_widgets_in_a_real_browser(browser_tools, lab: int, journal: Path, notebook: Path) -> None:
    sync_api = browser_tools
    from kit.index.search import search
    from kit.index.store import Index
    from kit.journal.notebooks import read_entries

    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    started = time.monotonic()
    requests: list[str] = []
    dialogs: list[str] = []
    executable = (
        "/usr/lib/chromium/chromium" if Path("/usr/lib/chromium/chromium").exists() else str(CHROMIUM)
    )
    url = (
        f"http://127.0.0.1:{lab}/lab/workspaces/e2e-{uuid.uuid4().hex[:12]}/tree/"
        f"{urllib.parse.quote(notebook.name)}?token={TOKEN}"
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
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            page.on("websocket", lambda ws: requests.append(ws.url))  # not "request" events in playwright
            page.set_default_timeout(30_000)

            def on_dialog(dialog) -> None:
                dialogs.append(f"{dialog.type}: {dialog.message}")
                dialog.accept()

            page.on("dialog", on_dialog)

            def shot(name: str) -> None:
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

            # 1. Open the notebook and wait for its kernel.
            page.goto(url)
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(state="visible")
            page.locator("#jp-main-statusbar", has_text=KERNEL_IDLE).wait_for()
            shot("01-opened")

            # 2. Run all, wait for the three widgets.
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator('#jp-mainmenu-run .lm-Menu-item[data-command="runmenu:run-all"]').click()
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

            # 3b. Search for it.
            query.scroll_into_view_if_needed()
            query.fill(QUERY)
            page.locator("button.widget-button", has_text="Search").first.click()
            results = page.locator(".widget-html", has_text="score").first
            results.wait_for(state="visible")
            assert ENTRY[:60] in results.inner_text()
            shot("04-search")

            # 3b'. The worksheet helper explains the worksheet and offers a prompt; it writes nothing in the file.
            explain = page.locator("button.widget-button", has_text="What is this worksheet?")
            explain.scroll_into_view_if_needed()
            explain.click()
            curated = page.locator(".widget-html", has_text="Curated text from the kit")
            curated.first.wait_for(state="visible")
            assert "thought record" in curated.first.inner_text().lower()
            shot("04b-helper")

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

            # 5. Reload (a person closing and reopening the tab).
            page.reload()
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(state="visible")
            page.locator("#jp-main-statusbar", has_text=KERNEL_IDLE).wait_for()
            shot("07-reloaded")

            # 6. Restart the kernel and run everything again: "Run all" clears outputs, and the widgets must show
            # the entry and the kept reflection again from the file, so the next save keeps them.
            page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
            page.locator('.lm-Menu-item[data-command="kernelmenu:restart"]').click()
            page.locator(".jp-Dialog .jp-mod-accept").click()
            page.locator("#jp-main-statusbar", has_text=KERNEL_IDLE).wait_for()
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator('#jp-mainmenu-run .lm-Menu-item[data-command="runmenu:run-all"]').click()
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

            # 7. JupyterLab never saw the file change under it.
            file_changed = page.locator(".jp-Dialog", has_text="File Changed")
            assert file_changed.count() == 0, "JupyterLab showed a 'File Changed' dialog"
            context.close()
        finally:
            browser.close()

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

    # 6. Every request stayed on this machine.
    remote = []
    for r in requests:
        parsed = urllib.parse.urlsplit(r)
        if parsed.scheme in LOCAL_SCHEMES:
            continue
        if parsed.hostname not in LOCAL_HOSTS:
            remote.append(r)
    assert requests and not remote, remote
    print(
        f"e2e: {time.monotonic() - started:.1f}s, {len(requests)} requests, {search_views} SearchWidget views, "
        f"status after save: {journal_status!r}"
    )
