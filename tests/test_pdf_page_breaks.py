"""PDF cell and row boundaries: page breaks, rows of several lines, empty merges, sub-rows.

The catalogs in tests/data/ were written as .docx (python-docx) and printed by
LibreOffice (tests/data/build_pdf_page_breaks.py); each PDF must give the grid and the
items of its .docx, the reference for cell structure. Grids are compared with line
breaks and spaces inside cell text removed: a line break where a line fills its column
exactly is invisible in a PDF.
"""

from __future__ import annotations

import pytest
from pdf_builder import Page, drawn_pdf
from repo_files import ROOT, convert, items_apart_from_position, metadata

from disclosure_parse.grid import Cell, Table
from disclosure_parse.pipeline import read_document
from disclosure_parse.readers.pdf import breaks
from disclosure_parse.readers.pdf.layout import PageCell
from disclosure_parse.readers.pdf.text_lines import TextLine

DOCUMENTS = ("page-break-labels", "page-break-labels-top", "page-break-rows", "sub-rows")


def table_of(path: str) -> Table:
    document = read_document((ROOT / path).read_bytes(), path)
    tables = [block for block in document.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    return tables[0]


def shape(table: Table) -> list[tuple[int, int, int, int, str]]:
    """Every cell's position, spans and text without whitespace."""
    return sorted(
        (c.row, c.col, c.row_span, c.col_span, "".join(c.text.split())) for c in table.cells
    )


def cell_with(table: Table, text: str) -> Cell:
    found = [c for c in table.cells if "".join(c.text.split()) == text]
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_gives_the_grid_of_its_docx(name: str) -> None:
    pdf, docx = table_of(f"tests/data/{name}.pdf"), table_of(f"tests/data/{name}.docx")
    assert (pdf.n_rows, pdf.n_cols) == (docx.n_rows, docx.n_cols)
    assert shape(pdf) == shape(docx)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_gives_the_items_of_its_docx(name: str) -> None:
    pdf, docx = convert(f"tests/data/{name}.pdf"), convert(f"tests/data/{name}.docx")
    assert items_apart_from_position(pdf) == items_apart_from_position(docx)
    assert metadata(pdf) == metadata(docx)
    # the same calls in both formats (where they were made is named per format)
    said = [(w.code, w.message) for w in pdf.warnings]
    assert said == [(w.code, w.message) for w in docx.warnings]
    assert {code for code, _ in said} <= {"column-role-assumed"}


# --- a merged label at a page foot, another at the next head ----------------------------


@pytest.mark.parametrize("name", ["page-break-labels", "page-break-labels-top"])
def test_label_ending_at_a_page_foot_and_label_at_the_next_head_are_two_cells(name: str) -> None:
    """重大建设项目 (two rows, its two lines fill them) ends page 1; 规划计划 (five rows)
    begins page 2. Both are ruled; a centred label's empty first lines prove nothing."""
    table = table_of(f"tests/data/{name}.pdf")
    foot, head = cell_with(table, "重大建设项目"), cell_with(table, "规划计划")
    assert (foot.row_span, foot.page) == (2, 1)
    assert (head.row, head.row_span, head.page) == (foot.row + 2, 5, 2)
    assert table.text_at(foot.row + 1, 2) == "事项52"
    assert table.text_at(head.row, 2) == "事项53"


@pytest.mark.parametrize("name", ["page-break-labels", "page-break-labels-top"])
def test_merged_label_crossing_a_page_break_is_one_cell(name: str) -> None:
    """财政信息 covers three rows on page 2 and three on page 3; its piece on page 3 is
    empty (the label was set on page 2), so the merge goes on."""
    table = table_of(f"tests/data/{name}.pdf")
    label = cell_with(table, "财政信息")
    assert (label.row_span, label.page) == (6, 2)
    pages = {table.cell_at(r, 2).page for r in range(label.row, label.row + 6)}  # type: ignore[union-attr]
    assert pages == {2, 3}
    responsible = table.cell_at(label.row, 5)
    assert responsible is not None
    assert (responsible.text, responsible.row, responsible.row_span) == ("财务科", label.row, 6)


@pytest.mark.parametrize("name", ["page-break-labels", "page-break-labels-top", "sub-rows"])
def test_empty_merged_cell_is_one_cell_with_its_spans(name: str) -> None:
    """An empty cell ruled over several rows (or columns) is one `Cell`, as a DOCX
    vMerge/gridSpan is: normalize tells a real merge from a merely empty cell by it.
    In the page-break catalogs the 公开依据 merge crosses the page 2/3 break."""
    table = table_of(f"tests/data/{name}.pdf")
    empty = [c for c in table.cells if not c.text and (c.row_span > 1 or c.col_span > 1)]
    spans = sorted((c.row_span, c.col_span) for c in empty)
    if name == "sub-rows":
        assert spans == [(1, 2), (2, 1)]
    else:
        assert spans == [(1, 2), (6, 1)]
        down = next(c for c in empty if c.row_span == 6)
        assert down.col == 4 and down.page == 2
        assert table.cell_at(down.row + 5, 2).page == 3  # type: ignore[union-attr]


# --- rows ---------------------------------------------------------------------------------


def test_row_cut_by_a_page_break_is_one_row() -> None:
    """年度报告 may break across pages (Word's default) and does: its cells go on at the
    top of page 2. LibreOffice sets the row's short cells at the top of their piece
    (instead of centred, as elsewhere in their columns): that is the evidence."""
    table = table_of("tests/data/page-break-rows.pdf")
    label = cell_with(table, "年度报告")
    assert (label.row_span, label.page) == (1, 1)
    content = table.text_at(label.row, 2)
    assert content.endswith("视频解读")
    assert "".join(content.split()) == (
        "政府信息公开工作年度报告全文及其解读材料，包括文字解读、图片解读和视频解读"
    )
    assert table.text_at(label.row, 3).endswith("（国办发〔2019〕54号）")
    assert table.text_at(label.row + 1, 1).startswith("事项")


def test_neighbouring_rows_of_three_lines_at_a_page_break_stay_two_rows() -> None:
    """Every cell of both rows holds three lines that fill it, so neither row shows how
    its cells are aligned; the ruled break between them keeps them apart."""
    table = table_of("tests/data/page-break-rows.pdf")
    first, second = cell_with(table, "行政执法公示"), cell_with(table, "行政许可公示")
    assert (first.page, second.page) == (2, 3)
    assert second.row == first.row + 1
    assert "".join(table.text_at(second.row, 1).split()) == "许可事项清单"


def test_sub_rows_divided_by_rules_are_grid_rows_under_spanning_cells() -> None:
    """公开内容 of item 1 is ruled into 【机构名称】/【联系方式】/【办公地址】; every other
    cell of the item spans the three sub-rows."""
    table = table_of("tests/data/sub-rows.pdf")
    name = cell_with(table, "【机构名称】")
    assert [table.text_at(name.row + i, 3) for i in range(3)] == [
        "【机构名称】",
        "【联系方式】",
        "【办公地址】",
    ]
    spanning = [c for c in table.row_cells(name.row) if c.col != 3]
    assert [c.text for c in spanning] == [
        "1",
        "机构信息",
        "机构概况",
        "《条例》",
        "办公室",
        "即时",
        "主动公开",
    ]
    assert {c.row_span for c in spanning} == {3}


def test_sub_rows_give_one_item_each_with_the_spanning_values() -> None:
    items = convert("tests/data/sub-rows.pdf").items
    assert [i.content for i in items[:3]] == ["【机构名称】", "【联系方式】", "【办公地址】"]
    assert {(i.seq, i.category, i.subjects) for i in items[:3]} == {
        ("1", ("机构信息", "机构概况"), ("办公室",))
    }


# --- ruling lines that leave a page break open --------------------------------------------

COLUMNS = (72, 222, 372)


def two_page_table(
    foot_rule: tuple[float, float] | None, head_rule: tuple[float, float] | None
) -> bytes:
    """A two-column table: a header and a row at the foot of page 1, a row and another at
    the head of page 2. `foot_rule` / `head_rule`: the x-range the rule at the break
    covers on each side (None: none, the break left open)."""
    vertical_1 = [(x, 760, x, 700) for x in COLUMNS]
    vertical_2 = [(x, 800, x, 740) for x in COLUMNS]
    page_1 = [(72, 760, 372, 760), (72, 735, 372, 735), *vertical_1]
    page_2 = [(72, 775, 372, 775), (72, 740, 372, 740), *vertical_2]
    if foot_rule is not None:
        page_1.append((foot_rule[0], 700, foot_rule[1], 700))
    if head_rule is not None:
        page_2.append((head_rule[0], 800, head_rule[1], 800))
    return drawn_pdf(
        [
            Page(
                lines=page_1,
                texts=[
                    (76, 745, "Item"),
                    (226, 745, "Content"),
                    (76, 722, "alpha one"),
                    (226, 722, "beta one"),
                ],
            ),
            Page(
                lines=page_2,
                texts=[
                    (76, 787, "alpha two"),
                    (226, 787, "beta two"),
                    (76, 752, "gamma"),
                    (226, 752, "delta"),
                ],
            ),
        ]
    )


def words(table: Table) -> list[tuple[int, int, int, list[str]]]:
    return sorted((c.row, c.col, c.row_span, c.text.split()) for c in table.cells)


def read_table(data: bytes) -> Table:
    tables = [b for b in read_document(data, "drawn.pdf").blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


def test_row_left_open_at_a_page_break_is_one_row() -> None:
    """No rule closes the row at the foot of page 1 nor opens it at the head of page 2:
    the side rules run on, and so does the row."""
    table = read_table(two_page_table(None, None))
    assert words(table) == [
        (0, 0, 1, ["Item"]),
        (0, 1, 1, ["Content"]),
        (1, 0, 1, ["alpha", "one", "alpha", "two"]),
        (1, 1, 1, ["beta", "one", "beta", "two"]),
        (2, 0, 1, ["gamma"]),
        (2, 1, 1, ["delta"]),
    ]


def test_cell_left_open_at_a_page_break_goes_on_and_a_closed_one_does_not() -> None:
    """The break is ruled under 'beta one' and over 'beta two' only: the producer marks
    cuts by leaving them open, so 'alpha' is one merged cell and 'beta two' a new one."""
    table = read_table(two_page_table((222, 372), (222, 372)))
    assert words(table) == [
        (0, 0, 1, ["Item"]),
        (0, 1, 1, ["Content"]),
        (1, 0, 2, ["alpha", "one", "alpha", "two"]),
        (1, 1, 1, ["beta", "one"]),
        (2, 1, 1, ["beta", "two"]),
        (3, 0, 1, ["gamma"]),
        (3, 1, 1, ["delta"]),
    ]


def test_rows_ruled_on_both_sides_of_a_page_break_stay_apart() -> None:
    """Closed on both sides and nothing in the layout says the row was cut: two rows."""
    table = read_table(two_page_table((72, 372), (72, 372)))
    assert [c.text for c in table.cells if c.col == 0] == [
        "Item",
        "alpha one",
        "alpha two",
        "gamma",
    ]


# --- the page-break rules on their own ------------------------------------------------------

LINE = 12.0  # a 10 pt line and its leading


def piece(
    col: int, top: float, bottom: float, *lines: tuple[float, str], rows: int = 1
) -> PageCell:
    """A cell piece of one column (60 pt wide) with text lines at the given tops."""
    x0 = 60.0 * col
    cell = PageCell(0, rows, col, col + 1, x0, x0 + 60.0, top, bottom)
    cell.lines = [
        TextLine(text, x0 + 2, x0 + 2 + 10 * len(text), t, t + 10.0, 10.0, 10.0)
        for t, text in lines
    ]
    return cell


def decide(
    pairs: list[breaks.Pair], foot: list[tuple[PageCell, bool]], height: float
) -> breaks.Decision:
    return breaks.decide(
        pairs,
        [p.head for p in pairs],
        breaks.Foot(tuple(foot), height),
        breaks.TableShape(LINE, 2 * LINE),
    )


def test_centred_label_at_a_page_head_is_new_however_empty_its_first_lines() -> None:
    """A label merge filling its foot piece, then a label centred in a tall head piece
    (its first lines empty): nothing says the label above was cut."""
    foot = piece(0, 700, 2 * LINE + 700, (700, "重大建设"), (712, "项目"), rows=2)
    head = piece(0, 50, 50 + 5 * LINE, (76, "规划计划"), rows=5)
    pair = breaks.Pair(head, foot, foot_is_merge=True, merge_column=True)
    assert decide([pair], [(foot, True)], LINE) == breaks.Decision(frozenset(), row_cut=False)


def test_rows_of_full_multi_line_cells_stay_apart() -> None:
    """Every cell at the foot holds three lines that fill it: no cell shows alignment."""
    feet = [
        piece(c, 700, 700 + 3 * LINE, (700, "行政"), (712, "执法"), (724, "公示")) for c in range(3)
    ]
    heads = [
        piece(c, 50, 50 + 3 * LINE, (50, "行政"), (62, "许可"), (74, "公示")) for c in range(3)
    ]
    pairs = [
        breaks.Pair(h, f, foot_is_merge=False, merge_column=False)
        for h, f in zip(heads, feet, strict=True)
    ]
    decision = decide(pairs, [(f, True) for f in feet], 3 * LINE)
    assert decision == breaks.Decision(frozenset(), row_cut=False)


def test_row_whose_short_cells_ended_and_long_cells_go_on_is_cut() -> None:
    """序号 ended with room below and has nothing at the head; 公开内容 fills its piece
    with several lines and goes on: the row was cut (a top-aligned table)."""
    seq_foot, seq_head = piece(0, 700, 700 + 4 * LINE, (700, "39")), piece(0, 50, 50 + 2 * LINE)
    text_foot = piece(1, 700, 700 + 4 * LINE, *((700 + LINE * i, "解读材料") for i in range(4)))
    text_head = piece(1, 50, 50 + 2 * LINE, (50, "视频解读"), (62, "材料"))
    pairs = [
        breaks.Pair(seq_head, seq_foot, foot_is_merge=False, merge_column=False),
        breaks.Pair(text_head, text_foot, foot_is_merge=False, merge_column=False),
    ]
    decision = decide(pairs, [(seq_foot, False), (text_foot, False)], 4 * LINE)
    assert decision == breaks.Decision(frozenset({0, 1}), row_cut=True)
