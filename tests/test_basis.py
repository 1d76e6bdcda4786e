"""Legal basis (公开依据): one reference per entry."""

from __future__ import annotations

import pytest

from disclosure_parse.normalize.values import split_basis

LAW = "《中华人民共和国政府信息公开条例》"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "《中华人民共和国土地管理法》《中华人民共和国城乡规划法》《中华人民共和国政府信息公开条例》",
            ("《中华人民共和国土地管理法》", "《中华人民共和国城乡规划法》", LAW),
        ),
        (
            "《中华人民共和国政府信息公开条例》(国令第711号)《重大行政决策程序暂行条例》(国令第713号)",
            (
                "《中华人民共和国政府信息公开条例》(国令第711号)",
                "《重大行政决策程序暂行条例》(国令第713号)",
            ),
        ),
        (
            "《政府信息公开条例》（国务院令711号） 《2020年浙江省政务公开工作要点》（浙政办发〔2020〕20号）",
            (
                "《政府信息公开条例》（国务院令711号）",
                "《2020年浙江省政务公开工作要点》（浙政办发〔2020〕20号）",
            ),
        ),
        (
            "《中华人民共和国政府信息公开条例》《关于全面推进政务公开工作的意见》(中办发﹝2016﹞8号)",
            (LAW, "《关于全面推进政务公开工作的意见》(中办发﹝2016﹞8号)"),
        ),
        (
            "《政府信息公开条例》《中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知》",
            (
                "《政府信息公开条例》",
                "《中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知》",
            ),
        ),
    ],
)
def test_titles_run_together_are_separate_references(text: str, expected: tuple[str, ...]) -> None:
    assert split_basis(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "《中华人民共和国政府信息公开条例》第四条、第十二条、第二十七条至第四十五条",
        "《中华人民共和国政府信息公开条例》第四条、第四十九、五十条",
        "《中华人民共和国预算法》第十四条、第二十二条的规定",
        "《政府信息公开条例》第三条第一款、第二款",
        "《政府信息公开条例》第二十条（一）、（二）",
    ],
)
def test_article_list_after_a_title_stays_with_it(text: str) -> None:
    assert split_basis(text) == (text,)


def test_numbered_article_lists_are_one_entry_each() -> None:
    text = (
        "1.《中华人民共和国政府信息公开条例》第四条、第十二条、第二十七条至第四十五条 "
        "2.《中华人民共和国政府信息公开条例》第四条、第四十九、五十条 "
        "3.《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉"
        "的通知》(国办公开办函〔2021〕30号)"
    )
    assert split_basis(text) == (
        "《中华人民共和国政府信息公开条例》第四条、第十二条、第二十七条至第四十五条",
        "《中华人民共和国政府信息公开条例》第四条、第四十九、五十条",
        "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉"
        "的通知》(国办公开办函〔2021〕30号)",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《社会救助暂行办法》等", ("《社会救助暂行办法》等",)),
        (
            "《政府信息公开条例》、《关于全面推进政务公开工作的意见》及其实施细则",
            ("《政府信息公开条例》", "《关于全面推进政务公开工作的意见》及其实施细则"),
        ),
        ("《信息公开条例》及相关规定", ("《信息公开条例》及相关规定",)),
        (
            "《财政部关于印发〈地方预决算公开操作规程〉的通知》(财预〔2016〕143号)、"
            "《财政部关于印发<地方政府债务信息公开办法(试行)>的通知》(财预〔2018〕209号)等法律法规和文件规定",
            (
                "《财政部关于印发〈地方预决算公开操作规程〉的通知》(财预〔2016〕143号)",
                "《财政部关于印发<地方政府债务信息公开办法(试行)>的通知》(财预〔2018〕209号)等法律法规和文件规定",
            ),
        ),
    ],
)
def test_text_after_a_title_stays_with_it(text: str, expected: tuple[str, ...]) -> None:
    assert split_basis(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "《信息公开条例》及相关规定、根据国务院《社会救助暂行办法》",
            ("《信息公开条例》及相关规定", "根据国务院《社会救助暂行办法》"),
        ),
        (
            "《政府信息公开条例》第五条根据《社会救助暂行办法》",
            ("《政府信息公开条例》第五条", "根据《社会救助暂行办法》"),
        ),
        (
            "《政府信息公开条例》国务院办公厅《政务公开工作要点》",
            ("《政府信息公开条例》", "国务院办公厅《政务公开工作要点》"),
        ),
        (
            "国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知（国办发〔2016〕80号）",
            (
                "国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知（国办发〔2016〕80号）",
            ),
        ),
    ],
)
def test_text_before_a_title_belongs_to_it(text: str, expected: tuple[str, ...]) -> None:
    assert split_basis(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "《条例》（根据《国务院关于修改部分行政法规的决定》修订）",
        "国务院办公厅关于印发《政府网站发展指引》的通知（国办发〔2017〕47号）",
        "《政府信息公开条例》第十条：“依照《中华人民共和国档案法》的规定……”",
    ],
)
def test_a_title_nested_in_brackets_never_starts_an_entry(text: str) -> None:
    assert split_basis(text) == (text,)


def test_a_bracket_never_closed_does_not_glue_the_rest_of_the_cell() -> None:
    text = (
        "《信息公开条例》及相关规定、根据国务院《社会救助暂行办法》、"
        "《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号、"
        "《关于进一步做好脱贫攻坚期间临时救助工作的通知》辽民发(2018)74号等相关文件"
    )
    assert split_basis(text) == (
        "《信息公开条例》及相关规定",
        "根据国务院《社会救助暂行办法》",
        "《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号",
        "《关于进一步做好脱贫攻坚期间临时救助工作的通知》辽民发(2018)74号等相关文件",
    )


def test_mixed_full_and_half_width_brackets_still_close() -> None:
    assert split_basis("《条例》（国办发〔2016〕80号，2018年修订)、《办法》") == (
        "《条例》（国办发〔2016〕80号，2018年修订)",
        "《办法》",
    )


@pytest.mark.parametrize(
    "text",
    [
        "《关于印发〈杭州市行政执法公示办法〉等制度、规定的通知》",
        "《财政部关于印发<地方政府债务信息公开办法(试行)>的通知》",
        "《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》",
    ],
)
def test_angle_brackets_inside_a_title_never_split_it(text: str) -> None:
    assert split_basis(text) == (text,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "《政府信息公开条例》第二十条：“行政机关应当主动公开本行政机关的下列政府信息……。”"
            "《社会救助暂行办法》第六十一条",
            (
                "《政府信息公开条例》第二十条：“行政机关应当主动公开本行政机关的下列政府信息……。”",
                "《社会救助暂行办法》第六十一条",
            ),
        ),
        (
            "《政府信息公开条例》第二十条：“……”。根据《社会救助暂行办法》",
            ("《政府信息公开条例》第二十条：“……”", "根据《社会救助暂行办法》"),
        ),
        (
            "《政府信息公开条例》第二十条：“……。”根据《社会救助暂行办法》",
            ("《政府信息公开条例》第二十条：“……。”", "根据《社会救助暂行办法》"),
        ),
    ],
)
def test_a_full_stop_after_quoted_article_text_ends_the_reference(
    text: str, expected: tuple[str, ...]
) -> None:
    assert split_basis(text) == expected


def test_joint_issuers_and_year_lists_stay_one_entry() -> None:
    assert split_basis(
        "中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）"
    ) == ("中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）",)
    assert split_basis("2014、2015、2016年国务院办公厅政务公开工作要点、《政府信息公开条例》") == (
        "2014、2015、2016年国务院办公厅政务公开工作要点",
        "《政府信息公开条例》",
    )


def test_a_connector_between_two_titles_only_separates_them() -> None:
    assert split_basis("《政府信息公开条例》和《社会救助暂行办法》") == (
        "《政府信息公开条例》",
        "《社会救助暂行办法》",
    )


def test_a_title_wrapped_over_lines_is_joined_and_the_next_title_split() -> None:
    text = "《中华人民共和国城乡规划法》《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制\n审核制度的指导意见》"
    assert split_basis(text) == (
        "《中华人民共和国城乡规划法》",
        "《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》",
    )


@pytest.mark.parametrize(
    "text",
    [
        "国务院办公厅关于印发《政府信息公开工作考核办法》和《政府信息公开社会评议办法》的通知",
        "关于印发《政务公开工作规范》《政务公开考核办法》的通知（浙政办发〔2019〕5号）",
    ],
)
def test_titles_named_inside_one_document_name_stay_together(text: str) -> None:
    assert split_basis(text) == (text,)


def test_a_document_name_ending_after_a_title_is_cut_before_the_next_title() -> None:
    assert split_basis("关于印发《政务公开工作规范》的通知《政府信息公开条例》") == (
        "关于印发《政务公开工作规范》的通知",
        "《政府信息公开条例》",
    )
