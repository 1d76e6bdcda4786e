"""Print samples/quzhou-city-2018.docx to PDF with LibreOffice, in three variants.

- samples/quzhou-city-2018.pdf: as the .docx is, so the two header rows (marked
  w:tblHeader) repeat at the top of every page;
- samples/quzhou-city-2018-norepeat.pdf: w:tblHeader removed, so the header appears on
  page 1 only;
- tests/data/quzhou-city-2018-alt.pdf: "printed by someone else": portrait A4 with other
  margins, other column widths and an 8 pt table font, header not repeated, and rows
  allowed to break across pages (w:cantSplit removed), so page breaks fall in other rows
  and some rows are cut in two by a page break.

The variants are made on copies of the .docx (zipfile + lxml); the .docx itself is not
touched. Tests use the committed PDFs, so CI needs no LibreOffice.

Needs: `apt-get install -y libreoffice-writer-nogui fonts-noto-cjk`.

Usage:  python samples/make_quzhou_pdfs.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DOCX = HERE / "quzhou-city-2018.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

#: the alt variant: portrait A4, 1.5 cm / 1 cm margins, 8 pt table text
ALT_PAGE = (11906, 16838)
ALT_MARGINS = {"top": 851, "bottom": 851, "left": 567, "right": 567}
ALT_TABLE_HALF_POINTS = "16"
#: alt column widths (twips, 16 columns): content and basis wider, ticks narrower
ALT_COLUMNS = [420, 700, 900, 1700, 800, 1900, 560, 760, 420, 420, 380, 380, 380, 380, 380, 1190]


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def drop_header_marks(root: etree._Element) -> None:
    """No w:tblHeader: the header rows are printed on the first page only."""
    for mark in root.iterfind(".//w:trPr/w:tblHeader", NS):
        mark.getparent().remove(mark)


def alt_layout(root: etree._Element) -> None:
    """Portrait page, other margins, column widths and font size; rows may split."""
    drop_header_marks(root)
    for mark in root.iterfind(".//w:trPr/w:cantSplit", NS):
        mark.getparent().remove(mark)
    for size in root.iterfind(".//w:pgSz", NS):
        size.set(_w("w"), str(ALT_PAGE[0]))
        size.set(_w("h"), str(ALT_PAGE[1]))
        size.attrib.pop(_w("orient"), None)
    for margins in root.iterfind(".//w:pgMar", NS):
        for side, value in ALT_MARGINS.items():
            margins.set(_w(side), str(value))
    table = root.find(".//w:tbl", NS)
    assert table is not None
    for col, width in zip(table.iterfind("w:tblGrid/w:gridCol", NS), ALT_COLUMNS, strict=True):
        col.set(_w("w"), str(width))
    for width in table.iterfind("w:tblPr/w:tblW", NS):
        width.set(_w("w"), str(sum(ALT_COLUMNS)))
    for tr in table.iterfind("w:tr", NS):
        col = 0
        for tc in tr.iterfind("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(_w("val"), "1")) if span_el is not None else 1
            tc_w = tc.find("w:tcPr/w:tcW", NS)
            if tc_w is not None:
                tc_w.set(_w("w"), str(sum(ALT_COLUMNS[col : col + span])))
            col += span
    for size in table.iterfind(".//w:rPr/w:sz", NS):
        size.set(_w("val"), ALT_TABLE_HALF_POINTS)
    for size in table.iterfind(".//w:rPr/w:szCs", NS):
        size.set(_w("val"), ALT_TABLE_HALF_POINTS)


def rewrite_docx(source: Path, target: Path, edit: Callable[[etree._Element], None]) -> None:
    """A copy of `source` whose word/document.xml went through `edit`."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)


def to_pdf(docx: Path, target: Path, workdir: Path) -> None:
    """`soffice --headless --convert-to pdf` with a private profile, output moved to `target`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk")
    profile = (workdir / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
    )
    shutil.move(workdir / (docx.stem + ".pdf"), target)
    print(f"wrote {target.relative_to(REPO)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        to_pdf(DOCX, HERE / "quzhou-city-2018.pdf", work)
        norepeat = work / "quzhou-city-2018-norepeat.docx"
        rewrite_docx(DOCX, norepeat, drop_header_marks)
        to_pdf(norepeat, HERE / "quzhou-city-2018-norepeat.pdf", work)
        alt = work / "quzhou-city-2018-alt.docx"
        rewrite_docx(DOCX, alt, alt_layout)
        to_pdf(alt, REPO / "tests" / "data" / "quzhou-city-2018-alt.pdf", work)


if __name__ == "__main__":
    main()
