"""Write two samples of layouts met in the wild, each showing the column and value rules.

    python samples/make_wild_layouts.py   # writes the .html and the .docx (deterministic)
    soffice --headless --convert-to pdf --outdir samples samples/website-column-framework.docx

* `township-housing-standard.html`: a township's 基层政务公开标准目录 as a county CMS page —
  site chrome (info bar, 【字体】, 打印 关闭), a metadata box written as lines (索引号 / 发布机构 /
  成文日期), the title printed as the table's first row; 事项名称 over 一级/二级; 公开范围
  with 社会 / 一定范围; 责任股室 beside 公开主体; a second group printed 公开方式 over
  县级 / 乡、村级 (it is 公开层级), the 县级 column holding level names; rowspans, an empty
  公开依据 merged over two rows, a 公开内容 cell divided into sub-rows; basis references run
  together with glued enumerators and a quoted article ending in 。; ▄ / 口 tick boxes and
  the word 窗口 in a channel name.
* `website-column-framework.docx`: a county site's 栏目框架 (版块 / 栏目名称 / 一级栏目 …
  with 内容说明, 具体要求, 提供内容时效标准, 更新标准, 保障部门); an unlabelled 序号 column;
  公开形式 holding forms (全文, 图表); 公开方式 holding manners (主动公开, 全文发布); a 发布渠道
  column of □ lists never ticked (bullets); vertical merges in 版块 and 保障部门.

Both tables are written from one compact grid ("^" continues a vertical merge from the cell
above, "<" a horizontal one from the left), so the HTML and the DOCX merges are the same
cells a reader would see.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
UP, LEFT = "^", "<"
Grid = list[list[str]]

# --- township-housing-standard.html --------------------------------------------------------

HOUSING_BEFORE = [
    "首页 > 政务公开 > 基层政务公开 > 标准目录",
    "索 引 号:11522701MB0000000X/2023-00087",
    "发布机构:青石镇人民政府",
    "成文日期:2023年05月16日",
    "文 号:无",
    "青石镇农村危房改造领域基层政务公开标准目录",
    "发布时间:2023-05-18 09:12 信息来源:青石镇 浏览次数:",
    "【字体:大 中 小】 打印 关闭",
]
_CHANNELS_1 = "▄政府网站 口政府公报 ▄两微一端 口发布会 ▄公开查阅点 口政务服务窗口 ▄村公示栏"
_CHANNELS_2 = "▄政府网站;口政府公报;▄便民服务站;口入户/现场;▄村公示栏(电子屏)。"
_BASIS_1 = (
    "1.《中华人民共和国政府信息公开条例》(国令第711号)2.《农村危房改造基本安全技术导则》"
    "(建办村函〔2018〕172号)3.《关于全面推进基层政务公开标准化规范化工作的指导意见》"
)
_BASIS_2 = (
    "《中华人民共和国政府信息公开条例》第二十条：“行政机关应当依照本条例第十九条的规定，"
    "主动公开本行政机关的下列政府信息……。”《农村危房改造补助资金管理暂行办法》"
)
HOUSING: Grid = [
    ["青石镇农村危房改造领域基层政务公开标准目录", *[LEFT] * 15],
    [
        "序号",
        "事项名称",
        LEFT,
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "责任股室",
        "公开渠道和载体",
        "公开范围",
        LEFT,
        "公开方式",
        LEFT,
        "公开方式",
        LEFT,
        "备注",
    ],
    [
        UP,
        "一级事项",
        "二级事项",
        UP,
        UP,
        UP,
        UP,
        UP,
        UP,
        "社会",
        "一定范围",
        "主动",
        "依申请",
        "县级",
        "乡、村级",
        UP,
    ],
    [
        "1",
        "政策文件",
        "补助政策",
        "补助对象、补助标准、申请条件",
        _BASIS_1,
        "信息形成或者变更之日起20个工作日内",
        "青石镇人民政府",
        "村镇建设办",
        _CHANNELS_1,
        "√",
        "",
        "√",
        "",
        "县级",
        "√",
        "",
    ],
    [
        "2",
        UP,
        "实施方案",
        "年度实施方案、任务分配",
        "",
        "信息形成或者变更之日起20个工作日内",
        "青石镇人民政府",
        "村镇建设办",
        _CHANNELS_1,
        "√",
        "",
        "√",
        "",
        "州级",
        "√",
        "",
    ],
    [
        "3",
        UP,
        "政策解读",
        "政策解读材料",
        UP,
        "政策文件公布之日起3个工作日内",
        "青石镇人民政府",
        "村镇建设办",
        _CHANNELS_1,
        "√",
        "",
        "√",
        "",
        "",
        "√",
        "",
    ],
    [
        "4",
        "办理信息",
        "补助对象认定",
        "【申请人姓名】",
        _BASIS_2,
        "评议结果形成之日起5个工作日内",
        "青石镇人民政府",
        "村镇建设办",
        _CHANNELS_2,
        "√",
        "",
        "√",
        "",
        "",
        "√",
        "公示7天",
    ],
    [UP, UP, UP, "【所在村组】", UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP],
    [UP, UP, UP, "【改造方式】", UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP],
    [
        "5",
        UP,
        "补助资金发放",
        "发放对象、发放金额、发放时间",
        "",
        "资金发放后5个工作日内",
        "青石镇人民政府",
        "财政所",
        _CHANNELS_2,
        "",
        "√",
        "√",
        "",
        "",
        "√",
        "",
    ],
]
HOUSING_AFTER = ["注：“▄”为必选项，“口”为可选项。"]


def _origins(grid: Grid) -> dict[tuple[int, int], tuple[str, int, int]]:
    """(row, col) of each cell's origin → (text, row_span, col_span)."""
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text == UP:
                origin = owner[(r - 1, c)]
                if c == origin[1]:
                    spans[origin][0] += 1
            elif text == LEFT:
                origin = owner[(r, c - 1)]
                if r == origin[0]:
                    spans[origin][1] += 1
            else:
                origin = (r, c)
                spans[origin] = [1, 1]
            owner[(r, c)] = origin
    return {(r, c): (grid[r][c], s[0], s[1]) for (r, c), s in spans.items()}


def housing_html() -> bytes:
    """The page, in GB18030-compatible UTF-8 markup of a county CMS."""
    origins = _origins(HOUSING)
    rows: list[str] = []
    for r in range(len(HOUSING)):
        cells = []
        for c in range(len(HOUSING[r])):
            if (r, c) not in origins:
                continue
            text, row_span, col_span = origins[(r, c)]
            attrs = (f' rowspan="{row_span}"' if row_span > 1 else "") + (
                f' colspan="{col_span}"' if col_span > 1 else ""
            )
            tag = "th" if 1 <= r <= 2 else "td"
            body = "<br/>".join(html.escape(line) for line in text.split("\n")) or "&nbsp;"
            cells.append(f"<{tag}{attrs}>{body}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    crumb, *lines = HOUSING_BEFORE
    before = f'<div class="crumb">{html.escape(crumb)}</div>\n' + "\n".join(
        f"<p>{html.escape(line)}</p>" for line in lines
    )
    after = "\n".join(f"<p>{html.escape(line)}</p>" for line in HOUSING_AFTER)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"/>
<title>青石镇农村危房改造领域基层政务公开标准目录</title></head>
<body><div class="main">
{before}
<div class="TRS_Editor">
<table border="1" cellspacing="0" cellpadding="2">
{chr(10).join(rows)}
</table>
{after}
</div></div></body></html>
"""
    return page.encode("utf-8")


# --- website-column-framework.docx ----------------------------------------------------------

FRAMEWORK_TITLE = "某县人民政府门户网站政务公开栏目框架"
FRAMEWORK_BEFORE = ["（2024年版）"]
FRAMEWORK_AFTER = ["某县人民政府办公室", "2024年3月8日"]
_BULLETS = "□政府网站\n□政务微信\n□政务微博"
FRAMEWORK: Grid = [
    [
        "",
        "版块",
        "栏目名称",
        "一级栏目",
        "二级栏目",
        "内容说明",
        "具体要求",
        "提供内容时效标准",
        "更新标准",
        "公开形式",
        "公开方式",
        "发布渠道",
        "保障部门",
    ],
    [
        "1",
        "政务公开",
        "政府信息公开",
        "机构职能",
        "机构简介",
        "本机关职能、内设机构、办公地址、办公时间",
        "全文公开",
        "信息形成或者变更之日起20个工作日内",
        "实时更新",
        "全文",
        "主动公开",
        _BULLETS,
        "县政府办",
    ],
    [
        "2",
        UP,
        UP,
        UP,
        "领导信息",
        "领导姓名、照片、职务、分工",
        "全文公开",
        "信息形成或者变更之日起20个工作日内",
        "实时更新",
        "全文\n图片",
        "主动公开",
        _BULLETS,
        UP,
    ],
    [
        "3",
        UP,
        UP,
        "政策文件",
        "规范性文件",
        "以县政府及其办公室名义印发的规范性文件",
        "附解读材料",
        "文件印发之日起20个工作日内",
        "实时更新",
        "全文",
        "全文发布",
        "□政府网站",
        "县司法局",
    ],
    [
        "4",
        UP,
        UP,
        UP,
        "政策解读",
        "文字解读、图表解读",
        "与文件同步发布",
        "与政策文件同步公开",
        "实时更新",
        "图表、文字",
        "全文发布",
        "□政府网站\n□政务微信",
        UP,
    ],
    [
        "5",
        "互动交流",
        "县长信箱",
        "来信选登",
        "",
        "群众来信及办理结果",
        "隐去个人信息",
        "办结后10个工作日内",
        "每月",
        "文字",
        "依申请公开",
        "□政府网站",
        "县信访局",
    ],
]


def _font(run: docx.text.run.Run, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "SimSun"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def framework_docx() -> bytes:
    """The document's bytes (deterministic: fixed core-property dates and zip times)."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    for text, size in [(FRAMEWORK_TITLE, 16), *((t, 12) for t in FRAMEWORK_BEFORE)]:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(text), size, bold=size > 12)
    origins = _origins(FRAMEWORK)
    table = document.add_table(rows=len(FRAMEWORK), cols=len(FRAMEWORK[0]))
    table.style = "Table Grid"
    for (r, c), (text, row_span, col_span) in sorted(origins.items()):
        cell = table.cell(r, c)
        lines = text.split("\n")
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            _font(run, 9, bold=r == 0)
            if index < len(lines) - 1:
                run.add_break()
        if row_span > 1 or col_span > 1:
            cell.merge(table.cell(r + row_span - 1, c + col_span - 1))
    for text in FRAMEWORK_AFTER:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(paragraph.add_run(text), 12)
    fixed = dt.datetime(2024, 3, 8, 9, 0, 0)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.last_printed = fixed
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip_times(out.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every member dated 2024-03-08, so a rebuild gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 8, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> None:
    (HERE / "township-housing-standard.html").write_bytes(housing_html())
    (HERE / "website-column-framework.docx").write_bytes(framework_docx())


if __name__ == "__main__":
    main()
