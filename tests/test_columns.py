"""Column roles: which tables are catalogs and what each column holds (structure/columns.py).

Each test is a small catalog built inline, named after the layout habit it pins.
"""

from __future__ import annotations

import pytest
from grid_builder import catalog, table

from disclosure_parse.errors import NoCatalogTableError
from disclosure_parse.model import Audience, Disclosure
from disclosure_parse.structure.reading import read_table
from disclosure_parse.structure.vocabulary import DEFAULT_VOCABULARY


def fields_of(rows: list[list[str]]) -> list[str]:
    """The role name of every column of an inline table."""
    reading = read_table(table(rows), DEFAULT_VOCABULARY)
    return [c.role.name for c in reading.layout.columns]


# --- which tables are catalogs ------------------------------------------------------------


def test_website_column_framework_is_a_catalog() -> None:
    """栏目框架: 版块 / 栏目名称 / 一级栏目 … with 内容说明, 时效, 更新标准, 保障部门."""
    result = catalog(
        [
            [
                "版块",
                "栏目名称",
                "一级栏目",
                "二级栏目",
                "内容说明",
                "提供内容时效标准",
                "更新标准",
                "保障部门",
            ],
            [
                "政务公开",
                "政府信息公开",
                "法定主动公开内容",
                "机构职能",
                "部门职责、内设机构",
                "信息形成之日起20个工作日内",
                "实时更新",
                "县政府办",
            ],
        ]
    )
    (item,) = result.items
    assert item.category == ("政务公开", "政府信息公开", "法定主动公开内容", "机构职能")
    assert item.content == "部门职责、内设机构"
    assert item.time_limit == "信息形成之日起20个工作日内"
    assert item.update_cycle == "实时更新"
    assert item.subjects == ("县政府办",)


def test_department_list_headed_category_requirement_unit_is_a_catalog() -> None:
    result = catalog(
        [
            ["分类", "内容要求", "责任单位"],
            ["机构信息", "机构职能、领导分工", "办公室"],
            ["人事信息", "公务员招录", "人事科"],
        ]
    )
    assert [i.category for i in result.items] == [("机构信息",), ("人事信息",)]
    assert [i.subjects for i in result.items] == [("办公室",), ("人事科",)]
    assert result.items[1].content == "公务员招录"


def test_seq_category_and_content_alone_make_a_catalog() -> None:
    """序号 | 公开类别及事项 (over two unlabelled category columns) | 公开内容."""
    result = catalog(
        [
            ["序号", "公开类别及事项", "<", "公开内容"],
            ["1", "机构职能", "机构概况", "主要职责、负责人"],
            ["2", "^", "内设机构", "内设机构名称、职能"],
        ]
    )
    assert [i.category for i in result.items] == [
        ("机构职能", "机构概况"),
        ("机构职能", "内设机构"),
    ]
    assert [c.header for c in result.columns if c.field.startswith("category")] == [
        ("公开类别及事项",),
        ("公开类别及事项",),
    ]


def test_document_list_is_not_a_catalog() -> None:
    with pytest.raises(NoCatalogTableError):
        catalog(
            [
                ["序号", "文件名称", "文号", "发布日期"],
                ["1", "关于…的通知", "x发〔2020〕1号", "2020-01-01"],
            ]
        )


def test_metadata_box_is_not_a_catalog() -> None:
    with pytest.raises(NoCatalogTableError):
        catalog(
            [["索引号", "001", "发布机构", "县政府办"], ["名称", "目录", "发布日期", "2020-01-01"]]
        )


# --- the cells decide -----------------------------------------------------------------------


def test_public_form_column_holding_forms_is_extra_not_channels() -> None:
    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开渠道", "公开形式"],
            ["1", "机构职能", "职责", "政府网站", "全文"],
            ["2", "政策文件", "文件", "政府网站", "图表、文字"],
        ]
    )
    assert [i.channels for i in result.items] == [("政府网站",), ("政府网站",)]
    assert [i.extra for i in result.items] == [{"公开形式": "全文"}, {"公开形式": "图表、文字"}]
    assert not [w for w in result.warnings if w.code == "unmapped-column"]


def test_public_form_column_holding_channels_is_channels() -> None:
    result = catalog(
        [
            ["一级目录", "公开内容", "公开形式", "公开时限"],
            ["机构职能", "职责", "政府网站、公示栏", "20个工作日内"],
        ]
    )
    assert result.items[0].channels == ("政府网站", "公示栏")


def test_manner_column_gives_disclosure_and_keeps_the_rest_in_extra() -> None:
    """公开方式 holding 主动公开 / 全文发布: how, not where."""
    result = catalog(
        [
            ["公开事项", "公开内容", "公开方式"],
            ["机构职能", "职责", "主动公开"],
            ["政策文件", "文件", "全文发布"],
            ["年度报告", "年报", "网上公开"],
        ]
    )
    assert [i.disclosure for i in result.items] == [(Disclosure.PROACTIVE,), (), ()]
    assert [i.channels for i in result.items] == [(), (), ()]
    assert result.items[1].extra == {"公开方式": "全文发布"}
    assert result.items[2].extra == {"公开方式": "网上公开"}
    # 公开方式 read as a manner by cells that all agree is a reading, not a guess: no
    # column-role-assumed; each label that names no flag is said once, with its row
    assert [(w.code, w.where) for w in result.warnings] == [
        ("unknown-label", "table 1, row 3"),
        ("unknown-label", "table 1, row 4"),
    ]


def test_the_same_warning_on_several_rows_is_one_warning_naming_them() -> None:
    result = catalog(
        [
            ["公开事项", "公开内容", "公开方式"],
            ["机构职能", "职责", "全文发布"],
            ["政策文件", "文件", "全文发布"],
            ["年度报告", "年报", "全文发布"],
        ]
    )
    (warning,) = result.warnings
    assert warning.code == "unknown-label"
    assert warning.where == "table 1, rows 2, 3, 4"


def test_ambiguous_label_whose_cells_disagree_is_reported() -> None:
    """公开形式 whose cells mostly, but not all, name channels: a guess worth a warning."""
    result = catalog(
        [
            ["公开事项", "公开内容", "公开形式"],
            ["机构职能", "职责", "政府网站"],
            ["政策文件", "文件", "政府网站、公示栏"],
            ["年度报告", "年报", "政务微信"],
            ["工作动态", "动态", "其他"],
        ]
    )
    assert result.items[0].channels == ("政府网站",)
    assert [w.code for w in result.warnings] == ["column-role-assumed"]
    assert "3 of its 4 cells" in result.warnings[0].message


def test_manner_column_beside_a_channel_column_names_disclosure_and_audience() -> None:
    """公开方式 "全社会范围主动公开" next to 公开渠道: proactive, public."""
    result = catalog(
        [
            ["公开事项", "公开内容", "公开主体", "公开方式", "公开渠道", "公开责任"],
            ["机构职能", "职责", "市统计局", "全社会范围主动公开", "■政府网站", "组织人事处"],
        ]
    )
    (item,) = result.items
    assert item.disclosure == (Disclosure.PROACTIVE,)
    assert item.audience == (Audience.PUBLIC,)
    assert item.channels == ("政府网站",)
    assert item.subjects == ("市统计局",)
    assert item.extra == {"公开责任": "组织人事处"}


def test_public_manner_column_naming_places_is_channels() -> None:
    result = catalog(
        [
            ["信息类别", "内容描述", "责任主体", "公开方式", "公开时限"],
            [
                "领导信息",
                "领导姓名、分工",
                "办公室",
                "县人民政府网站的县教育局栏目",
                "20个工作日内",
            ],
        ]
    )
    (item,) = result.items
    assert item.channels == ("县人民政府网站的县教育局栏目",)
    assert item.content == "领导姓名、分工"
    assert item.subjects == ("办公室",)


@pytest.mark.parametrize(
    ("header", "cells", "field"),
    [
        ("", ["1", "2"], "seq"),
        ("公开", ["信息形成之日起20个工作日内", "10个工作日内"], "time_limit"),
        ("", ["《中华人民共和国政府信息公开条例》", "《政府信息公开条例》第二十条"], "basis"),
        ("", ["县教育局", "县教育局办公室"], "subjects"),
    ],
)
def test_column_with_empty_or_truncated_header_is_typed_by_its_cells(
    header: str, cells: list[str], field: str
) -> None:
    rows = [
        ["公开事项", "公开内容", header, "公开渠道"],
        ["机构职能", "职责", cells[0], "政府网站"],
        ["政策文件", "文件", cells[1], "政府网站"],
    ]
    assert fields_of(rows)[2] == field


def test_legal_references_under_a_shared_item_header_are_basis() -> None:
    """事项名称 printed over the label column and the 依据 column beside it."""
    result = catalog(
        [
            ["事项名称", "<", "公开内容", "公开时限"],
            ["机构职能", "《政府信息公开条例》第二十条", "职责", "20个工作日内"],
            ["领导信息", "《政府信息公开条例》", "姓名", "20个工作日内"],
        ]
    )
    assert [i.category for i in result.items] == [("机构职能",), ("领导信息",)]
    assert result.items[0].basis == ("《政府信息公开条例》第二十条",)


def test_free_text_column_beside_the_levels_is_extra_not_a_level() -> None:
    result = catalog(
        [
            ["公开事项", "<", "<", "公开内容"],
            ["一级事项", "二级事项", "具体职责", "^"],
            ["机构职能", "机构概况", "负责机关日常运转、政务公开等工作。", "职责"],
        ]
    )
    (item,) = result.items
    assert item.category == ("机构职能", "机构概况")
    assert item.extra == {"公开事项/具体职责": "负责机关日常运转、政务公开等工作。"}


def test_category_named_column_right_of_the_content_is_an_attribute() -> None:
    result = catalog(
        [
            ["一级事项", "公开内容", "公开主体", "事项类别（法定公开、其他）"],
            ["基本信息", "职能", "县农牧局", "法定公开"],
        ]
    )
    (item,) = result.items
    assert item.category == ("基本信息",)
    assert item.extra == {"事项类别（法定公开、其他）": "法定公开"}


def test_second_content_column_is_kept_in_extra() -> None:
    result = catalog([["栏目名称", "内容说明", "具体要求"], ["机构职能", "职责", "全文公开"]])
    (item,) = result.items
    assert item.content == "职责"
    assert item.extra == {"具体要求": "全文公开"}


def test_one_column_holding_two_levels_split_at_slash() -> None:
    """公开事项（一级/二级）: "政府信息公开/依申请公开" is two levels."""
    result = catalog(
        [
            ["类别", "公开事项(一级/二级)", "公开内容"],
            ["综合政务", "政府信息公开/依申请公开", "申请渠道"],
            ["综合政务", "政府信息公开/年报", "年度报告"],
        ]
    )
    assert [i.category for i in result.items] == [
        ("综合政务", "政府信息公开", "依申请公开"),
        ("综合政务", "政府信息公开", "年报"),
    ]


# --- responsibility columns -----------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["责任科室", "责任股室", "承办科室", "保障部门", "公开责任", "责任单位"]
)
def test_responsibility_column_is_the_subject_without_a_subject_column(label: str) -> None:
    result = catalog([["公开事项", "公开内容", label], ["机构职能", "职责", "办公室"]])
    assert result.items[0].subjects == ("办公室",)


@pytest.mark.parametrize(
    "label", ["责任科室", "责任股室", "承办科室", "保障部门", "公开责任", "责任单位"]
)
def test_responsibility_column_beside_a_subject_column_is_extra(label: str) -> None:
    result = catalog(
        [
            ["公开事项", "公开内容", "公开主体", label],
            ["机构职能", "职责", "县自然资源局", "办公室"],
        ]
    )
    (item,) = result.items
    assert item.subjects == ("县自然资源局",)
    assert item.extra == {label: "办公室"}


# --- flag columns -----------------------------------------------------------------------------


def test_level_sub_headers_under_a_repeated_manner_group_are_levels() -> None:
    """A second group printed 公开方式 over 县级 / 乡、村级 is 公开层级."""
    result = catalog(
        [
            ["公开事项", "公开内容", "公开方式", "<", "公开方式", "<"],
            ["^", "^", "主动", "依申请", "县级", "乡、村级"],
            ["机构职能", "职责", "√", "", "√", "√"],
            ["政策文件", "文件", "√", "", "", "√"],
        ]
    )
    assert [i.levels for i in result.items] == [("县级", "乡、村级"), ("乡、村级",)]
    assert [i.disclosure for i in result.items] == [(Disclosure.PROACTIVE,)] * 2


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("全社", "audience.public"),
        ("全社会", "audience.public"),
        ("特定主体", "audience.specific_groups"),
        ("特定群众", "audience.specific_groups"),
        ("特定对象", "audience.specific_groups"),
        ("依申请公开", "disclosure.on_request"),
        ("申请", "disclosure.on_request"),
        ("乡、村级", "levels.乡、村级"),
        ("镇街级", "levels.镇街级"),
    ],
)
def test_flag_sub_header_variants_name_their_flag_whatever_the_group(
    label: str, field: str
) -> None:
    rows = [
        ["公开事项", "公开内容", "公开层级"],
        ["^", "^", label],
        ["机构职能", "职责", "√"],
    ]
    assert fields_of(rows)[2] == field


def test_scope_group_with_society_and_limited_sub_columns_is_audience() -> None:
    result = catalog(
        [
            ["公开事项", "公开内容", "公开范围", "<"],
            ["^", "^", "社会", "一定范围"],
            ["机构职能", "职责", "√", ""],
            ["内部事务", "事务", "", "√"],
        ]
    )
    assert [i.audience for i in result.items] == [(Audience.PUBLIC,), (Audience.SPECIFIC_GROUPS,)]


def test_level_column_holding_the_level_name_gives_that_level() -> None:
    """A level column headed "州级县级" whose cells say "县级" or "州级"."""
    result = catalog(
        [
            ["公开事项", "公开内容", "公开层级", "<"],
            ["^", "^", "州级县级", "乡、村级"],
            ["补助对象", "名单", "县级", "√"],
            ["补助标准", "标准", "州级", "√"],
        ]
    )
    assert [set(i.levels) for i in result.items] == [{"县级", "乡、村级"}, {"州级", "乡、村级"}]
    assert result.warnings == ()


def test_a_column_typed_by_its_cells_is_reported() -> None:
    result = catalog(
        [
            ["公开事项", "公开内容", "公开"],
            ["机构职能", "职责", "20个工作日内"],
        ]
    )
    (warning,) = result.warnings
    assert warning.code == "column-role-assumed"
    assert "column 3 (公开) read as time_limit" in warning.message


@pytest.mark.parametrize(
    "content_label",
    [
        "内容说明",
        "内容描述",
        "具体内容",
        "内容要求",
        "内容标准",
        "公开内容(要素)及要求",
        "事项内容",
    ],
)
def test_content_has_many_names(content_label: str) -> None:
    result = catalog([["公开事项", content_label, "公开主体"], ["机构职能", "职责", "县政府办"]])
    assert result.items[0].content == "职责"


def test_sub_header_row_under_a_lost_merge_is_still_a_header() -> None:
    """A CSV or a pasted table loses the group's span: 公开事项 | (empty) over 一级 / 二级."""
    result = catalog(
        [
            ["序号", "公开事项", "", "公开内容", "公开方式", ""],
            ["", "一级事项", "二级事项", "", "主动", "依申请"],
            ["1", "机构信息", "机构职能", "职责", "√", ""],
        ]
    )
    (item,) = result.items
    assert item.category == ("机构信息", "机构职能")
    assert item.disclosure == (Disclosure.PROACTIVE,)


def test_body_row_reading_like_labels_is_not_a_second_header() -> None:
    """申请渠道 under 公开内容 (no group above it) is content, not a sub-header."""
    result = catalog(
        [
            ["类别", "公开事项", "公开内容"],
            ["综合政务", "依申请公开", "申请渠道"],
        ]
    )
    (item,) = result.items
    assert item.content == "申请渠道"


def test_item_header_over_the_name_and_its_description_gives_the_content() -> None:
    """公开事项 printed over two columns: the item's name, then what it holds."""
    result = catalog(
        [
            ["序号", "公开事项", "<", "公开时限"],
            ["1", "机构职能", "本机关职能、内设机构、办公地址、办公时间、联系方式", "20个工作日内"],
            ["2", "领导信息", "领导姓名、照片、职务、分工及简历等信息", "20个工作日内"],
        ]
    )
    assert [(i.category, i.content) for i in result.items] == [
        (("机构职能",), "本机关职能、内设机构、办公地址、办公时间、联系方式"),
        (("领导信息",), "领导姓名、照片、职务、分工及简历等信息"),
    ]


def test_responsibility_header_over_a_subject_and_its_office_splits_by_cells() -> None:
    """公开时限 printed over the time limit and, beside it, the names of bodies."""
    result = catalog(
        [
            ["公开事项", "公开内容", "公开时限", "<"],
            ["机构职能", "职责", "20个工作日内", "县教育局"],
            ["领导信息", "姓名", "10个工作日内", "县教育局办公室"],
        ]
    )
    assert [(i.time_limit, i.subjects) for i in result.items] == [
        ("20个工作日内", ("县教育局",)),
        ("10个工作日内", ("县教育局办公室",)),
    ]


@pytest.mark.parametrize("label", ["公开责任单位", "公开责任部门", "信息公开责任部门"])
def test_public_responsibility_unit_beside_a_subject_column_is_extra(label: str) -> None:
    result = catalog(
        [["公开事项", "公开内容", "公开主体", label], ["机构职能", "职责", "市统计局", "办公室"]]
    )
    assert result.items[0].subjects == ("市统计局",)
    assert result.items[0].extra == {label: "办公室"}
