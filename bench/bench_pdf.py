"""PDF speed against the floors of both backends, in one run (not a test).

For each PDF it times, best of N with the four measurements taken in turn (so that the
machine's load weighs on all of them alike):

- the pdfplumber floor: pdfplumber opens the bytes and reads `page.chars` of every page,
  what any reader on pdfplumber pays;
- the pypdfium2 floor: pypdfium2 opens the bytes and, page by page, reads every character
  box (`PdfTextPage.get_charbox`) and the text range, and every point of every path
  segment: what any reader on PDFium pays for glyphs and ruling lines;
- `parse()` through PDFium (the default) and through pdfplumber (the reference).

It prints both parse times, each against its floor, and the speed-up. Targets
(docs/performance.md): parse() within 3x the pypdfium2 floor, and at least 4x faster
than the pdfplumber path, on samples/quzhou-city-2018.pdf.

Besides the sample PDFs (or the files given), a 300-page catalog is made in memory from
samples/quzhou-city-2018.pdf: its first page, then its table pages 2-10 over and over
(one table running over 300 pages), then its last page. For it the script also checks
that both backends give the same catalog and prints each one's peak memory (a fresh
process per backend).

    python bench/bench_pdf.py [FILE.pdf ...] [--repeat 5] [--pages 300]
"""

from __future__ import annotations

import argparse
import ctypes
import io
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's package, not an installed copy

from disclosure_parse import parse  # noqa: E402
from disclosure_parse.options import Options  # noqa: E402

SAMPLES = (
    ROOT / "samples" / "quzhou-city-2018.pdf",
    ROOT / "samples" / "quzhou-city-2018-norepeat.pdf",
    ROOT / "tests" / "data" / "quzhou-city-2018-alt.pdf",
    ROOT / "samples" / "website-column-framework.pdf",
)
PDFIUM = Options(pdf_backend="pdfium")
PLUMBER = Options(pdf_backend="pdfplumber")


def pdfplumber_floor(data: bytes) -> int:
    """What pdfplumber itself does to give every character of every page."""
    count = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            count += len(page.chars)
            page.close()  # as the reader does: memory one page deep
    return count


def pypdfium2_floor(data: bytes) -> int:
    """Every character box and the text of every page, and every path segment's point."""
    document = pdfium.PdfDocument(data)
    x, y = ctypes.c_float(), ctypes.c_float()
    count = 0
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        for char in range(textpage.count_chars()):
            textpage.get_charbox(char)
            count += 1
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
            for segment in range(pdfium_c.FPDFPath_CountSegments(obj)):
                handle = pdfium_c.FPDFPath_GetPathSegment(obj, segment)
                pdfium_c.FPDFPathSegment_GetPoint(handle, x, y)
        textpage.close()
        page.close()
    document.close()
    return count


def long_catalog(pages: int) -> bytes:
    """samples/quzhou-city-2018.pdf grown to `pages` pages by repeating its table pages."""
    source = pdfium.PdfDocument((ROOT / "samples" / "quzhou-city-2018.pdf").read_bytes())
    last = len(source) - 1
    middle = list(range(1, last))
    document = pdfium.PdfDocument.new()
    document.import_pages(source, [0])
    while len(document) < pages - 1:
        document.import_pages(source, middle[: pages - 1 - len(document)])
    document.import_pages(source, [last])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def best_of(repeat: int, works: list[Callable[[], object]]) -> list[float]:
    """The fastest of `repeat` rounds for each work, the works run in turn each round."""
    best = [float("inf")] * len(works)
    for _ in range(repeat):
        for index, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def peak_memory_mb(data: bytes, backend: str) -> float:
    """Peak resident memory (MB) of a fresh process parsing `data` through `backend`.

    Read from /proc/self/status (VmHWM): on Linux, getrusage's ru_maxrss survives exec and
    would report this script's own peak.
    """
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from disclosure_parse import parse; from disclosure_parse.options import Options;"
        "parse(sys.stdin.buffer.read(), Options(pdf_backend=sys.argv[2]));"
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), backend],
        input=data,
        capture_output=True,
        check=True,
    )
    return int(result.stdout) / 1024


def report(name: str, data: bytes, repeat: int) -> None:
    plumber_floor, pdfium_floor, ours, reference = best_of(
        repeat,
        [
            lambda: pdfplumber_floor(data),
            lambda: pypdfium2_floor(data),
            lambda: parse(data, PDFIUM),
            lambda: parse(data, PLUMBER),
        ],
    )
    pages = len(pdfium.PdfDocument(data))

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    print(
        f"{name}: {pages} pages\n"
        f"  pdfium:     parse() {ms(ours)}, pypdfium2 floor {ms(pdfium_floor)}, "
        f"ratio {ours / pdfium_floor:.2f}\n"
        f"  pdfplumber: parse() {ms(reference)}, pdfplumber floor {ms(plumber_floor)}, "
        f"ratio {reference / plumber_floor:.2f}\n"
        f"  speed-up of the pdfium path: {reference / ours:.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(SAMPLES))
    parser.add_argument("--repeat", type=int, default=5, help="rounds for each file")
    parser.add_argument("--pages", type=int, default=300, help="pages of the long catalog")
    args = parser.parse_args()
    for path in args.files:
        report(
            str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
            path.read_bytes(),
            args.repeat,
        )
    if args.pages:
        data = long_catalog(args.pages)
        report(f"long catalog (quzhou-city-2018.pdf grown, {len(data) // 1024} KB)", data, 2)
        assert parse(data, PDFIUM) == parse(data, PLUMBER), "the backends differ"
        print(f"  same catalog through both backends: {len(parse(data).items)} items")
        small = (ROOT / "samples" / "quzhou-city-2018.pdf").read_bytes()
        for backend in ("pdfium", "pdfplumber") if Path("/proc/self/status").exists() else ():
            print(
                f"  peak memory ({backend}): {peak_memory_mb(small, backend):.0f} MB for 11 pages, "
                f"{peak_memory_mb(data, backend):.0f} MB for {args.pages}"
            )


if __name__ == "__main__":
    main()
