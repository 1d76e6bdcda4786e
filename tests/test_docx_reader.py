"""The DOCX reader, one test per Word quirk it must survive (tables built by docx_builder)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx_builder import CONTINUE, Cell, Row, build_docx

from disclosure_parse import Disclosure, FivePublic, parse
from disclosure_parse.grid import Paragraph, Table
from disclosure_parse.options import DEFAULT_OPTIONS
from disclosure_parse.readers.docx import read_docx

#: a two-row catalog header: 序号 and 公开内容 merged down, 公开属性 over two tick columns
HEADER = [
    [
        Cell("序号", vmerge="restart"),
        Cell("公开事项", vmerge="restart"),
        Cell("公开内容", vmerge="restart"),
        Cell("公开主体", vmerge="restart"),
        Cell("公开属性", span=2),
        Cell("“五公开”", span=2),
    ],
    [CONTINUE, CONTINUE, CONTINUE, CONTINUE, "主动公开", "依申请公开", "决策", "结果"],
]


def read(data: bytes) -> tuple[list[Paragraph], list[Table]]:
    document = read_docx(data, DEFAULT_OPTIONS)
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    tables = [b for b in document.blocks if isinstance(b, Table)]
    return paragraphs, tables


def one_table(data: bytes) -> Table:
    _, tables = read(data)
    assert len(tables) == 1
    return tables[0]


def cell_text(xml: str) -> str:
    """The text the reader gives a one-cell table whose paragraph holds `xml`."""
    return one_table(build_docx(body=[[Cell(xml=xml)]])).text_at(0, 0)


def run(text: str, font: str | None = None) -> str:
    fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f'<w:r>{fonts}<w:t xml:space="preserve">{text}</w:t></w:r>'


def content_checkbox(checked: bool) -> str:
    """A Word 2010 content-control checkbox, its glyph run inside as Word writes it."""
    glyph = "☒" if checked else "☐"
    return (
        "<w:sdt><w:sdtPr><w:id w:val='7'/><w14:checkbox>"
        f"<w14:checked w14:val='{int(checked)}'/>"
        "<w14:checkedState w14:val='2612' w14:font='MS Gothic'/>"
        "<w14:uncheckedState w14:val='2610' w14:font='MS Gothic'/>"
        "</w14:checkbox></w:sdtPr><w:sdtContent>"
        f"{run(glyph, 'MS Gothic')}"
        "</w:sdtContent></w:sdt>"
    )


def legacy_checkbox(checked: bool) -> str:
    """A legacy form-field checkbox (FORMCHECKBOX) with its default state."""
    return (
        "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:name w:val='Check1'/><w:enabled/>"
        f"<w:calcOnExit w:val='0'/><w:checkBox><w:sizeAuto/><w:default w:val='{int(checked)}'/>"
        "</w:checkBox></w:ffData></w:fldChar></w:r>"
        "<w:r><w:instrText xml:space='preserve'> FORMCHECKBOX </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    )


# --- grid geometry ---------------------------------------------------------------------


def test_vertical_merge_is_one_spanning_cell_not_repeated_text() -> None:
    table = one_table(
        build_docx(
            body=[
                [Cell("市政府办公室", vmerge="restart"), "机构职能"],
                [CONTINUE, "领导信息"],
                [Cell(vmerge="continue"), "内设科室"],
                ["市财政局", "财政预算"],
            ]
        )
    )
    merged = table.cell_at(0, 0)
    assert merged is not None
    assert (merged.row, merged.row_span, merged.text) == (0, 3, "市政府办公室")
    assert table.cell_at(1, 0) is merged and table.cell_at(2, 0) is merged
    assert [c.text for c in table.cells if c.col == 0] == ["市政府办公室", "市财政局"]


def test_vmerge_continue_text_left_in_the_hidden_cell_is_not_read() -> None:
    table = one_table(
        build_docx(body=[[Cell("政策文件", vmerge="restart")], [Cell("残留", vmerge="continue")]])
    )
    assert [(c.text, c.row_span) for c in table.cells] == [("政策文件", 2)]


def test_vmerge_restart_below_a_merge_starts_a_new_cell() -> None:
    table = one_table(
        build_docx(
            body=[
                [Cell("一", vmerge="restart")],
                [CONTINUE],
                [Cell("二", vmerge="restart")],
                [CONTINUE],
            ]
        )
    )
    assert [(c.row, c.row_span, c.text) for c in table.cells] == [(0, 2, "一"), (2, 2, "二")]


def test_grid_span_places_following_cells_in_later_grid_columns() -> None:
    table = one_table(
        build_docx(body=[[Cell("公开属性", span=2), "公开方式"], ["主动", "依申请", "网站"]])
    )
    spanning = table.cell_at(0, 1)
    assert spanning is not None and (spanning.col, spanning.col_span) == (0, 2)
    assert table.text_at(0, 2) == "公开方式"
    assert table.n_cols == 3


def test_grid_before_shifts_a_late_starting_row_to_the_right() -> None:
    table = one_table(
        build_docx(body=[["序号", "事项", "内容"], Row(["事项二", "内容二"], grid_before=1)])
    )
    assert table.cell_at(1, 0) is None
    assert (table.text_at(1, 1), table.text_at(1, 2)) == ("事项二", "内容二")


def test_vertical_merge_of_a_spanning_cell_keeps_both_spans() -> None:
    table = one_table(
        build_docx(
            body=[
                [Cell("机构概况", span=2, vmerge="restart"), "基本信息"],
                [Cell(span=2, vmerge="continue"), "工作职责"],
            ]
        )
    )
    cell = table.cell_at(1, 1)
    assert cell is not None
    assert (cell.row, cell.col, cell.row_span, cell.col_span) == (0, 0, 2, 2)


def test_vertical_merge_under_grid_before_continues_in_the_same_grid_column() -> None:
    table = one_table(
        build_docx(
            body=[
                ["1", Cell("市政府办公室", vmerge="restart")],
                Row([CONTINUE], grid_before=1),
            ]
        )
    )
    cell = table.cell_at(1, 1)
    assert cell is not None and (cell.row, cell.row_span, cell.text) == (0, 2, "市政府办公室")


# --- text inside a cell ----------------------------------------------------------------


def test_paragraphs_and_line_breaks_inside_a_cell_become_newlines() -> None:
    empty_paragraph_between = f"<w:p>{run('决策')}</w:p><w:p/><w:p>{run('预公开')}</w:p>"
    table = one_table(
        build_docx(body=[["实时\n更新", "政务\n\n公开", Cell(blocks_xml=empty_paragraph_between)]])
    )
    assert table.text_at(0, 0) == "实时\n更新"  # <w:br/>
    assert table.text_at(0, 1) == "政务\n公开"  # two w:p
    assert table.text_at(0, 2) == "决策\n\n预公开"  # an empty w:p between


def test_trailing_empty_paragraphs_in_a_cell_are_dropped() -> None:
    table = one_table(build_docx(body=[["政策文件\n\n\n\n"]]))
    assert table.text_at(0, 0) == "政策文件"


def test_wingdings_sym_tick_and_empty_box() -> None:
    assert cell_text('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>') == "✓"
    assert cell_text('<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>') == "□"


def test_wingdings_sym_mixed_with_text_keeps_order() -> None:
    xml = run("政府网站") + '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>' + run("公报")
    assert cell_text(xml) == "政府网站☑公报"


def test_text_in_a_wingdings_2_run_is_mapped_to_ticks_and_boxes() -> None:
    assert cell_text(run("R", "Wingdings 2")) == "☑"
    assert cell_text(run("£", "Wingdings 2")) == "□"
    assert cell_text(run("R", "宋体")) == "R"


def test_content_control_checkbox_checked_and_unchecked_glyph_not_doubled() -> None:
    assert cell_text(content_checkbox(True)) == "☑"
    assert cell_text(content_checkbox(False)) == "☐"
    assert cell_text(content_checkbox(True) + run("主动公开")) == "☑主动公开"


def test_legacy_form_checkbox_default_state_read_instruction_dropped() -> None:
    assert cell_text(legacy_checkbox(True)) == "☑"
    assert cell_text(legacy_checkbox(False)) == "☐"


def test_legacy_form_checkbox_explicit_checked_overrides_default() -> None:
    xml = legacy_checkbox(False).replace("<w:sizeAuto/>", "<w:sizeAuto/><w:checked/>")
    assert cell_text(xml) == "☑"


def test_field_instruction_text_is_not_read_but_its_result_is() -> None:
    xml = (
        run("第")
        + "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        + "<w:r><w:instrText xml:space='preserve'> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        + run("5")
        + "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        + run("页")
    )
    assert cell_text(xml) == "第5页"


def test_nested_field_inside_an_instruction_is_not_read() -> None:
    """{ IF { PAGE } = 1 "首页" "续页" }: only the outer field's result is text."""

    def fld(kind: str) -> str:
        return f"<w:r><w:fldChar w:fldCharType='{kind}'/></w:r>"

    def instr(text: str) -> str:
        return f"<w:r><w:instrText xml:space='preserve'>{text}</w:instrText></w:r>"

    xml = (
        fld("begin")
        + instr(" IF ")
        + fld("begin")
        + instr(" PAGE ")
        + fld("separate")
        + run("1")
        + fld("end")
        + instr(' = 1 "首页" "续页" ')
        + fld("separate")
        + run("首页")
        + fld("end")
        + run("目录")
    )
    assert cell_text(xml) == "首页目录"


def test_simple_field_keeps_its_result_text() -> None:
    assert cell_text(f"<w:fldSimple w:instr=' PAGE '>{run('3')}</w:fldSimple>") == "3"


def test_deleted_text_is_not_read_inserted_text_is() -> None:
    xml = (
        run("市")
        + "<w:del w:id='1' w:author='a'><w:r><w:delText>县</w:delText></w:r></w:del>"
        + "<w:ins w:id='2' w:author='a'>"
        + run("政府办公室")
        + "</w:ins>"
    )
    assert cell_text(xml) == "市政府办公室"


def test_text_of_a_table_nested_in_a_cell_is_kept_in_the_outer_cell() -> None:
    nested = (
        f"<w:p>{run('渠道')}</w:p>"
        f"<w:tbl><w:tr><w:tc><w:p>{run('政府网站')}</w:p></w:tc>"
        f"<w:tc><w:p>{run('公报')}</w:p></w:tc></w:tr></w:tbl><w:p/>"
    )
    table = one_table(build_docx(body=[[Cell(blocks_xml=nested), "x"]]))
    assert (table.n_rows, table.n_cols) == (1, 2)
    assert table.text_at(0, 0) == "渠道\n政府网站\n公报"


def test_paragraph_in_a_block_level_sdt_inside_a_cell_is_kept() -> None:
    wrapped = (
        f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{run('市政府办公室')}</w:p></w:sdtContent></w:sdt>"
    )
    assert one_table(build_docx(body=[[Cell(blocks_xml=wrapped)]])).text_at(0, 0) == "市政府办公室"


# --- content controls around rows and cells ----------------------------------------------


def test_row_wrapped_in_a_row_level_sdt_is_not_lost() -> None:
    table = one_table(
        build_docx(body=[["1", "机构职能"], Row(["2", "政策文件"], sdt=True), ["3", "规划计划"]])
    )
    assert table.n_rows == 3
    assert [table.text_at(r, 1) for r in range(3)] == ["机构职能", "政策文件", "规划计划"]


def test_cell_wrapped_in_a_cell_level_sdt_is_not_lost_and_keeps_its_column() -> None:
    table = one_table(build_docx(body=[["1", Cell("机构职能", sdt=True), "基本信息"]]))
    assert [table.text_at(0, c) for c in range(3)] == ["1", "机构职能", "基本信息"]


def test_vertical_merge_continues_through_a_row_level_sdt() -> None:
    table = one_table(
        build_docx(
            body=[[Cell("市政府办公室", vmerge="restart"), "a"], Row([CONTINUE, "b"], sdt=True)]
        )
    )
    cell = table.cell_at(1, 0)
    assert cell is not None and (cell.row, cell.row_span) == (0, 2)


# --- header rows, paragraphs around the table --------------------------------------------


def test_tbl_header_rows_are_counted_as_marked_header_rows() -> None:
    table = one_table(
        build_docx(header=HEADER, body=[["1", "机构职能", "基本信息", "办公室", "√", "", "", "√"]])
    )
    assert table.marked_header_rows == 2


def test_tbl_header_counts_only_the_leading_run_of_marked_rows() -> None:
    table = one_table(
        build_docx(
            body=[Row(["序号"], header=True), Row(["1"]), Row(["序号"], header=True)],
        )
    )
    assert table.marked_header_rows == 1


def test_tbl_header_switched_off_by_its_val_is_not_a_marked_header_row() -> None:
    table = one_table(
        build_docx(
            body=[
                Row(["序号"], header=True, header_val="1"),
                Row(["公开内容"], header=True, header_val="true"),
                Row(["1"], header=True, header_val="0"),
                Row(["2"], header=True, header_val="false"),
            ]
        )
    )
    assert table.marked_header_rows == 2


def test_unmarked_header_rows_count_zero() -> None:
    table = one_table(build_docx(header=HEADER, body=[], header_marked=False))
    assert table.marked_header_rows == 0


def test_paragraphs_around_the_table_in_document_order() -> None:
    data = build_docx(
        header=HEADER,
        body=[["1", "机构职能", "基本信息", "办公室", "√", "", "", "√"]],
        before=["衢州市政府信息主动公开基本目录", ""],
        after=["注：标★的为重点领域。", "衢州市人民政府办公室\n2018年12月29日"],
    )
    blocks = read_docx(data, DEFAULT_OPTIONS).blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph", "Paragraph"]
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == [
        "衢州市政府信息主动公开基本目录",
        "",
        "注：标★的为重点领域。",
        "衢州市人民政府办公室\n2018年12月29日",
    ]


# --- through parse(): what the grid means for items --------------------------------------


def test_tick_in_a_vertically_merged_cell_ticks_every_row_it_covers() -> None:
    body = [
        ["1", "机构职能", "基本信息", "办公室", Cell("√", vmerge="restart"), "", "", "√"],
        ["2", "领导信息", "个人简历", "办公室", CONTINUE, "", "", ""],
        ["3", "政策文件", "规范性文件", "办公室", CONTINUE, "√", "√", ""],
        ["4", "依申请", "申请办法", "办公室", "", "√", "", ""],
    ]
    items = parse(build_docx(header=HEADER, body=body)).items
    assert [i.disclosure for i in items] == [
        (Disclosure.PROACTIVE,),
        (Disclosure.PROACTIVE,),
        (Disclosure.PROACTIVE, Disclosure.ON_REQUEST),
        (Disclosure.ON_REQUEST,),
    ]
    assert [i.five_publics for i in items] == [
        (FivePublic.RESULT,),
        (),
        (FivePublic.DECISION,),
        (),
    ]


def test_checkbox_ticks_read_through_parse() -> None:
    body = [
        [
            "1",
            "机构职能",
            "基本信息",
            "办公室",
            Cell(xml=content_checkbox(True)),
            Cell(xml=content_checkbox(False)),
            Cell(xml=legacy_checkbox(True)),
            Cell(xml='<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'),
        ]
    ]
    (item,) = parse(build_docx(header=HEADER, body=body)).items
    assert item.disclosure == (Disclosure.PROACTIVE,)
    assert item.five_publics == (FivePublic.DECISION, FivePublic.RESULT)


def test_empty_subject_cell_inherits_from_above_but_empty_content_cell_does_not() -> None:
    body = [
        ["1", "机构职能", "基本信息", "市政府办公室", "√", "", "", ""],
        ["2", "领导信息", "", "", "√", "", "", ""],
    ]
    first, second = parse(build_docx(header=HEADER, body=body)).items
    assert first.subjects == second.subjects == ("市政府办公室",)
    assert first.content == "基本信息"
    assert second.content is None


def test_merged_subject_cell_gives_its_value_to_every_row_it_covers() -> None:
    body = [
        ["1", "机构职能", "基本信息", Cell("市政府办公室", vmerge="restart"), "√", "", "", ""],
        ["2", "领导信息", "个人简历", CONTINUE, "√", "", "", ""],
    ]
    items = parse(build_docx(header=HEADER, body=body)).items
    assert [i.subjects for i in items] == [("市政府办公室",), ("市政府办公室",)]


def test_catalog_inside_a_one_cell_frame_table_is_read_as_the_table() -> None:
    """A 1x1 layout table around the title and the real catalog table (a boxed page)."""
    inner = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>公开事项</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>公开内容</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>机构职能</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>主要职责</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    frame = Cell(
        blocks_xml="<w:p><w:r><w:t>某局政府信息公开目录</w:t></w:r></w:p>" + inner + "<w:p/>"
    )
    catalog = parse(build_docx(header=[], body=[Row([frame])]))
    assert catalog.title == "某局政府信息公开目录"
    assert [(i.seq, i.category, i.content) for i in catalog.items] == [
        ("1", ("机构职能",), "主要职责")
    ]


# --- large documents: formatting dropped row by row while parsing ----------------------


def _quirky_docx() -> bytes:
    """One table with every construct the reader treats specially, in formatted runs."""
    fonts = '<w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体"/><w:b/><w:sz w:val="18"/></w:rPr>'
    return build_docx(
        header=HEADER,
        body=[
            Row(
                [
                    Cell("1", vmerge="restart"),
                    Cell(xml=f"<w:r>{fonts}<w:t>机构</w:t></w:r><w:r><w:br/><w:t>职能</w:t></w:r>"),
                    Cell(xml=legacy_checkbox(True) + run("文件", "宋体")),
                    Cell(xml=content_checkbox(False) + run("部门", "Wingdings 2")),
                    Cell(xml='<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'),
                    Cell(xml=run("R", "Wingdings 2")),
                    Cell(xml=f'<w:fldSimple w:instr=" PAGE ">{run("3")}</w:fldSimple>'),
                    "结果",
                ]
            ),
            Row([CONTINUE, "工作规则", "制度", "办公室", "", "√", "", "√"]),
        ],
        before=["衢州市政府信息主动公开基本目录"],
        after=["注：标★的为重点领域。"],
    )


def test_a_large_document_read_in_pieces_gives_the_same_grid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above STREAM_ABOVE_BYTES the main part is parsed in pieces with each row's formatting
    stripped; what the reader sees must not change (threshold 0 forces it on small files)."""
    from disclosure_parse.readers import docx as reader

    samples = Path(__file__).resolve().parent.parent
    documents = [_quirky_docx(), *(p.read_bytes() for p in sorted(samples.glob("**/*.docx")))]
    documents = [data for data in documents if _readable(data)]
    whole = [read_docx(data, DEFAULT_OPTIONS) for data in documents]
    monkeypatch.setattr(reader, "STREAM_ABOVE_BYTES", 0)
    pieces = [read_docx(data, DEFAULT_OPTIONS) for data in documents]
    assert len(whole) >= 5
    assert pieces == whole


def _readable(data: bytes) -> bool:
    try:
        read_docx(data, DEFAULT_OPTIONS)
    except Exception:
        return False
    return True


def test_the_tree_read_in_pieces_is_freed_at_once() -> None:
    """The pull parser and its document refer to each other; the reader breaks the cycle,
    so a worker reading many documents does not keep their trees until a collection."""
    script = (
        "import gc, resource, sys\n"
        "from disclosure_parse.readers import docx\n"
        "from disclosure_parse.options import DEFAULT_OPTIONS\n"
        "docx.STREAM_ABOVE_BYTES = 0\n"
        "data = open('samples/quzhou-city-2018.docx', 'rb').read()\n"
        "gc.disable()\n"
        "docx.read_docx(data, DEFAULT_OPTIONS)\n"
        "first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "for _ in range(30):\n"
        "    docx.read_docx(data, DEFAULT_OPTIONS)\n"
        "grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - first\n"
        "print(grown // 1024)\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) < 30, f"grew {result.stdout.strip()} MB over 30 reads"
