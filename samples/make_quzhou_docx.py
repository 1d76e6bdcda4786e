"""Build samples/quzhou-city-2018.docx from samples/data/quzhou-city-2018.json.

A rebuild of the 衢州市政府信息主动公开基本目录 (2018) as the Word document it
was exported from: landscape A4 with narrow margins, 宋体 for East Asian text,
a centred bold title, one table with a two-row repeating header (real
horizontal and vertical merges), real vertical merges in the data rows
wherever the seed has an empty cell in 序号 / 一级 / 公开主体 / 公开依据 /
公开方式, the remark / issuer / date paragraphs after the table and a PAGE
field in the footer.

Line breaks inside a cell: "\\n" becomes a <w:br/> inside the paragraph
("实时<br/>更新"); "\\n\\n" becomes an empty paragraph between two paragraphs
("决策" / "" / "预公开").

Deterministic: core properties carry fixed dates and the zip members are
rewritten with a fixed timestamp, so the same JSON gives the same bytes.

Usage:  python samples/make_quzhou_docx.py [OUT.docx]
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "quzhou-city-2018.json"
OUT = HERE / "quzhou-city-2018.docx"

EAST_ASIA_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TABLE_PT = 9  # 小五
TABLE_STYLE = "Table Text"
BODY_PT = 12  # 小四
TITLE_PT = 18  # 小二
FIXED_DATE = dt.datetime(2018, 12, 29, 0, 0, 0)
ZIP_DATE = (2018, 12, 29, 0, 0, 0)

# A4 landscape, "narrow" margins (1.27 cm) -- all in twips (1 cm = 567 twips)
PAGE_W, PAGE_H = 16838, 11906
MARGIN = 720
# column widths in twips, 16 columns, sum = 15317 <= 16838 - 2 * 720
COL_W = [510, 907, 1247, 2041, 1020, 2608, 737, 964, 624, 624, 510, 510, 510, 510, 510, 1485]
# columns 序号, 一级, 公开主体, 公开依据, 公开方式: an empty cell there is a
# vertical-merge continuation of the nearest non-empty cell above
VMERGE_COLS = (0, 1, 4, 5, 15)
# text alignment per column: 公开内容 / 公开依据 / 公开方式 left, rest centred
LEFT_COLS = {3, 5, 15}


# --------------------------------------------------------------------------
# low-level helpers (python-docx has no API for these)


def set_run_fonts(run, size_pt: float, bold: bool = False) -> None:
    run.font.size = Pt(size_pt)
    run.font.name = LATIN_FONT  # w:ascii + w:hAnsi
    if bold:
        run.font.bold = True
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    rfonts.set(qn("w:hint"), "eastAsia")


def set_style_fonts(doc) -> None:
    """docDefaults + Normal: 宋体 / Times New Roman, zh-CN, no extra spacing."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr_default.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:cs"), LATIN_FONT)
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # table text: 小五, so that the empty paragraphs in "决策\n\n预公开"
    # cells are table-sized too
    cell_style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell_style.base_style = normal
    cell_style.font.size = Pt(TABLE_PT)


def set_cell_margins(tbl, left: int, right: int) -> None:
    tblPr = tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, val in (("left", left), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(val))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr.append(mar)


def set_table_borders(tbl) -> None:
    """Single-line borders on the table edge and between all cells."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl.tblPr.append(borders)


def set_fixed_layout(tbl, total_w: int) -> None:
    tblPr = tbl.tblPr
    tblW = tblPr.find(qn("w:tblW"))
    if tblW is None:
        tblW = OxmlElement("w:tblW")
        tblPr.append(tblW)
    tblW.set(qn("w:w"), str(total_w))
    tblW.set(qn("w:type"), "dxa")
    layout = tblPr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tblPr.append(layout)
    layout.set(qn("w:type"), "fixed")


def mark_header_row(row) -> None:
    """Repeat the row at the top of every page; never split it."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))
    trPr.append(OxmlElement("w:tblHeader"))


def sort_tblPr(tbl) -> None:
    """Put tblPr children into the schema order Word insists on."""
    order = [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
    ]
    tblPr = tbl.tblPr
    children = list(tblPr)
    children.sort(key=lambda el: order.index(el.tag.split("}")[1]))
    for el in children:
        tblPr.remove(el)
        tblPr.append(el)


def add_page_field(paragraph) -> None:
    """A complex PAGE field: begin / instrText / separate / result / end."""

    def fld(kind: str):
        r = paragraph.add_run()
        set_run_fonts(r, 10.5)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        r._element.append(el)
        return r

    fld("begin")
    r = paragraph.add_run()
    set_run_fonts(r, 10.5)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    r._element.append(instr)
    fld("separate")
    r = paragraph.add_run("1")
    set_run_fonts(r, 10.5)
    fld("end")


# --------------------------------------------------------------------------
# cell text


def write_cell(cell, text: str, align, size_pt: float = TABLE_PT, bold: bool = False) -> None:
    """Write `text` into an (empty) cell.

    "\\n\\n" separates paragraphs with an empty paragraph between them; a
    single "\\n" is a line break (<w:br/>) inside a paragraph.
    """
    paras: list[str] = []
    for k, part in enumerate(text.split("\n\n")):
        if k:
            paras.append("")
        paras.append(part)
    first = cell.paragraphs[0]
    for k, ptext in enumerate(paras):
        p = first if k == 0 else cell.add_paragraph()
        p.style = TABLE_STYLE
        p.alignment = align
        if not ptext:
            # an empty paragraph still carries the run font size via its mark
            continue
        lines = ptext.split("\n")
        run = p.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        set_run_fonts(run, size_pt, bold)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def vmerge_runs(column: list[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges, inclusive, of vertical merges in a column:
    a non-empty cell followed by one or more empty cells."""
    runs = []
    start = None
    for i, text in enumerate(column):
        if text != "":
            if start is not None and i - 1 > start:
                runs.append((start, i - 1))
            start = i
    if start is not None and len(column) - 1 > start:
        runs.append((start, len(column) - 1))
    if column and column[0] == "":
        raise ValueError("column starts with an empty cell: nothing to merge into")
    return runs


# --------------------------------------------------------------------------


def build(data: dict):
    doc = Document()

    # drop the template's thumbnail (a python-docx logo)
    pkg = doc.part.package
    for rId, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg.rels[rId]

    set_style_fonts(doc)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Twips(PAGE_W)
    section.page_height = Twips(PAGE_H)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = Twips(425)
    section.footer_distance = Twips(397)

    # title
    title = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    set_run_fonts(title.add_run(data["title"]), TITLE_PT, bold=True)

    # table
    h1, h2 = data["header_rows"]
    rows = data["rows"]
    ncols = len(COL_W)
    table = doc.add_table(rows=2 + len(rows), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl = table._tbl
    # drop the style python-docx puts on new tables; borders are explicit
    style_el = tbl.tblPr.find(qn("w:tblStyle"))
    if style_el is not None:
        tbl.tblPr.remove(style_el)
    set_fixed_layout(tbl, sum(COL_W))
    set_table_borders(tbl)
    set_cell_margins(tbl, 57, 57)
    sort_tblPr(tbl)
    for gc, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), COL_W, strict=True):
        gc.set(qn("w:w"), str(w))
    for row in table.rows:
        for cell, w in zip(row.cells, COL_W, strict=True):
            cell.width = Twips(w)

    # ---- header: row 1 has 10 cells over 16 grid columns
    center = WD_ALIGN_PARAGRAPH.CENTER
    col = 0
    spans = []  # (grid column, span, text)
    for hc in h1:
        spans.append((col, hc["col_span"], hc["text"]))
        col += hc["col_span"]
    assert col == ncols
    for gcol, span, text in spans:
        cell = table.cell(0, gcol)
        if span > 1:
            cell = cell.merge(table.cell(0, gcol + span - 1))  # gridSpan
        write_cell(cell, text, center, bold=True)
    # row 2 of the header; where it is empty the row-1 cell spans both rows
    for c, hc in enumerate(h2):
        if hc["text"]:
            write_cell(table.cell(1, c), hc["text"], center, bold=True)
    for c, hc in enumerate(h2):
        if not hc["text"]:
            table.cell(0, c).merge(table.cell(1, c))  # vMerge restart/continue
    mark_header_row(table.rows[0])
    mark_header_row(table.rows[1])

    # ---- data rows
    for r, values in enumerate(rows):
        assert len(values) == ncols, (r, values)
        for c, text in enumerate(values):
            if text:
                align = WD_ALIGN_PARAGRAPH.LEFT if c in LEFT_COLS else center
                write_cell(table.cell(2 + r, c), text, align)
            else:
                table.cell(2 + r, c).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row in table.rows[2:]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for c in VMERGE_COLS:
        column = [values[c] for values in rows]
        for start, end in vmerge_runs(column):
            # continuation cells are empty, so python-docx moves no content;
            # the text stays in the restart cell
            table.cell(2 + start, c).merge(table.cell(2 + end, c))

    # every paragraph in the table (also the empty ones) in the table style
    style_id = doc.styles[TABLE_STYLE].style_id
    for p_el in tbl.iter(qn("w:p")):
        p_el.get_or_add_pPr().style = style_id

    # ---- after the table: remark (left), issuer and date (right)
    after = data["after_table"]
    doc.add_paragraph()
    for k, text in enumerate(after):
        p = doc.add_paragraph()
        if k == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.right_indent = Pt(BODY_PT * 2)
            if k == 1:
                p.paragraph_format.space_before = Pt(BODY_PT)
        set_run_fonts(p.add_run(text), BODY_PT)

    # ---- footer with a PAGE field
    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(fp)

    # ---- fixed core properties
    cp = doc.core_properties
    cp.title = data["title"]
    cp.subject = "政府信息主动公开基本目录"
    cp.author = "衢州市人民政府办公室"
    cp.last_modified_by = "衢州市人民政府办公室"
    cp.comments = "rebuilt from " + data["source"] + " by samples/make_quzhou_docx.py"
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    return doc


def normalized_zip(raw: bytes) -> bytes:
    """Rewrite the package with a fixed timestamp on every member."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    data = json.loads(DATA.read_text(encoding="utf-8"))
    doc = build(data)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(normalized_zip(buf.getvalue()))
    print(f"wrote {out}: {len(data['rows'])} data rows")


if __name__ == "__main__":
    main(sys.argv)
