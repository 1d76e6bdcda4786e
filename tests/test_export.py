"""Table exports: records built from the model generically, and every format opening in the
tool a data team uses (pandas, openpyxl, pyarrow) with the Chinese text intact."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import typing
from pathlib import Path

import attrs
import openpyxl
import pytest
from batch_folder import BROKEN, GOOD, make_mixed_folder
from repo_files import convert

from disclosure_parse import Catalog, Item, to_dataframe
from disclosure_parse.batch import convert_folder
from disclosure_parse.cli import main
from disclosure_parse.export import table_bytes
from disclosure_parse.export.records import (
    LIST_SEPARATOR,
    columns_of,
    flat_value,
    item_columns,
)


@pytest.fixture(scope="module")
def quzhou() -> Catalog:
    return convert("samples/quzhou-city-2018.docx")


def test_every_item_field_is_a_column_in_model_order() -> None:
    """Built from attrs fields: a field added to Item shows up without a change in export."""
    names = [c.name for c in item_columns()]
    own = [n for n in names if not n.startswith("catalog_")]
    assert own == _flat_names(Item)


def _flat_names(cls: type, prefix: str = "") -> list[str]:
    """Field names, a nested attrs class (or an optional one) as its fields, prefixed."""
    names = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        options = [t for t in (typing.get_args(field.type) or (field.type,)) if t is not type(None)]
        if len(options) == 1 and attrs.has(options[0]):  # source → source_table, …
            names += _flat_names(options[0], f"{prefix}{field.name}_")
        else:
            names.append(prefix + field.name)
    return names


class Colour(str, enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen
class Period:
    days: int
    note: str | None = None


@attrs.frozen
class FutureItem:
    """A stand-in for fields a later Item may have: the walk types each one."""

    due: dt.date | None
    count: int
    share: float
    flags: tuple[Colour, ...]
    period: Period | None
    pairs: tuple[Period, ...]
    extra: dict[str, str]


def test_columns_of_an_unknown_class_follow_its_field_types() -> None:
    columns = {c.name: c.kind for c in columns_of(FutureItem)}
    assert columns == {
        "due": "date",
        "count": "int",
        "share": "float",
        "flags": "str",
        "period_days": "int",
        "period_note": "str",
        "pairs": "str",
        "extra": "str",
    }
    item = FutureItem(
        dt.date(2024, 1, 2), 3, 0.5, (Colour.RED, Colour.BLUE), None, (Period(1),), {"备注": "无"}
    )
    values = {c.name: c.value(item) for c in columns_of(FutureItem)}
    assert values["flags"] == "red、blue"
    assert values["period_days"] is None and values["period_note"] is None  # no period
    assert json.loads(str(values["pairs"])) == [{"days": 1, "note": None}]
    assert json.loads(str(values["extra"])) == {"备注": "无"}
    assert values["due"] == dt.date(2024, 1, 2)


def test_list_fields_are_joined_with_the_enumeration_comma(quzhou: Catalog) -> None:
    record = quzhou.to_records()[0]
    assert LIST_SEPARATOR == "、"
    assert record["category"] == "、".join(quzhou.items[0].category)
    assert record["basis"] == "、".join(quzhou.items[0].basis)
    assert record["catalog_title"] == quzhou.title
    assert record["catalog_source_sha256"] == quzhou.source.sha256
    assert record["key_area"] is False and record["source_table"] == 1


def test_empty_list_and_empty_extra_are_empty_text() -> None:
    assert flat_value(()) == "" and flat_value({}) == "" and flat_value(None) is None


def test_records_have_one_row_per_item(quzhou: Catalog) -> None:
    assert len(quzhou.to_records()) == len(quzhou.items) == 137


def test_csv_has_a_bom_for_excel_and_opens_in_pandas_with_chinese_intact(
    quzhou: Catalog,
) -> None:
    pandas = pytest.importorskip("pandas")
    data = table_bytes("csv", quzhou)
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pandas.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert len(frame) == 137
    assert frame["catalog_title"][0] == "衢州市政府信息主动公开基本目录"
    assert frame["category"][0] == "机构概况、机构职能"


def test_no_bom_csv_starts_with_the_header() -> None:
    data = table_bytes("csv", convert("samples/department-catalog.xlsx"), bom=False)
    assert data.startswith(b"catalog_title,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert len({len(row) for row in rows}) == 1  # every row has every column


def test_xlsx_has_items_catalogs_warnings_and_failures_sheets(quzhou: Catalog) -> None:
    book = openpyxl.load_workbook(io.BytesIO(table_bytes("xlsx", quzhou)), read_only=True)
    assert book.sheetnames == ["items", "catalogs", "warnings", "failures"]
    items = list(book["items"].values)
    assert len(items) == 138 and items[1][0] == "衢州市政府信息主动公开基本目录"
    catalogs = list(book["catalogs"].values)
    header = list(catalogs[0])
    assert catalogs[1][header.index("items")] == 137


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text_and_drops_control_characters(
    quzhou: Catalog,
) -> None:
    item = attrs.evolve(quzhou.items[0], content='=HYPERLINK("x")\x07 公开')
    catalog = attrs.evolve(quzhou, items=(item,))
    book = openpyxl.load_workbook(io.BytesIO(table_bytes("xlsx", catalog)))
    header = [c.value for c in book["items"][1]]
    cell = book["items"].cell(row=2, column=header.index("content") + 1)
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x") 公开'


def test_jsonl_keeps_lists_as_arrays_with_the_catalog_on_each_line(quzhou: Catalog) -> None:
    lines = table_bytes("jsonl", quzhou).decode("utf-8").splitlines()
    first = json.loads(lines[0])
    assert len(lines) == 137
    assert first["catalog_title"] == quzhou.title and first["catalog_issued_on"] == "2018-12-29"
    assert first["category"] == list(quzhou.items[0].category)
    assert first["source"]["table"] == 1


def test_parquet_is_typed_from_the_model(quzhou: Catalog) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    table = pyarrow_parquet.read_table(io.BytesIO(table_bytes("parquet", quzhou)))
    assert table.num_rows == 137
    types = {field.name: str(field.type) for field in table.schema}
    assert types["key_area"] == "bool" and types["source_table"] == "int64"
    assert types["catalog_issued_on"] == "date32[day]" and types["category"] == "string"
    assert table.column("category")[0].as_py() == "机构概况、机构职能"


def test_to_dataframe_has_a_row_per_item_of_every_catalog(quzhou: Catalog) -> None:
    pytest.importorskip("pandas")
    other = convert("samples/department-catalog.xlsx")
    frame = to_dataframe([quzhou, other])
    assert len(frame) == len(quzhou.items) + len(other.items)
    assert list(frame.columns) == [c.name for c in item_columns()]
    assert len(to_dataframe(quzhou)) == 137


def test_to_dataframe_without_pandas_names_the_extra(
    quzhou: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    real = importlib.import_module

    def without_pandas(name: str, package: str | None = None) -> object:
        if name == "pandas":
            raise ModuleNotFoundError("No module named 'pandas'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_pandas)
    with pytest.raises(ImportError, match=r"disclosure_parse\[pandas\]"):
        to_dataframe(quzhou)


def test_one_file_to_csv_on_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["samples/department-catalog.xlsx", "--to", "csv", "--no-bom"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("catalog_title,") and "\r\n" in out


def test_binary_table_of_one_file_needs_o(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["samples/department-catalog.xlsx", "--to", "xlsx"]) == 2
    assert "give -o FILE" in capsys.readouterr().err


def test_combined_csv_and_xlsx_of_a_folder_open_with_chinese_intact(tmp_path: Path) -> None:
    """The issue's "done when": the mixed folder's exports open in pandas and openpyxl."""
    pandas = pytest.importorskip("pandas")
    folder = make_mixed_folder(tmp_path)
    for to in ("csv", "xlsx"):
        out = tmp_path / f"out-{to}"
        summary = convert_folder(folder, out, to=to, combine=True, jobs=1)
        converted = [r for r in summary.results if not r.failed]
        assert len(converted) == len(GOOD)
        assert sorted(p.name for p in out.iterdir() if p.is_file()) == [
            "catalog.docx.json",
            "catalog.html.json",
            "catalog.txt.json",
            f"combined.{to}",
            "report.jsonl",
        ]
        total = sum(r.items for r in converted)
        if to == "csv":
            frame = pandas.read_csv(out / "combined.csv")
        else:
            frame = pandas.read_excel(out / "combined.xlsx", sheet_name="items")
            book = openpyxl.load_workbook(out / "combined.xlsx", read_only=True)
            failures = list(book["failures"].values)
            assert failures[1][:2] == (BROKEN, "corrupt-file")
            assert len(list(book["catalogs"].values)) == len(GOOD) + 1
        assert len(frame) == total
        titles = set(frame["catalog_title"].dropna())
        assert "衢州市政府信息主动公开基本目录" in titles
        assert frame["catalog_source_path"].nunique() == len(GOOD)
        assert any("公开" in str(value) for value in frame["content"])


def test_combined_table_of_a_resumed_run_still_holds_every_catalog(tmp_path: Path) -> None:
    folder = make_mixed_folder(tmp_path)
    out = tmp_path / "out"
    first = convert_folder(folder, out, to="jsonl", combine=True, jobs=1)
    before = (out / "combined.jsonl").read_bytes()
    second = convert_folder(folder, out, to="jsonl", combine=True, jobs=1)
    assert second.skipped == len(second.results)
    assert (out / "combined.jsonl").read_bytes() == before
    assert len(before.splitlines()) == first.items
