"""Column-drift repair (structure/align.py): header spans, drifted rows, cut-off fragments."""

from __future__ import annotations

import json

import pytest
import regex
from repo_files import ROOT, convert

from disclosure_parse import Catalog, parse
from disclosure_parse.cell_text import join_lines
from disclosure_parse.grid import Table
from disclosure_parse.options import Options
from disclosure_parse.pipeline import read_document
from disclosure_parse.structure.align import CellKind, align_columns, classify, infer_spans
from disclosure_parse.structure.vocabulary import DEFAULT_VOCABULARY

QUZHOU_TXT = "samples/quzhou-city-2018.txt"
XIHU_TXT = "samples/xihu-district-2022.txt"


def rows_catalog(lines: list[str]) -> Catalog:
    """A catalog from tab-per-row lines (the Xihu shape), built inline."""
    return parse("\n".join(lines).encode("utf-8"), Options(input_format="text-rows"))


# --- classification ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("12", CellKind.SEQ),
        ("√", CellKind.TICK),
        ("/", CellKind.PLACEHOLDER),
        ("《中华人民共和国政府信息公开条例》（国令第711号）", CellKind.BASIS),
        ("公开条例", CellKind.BASIS),
        ("国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）", CellKind.BASIS),
        ("自该信息产生的20个工作日内", CellKind.TIME_LIMIT),
        ("与行政规范性文件原文同时发布（三个工作日内）", CellKind.TIME_LIMIT),
        ("每年3月31日前", CellKind.TIME_LIMIT),
        ("实时\n更新", CellKind.UPDATE_CYCLE),
        ("按季度更新", CellKind.UPDATE_CYCLE),
        ("区政府领导及分工", CellKind.LABEL),
        ("市旅委、市体育局、市卫生计生委", CellKind.LABEL),
        ("“扩大有效投资”相关信息", CellKind.CONTENT),
        ("机构基本信息（公开机关职能、机构设置、办公地址）", CellKind.CONTENT),
    ],
)
def test_cell_is_classified_by_what_it_looks_like(text: str, kind: CellKind) -> None:
    assert classify(text) is kind


# --- header spans -----------------------------------------------------------------------


def test_group_header_spans_the_children_below_it() -> None:
    upper = [
        "序号",
        "事项名称",
        "公开内容",
        "公开属性\n\n（勾选）",
        "“五公开”\n\n（勾选）",
        "公开方式",
    ]
    below = ["", "一级", "二级", "", "主动公开", "依申请公开", "决策", "执行", "结果", ""]
    spans = infer_spans(upper, below, DEFAULT_VOCABULARY)
    assert [(col, span) for col, span, _ in spans] == [
        (0, 1),
        (1, 2),
        (3, 1),
        (4, 2),
        (6, 3),
        (9, 1),
    ]


def test_empty_placeholders_in_a_header_row_are_absorbed_by_the_group() -> None:
    upper = ["序号", "公开事项", "", "", "", "设立依据", "栏目内容", "公开时限", ""]
    below = ["", "一级栏目", "二级栏目", "三级栏目", "四级栏目", "", "", "", ""]
    spans = infer_spans(upper, below, DEFAULT_VOCABULARY)
    assert [(col, span, text) for col, span, text in spans][:2] == [
        (0, 1, "序号"),
        (1, 4, "公开事项"),
    ]
    assert spans[-1] == (7, 1, "公开时限")


def test_xihu_grid_has_the_eight_header_columns_not_the_widest_row() -> None:
    document = read_document((ROOT / XIHU_TXT).read_bytes(), XIHU_TXT)
    table = next(t for _, t in document.tables())
    assert table.n_cols == 9
    aligned, _ = align_columns(table, DEFAULT_VOCABULARY)
    assert aligned.n_cols == 8
    assert aligned.exact_columns


# --- drift repair on a catalog with another column set -----------------------------------

OWN = [
    "某局政府信息公开目录",
    "序号\t一级目录\t二级目录\t公开内容\t公开时限\t责任科室",
    "1\t机构信息\t领导信息\t领导姓名、职务、分工\t信息形成之日起20个工作日内\t办公室",
    "\t\t内设机构信息（名称、职责）\t信息形成之日起20个工作日内\t办公室",
    "2\t财政信息\t\t\t部门预算\t部门预算及说明，含“三公”经费\t批复后20日内\t财务科",
    "3\t政策文件\t规范性文件\t本局制发的规范性文件全文\t文件印发后7个工作日内\t法规科",
]


def test_own_catalog_row_drifted_left_is_moved_right_to_its_columns() -> None:
    item = rows_catalog(OWN).items[1]
    assert item.seq == "1"
    assert item.category == ("机构信息", "领导信息")  # no label of its own: inherited
    assert item.content == "内设机构信息（名称、职责）"
    assert item.time_limit == "信息形成之日起20个工作日内"
    assert item.subjects == ("办公室",)


def test_own_catalog_row_drifted_right_past_the_last_column_is_moved_back() -> None:
    item = rows_catalog(OWN).items[2]
    assert item.seq == "2"
    assert item.category == ("财政信息", "部门预算")
    assert item.content == "部门预算及说明，含“三公”经费"
    assert item.time_limit == "批复后20日内"
    assert item.subjects == ("财务科",)
    assert item.extra == {}


def test_rows_that_fit_where_printed_are_left_alone() -> None:
    catalog = rows_catalog(OWN)
    assert catalog.items[0].content == "领导姓名、职务、分工"
    assert catalog.items[3].category == ("政策文件", "规范性文件")
    moved_rows = {w.where for w in catalog.warnings if w.code == "column-drift"}
    assert moved_rows == {"table 1, row 3", "table 1, row 4"}


def test_every_move_is_a_warning_naming_row_text_and_both_columns() -> None:
    warnings = [w for w in rows_catalog(OWN).warnings if w.where == "table 1, row 3"]
    messages = [w.message for w in warnings]
    assert (
        "content '内设机构信息（名称、职责）' moved from column 3 (二级目录) to column 4 (公开内容)"
        in (messages)
    )
    assert all(w.code == "column-drift" for w in warnings)
    assert len(warnings) == 3


def test_quzhou_txt_has_no_drift_repairs() -> None:
    assert not [w for w in convert(QUZHOU_TXT).warnings if w.code == "column-drift"]


# --- fragments --------------------------------------------------------------------------

CUT = [
    "序号\t公开事项\t设立依据\t栏目内容\t公开时限",
    "1\t政策文件\t1.《国务院办公厅关于印发2022年政务公开\t政策文件信息\t20个工作日内",
    "",
    "专题",
    "",
    "\t政策解读\t《工作要点的通知》\t政策解读信息\t20个工作日内",
]


def test_cut_off_title_tail_is_joined_to_the_cell_with_the_open_title() -> None:
    catalog = rows_catalog(CUT)
    assert catalog.items[0].basis == ("《国务院办公厅关于印发2022年政务公开工作要点的通知》",)
    assert catalog.items[1].basis == catalog.items[0].basis  # inherited, not a tail of its own
    codes = [w.code for w in catalog.warnings]
    assert "fragment-reattached" in codes


def test_lone_line_without_evidence_is_kept_in_a_warning() -> None:
    catalog = rows_catalog(CUT)
    fragments = [w for w in catalog.warnings if w.code == "fragment"]
    assert len(fragments) == 1
    assert "专题" in fragments[0].message
    assert all("专题" not in (item.content or "") for item in catalog.items)


# --- Xihu, the drifted seed ---------------------------------------------------------------


def test_xihu_gives_every_item_under_its_seq_including_the_repeated_22() -> None:
    catalog = convert(XIHU_TXT)
    seqs = [item.seq for item in catalog.items]
    assert sorted(set(seqs), key=lambda s: int(s or 0)) == [str(n) for n in range(1, 30)]
    assert len(catalog.items) == 75
    assert [i.category[-1] for i in catalog.items if i.seq == "22"] == [
        "上级动态",
        "政策文件及解读",
        "西湖行动",
    ]


def test_xihu_basis_drifted_into_the_fourth_level_goes_back_to_basis() -> None:
    item = next(i for i in convert(XIHU_TXT).items if i.seq == "7")
    assert item.category == ("其他文件", "区政府其他文件")
    assert item.basis[0] == "《中华人民共和国政府信息公开条例》（中华人民共和国国务院令第七11号）"
    assert item.content == "区政府政策文件"
    assert item.time_limit == "自该政府信息形成或者变更之日起20个工作日内"


def test_xihu_time_limit_past_the_last_column_goes_to_time_limit() -> None:
    item = next(i for i in convert(XIHU_TXT).items if i.category[-1] == "政策解读")
    assert item.seq == "6"
    assert item.time_limit == "与行政规范性文件原文同时发布（三个工作日内）"
    assert item.extra == {}


def test_xihu_basis_printed_in_the_time_column_goes_to_an_empty_basis() -> None:
    item = next(i for i in convert(XIHU_TXT).items if i.category[-1] == "民生实事项目")
    assert item.basis == ("《中华人民共和国政府信息公开条例》（国令第711号）",)
    assert item.content == "按年度划分"
    assert item.time_limit is None


def test_xihu_content_and_time_drifted_two_columns_are_repaired() -> None:
    items = convert(XIHU_TXT).items
    item = next(i for i in items if i.category[-1] == "扩大有效投资")
    assert item.content == "“扩大有效投资”相关信息"
    assert item.time_limit == "自该信息产生的20个工作日内"
    seq28 = [i for i in items if i.seq == "28"]
    assert [i.content for i in seq28] == [
        "“教育教学”相关信息",
        "“卫生健康”相关信息",
        "“国企”相关信息",
    ]
    assert seq28[0].basis[1] == "《浙江省人民政府办公厅关于印发2022年浙江省政务公开工作要点的通知》"


def test_xihu_page_cut_basis_of_seq26_gets_its_tail_back() -> None:
    item = next(i for i in convert(XIHU_TXT).items if i.seq == "26")
    assert item.basis == (
        "《国务院办公厅关于印发2022年政务公开工作要点的通知》国办发〔2022〕8号",
        "《浙江省人民政府办公厅关于印发2022年浙江省政务公开工作要点的通知》",
    )


def test_xihu_warnings_are_drift_repairs_one_tail_and_one_lone_fragment() -> None:
    codes = [w.code for w in convert(XIHU_TXT).warnings]
    assert set(codes) == {"column-drift", "fragment", "fragment-reattached"}
    assert codes.count("fragment") == codes.count("fragment-reattached") == 1


def test_xihu_matches_its_golden_file() -> None:
    got = json.loads(convert(XIHU_TXT).to_json())
    path = ROOT / "samples" / "expected" / "xihu-district-2022.json"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got["items"] == want["items"]
    assert got == want


# --- text conservation --------------------------------------------------------------------

_PIECES = regex.compile(r"[\s、，,；;。.．：:★☆√“”\"《》〈〉（）()〔〕\[\]/]+")


def _source_cells(table: Table) -> list[str]:
    return [c.text for c in table.cells if c.text.strip()]


@pytest.mark.parametrize("sample", [QUZHOU_TXT, XIHU_TXT])
def test_every_source_cell_text_is_found_in_the_output(sample: str) -> None:
    data = (ROOT / sample).read_bytes()
    table = next(t for _, t in read_document(data, sample).tables())
    output = regex.sub(r"\s+", "", convert(sample).to_json())
    missing = [
        piece
        for text in _source_cells(table)
        for piece in _PIECES.split(join_lines(text))
        if piece and regex.sub(r"\s+", "", piece) not in output
    ]
    assert missing == []
