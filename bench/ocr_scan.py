"""OCR of a scan made from a sample PDF, scored against its golden file (not a test).

Scans `samples/quzhou-city-2018.pdf` as tests/scan_builder.py does (200 dpi, turned
0.4°, speckled, JPEG quality 70, an image-only PDF), converts it with this checkout's
package, and prints items found and exact against samples/expected/quzhou-city-2018.json,
ticked flags right, the low-confidence warnings, seconds per page (wall and CPU) and the
peak memory of the process.
Needs the [ocr] extra. The figures are quoted in docs/ocr.md.

    python bench/ocr_scan.py [--pages 1-11] [--dpi 200] [--angle 0.4] [--quality 70] [-v]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's package, the test helpers

from item_score import catalog_items, score  # noqa: E402
from scan_builder import ScanSettings, scanned_pdf  # noqa: E402

from disclosure_parse import parse  # noqa: E402

SAMPLE = ROOT / "samples" / "quzhou-city-2018.pdf"
GOLDEN = ROOT / "samples" / "expected" / "quzhou-city-2018.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="1-11", help="first-last page of the sample")
    parser.add_argument("--dpi", type=float, default=200.0)
    parser.add_argument("--angle", type=float, default=0.4)
    parser.add_argument("--quality", type=int, default=70)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the misses")
    args = parser.parse_args()
    first, last = (int(n) for n in args.pages.split("-"))
    settings = ScanSettings(dpi=args.dpi, angle=args.angle, quality=args.quality)
    scan = scanned_pdf(SAMPLE.read_bytes(), range(first - 1, last), settings)
    started, cpu = time.perf_counter(), time.process_time()
    catalog = parse(scan)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["items"]
    pages = [item["source"]["page"] for item in catalog_items(parse(SAMPLE))]
    expected = [g for g, page in zip(golden, pages, strict=True) if first <= page <= last]
    result = score(expected, catalog_items(catalog))
    unsure = [w for w in catalog.warnings if w.code == "low-ocr-confidence"]
    count = last - first + 1
    print(
        f"{SAMPLE.name} pages {first}-{last} scanned at {settings.dpi:g} dpi, "
        f"{settings.angle:g}°, JPEG {settings.quality}: "
        f"found {result.found}/{result.expected} ({100 * result.found_rate:.1f} %), "
        f"exact {result.exact}/{result.expected} ({100 * result.exact_rate:.1f} %), "
        f"flags right {result.flags_right}/{result.found}; "
        f"{len(unsure)} low-confidence warnings on "
        f"{len({w.where for w in unsure})} cells; "
        f"{wall / count:.1f} s/page wall, {cpu / count:.1f} s/page CPU; "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    if args.verbose:
        print(result.describe())
        for warning in unsure:
            print(f"  {warning.where}: {warning.message}")


if __name__ == "__main__":
    main()
