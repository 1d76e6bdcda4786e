"""The bad-input corpus (tests/bad_inputs/, built by make_bad_inputs.py): each file gives
its documented error class and exit code, fast, in little memory, with one stderr line."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from disclosure_parse import Options, errors, parse

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "bad_inputs"
EXPECTED: dict[str, str] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))

#: converter options per file: the scan is the no-text-layer error with OCR off (read by
#: OCR when the [ocr] extra is installed: tests/test_ocr.py)
ARGS: dict[str, list[str]] = {"scan.pdf": ["--ocr", "never"]}
OPTIONS: dict[str, Options] = {"scan.pdf": Options(ocr="never")}

#: runs the converter in-process and writes its own peak memory (KB) to the file in argv[1]
_MEASURED_RUN = """
import resource, sys
from disclosure_parse.cli import main
report, args = sys.argv[1], sys.argv[2:]
try:
    code = main(args)
finally:
    with open(report, "w") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(code)
"""


def test_corpus_is_current() -> None:
    """Every built file is listed, and every listed file exists (rebuild: make_bad_inputs.py)."""
    built = {p.name for p in CORPUS.iterdir() if p.suffix not in (".py", ".json")}
    assert built == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gives_its_error_quickly_in_little_memory(name: str, tmp_path: Path) -> None:
    report = tmp_path / "maxrss"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED_RUN, str(report), str(CORPUS / name), *ARGS.get(name, [])],
        capture_output=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    stderr = result.stderr.decode("utf-8")
    expected = EXPECTED[name]
    if expected == "ok":
        assert result.returncode == 0, stderr
        assert b"root:" not in result.stdout
    else:
        error = getattr(errors, expected)
        assert result.returncode == error.exit_code, stderr
        assert stderr.startswith("error: ") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    assert elapsed < 2.0, f"{name} took {elapsed:.2f} s"
    peak_mb = int(report.read_text()) / 1024
    assert peak_mb < 200, f"{name} peaked at {peak_mb:.0f} MB"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e != "ok"))
def test_library_raises_the_typed_exception(name: str) -> None:
    with pytest.raises(getattr(errors, EXPECTED[name])):
        parse(CORPUS / name, OPTIONS.get(name, Options()))


def test_zip_bomb_is_refused_in_under_a_second() -> None:
    data = (CORPUS / "zip-bomb.docx").read_bytes()
    assert len(data) < 50_000
    started = time.monotonic()
    with pytest.raises(errors.ResourceLimitError):
        parse(data)
    assert time.monotonic() - started < 1.0


def test_truncated_document_xml_keeps_what_it_could_read_and_warns() -> None:
    import io
    import zipfile

    sample = HERE.parent / "samples" / "quzhou-city-2018.docx"
    source = zipfile.ZipFile(sample)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            archive.writestr(info.filename, data)
    catalog = parse(buffer.getvalue())
    assert 20 < len(catalog.items) < 137
    assert catalog.items[0].category == ("机构概况", "机构职能")
    assert "damaged-document" in {w.code for w in catalog.warnings}
