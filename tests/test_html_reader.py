"""The HTML reader, one test per quirk of published catalog pages it must survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_parse import parse
from disclosure_parse.detect import detect_format
from disclosure_parse.errors import CorruptFileError, NoCatalogTableError
from disclosure_parse.grid import Document, Paragraph, Table
from disclosure_parse.options import DEFAULT_OPTIONS
from disclosure_parse.readers.html import read_html

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "national-standard-township.html"


def read(page: str, encoding: str = "utf-8") -> Document:
    return read_html(page.encode(encoding), DEFAULT_OPTIONS)


def tables(document: Document) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


def paragraphs(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def one_table(page: str) -> Table:
    found = tables(read(page))
    assert len(found) == 1
    return found[0]


def grid(table: Table) -> list[list[str]]:
    return [[table.text_at(r, c) for c in range(table.n_cols)] for r in range(table.n_rows)]


# --- grid geometry -----------------------------------------------------------------------


def test_rowspan_is_one_spanning_cell_not_repeated_text() -> None:
    table = one_table(
        "<table><tr><td rowspan='3'>最低生活保障</td><td>认定</td></tr>"
        "<tr><td>结果</td></tr><tr><td>给付</td></tr></table>"
    )
    first = table.cell_at(0, 0)
    assert first is not None and first.row_span == 3 and first.text == "最低生活保障"
    assert table.cell_at(2, 0) is first
    assert [c.text for c in table.cells].count("最低生活保障") == 1


def test_cell_after_a_rowspan_skips_the_covered_column() -> None:
    table = one_table(
        "<table><tr><td>1</td><td rowspan='2'>政策法规</td><td>a</td><td>x</td></tr>"
        "<tr><td>2</td><td>b</td><td>y</td></tr></table>"
    )
    assert grid(table) == [["1", "政策法规", "a", "x"], ["2", "政策法规", "b", "y"]]
    assert table.cell_at(1, 2) is not None and table.cell_at(1, 2).col == 2  # type: ignore[union-attr]


def test_colspan_header_over_two_sub_columns() -> None:
    table = one_table(
        "<table><tr><th rowspan=2>序号</th><th colspan=2>公开事项</th></tr>"
        "<tr><th>一级事项</th><th>二级事项</th></tr></table>"
    )
    group = table.cell_at(0, 1)
    assert group is not None and group.col_span == 2 and table.cell_at(0, 2) is group
    assert grid(table)[1] == ["序号", "一级事项", "二级事项"]


def test_rowspan_past_the_last_row_is_cut_at_the_table_end() -> None:
    table = one_table(
        "<table><tr><td rowspan='9'>主体</td><td>a</td></tr><tr><td>b</td></tr></table>"
    )
    assert table.n_rows == 2 and table.cell_at(0, 0).row_span == 2  # type: ignore[union-attr]


def test_rowspan_zero_reaches_the_last_row() -> None:
    table = one_table(
        "<table><tr><td rowspan='0'>主体</td><td>a</td></tr><tr><td>b</td></tr>"
        "<tr><td>c</td></tr></table>"
    )
    assert table.cell_at(0, 0).row_span == 3  # type: ignore[union-attr]


def test_span_attribute_with_junk_is_read_like_a_browser() -> None:
    table = one_table(
        "<table><tr><td colspan='2px'>标题</td></tr><tr><td>a</td><td>b</td></tr></table>"
    )
    assert table.cell_at(0, 0).col_span == 2  # type: ignore[union-attr]


def test_short_row_leaves_the_missing_positions_empty() -> None:
    table = one_table("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>")
    assert table.n_cols == 3 and table.cell_at(1, 2) is None


# --- cell text ---------------------------------------------------------------------------


def test_br_inside_a_cell_is_a_line_break() -> None:
    table = one_table(
        "<table><tr><td>■政府网站<br>□政府公报<br/>■公开查阅点</td><td>x</td></tr></table>"
    )
    assert table.text_at(0, 0) == "■政府网站\n□政府公报\n■公开查阅点"


def test_word_pasted_paragraphs_inside_a_cell_are_lines_without_blank_ones() -> None:
    table = one_table(
        "<table><tr><td><p><span>1.事项名称</span></p>\n  <p><span>2.申请条件</span></p>"
        "<div><p>3.办理流程</p></div></td><td>x</td></tr></table>"
    )
    assert table.text_at(0, 0) == "1.事项名称\n2.申请条件\n3.办理流程"


def test_source_line_wrapping_inside_a_cell_is_a_space_not_a_break() -> None:
    table = one_table("<table><tr><td>县民政局\n    乡镇人民政府</td><td>x</td></tr></table>")
    assert table.text_at(0, 0) == "县民政局 乡镇人民政府"


def test_nbsp_only_cell_is_empty() -> None:
    table = one_table("<table><tr><td>&nbsp;</td><td> &nbsp; </td><td>√</td></tr></table>")
    assert grid(table) == [["", "", "√"]]


def test_double_br_keeps_an_empty_line() -> None:
    table = one_table("<table><tr><td>决策<br><br>预公开</td><td>x</td></tr></table>")
    assert table.text_at(0, 0) == "决策\n\n预公开"


def test_checkbox_inputs_become_tick_glyphs() -> None:
    table = one_table(
        "<table><tr><td><input type='checkbox' checked>政府网站 "
        "<input type=checkbox>政府公报</td><td>x</td></tr></table>"
    )
    assert table.text_at(0, 0) == "☑政府网站 ☐政府公报"


def test_wingdings_letters_pasted_from_word_become_tick_glyphs() -> None:
    table = one_table(
        '<table><tr><td><span style="font-family:Wingdings">þ</span>政府网站 '
        "<span style='font-family:\"Wingdings 2\"'>R</span>公共资源交易平台 "
        '<font face="Wingdings 2">£</font>政府公报 <span style="font-family:宋体">R</span>'
        "</td><td>x</td></tr></table>"
    )
    assert table.text_at(0, 0) == "☑政府网站 ☑公共资源交易平台 □政府公报 R"


def test_tick_image_keeps_its_short_alt_text() -> None:
    table = one_table("<table><tr><td><img src='tick.gif' alt='√'></td><td>x</td></tr></table>")
    assert table.text_at(0, 0) == "√"


def test_script_inside_a_cell_is_not_text() -> None:
    table = one_table(
        "<table><tr><td>全社会<script>document.write('x')</script></td><td>x</td></tr></table>"
    )
    assert table.text_at(0, 0) == "全社会"


# --- header marks ------------------------------------------------------------------------


def test_th_rows_count_as_marked_header_rows() -> None:
    table = one_table(
        "<table><tr><th>序号</th><th>公开内容</th></tr><tr><td>1</td><td>a</td></tr></table>"
    )
    assert table.marked_header_rows == 1


def test_thead_rows_count_even_with_td_cells() -> None:
    table = one_table(
        "<table><thead><tr><td>序号</td><td>公开事项</td></tr><tr><td></td><td>一级</td></tr>"
        "</thead><tbody><tr><td>1</td><td>a</td></tr></tbody></table>"
    )
    assert table.marked_header_rows == 2


def test_th_only_in_the_first_column_is_not_a_header_row() -> None:
    table = one_table("<table><tr><th>公开依据</th><td>《条例》</td></tr></table>")
    assert table.marked_header_rows == 0


def test_tfoot_written_first_is_read_last() -> None:
    table = one_table(
        "<table><tfoot><tr><td>合计</td><td>2</td></tr></tfoot>"
        "<tbody><tr><td>1</td><td>a</td></tr></tbody></table>"
    )
    assert grid(table)[-1] == ["合计", "2"]


# --- page structure ----------------------------------------------------------------------


def test_text_outside_tables_becomes_paragraphs_in_document_order() -> None:
    document = read(
        "<html><body><h1>某镇标准目录</h1><p>说明文字</p>"
        "<table><tr><td>序号</td><td>公开内容</td></tr></table>"
        "<p>某镇人民政府</p><div>2021年6月28日</div></body></html>"
    )
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph", "Paragraph"]
    assert paragraphs(document) == ["某镇标准目录", "说明文字", "某镇人民政府", "2021年6月28日"]


def test_br_outside_a_table_separates_paragraphs() -> None:
    document = read("<p>青山县白石镇人民政府<br>2021年6月28日</p>")
    assert paragraphs(document) == ["青山县白石镇人民政府", "2021年6月28日"]


def test_scripts_styles_navigation_and_footer_are_dropped() -> None:
    document = read(
        "<html><head><title>站点</title><style>p{}</style></head><body>"
        "<script>var a = '<table>';</script><nav>首页 政务公开</nav>"
        "<div class='location'>当前位置：首页 &gt; 标准目录</div>"
        "<ul class='main-menu'><li>办事服务</li></ul>"
        "<div style='display:none'>隐藏</div><h1>标准目录</h1>"
        "<div id='footer'>网站标识码：5203000001</div><footer>版权所有</footer></body></html>"
    )
    assert paragraphs(document) == ["标准目录"]


def test_nested_layout_table_gives_only_the_inner_data_table() -> None:
    document = read(
        "<table width='1000'><tr><td>左侧栏目</td><td><h1>目录</h1>"
        "<table><tr><td>序号</td><td>公开内容</td></tr><tr><td>1</td><td>a</td></tr></table>"
        "</td></tr></table>"
    )
    found = tables(document)
    assert len(found) == 1 and grid(found[0]) == [["序号", "公开内容"], ["1", "a"]]
    assert paragraphs(document) == ["左侧栏目", "目录"]


def test_small_table_inside_a_data_cell_keeps_the_outer_table_as_data() -> None:
    table = one_table(
        "<table><tr><td>序号</td><td>公开渠道</td></tr><tr><td>1</td><td>"
        "<table><tr><td>■政府网站</td><td>□政府公报</td></tr></table></td></tr>"
        "<tr><td>2</td><td>■公开查阅点</td></tr></table>"
    )
    assert table.n_rows == 3 and table.text_at(1, 1) == "■政府网站\n□政府公报"


def test_aspx_page_wrapping_everything_in_a_form_is_read() -> None:
    document = read(
        "<html><body><form id='form1' method='post'><h1>标准目录</h1>"
        "<table><tr><td>序号</td><td>公开内容</td></tr></table></form></body></html>"
    )
    assert paragraphs(document) == ["标准目录"] and len(tables(document)) == 1


def test_site_header_is_dropped_but_an_article_header_is_kept() -> None:
    document = read(
        "<body><header>青山县人民政府门户网站</header>"
        "<article><header><h1>某镇标准目录</h1></header><p>正文</p>"
        "<footer>2021年6月28日</footer></article><footer>网站标识码</footer></body>"
    )
    assert paragraphs(document) == ["某镇标准目录", "正文", "2021年6月28日"]


def test_caption_is_a_paragraph_above_the_table() -> None:
    document = read(
        "<table><caption>社会救助领域</caption><tr><td>序号</td><td>公开内容</td></tr></table>"
    )
    assert isinstance(document.blocks[0], Paragraph) and document.blocks[0].text == "社会救助领域"
    assert isinstance(document.blocks[1], Table) and document.blocks[1].n_rows == 1


def test_one_column_table_is_a_text_box_not_a_table() -> None:
    document = read(
        "<table><tr><td>标准目录</td></tr><tr><td>发布日期：2021-06-28</td></tr></table>"
    )
    assert tables(document) == []
    assert paragraphs(document) == ["标准目录", "发布日期：2021-06-28"]


# --- encodings ---------------------------------------------------------------------------

GBK_PAGE = "<html><head>{meta}</head><body><p>公开渠道和载体</p></body></html>"


def test_gbk_page_declared_by_meta_charset() -> None:
    document = read(GBK_PAGE.format(meta='<meta charset="gbk">'), "gbk")
    assert paragraphs(document) == ["公开渠道和载体"]


def test_gb2312_page_declared_by_http_equiv() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    assert paragraphs(read(GBK_PAGE.format(meta=meta), "gb2312")) == ["公开渠道和载体"]


def test_gb2312_label_still_decodes_characters_only_gbk_has() -> None:
    page = '<meta charset="gb2312"><p>朱镕基 堃</p>'
    assert paragraphs(read(page, "gbk")) == ["朱镕基 堃"]


def test_undeclared_gbk_page_falls_back_to_gb18030() -> None:
    assert paragraphs(read(GBK_PAGE.format(meta=""), "gbk")) == ["公开渠道和载体"]


def test_utf8_bom_wins_over_a_wrong_meta() -> None:
    page = GBK_PAGE.format(meta='<meta charset="gbk">')
    document = read_html(b"\xef\xbb\xbf" + page.encode("utf-8"), DEFAULT_OPTIONS)
    assert paragraphs(document) == ["公开渠道和载体"]


def test_meta_that_lies_falls_back_to_detection() -> None:
    page = GBK_PAGE.format(meta='<meta charset="utf-8">')
    assert paragraphs(read(page, "gbk")) == ["公开渠道和载体"]


def test_utf16_page_with_bom() -> None:
    page = GBK_PAGE.format(meta="")
    document = read_html(page.encode("utf-16"), DEFAULT_OPTIONS)
    assert paragraphs(document) == ["公开渠道和载体"]


# --- safety and errors -------------------------------------------------------------------


def test_external_entity_is_not_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<html><body><p>a&xxe;b</p></body></html>"
    )
    assert "机密" not in "".join(paragraphs(read(page)))


def test_binary_bytes_given_to_the_html_reader_are_corrupt() -> None:
    with pytest.raises(CorruptFileError):
        read_html(b"<html>\x00\x01\x02" + bytes(range(256)), DEFAULT_OPTIONS)


def test_gbk_page_with_a_stray_invalid_byte_is_still_read() -> None:
    page = '<meta charset="gbk"><table><tr><td>序号</td><td>公开内容</td></tr></table>'
    broken = "公开".encode("gbk") + b"\xff" + "内容".encode("gbk")
    data = page.encode("gbk").replace("公开内容".encode("gbk"), broken)
    assert detect_format(data, "page.html") == "html"
    table = tables(read_html(data, DEFAULT_OPTIONS))[0]
    assert table.text_at(0, 0) == "序号" and table.text_at(0, 1).startswith("公开")


def test_binary_file_named_html_is_corrupt_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "catalog.html"
    path.write_bytes(b"\x00\x01\x02" + bytes(range(256)) * 8)
    with pytest.raises(CorruptFileError) as caught:
        parse(path)
    assert "HTML" in str(caught.value) and str(path) in str(caught.value)


def test_page_without_a_catalog_table_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text("<html><body><table><tr><td>姓名<td>电话</table><p>新闻", encoding="utf-8")
    with pytest.raises(NoCatalogTableError):
        parse(path)


def test_html_detected_by_content_whatever_the_name() -> None:
    data = GBK_PAGE.format(meta="").encode("gbk")
    assert detect_format(data, "download.aspx") == "html"
    assert detect_format(b"<table><tr><td>1</td></tr></table>", None) == "html"


# --- the sample, end to end --------------------------------------------------------------


def test_national_standard_sample_grid_has_two_fourteen_column_tables() -> None:
    document = read_html(SAMPLE.read_bytes(), DEFAULT_OPTIONS)
    catalog = [t for t in tables(document) if t.n_cols == 14]
    assert [t.n_rows for t in catalog] == [14, 14]
    assert catalog[0].marked_header_rows == 2 and catalog[1].marked_header_rows == 0
    title_row = catalog[1].cell_at(0, 0)
    assert title_row is not None and title_row.col_span == 14
    assert "社会保险领域" in title_row.text
    assert paragraphs(document)[-2:] == ["青山县白石镇人民政府", "2021年6月28日"]
    assert not any("网站标识码" in p or "当前位置" in p for p in paragraphs(document))


def test_national_standard_sample_parses_into_items_with_ticks() -> None:
    catalog = parse(SAMPLE)
    assert catalog.source.format == "html"
    assert len(catalog.items) == 23
    assert [i.source.table for i in catalog.items].count(1) == 12
    for item in catalog.items:
        assert len(item.category) == 2 and all(item.category)
        assert item.content
        assert item.disclosure and item.audience and item.levels
        assert item.channels and not any(c.startswith(("■", "□")) for c in item.channels)
    assert (
        catalog.items[0].channels[0] == "政府网站" and "政府公报" not in catalog.items[0].channels
    )
    assert catalog.issuer == "青山县白石镇人民政府"
    assert str(catalog.issued_on) == "2021-06-28"
