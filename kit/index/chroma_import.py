"""Importing chromadb without the 2.5 s it spends on a format check it never uses.

``import chromadb`` imports jsonschema (chromadb validates embedding-function settings with it), and jsonschema's
format module imports every optional format checker it finds installed. One of them, ``rfc3987_syntax`` (pulled in
by ``jsonschema[format-nongpl]`` through JupyterLab's dependencies), compiles some forty lark grammars when it is
imported: 2.5 s of a 4.2 s chromadb import on the 2-core machine, for the "iri" and "iri-reference" formats, which
neither chromadb nor the kit ever checks (jsonschema checks formats only when a caller asks for a FormatChecker).

jsonschema imports that checker inside ``suppress(ImportError)``: without the package it simply has no "iri"
check, as on any machine without JupyterLab. So the kit imports chromadb with the package marked as absent for
that one import, and only when jsonschema has not been imported yet (then nothing of anyone else's changes). A
later ``import rfc3987_syntax`` in the same process works as usual. Upstream: jsonschema issue #1392 reports the
checker's slowness, and pull request #1521 (closed, not merged) would have moved it to the maintained fork
``rfc3987-syntax2``, which compiles its grammars lazily. The ``reflect`` command marks the package absent for its
whole process (kit.cli.main), which also spares nbformat's import of jsonschema.
"""

from __future__ import annotations

import sys
from types import ModuleType

_SLOW_CHECKER = "rfc3987_syntax"


def import_chromadb() -> ModuleType:
    """``chromadb``, imported once per process without compiling jsonschema's optional IRI grammars."""
    loaded = sys.modules.get("chromadb")
    if loaded is not None:
        return loaded
    skip = "jsonschema" not in sys.modules and _SLOW_CHECKER not in sys.modules
    if skip:
        sys.modules[_SLOW_CHECKER] = None  # type: ignore[assignment]  # `import` raises ImportError for None
    try:
        import chromadb
    finally:
        if skip and sys.modules.get(_SLOW_CHECKER, ...) is None:
            del sys.modules[_SLOW_CHECKER]
    return chromadb
