"""How a batch shows itself on stderr: a bar on a terminal, log lines otherwise, or just errors."""

from __future__ import annotations

import importlib
import os
from typing import IO, Any

from disclosure_parse.batch.report import FileResult


def error_line(result: FileResult, shown_path: str) -> str:
    """`error: <path>: <reason> [<code>]`, the converter's one line for a failed file."""
    return f"error: {shown_path}: {result.message} [{result.error_code}]"


class ErrorsOnly:
    """Quiet mode: one line per failed file and nothing else."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, result: FileResult, shown_path: str) -> None:
        if result.failed:
            print(error_line(result, shown_path), file=self.stream, flush=True)

    def finish(self) -> None:
        pass


class LogLines(ErrorsOnly):
    """Not a terminal (a log file, CI): one plain line per finished file."""

    def start(self, total: int, skipped: int) -> None:
        self.total, self.done = total, 0
        if skipped:
            print(f"skipping {skipped} files converted by an earlier run", file=self.stream)
        if total:
            print(f"converting {total} files", file=self.stream, flush=True)

    def advance(self, result: FileResult, shown_path: str) -> None:
        self.done += 1
        count = f"[{self.done}/{self.total}]"
        if result.failed:
            line = f"{count} {error_line(result, shown_path)}"
        else:
            warned = f", {result.warnings} warnings" if result.warnings else ""
            line = f"{count} {shown_path}: {result.items} items{warned} ({result.seconds:.2f} s)"
        print(line, file=self.stream, flush=True)


class Bar(ErrorsOnly):
    """A terminal: a tqdm bar (files done, items, failures, rate, ETA); errors print above it."""

    def start(self, total: int, skipped: int) -> None:
        tqdm = importlib.import_module("tqdm").tqdm  # by name: tqdm ships no type hints
        tqdm.monitor_interval = 0  # no monitor thread: the process pool forks after this
        self.items = self.failures = 0
        if skipped:
            print(f"skipping {skipped} files converted by an earlier run", file=self.stream)
        sized = _width(self.stream) > 0
        self.bar: Any = tqdm(
            total=total,
            unit="file",
            desc="converting",
            file=self.stream,
            # follow the terminal's size; one that reports none (0x0) gets 100x24
            dynamic_ncols=sized,
            ncols=None if sized else 100,
            nrows=None if sized else 24,
        )

    def advance(self, result: FileResult, shown_path: str) -> None:
        self.items += result.items
        self.failures += result.failed
        if result.failed:
            self.bar.write(error_line(result, shown_path), file=self.stream)
        self.bar.set_postfix_str(f"{self.items} items, {self.failures} failed", refresh=False)
        self.bar.update(1)

    def finish(self) -> None:
        self.bar.close()


def _width(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


def for_stream(stream: IO[str], quiet: bool) -> ErrorsOnly:
    """The right display for `stream`: errors only when quiet, a bar on a terminal, else lines."""
    if quiet:
        return ErrorsOnly(stream)
    return Bar(stream) if stream.isatty() else LogLines(stream)
