"""Build tests/data/quzhou-city-2018-alt.docx: the same 衢州 2018 catalog as
samples/quzhou-city-2018.docx, "typed into Word by someone else".

Written independently of samples/make_quzhou_docx.py, as raw OOXML (string
templates + zipfile, no python-docx).  Only the cell values come from
samples/data/quzhou-city-2018.json.  It differs from the python-docx sample on
purpose, so that a reader has to cope with both:

(a) no vertical merges in 序号 / 一级 / 公开主体 / 公开依据: those cells are
    simply empty, as in the seed.  Instead vertical merges where consecutive
    rows hold the SAME non-empty value: 更新日期 ("实时/更新" written once for
    a run of rows), every tick column (a run of consecutive ticks is one
    merged cell) and 公开方式.  Empty seed cells are never merged, so a
    merged cell always means "this value for every row it covers".
(b) a three-row header, not marked w:tblHeader: row 1 "公开属性" /
    "“五公开”" (plus the labels that span the whole header), row 2 the
    "（勾选）" cells split off row 1 into their own row / paragraph, row 3 the
    sub-columns 一级 二级 主动公开 依申请公开 决策 执行 管理 服务 结果.
(c) ticks are Wingdings symbols <w:sym w:font="Wingdings" w:char="F0FC"/>,
    not the "√" character.
(d) data rows 1-10 each wrapped in a row-level content control
    (<w:sdt><w:sdtContent><w:tr>...), and the 公开内容 cell of a few rows
    wrapped in a cell-level <w:sdt> (one of them inside a row-level one).
(e) line breaks inside a cell are separate paragraphs ("实时" / "更新"), and
    "\\n\\n" is an empty paragraph between two paragraphs.
(f) where 二级 is empty and 一级 is set, 一级 spans both columns (gridSpan=2).
(g) other column widths, portrait A4, borders from a table style, SimSun.
(h) title, remark, issuer, date as in the seed; the date is written with its
    digits in separate runs ("2018" "年" "12" "月" "29" "日"); the footer has a
    simple PAGE field (w:fldSimple).

Deterministic: fixed zip timestamps and core properties.

Usage:  python tests/data/build_quzhou_alt_docx.py [OUT.docx]
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = REPO / "samples" / "data" / "quzhou-city-2018.json"
OUT = HERE / "quzhou-city-2018-alt.docx"

ZIP_DATE = (2019, 1, 2, 9, 30, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

TICK = "√"
TICK_XML = '<w:sym w:font="Wingdings" w:char="F0FC"/>'

# portrait A4, 1.27 cm left/right, 1.5 cm top/bottom margins
PAGE_W, PAGE_H = 11906, 16838
MARGIN_LR, MARGIN_TB = 720, 851
# 16 columns, twips; sum 10460 <= 11906 - 2 * 720
WIDTHS = [460, 760, 860, 1160, 760, 1300, 620, 720, 440, 440, 380, 380, 380, 380, 380, 1040]
assert sum(WIDTHS) <= PAGE_W - 2 * MARGIN_LR

C_NO, C_L1, C_L2, C_CONTENT = 0, 1, 2, 3
C_UPDATE = 6
TICK_COLS = range(8, 15)
C_CHANNEL = 15
MERGE_SAME_COLS = [C_UPDATE, *TICK_COLS, C_CHANNEL]
ROW_SDT_ROWS = range(0, 10)  # data rows 1-10 (0-based)
CELL_SDT_ROWS = {6, 11, 53, 120}  # 公开内容 cell in a content control
SZ_TABLE = 16  # half-points: 8 pt
SZ_BODY = 24  # 12 pt


# --------------------------------------------------------------------------
# XML snippets


def rpr(sz: int, bold: bool = False) -> str:
    b = "<w:b/><w:bCs/>" if bold else ""
    return f'<w:rPr>{b}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'


def run(text: str, sz: int, bold: bool = False) -> str:
    return f'<w:r>{rpr(sz, bold)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(inner: str, jc: str = "center", sz: int = SZ_TABLE, style: str | None = None) -> str:
    st = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:p><w:pPr>{st}<w:spacing w:before="0" w:after="0"/><w:jc w:val="{jc}"/>'
        f'<w:rPr><w:sz w:val="{sz}"/></w:rPr></w:pPr>{inner}</w:p>'
    )


def cell_paragraphs(text: str, jc: str, bold: bool = False) -> str:
    """Every "\\n" starts a new paragraph; "\\n\\n" gives an empty one between."""
    if text == TICK:
        return para(f"<w:r>{rpr(SZ_TABLE)}{TICK_XML}</w:r>", jc)
    out = []
    for line in text.split("\n"):
        out.append(para(run(line, SZ_TABLE, bold) if line else "", jc))
    return "".join(out)


def tc(
    width: int, body: str, span: int = 1, vmerge: str | None = None, valign: str = "center"
) -> str:
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    pr += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body or para('')}</w:tc>"


def sdt(content: str, tag: str, alias: str, sid: int) -> str:
    return (
        f'<w:sdt><w:sdtPr><w:rPr><w:sz w:val="{SZ_TABLE}"/><w:szCs w:val="{SZ_TABLE}"/></w:rPr>'
        f'<w:alias w:val={quoteattr(alias)}/><w:tag w:val="{tag}"/>'
        f'<w:id w:val="{sid}"/></w:sdtPr><w:sdtEndPr/>'
        f"<w:sdtContent>{content}</w:sdtContent></w:sdt>"
    )


def tr(cells: str) -> str:
    return f"<w:tr>{cells}</w:tr>"


# --------------------------------------------------------------------------
# table


def header_rows() -> str:
    W = WIDTHS
    hb = lambda t: cell_paragraphs(t, "center", bold=True)  # noqa: E731
    row1 = (
        tc(W[0], hb("序号"), vmerge="restart")
        + tc(W[1] + W[2], hb("事项名称"), span=2, vmerge="restart")
        + tc(W[3], hb("公开内容"), vmerge="restart")
        + tc(W[4], hb("公开主体"), vmerge="restart")
        + tc(W[5], hb("公开依据"), vmerge="restart")
        + tc(W[6], hb("更新日期"), vmerge="restart")
        + tc(W[7], hb("公开时限"), vmerge="restart")
        + tc(W[8] + W[9], hb("公开属性"), span=2)
        + tc(sum(W[10:15]), hb("“五公开”"), span=5)
        + tc(W[15], hb("公开方式"), vmerge="restart")
    )
    row2 = (
        tc(W[0], "", vmerge="continue")
        + tc(W[1] + W[2], "", span=2, vmerge="continue")
        + "".join(tc(W[c], "", vmerge="continue") for c in range(3, 8))
        + tc(W[8] + W[9], hb("（勾选）"), span=2)
        + tc(sum(W[10:15]), hb("（勾选）"), span=5)
        + tc(W[15], "", vmerge="continue")
    )
    labels3 = {
        1: "一级",
        2: "二级",
        8: "主动公开",
        9: "依申请公开",
        10: "决策",
        11: "执行",
        12: "管理",
        13: "服务",
        14: "结果",
    }
    row3 = "".join(
        tc(W[c], hb(labels3[c])) if c in labels3 else tc(W[c], "", vmerge="continue")
        for c in range(16)
    )
    return tr(row1) + tr(row2) + tr(row3)


def same_value_merges(rows: list[list[str]]) -> dict[tuple[int, int], str]:
    """(row, col) -> "restart" / "continue" for runs of >= 2 consecutive rows
    whose (non-empty) value in that column is identical."""
    marks: dict[tuple[int, int], str] = {}
    for c in MERGE_SAME_COLS:
        r = 0
        while r < len(rows):
            v = rows[r][c]
            end = r
            while v and end + 1 < len(rows) and rows[end + 1][c] == v:
                end += 1
            if end > r:
                marks[(r, c)] = "restart"
                for k in range(r + 1, end + 1):
                    marks[(k, c)] = "continue"
            r = end + 1
    return marks


def data_rows(rows: list[list[str]]) -> str:
    marks = same_value_merges(rows)
    out = []
    sid = 1000
    for r, values in enumerate(rows):
        cells = []
        c = 0
        while c < 16:
            v = values[c]
            if c == C_L1 and v and values[C_L2] == "":
                cells.append(tc(WIDTHS[1] + WIDTHS[2], cell_paragraphs(v, "center"), span=2))
                c += 2
                continue
            m = marks.get((r, c))
            jc = "left" if c in (C_CONTENT, 5) else "center"
            body = "" if m == "continue" else cell_paragraphs(v, jc) if v else ""
            cell = tc(WIDTHS[c], body, vmerge=m)
            if c == C_CONTENT and r in CELL_SDT_ROWS:
                sid += 1
                cell = sdt(cell, "content", "公开内容", sid)
            cells.append(cell)
            c += 1
        row = tr("".join(cells))
        if r in ROW_SDT_ROWS:
            sid += 1
            row = sdt(row, f"row-{r + 1}", f"目录行 {r + 1}", sid)
        out.append(row)
    return "".join(out)


def table(data: dict) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in WIDTHS)
    tblpr = (
        f'<w:tblPr><w:tblStyle w:val="CatalogGrid"/><w:tblW w:w="{sum(WIDTHS)}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    return (
        f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>"
        f"{header_rows()}{data_rows(data['rows'])}</w:tbl>"
    )


# --------------------------------------------------------------------------
# body and package


def document_xml(data: dict) -> str:
    remark, issuer, date = data["after_table"]
    title = para(run(data["title"], 32, bold=True), "center", 32)
    # split the date into digit runs and CJK runs: 2018 年 12 月 29 日
    pieces, cur = [], ""
    for ch in date:
        if cur and ch.isdigit() != cur[-1].isdigit():
            pieces.append(cur)
            cur = ""
        cur += ch
    pieces.append(cur)
    assert "".join(pieces) == date
    date_p = para("".join(run(p, SZ_BODY) for p in pieces), "right", SZ_BODY)
    body = (
        title
        + para("", "center", SZ_BODY)
        + table(data)
        + para(run(remark, SZ_BODY), "left", SZ_BODY)
        + para("", "left", SZ_BODY)
        + para(run(issuer, SZ_BODY), "right", SZ_BODY)
        + date_p
    )
    sect = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TB}" w:right="{MARGIN_LR}" w:bottom="{MARGIN_TB}"'
        f' w:left="{MARGIN_LR}" w:header="567" w:footer="454" w:gutter="0"/>'
        '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{sect}</w:body></w:document>'
    )


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:customStyle="1" w:styleId="CatalogGrid"><w:name w:val="Catalog Grid"/><w:basedOn w:val="a1"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="6" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="6" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblCellMar><w:left w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
</w:styles>
"""

FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/></w:compat></w:settings>
"""

FONT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W_NS}"><w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Wingdings"><w:charset w:val="02"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font></w:fonts>
"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"""


def core_xml(title: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{escape(title)}</dc:title><dc:creator>user</dc:creator><cp:lastModifiedBy>user</cp:lastModifiedBy><cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2018-12-28T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2019-01-02T09:30:00Z</dcterms:modified></cp:coreProperties>
"""


APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity></Properties>
"""


def build(data: dict, out: Path) -> None:
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("docProps/core.xml", core_xml(data["title"])),
        ("docProps/app.xml", APP),
        ("word/document.xml", document_xml(data)),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/fontTable.xml", FONT_TABLE),
        ("word/footer1.xml", FOOTER),
    ]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, text.encode("utf-8"))


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert len(data["rows"]) == 137 and all(len(r) == 16 for r in data["rows"])
    build(data, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
