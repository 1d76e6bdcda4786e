"""report.jsonl: one line per input (path, sha256, status, error, counts, seconds), and resume.

Lines are appended as files finish, so an interrupted run keeps what it did; at the end
the report is rewritten with exactly one line per input. Reading takes the last line of
each path and ignores a torn last line.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import IO, Any

import attrs

from disclosure_parse.batch.files import atomic_write

REPORT_NAME = "report.jsonl"

CONVERTED = "converted"
CONVERTED_WITH_WARNINGS = "converted_with_warnings"
FAILED = "failed"
STATUSES = (CONVERTED, CONVERTED_WITH_WARNINGS, FAILED)

#: failures that may not happen again on a rerun (the next run retries them, even unchanged)
RETRIED_CODES = frozenset({"worker-crashed", "cannot-write", "not-found"})


@functools.cache
def converter_version() -> str:
    """The installed disclosure_parse version: a resumed run redoes files of another version."""
    try:
        return metadata.version("disclosure_parse")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


@attrs.frozen(kw_only=True)
class FileResult:
    """What happened to one input of a batch: one line of report.jsonl."""

    #: the input, relative to the input folder, with / separators
    path: str
    #: its output, relative to the output folder (None when it failed)
    output: str | None
    sha256: str | None
    converter: str
    status: str
    #: the error's code (docs/errors.md) and exit code, and its message, when it failed
    error_code: str | None = None
    exit_code: int | None = None
    message: str | None = None
    items: int = 0
    warnings: int = 0
    seconds: float = 0.0
    #: True when this run skipped the file because an earlier run had done it
    resumed: bool = False

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    def to_line(self) -> str:
        data = attrs.asdict(self)
        data["seconds"] = round(self.seconds, 4)
        return json.dumps(data, ensure_ascii=False) + "\n"

    @classmethod
    def from_line(cls, line: str) -> FileResult | None:
        """The result on one report line, or None for a torn or foreign line."""
        try:
            data: Any = json.loads(line)
            names = {field.name for field in attrs.fields(cls)}
            return cls(**{key: value for key, value in data.items() if key in names})
        except (ValueError, TypeError, AttributeError):
            return None

    def can_skip(self, sha256: str, version: str) -> bool:
        """Whether an input with this content needs no new conversion by this version."""
        if self.sha256 != sha256 or self.converter != version or self.status not in STATUSES:
            return False
        return self.error_code not in RETRIED_CODES


def read_report(path: Path) -> dict[str, FileResult]:
    """The last result of each input path in a report (empty when there is none)."""
    results: dict[str, FileResult] = {}
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return results
    for line in text.splitlines():
        result = FileResult.from_line(line)
        if result is not None:
            results[result.path] = result
    return results


class ReportWriter:
    """Appends one line per finished input, flushed at once; `finish` rewrites it compact."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: IO[str] = path.open("a", encoding="utf-8")

    def add(self, result: FileResult) -> None:
        self._stream.write(result.to_line())
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()

    def finish(self, results: Iterable[FileResult]) -> None:
        """Replace the report by exactly one line per input of this batch, in input order."""
        self.close()
        atomic_write(self.path, "".join(r.to_line() for r in results).encode("utf-8"))
