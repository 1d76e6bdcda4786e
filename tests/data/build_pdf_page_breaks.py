"""Build the small catalogs that pin how the PDF reader decides cell and row boundaries,
each as a .docx (python-docx, tests/docx_builder.py) printed to PDF by LibreOffice.

- page-break-labels.docx/.pdf: labels vertically centred, one line per row. A two-row
  label whose two lines fill its cell ends at the foot of page 1 and another label
  begins at the head of page 2 (two cells, never one); a label whose merge crosses the
  page 2/3 break leaves its piece on page 3 empty (one cell); an empty 公开依据 merge
  crosses the same break (one empty cell spanning its rows); an empty cell spans
  公开时限 and 公开方式 in one row.
- page-break-labels-top.docx/.pdf: the same catalog with Word's default top alignment,
  so every label sits at the top of its piece.
- page-break-rows.docx/.pdf: a row allowed to break across pages is cut by the page 1/2
  break (one row), and two neighbouring rows whose every cell holds three lines meet at
  the page 2/3 break (two rows).
- sub-rows.docx/.pdf: a logical row whose 公开内容 is divided by rules into 【机构名称】 /
  【联系方式】 / 【办公地址】 while its other cells span the three sub-rows, and empty
  merged cells (down and across) on one page.

Where a page break falls depends on the fonts, so the script searches the number of
filler rows until each break falls where the catalog needs it, and refuses to write a
PDF whose breaks are elsewhere. Needs LibreOffice (`soffice`); tests read the
committed files.

    python tests/data/build_pdf_page_breaks.py
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pdfplumber
from docx.shared import Pt, Twips

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from docx_builder import Cell, Row, build_docx  # noqa: E402

CENTRE = "center"
CONTENT = "政府信息公开工作年度报告全文及其解读材料，包括文字解读、图片解读和视频解读"
BASIS = (
    "《中华人民共和国政府信息公开条例》《国务院办公厅关于全面推进基层政务公开标准化"
    "规范化工作的指导意见》（国办发〔2019〕54号）"
)


def merged(text: str, first: bool, align: str | None) -> Cell:
    """The first cell of a vertical merge (holding `text`) or one of its continuations."""
    if first:
        return Cell(text, vmerge="restart", v_align=align)
    return Cell(vmerge="continue", bare_continue=True, v_align=align)


def finish(data: bytes) -> bytes:
    """A4 portrait, ruled table (Table Grid), 10.5 pt text with no paragraph spacing."""
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        table.style = "Table Grid"
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin = section.bottom_margin = Twips(1440)
    section.left_margin = section.right_margin = Twips(1134)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def catalog(header: Sequence[str], body: list[Row], align: str | None) -> bytes:
    data = build_docx(
        header=[Row([Cell(h, v_align=align) for h in header], header=True, cant_split=True)],
        body=body,
        before=["某局政府信息主动公开基本目录"],
        after=["某局办公室", "2024年1月2日"],
    )
    return finish(data)


def print_pdf(data: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "catalog.docx"
        source.write_bytes(data)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(folder) / "catalog.pdf").read_bytes()


def pages_of(pdf: bytes, pattern: str) -> dict[str, int]:
    """The page each word matching `pattern` is printed on (marker texts like 事项12)."""
    found: dict[str, int] = {}
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, 1):
            text = "".join(c["text"] for c in page.chars)
            for match in re.findall(pattern, text):
                found.setdefault(match, number)
    return found


def around(estimate: int, spread: int = 6) -> list[int]:
    """Filler counts to try, nearest the estimate first."""
    return sorted(
        range(max(1, estimate - spread), estimate + spread + 1), key=lambda n: abs(n - estimate)
    )


def first_row_on(pdf: bytes, page: int) -> int:
    """The smallest k whose marker 事项k is printed on `page`."""
    return min(int(k[2:]) for k, p in pages_of(pdf, r"事项\d+").items() if p == page)


def first_fit(
    make: Callable[[int], bytes], fits: Callable[[int, bytes], bool], tries: list[int]
) -> tuple[int, bytes]:
    """The first n in `tries` whose printed `make(n)` fits, with its .docx."""
    for n in tries:
        data = make(n)
        if fits(n, print_pdf(data)):
            return n, data
    raise SystemExit(f"no filler count in {tries} puts the page break in place")


def write(name: str, data: bytes) -> None:
    (HERE / f"{name}.docx").write_bytes(data)
    (HERE / f"{name}.pdf").write_bytes(print_pdf(data))
    print(f"wrote tests/data/{name}.docx and .pdf")


# --- labels at a page break -------------------------------------------------------------

LABEL_HEADER = (
    "序号",
    "一级事项",
    "二级事项",
    "公开内容",
    "公开依据",
    "公开主体",
    "公开时限",
    "公开方式",
)


def label_rows(groups: list[tuple[str, int]], align: str | None) -> list[Row]:
    """Rows of label groups (label, rows), the label merged over the group's rows, one
    line in every cell. Row k's 二级事项 is "事项k". In 财政信息, 公开依据 is one empty
    merge and 公开主体 one merge over the group, and one row has an empty cell across
    公开时限 and 公开方式."""
    rows: list[Row] = []
    k = 0
    for label, count in groups:
        finance = label == "财政信息"
        for i in range(count):
            k += 1
            last = [Cell("即时", v_align=align), Cell("主动公开", v_align=align)]
            if finance and i == 1:
                last = [Cell("", span=2, v_align=align)]
            cells = [
                Cell(str(k), v_align=align),
                merged(label, i == 0, align),
                Cell(f"事项{k}", v_align=align),
                Cell(f"内容{k}", v_align=align),
                merged("", i == 0, align) if finance else Cell("《条例》", v_align=align),
                merged("财务科", i == 0, align) if finance else Cell("办公室", v_align=align),
                *last,
            ]
            rows.append(Row(cells, cant_split=True))
    return rows


def labels(align: str | None, first: int, second: int) -> bytes:
    groups = [
        ("机构职能", first),
        ("重大建设项目", 2),  # ends page 1: two rows, its two lines fill them
        ("规划计划", 5),  # begins page 2
        ("政策文件", second),
        ("财政信息", 6),  # crosses the page 2/3 break
        ("人事信息", 3),
    ]
    return catalog(LABEL_HEADER, label_rows(groups, align), align)


def build_labels(name: str, align: str | None) -> None:
    """重大建设项目's rows end page 1 and 规划计划's begin page 2; 财政信息 has three
    rows on page 2 and three on page 3. Rows are one line each: the breaks move one row
    per filler row."""

    def first_break(first: int, pdf: bytes) -> bool:
        page = pages_of(pdf, r"事项\d+")
        return page.get(f"事项{first + 2}") == 1 and page.get(f"事项{first + 3}") == 2

    probe = print_pdf(labels(align, 30, 40))
    first, _ = first_fit(
        lambda n: labels(align, n, 40), first_break, around(first_row_on(probe, 2) - 3)
    )

    def both_breaks(second: int, pdf: bytes) -> bool:
        page = pages_of(pdf, r"事项\d+")
        finance = first + 2 + 5 + second + 1
        return (
            first_break(first, pdf)
            and page.get(f"事项{finance + 2}") == 2
            and page.get(f"事项{finance + 3}") == 3
        )

    probe = print_pdf(labels(align, first, 40))
    estimate = first_row_on(probe, 3) - 3 - (first + 8)
    _, data = first_fit(lambda n: labels(align, first, n), both_breaks, around(estimate))
    write(name, data)


# --- rows at a page break ---------------------------------------------------------------

ROW_HEADER = ("一级事项", "二级事项", "公开内容", "公开依据", "公开主体", "公开时限", "公开渠道")
#: two neighbouring rows whose every cell holds three lines
THREE_LINES = (
    (
        "行政\n执法\n公示",
        "执法\n主体\n名录",
        "执法主体\n执法人员\n执法依据",
        "处罚法\n许可法\n条例",
        "执法局\n法规科\n办公室",
        "形成之日\n起二十个\n工作日内",
        "政府网站\n公开栏\n微信",
    ),
    (
        "行政\n许可\n公示",
        "许可\n事项\n清单",
        "许可事项\n办理流程\n办理结果",
        "许可法\n条例\n细则",
        "审批科\n法规科\n办公室",
        "办结之日\n起七个\n工作日内",
        "政府网站\n服务大厅\n微信",
    ),
)


def plain_rows(label: str, start: int, count: int) -> list[Row]:
    """Rows of one label group (merged), 公开内容 two lines; row k's 二级事项 is "事项k"."""
    rows = []
    for i in range(count):
        k = start + i
        cells = [
            merged(label, i == 0, CENTRE),
            Cell(f"事项{k}", v_align=CENTRE),
            Cell(f"内容{k}：工作计划及其总结", v_align=CENTRE),
            Cell("《条例》", v_align=CENTRE),
            Cell("办公室", v_align=CENTRE),
            Cell("即时", v_align=CENTRE),
            Cell("政府网站", v_align=CENTRE),
        ]
        rows.append(Row(cells, cant_split=True))
    return rows


def row_catalog(first: int, second: int) -> bytes:
    cut = first + 1
    body = plain_rows("机构职能", 1, first)
    body.append(  # may break across pages (Word's default), and does
        Row(
            [
                Cell("年度报告", v_align=CENTRE),
                Cell(f"事项{cut}", v_align=CENTRE),
                Cell(CONTENT, v_align=CENTRE),
                Cell(BASIS, v_align=CENTRE),
                Cell("办公室", v_align=CENTRE),
                Cell("每年3月31日前", v_align=CENTRE),
                Cell("政府网站", v_align=CENTRE),
            ]
        )
    )
    body += plain_rows("规划计划", cut + 1, second)
    body += [Row([Cell(t, v_align=CENTRE) for t in row], cant_split=True) for row in THREE_LINES]
    body += plain_rows("人事信息", cut + second + 1, 3)
    return catalog(ROW_HEADER, body, CENTRE)


def build_rows(name: str) -> None:
    """The 年度报告 row starts on page 1 and ends on page 2; the three-line rows are the
    last row of page 2 and the first of page 3."""

    def cut(first: int, pdf: bytes) -> bool:
        page = pages_of(pdf, r"事项\d+|54号")
        return page.get(f"事项{first + 1}") == 1 and page.get("54号") == 2

    probe = print_pdf(row_catalog(40, 30))
    first, _ = first_fit(lambda n: row_catalog(n, 30), cut, around(first_row_on(probe, 2) - 3))

    def both(second: int, pdf: bytes) -> bool:
        page = pages_of(pdf, r"事项\d+|名录|清单")
        return cut(first, pdf) and page.get("名录") == 2 and page.get("清单") == 3

    probe = print_pdf(row_catalog(first, 60))
    estimate = first_row_on(probe, 3) - (first + 1) - 2
    _, data = first_fit(lambda n: row_catalog(first, n), both, around(estimate))
    write(name, data)


# --- sub-rows and empty merges on one page ----------------------------------------------


def sub_rows() -> bytes:
    def c(text: str = "", **kw: object) -> Cell:
        return Cell(text, v_align=CENTRE, **kw)  # type: ignore[arg-type]

    def m(text: str, first: bool) -> Cell:
        return merged(text, first, CENTRE)

    body = [
        Row(
            [
                m("1", True),
                m("机构信息", True),
                m("机构概况", True),
                c("【机构名称】"),
                m("《条例》", True),
                m("办公室", True),
                m("即时", True),
                m("主动公开", True),
            ]
        ),
        Row(
            [
                m("", False),
                m("", False),
                m("", False),
                c("【联系方式】"),
                m("", False),
                m("", False),
                m("", False),
                m("", False),
            ]
        ),
        Row(
            [
                m("", False),
                m("", False),
                m("", False),
                c("【办公地址】"),
                m("", False),
                m("", False),
                m("", False),
                m("", False),
            ]
        ),
        Row(
            [
                c("2"),
                m("政策文件", True),
                c("规范性文件"),
                c("规范性文件全文"),
                m("", True),
                c("法规科"),
                c("20个工作日"),
                c("主动公开"),
            ]
        ),
        Row(
            [
                c("3"),
                m("", False),
                c("政策解读"),
                c("政策解读材料"),
                m("", False),
                c("法规科"),
                c("20个工作日"),
                c("主动公开"),
            ]
        ),
        Row(
            [
                c("4"),
                c("财政信息"),
                c("财政预决算"),
                c("部门预决算"),
                c("《预算法》"),
                c("财务科"),
                c("", span=2),
            ]
        ),
        Row(
            [
                c("5"),
                c("人事信息"),
                c("人事任免"),
                c("任免信息"),
                c("《条例》"),
                c("人事科"),
                c("即时"),
                c("主动公开"),
            ]
        ),
    ]
    return catalog(LABEL_HEADER, body, CENTRE)


def main() -> None:
    build_labels("page-break-labels", CENTRE)
    build_labels("page-break-labels-top", None)
    build_rows("page-break-rows")
    write("sub-rows", sub_rows())


if __name__ == "__main__":
    main()
