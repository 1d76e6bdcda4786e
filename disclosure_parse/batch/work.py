"""What runs on a worker: one input's bytes in, its output bytes and its result out.

A module-level function of picklable arguments, so that any `concurrent.futures.Executor`
(a process pool, dask) can run it; workers need no access to the input or output folders.
"""

from __future__ import annotations

import hashlib
import time

import attrs

from disclosure_parse.errors import DisclosureParseError
from disclosure_parse.export import table_bytes
from disclosure_parse.options import Options
from disclosure_parse.pipeline import parse


@attrs.frozen
class Task:
    """One input to convert: its bytes, its name, and the output wanted."""

    #: the path as the user gave it (recorded as source.path, used in messages)
    name: str
    data: bytes = attrs.field(repr=False)
    #: "json" or one of the table formats
    to: str
    options: Options
    pretty: bool = False
    bom: bool = True


@attrs.frozen
class Outcome:
    """The worker's answer: the output bytes (None on failure) and what to report."""

    output: bytes | None = attrs.field(repr=False)
    sha256: str
    error_code: str | None = None
    exit_code: int | None = None
    message: str | None = None
    items: int = 0
    warnings: int = 0
    seconds: float = 0.0


def convert(task: Task) -> Outcome:
    """Parse one input and render its output; every failure becomes an Outcome, never raises."""
    started = time.perf_counter()
    sha256 = hashlib.sha256(task.data).hexdigest()
    try:
        catalog = parse(task.data, task.options, name=task.name)
        if task.to == "json":
            output = (catalog.to_json(pretty=task.pretty) + "\n").encode("utf-8")
        else:
            output = table_bytes(task.to, catalog, bom=task.bom)
    except DisclosureParseError as error:
        return Outcome(
            None,
            sha256,
            error_code=error.code,
            exit_code=error.exit_code,
            message=error.reason,
            seconds=time.perf_counter() - started,
        )
    except Exception as error:  # a bug: reported for this file, the batch goes on
        return Outcome(
            None,
            sha256,
            error_code="internal-error",
            exit_code=1,
            message=f"internal error ({type(error).__name__}: {error})",
            seconds=time.perf_counter() - started,
        )
    return Outcome(
        output,
        sha256,
        items=len(catalog.items),
        warnings=len(catalog.warnings),
        seconds=time.perf_counter() - started,
    )
