"""List enumerators stand anywhere before an entry; numbers inside values are not enumerators."""

from __future__ import annotations

import pytest

from disclosure_parse.normalize.values import (
    enumerator_spans,
    split_basis,
    split_list,
    strip_enumerators,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.《国务院办公厅关于印发2018年政务公开工作要点的通知》（国办发〔2018〕23号）"
            "2.《浙江省人民政府办公厅关于印发2020年浙江省政务公开工作要点的通知》",
            (
                "《国务院办公厅关于印发2018年政务公开工作要点的通知》（国办发〔2018〕23号）",
                "《浙江省人民政府办公厅关于印发2020年浙江省政务公开工作要点的通知》",
            ),
        ),
        (
            "1、《政府信息公开条例》2、《社会救助暂行办法》",
            ("《政府信息公开条例》", "《社会救助暂行办法》"),
        ),
        (
            "（1）《政府信息公开条例》（2）《社会救助暂行办法》",
            ("《政府信息公开条例》", "《社会救助暂行办法》"),
        ),
        (
            "(1)《政府信息公开条例》(2)《社会救助暂行办法》",
            ("《政府信息公开条例》", "《社会救助暂行办法》"),
        ),
        (
            "①《政府信息公开条例》②《社会救助暂行办法》",
            ("《政府信息公开条例》", "《社会救助暂行办法》"),
        ),
    ],
)
def test_enumerator_glued_to_the_reference_before_it_is_dropped(
    text: str, expected: tuple[str, ...]
) -> None:
    assert split_basis(text) == expected


def test_glued_enumerators_continuing_a_numbered_list_are_dropped() -> None:
    # "3." and "4." follow "2." directly, with no space (a PDF line join)
    text = (
        "1.《中华人民共和国政府信息公开条例》(国令第711号) 2.《自然资源规范性文件管理规定》"
        "(自然资源部令第2号)3.《重大行政决策程序暂行条例》(国令第713号)4.《矿产资源规划编制实施办法》"
        " 5.《地质灾害防治条例》(国令第394号)"
    )
    assert split_basis(text) == (
        "《中华人民共和国政府信息公开条例》(国令第711号)",
        "《自然资源规范性文件管理规定》(自然资源部令第2号)",
        "《重大行政决策程序暂行条例》(国令第713号)",
        "《矿产资源规划编制实施办法》",
        "《地质灾害防治条例》(国令第394号)",
    )


def test_a_run_later_in_a_numbering_counts_after_unnumbered_entries() -> None:
    # two entries without markers, then "3." and "4." glued on: a later part of one numbering
    assert split_basis("《条例》、《办法》3.《规定》4.《细则》") == (
        "《条例》",
        "《办法》",
        "《规定》",
        "《细则》",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.政府网站2.两微一端3.政务服务中心4.便民服务站",
            ("政府网站", "两微一端", "政务服务中心", "便民服务站"),
        ),
        (
            "1.政府网站 2.两微一端 3.政务服务中心 4.便民服务站",
            ("政府网站", "两微一端", "政务服务中心", "便民服务站"),
        ),
        ("1、县民政局2、乡镇人民政府", ("县民政局", "乡镇人民政府")),
        ("①政府网站②政务微博③公开查阅点", ("政府网站", "政务微博", "公开查阅点")),
        ("（1）政府网站（2）政府公报", ("政府网站", "政府公报")),
        ("1.政府网站；2.政府公报", ("政府网站", "政府公报")),
        ("一、政府网站；二、政府公报", ("政府网站", "政府公报")),
    ],
)
def test_numbered_plain_list_loses_its_enumerators(text: str, expected: tuple[str, ...]) -> None:
    assert split_list(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "20个工作日内",
        "自信息形成之日起20个工作日内公开",
        "每年3月底前",
        "1次/年",
        "第2号",
        "国令第711号",
        "中办发〔2016〕8号",
        "2014、2015、2016年国务院办公厅政务公开工作要点",
        "版本2.5",
        "2018.12.29",
        "每年5、6月",
        "第3、第4条",
        "12345热线",
        "三、四季度",
        "《条例》第二十条（一）",
        "《条例》第20条(1)(2)项",
        "附件1",
        "《办法》第2.5条",
        "1号楼2号窗口",
    ],
)
def test_numbers_inside_values_are_not_enumerators(text: str) -> None:
    assert enumerator_spans(text) == []
    assert strip_enumerators(text) == text


def test_a_lone_glued_number_is_not_an_enumerator() -> None:
    # "2." glued to text, no sequence and no title after it: kept as written
    assert split_list("政府网站2.两微一端") == ("政府网站2.两微一端",)
    assert enumerator_spans("市民服务中心1、二楼") == []


def test_enumerators_inside_brackets_are_text() -> None:
    assert split_basis("《关于印发1.工作方案2.实施细则的通知》") == (
        "《关于印发1.工作方案2.实施细则的通知》",
    )


def test_strip_enumerators_keeps_everything_else() -> None:
    assert strip_enumerators("1.政府网站 2.两微一端") == "政府网站 两微一端"
    assert strip_enumerators("1.1.《条例》") == "《条例》"
