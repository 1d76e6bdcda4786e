"""Lines of a web page or document around the catalog: site chrome, metadata, headings.

A published catalog page carries lines that are not the catalog's: an info bar
("发布时间:2024-07-09 信息来源:凌源市 浏览次数:"), widgets (【字体:大 中 小】, 打印, 关闭,
分享到), and a metadata box (索引号 / 发布机构 / 成文日期 / 文号). The info bar and the
widgets are site chrome and dropped; the metadata box is kept as notes and gives the
issuer and the date. A line of its own with one label and its value ("来源:某局",
"日期:2024-09-14") is a note.
"""

from __future__ import annotations

import datetime as dt

import regex

from disclosure_parse.cell_text import parse_date

#: labels of a page's info bar: when they make up a line of two or more fields, or stand
#: alone without a value, the line is site chrome
PAGE_INFO_LABELS = (
    "发布时间",
    "发布日期",
    "时间",
    "日期",
    "信息来源",
    "文章来源",
    "来源",
    "作者",
    "浏览次数",
    "浏览量",
    "浏览",
    "点击数",
    "点击量",
    "点击率",
    "点击",
    "访问量",
    "阅读次数",
    "阅读量",
    "阅读",
    "字体",
    "字号",
    "分享到",
    "分享",
    "责任编辑",
    "编辑",
    "供稿",
)
#: labels of a document's metadata box (kept as notes; issuer and date come from them)
METADATA_LABELS = (
    "索引号",
    "主题分类",
    "组配分类",
    "所属主题",
    "发布机构",
    "发文机关",
    "发文单位",
    "发布单位",
    "成文日期",
    "成文时间",
    "发文日期",
    "发文时间",
    "印发日期",
    "发文字号",
    "文号",
    "标题",
    "有效性",
    "效力状态",
    "时效性",
    "公开方式",
    "公开范围",
)
ISSUER_LABELS = ("发布机构", "发文机关", "发文单位", "发布单位")
#: date labels in order of preference (the date a document was made, then issued)
DATE_LABELS = ("成文日期", "成文时间", "发文日期", "发文时间", "印发日期")

_WIDGET = regex.compile(
    r"【\s*字[体号]|字体\s*[:：]|大\s+中\s+小|打印|关闭|收藏|分享到|扫一扫|二维码|浏览次数|浏览量|"
    r"点击数|点击量|阅读次数|阅读量|访问量|无障碍|长者模式|返回顶部|您的位置|当前位置"
)
#: longest line that can be a widget bar (a longer one is text mentioning 打印 or 关闭)
MAX_WIDGET_LINE = 60


def _spaced(label: str) -> str:
    """A label as printed, maybe with spaces between its characters ("索 引 号")."""
    return r"\s*".join(regex.escape(ch) for ch in label)


_LABEL = regex.compile(
    r"(?:^|(?<=[\s　]))("
    + "|".join(_spaced(label) for label in (*METADATA_LABELS, *PAGE_INFO_LABELS))
    + r")\s*[:：]"
)


def fields(line: str) -> list[tuple[str, str]]:
    """The "label: value" fields of a line, labels from the known lists (spaces removed)."""
    matches = list(_LABEL.finditer(line))
    found: list[tuple[str, str]] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        label = regex.sub(r"\s+", "", match.group(1))
        found.append((label, line[match.end() : end].strip()))
    if matches and line[: matches[0].start()].strip():
        return []  # text before the first label: a sentence, not a field line
    return found


def is_chrome(line: str) -> bool:
    """Site chrome: a page info bar, a widget line, a lone page-info label with no value."""
    if len(line) <= MAX_WIDGET_LINE and _WIDGET.search(line):
        return True
    found = fields(line)
    if not found or any(label not in PAGE_INFO_LABELS for label, _ in found):
        return False
    return len(found) >= 2 or not found[0][1]


def metadata_issuer(lines: list[str]) -> str | None:
    """The issuing body named in a metadata box line (发布机构: …), if any."""
    for line in lines:
        for label, value in fields(line):
            if label in ISSUER_LABELS and value:
                return value
    return None


def metadata_date(lines: list[str]) -> dt.date | None:
    """The date of a metadata box (成文日期 first, then 发文日期 …), if any."""
    dates: dict[str, dt.date] = {}
    for line in lines:
        for label, value in fields(line):
            date = parse_date(value.split()[0]) if value else None
            if label in DATE_LABELS and date is not None:
                dates.setdefault(label, date)
    return next((dates[label] for label in DATE_LABELS if label in dates), None)
