"""PDF path speed against pdfplumber's own character extraction, in one run (not a test).

Times `parse()` of a PDF catalog (open, ruling lines, cells, stitching, normalizing) and
pdfplumber opening the same bytes and reading `page.chars` of every page: the floor any
pdfplumber-based reader pays. Prints both best-of-N times and their ratio (target <= 2).

    python bench/pdf_vs_pdfplumber.py [FILE.pdf ...] [--repeat 5]

Without FILE it uses the three Quzhou PDFs. The figures are quoted in docs/pdf.md.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's package, not an installed copy

from disclosure_parse import parse  # noqa: E402

SAMPLES = (
    ROOT / "samples" / "quzhou-city-2018.pdf",
    ROOT / "samples" / "quzhou-city-2018-norepeat.pdf",
    ROOT / "tests" / "data" / "quzhou-city-2018-alt.pdf",
)


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed measurement)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def pdfplumber_chars(data: bytes) -> int:
    """What pdfplumber itself does to give every character of every page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.chars) for page in pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(SAMPLES))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for path in args.files:
        data = path.read_bytes()
        chars = best_of(args.repeat, lambda data=data: pdfplumber_chars(data))
        ours = best_of(args.repeat, lambda data=data: parse(data))
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        print(
            f"{path.name}: {pages} pages; pdfplumber chars {chars * 1000:.0f} ms, "
            f"parse() {ours * 1000:.0f} ms, ratio {ours / chars:.2f}"
        )


if __name__ == "__main__":
    main()
