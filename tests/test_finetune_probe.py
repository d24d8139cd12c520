"""bench/finetune_probe.py: the rows a whole-text classifier learns from, its windows, and its word when the
libraries it alone needs are missing. Its training and figures are kit/data/CRISIS_DATA.md's ("MiniLM trained
end to end")."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def probe():
    """The script as a module. train_crisis pins BLAS to one thread when imported; the test process keeps its own."""
    kept = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import finetune_probe
    finally:
        sys.path.remove(str(ROOT / "bench"))
        for k, v in kept.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return finetune_probe


def _row(text, label, source, kind="forum"):
    return {"text": text, "label": label, "kind": kind, "source": source, "split": "train"}


def test_only_texts_with_a_label_for_the_whole_text_are_learned_from(probe):
    rows = [
        _row("I can't stop thinking about ending it tonight.", 1, "rmhd:suicidewatch", "suicidal-thoughts"),
        _row("Skipped dinner again and logged every calorie.", 1, "rmhd:EDAnonymous", "ed-self-harm"),
        _row("Everything feels grey and heavy this week.", None, "rmhd:depression", "mixed"),
        _row("My panic attacks are back and I'm going to kill myself if this goes on.", 0, "rmhd:anxiety"),
        _row("My panic attacks are back since the new job started.", 0, "rmhd:anxiety"),
        _row("Should I pay off the car loan or the card first?", 0, "rmhd:personalfinance"),
        _row("i laughed so hard at the funeral", 0, "written", "dark-humour"),
    ]
    kept = probe.whole_text_rows(rows)
    assert [r["text"] for r in kept] == [
        "I can't stop thinking about ending it tonight.",
        "My panic attacks are back since the new job started.",
        "Should I pay off the car loan or the card first?",
        "i laughed so hard at the funeral",
    ]
    assert [r["label"] for r in kept] == [1, 0, 0, 0]


@pytest.mark.parametrize("n", [0, 1, 5, 125, 126, 127, 400, 1000])
def test_windows_hold_every_token_in_order_and_overlap(probe, n):
    ids = list(range(1000, 1000 + n))
    wins = probe.windows(ids, 128, 101, 102)
    assert all(w[0] == 101 and w[-1] == 102 and len(w) <= 128 for w in wins)
    bodies = [w[1:-1] for w in wins]
    assert sorted({t for b in bodies for t in b}) == ids  # every token in some window
    assert all(b == sorted(b) for b in bodies)  # a window is a stretch of the text, in order
    assert all(set(a) & set(b) for a, b in zip(bodies[:-1], bodies[1:], strict=True))  # neighbours overlap
    # one window when the text fits, else a stride of three quarters of a window
    assert len(wins) == (1 if n <= 126 else 1 + -(-(n - 126) // 94))


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="torch is installed here")
def test_without_torch_the_script_names_the_command_that_adds_it():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "finetune_probe.py"), "--limit", "50"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "pip install torch transformers" in done.stderr
    assert "Traceback" not in done.stderr
