"""CSV: a catalog sheet saved as CSV — exact columns, merges lost as empty cells."""

from __future__ import annotations

import pytest

from disclosure_parse import Disclosure, parse
from disclosure_parse.detect import detect_format

SHEET = (
    "某局政府信息公开目录,,,,,\n"
    "序号,公开事项,公开内容,公开主体,公开依据,主动公开\n"
    '1,机构职能,"主要职责、内设机构",办公室,"《政府信息公开条例》,《条例实施办法》",√\n'
    ",,领导分工,,,√\n"
    '2,政策文件,"规范性文件\n（含解读）",法规科,《规章制定程序条例》,√\n'
    ",,,,,\n"
    "某局办公室,,,,,\n"
    "2023年5月1日,,,,,\n"
)


def test_csv_sheet_with_title_quoted_cells_and_lost_merges() -> None:
    catalog = parse(SHEET.encode("utf-8"))
    assert catalog.source.format == "csv"
    assert (catalog.title, catalog.issuer, str(catalog.issued_on)) == (
        "某局政府信息公开目录",
        "某局办公室",
        "2023-05-01",
    )
    first, second, third = catalog.items
    assert first.basis == ("《政府信息公开条例》", "《条例实施办法》")
    assert (second.seq, second.category, second.content, second.subjects) == (
        "1",
        ("机构职能",),
        "领导分工",
        ("办公室",),
    )
    assert third.content == "规范性文件（含解读）"  # a line break inside a quoted cell
    assert all(i.disclosure == (Disclosure.PROACTIVE,) for i in catalog.items)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_from_excel_in_bom_or_gbk_reads_the_same(encoding: str) -> None:
    assert parse(SHEET.encode(encoding)).items == parse(SHEET.encode("utf-8")).items


def test_csv_is_detected_by_content_not_only_by_name() -> None:
    assert detect_format(SHEET.encode("utf-8"), "catalog.txt") == "csv"
    assert detect_format("序号\t公开事项\n1\t机构\n".encode(), "x.txt") != "csv"
