"""Write a small .docx from a compact description of one table, for reader tests.

python-docx makes the package, the paragraphs and the table with its w:tblGrid; the rows
are raw WordprocessingML, because python-docx has no API for what the tests need: a
w:vMerge continuation written where we say (or left out, as a lost merge), w:gridBefore,
w:tblHeader, rows and cells wrapped in w:sdt, and runs holding w:sym glyphs, content-control
checkboxes or legacy form fields; and, for documents printed to PDF, w:cantSplit and w:vAlign.

    build_docx(
        header=[Row(["序号", Cell("事项名称", span=2), "公开内容"], header=True), ...],
        body=[Row([Cell("1", vmerge="restart"), "机构概况", ...]), Row([CONTINUE, ...])],
        before=["衢州市政府信息主动公开基本目录"],
        after=["注：标★的为重点领域。"],
    )

A cell's text becomes runs: "\\n" is a <w:br/> inside a paragraph, "\\n\\n" starts a new
paragraph. `Cell(xml=...)` gives the paragraph content as raw OOXML instead (w:r, w:sdt,
...), and `Cell(blocks_xml=...)` the whole cell content (w:p, w:tbl, ...), both with the
`w`, `w14` and `mc` prefixes declared.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NSDECLS = f'xmlns:w="{W}" xmlns:w14="{W14}" xmlns:mc="{MC}"'

VMerge = Literal["restart", "continue"]


@dataclass(frozen=True)
class Cell:
    """One w:tc: text (or raw paragraph content), w:gridSpan, w:vMerge, w:sdt wrapper."""

    text: str = ""
    span: int = 1
    vmerge: VMerge | None = None
    #: raw OOXML for the inside of the cell's (single) paragraph, instead of `text`
    xml: str | None = None
    #: raw OOXML for the cell's whole content (w:p, w:tbl, w:sdt blocks), instead of `text`
    blocks_xml: str | None = None
    #: wrap the w:tc in a cell-level w:sdt content control
    sdt: bool = False
    #: write w:vMerge without w:val (the short form of "continue")
    bare_continue: bool = False
    #: w:vAlign ("center", "bottom"); None leaves Word's default (top)
    v_align: str | None = None


#: a vertical-merge continuation cell (w:vMerge with no w:val), one grid column wide
CONTINUE = Cell(vmerge="continue", bare_continue=True)

CellLike = Cell | str


@dataclass(frozen=True)
class Row:
    """One w:tr: its cells, and the row properties the reader looks at."""

    cells: Sequence[CellLike]
    #: w:tblHeader (repeat as header row on each page)
    header: bool = False
    #: an explicit w:val on w:tblHeader ("0", "false": the flag written but off)
    header_val: str | None = None
    #: w:gridBefore: grid columns skipped before the first cell
    grid_before: int = 0
    #: wrap the w:tr in a row-level w:sdt content control
    sdt: bool = False
    #: w:cantSplit: the row may not break across pages
    cant_split: bool = False


RowLike = Row | Sequence[CellLike]


def build_docx(
    header: Sequence[RowLike] = (),
    body: Sequence[RowLike] = (),
    *,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
    n_cols: int | None = None,
    header_marked: bool = True,
) -> bytes:
    """The .docx bytes of `before` paragraphs, one table (header rows, body rows), `after`.

    Header rows given as plain lists are marked w:tblHeader when `header_marked`.
    """
    rows = [_as_row(r, header=header_marked) for r in header] + [
        _as_row(r, header=False) for r in body
    ]
    width = n_cols if n_cols is not None else max((_row_width(r) for r in rows), default=1)
    document = docx.Document()
    for text in before:
        _add_paragraph(document, text)
    table = document.add_table(rows=0, cols=width)
    tbl = table._tbl
    for row in rows:
        tbl.append(_row_element(row))
    for text in after:
        _add_paragraph(document, text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _as_row(row: RowLike, *, header: bool) -> Row:
    if isinstance(row, Row):
        return row
    return Row(cells=list(row), header=header)


def _as_cell(cell: CellLike) -> Cell:
    return cell if isinstance(cell, Cell) else Cell(text=cell)


def _row_width(row: Row) -> int:
    return row.grid_before + sum(_as_cell(c).span for c in row.cells)


def _add_paragraph(document: WordDocument, text: str) -> None:
    """A body paragraph; "\\n" inside it becomes a w:br."""
    paragraph = document.add_paragraph()
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if i:
            run._r.insert(0, run._r.makeelement(qn("w:br"), {}))


def fragment(xml: str) -> list[etree._Element]:
    """Elements parsed from an OOXML fragment using the w, w14 and mc prefixes."""
    root = etree.fromstring(f"<root {_NSDECLS}>{xml}</root>".encode())
    return list(root)


def _el(tag: str, **attrs: str) -> etree._Element:
    prefix, _, name = tag.partition(":")
    namespace = {"w": W, "w14": W14}[prefix]
    element = etree.Element(f"{{{namespace}}}{name}", nsmap={prefix: namespace})
    for key, value in attrs.items():
        element.set(f"{{{W}}}{key}", value)
    return element


def _sdt(content: etree._Element) -> etree._Element:
    sdt = _el("w:sdt")
    props = etree.SubElement(sdt, qn("w:sdtPr"))
    etree.SubElement(props, qn("w:id"), {qn("w:val"): "1"})
    sdt_content = etree.SubElement(sdt, qn("w:sdtContent"))
    sdt_content.append(content)
    return sdt


def _row_element(row: Row) -> etree._Element:
    tr = _el("w:tr")
    if row.header or row.grid_before or row.cant_split:
        tr_pr = etree.SubElement(tr, qn("w:trPr"))
        if row.grid_before:
            etree.SubElement(tr_pr, qn("w:gridBefore"), {qn("w:val"): str(row.grid_before)})
        if row.cant_split:
            etree.SubElement(tr_pr, qn("w:cantSplit"))
        if row.header:
            attrs = {} if row.header_val is None else {qn("w:val"): row.header_val}
            etree.SubElement(tr_pr, qn("w:tblHeader"), attrs)
    for cell in row.cells:
        tr.append(_cell_element(_as_cell(cell)))
    return _sdt(tr) if row.sdt else tr


def _cell_element(cell: Cell) -> etree._Element:
    tc = _el("w:tc")
    tc_pr = etree.SubElement(tc, qn("w:tcPr"))
    etree.SubElement(tc_pr, qn("w:tcW"), {qn("w:w"): "0", qn("w:type"): "auto"})
    if cell.span > 1:
        etree.SubElement(tc_pr, qn("w:gridSpan"), {qn("w:val"): str(cell.span)})
    if cell.vmerge is not None:
        attrs = {} if cell.bare_continue else {qn("w:val"): cell.vmerge}
        etree.SubElement(tc_pr, qn("w:vMerge"), attrs)
    if cell.v_align is not None:
        etree.SubElement(tc_pr, qn("w:vAlign"), {qn("w:val"): cell.v_align})
    if cell.blocks_xml is not None:
        tc.extend(fragment(cell.blocks_xml))
    elif cell.xml is not None:
        p = etree.SubElement(tc, qn("w:p"))
        for element in fragment(cell.xml):
            p.append(element)
    else:
        for paragraph in cell.text.split("\n\n"):
            tc.append(_paragraph_element(paragraph))
    return _sdt(tc) if cell.sdt else tc


def _paragraph_element(text: str) -> etree._Element:
    p = _el("w:p")
    for i, line in enumerate(text.split("\n")):
        r = etree.SubElement(p, qn("w:r"))
        if i:
            etree.SubElement(r, qn("w:br"))
        if line:
            t = etree.SubElement(r, qn("w:t"))
            t.text = line
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p
