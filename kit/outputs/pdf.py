"""PDF printing through headless Chromium (Debian's package), offline, in a throwaway profile.

The packet (kit.outputs.export) is HTML; Chromium prints it. Nothing is downloaded and nothing can leave: the browser's
network points at a closed port, and names resolve to nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kit.config import settings
from kit.errors import PdfUnavailable

PDF_TIMEOUT = 120  # seconds; printing a long journal takes a few
PDF_HELP = (
    "install chromium (apt-get install chromium) or set KIT_CHROMIUM to it, or export --out packet.html"
)
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    """The Chromium to print with: KIT_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH."""
    configured = settings().chromium
    if configured:
        found = shutil.which(configured)
        if not found:
            raise PdfUnavailable(f"KIT_CHROMIUM={configured!r} is not a program here — {PDF_HELP}")
        return found
    for name in _BROWSERS:
        if found := shutil.which(name):
            return found
    raise PdfUnavailable(f"making a PDF needs Chromium, which was not found — {PDF_HELP}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End Chromium and every process it started, and reap them."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def print_pdf(page: str, *, browser: str | None = None, timeout: float = PDF_TIMEOUT) -> bytes:
    """Print an HTML page to PDF bytes with headless Chromium, offline, in a throwaway profile."""
    browser = browser or find_chromium()
    with tempfile.TemporaryDirectory(prefix="kit-packet-") as tmp:  # 0700: it briefly holds journal text
        folder = Path(tmp)
        source, pdf = folder / "packet.html", folder / "packet.pdf"
        source.write_text(page, encoding="utf-8")
        args = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",  # needed as root and in most containers; the page is the kit's own, with no script
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-crash-reporter",
            # Network pointed at nowhere: names resolve to nothing and any request goes to a closed port.
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",  # the same, for Chromium before 111
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ]
        # Keep Chromium's caches and config in the throwaway folder, not in the person's home.
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_CACHE_HOME": str(folder / "cache"),
        }
        proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # its own process group, so a hang can be stopped with all its children
        )
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(proc)
            raise PdfUnavailable(
                f"Chromium did not finish printing within {timeout:g} s — try again, or {PDF_HELP}"
            ) from None
        except BaseException:  # Ctrl-C: Chromium runs in its own session, so the signal did not reach it
            _stop(proc)
            raise
        data = pdf.read_bytes() if pdf.exists() else b""
        if proc.returncode != 0 or not data.startswith(b"%PDF"):
            last = next(
                (ln for ln in reversed(err.decode("utf-8", "replace").splitlines()) if ln.strip()),
                "no output",
            )
            raise PdfUnavailable(
                f"Chromium ({browser}) could not print the PDF (exit {proc.returncode}: {last.strip()[:160]}) "
                f"— {PDF_HELP}"
            )
        return data
