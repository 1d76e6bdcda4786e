"""Legacy binary Office files (.doc, .xls): converted by LibreOffice, then read as OOXML.

There is no safe pure-Python reader for the binary formats, so when `soffice` is on the
PATH it converts the file in a private temporary directory (its own user profile, so
parallel conversions do not collide) under a timeout; otherwise the user is told how.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import attrs

from disclosure_parse.errors import ResourceLimitError, UnsupportedFormatError
from disclosure_parse.grid import Document
from disclosure_parse.options import Options

#: legacy format → the OOXML format LibreOffice converts it to
TARGETS = {"doc": "docx", "xls": "xlsx"}
#: the LibreOffice component that opens each legacy format
APPS = {"doc": "Writer", "xls": "Calc"}
#: seconds a conversion may take (LibreOffice's first start creates a profile: slow)
CONVERT_TIMEOUT = 120.0


def find_soffice() -> str | None:
    """The LibreOffice binary on the PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def how_to_convert(kind: str) -> str:
    """The one-line advice given when a .doc/.xls cannot be converted here."""
    target = TARGETS[kind]
    return (
        f"legacy binary .{kind} file: install LibreOffice (soffice) or convert it first, "
        f"e.g. `soffice --headless --convert-to {target} FILE.{kind}`, or save it as .{target}"
    )


def read_legacy(data: bytes, kind: str, options: Options) -> Document:
    """Convert a .doc/.xls to .docx/.xlsx with LibreOffice and read that."""
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormatError(how_to_convert(kind))
    converted = convert(data, kind, soffice)
    target = TARGETS[kind]
    if target == "docx":
        from disclosure_parse.readers.docx import read_docx

        document = read_docx(converted, options)
    else:
        from disclosure_parse.readers.xlsx import read_xlsx

        document = read_xlsx(converted, options)
    return attrs.evolve(document, format=kind)


def convert(data: bytes, kind: str, soffice: str, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """The bytes of the OOXML file LibreOffice makes of `data` (temp files removed after)."""
    target = TARGETS[kind]
    with tempfile.TemporaryDirectory(prefix="disclosure-parse-") as work:
        folder = Path(work)
        source = folder / f"input.{kind}"
        source.write_bytes(data)
        out = folder / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, timeout, kind)
        result = out / f"input.{target}"
        if not result.is_file():
            raise UnsupportedFormatError(
                f"LibreOffice could not convert this .{kind} file (damaged, password-protected, "
                f"or LibreOffice {APPS[kind]} not installed?); open it and save it as .{target}"
            )
        return result.read_bytes()


def _run(command: list[str], timeout: float, kind: str) -> None:
    """Run LibreOffice in its own process group, killing the whole group on timeout."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        raise UnsupportedFormatError(
            f"could not run LibreOffice ({error}); {how_to_convert(kind)}"
        ) from None
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        # soffice is a launcher: its soffice.bin child must go too
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ResourceLimitError(
            f"LibreOffice took more than {timeout:.0f} s to convert the .{kind} file"
        ) from None
