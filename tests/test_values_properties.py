"""Properties of the value splitters over cells built from realistic fragments."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_parse.normalize.brackets import top_level_titles
from disclosure_parse.normalize.values import (
    enumerator_spans,
    has_ticked_box,
    is_tick_list,
    split_basis,
    split_list,
)

PROPERTIES = settings(max_examples=300, deadline=None)

#: pieces legal-basis cells are made of, including broken ones (a lone 《, an unclosed "(")
BASIS_FRAGMENTS = (
    "《中华人民共和国政府信息公开条例》",
    "《社会救助暂行办法》",
    "《关于印发〈杭州市行政执法公示办法〉的通知》",
    "《财政部关于印发<地方政府债务信息公开办法(试行)>的通知》",
    "（国办发〔2017〕47号）",
    "(国令第711号)",
    "第四条",
    "第四十九",
    "五十条",
    "等",
    "及其实施细则",
    "根据",
    "国务院办公厅",
    "中共中央办公厅",
    "2014",
    "年政务公开工作要点",
    "：“行政机关应当……。”",
    "“",
    "”",
    "1.",
    "2.",
    "3、",
    "（2）",
    "①",
    "、",
    "，",
    "；",
    "。",
    " ",
    "\n",
    "《",
    "》",
    "(",
    ")",
    "〈",
    "<",
    "和",
    "的通知",
)
basis_cells = st.lists(st.sampled_from(BASIS_FRAGMENTS), max_size=14).map("".join)


def _squeezed(text: str) -> str:
    return regex.sub(r"\s+", "", text)


@PROPERTIES
@given(basis_cells)
def test_split_basis_never_loses_a_title(text: str) -> None:
    entries = split_basis(text)
    joined = _squeezed("".join(entries))
    for start, end in top_level_titles(text):
        assert _squeezed(text[start:end]) in joined


@PROPERTIES
@given(basis_cells)
def test_split_basis_gives_one_title_per_entry(text: str) -> None:
    for entry in split_basis(text):
        titles = top_level_titles(entry)
        # several only where they are named inside one longer name ("印发《A》和《B》的通知")
        assert len(titles) <= 1 or entry[titles[-1][1] :].lstrip().startswith("的"), entry


@PROPERTIES
@given(basis_cells)
def test_split_basis_entries_are_trimmed_and_non_empty(text: str) -> None:
    for entry in split_basis(text):
        assert entry and entry == entry.strip(" 、，,；;。")
        assert "\n" not in entry


#: numbers as they stand inside values: none is an enumerator
VALUE_FRAGMENTS = (
    "20个工作日内",
    "2.5",
    "第2号",
    "〔2016〕8号",
    "国令第711号",
    "2014年",
    "2014、2015年",
    "1次/年",
    "每年3月底前",
    "第十二条",
    "第3、第4条",
    "5、6月",
    "三、四季度",
    "2018.12.29",
    "12345热线",
    "政务服务中心",
    "公开",
)
value_cells = st.lists(
    st.tuples(st.sampled_from(VALUE_FRAGMENTS), st.sampled_from(["", "、", "；", " ", "，"])),
    max_size=8,
).map(lambda parts: "".join(a + b for a, b in parts))


@PROPERTIES
@given(value_cells)
def test_numbers_inside_values_are_never_enumerators(text: str) -> None:
    assert enumerator_spans(text) == []


CHANNELS = ("政府网站", "政府公报", "两微一端", "公开查阅点", "社区/企事业单位/村公示栏(电子屏)")
tick_lists = st.lists(
    st.tuples(
        st.sampled_from(["■", "□", "口", "▄", "☑", "☐", ""]),
        st.sampled_from(CHANNELS),
        st.sampled_from(["", " ", ";", "，", "\n", "。"]),
    ),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(box + label + sep for box, label, sep in parts))


@PROPERTIES
@given(tick_lists)
def test_ticked_entries_are_among_the_bullets(text: str) -> None:
    ticked = split_list(text)
    bullets = list(split_list(text, boxes_are_bullets=True))
    for entry in ticked:
        assert entry in bullets
        bullets = bullets[bullets.index(entry) + 1 :]


@PROPERTIES
@given(tick_lists)
def test_a_tick_list_with_no_ticked_box_keeps_nothing(text: str) -> None:
    if is_tick_list(text) and not has_ticked_box(text):
        assert split_list(text) == ()


@PROPERTIES
@given(st.text(max_size=40))
def test_splitters_never_raise(text: str) -> None:
    split_basis(text)
    split_list(text)
    split_list(text, boxes_are_bullets=True)
    enumerator_spans(text)
