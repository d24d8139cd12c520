"""Typed errors. Every message names the fix, so the CLI can print it as one line.

Families a caller can catch together::

    KitError                      everything the kit raises on purpose
    ├── ConfigError               a setting or argument the kit does not understand
    │   ├── RemoteHostRefused     a host that is not this machine, without KIT_ALLOW_REMOTE=1
    │   ├── BadWeek               a week not written YYYY-Www
    │   └── BadPeriod             dates in a question that make no period (an end before its start, 31 February)
    ├── JournalError              the person's notebooks
    │   ├── JournalNotFound
    │   ├── NotebookUnreadable · NotebookInvalid · NotebookChanged · NotebookOpen · NotebookTooOld
    │   └── EntryNotFound · TemplateNotFound
    ├── IndexingError             the search index and the embedder behind it (the index can be rebuilt)
    │   ├── IndexMissing · IndexDamaged · IndexBusy · IndexServerUnavailable
    │   └── EmbedderUnavailable · EmbedderMismatch
    ├── ModelError                chat models
    │   └── ModelUnavailable
    ├── SafetyError               the check before any model call
    │   ├── CrisisDetected (kit.safety.wellbeing) · PersonalDetailsFound
    │   └── RecogniserUnavailable · ClassifierUnavailable
    ├── ContentError              the kit's curated content
    │   └── UnknownTopic · NotInGlossary (kit.content.glossary)
    └── ExportError               what the kit makes for a person to keep or share
        └── ExportExists · ExportFormat · NothingToExport · PdfUnavailable · ReviewFailed

Modules that raise a family member with fields of its own (``NotInGlossary``, ``CrisisDetected``,
``NotebookNotFound``) define it next to the code that fills them, under the family named here.
"""

from __future__ import annotations


class KitError(Exception):
    """Base class for every error the kit raises on purpose."""


# ---------------------------------------------------------------- families


class ConfigError(KitError):
    """An environment variable or argument has a value the kit does not understand."""


class JournalError(KitError):
    """Something about the person's notebooks; nothing was written."""


class IndexingError(KitError):
    """The search index or its embedder; the index is a cache and can be rebuilt from the notebooks."""


class ModelError(KitError):
    """A chat model cannot answer."""


class SafetyError(KitError):
    """The safety check stopped a request, or one of its parts could not run."""


class ContentError(KitError):
    """The kit's curated content has no such item, or its data file is damaged."""


class ExportError(KitError):
    """An export, a PDF or a review could not be made."""


# ---------------------------------------------------------------- configuration


class RemoteHostRefused(ConfigError):
    """A non-loopback host was configured without KIT_ALLOW_REMOTE=1."""


class BadWeek(ConfigError):
    """A week that is not written as an ISO week (YYYY-Www)."""


class BadPeriod(ConfigError):
    """Dates named in a question that make no period: an end before its start, a day not in the calendar, a time
    still to come."""


# ---------------------------------------------------------------- journal


class NotebookChanged(JournalError):
    """The notebook changed on disk after it was read; writing would clobber someone else's work."""


class NotebookUnreadable(JournalError):
    """A notebook file is not valid JSON / nbformat."""


class NotebookInvalid(JournalError):
    """A write would produce a notebook that does not validate; nothing was written."""


class NotebookOpen(JournalError):
    """The notebook is open in a running Jupyter server, so the kit will not write it from outside."""


class NotebookTooOld(JournalError):
    """Writing would convert an older-format notebook (nbformat 3 or earlier) to nbformat 4; the kit does not
    convert a person's file without their say."""


class EntryNotFound(JournalError):
    """No entry with the given id in the notebook or journal."""


class TemplateNotFound(JournalError):
    """No worksheet template with that name."""


class JournalNotFound(JournalError):
    """The journal folder does not exist."""


# ---------------------------------------------------------------- index and embedder


class EmbedderUnavailable(IndexingError):
    """The embedder cannot be loaded (missing package, checksum mismatch, server down)."""


class EmbedderMismatch(IndexingError):
    """The index was built with another embedder than the one configured now."""


class IndexMissing(IndexingError):
    """There is no index yet for this journal."""


class IndexDamaged(IndexingError):
    """The index files cannot be opened; the index is a cache and can be rebuilt from the notebooks."""


class IndexServerUnavailable(IndexingError):
    """The Chroma server named by KIT_CHROMA_URL does not answer, or refuses the kit."""


class IndexBusy(IndexingError):
    """Another process is writing the index."""


# ---------------------------------------------------------------- models


class ModelUnavailable(ModelError):
    """The chat model cannot be used (server down, model not pulled, package missing)."""


# ---------------------------------------------------------------- safety


class PersonalDetailsFound(SafetyError):
    """Names, places or contact details would go to a model that is not on this machine; the person decides."""

    def __init__(self, message: str, spans: list) -> None:
        super().__init__(message)
        self.spans = spans


class RecogniserUnavailable(SafetyError):
    """The named-entity recogniser cannot be used (spaCy or its pipeline missing, checksum mismatch); the
    personal-details finder keeps to its rules."""


class ClassifierUnavailable(SafetyError):
    """The learned layer's weights are missing or damaged; the rules still run."""


# ---------------------------------------------------------------- content


class UnknownTopic(ContentError):
    """No prompt in the bank is about the topic asked for."""


# ---------------------------------------------------------------- exports


class ExportExists(ExportError):
    """The packet file is already there; the kit does not overwrite it unless asked."""


class ExportFormat(ExportError):
    """The output name does not end in .html or .pdf."""


class NothingToExport(ExportError):
    """No entries match, so there would be nothing in the packet."""


class PdfUnavailable(ExportError):
    """Chromium, which prints the PDF, is missing or failed."""


class ReviewFailed(ExportError):
    """The review notebook could not be run to the end; nothing was written."""
