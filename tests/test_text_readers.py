"""Text readers: each test pins one quirk of the two plain-text shapes catalogs come in."""

from __future__ import annotations

from repo_files import ROOT, convert

from disclosure_parse import parse
from disclosure_parse.detect import detect_format
from disclosure_parse.grid import Paragraph, Table
from disclosure_parse.options import Options
from disclosure_parse.readers.text import full_row_width, read_text_cells, read_text_rows

QUZHOU_TXT = "samples/quzhou-city-2018.txt"
XIHU_TXT = "samples/xihu-district-2022.txt"
OPTIONS = Options()


def only_table(blocks: tuple[Paragraph | Table, ...]) -> Table:
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


def cells_text(data: str) -> list[list[str]]:
    table = only_table(read_text_cells(data.encode("utf-8"), OPTIONS).blocks)
    return [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)]


# --- Word plain-text export ("text-cells") ----------------------------------------------

SMALL_CELLS = (
    "某局公开目录\n"
    "\t序号\n\t公开属性\n\n（勾选）\n\t公开内容\n\n"
    "\t\n\t主动公开\n\t依申请公开\n\t\n\n"
    "\t1\n\t√\n\t\n\t机构\n职能\n\n"
    "\t2\n\t决策\n\n预公开\n\t√\n\t\n\n"
    "（备注：无）\n"
    "PAGE  \n5\n"
)


def test_blank_line_inside_cell_is_not_a_row_end() -> None:
    rows = cells_text(SMALL_CELLS)
    assert rows[0] == ["序号", "公开属性\n\n（勾选）", "公开内容"]
    assert rows[3] == ["2", "决策\n\n预公开", "√", ""]


def test_line_without_tab_continues_the_cell_above() -> None:
    assert cells_text(SMALL_CELLS)[2] == ["1", "√", "", "机构\n职能"]


def test_tab_alone_is_an_empty_cell_not_a_blank_line() -> None:
    assert cells_text(SMALL_CELLS)[1] == ["", "主动公开", "依申请公开", ""]


def test_full_width_is_the_commonest_row_length() -> None:
    lines = SMALL_CELLS.split("\n")
    assert full_row_width(lines) == 4


def test_text_after_a_full_row_is_a_paragraph_not_a_cell() -> None:
    blocks = read_text_cells(SMALL_CELLS.encode("utf-8"), OPTIONS).blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["某局公开目录", "（备注：无）", "PAGE  ", "5"]
    assert isinstance(blocks[1], Table)


def test_text_cells_table_is_marked_inexact() -> None:
    table = only_table(read_text_cells(SMALL_CELLS.encode("utf-8"), OPTIONS).blocks)
    assert table.exact_columns is False
    assert table.n_cols == 4


def test_quzhou_txt_is_detected_as_text_cells() -> None:
    data = (ROOT / QUZHOU_TXT).read_bytes()
    assert detect_format(data, QUZHOU_TXT) == "text-cells"


def test_quzhou_txt_gives_137_items_under_47_seq_without_repairs() -> None:
    catalog = convert(QUZHOU_TXT)
    assert len(catalog.items) == 137
    assert len({item.seq for item in catalog.items}) == 47
    assert [w.code for w in catalog.warnings] == ["dropped-artifact"]  # PAGE 5
    assert catalog.title == "衢州市政府信息主动公开基本目录"
    assert catalog.issuer == "衢州市人民政府办公室"
    assert str(catalog.issued_on) == "2018-12-29"


def test_quzhou_txt_header_spans_come_out_as_sixteen_mapped_columns() -> None:
    catalog = convert(QUZHOU_TXT)
    fields = [c.field for c in catalog.columns]
    assert fields[:3] == ["seq", "category.1", "category.2"]
    assert fields[8:10] == ["disclosure.proactive", "disclosure.on_request"]
    assert fields[10:15] == [
        "five_publics.decision",
        "five_publics.execution",
        "five_publics.management",
        "five_publics.service",
        "five_publics.result",
    ]
    assert fields[15] == "channels"


def test_quzhou_txt_seq3_decision_preview_row_reads_as_the_seed_says() -> None:
    catalog = convert(QUZHOU_TXT)
    item = next(
        i for i in catalog.items if i.seq == "3" and i.category == ("决策预公开", "征求意见")
    )
    assert item.subjects == ("法制办",)
    assert item.basis == (
        "公开条例",
        "中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）",
    )
    assert item.content == "涉及重大民生决策征求意见"
    assert item.update_cycle == "实时更新"


def test_quzhou_txt_first_row_joins_line_broken_labels() -> None:
    first = convert(QUZHOU_TXT).items[0]
    assert first.seq == "1"
    assert first.category == ("机构概况", "机构职能")
    assert first.update_cycle == "实时更新"
    assert first.time_limit == "10个工作日内公开"
    assert [d.value for d in first.disclosure] == ["proactive"]
    assert first.channels == ("政府门户网站专栏", "本部门网站")


def test_gbk_and_bom_input_read_the_same_as_utf8() -> None:
    text = (ROOT / QUZHOU_TXT).read_text(encoding="utf-8")
    utf8 = parse(text.encode("utf-8"))
    gbk = parse(text.encode("gbk"))
    bom = parse(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert gbk.items == utf8.items
    assert bom.items == utf8.items
    assert bom.title == gbk.title == utf8.title


def test_gbk_tab_rows_read_the_same_as_utf8() -> None:
    text = (ROOT / XIHU_TXT).read_text(encoding="utf-8")
    assert parse(text.encode("gb18030")).items == parse(text.encode("utf-8")).items


# --- tab-per-row export ("text-rows") ---------------------------------------------------

SMALL_ROWS = (
    "\n目录标题\n\n"
    "序号\t公开内容\t公开时限\n"
    "1\t甲\t7个工作日内\t\n"
    "\n"
    "2\t乙\n"
    "专题\n"
    "3\t丙\t即时\n"
    "落款\n"
)


def rows_table() -> Table:
    return only_table(read_text_rows(SMALL_ROWS.encode("utf-8"), OPTIONS).blocks)


def test_each_line_is_a_row_and_its_cell_count_may_vary() -> None:
    table = rows_table()
    lengths = [len(table.row_cells(r)) for r in range(table.n_rows)]
    assert lengths == [3, 4, 2, 1, 3]
    assert table.n_cols == 4
    assert table.exact_columns is False


def test_lone_line_inside_the_table_is_a_one_cell_fragment_row() -> None:
    table = rows_table()
    assert [c.text for c in table.row_cells(3)] == ["专题"]


def test_blank_line_inside_the_table_is_a_page_break() -> None:
    table = rows_table()
    pages = [table.row_cells(r)[0].page for r in range(table.n_rows)]
    assert pages == [1, 1, 2, 2, 2]


def test_lines_outside_the_tab_rows_are_paragraphs() -> None:
    blocks = read_text_rows(SMALL_ROWS.encode("utf-8"), OPTIONS).blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["目录标题", "落款"]


def test_xihu_txt_is_detected_as_text_rows() -> None:
    data = (ROOT / XIHU_TXT).read_bytes()
    assert detect_format(data, XIHU_TXT) == "text-rows"


def test_input_format_option_forces_the_reader() -> None:
    data = (ROOT / QUZHOU_TXT).read_bytes()
    forced = parse(data, Options(input_format="text-cells"))
    assert forced.source.format == "text-cells"
    assert len(forced.items) == 137
