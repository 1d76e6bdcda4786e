"""A generated folder of mixed catalogs for the batch tests: same-named files in several
formats and subfolders, plus a broken file (copies of the committed samples)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

#: input path (relative) → sample it is a copy of; three `catalog.*` at the top, two in a/
GOOD = {
    "catalog.docx": "quzhou-city-2018.docx",
    "catalog.txt": "quzhou-city-2018.txt",
    "catalog.html": "national-standard-township.html",
    "a/catalog.docx": "deep-tree-education-bureau.docx",
    "a/catalog.xlsx": "department-catalog.xlsx",
    "b/c/xihu.txt": "xihu-district-2022.txt",
}
PDF = {"catalog.pdf": "quzhou-city-2018.pdf"}
BROKEN = "a/broken.docx"


def make_mixed_folder(root: Path, *, with_pdf: bool = False) -> Path:
    """Write the folder under `root` and return it; the broken file is a cut-off DOCX."""
    folder = root / "catalogs"
    files = {**GOOD, **(PDF if with_pdf else {})}
    for relative, sample in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / sample, target)
    (folder / BROKEN).write_bytes((SAMPLES / "quzhou-city-2018.docx").read_bytes()[:3000])
    (folder / ".hidden.docx").write_bytes(b"never read")
    return folder


def warned_inputs(folder: Path, relatives: list[str]) -> list[str]:
    """The good inputs whose catalogs carry warnings (what the pipeline says today)."""
    from disclosure_parse import parse

    return sorted(r for r in relatives if parse(folder / r).warnings)
