"""Batch throughput on generated catalogs with 1, 2 and all cores, and the resumed rerun.

    python bench/bench_batch.py [--files 200] [--keep DIR]

Generates a folder of catalogs (DOCX of 20 to 137 rows cut from the Quzhou sample, each
with its own title, plus copies of the HTML, XLSX and text samples), converts it with
`convert_folder(jobs=N)` into a fresh output folder for each N, and prints the wall time,
files per second and the speed-up over one core, all measured in this one run; then runs
the batch again on the last output to time a resume that skips every file. The machine's
load average is printed too: other processes on the cores lower the speed-up. Figures are
recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from disclosure_parse.batch import convert_folder, default_jobs

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OTHERS = (
    "national-standard-township.html",
    "department-catalog.xlsx",
    "quzhou-city-2018.txt",
    "card-agricultural-subsidies.html",
)


def docx_slice(data: bytes, start: int, count: int, title: str) -> bytes:
    """The Quzhou DOCX keeping its two header rows and `count` data rows from `start`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, flags=re.S)
    header, body = rows[:2], rows[2:]
    kept = "".join(header) + "".join(body[start : start + count])
    first, last = xml.index(rows[0]), xml.index(rows[-1]) + len(rows[-1])
    xml = xml[:first] + kept + xml[last:]
    xml = xml.replace("衢州市政府信息主动公开基本目录", title, 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = xml.encode() if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, content)
    return buffer.getvalue()


def generate(folder: Path, files: int, seed: int = 7) -> int:
    """Write `files` catalogs into `folder` (ten per subfolder); returns their total bytes."""
    rng = random.Random(seed)
    docx = (SAMPLES / "quzhou-city-2018.docx").read_bytes()
    total = 0
    for number in range(files):
        sub = folder / f"district-{number // 10:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        if number % 5 == 4:  # one in five: another format
            name = OTHERS[(number // 5) % len(OTHERS)]
            data = (SAMPLES / name).read_bytes()
            target = sub / f"catalog-{number:03d}{Path(name).suffix}"
        else:
            count = rng.randint(20, 135)
            start = rng.randint(0, 135 - count)
            data = docx_slice(docx, start, count, f"第{number}号政府信息主动公开目录")
            target = sub / f"catalog-{number:03d}.docx"
        target.write_bytes(data)
        total += len(data)
    return total


def timed(folder: Path, output: Path, jobs: int) -> tuple[float, int]:
    started = time.perf_counter()
    summary = convert_folder(folder, output, jobs=jobs, force=True)
    elapsed = time.perf_counter() - started
    assert not summary.failed, [f.message for f in summary.failed]
    return elapsed, summary.items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    folder = work / "catalogs"
    shutil.rmtree(folder, ignore_errors=True)
    size = generate(folder, args.files)
    print(f"{args.files} catalogs, {size / 1024 / 1024:.1f} MB, in {folder}")
    print(f"cores: {default_jobs()}; load average before: {os.getloadavg()[0]:.2f}")
    cores = sorted({1, 2, default_jobs()})
    times: dict[int, float] = {}
    for jobs in cores:
        output = work / f"out-{jobs}"
        shutil.rmtree(output, ignore_errors=True)
        times[jobs], items = timed(folder, output, jobs)
        rate = args.files / times[jobs]
        speedup = times[1] / times[jobs]
        print(
            f"  --jobs {jobs}: {times[jobs]:6.2f} s  {rate:6.1f} files/s  {items} items  "
            f"speed-up over 1 core {speedup:.2f}x"
        )
    last = work / f"out-{cores[-1]}"
    started = time.perf_counter()
    again = convert_folder(folder, last, jobs=cores[-1])
    resumed = time.perf_counter() - started
    assert again.skipped == args.files
    print(
        f"  rerun, every file unchanged: {resumed:6.2f} s = "
        f"{resumed / times[cores[-1]]:.3f} of the first run"
    )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
