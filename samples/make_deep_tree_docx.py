"""Write samples/deep-tree-education-bureau.docx from samples/data/deep-tree-education-bureau.json.

A department catalog with a five-level 目录 tree (一级目录 … 五级目录), 公开形式, 公开时限,
责任科室 and 备注: each directory level's repeated labels are one vertically merged cell,
unused deeper levels of a row are merged horizontally into the last used level (as people
draw such trees in Word), and 公开时限 uses 同上 and "/".

    python samples/make_deep_tree_docx.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "deep-tree-education-bureau.json"
OUT = HERE / "deep-tree-education-bureau.docx"
LEVELS = 5


def _font(run: docx.text.run.Run, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "SimSun"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def _write(cell: docx.table._Cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    _font(paragraph.add_run(text), 9, bold)


def build() -> bytes:
    """The document's bytes (deterministic: fixed core-property dates)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(data["title"]), 16, bold=True)
    for text in data["before"]:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(text), 12)

    rows = data["rows"]
    table = document.add_table(rows=1 + len(rows), cols=len(data["header"]))
    table.style = "Table Grid"
    for col, text in enumerate(data["header"]):
        _write(table.cell(0, col), text, bold=True)
    for r, row in enumerate(rows, start=1):
        depth = max(i for i in range(LEVELS) if row[i]) + 1
        for col, text in enumerate(row):
            if col < LEVELS and (col >= depth or _same_as_above(rows, r - 1, col)):
                continue
            _write(table.cell(r, col), text)
        if depth < LEVELS:
            table.cell(r, depth - 1).merge(table.cell(r, LEVELS - 1))
    # vertical merges: a level's label repeated under the same parent is written once
    for col in range(LEVELS):
        start = None
        for r in range(1, len(rows) + 2):
            continues = r <= len(rows) and _same_as_above(rows, r - 1, col)
            if continues and start is None:
                start = r - 1
            if not continues and start is not None:
                table.cell(start, col).merge(table.cell(r - 1, col))
                start = None

    for text in data["after"]:
        paragraph = document.add_paragraph()
        if text != data["after"][0]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(paragraph.add_run(text), 12)
    fixed = dt.datetime(2023, 3, 1, 9, 0, 0)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.author = "disclosure_parse samples"
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _same_as_above(rows: list[list[str]], index: int, col: int) -> bool:
    """Whether row `index` repeats the label above at level `col` under the same parent."""
    if index == 0 or not rows[index][col]:
        return False
    return rows[index][: col + 1] == rows[index - 1][: col + 1]


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT.relative_to(HERE.parent)}")
