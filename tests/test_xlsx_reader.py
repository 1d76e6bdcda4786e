"""The XLSX reader (and the .doc/.xls route through LibreOffice), one test per sheet quirk."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_parse import parse
from disclosure_parse.detect import detect_format
from disclosure_parse.errors import (
    CorruptFileError,
    EncryptedFileError,
    ResourceLimitError,
    UnsupportedFormatError,
)
from disclosure_parse.grid import Document, Paragraph, Table
from disclosure_parse.options import DEFAULT_OPTIONS, Limits, Options
from disclosure_parse.readers.xlsx import cell_text, read_xlsx

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = SAMPLES / "department-catalog.xlsx"
HEADER = ["序号", "公开事项", "公开内容", "责任科室", "公开形式"]
ROW = [1, "机构职能", "领导分工", "办公室", "政府网站"]


def workbook(*fills: Callable[[Worksheet], None], titles: tuple[str, ...] = ()) -> bytes:
    """An .xlsx with one sheet per `fill` (each writes its sheet), saved to bytes."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for index, fill in enumerate(fills):
        fill(book.create_sheet(titles[index] if index < len(titles) else f"Sheet{index + 1}"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rows(*values: list[object]) -> Callable[[Worksheet], None]:
    def fill(sheet: Worksheet) -> None:
        for row in values:
            sheet.append(row)

    return fill


def read(data: bytes) -> Document:
    return read_xlsx(data, DEFAULT_OPTIONS)


def tables(document: Document) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


def paragraphs(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def one_table(data: bytes) -> Table:
    found = tables(read(data))
    assert len(found) == 1
    return found[0]


def grid(table: Table) -> list[list[str]]:
    return [[table.text_at(r, c) for c in range(table.n_cols)] for r in range(table.n_rows)]


# --- merged ranges -----------------------------------------------------------------------


def test_merged_range_is_one_spanning_cell_valued_at_its_top_left() -> None:
    def fill(sheet: Worksheet) -> None:
        rows(HEADER, ROW, [2, None, "内设机构", None, "政府网站"])(sheet)
        sheet.merge_cells("B2:B3")
        sheet.merge_cells("D2:D3")

    table = one_table(workbook(fill))
    merged = table.cell_at(2, 1)
    assert merged is not None and merged.row == 1 and merged.row_span == 2
    assert merged.text == "机构职能"
    assert [c.text for c in table.cells].count("机构职能") == 1


def test_merged_header_group_over_two_tick_columns() -> None:
    def fill(sheet: Worksheet) -> None:
        rows(
            ["序号", "公开内容", "公开方式", None],
            [None, None, "主动", "依申请"],
            [1, "a", "√", None],
            [2, "b", None, "√"],
        )(sheet)
        sheet.merge_cells("A1:A2")
        sheet.merge_cells("B1:B2")
        sheet.merge_cells("C1:D1")

    table = one_table(workbook(fill))
    group = table.cell_at(0, 3)
    assert group is not None and group.col_span == 2 and group.text == "公开方式"
    assert grid(table)[1] == ["序号", "公开内容", "主动", "依申请"]


def test_empty_merged_range_stays_a_merge() -> None:
    def fill(sheet: Worksheet) -> None:
        rows(HEADER, ROW, [2, "规划", "x", None, "政府网站"])(sheet)
        sheet.merge_cells("E4:E4")  # a 1x1 "merge" is no merge
        sheet.merge_cells("D2:D3")
        sheet["D2"] = None

    table = one_table(workbook(fill))
    blank = table.cell_at(2, 3)
    assert blank is not None and blank.text == "" and blank.row_span == 2


# --- where the table is ------------------------------------------------------------------


def test_title_row_across_the_sheet_becomes_a_paragraph_not_a_table_row() -> None:
    def fill(sheet: Worksheet) -> None:
        sheet.append(["某局政府信息公开目录"])
        sheet.merge_cells("A1:E1")
        rows(HEADER, ROW)(sheet)

    document = read(workbook(fill))
    assert paragraphs(document) == ["某局政府信息公开目录"]
    assert isinstance(document.blocks[0], Paragraph) and isinstance(document.blocks[1], Table)
    assert grid(tables(document)[0])[0] == HEADER


def test_notes_issuer_and_date_below_become_paragraphs() -> None:
    def fill(sheet: Worksheet) -> None:
        rows(HEADER, ROW, [2, "规划", "发展规划", "规划科", "政府网站"])(sheet)
        sheet.append([])
        sheet.append(["备注：本目录每年更新一次"])
        sheet.append([None, None, None, "某局", None])
        sheet.append([None, None, None, dt.datetime(2023, 3, 15), None])

    document = read(workbook(fill))
    assert tables(document)[0].n_rows == 3
    assert paragraphs(document) == ["备注：本目录每年更新一次", "某局", "2023-03-15"]


def test_issuer_and_date_side_by_side_right_under_the_table_are_not_a_table_row() -> None:
    wide = [*HEADER, "公开时限", "备注"]

    def fill(sheet: Worksheet) -> None:
        rows(wide, [*ROW, "实时", "无"], [2, "规划", "发展规划", "规划科", "网站", "年度", "无"])(
            sheet
        )
        sheet.append(["某局", None, None, None, "2023年3月15日"])

    document = read(workbook(fill))
    assert tables(document)[0].n_rows == 3
    assert paragraphs(document) == ["某局", "2023年3月15日"]


def test_thin_row_numbered_like_an_item_stays_in_the_table() -> None:
    wide = [*HEADER, "公开时限", "备注"]

    def fill(sheet: Worksheet) -> None:
        rows(wide, [*ROW, "实时", "无"], [2, None, "只有内容"])(sheet)

    table = one_table(workbook(fill))
    assert table.n_rows == 3 and table.text_at(2, 2) == "只有内容"


def test_fill_info_line_above_the_header_is_not_a_table_row() -> None:
    wide = [*HEADER, "公开时限", "备注"]

    def fill(sheet: Worksheet) -> None:
        sheet.append(["填报单位：某局", None, None, None, "更新日期：2023年3月"])
        rows(wide, [*ROW, "实时", "无"], [2, "规划", "发展规划", "规划科", "网站", "年度", "无"])(
            sheet
        )

    document = read(workbook(fill))
    assert grid(tables(document)[0])[0] == wide
    assert paragraphs(document) == ["填报单位：某局", "更新日期：2023年3月"]


def test_section_row_across_the_table_stays_inside_it() -> None:
    def fill(sheet: Worksheet) -> None:
        rows(
            HEADER, ["一、就业服务"], ROW, ["二、职业能力建设"], [2, "培训", "补贴", "股", "网站"]
        )(sheet)
        sheet.merge_cells("A2:E2")
        sheet.merge_cells("A4:E4")

    table = one_table(workbook(fill))
    assert table.n_rows == 5
    section = table.cell_at(3, 0)
    assert section is not None and section.col_span == 5 and section.text == "二、职业能力建设"


def test_table_starting_in_a_later_column_has_no_empty_leading_columns() -> None:
    def fill(sheet: Worksheet) -> None:
        sheet["C3"], sheet["D3"], sheet["E3"] = "序号", "公开事项", "公开内容"
        sheet["C4"], sheet["D4"], sheet["E4"] = 1, "机构", "职能"

    table = one_table(workbook(fill))
    assert (table.n_rows, table.n_cols) == (2, 3) and table.text_at(0, 0) == "序号"


def test_print_title_rows_count_as_marked_header_rows() -> None:
    def fill(sheet: Worksheet) -> None:
        sheet.append(["某局目录"])
        sheet.merge_cells("A1:E1")
        rows(HEADER, ["", "一级", "", "", ""], ROW)(sheet)
        sheet.print_title_rows = "2:3"

    assert one_table(workbook(fill)).marked_header_rows == 2


def test_every_sheet_gives_its_own_table_labelled_with_the_sheet_name() -> None:
    data = workbook(rows(HEADER, ROW), rows(HEADER, ROW), titles=("社会保险", "就业创业"))
    assert [t.label for t in tables(read(data))] == ["sheet 社会保险", "sheet 就业创业"]


def test_sheet_without_values_gives_no_blocks() -> None:
    data = workbook(rows(HEADER, ROW), rows(), titles=("目录", "空白"))
    document = read(data)
    assert len(document.blocks) == 1


def test_sheet_with_one_value_per_row_is_only_paragraphs() -> None:
    document = read(workbook(rows(["说明"], ["第二段"])))
    assert tables(document) == [] and paragraphs(document) == ["说明", "第二段"]


# --- cell values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (12, "12"),
        (2.5, "2.5"),
        (0.1 + 0.2, "0.3"),
        (True, "TRUE"),
        (dt.datetime(2023, 3, 15), "2023-03-15"),
        (dt.datetime(2023, 3, 15, 9, 30), "2023-03-15 09:30:00"),
        (dt.date(2021, 6, 28), "2021-06-28"),
        ("  政府网站  ", "政府网站"),
        ("a_x000D_\nb", "a\nb"),
        ("a\r\nb", "a\nb"),
        (None, ""),
    ],
)
def test_cell_value_as_the_text_excel_shows(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_line_breaks_inside_a_cell_are_kept() -> None:
    table = one_table(workbook(rows(HEADER, [1, "机构", "1.主要职责\n2.内设机构", "办", "网"])))
    assert table.text_at(1, 2) == "1.主要职责\n2.内设机构"


def test_float_sequence_numbers_read_as_integers() -> None:
    table = one_table(workbook(rows(HEADER, [1.0, "a", "b", "c", "d"], [2.0, "e", "f", "g", "h"])))
    assert [table.text_at(r, 0) for r in (1, 2)] == ["1", "2"]


# --- safety and errors -------------------------------------------------------------------


def _with_member(data: bytes, name: str, transform: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename, transform(content) if info.filename == name else content)
    return out.getvalue()


def test_entity_declaration_in_a_sheet_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    data = _with_member(
        workbook(rows(HEADER, ROW)),
        "xl/worksheets/sheet1.xml",
        lambda xml: bomb + (xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml),
    )
    with pytest.raises(CorruptFileError, match="DTD"):
        read(data)


def test_zip_inflating_past_the_limit_is_refused() -> None:
    options = Options(limits=Limits(max_unzipped_bytes=1000))
    with pytest.raises(ResourceLimitError):
        read_xlsx(workbook(rows(HEADER, ROW)), options)


def test_huge_merged_range_is_refused_by_the_cell_limit() -> None:
    def fill(sheet: Worksheet) -> None:
        rows(HEADER, ROW, [2, "a", "b", "c", "d"])(sheet)
        sheet.merge_cells("E2:ZZ3")

    options = Options(limits=Limits(max_table_cells=500))
    with pytest.raises(ResourceLimitError):
        read_xlsx(workbook(fill), options)


def test_truncated_workbook_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(SAMPLE.read_bytes()[:3000])
    with pytest.raises(CorruptFileError) as caught:
        parse(path)
    assert str(path) in str(caught.value)


def test_broken_sheet_xml_is_corrupt_not_a_traceback() -> None:
    data = _with_member(
        workbook(rows(HEADER, ROW)), "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2]
    )
    with pytest.raises(CorruptFileError):
        parse(data)


def test_workbook_without_its_workbook_part_is_corrupt() -> None:
    source = zipfile.ZipFile(io.BytesIO(workbook(rows(HEADER, ROW))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/workbook.xml":
                target.writestr(info.filename, source.read(info.filename))
    with pytest.raises(CorruptFileError):
        read(out.getvalue())


def test_xlsx_detected_by_content_whatever_the_name() -> None:
    assert detect_format(workbook(rows(HEADER, ROW)), "download.bin") == "xlsx"


# --- the sample, end to end --------------------------------------------------------------


def test_department_sample_grid_has_one_table_per_sheet() -> None:
    document = read(SAMPLE.read_bytes())
    found = tables(document)
    assert [t.label for t in found] == ["sheet 社会保险", "sheet 就业创业"]
    assert [(t.n_rows, t.n_cols) for t in found] == [(11, 12), (10, 11)]
    assert found[0].marked_header_rows == 2
    assert paragraphs(document)[0] == "青山县人力资源和社会保障局政府信息主动公开目录"
    assert paragraphs(document)[-2:] == ["青山县人力资源和社会保障局", "2023-03-15"]


def test_department_sample_parses_into_items_with_ticks() -> None:
    catalog = parse(SAMPLE)
    assert catalog.source.format == "xlsx"
    assert len(catalog.items) == 16
    assert [i.source.table for i in catalog.items].count(1) == 9
    for item in catalog.items:
        assert len(item.category) == 2 and all(item.category)
        assert item.content and item.subjects and item.channels
        assert item.disclosure
    assert [i.section for i in catalog.items if i.source.table == 2][-1] == "二、职业能力建设"
    assert catalog.issuer == "青山县人力资源和社会保障局"
    assert str(catalog.issued_on) == "2023-03-15"


# --- legacy binary Office files ----------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole(stream: str) -> bytes:
    return OLE + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 64


def test_ole_kind_is_told_by_its_main_stream_name() -> None:
    assert detect_format(_ole("WordDocument"), None) == "doc"
    assert detect_format(_ole("Workbook"), "renamed.doc") == "xls"


def test_encrypted_ooxml_is_still_encrypted_not_legacy() -> None:
    with pytest.raises(EncryptedFileError):
        detect_format(_ole("EncryptedPackage"), "locked.xlsx")


@pytest.mark.parametrize(("stream", "target"), [("WordDocument", "docx"), ("Workbook", "xlsx")])
def test_legacy_file_without_soffice_says_how_to_convert(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stream: str, target: str
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UnsupportedFormatError) as caught:
        parse(_ole(stream))
    message = str(caught.value)
    assert "\n" not in message and f"--convert-to {target}" in message


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="no LibreOffice")


def _soffice_convert(source: Path, target: str, folder: Path) -> Path:
    """`source` converted by LibreOffice into `folder`; skips when it cannot (no Calc)."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    result = folder / f"{source.stem}.{target}"
    if not result.is_file():
        pytest.skip(f"this LibreOffice cannot write .{target} (component not installed)")
    return result


@needs_soffice
def test_doc_is_converted_by_libreoffice_and_read_like_the_docx(tmp_path: Path) -> None:
    docx = SAMPLES / "quzhou-city-2018.docx"
    legacy = parse(_soffice_convert(docx, "doc", tmp_path))
    assert legacy.source.format == "doc"
    assert [i.content for i in legacy.items] == [i.content for i in parse(docx).items]


@needs_soffice
def test_xls_is_converted_by_libreoffice_and_read_like_the_xlsx(tmp_path: Path) -> None:
    legacy = parse(_soffice_convert(SAMPLE, "xls", tmp_path))
    assert legacy.source.format == "xls"
    assert [i.content for i in legacy.items] == [i.content for i in parse(SAMPLE).items]
