"""Build samples/department-catalog.xlsx: a county bureau's catalog as an Excel workbook.

A rebuild of the department catalogs offices publish as .xlsx (see shared/real-pages:
daguan is one such workbook): one sheet per area, each with

- a title merged across the sheet, and (sheet 社会保险) a 填报单位 / 更新日期 line;
- 社会保险: a two-row header (公开方式 merged over 主动 / 依申请, the others merged
  down), marked as print titles (the rows Excel repeats on each page), 类别, 公开依据,
  责任科室 and 备注 merged down over their rows, √ ticks;
- 就业创业: a one-row header with 责任单位, 主动公开 / 依申请公开 columns ticked "√" or
  "是", 领域 rows merged across the table ("一、就业服务"), 序号 stored as floats
  (1.0), a Windows line break (CR LF) in a cell;
- under each table a blank row, the notes merged across, then the issuer and the date
  (a text date on one sheet, a real Excel date on the other).

Deterministic: fixed document properties and zip timestamps, members in a fixed order.

Usage:  python samples/make_department_xlsx.py [OUT.xlsx]
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
OUT = HERE / "department-catalog.xlsx"

BUREAU = "青山县人力资源和社会保障局"
FIXED = dt.datetime(2023, 3, 15, 9, 0, 0)
ZIP_DATE = (2023, 3, 15, 9, 0, 0)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
COLUMN_WIDTHS = (6, 10, 16, 30, 30, 12, 16, 18, 6, 6, 10, 16)

# --- sheet 社会保险 -------------------------------------------------------------------

INSURANCE_HEADER = ["序号", "类别", "公开事项", "公开内容", "公开依据", "责任科室", "公开形式"]
INSURANCE_HEADER_TAIL = ["公开时限", "公开方式", None, "公开范围", "备注"]
#: (类别, 公开事项, 公开内容, 公开依据, 责任科室, 公开形式, 公开时限, 主动, 依申请, 范围, 备注);
#: None in 类别 / 依据 / 科室 / 备注 means "inside the merged range above"
INSURANCE: list[tuple[str | None, ...]] = [
    (
        "机构职能",
        "机构概况",
        "1.主要职责\n2.内设机构\n3.领导分工",
        "《中华人民共和国政府信息公开条例》",
        "办公室",
        "政府网站、政务新媒体",
        "信息形成或变更之日起20个工作日内",
        "√",
        "",
        "全社会",
        "",
    ),
    (
        None,
        "联系方式",
        "办公地址、办公时间、联系电话",
        None,
        None,
        "政府网站",
        "实时更新",
        "√",
        "",
        "全社会",
        None,
    ),
    (
        "社会保险",
        "企业职工基本养老保险",
        "参保登记办事指南、缴费基数及比例",
        "《中华人民共和国社会保险法》\n《社会保险费征缴暂行条例》",
        "社会保险股",
        "政府网站、公开查阅点",
        "信息形成或变更之日起20个工作日内",
        "√",
        "",
        "全社会",
        "缴费比例每年7月调整",
    ),
    (
        None,
        "城乡居民基本养老保险",
        "参保范围、缴费档次、政府补贴标准",
        None,
        None,
        "政府网站、村务公开栏",
        "同上",
        "√",
        "",
        "全社会",
        None,
    ),
    (
        None,
        "养老保险待遇领取",
        "待遇领取人员名单",
        "《国务院关于建立统一的城乡居民基本养老保险制度的意见》",
        None,
        "公开查阅点",
        "每季度",
        "",
        "√",
        "特定群体",
        None,
    ),
    (
        None,
        "工伤保险",
        "工伤认定申请材料、办理流程、认定结论",
        "《工伤保险条例》",
        "工伤保险股",
        "政府网站、政务服务中心",
        "作出认定决定之日起20个工作日内",
        "√",
        "√",
        "全社会",
        "",
    ),
    (
        None,
        "失业保险",
        "失业保险金申领条件、标准、期限",
        "《失业保险条例》",
        "失业保险股",
        "政府网站",
        "信息形成或变更之日起20个工作日内",
        "√",
        "",
        "全社会",
        None,
    ),
    (
        "社会保障卡",
        "社会保障卡办理",
        "申领、补换、挂失办理指南",
        "《社会保障卡管理办法》",
        "信息中心",
        "政府网站、政务服务中心",
        "实时更新",
        "√",
        "",
        "全社会",
        "",
    ),
    (
        "监督检查",
        "劳动保障监察",
        "投诉举报方式、重大劳动保障违法行为",
        "《劳动保障监察条例》",
        "劳动保障监察大队",
        "政府网站",
        "作出决定之日起20个工作日内",
        "√",
        "",
        "全社会",
        "",
    ),
]
INSURANCE_NOTES = [
    "备注：1.公开形式中“政府网站”指青山县人民政府门户网站“政府信息公开”专栏；",
    "2.本目录未列明的政府信息，公民、法人和其他组织可依法申请公开。",
]

# --- sheet 就业创业 -------------------------------------------------------------------

JOBS_HEADER = [
    "序号",
    "类别",
    "公开事项",
    "公开内容",
    "责任单位",
    "公开形式",
    "公开时限",
    "主动公开",
    "依申请公开",
    "公开范围",
    "备注",
]
#: a str row is a 领域 heading merged across the table; tuples as above, without 依据
JOBS: list[str | tuple[str | None, ...]] = [
    "一、就业服务",
    (
        "就业政策",
        "就业创业扶持政策",
        "就业困难人员认定、社会保险补贴、公益性岗位补贴政策",
        "就业服务中心",
        "政府网站、公开查阅点",
        "信息形成之日起20个工作日内",
        "√",
        "",
        "全社会",
        "",
    ),
    (
        None,
        "创业担保贷款",
        "贷款对象、额度、贴息标准\r\n申请流程",
        "就业服务中心",
        "政府网站",
        "常年公开",
        "是",
        "",
        "全社会",
        "",
    ),
    (
        "招聘信息",
        "招聘会信息",
        "招聘会时间、地点、参会单位及岗位",
        "就业服务中心",
        "政府网站、政务新媒体",
        "招聘会举办前5个工作日",
        "√",
        "",
        "全社会",
        "",
    ),
    (
        None,
        "公益性岗位招聘",
        "岗位数量、条件、招聘结果",
        "就业服务中心",
        "政府网站",
        "同上",
        "√",
        "",
        "全社会",
        "",
    ),
    "二、职业能力建设",
    (
        "职业培训",
        "职业技能培训补贴",
        "补贴对象、标准、申领材料",
        "职业能力建设股",
        "政府网站、公开查阅点",
        "信息形成之日起20个工作日内",
        "√",
        "",
        "全社会",
        "",
    ),
    (
        None,
        "培训补贴发放名单",
        "补贴人员姓名、培训工种、补贴金额",
        "职业能力建设股",
        "公开查阅点",
        "/",
        "",
        "√",
        "特定群体",
        "涉及个人隐私的信息不予公开",
    ),
    (
        "职业技能鉴定",
        "职业技能等级认定",
        "认定机构名单、认定职业（工种）",
        "职业能力建设股",
        "政府网站",
        "信息形成之日起20个工作日内",
        "√",
        "",
        "全社会",
        "",
    ),
]


def merged_down(values: list[tuple[str | None, ...]], column: int) -> list[tuple[int, int]]:
    """(first, count) runs of rows where `column` starts a value and None rows follow."""
    runs: list[tuple[int, int]] = []
    for index, row in enumerate(values):
        if row[column] is not None:
            runs.append((index, 1))
        else:
            first, count = runs[-1]
            runs[-1] = (first, count + 1)
    return runs


def put(sheet: Worksheet, row: int, col: int, value: object, align: Alignment = WRAP) -> None:
    cell = sheet.cell(row=row, column=col, value=value)
    cell.alignment = align


def insurance_sheet(sheet: Worksheet) -> None:
    """Sheet 社会保险: title, 填报单位 line, two-row header, merged columns, notes."""
    width = 12
    put(sheet, 1, 1, f"{BUREAU}政府信息主动公开目录")
    sheet.cell(row=1, column=1).font = Font(bold=True, size=16)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    put(sheet, 2, 1, f"填报单位：{BUREAU}", LEFT)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=6)
    put(sheet, 2, 9, "更新日期：2023年3月15日", LEFT)
    sheet.merge_cells(start_row=2, start_column=9, end_row=2, end_column=width)
    for col, label in enumerate(INSURANCE_HEADER + INSURANCE_HEADER_TAIL, start=1):
        if label is not None:
            put(sheet, 3, col, label)
            sheet.cell(row=3, column=col).font = Font(bold=True)
    for col in range(1, width + 1):
        if col not in (9, 10):
            sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    sheet.merge_cells(start_row=3, start_column=9, end_row=3, end_column=10)
    put(sheet, 4, 9, "主动")
    put(sheet, 4, 10, "依申请")
    sheet.print_title_rows = "3:4"
    first = 5
    for index, values in enumerate(INSURANCE):
        row = first + index
        put(sheet, row, 1, index + 1)
        for col, value in enumerate(values, start=2):
            if value is not None and value != "":
                put(sheet, row, col, value, LEFT if col in (4, 5) else WRAP)
    # 类别 (B), 公开依据 (E), 责任科室 (F), 备注 (L) merged down over their None rows
    for column, letter_col in ((0, 2), (3, 5), (4, 6), (10, 12)):
        for start, count in merged_down(INSURANCE, column):
            if count > 1:
                sheet.merge_cells(
                    start_row=first + start,
                    start_column=letter_col,
                    end_row=first + start + count - 1,
                    end_column=letter_col,
                )
    row = first + len(INSURANCE) + 1  # one blank row
    for note in INSURANCE_NOTES:
        put(sheet, row, 1, note, LEFT)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    put(sheet, row + 1, 9, BUREAU)
    sheet.merge_cells(start_row=row + 1, start_column=9, end_row=row + 1, end_column=width)
    put(sheet, row + 2, 9, "2023年3月15日")
    sheet.merge_cells(start_row=row + 2, start_column=9, end_row=row + 2, end_column=width)
    for letter, size in zip("ABCDEFGHIJKL", COLUMN_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = size


def jobs_sheet(sheet: Worksheet) -> None:
    """Sheet 就业创业: title, one-row header, 领域 rows across, float 序号, Excel date."""
    width = len(JOBS_HEADER)
    put(sheet, 1, 1, f"{BUREAU}政府信息主动公开目录（就业创业）")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for col, label in enumerate(JOBS_HEADER, start=1):
        put(sheet, 2, col, label)
    row = 3
    seq = 0
    group_start: int | None = None
    for entry in JOBS:
        if isinstance(entry, str):
            put(sheet, row, 1, entry, LEFT)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            group_start = None
            row += 1
            continue
        seq += 1
        put(sheet, row, 1, float(seq))
        for col, value in enumerate(entry, start=2):
            if value is not None and value != "":
                put(sheet, row, col, value, LEFT if col == 4 else WRAP)
        if entry[0] is not None:
            group_start = row
        elif group_start is not None:
            # widen the 类别 merge down to this row
            for merged in list(sheet.merged_cells.ranges):
                if merged.min_row == group_start and merged.min_col == 2:
                    sheet.merged_cells.remove(merged)
            sheet.merge_cells(start_row=group_start, start_column=2, end_row=row, end_column=2)
        row += 1
    put(sheet, row + 1, 1, "注：本目录自发布之日起施行，由县人力资源和社会保障局负责解释。", LEFT)
    sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=width)
    put(sheet, row + 3, 8, BUREAU)
    sheet.merge_cells(start_row=row + 3, start_column=8, end_row=row + 3, end_column=width)
    put(sheet, row + 4, 8, dt.datetime(2023, 3, 15))
    sheet.cell(row=row + 4, column=8).number_format = "yyyy年m月d日"
    sheet.merge_cells(start_row=row + 4, start_column=8, end_row=row + 4, end_column=width)


def build() -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "社会保险"
    insurance_sheet(first)
    jobs_sheet(workbook.create_sheet("就业创业"))
    workbook.properties.creator = BUREAU
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps (openpyxl stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps dcterms:modified with the time of saving
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2023-03-15T09:00:00Z", content
                )
            target.writestr(member, content)
    return out.getvalue()


def main(out: Path = OUT) -> None:
    out.write_bytes(build())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
