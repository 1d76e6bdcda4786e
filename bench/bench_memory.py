"""Peak memory of the converter on long catalogs: DOCX by rows, PDF by pages.

    python bench/bench_memory.py [--cache DIR] [--no-pdf]

Each measurement is one converter process (`main([FILE, "-o", OUT])`) reporting its own
peak resident memory (VmHWM, Linux), the Python interpreter and imports included; the
baseline line is a process that only imports the converter. DOCX catalogs of about 750,
1,500 and 3,000 rows are the Quzhou sample with its rows repeated; PDFs of about 75, 150
and 300 pages are those DOCX files printed by LibreOffice (`soffice`, about 7 minutes for
300 pages, kept in the cache folder; skipped when soffice is not installed). Figures are
recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_docx import SAMPLE, enlarged

#: runs the converter in this process and prints its peak memory in KB: VmHWM, the high
#: water mark of this program's memory (ru_maxrss would include the parent's at the fork)
_MEASURED = """
import sys
from disclosure_parse.cli import main
code = main(sys.argv[1:]) if len(sys.argv) > 1 else 0
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""

DOCX_FACTORS = (6, 11, 22)  # 137 rows each: 822, 1,507, 3,014 rows
PDF_FACTORS = (7, 14, 28)  # about 11 pages per 137 rows: 75, 150, 299 pages


def peak_kb(*args: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, timeout=900
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return int(result.stdout.split()[-1])


def measure(label: str, path: Path, baseline: int, work: Path) -> None:
    output = work / (path.name + ".json")
    peak = peak_kb(str(path), "-o", str(output))
    items = len(json.loads(output.read_text("utf-8"))["items"])
    size = output.stat().st_size
    print(
        f"  {label:<22} {path.stat().st_size / 1024:8.0f} KB  {items:6d} items  "
        f"JSON {size / 1024 / 1024:5.1f} MB  peak {peak / 1024:6.1f} MB  "
        f"(+{(peak - baseline) / 1024:5.1f} MB over the baseline)"
    )


def pages(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "disclosure-parse-bench"
    )
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF measurements")
    args = parser.parse_args()
    cache = args.cache
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    sample = SAMPLE.read_bytes()
    for factor in {*DOCX_FACTORS, *PDF_FACTORS}:
        docx = cache / f"quzhou-x{factor}.docx"
        if not docx.exists():
            docx.write_bytes(enlarged(sample, factor))

    baseline = peak_kb()
    print(f"baseline (interpreter and imports): {baseline / 1024:.1f} MB")
    print("DOCX")
    for factor in DOCX_FACTORS:
        measure(f"{137 * factor:,} rows", cache / f"quzhou-x{factor}.docx", baseline, work)

    if args.no_pdf:
        return
    if shutil.which("soffice") is None:
        print("PDF: skipped (LibreOffice's soffice is not installed)")
        return
    print("PDF")
    for factor in PDF_FACTORS:
        pdf = cache / f"quzhou-x{factor}.pdf"
        if not pdf.exists():
            print(f"  printing {pdf.name} with LibreOffice (minutes) ...", flush=True)
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    f"-env:UserInstallation=file://{cache / 'libreoffice-profile'}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(cache),
                    str(cache / f"quzhou-x{factor}.docx"),
                ],
                capture_output=True,
                check=True,
                timeout=3600,
            )
        measure(f"{pages(pdf)} pages", pdf, baseline, work)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
