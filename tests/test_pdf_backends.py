"""Both PDF backends read every PDF the project has into the same grid.

PDFium (`Options(pdf_backend="pdfium")`, the default) reads pages ten times faster than
pdfplumber (pdfminer, the reference). Everything above the extraction layer (grids,
merged cells, page breaks, stitching) is shared, so both must hand it the same glyphs and
strokes: any difference in the grid (cell texts, spans, pages) or in the error is a bug in
one of them, fixed and pinned here. Files: samples/, tests/data/, tests/bad_inputs/, and
../shared/corpus when present. The quirks of other producers are drawn by
tests/data/build_pdf_quirks.py and by tests/pdf_builder.py below.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_builder import Form, Page, cjk, drawn_pdf
from repo_files import ROOT

from disclosure_parse import parse
from disclosure_parse.errors import (
    CorruptFileError,
    DisclosureParseError,
    EncryptedFileError,
    NoTextLayerError,
    ResourceLimitError,
)
from disclosure_parse.grid import Document, Table
from disclosure_parse.options import Limits, Options
from disclosure_parse.pipeline import read_document
from disclosure_parse.readers.pdf import pdfium_pages
from disclosure_parse.readers.pdf.content import PageContent
from disclosure_parse.readers.pdf.pages import BACKENDS
from disclosure_parse.readers.pdf.path_shapes import Shape, shapes

CORPUS = ROOT.parent / "shared" / "corpus"
PROJECT_PDFS = sorted(
    str(p.relative_to(ROOT))
    for folder in ("samples", "tests/data", "tests/bad_inputs")
    for p in (ROOT / folder).glob("*.pdf")
)
CORPUS_PDFS = sorted(CORPUS.glob("*/source.pdf")) if CORPUS.is_dir() else []
BOTH = ("pdfium", "pdfplumber")


def _reading(data: bytes, backend: str, options: Options | None = None) -> Document | str:
    """The document a backend reads, or the name of the error it gives (no OCR: a scan is
    read the same way whatever the backend)."""
    options = options or Options()
    try:
        return read_document(
            data, "file.pdf", Options(limits=options.limits, pdf_backend=backend, ocr="never")
        )
    except DisclosureParseError as error:
        return type(error).__name__


def _differences(first: Document | str, second: Document | str) -> Iterator[str]:
    if isinstance(first, str) or isinstance(second, str):
        yield f"{first!r:.80} / {second!r:.80}"
        return
    if len(first.blocks) != len(second.blocks):
        yield f"{len(first.blocks)} blocks / {len(second.blocks)}"
    for a, b in zip(first.blocks, second.blocks, strict=False):
        if a == b:
            continue
        if isinstance(a, Table) and isinstance(b, Table):
            yield f"{a.label}: {a.n_rows}x{a.n_cols} / {b.label}: {b.n_rows}x{b.n_cols}"
            yield from (f"  {x} / {y}" for x, y in zip(a.cells, b.cells, strict=False) if x != y)
        else:
            yield f"{a!r:.120} / {b!r:.120}"


def _same_reading(data: bytes, options: Options | None = None) -> Document | str:
    pdfium, plumber = (_reading(data, backend, options) for backend in BOTH)
    assert pdfium == plumber, "pdfium / pdfplumber:\n" + "\n".join(_differences(pdfium, plumber))
    return pdfium


@pytest.mark.parametrize("path", PROJECT_PDFS)
def test_both_backends_read_every_project_pdf_alike(path: str) -> None:
    _same_reading((ROOT / path).read_bytes())


@pytest.mark.skipif(not CORPUS_PDFS, reason="no ../shared/corpus")
@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.parent.name)
def test_both_backends_read_every_corpus_pdf_alike(path: Path) -> None:
    _same_reading(path.read_bytes())


def test_project_pdfs_are_mostly_read_not_refused() -> None:
    """The differential test compares grids, not only error names."""
    readings = [_reading((ROOT / p).read_bytes(), "pdfium") for p in PROJECT_PDFS]
    assert sum(isinstance(r, Document) for r in readings) >= 10


# --- other producers' drawings: tests/data/drawing-quirks.pdf ------------------------------

QUIRKS = ROOT / "tests" / "data" / "drawing-quirks.pdf"
QUIRK_GRID = [
    (0, 0, 1, "序号"),
    (0, 1, 1, "事项名称"),
    (0, 2, 1, "公开内容"),
    (1, 0, 1, "1"),
    (1, 1, 1, "机构职能"),
    (1, 2, 1, "部门职责"),
    (2, 0, 1, "2"),
    (2, 1, 2, "政策文件"),
    (2, 2, 1, "规范性文件"),
    (3, 0, 1, "3"),
    (3, 2, 1, "政策解读"),
]


@pytest.mark.parametrize("backend", BOTH)
def test_catalog_drawn_six_ways_reads_the_same_on_every_page(backend: str) -> None:
    """Stroked or filled borders, a turned page, a form XObject off the origin, dashes,
    boxes: one grid. Page 2's 公开内容 holds a Latin value whose word gap is a TJ offset."""
    document = read_document(QUIRKS.read_bytes(), None, Options(pdf_backend=backend))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    titles = [b.text for b in document.blocks if not isinstance(b, Table)]
    assert titles == ["画法一", "画法二", "画法三", "画法四", "画法五", "画法六"]
    for page, table in enumerate(tables, 1):
        grid = [(c.row, c.col, c.row_span, c.text) for c in table.cells]
        expected = list(QUIRK_GRID)
        if page == 2:
            expected[5] = (1, 2, 1, "部门职责\nOpen Data and more")
        assert grid == expected, f"page {page}"
        assert {c.page for c in table.cells} == {page}


# --- glyphs and strokes, backend by backend (tests/pdf_builder.py) ---------------------------


def _contents(pdf: bytes, backend: str) -> list[PageContent]:
    with BACKENDS[backend](pdf) as pages:
        return [pages.page(number) for number in range(1, pages.count + 1)]


def _glyphs(page: PageContent) -> tuple[list[str], list[float]]:
    """The page's glyphs in reading order: their texts, and their boxes one after another."""
    ordered = sorted(page.chars, key=lambda c: (round(c["bottom"], 1), c["x0"]))
    boxes = [c[k] for c in ordered for k in ("x0", "x1", "top", "bottom", "size")]
    return [c["text"] for c in ordered], boxes


def _strokes(page: PageContent) -> tuple[list[tuple[str, bool]], list[float]]:
    ordered = sorted(
        (kind, round(s["top"], 1), round(s["x0"], 1), s)
        for kind, strokes in (("line", page.lines), ("rect", page.rects))
        for s in strokes
    )
    boxes = [s[k] for *_, s in ordered for k in ("x0", "x1", "top", "bottom")]
    return [(kind, s["stroke"]) for kind, *_, s in ordered], boxes


def _same_content(pdf: bytes) -> list[PageContent]:
    """Both backends' pages, checked glyph for glyph and stroke for stroke (to 0.001 pt)."""
    pdfium, plumber = (_contents(pdf, backend) for backend in BOTH)
    assert [p.height for p in pdfium] == pytest.approx([p.height for p in plumber])
    for a, b in zip(pdfium, plumber, strict=True):
        for mine, reference in ((_glyphs(a), _glyphs(b)), (_strokes(a), _strokes(b))):
            assert mine[0] == reference[0], f"page {a.number}"
            assert mine[1] == pytest.approx(reference[1], abs=1e-3), f"page {a.number}"
    return pdfium


def _texts(page: PageContent) -> list[str]:
    """The page's glyphs as lines of text, top to bottom."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for c in page.chars:
        lines.setdefault(round(c["bottom"]), []).append((c["x0"], c["text"]))
    return ["".join(t for _, t in sorted(line)) for _, line in sorted(lines.items())]


def test_glyph_box_stands_on_the_baseline_whatever_the_font_descent() -> None:
    """pdfminer hangs Helvetica's box 2.07 pt below the baseline (its AFM /Descent), LibreOffice's
    fonts not at all (they write /Descent 0): both backends put every box on the baseline."""
    (page,) = _same_content(drawn_pdf([Page(texts=[(100, 700, "Hg")])]))
    h, g = sorted(page.chars, key=lambda c: c["x0"])
    assert (h["top"], h["bottom"], h["size"]) == pytest.approx((132, 142, 10))
    assert (h["x0"], h["x1"], g["x1"]) == pytest.approx((100, 107.22, 112.78))


def test_raised_scaled_and_slanted_text_keep_their_geometry() -> None:
    ops = [
        "BT /F1 10 Tf 1 0 0 1 100 700 Tm 3 Ts (up) Tj 0 Ts (on) Tj ET",
        "BT /F1 10 Tf 50 Tz 1 0 0 1 100 660 Tm (half) Tj ET",
        "q 2 0 0 2 0 0 cm BT /F1 10 Tf 1 0 0 1 50 300 Tm (big) Tj ET Q",
        "BT /F1 10 Tf 1 0 0.2 1 100 560 Tm (slant) Tj ET",
    ]
    (page,) = _same_content(drawn_pdf([Page(ops=ops)]))
    by_text = {c["text"]: c for c in page.chars}
    assert by_text["u"]["bottom"] == pytest.approx(842 - 703)  # raised by Ts 3
    assert by_text["h"]["x1"] - by_text["h"]["x0"] == pytest.approx(2.78)  # 556 * 10 / 1000 / 2
    assert by_text["b"]["size"] == pytest.approx(20)


def test_turned_and_upside_down_text_is_not_read() -> None:
    ops = [
        "BT /F1 10 Tf 0 1 -1 0 300 500 Tm (turned) Tj ET",
        "BT /F1 10 Tf -1 0 0 -1 300 400 Tm (upsidedown) Tj ET",
    ]
    (page,) = _same_content(drawn_pdf([Page(texts=[(100, 700, "kept")], ops=ops)]))
    assert _texts(page) == ["kept"]


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_turned_page_reads_in_its_shown_frame(rotate: int) -> None:
    """/Rotate turns the page as shown: text drawn turned back reads upright."""
    turn = {90: "0 1 -1 0 595 0", 180: "-1 0 0 -1 595 842", 270: "0 -1 1 0 0 842"}[rotate]
    ops = [
        f"q {turn} cm",
        "BT /F1 10 Tf 1 0 0 1 50 60 Tm (upright) Tj ET",
        "40 50 m 140 50 l S",
        "Q",
    ]
    (page,) = _same_content(drawn_pdf([Page(rotate=rotate, ops=ops)]))
    assert _texts(page) == ["upright"]
    (line,) = page.lines
    assert (line["x0"], line["x1"], line["top"]) == pytest.approx((40, 140, page.height - 50))


def test_mediabox_inherited_from_the_page_tree() -> None:
    """PDFium's page MediaBox call does not look up the tree; its page box does."""
    ops = ["q 0 1 -1 0 595 0 cm", "BT /F1 10 Tf 1 0 0 1 50 60 Tm (upright) Tj ET", "Q"]
    (page,) = _same_content(drawn_pdf([Page(mediabox=None, rotate=90, ops=ops)]))
    assert page.height == 595
    assert _texts(page) == ["upright"]


def test_mediabox_off_the_origin_and_forms_give_the_same_frame() -> None:
    form = Form("Fm", ["BT /F1 10 Tf 1 0 0 1 100 300 Tm (inform) Tj ET", "100 290 m 200 290 l S"],
                matrix=(0.5, 0, 0, 0.5, 10, 10))  # fmt: skip
    page = Page(mediabox=(20, 30, 615, 872), forms=[form], ops=["q 1 0 0 1 20 30 cm /Fm Do Q"])
    (content,) = _same_content(drawn_pdf([page]))
    (line,) = content.lines
    # (100, 290) through the form (x0.5, +10) and the cm (+20, +30), less the MediaBox corner
    assert (line["x0"], line["x1"], line["bottom"]) == pytest.approx((60, 110, 842 - 155))
    assert _texts(content) == ["inform"]


def test_space_pdfium_generates_for_a_tj_gap_is_not_a_glyph() -> None:
    ops = ["BT /F1 10 Tf 1 0 0 1 100 700 Tm [(Open) -700 (Data)] TJ ET"]
    (page,) = _same_content(drawn_pdf([Page(ops=ops)]))
    assert _texts(page) == ["OpenData"]  # the reader puts the space back from the gap


def test_space_in_a_text_object_of_its_own_is_kept() -> None:
    """PDFium's text page drops a text object without ink (LibreOffice writes the space
    where a cell's line wrapped that way); `ends_at_space` needs it."""
    ops = [cjk("总体情况", 100, 700), "BT /F1 10 Tf 1 0 0 1 140 700 Tm ( ) Tj ET"]
    (page,) = _same_content(drawn_pdf([Page(ops=ops)]))
    assert _texts(page) == ["总体情况 "]


def test_run_of_spaces_reads_as_one_space_glyph() -> None:
    """PDFium keeps the first space of a run, also across text objects on one line."""
    ops = [
        "BT /F1 10 Tf 1 0 0 1 100 700 Tm (a   b) Tj ET",
        "BT /F1 10 Tf 1 0 0 1 100 660 Tm (c ) Tj ET BT /F1 10 Tf 1 0 0 1 200 660 Tm ( d) Tj ET",
        "BT /F1 10 Tf 1 0 0 1 100 620 Tm (e ) Tj ET BT /F1 10 Tf 1 0 0 1 100 600 Tm ( f) Tj ET",
    ]
    (page,) = _same_content(drawn_pdf([Page(ops=ops)]))
    assert _texts(page) == ["a b", "c d", "e ", " f"]


@pytest.mark.parametrize("offset", [0.3, 0.7])
def test_text_drawn_again_slightly_off_reads_once(offset: float) -> None:
    """Fake bold: PDFium drops the repeated text object; the reference now does too
    (before, pdfminer's two copies read 部部门门 once 0.5 pt apart)."""
    ops = [cjk("部门", 100, 700), cjk("部门", 100 + offset, 700), cjk("部门", 100, 680)]
    (page,) = _same_content(drawn_pdf([Page(ops=ops)]))
    assert _texts(page) == ["部门", "部门"]


def test_repeated_text_in_the_next_cell_is_not_fake_bold() -> None:
    ops = [cjk("是", 100, 700), cjk("是", 130, 700), cjk("是", 100, 686)]
    (page,) = _same_content(drawn_pdf([Page(ops=ops)]))
    assert _texts(page) == ["是是", "是"]


def test_border_shapes_are_sorted_by_pdfminers_rules() -> None:
    paths = [
        "100 100 200 0.5 re f",  # Word's border: a thin filled rect
        "100 150 m 200 150 l 200 180 l 100 180 l h S",  # a stroked box
        "[3 2] 0 d 100 200 m 300 200 l S [] 0 d",  # dashed: one line
        "100 220 m 300 220 l 300 240 l S",  # a polyline: neither
        "100 300 m 200 300 l h 100 310 m 200 310 l S",  # two subpaths: two lines
        "100 330 m 150 350 200 330 200 330 c S",  # a curve: neither
        "100 400 50 -20 re B",  # a rect drawn downwards
        "q 0.7071 0.7071 -0.7071 0.7071 300 300 cm 0 0 m 100 0 l S Q",  # a slanted line
    ]
    (page,) = _same_content(drawn_pdf([Page(ops=paths)]))
    assert len(page.lines) == 4
    assert [(r["x0"], r["bottom"] - r["top"], r["stroke"]) for r in page.rects] == [
        (100, 0.5, False),
        (100, 30, True),
        (100, 20, True),
    ]


# --- path_shapes: pdfminer's rules, one by one ------------------------------------------


def _shapes(*ops: tuple[str, float, float]) -> list[Shape]:
    return list(shapes(ops))


def test_one_segment_is_a_line_closed_or_not() -> None:
    assert _shapes(("m", 0, 0), ("l", 10, 0)) == [Shape("line", 0, 0, 10, 0)]
    assert _shapes(("m", 10, 5), ("l", 0, 5), ("h", 0, 0)) == [Shape("line", 0, 5, 10, 5)]


def test_closed_axis_aligned_quadrilateral_is_a_rect() -> None:
    square = [("m", 0, 0), ("l", 10, 0), ("l", 10, 5), ("l", 0, 5)]
    assert _shapes(*square, ("h", 0, 0)) == [Shape("rect", 0, 0, 10, 5)]
    assert _shapes(*square, ("l", 0, 0)) == [Shape("rect", 0, 0, 10, 5)]
    # PDFium closes with an explicit segment back to the start, then "h"
    assert _shapes(*square, ("l", 0, 0), ("h", 0, 0)) == [Shape("rect", 0, 0, 10, 5)]
    assert _shapes(*square) == []  # open: a polyline
    assert _shapes(("m", 0, 0), ("l", 10, 1), ("l", 10, 5), ("l", 0, 5), ("h", 0, 0)) == []


def test_each_move_starts_a_subpath_and_curves_are_not_borders() -> None:
    path = [("m", 0, 0), ("l", 10, 0), ("m", 0, 5), ("l", 10, 5), ("m", 3, 3)]
    assert _shapes(*path) == [Shape("line", 0, 0, 10, 0), Shape("line", 0, 5, 10, 5)]
    assert _shapes(("m", 0, 0), ("c", 10, 0)) == []
    assert _shapes(("l", 0, 0), ("l", 10, 0)) == []  # no move first: not a path


# --- limits and errors through either backend ------------------------------------------------

QUZHOU = ROOT / "samples" / "quzhou-city-2018.pdf"


def _damaged() -> bytes:
    data = bytearray(QUZHOU.read_bytes())
    middle = len(data) // 3
    data[middle : middle + 20000] = b"\x00" * 20000
    return bytes(data[: len(data) // 2])


@pytest.mark.parametrize("backend", BOTH)
@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: (ROOT / "tests/data/encrypted-password.pdf").read_bytes(), EncryptedFileError),
        (lambda: (ROOT / "tests/data/scan-no-text-layer.pdf").read_bytes(), NoTextLayerError),
        (_damaged, CorruptFileError),
        (lambda: QUZHOU.read_bytes()[:60_000], CorruptFileError),
        (lambda: b"%PDF-1.7\nnot really a pdf\n", CorruptFileError),
    ],
    ids=["encrypted", "text-less", "damaged", "truncated", "garbage"],
)
def test_errors_are_the_same_through_either_backend(
    backend: str, make: object, error: type[DisclosureParseError]
) -> None:
    assert callable(make)
    with pytest.raises(error):
        parse(make(), Options(pdf_backend=backend, ocr="never"))


@pytest.mark.parametrize("backend", BOTH)
def test_page_cap_and_time_budget_hold_through_either_backend(backend: str) -> None:
    data = QUZHOU.read_bytes()
    with pytest.raises(ResourceLimitError, match="11 pages"):
        parse(data, Options(limits=Limits(max_pdf_pages=3), pdf_backend=backend))
    with pytest.raises(ResourceLimitError, match="time budget"):
        parse(data, Options(limits=Limits(max_pdf_seconds=0.0), pdf_backend=backend))


def test_each_pdfium_page_is_closed_before_the_next_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pypdfium2

    events: list[str] = []
    original_close = pypdfium2.PdfPage.close
    original_content = pdfium_pages.page_content

    def close(page: pypdfium2.PdfPage) -> None:
        events.append("close")
        original_close(page)

    def content(page: int, number: int) -> PageContent:
        events.append(f"read {number}")
        return original_content(page, number)

    monkeypatch.setattr(pypdfium2.PdfPage, "close", close)
    monkeypatch.setattr(pdfium_pages, "page_content", content)
    parse(QUZHOU.read_bytes())
    assert events == [e for n in range(1, 12) for e in (f"read {n}", "close")]


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="pdf_backend"):
        Options(pdf_backend="poppler")


def test_backends_agree_to_the_hundredth_of_a_point_on_the_samples() -> None:
    """Not only the grid: the glyph boxes and strokes themselves."""
    contents = _same_content(QUZHOU.read_bytes())
    assert sum(len(page.chars) for page in contents) > 8000
    assert all(not math.isnan(c["x0"]) for page in contents for c in page.chars)


@pytest.mark.parametrize("enabled", [True, False])
def test_reader_leaves_the_cycle_collector_as_it_found_it(enabled: bool) -> None:
    """The reader pauses Python's cycle collector while it builds the pages' lines."""
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        parse(QUZHOU.read_bytes())
        assert gc.isenabled() is enabled
        with pytest.raises(NoTextLayerError):
            parse((ROOT / "tests/data/scan-no-text-layer.pdf").read_bytes(), Options(ocr="never"))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_hyphen_ending_a_line_and_unmapped_glyphs_read_alike() -> None:
    """PDFium reports a line-ending hyphen as U+0002 and an unmapped code as that code
    (a tab, NUL), pdfminer the latter as "(cid:9)": a hyphen is "-", an unmapped glyph
    U+FFFD, through both. (Where such a code falls in Helvetica, not embedded, the two
    take different widths for it: the glyphs are compared, not their boxes.)"""
    hyphen = [
        "BT /F1 10 Tf 1 0 0 1 100 700 Tm (infor-) Tj ET",
        "BT /F1 10 Tf 1 0 0 1 100 688 Tm (mation) Tj ET",
    ]
    (page,) = _same_content(drawn_pdf([Page(ops=hyphen)]))
    assert _texts(page) == ["infor-", "mation"]
    unmapped = [
        "BT /F1 10 Tf 1 0 0 1 100 630 Tm (tab\\t) Tj ET",
        "BT /F1 10 Tf 1 0 0 1 100 610 Tm (nul\\000) Tj ET",
    ]
    for backend in BOTH:
        (page,) = _contents(drawn_pdf([Page(ops=unmapped)]), backend)
        assert _texts(page) == ["tab\ufffd", "nul\ufffd"], backend
