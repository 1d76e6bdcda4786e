"""DOCX path speed and memory, as ratios measured in one run (not a timed test).

- speed: `parse()` of a catalog against a plain lxml parse of the same document.xml
  (the floor any DOCX reader pays), and against walking every w:tc through python-docx;
- memory: peak traced allocation of `parse()` as a multiple of the file size.

    python bench/bench_docx.py [FILE.docx] [--repeat 5] [--profile]

Without FILE it uses samples/quzhou-city-2018.docx and a 20x larger catalog made by
repeating its rows. Times are CPU time of this process (best of the repeats), which a
busy shared machine disturbs less than wall time. Each report also splits `parse()` into
its stages: the reader (`read_document`, which includes the floor) and structure +
normalize (`build_catalog`); `--profile` lists the functions `build_catalog` spends its
time in. Figures are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from disclosure_parse import parse
from disclosure_parse.model import SourceFile
from disclosure_parse.pipeline import build_catalog, read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "quzhou-city-2018.docx"


def enlarged(data: bytes, factor: int) -> bytes:
    """The same document with its data rows repeated `factor` times (a big real-looking table)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, flags=re.S)
    header, body = rows[:2], rows[2:]
    table_rows = "".join(header) + "".join(body) * factor
    start, end = xml.index(rows[0]), xml.index(rows[-1]) + len(rows[-1])
    xml = xml[:start] + table_rows + xml[end:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = (
                xml.encode("utf-8") if info.filename == "word/document.xml" else source.read(info)
            )
            target.writestr(info.filename, content)
    return buffer.getvalue()


def cold_caches() -> None:
    """Empty the library's value caches (lru_cache on pure functions), so each timed run
    parses the document as a first one would: repeated cells still hit within a run."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("disclosure_parse"):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        cold_caches()
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def lxml_floor(data: bytes) -> None:
    etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def python_docx_walk(data: bytes) -> None:
    import docx

    for table in docx.Document(io.BytesIO(data)).tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def peak_memory(data: bytes) -> int:
    tracemalloc.start()
    parse(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def stages(data: bytes, repeat: int) -> tuple[float, float]:
    """CPU seconds of the reader (`read_document`) and of structure + normalize."""
    document = read_document(data, None)
    source = SourceFile(path=None, format=document.format, sha256="0" * 64)
    read = best_of(repeat, lambda: read_document(data, None))
    build = best_of(repeat, lambda: build_catalog(document, source))
    return read, build


def profile(data: bytes, top: int = 25) -> None:
    """The functions `build_catalog` spends its time in (cProfile, cumulative)."""
    document = read_document(data, None)
    source = SourceFile(path=None, format=document.format, sha256="0" * 64)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        build_catalog(document, source)
    profiler.disable()
    print("  build_catalog profile (5 runs, cumulative seconds; cProfile slows it ~2x):")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)


def report(name: str, data: bytes, repeat: int, with_profile: bool = False) -> None:
    ours = best_of(repeat, lambda: parse(data))
    floor = best_of(repeat, lambda: lxml_floor(data))
    walk = best_of(max(1, repeat // 2), lambda: python_docx_walk(data))
    items = len(parse(data).items)
    peak = peak_memory(data)
    print(f"{name}: {len(data) / 1024:.0f} KB, {items} items")
    ms = 1000
    print(f"  parse()                      {ours * ms:8.1f} ms")
    print(f"  lxml parse of document.xml   {floor * ms:8.1f} ms   parse/lxml = {ours / floor:.1f}")
    print(f"  python-docx walk of w:tc     {walk * ms:8.1f} ms   walk/parse = {walk / ours:.1f}")
    read, build = stages(data, repeat)
    print(f"  of parse(): read_document    {read * ms:8.1f} ms   read/lxml = {read / floor:.1f}")
    print(f"  of parse(): build_catalog    {build * ms:8.1f} ms   build/lxml = {build / floor:.1f}")
    peak_mb = peak / 1024 / 1024
    print(f"  peak traced memory           {peak_mb:8.1f} MB   = {peak / len(data):.1f}x file size")
    if with_profile:
        profile(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile build_catalog")
    args = parser.parse_args()
    if args.file:
        report(str(args.file), args.file.read_bytes(), args.repeat, args.profile)
        return
    data = SAMPLE.read_bytes()
    report(str(SAMPLE.relative_to(ROOT)), data, args.repeat, args.profile)
    report("quzhou x20 (synthetic)", enlarged(data, 20), max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
