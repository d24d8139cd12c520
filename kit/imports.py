"""Importing chromadb and nbformat without the seconds jsonschema spends on a format check neither makes.

Both import jsonschema (chromadb validates embedding-function settings with it, nbformat validates notebooks), and
jsonschema's format module imports every optional format checker it finds installed. One of them,
``rfc3987_syntax`` (pulled in by ``jsonschema[format-nongpl]`` through JupyterLab's dependencies), compiles some
forty lark grammars when it is imported: 2.5 s of a 4.2 s chromadb import on the 2-core machine, and 2.2 s of a
notebook's first Save in a kernel (``import nbformat``: 2.54 s, 0.32 s without it), for the "iri" and
"iri-reference" formats, which neither package nor the kit ever checks (jsonschema checks formats only when a
caller asks for a FormatChecker).

jsonschema imports that checker inside ``suppress(ImportError)``: without the package it simply has no "iri"
check, as on any machine without JupyterLab. So the kit imports these packages with the checker marked as absent
for that one import, and only when jsonschema has not been imported yet (then nothing of anyone else's changes). A
later ``import rfc3987_syntax`` in the same process works as usual. Upstream: jsonschema issue #1392 reports the
checker's slowness, and pull request #1521 (closed, not merged) would have moved it to the maintained fork
``rfc3987-syntax2``, which compiles its grammars lazily. The ``reflect`` command marks the package absent for its
whole process (kit.cli.main).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

SLOW_CHECKER = "rfc3987_syntax"


def import_quickly(name: str) -> ModuleType:
    """``name`` (``chromadb``, ``nbformat``), imported without compiling jsonschema's optional IRI grammars."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    skip = "jsonschema" not in sys.modules and SLOW_CHECKER not in sys.modules
    if skip:
        sys.modules[SLOW_CHECKER] = None  # type: ignore[assignment]  # `import` raises ImportError for None
    try:
        return importlib.import_module(name)
    finally:
        if skip and sys.modules.get(SLOW_CHECKER, ...) is None:
            del sys.modules[SLOW_CHECKER]
