"""Value parsers: legal-basis splitting, list cells, ticks, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_parse.normalize.values import (
    is_empty_value,
    is_same_as_above,
    parse_date,
    parse_tick,
    split_basis,
    split_list,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "公开条例、国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）",
            ("公开条例", "国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）"),
        ),
        (
            "公开条例，2014、2015、2016年国务院办公厅政务公开工作要点",
            ("公开条例", "2014、2015、2016年国务院办公厅政务公开工作要点"),
        ),
        (
            "公开条例，中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）",
            (
                "公开条例",
                "中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）",
            ),
        ),
        (
            "公开条例、2017年国务院办公厅政务公开工作要点、2017年浙江省政务公开工作要点",
            ("公开条例", "2017年国务院办公厅政务公开工作要点", "2017年浙江省政务公开工作要点"),
        ),
        (
            "1.《中华人民共和国政府信息公开条例》（国务院令第711号）； 2.《浙江省行政规范性文件管理办法》",
            (
                "《中华人民共和国政府信息公开条例》（国务院令第711号）",
                "《浙江省行政规范性文件管理办法》",
            ),
        ),
        (
            "1.《重大行政决策程序暂行条例》（国令第713号） 2.《浙江省重大行政决策程序规定》",
            ("《重大行政决策程序暂行条例》（国令第713号）", "《浙江省重大行政决策程序规定》"),
        ),
        (
            "《关于印发〈杭州市行政执法公示办法〉等制度、规定的通知》",
            ("《关于印发〈杭州市行政执法公示办法〉等制度、规定的通知》",),
        ),
        (
            "公开条例， 2017、2018年国务院办公厅政务公开工作要点",
            ("公开条例", "2017、2018年国务院办公厅政务公开工作要点"),
        ),
    ],
)
def test_split_basis_one_reference_per_entry(text: str, expected: tuple[str, ...]) -> None:
    assert split_basis(text) == expected


def test_split_basis_never_splits_inside_parentheses() -> None:
    assert split_basis("《条例》（国办发〔2016〕80号，2018年修订）") == (
        "《条例》（国办发〔2016〕80号，2018年修订）",
    )


def test_split_basis_numbered_lines_split_but_wrapped_lines_join() -> None:
    text = "1.《政府信息公开条例》\n2.《关于印发政府网站发展指引的通\n知》（国办发〔2017〕47号）"
    assert split_basis(text) == (
        "《政府信息公开条例》",
        "《关于印发政府网站发展指引的通知》（国办发〔2017〕47号）",
    )


def test_split_list_on_chinese_separators() -> None:
    assert split_list("政府门户网站专栏、本部门网站；市财政局网站") == (
        "政府门户网站专栏",
        "本部门网站",
        "市财政局网站",
    )


def test_split_list_joins_a_label_broken_over_lines() -> None:
    assert split_list("市政府\n办公室") == ("市政府办公室",)


def test_tick_list_keeps_only_ticked_entries() -> None:
    assert split_list("■政府网站 □政府公报 ■公开查阅点") == ("政府网站", "公开查阅点")
    assert split_list("☑政府网站\n☐两微一端\n口广播电视") == ("政府网站",)


@pytest.mark.parametrize("mark", ["√", "✓", "✔", "☑", "■", "●", "是"])
def test_tick_marks(mark: str) -> None:
    assert parse_tick(mark) is True


@pytest.mark.parametrize("mark", ["", " ", "□", "☐", "口", "/", "—", "否"])
def test_untick_marks(mark: str) -> None:
    assert parse_tick(mark) is False


def test_cell_repeating_its_column_label_is_a_tick() -> None:
    assert parse_tick("全社会", own_labels=("全社会",)) is True
    assert parse_tick("主动公开", own_labels=("主动公开",)) is True


def test_free_text_in_a_tick_column_is_not_a_tick() -> None:
    assert parse_tick("视情况而定", own_labels=("主动公开",)) is None


def test_placeholders() -> None:
    assert is_empty_value("/") and is_empty_value("—") and is_empty_value(" ")
    assert not is_empty_value("无线")
    assert is_same_as_above("同上") and is_same_as_above("同上。") and is_same_as_above("“同上”")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018年12月29日", dt.date(2018, 12, 29)),
        ("2018-12-29", dt.date(2018, 12, 29)),
        ("2018年 1月 5日", dt.date(2018, 1, 5)),
        ("二〇一八年十二月二十九日", dt.date(2018, 12, 29)),
        ("2018年13月1日", None),
        ("衢州市人民政府办公室", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_list_cell_with_one_body_per_line_is_split_on_the_lines() -> None:
    assert split_list("县民政局\n乡镇人民政府") == ("县民政局", "乡镇人民政府")
    assert split_list("政府网站\n公开查阅点") == ("政府网站", "公开查阅点")


def test_list_cell_with_a_label_broken_to_fit_is_joined() -> None:
    assert split_list("政府门户\n网站专栏") == ("政府门户网站专栏",)
    assert split_list("市政府\n办公室") == ("市政府办公室",)
    # the cell has its own separators: its line breaks are only wrapping
    assert split_list("政府门户网站专栏、信用中国\n（浙江衢州）网站") == (
        "政府门户网站专栏",
        "信用中国（浙江衢州）网站",
    )


def test_line_break_before_a_list_marker_keeps_the_items_apart() -> None:
    from disclosure_parse.cell_text import join_lines

    assert (
        join_lines("1.事项名称\n2.申请条件\n（3）办理流程") == "1.事项名称 2.申请条件 （3）办理流程"
    )
