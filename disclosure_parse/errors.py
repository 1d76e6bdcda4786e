"""The one exception hierarchy of disclosure_parse, and the converter's exit codes.

Every reader translates its backend's failures (BadZipFile, lxml errors, pdfminer errors)
into these classes at its boundary, so `parse()` raises nothing else.
"""

from __future__ import annotations


class DisclosureParseError(Exception):
    """Base class: a file that could not be turned into a catalog, and why."""

    exit_code = 1
    #: short machine-readable name, also used in the converter's error line
    code = "error"

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path if self.path else "<input>"
        return f"{where}: {self.reason}"

    def with_path(self, path: str | None) -> DisclosureParseError:
        """The same error naming `path` (readers raise before they know the name)."""
        if self.path is None and path is not None:
            self.path = path
            self.args = (self.__str__(),)
        return self


class InputNotFoundError(DisclosureParseError):
    """The path does not exist or cannot be read (permissions, a directory)."""

    exit_code = 3
    code = "not-found"


class UnsupportedFormatError(DisclosureParseError):
    """The content is not a format disclosure_parse reads (or not yet)."""

    exit_code = 4
    code = "unsupported-format"


class CorruptFileError(DisclosureParseError):
    """The file claims a known format but is damaged (truncated zip, broken XML, ...)."""

    exit_code = 5
    code = "corrupt-file"


class EncryptedFileError(DisclosureParseError):
    """The document is password-protected."""

    exit_code = 6
    code = "encrypted"


class NoTextLayerError(DisclosureParseError):
    """A PDF whose pages carry no text (a scan): there is nothing to read without OCR."""

    exit_code = 7
    code = "no-text-layer"


class NoCatalogTableError(DisclosureParseError):
    """The document was read, but none of its tables looks like a disclosure catalog."""

    exit_code = 8
    code = "no-catalog-table"


class ResourceLimitError(DisclosureParseError):
    """The input exceeds a configured limit (size, inflation ratio, pages, cells, time)."""

    exit_code = 9
    code = "resource-limit"


#: every error class, in exit-code order (documented in docs/errors.md)
ERROR_CLASSES: tuple[type[DisclosureParseError], ...] = (
    DisclosureParseError,
    InputNotFoundError,
    UnsupportedFormatError,
    CorruptFileError,
    EncryptedFileError,
    NoTextLayerError,
    NoCatalogTableError,
    ResourceLimitError,
)

#: the converter's exit code when a folder conversion finished but some files failed
#: (each failure is in the summary and in report.jsonl with its own code)
BATCH_INCOMPLETE_EXIT_CODE = 10
