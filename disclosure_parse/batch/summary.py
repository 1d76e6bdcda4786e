"""What a batch did, counted truthfully, and the exit code that says it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import attrs

from disclosure_parse.batch.report import CONVERTED, CONVERTED_WITH_WARNINGS, FileResult
from disclosure_parse.errors import BATCH_INCOMPLETE_EXIT_CODE


@attrs.frozen
class BatchSummary:
    """One result per input of the batch (this run's and the resumed ones), in input order."""

    results: tuple[FileResult, ...]
    output: Path
    seconds: float

    @property
    def converted(self) -> int:
        return sum(r.status == CONVERTED for r in self.results)

    @property
    def with_warnings(self) -> int:
        return sum(r.status == CONVERTED_WITH_WARNINGS for r in self.results)

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if r.failed)

    @property
    def skipped(self) -> int:
        """Inputs an earlier run had done, unchanged since: not converted again."""
        return sum(r.resumed for r in self.results)

    @property
    def items(self) -> int:
        return sum(r.items for r in self.results)

    def failures_by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(r.error_code or "error" for r in self.failed).items()))

    @property
    def exit_code(self) -> int:
        """0 when every input converted (warnings allowed), else BATCH_INCOMPLETE_EXIT_CODE."""
        return BATCH_INCOMPLETE_EXIT_CODE if self.failed else 0

    def describe(self) -> str:
        """The summary as the converter prints it (one or two lines)."""
        total = len(self.results)
        if not total:
            return "no files to convert"
        parts = [
            f"{self.converted} converted",
            f"{self.with_warnings} converted with warnings",
            f"{len(self.failed)} failed",
        ]
        codes = ", ".join(f"{code}: {count}" for code, count in self.failures_by_code().items())
        line = f"{total} files, {self.items} items: {', '.join(parts)}"
        line += f" ({codes})" if codes else ""
        line += f" in {self.seconds:.1f} s"
        if self.skipped:
            line += f"; {self.skipped} unchanged since the last run, skipped (--force redoes them)"
        return line + f"\nreport: {self.output / 'report.jsonl'}"
