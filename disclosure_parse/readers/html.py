"""HTML reader: a web page's data tables and the text around them, into a `grid.Document`.

Catalogs are published as pages with one or more `<table>`s, often wrapped in layout
tables and site boilerplate. The data tables are the innermost ones; rowspan/colspan
become spanning cells as the HTML table algorithm places them, and text outside tables
becomes paragraphs in document order. libxml2's HTML parser loads no DTD and resolves no
external entities; network access is off.
"""

from __future__ import annotations

import codecs

import attrs
import lxml.html
import regex
from lxml import etree

from disclosure_parse.detect import decode_text
from disclosure_parse.errors import CorruptFileError, ResourceLimitError
from disclosure_parse.grid import Block, Cell, Document, Paragraph, Table
from disclosure_parse.options import Options
from disclosure_parse.readers.docx import SYMBOL_FONTS

#: elements whose content is never catalog text
_DROPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "select",
        "button",
        "iframe",
        "object",
        "embed",
        "svg",
        "map",
        "video",
        "audio",
        "canvas",
    }
)
#: page chrome when it belongs to the site, not to an article (<article><header><h1>…)
_SITE_CHROME = frozenset({"header", "footer"})
_CONTENT_CONTAINERS = frozenset({"article", "main", "section"})
#: elements that end a line (in a cell) or a paragraph (outside tables)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "address",
        "article",
        "section",
        "main",
        "center",
        "figure",
        "figcaption",
        "hr",
        "fieldset",
        "legend",
        "caption",
        "body",
        "html",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
    }
)
#: class/id words of site boilerplate (menus, breadcrumbs, share bars, page footers)
_BOILERPLATE_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "footer",
        "share",
        "toolbar",
        "sidebar",
        "copyright",
        "position",
        "location",
        "skip",
        "topbar",
    }
)
_WORD_SPLIT = regex.compile(r"[\s_\-]+")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
#: HTML whitespace (and no-break space, which pages use as padding) collapses to one space
_WHITESPACE = regex.compile(r"[ \t\r\n\f\u00a0]+")
_META_CHARSET = regex.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", regex.IGNORECASE
)
_FONT_FAMILY = regex.compile(r"font-family\s*:\s*([^;]+)", regex.IGNORECASE)
_FONT_NAME = regex.compile(r"wingdings(?:\s*2)?")
#: a colspan/rowspan above this is a typo or an attack; browsers clamp similarly
_MAX_SPAN = 1000
#: short image alt texts kept as text (tick images: alt="√")
_MAX_ALT = 2
CHECKED, UNCHECKED = "☑", "☐"


def read_html(data: bytes, options: Options) -> Document:
    """Read an HTML page into paragraphs and the tables that hold data, in document order."""
    text = decode_html(data)
    root = _parse(text)
    body = root.find("body")
    flow = _Flow(options=options)
    _walk(body if body is not None else root, flow)
    flow.flush()
    return Document(format="html", blocks=tuple(flow.blocks))


# --- encoding ----------------------------------------------------------------------------


def decode_html(data: bytes) -> str:
    """The page as text: BOM first, then the declared charset, then UTF-8, then GB18030.

    A page no encoding decodes cleanly is decoded with replacement characters.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a page that lies about its charset: fall through to detection
    text = decode_text(data)
    if text is not None:
        return text
    if b"\x00" in data[:4096]:
        raise CorruptFileError("the HTML page is binary or in an unknown encoding")
    # a CMS page with a stray invalid byte: keep the rest rather than reject the page
    return data.decode(declared or "gb18030", errors="replace")


def declared_charset(data: bytes) -> str | None:
    """The codec named by `<meta charset>` or http-equiv Content-Type, widened to a superset."""
    match = _META_CHARSET.search(data[:8192])
    if match is None:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # pages labelled GB2312/GBK routinely use characters only GB18030 (a superset) has
    if codec in ("gb2312", "gbk", "gb18030", "hz"):
        return "gb18030"
    return codec


def _parse(text: str) -> etree._Element:
    """Parse with a no-network libxml2 HTML parser (it loads no DTD, expands no entities)."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise CorruptFileError(f"unreadable HTML page ({error})") from None
    if root is None:
        raise CorruptFileError("the HTML page is empty")
    return root


# --- document flow -----------------------------------------------------------------------


@attrs.define
class _Flow:
    """Blocks found so far and the paragraph text being gathered."""

    options: Options
    blocks: list[Block] = attrs.Factory(list)
    buffer: list[str] = attrs.Factory(list)

    def add(self, text: str) -> None:
        self.buffer.append(text)

    def flush(self) -> None:
        """End the current paragraph; a blank one is dropped."""
        text = _WHITESPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer.clear()
        if text:
            self.blocks.append(Paragraph(text=text))


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_boilerplate(element: etree._Element) -> bool:
    """Scripts, styles, menus, breadcrumbs, hidden elements: nothing a catalog says."""
    if _tag(element) in _DROPPED or not isinstance(element.tag, str):
        return True
    if _tag(element) in _SITE_CHROME and not any(
        _tag(a) in _CONTENT_CONTAINERS for a in element.iterancestors()
    ):
        return True
    if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    if element.get("type", "").lower() == "hidden":
        return True
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(word in _BOILERPLATE_WORDS for word in _WORD_SPLIT.split(words) if word)


def _walk(element: etree._Element, flow: _Flow) -> None:
    """Add the element's text and tables to the flow (its tail is the caller's business)."""
    tag = _tag(element)
    if tag == "table":
        flow.flush()
        _table_or_layout(element, flow)
        flow.flush()
        return
    if tag == "br":
        flow.flush()
        return
    inline = _inline_text(element)
    if inline is not None:
        flow.add(inline)
        return
    block = tag in _BLOCKS
    if block:
        flow.flush()
    if element.text:
        flow.add(element.text)
    for child in element:
        if not is_boilerplate(child):
            _walk(child, flow)
        if child.tail:
            flow.add(child.tail)
    if block:
        flow.flush()


def _inline_text(element: etree._Element) -> str | None:
    """The text that replaces a void element (a checkbox, a tick image), if it has one."""
    tag = _tag(element)
    if tag == "input" and element.get("type", "").lower() in ("checkbox", "radio"):
        return CHECKED if element.get("checked") is not None else UNCHECKED
    if tag == "img":
        alt = (element.get("alt") or "").strip()
        return alt if 0 < len(alt) <= _MAX_ALT else ""
    return None


# --- tables ------------------------------------------------------------------------------


def _table_or_layout(table: etree._Element, flow: _Flow) -> None:
    """A data table becomes a `Table`; a layout table (holding tables) is read as flow."""
    caption = table.find("caption")
    if caption is not None:
        flow.add(cell_text(caption))
        flow.flush()
    rows = table_rows(table)
    if is_layout_table(rows):
        for row in rows:
            for cell in _row_cells(row):
                _walk_cell_as_flow(cell, flow)
        return
    grid = read_table(table, rows, len(flow.blocks), flow.options)
    if grid.n_cols <= 1:
        # a one-column table is a text box (sites set titles and notes in them)
        for number in range(grid.n_rows):
            for box in grid.row_cells(number):
                flow.add(box.text.replace("\n", " "))
                flow.flush()
        return
    flow.blocks.append(grid)


def _walk_cell_as_flow(cell: etree._Element, flow: _Flow) -> None:
    flow.flush()
    if cell.text:
        flow.add(cell.text)
    for child in cell:
        if not is_boilerplate(child):
            _walk(child, flow)
        if child.tail:
            flow.add(child.tail)
    flow.flush()


def is_layout_table(rows: list[etree._Element]) -> bool:
    """A table holding a table at least as tall as itself is page layout, not data.

    A catalog with a small table inside one cell (a channel list) stays a data table.
    """
    inner = [
        nested
        for row in rows
        for cell in _row_cells(row)
        if not is_boilerplate(cell)
        for nested in cell.iter("table")
    ]
    return any(len(table_rows(nested)) >= len(rows) for nested in inner)


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (not nested tables'): thead, then body rows, then tfoot."""
    head: list[etree._Element] = []
    body: list[etree._Element] = []
    foot: list[etree._Element] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            body.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows = [r for r in child if _tag(r) == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[tag].extend(rows)
    return head + body + foot


def _row_cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if _tag(c) in ("td", "th")]


def _span(cell: etree._Element, name: str) -> int:
    raw = regex.match(r"\s*(\d+)", cell.get(name) or "")
    if raw is None:
        return 1
    return min(int(raw.group(1)), _MAX_SPAN)


def read_table(
    table: etree._Element, rows: list[etree._Element], position: int, options: Options
) -> Table:
    """Place the cells on a grid the way browsers do: each skips positions taken from above."""
    n_rows = len(rows)
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    n_cols = 0
    for r, row in enumerate(rows):
        col = 0
        for element in _row_cells(row):
            while (r, col) in taken:
                col += 1
            col_span = max(1, _span(element, "colspan"))
            row_span = _span(element, "rowspan")
            # rowspan="0" reaches the last row; no span reaches past it
            row_span = n_rows - r if row_span == 0 else min(max(1, row_span), n_rows - r)
            if (r + row_span) * (col + col_span) > options.limits.max_table_cells:
                raise ResourceLimitError(
                    f"HTML table spans exceed the limit of {options.limits.max_table_cells} cells"
                )
            for dr in range(row_span):
                for dc in range(col_span):
                    taken.add((r + dr, col + dc))
            cells.append(
                Cell(
                    row=r,
                    col=col,
                    text=cell_text(element),
                    row_span=row_span,
                    col_span=col_span,
                )
            )
            col += col_span
        n_cols = max(n_cols, col)
    n_cols = max([n_cols, *(c + 1 for _, c in taken)]) if taken else n_cols
    return Table(
        cells=tuple(cells),
        n_rows=n_rows,
        n_cols=n_cols,
        marked_header_rows=marked_header_rows(rows),
        label=_label(table, position),
    )


def marked_header_rows(rows: list[etree._Element]) -> int:
    """Leading rows inside `<thead>` or made only of `<th>` cells."""
    count = 0
    for row in rows:
        parent = row.getparent()
        in_head = parent is not None and _tag(parent) == "thead"
        cells = _row_cells(row)
        if in_head or (cells and all(_tag(c) == "th" for c in cells)):
            count += 1
        else:
            break
    return count


def _label(table: etree._Element, position: int) -> str:
    name = table.get("id") or table.get("summary") or ""
    return f"table {name}" if name else f"table at block {position + 1}"


# --- cell text ---------------------------------------------------------------------------


@attrs.define
class _Lines:
    """innerText-like gathering: block edges and `<br>` end lines, spaces collapse."""

    lines: list[str] = attrs.Factory(lambda: [""])
    #: a block edge was passed; the next text starts a new line
    pending_break: bool = False

    def add(self, text: str, keep_spaces: bool = False) -> None:
        if not keep_spaces:
            text = _WHITESPACE.sub(" ", text)
        if not text:
            return
        if self.pending_break and text.strip():
            self.lines.append("")
            self.pending_break = False
        self.lines[-1] += text

    def hard_break(self) -> None:
        self.pending_break = False
        self.lines.append("")

    def soft_break(self) -> None:
        if self.lines[-1].strip():
            self.pending_break = True


def cell_text(cell: etree._Element) -> str:
    """A cell's text: `<br>` and block elements as line breaks, lines trimmed, ends dropped."""
    lines = _Lines()
    _cell_inline(cell, lines, _Style())
    out = [line.strip() for line in lines.lines]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return "\n".join(out)


@attrs.frozen
class _Style:
    """What an element passes to its text: pre-formatted spacing, a symbol font."""

    keep_spaces: bool = False
    #: a symbol font (Wingdings) whose letters stand for glyphs: "þ" is ☑ in Wingdings
    symbol_font: str | None = None


def _cell_inline(element: etree._Element, lines: _Lines, style: _Style) -> None:
    if element.text:
        _add_text(element.text, lines, style)
    for child in element:
        tag = _tag(child)
        if is_boilerplate(child):
            pass
        elif tag == "br":
            lines.hard_break()
        elif (replacement := _inline_text(child)) is not None:
            lines.add(replacement)
        else:
            block = tag in _BLOCKS or tag in ("td", "th")
            if block:
                lines.soft_break()
            inner = _Style(
                keep_spaces=style.keep_spaces or tag == "pre",
                symbol_font=symbol_font(child) or style.symbol_font,
            )
            _cell_inline(child, lines, inner)
            if block:
                lines.soft_break()
        if child.tail:
            _add_text(child.tail, lines, style)


def symbol_font(element: etree._Element) -> str | None:
    """The Wingdings-like font an element sets (style font-family or <font face>), if any."""
    families = [element.get("face") or "", *_FONT_FAMILY.findall(element.get("style") or "")]
    for match in _FONT_NAME.finditer(",".join(families).lower()):
        name = " ".join(match.group(0).split())
        if name in SYMBOL_FONTS:
            return name
    return None


def _add_text(text: str, lines: _Lines, style: _Style) -> None:
    if style.symbol_font is not None:
        table = SYMBOL_FONTS[style.symbol_font]
        text = "".join(table.get(ord(ch) % 0xF000, ch) for ch in text)
    if not style.keep_spaces:
        lines.add(text)
        return
    for number, line in enumerate(text.split("\n")):
        if number:
            lines.hard_break()
        lines.add(line, keep_spaces=True)
