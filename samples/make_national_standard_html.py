"""Build samples/national-standard-township.html: a township's 基层政务公开标准目录 page.

A rebuild of the page a county CMS publishes for the national standard layout (used by
county and township governments since 2019), as seen on real sites (see
shared/real-pages: duolun, fsxf, xilinhaote):

- GBK-encoded, declared by `<meta charset="gbk">`;
- site boilerplate around the article: script, style, a menu, a breadcrumb, a footer
  with the site code, and the article metadata box (索引号 / 发布机构 …) as a small table;
- the whole article sits in a one-cell layout table (old CMS templates);
- two catalog tables, one per 领域: 社会救助 with its title as an `<h2>` above and a
  `<thead>` of `<th>` cells; 社会保险 with its title as the first row spanning all 14
  columns and its header as plain `<td><strong>` cells;
- header: 序号 | 公开事项 (一级事项, 二级事项) | 公开内容（要素） | 公开依据 | 公开时限 |
  公开主体 | 公开渠道和载体 (with the ■/□ legend) | 公开对象 (全社会, 特定群体) |
  公开方式 (主动, 依申请) | 公开层级 (县级, 乡级), labels broken by `<br>` ("公开<br>时限");
- rowspan on 一级事项, 公开依据 and 公开主体; channel lists ■/□ with `<br>`, sometimes two
  per line; √ ticks; "同上" and "/" cells; `&nbsp;` in empty cells; Word-pasted
  `<p><span>` markup inside cells;
- a legend note between the tables, the issuer and the date after the last one.

Deterministic: the same script writes the same bytes.

Usage:  python samples/make_national_standard_html.py [OUT.html]
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "national-standard-township.html"

TOWN = "青山县白石镇"
TITLE = f"{TOWN}基层政务公开标准目录"
ISSUER = f"{TOWN}人民政府"
DATE = "2021年6月28日"

CHANNELS_FULL = (
    "■政府网站 □政府公报\n□两微一端 □发布会/听证会\n□广播电视 □纸质媒体\n"
    "■公开查阅点 □政务服务中心\n■便民服务站 □入户/现场\n"
    "■社区/企事业单位/村公示栏（电子屏）\n□精准推送 □其他"
)
CHANNELS_SHORT = "■政府网站\n□政府公报\n■公开查阅点"
CHANNELS_LIST = "■政府网站\n■两微一端\n□广播电视\n■社区/企事业单位/村公示栏（电子屏）"
TIME_LIMIT = "信息形成或者变更之日起20个工作日内"
GUIDE = (
    "1.事项名称\n2.申请条件\n3.申请材料\n4.办理流程\n5.办理时限\n6.办理机构及地点\n"
    "7.咨询查询途径\n8.监督投诉渠道"
)


def row(
    first: str | None,
    second: str,
    content: str,
    basis: str | None,
    time_limit: str,
    subject: str | None,
    channels: str,
    ticks: str,
) -> dict[str, object]:
    """One data row; None in first/basis/subject means "covered by the rowspan above".

    `ticks` gives the six flag cells 全社会 特定群体 主动 依申请 县级 乡级 as
    characters: "√" ticked, "." empty (&nbsp;), "/" a slash, e.g. "√.√.√√".
    """
    return {
        "first": first,
        "second": second,
        "content": content,
        "basis": basis,
        "time": time_limit,
        "subject": subject,
        "channels": channels,
        "ticks": ticks,
    }


#: 社会救助领域 (the 一级 labels, 依据 and 主体 carry a rowspan over the rows marked None)
RELIEF = [
    row(
        "政策法规",
        "政策文件",
        "国家、省、市、县关于社会救助的法律法规、规章、规范性文件",
        "《中华人民共和国政府信息公开条例》\n《社会救助暂行办法》",
        TIME_LIMIT,
        "县民政局\n乡镇人民政府",
        CHANNELS_FULL,
        "√.√.√√",
    ),
    row(
        "最低生活保障",
        "低保对象认定（办事指南）",
        GUIDE,
        "《社会救助暂行办法》\n《最低生活保障审核确认办法》（民发〔2021〕57号）",
        TIME_LIMIT,
        "县民政局\n乡镇人民政府",
        CHANNELS_FULL,
        "√.√.√√",
    ),
    row(
        None,
        "低保对象认定结果",
        "低保对象名单：户主姓名、保障人数、保障金额、所在村（居）",
        None,
        "每月更新",
        None,
        "■政府网站 □政府公报\n■公开查阅点 ■社区/企事业单位/村公示栏（电子屏）",
        "√.√.√√",
    ),
    row(
        None,
        "低保金给付",
        "低保金发放标准、发放时间、发放方式",
        None,
        "同上",
        None,
        CHANNELS_SHORT,
        "√.√.√√",
    ),
    row(
        "特困人员救助供养",
        "特困人员认定（办事指南）",
        GUIDE,
        "《社会救助暂行办法》\n《特困人员认定办法》（民发〔2021〕43号）",
        TIME_LIMIT,
        "县民政局\n乡镇人民政府",
        CHANNELS_FULL,
        "√.√.√√",
    ),
    row(
        None,
        "特困人员认定结果",
        "特困人员名单：姓名、所在村（居）、供养形式",
        None,
        TIME_LIMIT,
        None,
        CHANNELS_SHORT,
        "√.√.√√",
    ),
    row(
        None,
        "救助供养金给付",
        "救助供养标准、发放时间",
        None,
        "同上",
        None,
        CHANNELS_SHORT,
        "√.√.√√",
    ),
    row(
        "临时救助",
        "临时救助对象认定（办事指南）",
        GUIDE,
        "《社会救助暂行办法》\n《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）",
        TIME_LIMIT,
        "乡镇人民政府",
        CHANNELS_FULL,
        "√.√.√√",
    ),
    row(
        None,
        "临时救助审批结果",
        "救助对象姓名、救助事由、救助金额",
        None,
        "/",
        None,
        CHANNELS_SHORT,
        "√/√√√√",
    ),
    row(
        "医疗救助",
        "医疗救助办理",
        "1.救助对象范围\n2.救助标准\n3.申请材料\n4.办理流程",
        "《社会救助暂行办法》",
        TIME_LIMIT,
        "县医疗保障局\n乡镇人民政府",
        CHANNELS_LIST,
        "√.√.√√",
    ),
    row(
        "受灾人员救助",
        "灾害救助",
        "救助款物发放对象、标准、数量",
        "《自然灾害救助条例》",
        "救助工作结束后20个工作日内",
        "县应急管理局\n乡镇人民政府",
        CHANNELS_LIST,
        "√.√.√√",
    ),
    row(
        "监督管理",
        "投诉举报",
        "投诉举报电话、受理机构、办理结果",
        "同上",
        "实时",
        "县民政局",
        "■政府网站 ■两微一端 ■公开查阅点",
        "√.√.√/",
    ),
]

#: 社会保险领域
INSURANCE = [
    row(
        "社会保险登记",
        "单位参保登记",
        GUIDE,
        "《中华人民共和国社会保险法》\n《社会保险费征缴暂行条例》（国务院令第710号）",
        TIME_LIMIT,
        "县人力资源社会保障局",
        CHANNELS_FULL,
        "√.√.√.",
    ),
    row(
        None,
        "个人参保登记",
        GUIDE,
        None,
        TIME_LIMIT,
        None,
        CHANNELS_FULL,
        "√.√.√√",
    ),
    row(
        "社会保险参保信息维护",
        "单位基本信息变更",
        GUIDE,
        "《中华人民共和国社会保险法》",
        TIME_LIMIT,
        None,
        CHANNELS_SHORT,
        "√.√.√.",
    ),
    row(
        None,
        "个人基本信息变更",
        GUIDE,
        None,
        "同上",
        None,
        CHANNELS_SHORT,
        "√.√.√√",
    ),
    row(
        "社会保险待遇",
        "城乡居民养老保险待遇申领",
        GUIDE,
        "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
        TIME_LIMIT,
        None,
        "■政府网站 □政府公报\n■公开查阅点 ■便民服务站",
        "√.√.√√",
    ),
    row(
        None,
        "城乡居民养老保险关系注销",
        GUIDE,
        None,
        TIME_LIMIT,
        None,
        "同上",
        "√.√.√√",
    ),
    row(
        None,
        "待遇发放名单",
        "享受待遇人员姓名、待遇标准",
        None,
        "每季度",
        None,
        "■公开查阅点\n■社区/企事业单位/村公示栏（电子屏）",
        ".√√.√√",
    ),
    row(
        "工伤保险",
        "工伤认定申请",
        GUIDE,
        "《工伤保险条例》",
        TIME_LIMIT,
        None,
        CHANNELS_FULL,
        "√..√√/",
    ),
    row(
        "失业保险",
        "失业保险金申领",
        GUIDE,
        "《失业保险条例》",
        TIME_LIMIT,
        None,
        CHANNELS_FULL,
        "√.√.√√",
    ),
    row(
        "社会保障卡",
        "社会保障卡申领",
        GUIDE,
        "《社会保障卡管理办法》",
        TIME_LIMIT,
        None,
        CHANNELS_SHORT,
        "√.√.√√",
    ),
    row(
        None,
        "社会保障卡挂失",
        "1.挂失方式\n2.咨询电话",
        None,
        "实时",
        None,
        CHANNELS_SHORT,
        "√.√.√√",
    ),
]

#: the national header: (label, rowspan, colspan) for row 1, then the row 2 sub-labels
HEADER_TOP = [
    ("序号", 2, 1),
    ("公开事项", 1, 2),
    ("公开内容\n（要素）", 2, 1),
    ("公开依据", 2, 1),
    ("公开\n时限", 2, 1),
    ("公开\n主体", 2, 1),
    ("公开渠道和载体\n（“■”为必选项，“□”为可选项）", 2, 1),
    ("公开对象", 1, 2),
    ("公开方式", 1, 2),
    ("公开层级", 1, 2),
]
HEADER_SUB = ["一级\n事项", "二级事项", "全社会", "特定\n群体", "主动", "依申\n请", "县级", "乡级"]
N_COLS = 14


def lines(text: str) -> str:
    """Cell text as HTML: escaped, line breaks as <br>."""
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))


def td(text: str, rowspan: int = 1, colspan: int = 1, tag: str = "td", pasted: bool = False) -> str:
    """One cell; `pasted` wraps it the way Word-pasted CMS content does (p/span)."""
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    body = lines(text) if text else "&nbsp;"
    if pasted and text:
        body = f'<p style="text-align:left"><span style="font-size:12px">{body}</span></p>'
    return f'<{tag}{attrs} valign="middle">{body}</{tag}>'


def spans(rows: list[dict[str, object]], key: str) -> dict[int, int]:
    """Row index → rowspan for column `key`, where following rows hold None."""
    result: dict[int, int] = {}
    start = 0
    for index, values in enumerate(rows):
        if values[key] is not None:
            start = index
            result[index] = 1
        else:
            result[start] += 1
    return result


def tick_cells(ticks: str) -> str:
    cells = []
    for mark in ticks:
        text = {"√": "√", ".": "", "/": "/"}[mark]
        cells.append(td(text))
    return "".join(cells)


def header(tag: str, bold: bool) -> list[str]:
    def label(text: str) -> str:
        return f"<strong>{text}</strong>" if bold else text

    top = "".join(
        f"<{tag}"
        + (f' rowspan="{r}"' if r > 1 else "")
        + (f' colspan="{c}"' if c > 1 else "")
        + f">{label(lines(text))}</{tag}>"
        for text, r, c in HEADER_TOP
    )
    sub = "".join(f"<{tag}>{label(lines(text))}</{tag}>" for text in HEADER_SUB)
    return [f"<tr>{top}</tr>", f"<tr>{sub}</tr>"]


def body_rows(rows: list[dict[str, object]]) -> list[str]:
    first_spans = spans(rows, "first")
    basis_spans = spans(rows, "basis")
    subject_spans = spans(rows, "subject")
    out = []
    for index, values in enumerate(rows):
        cells = [td(str(index + 1))]
        if index in first_spans:
            cells.append(td(str(values["first"]), rowspan=first_spans[index]))
        cells.append(td(str(values["second"])))
        cells.append(td(str(values["content"]), pasted=True))
        if index in basis_spans:
            cells.append(td(str(values["basis"]), rowspan=basis_spans[index], pasted=True))
        cells.append(td(str(values["time"])))
        if index in subject_spans:
            cells.append(td(str(values["subject"]), rowspan=subject_spans[index]))
        cells.append(td(str(values["channels"])))
        cells.append(tick_cells(str(values["ticks"])))
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def relief_table() -> str:
    head = header("th", bold=False)
    return (
        '<h2 style="text-align:center">一、社会救助领域基层政务公开标准目录</h2>\n'
        '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%">\n'
        "<thead>\n"
        + "\n".join(head)
        + "\n</thead>\n<tbody>\n"
        + "\n".join(body_rows(RELIEF))
        + "\n</tbody>\n</table>\n"
    )


def insurance_table() -> str:
    title = (
        f'<tr><td colspan="{N_COLS}" align="center"><strong>二、社会保险领域'
        "基层政务公开标准目录</strong></td></tr>"
    )
    head = header("td", bold=True)
    return (
        '<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse">\n'
        "<tbody>\n"
        + title
        + "\n"
        + "\n".join(head)
        + "\n"
        + "\n".join(body_rows(INSURANCE))
        + "\n</tbody>\n</table>\n"
    )


DTD = '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"'
NAV = (
    '<div class="top-nav"><ul class="nav"><li><a href="/">首页</a></li>'
    '<li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>'
)
BREADCRUMB = (
    '<div class="location">当前位置：<a href="/">首页</a> &gt; '
    '<a href="/zwgk/">政务公开</a> &gt; 标准目录</div>'
)


def page() -> str:
    info = (
        '<table class="xxgk-info" width="100%"><tr><td>索引号：</td><td>11520000MB1234567X/'
        "2021-00156</td><td>发布机构：</td><td>"
        + ISSUER
        + "</td></tr><tr><td>信息名称：</td><td>"
        + TITLE
        + "</td><td>发布日期：</td><td>2021-06-28</td></tr></table>"
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" {DTD}>
<html>
<head>
<meta charset="gbk">
<title>{TITLE}_{TOWN}人民政府</title>
<style type="text/css">.nav li{{float:left}} td{{border:1px solid #000}}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
{NAV}
{BREADCRUMB}
<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td>
{info}
<h1 style="text-align:center">{TITLE}</h1>
<div class="article-date">发布时间：2021-06-28 09:30 &nbsp; 来源：{ISSUER}</div>
{relief_table()}<p>注：“■”为必选项，“□”为可选项；“/”表示不适用。</p>
{insurance_table()}<p style="text-align:right">{ISSUER}</p>
<p style="text-align:right">{DATE}</p>
</td></tr></table>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div id="footer">主办单位：{ISSUER} &nbsp; 网站标识码：5203000001 &nbsp; 黔ICP备00000000号</div>
<script>window.onload = function () {{}};</script>
</body>
</html>
"""


def main(out: Path = OUT) -> None:
    out.write_bytes(page().replace("\n", "\r\n").encode("gbk"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
