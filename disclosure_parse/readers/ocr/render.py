"""Page images: a scanned PDF's pages rendered with pypdfium2, or the frames of an image
file (PNG, JPEG, a multi-page TIFF) read with Pillow, one page at a time.

Each page comes as an 8-bit grey numpy array and its scale in points per pixel, so that
everything measured on the image can be handed to the PDF reader's layers in points.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from disclosure_parse.errors import CorruptFileError, EncryptedFileError, ResourceLimitError
from disclosure_parse.options import Options

Pixels = npt.NDArray[np.uint8]

#: resolution pages of a PDF are rendered at (measured: docs/ocr.md, "Resolution")
RENDER_DPI = 200.0
#: longest side of a page image, in pixels (a huge page is rendered coarser)
MAX_SIDE = 5000
#: resolution assumed for an image file that does not say (a phone photo of A4 at ~2000 px)
DEFAULT_IMAGE_DPI = 200.0


@attrs.frozen
class PageImage:
    """One page: its number (1-based), grey pixels (0 = ink), and points per pixel."""

    number: int
    pixels: Pixels = attrs.field(eq=False, repr=False)
    scale: float


def pdf_page_count(data: bytes, options: Options) -> int:
    """The number of pages of a PDF (checked against the page limit)."""
    document = _open_pdf(data)
    try:
        count = len(document)
    finally:
        document.close()
    _check_pages(count, options)
    return count


def pdf_pages(data: bytes, options: Options) -> Iterator[PageImage]:
    """Each page of a PDF rendered at `RENDER_DPI` (coarser if that would exceed `MAX_SIDE`)."""
    document = _open_pdf(data)
    try:
        _check_pages(len(document), options)
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            dpi = min(RENDER_DPI, MAX_SIDE * 72.0 / max(width, height, 1.0))
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            pixels = np.array(bitmap.to_numpy(), dtype=np.uint8)
            if pixels.ndim == 3:  # some pdfium builds hand grey back as one channel of three
                pixels = pixels[:, :, 0].copy()
            bitmap.close()
            page.close()
            yield PageImage(number=index + 1, pixels=pixels, scale=72.0 / dpi)
    finally:
        document.close()


def _open_pdf(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise EncryptedFileError("the PDF is password-protected") from None
        raise CorruptFileError(f"damaged PDF ({error})") from None


def _check_pages(count: int, options: Options) -> None:
    if count > options.limits.max_pdf_pages:
        raise ResourceLimitError(
            f"document of {count} pages exceeds the limit {options.limits.max_pdf_pages}"
        )


def image_page_count(data: bytes, options: Options) -> int:
    """The number of frames of an image file (a TIFF may hold many pages)."""
    with _open_image(data) as image:
        count = int(getattr(image, "n_frames", 1))
    _check_pages(count, options)
    return count


def image_pages(data: bytes, options: Options) -> Iterator[PageImage]:
    """Each frame of an image file as a grey page, turned upright by its EXIF orientation."""
    from PIL import Image, ImageOps

    with _open_image(data) as image:
        count = int(getattr(image, "n_frames", 1))
        _check_pages(count, options)
        for index in range(count):
            image.seek(index)
            dpi = _image_dpi(image.info.get("dpi"))
            frame = ImageOps.exif_transpose(image) if index == 0 else image
            grey = frame.convert("L")
            longest = max(grey.size)
            if longest > MAX_SIDE:
                factor = MAX_SIDE / longest
                size = (max(1, round(grey.width * factor)), max(1, round(grey.height * factor)))
                grey = grey.resize(size, Image.Resampling.LANCZOS)
                dpi *= factor
            yield PageImage(
                number=index + 1, pixels=np.asarray(grey, dtype=np.uint8), scale=72.0 / dpi
            )


def _open_image(data: bytes) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        return Image.open(BytesIO(data))
    except Image.DecompressionBombError as error:
        raise ResourceLimitError(f"image too large ({error})") from None
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise CorruptFileError(f"damaged image ({error})") from None


def _image_dpi(value: object) -> float:
    """The horizontal resolution an image file states, if it is believable."""
    if isinstance(value, tuple) and value:
        try:
            dpi = float(value[0])
        except (TypeError, ValueError):
            return DEFAULT_IMAGE_DPI
        if 50.0 <= dpi <= 1200.0:
            return dpi
    return DEFAULT_IMAGE_DPI
