"""Real published pages, as their text was extracted (tests/data/real-pages/)."""

from __future__ import annotations

from repo_files import ROOT

from disclosure_parse import parse

PAGES = ROOT / "tests" / "data" / "real-pages"


def test_card_pasted_as_a_pipe_table_is_one_item() -> None:
    """sdsx: 一级事项 | … | 二级事项 | … on one row, labels down the first column."""
    catalog = parse(PAGES / "sdsx-transposed-card.txt")
    (item,) = catalog.items
    assert item.category == ("农业生产发展资金", "农机购置补贴")
    assert item.content is not None and item.content.startswith("● 政策依据;")
    assert item.basis == (
        "《中华人民共和国农业机械化促进法》(中华人民共和国主席令 第十六号)",
        "《农业生产发展资金管理办法》(财农〔2017〕41号)",
        "《2021—2023年聊城市农机购置补贴实施指导意见》",
    )
    assert item.subjects == ("县级农业农村部门",)
    assert item.time_limit is not None and item.time_limit.startswith("自政府信息形成")
    assert item.channels == ("一键直达",)
    assert catalog.warnings == ()


def test_markdown_pipe_table_with_a_header_row_is_a_catalog_table() -> None:
    text = (
        "某局政府信息公开目录\n"
        "| 序号 | 公开事项 | 公开内容 | 公开主体 | 公开时限 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 机构职能 | 主要职责、内设机构 | 办公室 | 20个工作日内 |\n"
        "| 2 | 政策文件 | 规范性文件 |  | 20个工作日内 |\n"
    )
    catalog = parse(text.encode("utf-8"))
    assert catalog.title == "某局政府信息公开目录"
    assert [i.category for i in catalog.items] == [("机构职能",), ("政策文件",)]
    assert catalog.items[1].subjects == ("办公室",)  # inherited from above
