"""The file side of a batch: which inputs, where each output goes, and atomic writes."""

from __future__ import annotations

import os
import secrets
from pathlib import Path, PurePosixPath
from typing import IO


def find_inputs(folder: Path, exclude: Path | None = None) -> list[Path]:
    """Every file below `folder`, sorted; hidden files and folders and `exclude`'s tree skipped.

    `exclude` is the output folder when it lies inside the input folder, so that a rerun
    never reads its own outputs as inputs.
    """
    found: list[Path] = []
    skip = exclude.resolve() if exclude is not None else None
    for root, folders, names in os.walk(folder):
        here = Path(root)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and (skip is None or (here / name).resolve() != skip)
        )
        found.extend(here / name for name in names if not name.startswith("."))
    return sorted(found, key=lambda path: relative_name(path, folder))


def relative_name(path: Path, folder: Path) -> str:
    """`path` relative to `folder` with `/` separators: the key of a file in the report."""
    return PurePosixPath(*path.relative_to(folder).parts).as_posix()


def output_name(relative: str, extension: str) -> str:
    """Where an input's output goes: the input's relative path plus `.EXT`.

    The source extension stays in the name (`sub/catalog.docx.json`), so two inputs can
    never map to one output: `catalog.docx` and `catalog.pdf` in one folder give
    `catalog.docx.json` and `catalog.pdf.json`.
    """
    return f"{relative}.{extension}"


def _temporary_beside(target: Path) -> tuple[Path, IO[bytes]]:
    """A new hidden file next to `target`, opened for writing (permissions follow the umask)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
        try:
            return temporary, temporary.open("xb")
        except FileExistsError:  # pragma: no cover - a clash of 32 random bits
            continue


def atomic_write(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a hidden temporary file and a rename.

    An interrupted run (Ctrl-C, a killed process, a full disk) leaves either the old file
    or the new one, never a half-written one.
    """
    temporary, stream = _temporary_beside(target)
    try:
        with stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class AtomicFile:
    """A binary file written under a temporary name and renamed into place on `commit()`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self._temporary, self.stream = _temporary_beside(target)

    def commit(self) -> None:
        self.stream.close()
        os.replace(self._temporary, self.target)

    def discard(self) -> None:
        self.stream.close()
        self._temporary.unlink(missing_ok=True)
