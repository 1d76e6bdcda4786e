"""■/□ tick lists: which glyphs are boxes, which entries are ticked, boxes used as bullets."""

from __future__ import annotations

import pytest

from disclosure_parse.normalize.values import (
    BoxEntry,
    box_entries,
    column_boxes_are_bullets,
    has_ticked_box,
    is_tick_list,
    parse_tick,
    split_list,
)

ZAOZHUANG = (
    "▄政府网站;口政府公报;口政务新媒体;口发布会/听证会;口广播电视,口纸质媒体:口提供政务服务的场所;"
    "口公开查阅点;口便民服务站 ;口入户/现场;口图书馆:口社区/企事业单位/村公示栏(电子屏);国家档案馆;"
    "口精准推送;口其他。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("口政府网站 口政府公报 ■公开查阅点", ("公开查阅点",)),
        ("■政府网站 口政府公报 口两微一端", ("政府网站",)),
        ("☑政府网站\n☐两微一端\n口广播电视", ("政府网站",)),
        ("口政府网站、口政府公报、■公开查阅点", ("公开查阅点",)),
        ("■政府网站(门户)口政府公报", ("政府网站(门户)",)),
        (ZAOZHUANG, ("政府网站",)),
    ],
)
def test_mouth_character_is_an_unticked_box_in_a_run_of_boxes(
    text: str, expected: tuple[str, ...]
) -> None:
    assert split_list(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政务服务中心窗口、出入口公示栏", ("政务服务中心窗口", "出入口公示栏")),
        ("人口计生局、港口管理局", ("人口计生局", "港口管理局")),
        ("口岸办、口岸管理局", ("口岸办", "口岸管理局")),
        ("户口登记窗口", ("户口登记窗口",)),
        ("口头告知、书面告知", ("口头告知", "书面告知")),
        ("口腔医院", ("口腔医院",)),
    ],
)
def test_mouth_character_inside_a_word_is_text(text: str, expected: tuple[str, ...]) -> None:
    assert not is_tick_list(text)
    assert split_list(text) == expected


def test_a_single_mouth_with_no_other_box_is_not_a_tick_list() -> None:
    assert not is_tick_list("口政府网站")


@pytest.mark.parametrize("mark", ["▄", "▀", "█", "▇", "◆", "◼", "▪", "●", "■"])
def test_solid_block_glyphs_tick_an_entry(mark: str) -> None:
    assert split_list(f"{mark}政府网站 □政府公报 {mark}公开查阅点") == ("政府网站", "公开查阅点")
    assert parse_tick(mark) is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("▄政府网站;口政府公报", ("政府网站",)),
        ("■政府网站, □政府公报", ("政府网站",)),
        ("■纸质媒体:□提供政务服务的场所", ("纸质媒体",)),
        ("□政府公报 ■其他。", ("其他",)),
        ("■政府网站、□政府公报", ("政府网站",)),
        ("■政府网站；■两微一端；□政府公报", ("政府网站", "两微一端")),
    ],
)
def test_separator_after_an_entry_is_not_part_of_its_name(
    text: str, expected: tuple[str, ...]
) -> None:
    assert split_list(text) == expected


def test_entry_whose_box_was_lost_is_not_ticked() -> None:
    assert box_entries("■政府网站;国家档案馆;□其他") == (
        BoxEntry("政府网站", ticked=True, boxed=True),
        BoxEntry("国家档案馆", ticked=False, boxed=False),
        BoxEntry("其他", ticked=False, boxed=True),
    )
    assert split_list("■政府网站;国家档案馆;□其他") == ("政府网站",)


def test_label_with_a_comma_in_brackets_or_a_dunhao_is_one_entry() -> None:
    assert split_list("■政府网站（电脑版，手机版） □其他") == ("政府网站（电脑版，手机版）",)
    assert split_list("■社区/企事业单位、村公示栏(电子屏) □其他") == (
        "社区/企事业单位、村公示栏(电子屏)",
    )


def test_label_wrapped_over_lines_is_joined() -> None:
    text = "■政府网站\n□入户/现场 ■社区/企事业单位/村公示\n栏(电子屏) □精准推送"
    assert split_list(text) == ("政府网站", "社区/企事业单位/村公示栏(电子屏)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("□政府网站 □政府公报 □公开查阅点", ("政府网站", "政府公报", "公开查阅点")),
        ("☐政府网站\n☐两微一端", ("政府网站", "两微一端")),
        ("口政府网站；口政府公报", ("政府网站", "政府公报")),
        ("□政府网站;国家档案馆;□其他。", ("政府网站", "国家档案馆", "其他")),
    ],
)
def test_boxes_are_bullets_keeps_every_label(text: str, expected: tuple[str, ...]) -> None:
    assert split_list(text) == ()
    assert split_list(text, boxes_are_bullets=True) == expected


def test_boxes_are_bullets_changes_nothing_for_plain_lists() -> None:
    assert split_list("政府网站、政府公报", boxes_are_bullets=True) == ("政府网站", "政府公报")


@pytest.mark.parametrize(
    ("text", "ticked"),
    [
        ("■政府网站 □政府公报", True),
        ("▄政府网站;口政府公报", True),
        ("☑政府網站\n□政府公報", True),
        ("√政府网站 □政府公报", True),
        ("□政府网站 □政府公报", False),
        ("口政府网站 口政府公报", False),
        ("政府网站、政府公报", False),
        ("", False),
    ],
)
def test_has_ticked_box_tells_whether_a_cell_ticks_anything(text: str, ticked: bool) -> None:
    assert has_ticked_box(text) is ticked


def test_a_box_with_no_label_gives_no_entry() -> None:
    assert split_list("■") == ()
    assert split_list("□ ■政府网站") == ("政府网站",)


def test_a_column_whose_boxes_tick_nothing_uses_them_as_bullets() -> None:
    assert column_boxes_are_bullets(["□政府网站 □政府公报", "□公开查阅点", ""])
    assert not column_boxes_are_bullets(["□政府网站 □政府公报", "■公开查阅点 □政府公报"])
    assert not column_boxes_are_bullets(["政府网站、政府公报", "公开查阅点"])
