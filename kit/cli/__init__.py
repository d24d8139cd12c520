"""The ``reflect`` command. Every failure is one line that names the fix, exit 1, never a traceback."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from kit.cli import bank, export, glossary, journal, reflect, replay, review
from kit.cli.options import journal_option
from kit.config import raw
from kit.egress import telemetry_off
from kit.errors import KitError
from kit.imports import SLOW_CHECKER


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"reflect: {record.levelname.lower()}: {record.getMessage()}"


COMMAND_MODULES = (journal, reflect, glossary, bank, review, replay, export)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the fix and exit 1, like every other failure."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"reflect: error: {message} — see `{self.prog} --help`\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reflect",
        description="Reflective Notebook Kit: your journal in notebooks, searchable offline. "
        "Not medical or therapeutic advice.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in COMMAND_MODULES:
        module.add_commands(sub, journal_option)
    return parser


_FS_FIX = {
    errno.ENAMETOOLONG: "use a shorter name",
    errno.EISDIR: "a folder has that name — give the name of a file",
    errno.ENOTDIR: "a file stands where a folder should be — check the path",
    errno.ENOENT: "the folder does not exist, or nothing can be created there — check the path",
    errno.ENOSPC: "the disk is full — free some space and run it again; nothing was lost",
    errno.EACCES: "this account may not write there — choose another folder or fix its permissions",
    errno.EPERM: "this account may not write there — choose another folder or fix its permissions",
    errno.EROFS: "that file system is read-only — choose another folder",
    errno.EEXIST: "something already has that name — choose another",
}


def _file_system(exc: OSError) -> str:
    """One line for a file-system error: which file, what went wrong, and what to do."""
    where = f"{exc.filename}: " if exc.filename else ""
    fix = _FS_FIX.get(exc.errno or 0, "check the path and that the folder is writable, then run it again")
    return f"{where}{exc.strerror or exc} — {fix}"


def main(argv: Sequence[str] | None = None) -> int:
    # jsonschema's optional IRI checker compiles grammars for 2-3 s when imported, for a format check nobody in
    # this process makes (kit.imports): the command goes without it, whatever imports jsonschema. This process only.
    sys.modules.setdefault(SLOW_CHECKER, None)  # type: ignore[arg-type]
    telemetry_off()
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character shows an escape instead
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    logger = logging.getLogger("kit")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        for arg in argv:
            arg.encode("utf-8")
    except UnicodeEncodeError:
        print(
            "reflect: error: the command line holds text that is not UTF-8 — set your terminal to UTF-8 "
            "(e.g. LANG=C.UTF-8) and type it again",
            file=sys.stderr,
        )
        return 1
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help (0) or a usage error, already printed in one line (1)
            return exc.code if isinstance(exc.code, int) else 1
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return code
    except KitError as exc:
        print(f"reflect: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `reflect explain DBT | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        return 0
    except OSError as exc:  # the file system refused: name the file and the fix
        print(f"reflect: error: {_file_system(exc)}", file=sys.stderr)
        return 1
    except RecursionError:  # a path thousands of folders deep, a file nested as deep
        print(
            "reflect: error: a path or a file is nested too deeply to follow — use a shorter path",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("reflect: interrupted — nothing was lost; run the command again to finish", file=sys.stderr)
        return 130
    except Exception as exc:
        if raw("KIT_DEBUG"):
            raise
        print(
            f"reflect: unexpected error: {type(exc).__name__}: {exc} — please report it; "
            "set KIT_DEBUG=1 to see the details",
            file=sys.stderr,
        )
        return 1
    finally:
        logger.removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
