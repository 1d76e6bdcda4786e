"""The converter as a user runs it: JSON out, one line and a documented exit code on error."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from disclosure_parse import errors
from disclosure_parse.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "quzhou-city-2018.docx"


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_parse", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )


def test_prints_json_to_stdout_by_default() -> None:
    result = run(SAMPLE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["schema_version"] == "1"
    assert "衢州" in result.stdout.decode("utf-8")  # CJK written as is, not \\u escapes


def test_writes_output_file_with_o(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert main([str(SAMPLE), "-o", str(target), "--pretty"]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("{\n  ")
    assert len(json.loads(text)["items"]) == 137


def test_pdf_backend_option_picks_the_reader_and_both_give_the_same_json(tmp_path: Path) -> None:
    pdf = ROOT / "samples" / "website-column-framework.pdf"
    outputs = []
    for backend in ("pdfium", "pdfplumber"):
        target = tmp_path / f"{backend}.json"
        assert main([str(pdf), "-o", str(target), "--pdf-backend", backend]) == 0
        outputs.append(target.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert run(pdf, "--pdf-backend", "poppler").returncode == 2


def test_help_shows_an_example() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert b"python -m disclosure_parse samples/" in result.stdout
    assert b"exit codes" in result.stdout


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _truncated_docx() -> bytes:
    return SAMPLE.read_bytes()[:3000]


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


def _docx_with_broken_xml() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    return buffer.getvalue()


def _docx_without_tables() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("只有文字，没有表格")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "电话"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "error"),
    [
        ("truncated.docx", _truncated_docx, errors.CorruptFileError),
        ("renamed.docx", lambda: "纯文本".encode(), errors.CorruptFileError),
        ("archive.zip", _zip_without_word, errors.UnsupportedFormatError),
        ("broken.docx", _docx_with_broken_xml, errors.CorruptFileError),
        ("contacts.docx", _docx_without_tables, errors.NoCatalogTableError),
        ("empty.docx", lambda: b"", errors.UnsupportedFormatError),
        ("binary.bin", lambda: bytes(range(256)) * 4, errors.UnsupportedFormatError),
        ("old.doc", lambda: errors_ole(), errors.UnsupportedFormatError),
        ("locked.docx", lambda: errors_ole(encrypted=True), errors.EncryptedFileError),
        ("damaged.pdf", lambda: _damaged_pdf(), errors.CorruptFileError),
    ],
)
def test_each_error_is_one_line_with_its_exit_code(
    tmp_path: Path, name: str, make: object, error: type[errors.DisclosureParseError]
) -> None:
    assert callable(make)
    path = _write(tmp_path, name, make())
    result = run(path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == error.exit_code, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("error: ")
    assert str(path) in stderr
    assert "Traceback" not in stderr
    assert result.stdout == b""


def _damaged_pdf() -> bytes:
    """The sample PDF with its middle overwritten: pdfminer complains loudly about it."""
    data = bytearray((ROOT / "samples" / "quzhou-city-2018.pdf").read_bytes())
    middle = len(data) // 3
    data[middle : middle + 20000] = b"\x00" * 20000
    return bytes(data[: len(data) // 2])


def errors_ole(encrypted: bool = False) -> bytes:
    body = b"\x00" * 512 + (
        "EncryptedPackage".encode("utf-16-le") if encrypted else b"WordDocument"
    )
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + body


def test_missing_file(tmp_path: Path) -> None:
    result = run(tmp_path / "nope.docx")
    assert result.returncode == errors.InputNotFoundError.exit_code
    assert b"no such file" in result.stderr


def test_library_users_get_the_typed_exception(tmp_path: Path) -> None:
    from disclosure_parse import parse

    with pytest.raises(errors.CorruptFileError) as caught:
        parse(_write(tmp_path, "t.docx", _truncated_docx()))
    assert caught.value.path is not None and caught.value.path.endswith("t.docx")


def test_exit_codes_are_distinct() -> None:
    codes = [cls.exit_code for cls in errors.ERROR_CLASSES]
    assert len(set(codes)) == len(codes) and 0 not in codes and 2 not in codes


def test_folder_conversion_writes_one_json_per_file_and_reports_failures(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "good.docx").write_bytes(SAMPLE.read_bytes())
    (source / "bad.docx").write_bytes(b"not a zip")
    out = tmp_path / "out"
    result = run(source, "-o", out)
    assert result.returncode == errors.BATCH_INCOMPLETE_EXIT_CODE
    assert (out / "good.docx.json").exists() and not (out / "bad.docx.json").exists()
    stderr = result.stderr.decode("utf-8")
    assert "[2/2]" in stderr and f"error: {source / 'bad.docx'}: " in stderr
    assert "[corrupt-file]" in stderr and "Traceback" not in stderr


def test_folder_progress_is_a_bar_on_a_terminal(tmp_path: Path) -> None:
    """Under a pseudo-terminal the converter draws a tqdm bar (files, items, failures)."""
    pty = pytest.importorskip("pty")
    source = tmp_path / "in"
    source.mkdir()
    (source / "good.docx").write_bytes(SAMPLE.read_bytes())
    (source / "bad.docx").write_bytes(b"not a zip")
    primary, secondary = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "disclosure_parse", str(source), "-o", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=secondary,
        cwd=ROOT,
        timeout=60,
    )
    os.close(secondary)
    screen = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal is closed once everything was read
            break
        if not chunk:
            break
        screen += chunk
    os.close(primary)
    text = screen.decode("utf-8", errors="replace")
    assert result.returncode == errors.BATCH_INCOMPLETE_EXIT_CODE, text
    assert "converting: 100%" in text, repr(text)
    assert "2/2" in text and "file/s" in text
    assert "137 items, 1 failed" in text
    assert "error: " in text and "[corrupt-file]" in text
    assert "2 files, 137 items: " in text and "1 failed (corrupt-file: 1)" in text


def test_folder_needs_an_output_folder(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.returncode == 2 and b"-o OUTPUT_FOLDER" in result.stderr


def test_combine_needs_a_table_format(tmp_path: Path) -> None:
    result = run(tmp_path, "-o", tmp_path / "out", "--combine")
    assert result.returncode == 2 and b"--to jsonl, csv, xlsx or parquet" in result.stderr


def test_reads_a_document_on_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "disclosure_parse", "-"],
        input=SAMPLE.read_bytes(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["items"]) == 137 and data["source"]["path"] is None
