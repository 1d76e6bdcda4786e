"""DOCX reader: WordprocessingML straight from the zip with lxml, into a `grid.Document`.

python-docx's `.text` drops `w:sym` glyphs and content-control runs and its `Row.cells`
repeats merged cells, so the XML is read here directly (and it is ~10x faster).
"""

from __future__ import annotations

import attrs
from lxml import etree

from disclosure_parse.errors import CorruptFileError
from disclosure_parse.grid import Block, Cell, Document, Paragraph, Table
from disclosure_parse.model import ParseWarning
from disclosure_parse.options import Options
from disclosure_parse.readers.safe_xml import SafeZip, parse_xml, parse_xml_salvaging

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"


_TAGS: dict[str, str] = {}


def _w(tag: str) -> str:
    """Clark name of a w: tag, cached (it is asked for tens of thousands of times)."""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = f"{{{W}}}{tag}"
    return name


#: Clark names of the w: tags and attributes read below (looked up tens of thousands of times)
W_ASCII = _w("ascii")
W_BODY = _w("body")
W_BR = _w("br")
W_CHAR = _w("char")
W_CHECKED = _w("checked")
W_CR = _w("cr")
W_CUSTOM_XML = _w("customXml")
W_DEFAULT = _w("default")
W_DEL = _w("del")
W_FLD_CHAR = _w("fldChar")
W_FLD_CHAR_TYPE = _w("fldCharType")
W_FONT = _w("font")
W_GRID_BEFORE = _w("gridBefore")
W_GRID_COL = _w("gridCol")
W_GRID_SPAN = _w("gridSpan")
W_H_ANSI = _w("hAnsi")
W_H_MERGE = _w("hMerge")
W_MOVE_FROM = _w("moveFrom")
W_NO_BREAK_HYPHEN = _w("noBreakHyphen")
W_P = _w("p")
W_P_PR = _w("pPr")
W_PTAB = _w("ptab")
W_R = _w("r")
W_R_PR = _w("rPr")
W_R_FONTS = _w("rFonts")
W_SDT = _w("sdt")
W_SDT_CONTENT = _w("sdtContent")
W_SDT_PR = _w("sdtPr")
W_SYM = _w("sym")
W_T = _w("t")
W_TAB = _w("tab")
W_TBL = _w("tbl")
W_TBL_GRID = _w("tblGrid")
W_TBL_HEADER = _w("tblHeader")
W_TC = _w("tc")
W_TC_PR = _w("tcPr")
W_TR = _w("tr")
W_TR_PR = _w("trPr")
W_TYPE = _w("type")
W_V_MERGE = _w("vMerge")
W_VAL = _w("val")

CHECKED, UNCHECKED = "☑", "☐"

#: glyphs of symbol fonts (w:sym w:char, or text in a run set in that font) → Unicode
SYMBOL_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {
        0xFC: "✓",
        0xFB: "✗",
        0xFD: "☒",
        0xFE: "☑",
        0xA8: "□",
        0x6F: "□",
        0x71: "□",
        0x6E: "■",
        0xA7: "▪",
        0x6C: "●",
        0x9F: "•",
        0x78: "☒",
        0xA1: "○",
    },
    "wingdings 2": {
        0x50: "✓",
        0x52: "☑",
        0x54: "☒",
        0x4F: "✗",
        0xA3: "□",
        0x2A: "□",
        0xA2: "□",
        0x51: "☒",
        0x53: "☒",
    },
}


def read_docx(data: bytes, options: Options) -> Document:
    """Read the main document part of a .docx into paragraphs and spanning-cell tables."""
    package = SafeZip(data, options.limits, "DOCX")
    body, salvaged = _main_body(package)
    blocks: list[Block] = []
    _read_body(body, blocks, options)
    warnings: tuple[ParseWarning, ...] = ()
    if salvaged:
        warnings = (
            ParseWarning(
                "damaged-document",
                "the document XML is damaged (truncated?); only the part before the damage "
                "was read, so items may be missing at the end",
                "word/document.xml",
            ),
        )
    return Document(format="docx", blocks=tuple(blocks), warnings=warnings)


def _main_body(package: SafeZip) -> tuple[etree._Element, bool]:
    """The w:body of the part the package relationships name as the main document."""
    part = "word/document.xml"
    if "_rels/.rels" in package.names:
        rels = parse_xml(package.read("_rels/.rels"), "DOCX relationships")
        for rel in rels.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith(OFFICE_DOCUMENT):
                part = rel.get("Target", part).lstrip("/")
                break
    root, salvaged = _parse_main_part(package, part)
    body = root.find(W_BODY)
    if body is None:
        raise CorruptFileError(f"DOCX part {part} has no w:body")
    return body, salvaged


#: a main part larger than this is parsed in pieces, each table row's formatting dropped
#: as soon as the row is complete: memory then follows the text, not the markup
STREAM_ABOVE_BYTES = 4 * 1024 * 1024
_PIECE_BYTES = 1024 * 1024

#: what the reader never looks at inside a table row: paragraph properties, every run
#: property but the font (symbol fonts), every cell and row property but merges and header
_ROW_FORMATTING = tuple(
    _w(tag)
    for tag in (
        "pPr",
        # w:trPr children other than w:gridBefore, w:tblHeader
        "cantSplit", "trHeight", "hidden", "wBefore", "wAfter", "gridAfter", "divId",
        "tblCellSpacing",
        # w:tcPr children other than w:gridSpan, w:vMerge, w:hMerge
        "cnfStyle", "tcW", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
        "tcPrChange",
        # w:rPr children other than w:rFonts
        "rStyle", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
        "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
        "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
        "u", "effect", "bdr", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath", "rPrChange",
    )
)  # fmt: skip
#: revision ids, and the w:rFonts fonts other than the two a symbol font is read from
_UNREAD_ATTRIBUTES = (
    *(_w(name) for name in ("rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel", "rsidTr")),
    *(_w(name) for name in ("eastAsia", "cs", "hint", "asciiTheme", "hAnsiTheme")),
    *(_w(name) for name in ("eastAsiaTheme", "cstheme")),
    f"{{{W14}}}paraId",
    f"{{{W14}}}textId",
)


def _parse_main_part(package: SafeZip, part: str) -> tuple[etree._Element, bool]:
    """The part's root element, and whether it had to be salvaged from damaged XML."""
    what = f"DOCX part {part}"
    if package.size(part) > STREAM_ABOVE_BYTES:
        try:
            return _parse_dropping_row_formatting(package, part), False
        except etree.XMLSyntaxError:
            pass  # damaged: read again whole by the salvaging parser
    return parse_xml_salvaging(package.read(part), what)


def _parse_dropping_row_formatting(package: SafeZip, part: str) -> etree._Element:
    """Parse in 1 MB pieces, stripping `_ROW_FORMATTING` from each w:tr once it is complete.

    A long catalog is mostly formatting markup; lxml keeps a node of ~100 bytes for every
    element and attribute, so a 3,000-row table would otherwise hold about 150 MB of tree.
    """
    parser = etree.XMLPullParser(
        events=("end",),
        tag=W_TR,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
    )
    for piece in package.pieces(part, _PIECE_BYTES):
        parser.feed(piece)
        for _, row in parser.read_events():
            etree.strip_elements(row, *_ROW_FORMATTING, with_tail=False)
            etree.strip_attributes(row, *_UNREAD_ATTRIBUTES)
    root: etree._Element = parser.close()
    # the parser and the document it built refer to each other, which would keep the whole
    # tree alive until Python's cycle collector runs; a second, empty document breaks that
    parser.feed(b"<done/>")
    parser.close()
    return root


def _read_body(container: etree._Element, blocks: list[Block], options: Options) -> None:
    for child in container:
        tag = child.tag
        if tag == W_P:
            blocks.append(Paragraph(text=paragraph_text(child)))
        elif tag == W_TBL:
            frame = _frame_cell(child)
            if frame is not None:  # a one-cell "box" around the real content: read inside
                _read_body(frame, blocks, options)
            else:
                blocks.append(_read_table(child, len(blocks), options))
        elif tag in (W_SDT, W_CUSTOM_XML):
            content = child.find(W_SDT_CONTENT) if tag == W_SDT else child
            if content is not None:
                _read_body(content, blocks, options)


def _frame_cell(tbl: etree._Element) -> etree._Element | None:
    """The only cell of a 1x1 table that holds a table of its own (a layout frame), if so."""
    rows = _unwrap(tbl, "tr")
    if len(rows) != 1:
        return None
    cells = _unwrap(rows[0], "tc")
    if len(cells) != 1 or not _unwrap(cells[0], "tbl"):
        return None
    return cells[0]


def _unwrap(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Children `tag` of `parent`, looking through w:sdt and w:customXml wrappers."""
    return _unwrap_full(parent, _w(tag))


def _unwrap_full(parent: etree._Element, full_tag: str) -> list[etree._Element]:
    found: list[etree._Element] = []
    for child in parent:
        tag = child.tag
        if tag == full_tag:
            found.append(child)
        elif tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                found.extend(_unwrap_full(content, full_tag))
        elif tag == W_CUSTOM_XML:
            found.extend(_unwrap_full(child, full_tag))
    return found


def _int_val(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(W_VAL, default))
    except ValueError:
        return default


def _on(element: etree._Element | None) -> bool:
    """An OOXML on/off property: present and not switched off by w:val="0"/"false"/"off"."""
    return element is not None and element.get(W_VAL, "1").lower() not in ("0", "false", "off")


@attrs.define
class _OpenCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


def _read_table(tbl: etree._Element, position: int, options: Options) -> Table:
    grid = tbl.find(W_TBL_GRID)
    n_cols = len(grid.findall(W_GRID_COL)) if grid is not None else 0
    cells: list[_OpenCell] = []
    #: grid column → the cell that last started or continued there (for w:vMerge)
    column_owner: dict[int, _OpenCell] = {}
    marked_header = 0
    header_run = True
    rows = _unwrap(tbl, "tr")
    for r, tr in enumerate(rows):
        tr_pr = tr.find(W_TR_PR)
        col = _int_val(tr_pr.find(W_GRID_BEFORE) if tr_pr is not None else None, 0)
        is_header = _on(tr_pr.find(W_TBL_HEADER) if tr_pr is not None else None)
        if is_header and header_run:
            marked_header += 1
        else:
            header_run = False
        previous: _OpenCell | None = None
        for tc in _unwrap_full(tr, W_TC):
            span, v_merge, h_merge = _cell_properties(tc)
            if h_merge is not None and h_merge.get(W_VAL) != "restart" and previous:
                previous.col_span += span
                col += span
                continue
            owner = column_owner.get(col)
            continues = v_merge is not None and v_merge.get(W_VAL, "continue") == "continue"
            if (
                continues
                and owner is not None
                and owner.row + owner.row_span == r
                and owner.col == col
                and owner.col_span == span
            ):
                owner.row_span += 1
                previous = owner
            else:
                cell = _OpenCell(row=r, col=col, text=cell_text(tc), col_span=span)
                cells.append(cell)
                for c in range(col, col + span):
                    column_owner[c] = cell
                previous = cell
            col += span
        n_cols = max(n_cols, col)
    n_rows = len(rows)
    if n_rows * max(n_cols, 1) > options.limits.max_table_cells:
        from disclosure_parse.errors import ResourceLimitError

        raise ResourceLimitError(
            f"table of {n_rows}x{n_cols} cells exceeds the limit {options.limits.max_table_cells}"
        )
    frozen = tuple(
        Cell(row=c.row, col=c.col, text=c.text, row_span=c.row_span, col_span=c.col_span)
        for c in cells
    )
    return Table(
        cells=frozen,
        n_rows=n_rows,
        n_cols=n_cols,
        marked_header_rows=marked_header,
        label=f"table at block {position + 1}",
    )


def _cell_properties(
    tc: etree._Element,
) -> tuple[int, etree._Element | None, etree._Element | None]:
    """A cell's grid span, w:vMerge and w:hMerge, read in one pass over its w:tcPr (the first
    child by the schema; looked up when a producer put it elsewhere)."""
    tc_pr = tc[0] if len(tc) and tc[0].tag == W_TC_PR else tc.find(W_TC_PR)
    span_element = v_merge = h_merge = None
    if tc_pr is not None:
        for child in tc_pr:
            tag = child.tag
            if tag == W_GRID_SPAN:
                span_element = child
            elif tag == W_V_MERGE:
                v_merge = child
            elif tag == W_H_MERGE:
                h_merge = child
    return max(1, _int_val(span_element, 1)), v_merge, h_merge


def cell_text(tc: etree._Element) -> str:
    """A cell's text: its paragraphs joined by newlines, trailing empty ones dropped."""
    lines: list[str] = []
    for block in tc:
        _block_lines(block, lines)
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def _block_lines(block: etree._Element, lines: list[str]) -> None:
    tag = block.tag
    if tag == W_P:
        lines.append(paragraph_text(block))
    elif tag == W_TBL:
        for tr in _unwrap(block, "tr"):
            for tc in _unwrap(tr, "tc"):
                for inner in tc:
                    _block_lines(inner, lines)
    elif tag in (W_SDT, W_CUSTOM_XML):
        content = block.find(W_SDT_CONTENT) if tag == W_SDT else block
        if content is not None:
            for inner in content:
                _block_lines(inner, lines)


def paragraph_text(p: etree._Element) -> str:
    """Text of one w:p, with w:br as a newline, symbol glyphs and checkboxes as Unicode."""
    out: list[str] = []
    _inline(p, out, _FieldState())
    return "".join(out)


@attrs.define
class _FieldState:
    """Complex-field tracking: instruction text is skipped, the field result kept.

    Fields nest (a PAGE inside an IF): one flag per open field, True while its instruction
    is being read; text counts only when no open field is in its instruction.
    """

    open_fields: list[bool] = attrs.Factory(list)

    @property
    def in_instruction(self) -> bool:
        return any(self.open_fields)


def _inline(element: etree._Element, out: list[str], state: _FieldState) -> None:
    for child in element:
        tag = child.tag
        if tag == W_R:
            _run(child, out, state)
        elif tag == W_SDT:
            checkbox = _checkbox_state(child)
            if checkbox is not None:
                out.append(CHECKED if checkbox else UNCHECKED)
                continue
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                _inline(content, out, state)
        elif tag in (W_DEL, W_MOVE_FROM, W_P_PR, W_R_PR):
            continue
        elif tag == f"{{{MC}}}AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                _inline(choice, out, state)
        else:  # w:hyperlink, w:ins, w:smartTag, w:fldSimple, w:customXml, ...
            _inline(child, out, state)


def _checkbox_state(sdt: etree._Element) -> bool | None:
    """A content-control checkbox (w14:checkbox): its checked state, or None."""
    props = sdt.find(W_SDT_PR)
    if props is None:
        return None
    box = props.find(f"{{{W14}}}checkbox")
    if box is None:
        return None
    checked = box.find(f"{{{W14}}}checked")
    return checked is not None and checked.get(f"{{{W14}}}val", "1") in ("1", "true", "on")


def _run(run: etree._Element, out: list[str], state: _FieldState) -> None:
    font = _run_symbol_font(run)
    for child in run:
        tag = child.tag
        if tag == W_FLD_CHAR:
            kind = child.get(W_FLD_CHAR_TYPE)
            if kind == "begin":
                box = child.find(f"{_w('ffData')}/{_w('checkBox')}")
                if box is not None and not state.in_instruction:
                    out.append(CHECKED if _legacy_checked(box) else UNCHECKED)
                state.open_fields.append(True)
            elif kind == "separate" and state.open_fields:
                state.open_fields[-1] = False
            elif kind == "end" and state.open_fields:
                state.open_fields.pop()
        elif state.in_instruction:
            continue
        elif tag == W_T:
            text = child.text or ""
            out.append(_map_symbol_text(text, font) if font else text)
        elif tag in (W_BR, W_CR):
            if child.get(W_TYPE) not in ("page", "column"):
                out.append("\n")
        elif tag in (W_TAB, W_PTAB):
            out.append(" ")
        elif tag == W_NO_BREAK_HYPHEN:
            out.append("-")
        elif tag == W_SYM:
            out.append(_symbol(child.get(W_FONT, ""), child.get(W_CHAR, "")))
        elif tag == f"{{{MC}}}AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                _inline(choice, out, state)


def _legacy_checked(box: etree._Element) -> bool:
    checked = box.find(W_CHECKED)
    if checked is None:
        checked = box.find(W_DEFAULT)
    return checked is not None and checked.get(W_VAL, "1") in ("1", "true", "on")


def _run_symbol_font(run: etree._Element) -> str | None:
    first = run[0] if len(run) else None
    properties = first if first is not None and first.tag == W_R_PR else run.find(W_R_PR)
    fonts = properties.find(W_R_FONTS) if properties is not None else None
    if fonts is None:
        return None
    name = (fonts.get(W_ASCII) or fonts.get(W_H_ANSI) or "").lower()
    return name if name in SYMBOL_FONTS else None


def _symbol(font: str, code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if value >= 0xF000:
        value -= 0xF000
    table = SYMBOL_FONTS.get(font.lower())
    if table is not None and value in table:
        return table[value]
    # an unknown glyph of a known symbol font stays visible as its private-use code point
    return chr(value) if table is None else chr(0xF000 + value)


def _map_symbol_text(text: str, font: str) -> str:
    table = SYMBOL_FONTS[font]
    return "".join(table.get(ord(ch) - 0xF000 if ord(ch) >= 0xF000 else ord(ch), ch) for ch in text)
