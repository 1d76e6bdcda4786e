"""Round trip (issue 2 item 8): a random catalog → a .docx with real merges → parse() → items.

The catalogs come from `catalog_strategies` (shared with the HTML and XLSX round trips); here
their table is written as WordprocessingML: a cell merged down is a w:vMerge restart and
continuations, a label spanning columns a w:gridSpan, a lost merge an empty cell. Ticks are
written in one of Word's ways (√ text, Wingdings w:sym, a content-control checkbox, a
Wingdings 2 run, a legacy form checkbox); some rows are wrapped in a content control.
"""

from __future__ import annotations

from catalog_strategies import (
    HEADER_ROWS,
    SIGNATURE_IN_ONE_PARAGRAPH,
    TITLE,
    Catalog,
    after_table,
    assert_round_trip,
    catalogs,
    table_slots,
)
from docx_builder import CONTINUE, Cell, Row, build_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_parse import parse
from disclosure_parse.normalize.values import split_basis, split_list

#: how ticked / unticked cells are written, per catalog: (ticked, unticked-or-None) raw OOXML
_SYM = '<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'
_FONT_RUN = (
    '<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t>{text}</w:t></w:r>'
)
_CHECKBOX = (
    "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val='{val}'/></w14:checkbox></w:sdtPr>"
    "<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
)
_FORM_CHECKBOX = (
    "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:checkBox><w:sizeAuto/>"
    "<w:default w:val='{val}'/></w:checkBox></w:ffData></w:fldChar></w:r>"
    "<w:r><w:instrText xml:space='preserve'> FORMCHECKBOX </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
)
TICK_STYLES: dict[str, tuple[Cell, Cell]] = {
    "√": (Cell("√"), Cell("")),
    "wingdings": (
        Cell(xml=_SYM.format(font="Wingdings", char="F0FC")),
        Cell(xml=_SYM.format(font="Wingdings", char="F0A8")),
    ),
    "wingdings 2": (
        Cell(xml=_FONT_RUN.format(font="Wingdings 2", text="R")),
        Cell(xml=_FONT_RUN.format(font="Wingdings 2", text="£")),
    ),
    "checkbox": (
        Cell(xml=_CHECKBOX.format(val=1, glyph="☒")),
        Cell(xml=_CHECKBOX.format(val=0, glyph="☐")),
    ),
    "form": (Cell(xml=_FORM_CHECKBOX.format(val=1)), Cell(xml=_FORM_CHECKBOX.format(val=0))),
}


def write_docx(catalog: Catalog, joined_signature: bool = False) -> bytes:
    """The catalog as a .docx, its title above the table and notes, issuer and date below
    (in one paragraph, a w:br between them, when `joined_signature`)."""
    after = after_table(joined_signature and SIGNATURE_IN_ONE_PARAGRAPH)
    return build_docx(body=docx_rows(catalog), before=[TITLE], after=after)


def docx_rows(catalog: Catalog) -> list[Row]:
    """The table's rows: a slot spanning rows is a vMerge restart and its continuations."""
    slots, n_rows, n_cols = table_slots(catalog)
    ticked, unticked = TICK_STYLES[catalog.tick_style]
    at = {(s.row, s.col): s for s in slots}
    below = {(r, s.col): s for s in slots for r in range(s.row + 1, s.row + s.rows)}
    rows: list[Row] = []
    for r in range(n_rows):
        cells: list[Cell] = []
        for c in range(n_cols):
            if (slot := at.get((r, c))) is not None:
                cell = Cell(slot.text) if slot.tick is None else ticked if slot.tick else unticked
                vmerge = "restart" if slot.rows > 1 else None
                cells.append(Cell(cell.text, slot.cols, vmerge, xml=cell.xml))
            elif (slot := below.get((r, c))) is not None:
                cells.append(Cell(span=slot.cols, vmerge="continue", bare_continue=True))
        rows.append(
            Row(
                cells,
                header=r < HEADER_ROWS and catalog.header_marked,
                sdt=r - HEADER_ROWS in catalog.sdt_rows,
            )
        )
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(sorted(TICK_STYLES)), st.booleans())
def test_random_catalog_round_trips_through_a_docx_with_real_merges(
    catalog: Catalog, joined_signature: bool
) -> None:
    assert_round_trip(catalog, parse(write_docx(catalog, joined_signature)))


# --- what the property found ------------------------------------------------------------------

_HEADER = [
    Row(
        [
            Cell("序号", vmerge="restart"),
            Cell("事项名称", span=2),
            Cell("公开内容", vmerge="restart"),
            Cell("公开主体", vmerge="restart"),
        ],
        header=True,
    ),
    Row([CONTINUE, Cell("一级"), Cell("二级"), CONTINUE, CONTINUE], header=True),
]


def test_lost_second_level_merge_under_merged_first_level_inherits() -> None:
    body = [
        ["1", Cell("机构概况", vmerge="restart"), "机构职能", "基本信息", "市政府办公室"],
        ["", CONTINUE, "", "工作职责", ""],
    ]
    items = parse(build_docx(header=_HEADER, body=body)).items
    assert [i.category for i in items] == [("机构概况", "机构职能")] * 2


def test_numbered_basis_starting_with_a_year_list_is_one_entry() -> None:
    text = "1.2014、2015、2016年国务院办公厅政务公开工作要点； 2.公开条例"
    assert split_basis(text) == ("2014、2015、2016年国务院办公厅政务公开工作要点", "公开条例")


def test_subject_with_enumeration_in_brackets_is_one_entry() -> None:
    assert split_list("各县（市、区）人民政府、市政府办公室") == (
        "各县（市、区）人民政府",
        "市政府办公室",
    )


def test_issuer_and_date_in_one_paragraph_are_read() -> None:
    header = [["序号", "公开内容", "公开主体"]]
    body = [["1", "基本信息", "市政府办公室"]]
    after = ["衢州市人民政府办公室\n2018年12月29日"]
    parsed = parse(build_docx(header=header, body=body, before=[TITLE], after=after))
    assert (parsed.issuer, str(parsed.issued_on)) == ("衢州市人民政府办公室", "2018-12-29")
    assert parsed.notes == ()
