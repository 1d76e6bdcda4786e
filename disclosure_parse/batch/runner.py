"""Convert a folder: mirrored outputs, one report line per input, resume, any executor.

The runner reads inputs and writes outputs itself; workers only turn bytes into bytes
(`work.convert`), so a process pool and a dask cluster without the files run the same way.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import attrs

from disclosure_parse.batch.files import (
    AtomicFile,
    atomic_write,
    find_inputs,
    output_name,
    relative_name,
)
from disclosure_parse.batch.report import (
    CONVERTED,
    CONVERTED_WITH_WARNINGS,
    FAILED,
    REPORT_NAME,
    FileResult,
    ReportWriter,
    converter_version,
    read_report,
)
from disclosure_parse.batch.summary import BatchSummary
from disclosure_parse.batch.work import Outcome, Task, convert
from disclosure_parse.errors import DisclosureParseError
from disclosure_parse.export import TABLE_FORMATS, check_available, open_writer
from disclosure_parse.model import Catalog
from disclosure_parse.options import DEFAULT_OPTIONS, Options
from disclosure_parse.pipeline import load_file

#: the table of a whole batch, written next to report.jsonl by --combine
COMBINED_NAME = "combined"


class Progress(Protocol):
    """Told what the batch does, to show it (a bar, log lines, nothing)."""

    def start(self, total: int, skipped: int) -> None:
        """`total` files will be converted; `skipped` were done by an earlier run."""

    def advance(self, result: FileResult, shown_path: str) -> None:
        """One file finished (converted or failed)."""

    def finish(self) -> None:
        """The batch is over (or interrupted)."""


class _NoProgress:
    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, result: FileResult, shown_path: str) -> None:
        pass

    def finish(self) -> None:
        pass


@attrs.frozen
class _Job:
    """One input of the batch and where its output goes."""

    path: Path
    relative: str
    output: str


def default_jobs() -> int:
    """The cores this process may use (the machine's, unless restricted)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def convert_folder(
    folder: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    to: str = "json",
    combine: bool = False,
    pretty: bool = False,
    bom: bool = True,
    force: bool = False,
    options: Options = DEFAULT_OPTIONS,
    jobs: int | None = None,
    executor: cf.Executor | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Convert every file below `folder` into `output`, mirroring the tree.

    Each input `sub/x.docx` becomes `output/sub/x.docx.<to>` (or, with `combine`, a JSON per
    input plus one `combined.<to>` table of all items). `output/report.jsonl` gets one line per
    input; inputs whose content and converter version match a finished line are skipped
    unless `force`. Files are converted by `executor` (not shut down here), else by a process
    pool of `jobs` workers (default: every core; 1 converts in this process).

    Raises ValueError for arguments that cannot work, ImportError when `to` needs an extra
    that is missing, OSError when the output folder cannot be written; a file that fails
    is reported in the summary, never raised.
    """
    started = time.perf_counter()
    source, target = Path(folder), Path(output)
    _check_arguments(source, target, to, combine)
    check_available(to)
    inside = _is_inside(target, source)
    inputs = find_inputs(source, exclude=target if inside else None)
    target.mkdir(parents=True, exist_ok=True)
    per_file = "json" if combine else to
    reserved = {REPORT_NAME, f"{COMBINED_NAME}.{to}"}

    version = converter_version()
    previous = {} if force else read_report(target / REPORT_NAME)
    results: dict[str, FileResult] = {}
    todo: list[_Job] = []
    for path in inputs:
        relative = relative_name(path, source)
        job = _Job(path, relative, output_name(relative, per_file))
        done = _resumable(job, previous.get(relative), target, version, options)
        if done is not None:
            results[relative] = done
        else:
            todo.append(job)

    shown = progress or _NoProgress()
    report = ReportWriter(target / REPORT_NAME)
    task_options = attrs.evolve(options, progress=None)

    def make_task(job: _Job) -> Task:
        data = load_file(job.path, options.limits)
        return Task(str(job.path), data, per_file, task_options, pretty=pretty, bom=bom)

    def finished(job: _Job, outcome: Outcome) -> None:
        result = _record(job, outcome, target, version, reserved)
        results[job.relative] = result
        report.add(result)
        shown.advance(result, str(job.path))

    shown.start(len(todo), len(results))
    try:
        _execute(todo, make_task, finished, executor, jobs or default_jobs())
    finally:
        shown.finish()
        report.close()
    ordered = [results[relative_name(path, source)] for path in inputs]
    report.finish(ordered)
    if combine:
        _write_combined(target, f"{COMBINED_NAME}.{to}", to, ordered, bom)
    return BatchSummary(tuple(ordered), target, time.perf_counter() - started)


def _check_arguments(source: Path, target: Path, to: str, combine: bool) -> None:
    if not source.is_dir():
        raise ValueError(f"{source} is not a folder")
    if to != "json" and to not in TABLE_FORMATS:
        raise ValueError(f"unknown output format {to!r}")
    if combine and to == "json":
        raise ValueError("--combine writes one table: choose --to jsonl, csv, xlsx or parquet")
    if target.exists() and source.resolve() == target.resolve():
        raise ValueError(
            "the output folder must not be the input folder (its outputs would be read)"
        )


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _resumable(
    job: _Job, before: FileResult | None, target: Path, version: str, options: Options
) -> FileResult | None:
    """The earlier result of an unchanged input, or None when it must be converted."""
    if before is None or before.converter != version:
        return None
    if not before.failed and (before.output != job.output or not (target / job.output).is_file()):
        return None
    try:
        data = load_file(job.path, options.limits)
    except DisclosureParseError:
        return None
    if not before.can_skip(hashlib.sha256(data).hexdigest(), version):
        return None
    return attrs.evolve(before, resumed=True)


def _record(
    job: _Job, outcome: Outcome, target: Path, version: str, reserved: set[str]
) -> FileResult:
    """Write a converted file's output (atomically) and make its report line."""
    result = FileResult(
        path=job.relative,
        output=None,
        sha256=outcome.sha256 or None,
        converter=version,
        status=FAILED,
        error_code=outcome.error_code,
        exit_code=outcome.exit_code,
        message=outcome.message,
        items=outcome.items,
        warnings=outcome.warnings,
        seconds=outcome.seconds,
    )
    if outcome.output is None:
        return result
    if job.output in reserved:
        return attrs.evolve(
            result,
            error_code="cannot-write",
            exit_code=3,
            message=f"its output name {job.output} is taken by the batch's own file",
        )
    try:
        atomic_write(target / job.output, outcome.output)
    except OSError as error:
        return attrs.evolve(
            result,
            error_code="cannot-write",
            exit_code=3,
            message=f"cannot write {job.output} ({error.strerror})",
        )
    status = CONVERTED_WITH_WARNINGS if outcome.warnings else CONVERTED
    return attrs.evolve(result, output=job.output, status=status)


def _failure(error: DisclosureParseError | BaseException) -> Outcome:
    if isinstance(error, DisclosureParseError):
        return Outcome(None, "", error.code, error.exit_code, error.reason)
    return Outcome(
        None,
        "",
        "worker-crashed",
        1,
        f"the worker died while converting this file or one running beside it "
        f"({type(error).__name__}: {error}); a rerun retries it",
    )


def _execute(
    jobs: list[_Job],
    make_task: Callable[[_Job], Task],
    finished: Callable[[_Job, Outcome], None],
    executor: cf.Executor | None,
    workers: int,
) -> None:
    """Run every job, at most a few per worker in flight (memory stays flat)."""
    if executor is None and (workers <= 1 or len(jobs) <= 1):
        for job in jobs:
            try:
                task = make_task(job)
            except DisclosureParseError as error:
                finished(job, _failure(error))
                continue
            finished(job, convert(task))
        return
    owned = executor is None
    pool = executor or _process_pool(min(workers, len(jobs)))
    generation = 0
    window = 2 * workers
    waiting: Iterator[_Job] = iter(jobs)
    running: dict[cf.Future[Outcome], tuple[_Job, int]] = {}
    try:
        while True:
            while len(running) < window:
                upcoming = next(waiting, None)
                if upcoming is None:
                    break
                try:
                    task = make_task(upcoming)
                except DisclosureParseError as error:
                    finished(upcoming, _failure(error))
                    continue
                running[pool.submit(convert, task)] = (upcoming, generation)
            if not running:
                return
            done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for future in done:
                job, born = running.pop(future)
                try:
                    outcome = future.result()
                except Exception as error:  # the worker died (killed, out of memory, a crash)
                    outcome = _failure(error)
                    if owned and born == generation and isinstance(error, cf.BrokenExecutor):
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _process_pool(min(workers, len(jobs)))
                        generation += 1
                finished(job, outcome)
    finally:
        if owned:
            for future in running:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch and keeps what is done."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _process_pool(workers: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(max_workers=max(1, workers), initializer=_ignore_interrupt)


def _write_combined(target: Path, name: str, to: str, results: list[FileResult], bom: bool) -> None:
    """One table of every converted input, read back from the per-input JSON files."""
    table = AtomicFile(target / name)
    try:
        writer = open_writer(to, table.stream, bom=bom)
        for result in results:
            if result.failed or result.output is None:
                writer.add_failure(result.path, result.error_code or "", result.message or "")
                continue
            try:
                catalog = Catalog.from_json((target / result.output).read_bytes())
            except Exception as error:  # deleted or edited since: say so in the table
                writer.add_failure(result.path, "cannot-read-output", f"{result.output}: {error}")
                continue
            writer.add_catalog(catalog)
        writer.close()
    except BaseException:
        table.discard()
        raise
    table.commit()
