"""One test per normalizer rule (normalize/rows.py docstring), on inline grids."""

from __future__ import annotations

import attrs
from grid_builder import catalog

from disclosure_parse.model import Audience, Disclosure, FivePublic

HEADER = [
    [
        "序号",
        "事项名称",
        "<",
        "公开内容",
        "公开主体",
        "公开依据",
        "更新日期",
        "公开属性",
        "<",
        "公开方式",
    ],
    ["^", "一级", "二级", "^", "^", "^", "^", "主动公开", "依申请公开", "^"],
]


def test_real_vertical_merge_gives_its_value_to_every_row_whatever_the_column() -> None:
    result = catalog(
        [
            *HEADER,
            [
                "1",
                "机构概况",
                "机构职能",
                "基本信息",
                "市政府办公室",
                "公开条例",
                "实时更新",
                "√",
                "",
                "政府网站",
            ],
            ["^", "^", "领导信息", "职务", "^", "^", "^", "^", "", "^"],
        ]
    )
    second = result.items[1]
    assert second.update_cycle == "实时更新"  # not an inherited field, but really merged
    assert second.disclosure == (Disclosure.PROACTIVE,)  # a merged √ ticks both rows
    assert second.category == ("机构概况", "领导信息")


def test_empty_cells_inherit_seq_category_subjects_basis_channels_only() -> None:
    result = catalog(
        [
            *HEADER,
            [
                "1",
                "机构概况",
                "机构职能",
                "基本信息",
                "市政府办公室",
                "公开条例",
                "实时更新",
                "√",
                "",
                "政府网站",
            ],
            ["", "", "领导信息", "", "", "", "", "", "", ""],
        ]
    )
    second = result.items[1]
    assert second.seq == "1"
    assert second.category == ("机构概况", "领导信息")
    assert second.subjects == ("市政府办公室",)
    assert second.basis == ("公开条例",)
    assert second.channels == ("政府网站",)
    assert second.content is None
    assert second.update_cycle is None
    assert second.disclosure == ()


def test_a_new_top_level_label_does_not_inherit_lower_levels() -> None:
    result = catalog(
        [
            *HEADER,
            ["4", "人事信息", "人事任免", "任免", "市政府办公室", "公开条例", "", "√", "", ""],
            ["5", "规划\n计划", "", "规划计划、工作总结", "", "", "", "√", "", ""],
        ]
    )
    assert result.items[1].category == ("规划计划",)


def test_label_line_breaks_are_joined_without_spaces_for_cjk() -> None:
    result = catalog(
        [
            *HEADER,
            [
                "1",
                "决策\n\n预公开",
                "征求\n意见",
                "Open\nData 清单",
                "市政府\n办公室",
                "",
                "实时\n更新",
                "",
                "",
                "",
            ],
        ]
    )
    item = result.items[0]
    assert item.category == ("决策预公开", "征求意见")
    assert item.update_cycle == "实时更新"
    assert item.content == "Open Data 清单"
    assert item.subjects == ("市政府办公室",)


def test_star_moves_from_label_into_key_area_and_is_inherited() -> None:
    result = catalog(
        [
            *HEADER,
            ["18", "★人事信息", "人事任免", "任免", "市人力社保局", "", "", "√", "", ""],
            ["", "", "招考录用", "招考", "", "", "", "√", "", ""],
            ["19", "统计信息", "统计数据", "数据", "市统计局", "", "", "√", "", ""],
        ]
    )
    assert [i.key_area for i in result.items] == [True, True, False]
    assert result.items[1].category == ("人事信息", "招考录用")


def test_consecutive_duplicate_category_levels_collapse() -> None:
    result = catalog(
        [*HEADER, ["47", "★信用衢州", "信用衢州", "政策规定", "市发改委", "", "", "√", "", ""]]
    )
    assert result.items[0].category == ("信用衢州",)


def test_label_spanning_both_category_columns_counts_once() -> None:
    result = catalog(
        [*HEADER, ["16", "★政务服务标准化", "<", "工作动态", "市行政服务中心", "", "", "√", "", ""]]
    )
    assert result.items[0].category == ("政务服务标准化",)
    assert result.items[0].key_area


def test_full_width_spaces_and_stray_whitespace_trimmed() -> None:
    result = catalog(
        [
            *HEADER,
            ["3", "重要会议", "政府常务会议\u3000", "  公开\u3000情况 ", "", "", "", "", "", ""],
        ]
    )
    assert result.items[0].category == ("重要会议", "政府常务会议")
    assert result.items[0].content == "公开 情况"


def test_same_as_above_takes_the_value_above_and_slash_means_empty() -> None:
    result = catalog(
        [
            *HEADER,
            ["1", "机构", "职能", "信息", "办公室", "", "实时更新", "√", "", ""],
            ["2", "政策", "文件", "同上", "同上。", "", "/", "√", "", ""],
        ]
    )
    assert result.items[1].content == "信息"
    assert result.items[1].subjects == ("办公室",)
    assert result.items[1].update_cycle is None


def test_page_field_artifact_after_the_table_is_dropped_with_a_warning() -> None:
    result = catalog(
        [*HEADER, ["1", "机构", "职能", "信息", "办公室", "", "", "√", "", ""]],
        before=("衢州市政府信息主动公开基本目录",),
        after=(
            "（备注：一级事项名称前加“★”的为重点领域信息公开。）",
            "衢州市人民政府办公室",
            "2018年12月29日",
            "PAGE  ",
            "5",
        ),
    )
    assert result.title == "衢州市政府信息主动公开基本目录"
    assert result.issuer == "衢州市人民政府办公室"
    assert str(result.issued_on) == "2018-12-29"
    assert result.notes == ("（备注：一级事项名称前加“★”的为重点领域信息公开。）",)
    assert [w.code for w in result.warnings] == ["dropped-artifact"]


def test_five_publics_columns_become_typed_flags() -> None:
    header = [
        ["序号", "事项", "公开内容", "“五公开”\n（勾选）", "<", "<", "<", "<"],
        ["^", "^", "^", "决策", "执行", "管理", "服务", "结果"],
    ]
    result = catalog([*header, ["1", "机构", "信息", "", "√", "", "", "√"]])
    assert result.items[0].five_publics == (FivePublic.EXECUTION, FivePublic.RESULT)


def test_unknown_column_goes_to_extra_with_a_warning() -> None:
    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开主体", "信息来源"],
            ["1", "机构", "信息", "办公室", "自建"],
        ]
    )
    assert result.items[0].extra == {"信息来源": "自建"}
    assert any(w.code == "unmapped-column" for w in result.warnings)


def test_text_in_a_tick_column_is_kept_in_extra_with_a_warning() -> None:
    result = catalog([*HEADER, ["1", "机构", "职能", "信息", "办公室", "", "", "视情况", "", ""]])
    assert result.items[0].extra == {"公开属性/主动公开": "视情况"}
    assert any(w.code == "not-a-tick" for w in result.warnings)


def test_table_without_catalog_header_is_not_a_catalog() -> None:
    import pytest

    from disclosure_parse.errors import NoCatalogTableError

    with pytest.raises(NoCatalogTableError):
        catalog([["姓名", "电话", "地址"], ["张三", "12345", "某路1号"]])


def test_row_with_only_another_subject_line_continues_the_item_above() -> None:
    result = catalog(
        [
            *HEADER,
            ["1", "机构", "职能", "信息", "市政府办公室", "公开条例", "", "√", "", ""],
            ["", "", "", "", "市财政局", "《预算法》", "", "", "", ""],
            ["2", "政策", "文件", "文件", "", "", "", "√", "", ""],
        ]
    )
    assert len(result.items) == 2
    first = result.items[0]
    assert first.subjects == ("市政府办公室", "市财政局")
    assert first.basis == ("公开条例", "《预算法》")
    assert first.source.rows == (3, 4)
    assert any(w.code == "continuation-row" for w in result.warnings)
    # the next item still inherits from the first (fill-down is unaffected)
    assert result.items[1].subjects == ("市政府办公室", "市财政局")


def test_title_row_spanning_the_table_becomes_the_section() -> None:
    result = catalog(
        [
            ["社会救助领域基层政务公开标准目录", "<", "<", "<"],
            ["序号", "公开事项", "公开内容", "公开主体"],
            ["1", "低保", "低保政策", "民政局"],
        ]
    )
    assert result.items[0].section == "社会救助领域基层政务公开标准目录"
    assert result.items[0].category == ("低保",)


def test_traditional_script_headers_map_like_simplified() -> None:
    result = catalog(
        [
            ["序號", "公開事項", "<", "公開內容\n(要素)", "公開主體", "公開方式", "<"],
            ["^", "一級\n事項", "二級事\n項", "^", "^", "主動", "依申\n請"],
            ["1", "重大建設項目", "批准服務信息", "審批結果", "縣發改局", "√", ""],
        ]
    )
    item = result.items[0]
    assert item.category == ("重大建設項目", "批准服務信息")  # values kept as written
    assert item.subjects == ("縣發改局",)
    assert item.disclosure == (Disclosure.PROACTIVE,)
    assert not any(w.code == "unmapped-column" for w in result.warnings)


def test_text_column_naming_its_flags_becomes_flags() -> None:
    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开范围", "公开层级"],
            ["1", "机构", "信息", "全社会", "县级、乡级"],
            ["2", "名单", "人员名单", "特定群体", "县级"],
            ["3", "其他", "说明", "本单位职工", ""],
        ]
    )
    assert [i.audience for i in result.items[:2]] == [
        (Audience.PUBLIC,),
        (Audience.SPECIFIC_GROUPS,),
    ]
    assert result.items[0].levels == ("县级", "乡级")
    assert result.items[2].extra == {"公开范围": "本单位职工"}
    assert [w.code for w in result.warnings] == ["unknown-label"]


def test_disclosure_words_in_a_channel_column_become_flags() -> None:
    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开方式"],
            ["1", "机构", "信息", "主动公开"],
            ["2", "名单", "名单", "政府网站、依申请公开"],
        ]
    )
    assert result.items[0].disclosure == (Disclosure.PROACTIVE,)
    assert result.items[0].channels == ()
    assert result.items[1].disclosure == (Disclosure.ON_REQUEST,)
    assert result.items[1].channels == ("政府网站",)


def test_a_row_the_source_marks_as_header_stays_header_with_unknown_labels() -> None:
    from grid_builder import table

    from disclosure_parse.grid import Document
    from disclosure_parse.model import SourceFile
    from disclosure_parse.pipeline import build_catalog

    grid = table(
        [
            ["序号", "公开事项", "公开内容", "办理", "<"],
            ["^", "^", "^", "甲类", "乙类"],
            ["1", "机构", "信息", "a", "b"],
        ]
    )
    marked = attrs.evolve(grid, marked_header_rows=2)
    catalog = build_catalog(
        Document(format="test", blocks=(marked,)), SourceFile(None, "test", "0" * 64)
    )
    assert len(catalog.items) == 1
    assert catalog.items[0].extra == {"办理/甲类": "a", "办理/乙类": "b"}


def test_users_can_extend_the_vocabulary() -> None:
    from grid_builder import table

    from disclosure_parse import ColumnRole, Field, HeaderVocabulary
    from disclosure_parse.grid import Document
    from disclosure_parse.model import SourceFile
    from disclosure_parse.pipeline import build_catalog

    grid = table([["序号", "信息目录", "公开内容", "承办人"], ["1", "机构职能", "职责", "张三"]])
    vocabulary = HeaderVocabulary(
        extra_labels=(
            ("信息目录", ColumnRole(Field.CATEGORY, level=1)),
            ("承办人", ColumnRole(Field.SUBJECTS)),
        )
    )
    document = Document(format="test", blocks=(grid,))
    catalog = build_catalog(document, SourceFile(None, "test", "0" * 64), vocabulary=vocabulary)
    assert catalog.items[0].category == ("机构职能",)
    assert catalog.items[0].subjects == ("张三",)
    assert catalog.warnings == ()


def test_fill_down_can_be_switched_off() -> None:
    from grid_builder import table

    from disclosure_parse.grid import Document
    from disclosure_parse.model import SourceFile
    from disclosure_parse.options import Options
    from disclosure_parse.pipeline import build_catalog

    grid = table(
        [
            *HEADER,
            ["1", "机构概况", "机构职能", "基本信息", "市政府办公室", "公开条例", "", "√", "", ""],
            ["", "", "领导信息", "职务", "", "", "", "√", "", ""],
        ]
    )
    catalog = build_catalog(
        Document(format="test", blocks=(grid,)),
        SourceFile(None, "test", "0" * 64),
        Options(fill_down=False),
    )
    second = catalog.items[1]
    assert (second.seq, second.category, second.subjects, second.basis) == (
        None,
        ("领导信息",),
        (),
        (),
    )


def test_boxes_never_ticked_in_a_channel_column_are_bullets() -> None:
    from grid_builder import catalog

    result = catalog(
        [
            ["公开事项", "公开内容", "公开渠道"],
            ["机构职能", "职责", "□政府网站 □公示栏"],
            ["政策文件", "文件", "□政府网站"],
        ]
    )
    assert [i.channels for i in result.items] == [("政府网站", "公示栏"), ("政府网站",)]


def test_one_ticked_box_in_the_column_makes_the_boxes_choices() -> None:
    from grid_builder import catalog

    result = catalog(
        [
            ["公开事项", "公开内容", "公开渠道"],
            ["机构职能", "职责", "■政府网站 □公示栏"],
            ["政策文件", "文件", "□政府网站 □公示栏"],
        ]
    )
    assert [i.channels for i in result.items] == [("政府网站",), ()]


def test_empty_real_merge_stays_empty_while_an_empty_cell_inherits() -> None:
    from grid_builder import catalog

    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开依据", "公开主体"],
            ["1", "机构职能", "职责", "《政府信息公开条例》", "县政府办"],
            ["2", "领导信息", "姓名", "", ""],
            ["3", "政策文件", "文件", "", ""],
            ["4", "规划计划", "规划", "^", "^"],
        ]
    )
    assert [i.basis for i in result.items] == [
        ("《政府信息公开条例》",),
        ("《政府信息公开条例》",),  # a plain empty cell inherits from the item above
        (),  # an empty cell merged over two rows stays empty for both
        (),
    ]
    assert [i.subjects for i in result.items] == [("县政府办",), ("县政府办",), (), ()]


def test_empty_merged_category_level_does_not_inherit_the_level_above() -> None:
    from grid_builder import catalog

    result = catalog(
        [
            ["公开事项", "<", "公开内容"],
            ["一级事项", "二级事项", "^"],
            ["机构信息", "机构职能", "职责"],
            ["", "政策文件", "文件"],
            ["^", "工作动态", "动态"],
        ]
    )
    assert [i.category for i in result.items] == [
        ("机构信息", "机构职能"),
        ("政策文件",),
        ("工作动态",),
    ]


def test_column_split_into_sub_rows_gives_one_item_per_sub_row() -> None:
    """One 公开内容 cell divided into 【机构名称】/【联系方式】 while the others span them."""
    from grid_builder import catalog

    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开依据", "公开时限"],
            ["1", "机构信息", "【机构名称】", "《政府信息公开条例》", "20个工作日内"],
            ["^", "^", "【联系方式】", "^", "^"],
            ["^", "^", "【办公地址】", "^", "^"],
        ]
    )
    assert [(i.seq, i.category, i.content, i.time_limit) for i in result.items] == [
        ("1", ("机构信息",), "【机构名称】", "20个工作日内"),
        ("1", ("机构信息",), "【联系方式】", "20个工作日内"),
        ("1", ("机构信息",), "【办公地址】", "20个工作日内"),
    ]


def test_basis_column_split_into_sub_rows_gives_one_item_per_sub_row() -> None:
    from grid_builder import catalog

    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开依据"],
            ["1", "机构信息", "机构职能", "《政府信息公开条例》"],
            ["^", "^", "^", "《浙江省政务公开办法》"],
        ]
    )
    assert [i.basis for i in result.items] == [
        ("《政府信息公开条例》",),
        ("《浙江省政务公开办法》",),
    ]
    assert all(i.content == "机构职能" for i in result.items)
    assert not [w for w in result.warnings if w.code == "continuation-row"]


def test_row_with_only_more_subjects_and_no_merges_continues_the_item_above() -> None:
    from grid_builder import catalog

    result = catalog(
        [
            ["序号", "公开事项", "公开内容", "公开主体"],
            ["1", "机构信息", "机构职能", "县政府办"],
            ["", "", "", "县发改局"],
        ]
    )
    (item,) = result.items
    assert item.subjects == ("县政府办", "县发改局")
