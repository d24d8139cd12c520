"""Typed errors. Every message names the fix, so the CLI can print it as one line."""

from __future__ import annotations


class KitError(Exception):
    """Base class for every error the kit raises on purpose."""


class NotebookChanged(KitError):
    """The notebook changed on disk after it was read; writing would clobber someone else's work."""


class NotebookUnreadable(KitError):
    """A notebook file is not valid JSON / nbformat."""


class NotebookInvalid(KitError):
    """A write would produce a notebook that does not validate; nothing was written."""


class EntryNotFound(KitError):
    """No entry with the given id in the notebook or journal."""


class TemplateNotFound(KitError):
    """No worksheet template with that name."""


class JournalNotFound(KitError):
    """The journal folder does not exist."""


class EmbedderUnavailable(KitError):
    """The embedder cannot be loaded (missing package, checksum mismatch, server down)."""


class RecogniserUnavailable(KitError):
    """The named-entity recogniser cannot be used (spaCy or its pipeline missing, checksum mismatch); kit.safety.pii
    keeps to its rules."""


class EmbedderMismatch(KitError):
    """The index was built with another embedder than the one configured now."""


class IndexMissing(KitError):
    """There is no index yet for this journal."""


class IndexDamaged(KitError):
    """The index files cannot be opened; the index is a cache and can be rebuilt from the notebooks."""


class IndexBusy(KitError):
    """Another process is writing the index."""


class RemoteHostRefused(KitError):
    """A non-loopback host was configured without KIT_ALLOW_REMOTE=1."""


class ConfigError(KitError):
    """An environment variable or argument has a value the kit does not understand."""


class NotebookOpen(KitError):
    """The notebook is open in a running Jupyter server, so the kit will not write it from outside."""


class PersonalDetailsFound(KitError):
    """Names, places or contact details would go to a model that is not on this machine; the person decides."""

    def __init__(self, message: str, spans: list) -> None:
        super().__init__(message)
        self.spans = spans
