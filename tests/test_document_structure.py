"""Document-level structure: several catalog tables, 领域 titles, metadata blocks, notes."""

from __future__ import annotations

import datetime as dt

from grid_builder import table

from disclosure_parse.grid import Document, Paragraph
from disclosure_parse.model import Catalog, SourceFile
from disclosure_parse.pipeline import build_catalog

HEADER = ["序号", "公开事项", "公开内容", "公开主体"]
SOURCE = SourceFile(path=None, format="test", sha256="0" * 64)


def test_each_table_keeps_its_field_title_and_number() -> None:
    document = Document(
        format="test",
        blocks=(
            Paragraph("青山县白石镇基层政务公开标准目录"),
            Paragraph("一、社会救助领域"),
            table([HEADER, ["1", "低保", "低保政策", "民政办"]]),
            Paragraph("注：低保名单每季度更新。"),
            Paragraph("二、社会保险领域"),
            table([HEADER, ["1", "参保", "参保登记", "社保所"]]),
        ),
    )
    catalog = build_catalog(document, SOURCE)
    assert catalog.title == "青山县白石镇基层政务公开标准目录"
    assert [(i.section, i.source.table) for i in catalog.items] == [
        ("一、社会救助领域", 1),
        ("二、社会保险领域", 2),
    ]
    assert catalog.notes == ("注：低保名单每季度更新。",)


def test_single_table_has_no_section_and_its_heading_is_the_title() -> None:
    document = Document(
        format="test",
        blocks=(
            Paragraph("某局政府信息公开目录"),
            table([HEADER, ["1", "机构", "职能", "办公室"]]),
        ),
    )
    catalog = build_catalog(document, SOURCE)
    assert catalog.title == "某局政府信息公开目录"
    assert catalog.items[0].section is None


def test_metadata_table_fills_issuer_and_date_and_becomes_notes() -> None:
    metadata = table(
        [
            ["索引号", "11520000MB1234567X/2021-00156", "发布机构", "白石镇人民政府"],
            ["信息名称", "基层政务公开标准目录", "发布日期", "2021-06-28"],
        ]
    )
    document = Document(
        format="test",
        blocks=(
            metadata,
            Paragraph("基层政务公开标准目录"),
            table([HEADER, ["1", "机构", "职能", "办公室"]]),
        ),
    )
    catalog = build_catalog(document, SOURCE)
    assert catalog.issuer == "白石镇人民政府"
    assert catalog.issued_on == dt.date(2021, 6, 28)
    assert catalog.notes[:2] == (
        "索引号：11520000MB1234567X/2021-00156",
        "发布机构：白石镇人民政府",
    )
    assert catalog.warnings == ()


def test_skipped_table_keeps_its_text_in_the_warning() -> None:
    contacts = table([["姓名", "职务", "电话"], ["张三", "科长", "0570-1234567"]])
    document = Document(
        format="test", blocks=(table([HEADER, ["1", "机构", "职能", "办公室"]]), contacts)
    )
    catalog = build_catalog(document, SOURCE)
    (warning,) = catalog.warnings
    assert warning.code == "not-a-catalog-table"
    assert "张三 | 科长 | 0570-1234567" in warning.message


def test_card_layout_one_field_per_row_is_one_item() -> None:
    """A transposed card (sdsx-style): labels in the first column, two pairs on one row."""
    card = table(
        [
            ["领域", "", "", ""],
            ["一级事项", "农业生产发展资金", "二级事项", "农机购置补贴"],
            ["公开内容(要素)", "● 政策依据; ● 申请指南; ● 补贴结果", "<", "<"],
            [
                "公开依据",
                "《中华人民共和国农业机械化促进法》、《农业生产发展资金管理办法》(财农〔2017〕41号)",
                "<",
                "<",
            ],
            ["公开主体", "县级农业农村部门", "<", "<"],
            ["公开时限", "自政府信息形成或者变更之日起20个工作日内", "<", "<"],
        ]
    )
    catalog = build_catalog(Document(format="test", blocks=(card, card)), SOURCE)
    assert len(catalog.items) == 2
    item = catalog.items[0]
    assert item.category == ("农业生产发展资金", "农机购置补贴")
    assert item.content == "● 政策依据; ● 申请指南; ● 补贴结果"
    assert item.subjects == ("县级农业农村部门",)
    assert item.basis == (
        "《中华人民共和国农业机械化促进法》",
        "《农业生产发展资金管理办法》(财农〔2017〕41号)",
    )
    assert item.time_limit == "自政府信息形成或者变更之日起20个工作日内"
    assert catalog.items[1].source.table == 2


def test_catalog_table_split_in_two_is_joined_and_fill_down_goes_on() -> None:
    first = table(
        [
            ["序号", "公开事项", "公开内容", "公开主体"],
            ["1", "机构", "职能", "办公室"],
        ]
    )
    rest = table([["", "", "领导信息", ""], ["2", "政策", "文件", "法规科"]])
    document = Document(format="test", blocks=(first, Paragraph(""), rest))
    catalog = build_catalog(document, SOURCE)
    assert [(i.seq, i.category, i.content, i.subjects) for i in catalog.items] == [
        ("1", ("机构",), "职能", ("办公室",)),
        ("1", ("机构",), "领导信息", ("办公室",)),
        ("2", ("政策",), "文件", ("法规科",)),
    ]
    assert catalog.warnings == ()
    assert {i.source.table for i in catalog.items} == {1}


def test_a_table_after_a_heading_is_not_a_continuation() -> None:
    first = table([["序号", "公开事项", "公开内容", "公开主体"], ["1", "机构", "职能", "办公室"]])
    contacts = table([["张三", "科长", "0570-1234567", "办公室"]])
    document = Document(format="test", blocks=(first, Paragraph("联系方式"), contacts))
    catalog = build_catalog(document, SOURCE)
    assert len(catalog.items) == 1
    assert [w.code for w in catalog.warnings] == ["not-a-catalog-table"]


# --- titles, site chrome and metadata lines around the table ---------------------------------

BODY = ["1", "机构", "职能", "办公室"]


def _around(before: list[str], rows: list[list[str]] | None = None) -> Catalog:
    rows = rows or [HEADER, BODY]
    blocks = (*(Paragraph(t) for t in before), table(rows))
    return build_catalog(Document(format="test", blocks=blocks), SOURCE)


def test_title_printed_as_the_tables_first_row_is_the_catalog_title() -> None:
    catalog = _around(
        ["来源:某县自然资源局", "发布时间:2025-02-28 17:37"],
        [["某县自然资源局主动公开事项目录", "<", "<", "<"], HEADER, BODY],
    )
    assert catalog.title == "某县自然资源局主动公开事项目录"
    # a lone "label: value" line is a note; the page date is not the catalog's date
    assert catalog.notes == ("来源:某县自然资源局", "发布时间:2025-02-28 17:37")
    assert catalog.issued_on is None


def test_heading_naming_the_catalog_beats_a_nearer_part_heading() -> None:
    catalog = _around(
        ["某市财政局政府信息主动公开目录", "第一部分 说明", "第二部分 主动公开基本目录"]
    )
    assert catalog.title == "某市财政局政府信息主动公开目录"
    assert "第二部分 主动公开基本目录" in catalog.notes


def test_nearest_of_two_headlines_is_the_title_and_the_other_is_not_a_note() -> None:
    catalog = _around(["柘城县政务公开清单目录(2022)年度", "柘城县政务公开清单目录(2022年度)"])
    assert catalog.title == "柘城县政务公开清单目录(2022年度)"
    assert catalog.notes == ()


def test_numbered_section_line_is_not_taken_as_a_title() -> None:
    catalog = _around(["一、概述", "本目录所列事项均主动公开。", "二、主动公开事项表"])
    assert catalog.title is None
    assert catalog.notes == ("一、概述", "本目录所列事项均主动公开。", "二、主动公开事项表")


def test_site_chrome_is_not_a_note() -> None:
    catalog = _around(
        [
            "某乡城乡规划领域基层政务公开标准目录",
            "发布日期:2022-08-10 来源: 作者: 点击:[]",
            "信息来源: 沙湾区 发布时间: 2025-08-19 浏览量:",
            "【字体: 大 中 小】",
            "分享到:",
            "发布时间:",
            "打印 收藏 关闭",
        ]
    )
    assert catalog.title == "某乡城乡规划领域基层政务公开标准目录"
    assert catalog.notes == ()


def test_metadata_box_lines_are_notes_and_give_issuer_and_date() -> None:
    lines = [
        "索 引 号:370400/2022-00091",
        "主题分类:基层政务公开规范化标准化",
        "发布机构:应急管理局",
        "成文时间:2023年12月01日",
        "文 号:无",
        "标 题:安全生产领域基层政务公开标准目录",
    ]
    catalog = _around([*lines, "安全生产领域基层政务公开标准目录"])
    assert catalog.title == "安全生产领域基层政务公开标准目录"
    assert catalog.notes == tuple(lines)
    assert catalog.issuer == "应急管理局"
    assert catalog.issued_on == dt.date(2023, 12, 1)


def test_metadata_line_with_several_fields_prefers_the_date_the_document_was_made() -> None:
    catalog = _around(
        [
            "索引号: 113701000041890665/2025-00051 组配分类: 工作部门主动公开基本目录",
            "成文日期: 2025-06-03 发布日期: 2025-06-05",
            "发布机构: 济南市统计局",
            "发文字号:",
        ]
    )
    assert catalog.issuer == "济南市统计局"
    assert catalog.issued_on == dt.date(2025, 6, 3)
    assert len(catalog.notes) == 4


def test_remark_naming_the_catalog_stays_a_note() -> None:
    catalog = _around(["某局政府信息公开目录", "注：本目录每年更新一次。"])
    assert catalog.title == "某局政府信息公开目录"
    assert catalog.notes == ("注：本目录每年更新一次。",)
