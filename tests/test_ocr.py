"""OCR of scans (the `[ocr]` extra): a scan made by the tests themselves from the sample
PDF (rendered at 200 dpi, turned 0.4°, speckled, JPEG quality 70, wrapped as an
image-only PDF) gives the golden items; images go the same way; without the extra a
scan is the documented exit 7 naming the extra. The full 11-page figure is measured by
bench/ocr_scan.py (docs/ocr.md).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from item_score import Score, catalog_items, score
from repo_files import ROOT, convert
from scan_builder import scanned_pdf

from disclosure_parse import Catalog, Options, errors, parse
from disclosure_parse.detect import detect_format
from disclosure_parse.grid import Cell, Table
from disclosure_parse.options import Limits
from disclosure_parse.readers.ocr import INSTALL_HINT, ocr_available
from disclosure_parse.readers.ocr.confidence import LOW_CONFIDENCE, low_confidence_warnings

SAMPLE_PDF = ROOT / "samples" / "quzhou-city-2018.pdf"
SCAN = ROOT / "tests" / "data" / "scan-no-text-layer.pdf"
#: pages of the sample scanned in the default suite (OCR takes seconds a page)
SCANNED_PAGES = (0, 1, 2)
#: floors measured on those pages (40 of 40 items found and exact, every flag right)
MIN_FOUND, MIN_EXACT = 0.95, 0.9

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="the [ocr] extra is not installed")


def _png(width: int = 400, height: int = 300) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), 255)
    ImageDraw.Draw(image).rectangle((20, 20, width - 20, height - 20), outline=0, width=2)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


# --- without the extra ---------------------------------------------------------------------

#: runs the converter with the OCR engine's module made unimportable
_WITHOUT_EXTRA = """
import sys
sys.modules["rapidocr_onnxruntime"] = None
from disclosure_parse.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("name", ["scan.pdf", "photo.png"])
def test_scan_without_the_extra_is_exit_7_naming_the_extra(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(SCAN.read_bytes() if name.endswith(".pdf") else _png())
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXTRA, str(path)], capture_output=True, cwd=ROOT
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == errors.NoTextLayerError.exit_code == 7, stderr
    assert stderr.count("\n") == 1 and 'pip install "disclosure_parse[ocr]"' in stderr
    assert INSTALL_HINT in stderr


def test_ocr_never_leaves_a_scan_without_text_layer() -> None:
    with pytest.raises(errors.NoTextLayerError, match="no text layer"):
        parse(SCAN, Options(ocr="never"))
    with pytest.raises(errors.NoTextLayerError, match="OCR is off"):
        parse(_png(), Options(ocr="never"))


def test_ocr_mode_is_checked() -> None:
    with pytest.raises(ValueError):
        Options(ocr="sometimes")


def test_ocr_always_reads_even_a_pdf_with_text_by_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    import disclosure_parse.readers.ocr as ocr

    seen: list[int] = []

    def fake(data: bytes, options: Options) -> object:
        seen.append(len(data))
        raise errors.NoTextLayerError("stop here")

    monkeypatch.setattr(ocr, "read_scanned_pdf", fake)
    with pytest.raises(errors.NoTextLayerError, match="stop here"):
        parse(SAMPLE_PDF, Options(ocr="always"))
    assert seen == [SAMPLE_PDF.stat().st_size]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "image"),
        (b"\xff\xd8\xff\xe0", "image"),
        (b"II*\x00", "image"),
        (b"MM\x00*", "image"),
    ],
)
def test_png_jpeg_and_tiff_are_images(head: bytes, kind: str) -> None:
    assert detect_format(head + b"\x00" * 64, None) == kind


def test_items_from_unsure_cells_get_a_warning_naming_page_and_cell() -> None:
    catalog = convert("samples/quzhou-city-2018.docx")
    first = catalog.items[0]  # table 1, row 3
    table = Table(
        cells=(
            Cell(row=2, col=4, text="市政府办公室", page=2, confidence=0.42),
            Cell(row=2, col=5, text="公开条例", page=2, confidence=0.99),
            Cell(row=9, col=4, text="法制办", page=3, confidence=0.3),
        ),
        n_rows=10,
        n_cols=16,
    )
    warnings = low_confidence_warnings([(1, table)], [first])
    assert [(w.code, w.where) for w in warnings] == [
        ("low-ocr-confidence", "table 1, page 2, row 3, column 5")
    ]
    assert "0.42" in warnings[0].message and "市政府办公室" in warnings[0].message
    assert 0.42 < LOW_CONFIDENCE < 0.99


# --- the OCR steps, on images drawn here -----------------------------------------------------


def _grid_image(angle: float = 0.0, missing: bool = False) -> object:
    """A 3x3 ruled grid at 200 dpi (cells 100 px), the middle row's inner rule left out
    when `missing`, turned by `angle` degrees."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (500, 500), 255)
    draw = ImageDraw.Draw(image)
    for i in range(4):
        x = 100 + i * 100
        draw.line((x, 100, x, 400), fill=0, width=2)
        draw.line((100, x, 400, x), fill=0, width=2)
    if missing:
        draw.line((201, 200, 201, 299), fill=255, width=4)
    return image.rotate(angle, fillcolor=255) if angle else image


@needs_ocr
@pytest.mark.parametrize("angle", [-1.8, -0.4, 0.7, 1.5])
def test_skew_up_to_two_degrees_is_found(angle: float) -> None:
    import numpy as np

    from disclosure_parse.readers.ocr.skew import skew_angle

    pixels = np.asarray(_grid_image(angle), dtype=np.uint8)
    assert skew_angle(pixels) == pytest.approx(-angle, abs=0.05)


@needs_ocr
def test_a_missing_rule_makes_a_merged_cell() -> None:
    import numpy as np

    from disclosure_parse.readers.ocr.lines import find_rules
    from disclosure_parse.readers.ocr.skew import ink_mask
    from disclosure_parse.readers.pdf.cells import grid
    from disclosure_parse.readers.pdf.rules import components, merge_collinear

    pixels = np.asarray(_grid_image(missing=True), dtype=np.uint8)
    rules = find_rules(ink_mask(pixels), 72 / 200)
    (horizontal, vertical), *_ = components(
        merge_collinear(rules.horizontal), merge_collinear(rules.vertical)
    )
    table = grid(1, horizontal, vertical)
    assert table is not None
    assert [round(x) for x in table.xs] == [36, 72, 108, 144]
    spans = sorted((c.r0, c.c0, c.r1 - c.r0, c.c1 - c.c0) for c in table.cells)
    assert (1, 0, 1, 2) in spans and len(spans) == 8


def _cell_with(draw_mark: str) -> tuple[object, object]:
    """A 60x60 px cell image (grey) holding one mark, and its ink mask."""
    import numpy as np
    from PIL import Image, ImageDraw

    image = Image.new("L", (60, 60), 255)
    draw = ImageDraw.Draw(image)
    if draw_mark == "√":
        draw.line([(20, 30), (27, 40), (42, 16)], fill=0, width=3)
    elif draw_mark == "■":
        draw.rectangle((22, 20, 40, 38), fill=0)
    elif draw_mark == "□":
        draw.rectangle((22, 20, 40, 38), outline=0, width=2)
    elif draw_mark == "speck":
        draw.point([(30, 30), (31, 30)], fill=0)
    pixels = np.asarray(image, dtype=np.uint8)
    return pixels, ((pixels < 128) * 255).astype(np.uint8)


@needs_ocr
@pytest.mark.parametrize("mark", ["√", "■", "□"])
def test_a_mark_ocr_missed_is_found_as_ink(mark: str) -> None:
    from disclosure_parse.readers.ocr.ticks import find_mark

    pixels, ink = _cell_with(mark)
    found = find_mark(pixels, ink, (2, 2, 58, 58), glyph=22.0)
    assert found is not None and found.text == mark


@needs_ocr
@pytest.mark.parametrize("content", ["speck", "empty"])
def test_an_empty_cell_is_not_a_mark(content: str) -> None:
    from disclosure_parse.readers.ocr.ticks import find_mark

    pixels, ink = _cell_with(content)
    assert find_mark(pixels, ink, (2, 2, 58, 58), glyph=22.0) is None


@needs_ocr
@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("（国办发〔2017]47号）", "（国办发〔2017〕47号）"),
        ("中办发[2016]8号", "中办发〔2016〕8号"),
        ("（国办发（2016）80号）", "（国办发〔2016〕80号）"),
        ("(勾选）", "（勾选）"),
        ("GB(2016)", "GB(2016)"),
    ],
)
def test_brackets_ocr_cannot_tell_apart_read_as_chinese_print_has_them(
    read: str, printed: str
) -> None:
    from disclosure_parse.readers.ocr.words import fix_glyphs

    glyphs = fix_glyphs([{"text": ch, "conf": 0.9} for ch in read])
    assert "".join(g["text"] for g in glyphs) == printed


@needs_ocr
def test_multi_page_tiff_is_one_page_per_frame_at_its_resolution() -> None:
    from PIL import Image

    from disclosure_parse.readers.ocr.render import image_pages

    frames = [Image.new("L", (300, 200), 255), Image.new("L", (300, 200), 200)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:], dpi=(150, 150))
    pages = list(image_pages(buffer.getvalue(), Options()))
    assert [(p.number, p.pixels.shape, p.scale) for p in pages] == [
        (1, (200, 300), 72 / 150),
        (2, (200, 300), 72 / 150),
    ]
    assert int(pages[1].pixels[0, 0]) == 200


@needs_ocr
def test_ocr_time_budget_is_respected() -> None:
    with pytest.raises(errors.ResourceLimitError, match="OCR time budget"):
        parse(_png(), Options(limits=Limits(max_ocr_seconds=0.0)))


# --- the test scan ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scanned() -> tuple[Score, list[tuple[int, int]], Catalog]:
    """Pages 1-3 of the sample, scanned and converted; scored against the golden items of
    those pages (the text PDF says which items start there)."""
    source = SAMPLE_PDF.read_bytes()
    calls: list[tuple[int, int]] = []
    catalog = parse(
        scanned_pdf(source, SCANNED_PAGES),
        Options(progress=lambda done, total: calls.append((done, total))),
    )
    golden = json.loads((ROOT / "samples/expected/quzhou-city-2018.json").read_text("utf-8"))
    pages = [item["source"]["page"] for item in catalog_items(convert(str(SAMPLE_PDF)))]
    last = len(SCANNED_PAGES)
    expected = [item for item, page in zip(golden["items"], pages, strict=True) if page <= last]
    return score(expected, catalog_items(catalog)), calls, catalog


@needs_ocr
def test_scan_gives_the_golden_items(scanned: tuple[Score, object, object]) -> None:
    result = scanned[0]
    assert result.expected == 40
    assert result.found_rate >= MIN_FOUND, result.describe()
    assert result.exact_rate >= MIN_EXACT, result.describe()


@needs_ocr
def test_scan_gets_every_ticked_flag_right(scanned: tuple[Score, object, object]) -> None:
    result = scanned[0]
    assert result.flags_right == result.found, result.describe()


@needs_ocr
def test_scan_reads_the_title_and_a_title_is_not_a_table(
    scanned: tuple[object, object, Catalog],
) -> None:
    """The strokes of the large bold title are as long as a rule; they are no table."""
    catalog = scanned[2]
    assert catalog.title == "衢州市政府信息主动公开基本目录"
    assert catalog.notes == ()
    assert [w.code for w in catalog.warnings if w.code != "low-ocr-confidence"] == []


@needs_ocr
def test_scan_reports_progress_per_page(
    scanned: tuple[object, list[tuple[int, int]], object],
) -> None:
    """(The text-layer pass that found no text reported its pages before.)"""
    assert scanned[1][-3:] == [(1, 3), (2, 3), (3, 3)]


@needs_ocr
def test_png_of_a_page_reads_like_its_pdf(tmp_path: Path) -> None:
    """An image file goes the same way: sub-rows.pdf's page as a PNG gives its items."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(ROOT / "tests/data/sub-rows.pdf"))[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    path = tmp_path / "page.png"
    image.save(path, dpi=(200, 200))
    want = catalog_items(convert("tests/data/sub-rows.pdf"))
    result = score(want, catalog_items(parse(path)))
    assert result.found == result.expected and result.exact_rate >= 0.8, result.describe()
