"""PDF reader: the Quzhou catalog printed to PDF gives the .docx sample's items, and the
PDF-only error paths (scan, no table, password, damage, page limit) give our errors.

The PDFs were printed from the .docx by samples/make_quzhou_pdfs.py (LibreOffice); CI
uses the committed files. tests/data/scan-no-text-layer.pdf is page 1 of the sample
rendered to an image (pypdfium2 + Pillow); tests/data/encrypted-password.pdf is a small
text PDF encrypted with `qpdf --encrypt secret owner 256`.
"""

from __future__ import annotations

import pytest
from pdf_builder import serialized
from repo_files import ROOT, convert, items_apart_from_position, metadata

from disclosure_parse import Catalog, Disclosure, parse
from disclosure_parse.errors import (
    CorruptFileError,
    EncryptedFileError,
    NoCatalogTableError,
    NoTextLayerError,
    ResourceLimitError,
)
from disclosure_parse.grid import Paragraph, Table
from disclosure_parse.options import Limits, Options
from disclosure_parse.pipeline import read_document

QUZHOU_DOCX = "samples/quzhou-city-2018.docx"
QUZHOU_PDFS = (
    "samples/quzhou-city-2018.pdf",  # header rows repeated on every page
    "samples/quzhou-city-2018-norepeat.pdf",  # header on page 1 only
    "tests/data/quzhou-city-2018-alt.pdf",  # portrait, other widths, rows cut by page breaks
)


@pytest.fixture(scope="module")
def docx_catalog() -> Catalog:
    return convert(QUZHOU_DOCX)


@pytest.fixture(scope="module", params=QUZHOU_PDFS)
def pdf_catalog(request: pytest.FixtureRequest) -> Catalog:
    return convert(request.param)


def test_pdf_gives_exactly_the_items_of_the_docx(
    pdf_catalog: Catalog, docx_catalog: Catalog
) -> None:
    assert len(pdf_catalog.items) == 137
    assert items_apart_from_position(pdf_catalog) == items_apart_from_position(docx_catalog)


def test_pdf_gives_the_title_issuer_date_and_remark_of_the_docx(
    pdf_catalog: Catalog, docx_catalog: Catalog
) -> None:
    """Page numbers in the footers are dropped, right-aligned issuer and date stay apart."""
    assert metadata(pdf_catalog) == metadata(docx_catalog)
    assert pdf_catalog.columns == docx_catalog.columns
    assert pdf_catalog.warnings == ()
    assert pdf_catalog.source.format == "pdf"


def test_every_pdf_item_knows_its_page(pdf_catalog: Catalog) -> None:
    pages = [item.source.page for item in pdf_catalog.items]
    assert all(isinstance(page, int) and page >= 1 for page in pages)
    assert pages == sorted(pages)


@pytest.fixture(scope="module")
def repeated_header_grid() -> Table:
    document = read_document((ROOT / QUZHOU_PDFS[0]).read_bytes(), QUZHOU_PDFS[0])
    tables = [block for block in document.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    return tables[0]


def test_table_over_eleven_pages_is_one_table_with_one_header(
    repeated_header_grid: Table,
) -> None:
    """The repeated two header rows are dropped on pages 2-11: the grid is the .docx grid."""
    docx = read_document((ROOT / QUZHOU_DOCX).read_bytes(), QUZHOU_DOCX)
    docx_table = next(block for block in docx.blocks if isinstance(block, Table))
    assert (repeated_header_grid.n_rows, repeated_header_grid.n_cols) == (
        docx_table.n_rows,
        docx_table.n_cols,
    )
    assert repeated_header_grid.marked_header_rows == 2
    header_texts = [c.text for c in repeated_header_grid.cells if c.text.startswith("公开内容")]
    assert header_texts == ["公开内容"]


@pytest.mark.parametrize("path", QUZHOU_PDFS)
def test_pdf_grid_is_the_docx_grid_cell_for_cell(path: str) -> None:
    """Every merge, also those cut by page breaks, and every row cut by one, comes back
    as in the .docx (cell text compared without line breaks and spaces)."""

    def shape(relative: str) -> list[tuple[int, int, int, int, str]]:
        document = read_document((ROOT / relative).read_bytes(), relative)
        table = next(block for block in document.blocks if isinstance(block, Table))
        return sorted(
            (c.row, c.col, c.row_span, c.col_span, "".join(c.text.split())) for c in table.cells
        )

    assert shape(path) == shape(QUZHOU_DOCX)


def test_missing_ruling_line_is_a_merged_cell(repeated_header_grid: Table) -> None:
    """序号 "1" spans the five rows of 机构概况; the header's 事项名称 spans 一级 and 二级."""
    first_group = repeated_header_grid.cell_at(2, 0)
    assert first_group is not None
    assert (first_group.text, first_group.row_span, first_group.page) == ("1", 5, 1)
    title = repeated_header_grid.cell_at(0, 1)
    assert title is not None
    assert (title.text, title.col_span) == ("事项名称", 2)


def test_merged_cell_cut_by_a_page_break_stays_one_cell(repeated_header_grid: Table) -> None:
    """ "重要" ends page 1 and "报告" begins page 2: one cell over four rows, as in the .docx."""
    cells = [c for c in repeated_header_grid.cells if c.text.replace("\n", "") == "重要报告"]
    assert len(cells) == 1
    assert (cells[0].row_span, cells[0].page) == (4, 1)


def test_wrapped_lines_in_a_cell_are_joined_without_newlines(
    repeated_header_grid: Table,
) -> None:
    basis = repeated_header_grid.cell_at(2, 5)
    assert basis is not None
    assert (
        basis.text == "公开条例、国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）"
    )


def test_blank_paragraph_inside_a_cell_stays_a_line_break(repeated_header_grid: Table) -> None:
    header = repeated_header_grid.cell_at(0, 8)
    assert header is not None
    assert header.text == "公开属性\n（勾选）"


def test_tick_glyphs_are_kept(repeated_header_grid: Table) -> None:
    ticks = [c for c in repeated_header_grid.cells if c.text == "√"]
    assert len(ticks) > 200


def test_page_numbers_between_table_parts_are_dropped() -> None:
    document = read_document((ROOT / QUZHOU_PDFS[1]).read_bytes(), QUZHOU_PDFS[1])
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [
        "衢州市政府信息主动公开基本目录",
        "（备注：一级事项名称前加“★”的为重点领域信息公开。）",
        "衢州市人民政府办公室",
        "2018年12月29日",
    ]


# --- errors -------------------------------------------------------------------------------


def _text_only_pdf(lines: list[tuple[int, int, str]]) -> bytes:
    """A one-page PDF with Helvetica text lines at (x, y) and no ruling lines."""
    content = "BT /F1 12 Tf " + " ".join(f"1 0 0 1 {x} {y} Tm ({t}) Tj" for x, y, t in lines)
    content += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return serialized(objects)


def test_scanned_pdf_without_text_layer_says_so() -> None:
    """With OCR off (or without the [ocr] extra: tests/test_ocr.py)."""
    with pytest.raises(NoTextLayerError, match="no text layer"):
        parse(ROOT / "tests/data/scan-no-text-layer.pdf", Options(ocr="never"))


def test_pdf_with_text_but_no_table_is_no_catalog() -> None:
    data = _text_only_pdf([(72, 760, "Contact list"), (72, 740, "Office 0570-1234567")])
    document = read_document(data, "contacts.pdf")
    assert [b.text for b in document.blocks] == ["Contact list", "Office 0570-1234567"]
    with pytest.raises(NoCatalogTableError):
        parse(data)


def test_password_protected_pdf_is_encrypted_error() -> None:
    with pytest.raises(EncryptedFileError, match="password"):
        convert("tests/data/encrypted-password.pdf")


@pytest.mark.parametrize("keep", [0.02, 0.5])
def test_truncated_pdf_is_corrupt(keep: float) -> None:
    data = (ROOT / QUZHOU_PDFS[2]).read_bytes()
    with pytest.raises(CorruptFileError):
        parse(data[: int(len(data) * keep)])


def test_pdf_header_with_garbage_is_corrupt() -> None:
    with pytest.raises(CorruptFileError):
        parse(b"%PDF-1.7\nnot really a pdf\n")


def test_page_limit_is_enforced() -> None:
    options = Options(limits=Limits(max_pdf_pages=3))
    with pytest.raises(ResourceLimitError, match="11 pages"):
        parse((ROOT / QUZHOU_PDFS[0]).read_bytes(), options)


def test_pdf_over_its_time_budget_is_refused() -> None:
    data = (ROOT / QUZHOU_PDFS[0]).read_bytes()
    with pytest.raises(ResourceLimitError, match="time budget"):
        parse(data, Options(limits=Limits(max_pdf_seconds=0.0)))


def test_latin_words_wrap_with_spaces_and_a_word_broken_mid_column_rejoins() -> None:
    catalog = convert("tests/data/latin-and-ticks.pdf")
    first, second = catalog.items
    assert first.content == (
        "Open Government Data portal listing of machine readable datasets and their licences"
    )
    assert first.channels == ("政府网站", "公开查阅点")
    assert second.channels == ("两微一端",)
    assert [i.disclosure for i in catalog.items] == [
        (Disclosure.PROACTIVE,),
        (Disclosure.ON_REQUEST,),
    ]
    assert (catalog.title, catalog.issuer, str(catalog.issued_on)) == (
        "某局政府信息公开目录",
        "某局办公室",
        "2024-01-02",
    )


def test_progress_is_reported_page_by_page() -> None:
    seen: list[tuple[int, int]] = []
    parse((ROOT / QUZHOU_PDFS[0]).read_bytes(), Options(progress=lambda d, t: seen.append((d, t))))
    assert seen == [(n, 11) for n in range(1, 12)]


def test_border_pieces_a_fraction_of_a_point_apart_join_whatever_their_order() -> None:
    """Pieces of one rule at 10.9 and 11.1 pt (either side of a rounding step): the piece
    lying left of the other keeps its own start."""
    from disclosure_parse.readers.pdf.rules import Segment, merge_collinear

    merged = merge_collinear([Segment(10.9, 50.0, 100.0), Segment(11.1, 0.0, 48.0)])
    assert [(s.start, s.end) for s in merged] == [(0.0, 100.0)]
    apart = merge_collinear([Segment(10.0, 0.0, 40.0), Segment(20.0, 0.0, 40.0)])
    assert len(apart) == 2
