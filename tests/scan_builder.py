"""Test scans built from the repository's text PDFs, as a scanner would make them.

Each page is rendered (pypdfium2) at the scan's resolution, turned by a fraction of a
degree, sprinkled with specks, JPEG-compressed, and the JPEGs are wrapped as an
image-only PDF (no text layer): what a catalog printed, signed and scanned looks like.
Needs the `[ocr]` extra (numpy, Pillow, pypdfium2). Used by tests/test_ocr.py and
bench/ocr_scan.py.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import attrs


@attrs.frozen
class ScanSettings:
    """How the scan is made: the issue's 200 dpi, 0.4° turn, speckle and JPEG quality 70."""

    dpi: float = 200.0
    angle: float = 0.4
    #: share of pixels turned into a dark speck
    speckle: float = 0.0005
    quality: int = 70
    seed: int = 12


@attrs.frozen
class ScannedPage:
    """One page of a scan: its size in points and the JPEG of its image."""

    width: float
    height: float
    jpeg: bytes


def scan_pages(
    pdf: bytes, pages: Iterable[int], settings: ScanSettings = ScanSettings()
) -> list[ScannedPage]:
    """The given pages (0-based) of a text PDF, scanned."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(settings.seed)
    document = pdfium.PdfDocument(pdf)
    scanned = []
    for index in pages:
        page = document[index]
        width, height = page.get_size()
        image = page.render(scale=settings.dpi / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(settings.angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        pixels = np.asarray(image).copy()
        count = int(pixels.size * settings.speckle)
        rows = rng.integers(0, pixels.shape[0], count)
        cols = rng.integers(0, pixels.shape[1], count)
        pixels[rows, cols] = rng.integers(0, 120, count)
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, "JPEG", quality=settings.quality)
        scanned.append(ScannedPage(width, height, buffer.getvalue()))
    document.close()
    return scanned


def image_only_pdf(pages: list[ScannedPage]) -> bytes:
    """The JPEGs as the pages of a PDF without any text, each filling its page."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for scanned in pages:
        page = pdf.new_page(scanned.width, scanned.height)
        image = pdfium.PdfImage.new(pdf)
        image.load_jpeg(io.BytesIO(scanned.jpeg), inline=False)
        image.set_matrix(pdfium.PdfMatrix().scale(scanned.width, scanned.height))
        page.insert_obj(image)
        page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def scanned_pdf(pdf: bytes, pages: Iterable[int], settings: ScanSettings = ScanSettings()) -> bytes:
    """A text PDF's pages as an image-only PDF scan."""
    return image_only_pdf(scan_pages(pdf, pages, settings))
