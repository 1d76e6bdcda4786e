"""Round trip (issue 5): the random catalogs of `catalog_strategies` written as a web page
and as an Excel workbook parse back to the same items, title, issuer and date.

HTML: a page with an `<h1>` title, the table (rowspan/colspan for real merges, `<br>` for
line breaks, `<th>` or `<thead>` header cells when the header is marked, `&nbsp;` or
nothing in empty cells, pretty-printed or not, cell lines as Word's `<p>`s, the page in a
layout table, a breadcrumb and a site footer),
the notes, issuer and date in `<p>`s; UTF-8 or GBK (`<meta charset="gbk">`). XLSX: a title
row merged across the sheet, the table (merged ranges with the value top-left, "\\n" inside
cells, 序号 as numbers or text, the header as print titles when marked), notes below.
Lost merges (empty cells) only where the rules inherit, as in the .docx round trip.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_strategies import (
    HEADER_ROWS,
    SIGNATURE_IN_ONE_PARAGRAPH,
    TITLE,
    Catalog,
    Slot,
    after_table,
    assert_round_trip,
    catalogs,
    table_slots,
)
from html_builder import Td, build_html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_builder import Span, build_xlsx

from disclosure_parse import parse

ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: (ticked, unticked) cell content per style: text, or raw HTML where it starts with "<"
HTML_TICKS: dict[str, tuple[str, str]] = {
    "√": ("√", ""),
    "√ /": ("√", "/"),
    "✓": ("✓", ""),
    "☑": ("☑", "☐"),
    "■": ("■", "□"),
    "是": ("是", "否"),
    "checkbox": ('<input type="checkbox" checked disabled>', '<input type="checkbox" disabled>'),
    "wingdings": (
        '<span style="font-family: Wingdings">þ</span>',
        '<span style="font-family: Wingdings">¨</span>',
    ),
    "wingdings 2": ('<font face="Wingdings 2">R</font>', '<font face="Wingdings 2">£</font>'),
    "img": ('<img src="images/tick.gif" alt="√">', ""),
}
XLSX_TICKS: dict[str, tuple[str, str]] = {
    "√": ("√", ""),
    "√ /": ("√", "/"),
    "✓": ("✓", ""),
    "✔ —": ("✔", "—"),
    "☑": ("☑", "☐"),
    "■": ("■", "□"),
    "●": ("●", ""),
    "是": ("是", "否"),
}


# --- HTML --------------------------------------------------------------------------------


def html_rows(catalog: Catalog) -> list[list[Td]]:
    """Each row's cells, in the order HTML lists them (positions spanned from above skipped)."""
    slots, n_rows, _ = table_slots(catalog)
    ticked, unticked = HTML_TICKS[catalog.tick_style]
    rows: list[list[Td]] = [[] for _ in range(n_rows)]
    for slot in slots:
        text = slot.text if slot.tick is None else ticked if slot.tick else unticked
        raw = text if text.startswith("<") else None
        head = slot.row < HEADER_ROWS and catalog.header_marked
        rows[slot.row].append(Td("" if raw else text, slot.rows, slot.cols, head, raw))
    return rows


@dataclass(frozen=True)
class Page:
    """How the page around the table is written (see `build_html`)."""

    encoding: str
    thead: bool
    pretty: bool
    empty: str
    chrome: bool
    paragraphs: bool
    layout: bool
    #: issuer and date in one `<p>`, a `<br>` between them (two lines: always read right)
    joined_signature: bool


pages = st.builds(
    Page,
    encoding=st.sampled_from(["utf-8", "gbk"]),
    thead=st.booleans(),
    pretty=st.booleans(),
    empty=st.sampled_from(["", "&nbsp;"]),
    chrome=st.booleans(),
    paragraphs=st.booleans(),
    layout=st.booleans(),
    joined_signature=st.booleans(),
)


def write_html(catalog: Catalog, page: Page) -> bytes:
    return build_html(
        html_rows(catalog),
        title=TITLE,
        after=after_table(page.joined_signature),
        encoding=page.encoding,
        head_rows=HEADER_ROWS if catalog.header_marked and page.thead else 0,
        pretty=page.pretty,
        empty=page.empty,
        chrome=page.chrome,
        paragraphs=page.paragraphs,
        layout=page.layout,
    )


@ROUND_TRIP
@given(catalogs(sorted(HTML_TICKS)), pages)
def test_random_catalog_round_trips_through_an_html_page(catalog: Catalog, page: Page) -> None:
    assert_round_trip(catalog, parse(write_html(catalog, page)))


# --- XLSX --------------------------------------------------------------------------------


def xlsx_spans(catalog: Catalog, numeric_seq: bool) -> list[Span]:
    """The slots as cell values and merged ranges; 序号 "3" as the number 3 if `numeric_seq`."""
    slots, _, _ = table_slots(catalog)
    ticked, unticked = XLSX_TICKS[catalog.tick_style]
    return [
        Span(s.row, s.col, _value(s, ticked, unticked, numeric_seq), s.rows, s.cols) for s in slots
    ]


def _value(slot: Slot, ticked: str, unticked: str, numeric_seq: bool) -> str | int | None:
    text = slot.text if slot.tick is None else ticked if slot.tick else unticked
    if numeric_seq and slot.row >= HEADER_ROWS and slot.col == 0 and text.isdigit():
        return int(text)
    return text or None


@dataclass(frozen=True)
class Sheet:
    """How the sheet around the table is written (see `build_xlsx`)."""

    numeric_seq: bool
    first_col: int
    gap_above: int
    gap_below: int
    #: issuer and date in one cell, a line break between them (see SIGNATURE_IN_ONE_PARAGRAPH)
    joined_signature: bool


sheets = st.builds(
    Sheet,
    numeric_seq=st.booleans(),
    first_col=st.integers(1, 2),
    gap_above=st.integers(0, 1),
    gap_below=st.integers(1, 2),
    joined_signature=st.booleans(),
)


def write_xlsx(catalog: Catalog, sheet: Sheet) -> bytes:
    return build_xlsx(
        xlsx_spans(catalog, sheet.numeric_seq),
        title=TITLE,
        after=after_table(sheet.joined_signature and SIGNATURE_IN_ONE_PARAGRAPH),
        first_col=sheet.first_col,
        gap_above=sheet.gap_above,
        gap_below=sheet.gap_below,
        header_rows=HEADER_ROWS if catalog.header_marked else 0,
    )


@ROUND_TRIP
@given(catalogs(sorted(XLSX_TICKS)), sheets)
def test_random_catalog_round_trips_through_an_xlsx_workbook(
    catalog: Catalog, sheet: Sheet
) -> None:
    assert_round_trip(catalog, parse(write_xlsx(catalog, sheet)))


# --- what the property found ------------------------------------------------------------------


def test_issuer_and_date_in_one_cell_are_read() -> None:
    table = [Span(0, c, text) for c, text in enumerate(["序号", "公开内容", "公开主体"])]
    table += [Span(1, c, text) for c, text in enumerate(["1", "基本信息", "市政府办公室"])]
    after = ["衢州市人民政府办公室\n2018年12月29日"]
    parsed = parse(build_xlsx(table, title=TITLE, after=after))
    assert (parsed.issuer, str(parsed.issued_on)) == ("衢州市人民政府办公室", "2018-12-29")
    assert parsed.notes == ()
