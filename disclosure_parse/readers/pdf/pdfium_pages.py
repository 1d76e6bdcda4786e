"""Page content through PDFium (pypdfium2): the default backend, ten times pdfminer's speed.

PDFium, the engine inside Chrome, interprets a page in C. This module gives what
`plumber_pages` gives through pdfminer, glyph for glyph and stroke for stroke, in the
common frame (`content`):

- **Glyphs** come from PDFium's text page, without the spaces and line ends it generates
  (for a new line, or for a gap such as a `TJ` offset). A glyph's box is its advance
  width (its font's /Widths, by the font size and the horizontal scaling) and its font
  size, standing on the baseline, with the glyph's matrix applied. (PDFium's own "loose"
  box takes in the ink and the font's ascent, so it is not used.)
- **Spaces PDFium leaves out.** PDFium skips a text object that has no ink (a run of
  spaces in a font of its own, as LibreOffice writes the space at a line's end) and keeps
  only the first of several spaces in a row. A space-only object becomes one space glyph
  at its origin; a run of spaces reads as one space either way (`text_lines`).
- **Strokes** come from path objects, inside form XObjects too, each point taken through
  the object's and its forms' matrices and the page's /Rotate, and sorted into lines and
  rectangles by pdfminer's rules (`path_shapes`). Dash patterns are ignored (a dashed
  border is one line), as pdfminer does.

PDFium's errors are translated into ours here and nowhere else. Hot calls go through
ctypes prototypes taking plain addresses: a glyph costs three calls into PDFium.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from disclosure_parse.errors import CorruptFileError, EncryptedFileError
from disclosure_parse.readers.pdf.content import UNMAPPED, PageContent
from disclosure_parse.readers.pdf.path_shapes import Operation, shapes
from disclosure_parse.readers.pdf.rules import Stroke
from disclosure_parse.readers.pdf.text_lines import Char

#: a 2D affine matrix (a, b, c, d, e, f), PDF's row-vector convention
Matrix = tuple[float, float, float, float, float, float]
#: a matrix's linear part (a, b, c, d)
Linear = tuple[float, float, float, float]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: PDFium drops a text object narrower than this (pt): it has no ink
INKLESS = 0.01
#: how PDFium reports a hyphen that ends a line
HYPHENS = frozenset("\x02\ufffe")
#: what PDFium generates between glyphs: a space for a gap, a line end for a new line
GENERATED = frozenset(" \r\n")

# PDFium's constants (fpdf_edit.h)
_TEXT, _PATH, _FORM = 1, 2, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
_ERR_PASSWORD, _ERR_SECURITY = 4, 5


class _Matrix(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in "abcdef"]


class _Rect(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in ("left", "top", "right", "bottom")]


class _Api:
    """The PDFium functions used here, taking addresses as plain integers (no wrapping)."""

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        vp, i, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
        pf, pd = ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_double)
        pi, pm = ctypes.POINTER(ctypes.c_int), ctypes.POINTER(_Matrix)

        def function(name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
            address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value or 0
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        self.load_text = function("FPDFText_LoadPage", vp, vp)
        self.close_text = function("FPDFText_ClosePage", None, vp)
        self.count_chars = function("FPDFText_CountChars", i, vp)
        self.get_text = function("FPDFText_GetText", i, vp, i, i, ctypes.c_void_p)
        self.unicode = function("FPDFText_GetUnicode", ctypes.c_uint, vp, i)
        self.is_generated = function("FPDFText_IsGenerated", i, vp, i)
        self.map_error = function("FPDFText_HasUnicodeMapError", i, vp, i)
        self.text_object = function("FPDFText_GetTextObject", vp, vp, i)
        self.char_origin = function("FPDFText_GetCharOrigin", i, vp, i, pd, pd)
        self.char_matrix = function("FPDFText_GetMatrix", i, vp, i, pm)
        self.font = function("FPDFTextObj_GetFont", vp, vp)
        self.font_size = function("FPDFTextObj_GetFontSize", i, vp, pf)
        self.glyph_width = function("FPDFFont_GetGlyphWidth", i, vp, ctypes.c_uint, f, pf)
        self.count_objects = function("FPDFPage_CountObjects", i, vp)
        self.get_object = function("FPDFPage_GetObject", vp, vp, i)
        self.count_form_objects = function("FPDFFormObj_CountObjects", i, vp)
        self.get_form_object = function("FPDFFormObj_GetObject", vp, vp, ctypes.c_ulong)
        self.object_type = function("FPDFPageObj_GetType", i, vp)
        self.object_matrix = function("FPDFPageObj_GetMatrix", i, vp, pm)
        self.bounds = function("FPDFPageObj_GetBounds", i, vp, pf, pf, pf, pf)
        self.draw_mode = function("FPDFPath_GetDrawMode", i, vp, pi, pi)
        self.count_segments = function("FPDFPath_CountSegments", i, vp)
        self.segment = function("FPDFPath_GetPathSegment", vp, vp, i)
        self.segment_point = function("FPDFPathSegment_GetPoint", i, vp, pf, pf)
        self.segment_type = function("FPDFPathSegment_GetType", i, vp)
        self.segment_close = function("FPDFPathSegment_GetClose", i, vp)
        self.media_box = function("FPDFPage_GetMediaBox", i, vp, pf, pf, pf, pf)
        self.bounding_box = function("FPDF_GetPageBoundingBox", i, vp, ctypes.POINTER(_Rect))
        self.rotation = function("FPDFPage_GetRotation", i, vp)


@functools.cache
def _api() -> _Api:
    return _Api()


def _address(handle: Any) -> int:
    return int(ctypes.cast(handle, ctypes.c_void_p).value or 0)


class PdfiumPages:
    """An open PDF read through PDFium (see `content.PageSource`)."""

    def __init__(self, document: Any) -> None:
        self._document = document

    @property
    def count(self) -> int:
        return len(self._document)

    def page(self, number: int) -> PageContent:
        import pypdfium2 as pdfium

        try:
            page = self._document[number - 1]
        except pdfium.PdfiumError as error:
            raise CorruptFileError(f"damaged PDF (page {number}: {error})") from None
        try:
            return page_content(_address(page.raw), number)
        finally:
            page.close()  # PDFium's objects of the page are freed: memory stays one page deep


@contextmanager
def open_pdf(data: bytes) -> Iterator[PdfiumPages]:
    """The PDF opened through PDFium; its errors become ours."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)  # older pypdfium2: PDFium's last error
        if code is None:
            code = pdfium_c.FPDF_GetLastError()
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise EncryptedFileError("the PDF is password-protected") from None
        raise CorruptFileError(f"damaged PDF ({error})") from None
    try:
        yield PdfiumPages(document)
    finally:
        document.close()


def page_content(page: int, number: int) -> PageContent:
    """One PDFium page's upright glyphs and its strokes, in the common frame."""
    api = _api()
    frame, height = _frame(api, page)
    textpage = api.load_text(page)
    if not textpage:
        raise CorruptFileError(f"damaged PDF (page {number}: no text page)")
    try:
        chars, read = _glyphs(api, textpage, frame, height)
    finally:
        api.close_text(textpage)
    lines: list[Stroke] = []
    rects: list[Stroke] = []
    inkless: list[Char] = []
    _walk(api, page, frame, height, read, lines, rects, inkless)
    return PageContent(
        number=number, height=height, chars=chars + inkless, lines=lines, rects=rects
    )


def _frame(api: _Api, page: int) -> tuple[Matrix, float]:
    """PDF user space → pdfminer's upright frame (y upwards), and the frame's height.

    The MediaBox's corner is the origin and the page's /Rotate is applied, as pdfminer
    does before laying out a page.
    """
    box = [ctypes.c_float() for _ in range(4)]
    if api.media_box(page, *map(ctypes.byref, box)):
        left, bottom, right, top = (v.value for v in box)
    else:  # an inherited MediaBox: PDFium's page box holds it
        rect = _Rect()
        api.bounding_box(page, ctypes.byref(rect))
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
    left, right = min(left, right), max(left, right)
    bottom, top = min(bottom, top), max(bottom, top)
    quarter = api.rotation(page) % 4
    if quarter == 1:
        return (0.0, -1.0, 1.0, 0.0, -bottom, right), right - left
    if quarter == 2:
        return (-1.0, 0.0, 0.0, -1.0, right, top), top - bottom
    if quarter == 3:
        return (0.0, 1.0, -1.0, 0.0, top, -left), right - left
    return (1.0, 0.0, 0.0, 1.0, -left, -bottom), top - bottom


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix applying `first`, then `then`."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _object_matrix(api: _Api, obj: int, matrix: _Matrix) -> Matrix:
    api.object_matrix(obj, ctypes.byref(matrix))
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


# --- glyphs -------------------------------------------------------------------------------


#: what a text object's glyphs share: its font, its font size and its matrix in the frame
#: (a plain tuple: one is made for every text object of the file)
Style = tuple[int, float, Linear]


def _glyphs(api: _Api, textpage: int, frame: Matrix, height: float) -> tuple[list[Char], set[int]]:
    """The text page's upright glyphs (not the ones PDFium generated), and its text objects.

    This loop runs for every glyph of the file: two calls into PDFium per glyph, and the
    font, size and matrix once per text object.
    """
    count = api.count_chars(textpage)
    if count <= 0:
        return [], set()
    text = _page_text(api, textpage, count)
    ra, rb, rc, rd, re, rf = frame
    turned = (ra, rb, rc, rd) != (1.0, 0.0, 0.0, 1.0)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    p_ox, p_oy = ctypes.byref(ox), ctypes.byref(oy)
    text_object, char_origin, is_generated = api.text_object, api.char_origin, api.is_generated
    scratch = _Matrix(), ctypes.c_float()
    styles: dict[int, Style | None] = {}
    # each font's characters as they come: advance width, and the text shown for them
    fonts: dict[int, dict[str, tuple[float, str]]] = {}
    chars: list[Char] = []
    add = chars.append
    last_obj, style = 0, None
    font, size, linear = 0, 0.0, (1.0, 0.0, 0.0, 1.0)
    straight, widths, wide, tall = True, {}, 0.0, 0.0
    for index in range(count):
        obj = text_object(textpage, index)
        if not obj:
            continue  # a line end PDFium generated
        ch = text[index]
        if ch in GENERATED and is_generated(textpage, index):
            continue  # a space PDFium generated for a gap (a `TJ` offset)
        if obj != last_obj:
            if obj not in styles:
                styles[obj] = _style(api, textpage, index, obj, frame, scratch)
            last_obj, style = obj, styles[obj]
            if style is not None:
                font, size, linear = style
                straight = linear[1] == 0 and linear[2] == 0  # neither slanted nor turned
                widths = fonts.setdefault(font, {})
                wide, tall = size * linear[0], size * linear[3]
        if style is None:
            continue  # turned or upside-down text is not read
        known = widths.get(ch)
        if known is None:
            text_shown = _shown(api, textpage, index, ch)
            width_of = ch if text_shown == UNMAPPED else text_shown
            known = widths[ch] = (_advance(api, font, width_of), text_shown)
        width, shown = known
        char_origin(textpage, index, p_ox, p_oy)
        if turned:
            x = ra * ox.value + rc * oy.value + re
            y = height - (rb * ox.value + rd * oy.value + rf)
        else:
            x, y = ox.value + re, height - oy.value - rf
        if straight:
            add(
                {
                    "text": shown,
                    "x0": x,
                    "x1": x + width * wide,
                    "top": y - tall,
                    "bottom": y,
                    "size": tall,
                }
            )
        else:
            add(_slanted(shown, x, y, width * size, size, linear))
    return chars, set(styles)


def _style(
    api: _Api,
    textpage: int,
    index: int,
    obj: int,
    frame: Matrix,
    scratch: tuple[_Matrix, ctypes.c_float],
) -> Style | None:
    """A text object's font, font size and matrix in the frame; None unless upright."""
    matrix, size = scratch
    api.char_matrix(textpage, index, ctypes.byref(matrix))
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    if frame[:4] != (1.0, 0.0, 0.0, 1.0):
        a, b, c, d, _, _ = multiply((a, b, c, d, 0.0, 0.0), frame)
    if not (a > 0 and d > 0 and b * c <= 0):
        return None
    api.font_size(obj, ctypes.byref(size))
    return int(api.font(obj) or 0), size.value, (a, b, c, d)


def _page_text(api: _Api, textpage: int, count: int) -> str:
    """The text page's characters, one per index."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = api.get_text(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", "replace")
    if len(text) != count:  # characters beyond the BMP took two UTF-16 units
        text = "".join(chr(api.unicode(textpage, index)) for index in range(count))
    return text


def _font(api: _Api, obj: int) -> tuple[int, float]:
    size = ctypes.c_float()
    api.font_size(obj, ctypes.byref(size))
    return int(api.font(obj) or 0), size.value


def _shown(api: _Api, textpage: int, index: int, ch: str) -> str:
    """The text of a glyph: U+FFFD when its font does not say which character it is.

    pdfminer writes "(cid:N)" for such a glyph, PDFium the glyph's code as a character;
    both read U+FFFD (a code depends on the font, so the same glyph in a font is the same
    character everywhere). PDFium reports a hyphen ending a line as U+0002 (U+FFFE in
    the page's text).
    """
    if ch in HYPHENS:
        return "-"
    if ch == "\x00" or api.map_error(textpage, index):
        return UNMAPPED
    return ch


def _advance(api: _Api, font: int, ch: str) -> float:
    """A character's advance width in its font, per point of font size (its /Widths)."""
    width = ctypes.c_float()
    if not font or not api.glyph_width(font, ord(ch), ctypes.c_float(1.0), ctypes.byref(width)):
        return 0.0
    return width.value


def _slanted(
    ch: str, x: float, baseline: float, advance: float, size: float, linear: Linear
) -> Char:
    """The box of a glyph its matrix slants or turns a little: its corners' bounds.

    `baseline` is measured down from the frame's top edge; `linear` is the glyph's matrix
    in the frame (y upwards).
    """
    a, b, c, d = linear
    xs = (0.0, advance * a, size * c, advance * a + size * c)
    ys = (0.0, advance * b, size * d, advance * b + size * d)
    return {
        "text": ch,
        "x0": x + min(xs),
        "x1": x + max(xs),
        "top": baseline - max(ys),
        "bottom": baseline - min(ys),
        "size": max(ys) - min(ys),
    }


# --- strokes and ink-less text objects ----------------------------------------------------


def _walk(
    api: _Api,
    page: int,
    frame: Matrix,
    height: float,
    read: set[int],
    lines: list[Stroke],
    rects: list[Stroke],
    inkless: list[Char],
) -> None:
    """Every path object (in forms too) into lines and rects; ink-less texts into spaces.

    `read`: the text objects the text page holds (they have ink).
    """
    matrix = _Matrix()
    get_object, object_type = api.get_object, api.object_type

    def visit(count: int, get: Callable[[int, int], int], container: int, outer: Matrix) -> None:
        for index in range(count):  # in content order, a form's objects where it is drawn
            obj = get(container, index)
            kind = object_type(obj)
            if kind == _PATH:
                own = _object_matrix(api, obj, matrix)
                _path(api, obj, multiply(own, outer), height, lines, rects)
            elif kind == _TEXT:
                if obj not in read:
                    space = _inkless_space(api, obj, outer, height, matrix)
                    if space is not None:
                        inkless.append(space)
            elif kind == _FORM:
                inner = multiply(_object_matrix(api, obj, matrix), outer)
                visit(api.count_form_objects(obj), api.get_form_object, obj, inner)

    visit(api.count_objects(page), get_object, page, frame)


def _path(
    api: _Api, obj: int, matrix: Matrix, height: float, lines: list[Stroke], rects: list[Stroke]
) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    api.draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke))
    x, y = ctypes.c_float(), ctypes.c_float()
    p_x, p_y = ctypes.byref(x), ctypes.byref(y)
    a, b, c, d, e, f = matrix
    operations: list[Operation] = []
    curve_points = 0
    for index in range(api.count_segments(obj)):
        segment = api.segment(obj, index)
        api.segment_point(segment, p_x, p_y)
        kind = api.segment_type(segment)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _BEZIERTO:
            curve_points += 1
            if curve_points % 3:
                continue  # a control point: pdfminer keeps the curve's end
            operations.append(("c", *point))
        else:
            curve_points = 0
            operations.append(("m" if kind == _MOVETO else "l", *point))
        if api.segment_close(segment):
            operations.append(("h", 0.0, 0.0))
    for shape in shapes(operations):
        target = lines if shape.kind == "line" else rects
        target.append(
            {
                "x0": shape.x0,
                "x1": shape.x1,
                "top": height - shape.y1,
                "bottom": height - shape.y0,
                "stroke": bool(stroke.value),
            }
        )


def _inkless_space(
    api: _Api, obj: int, outer: Matrix, height: float, matrix: _Matrix
) -> Char | None:
    """A space glyph for a text object PDFium's text page leaves out for having no ink."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    api.bounds(obj, *map(ctypes.byref, (left, bottom, right, top)))
    if right.value - left.value >= INKLESS:
        return None
    a, b, c, d, _, _ = multiply(_object_matrix(api, obj, matrix), outer)
    if not (a > 0 and d > 0 and b * c <= 0):
        return None
    font, size = _font(api, obj)
    x = outer[0] * left.value + outer[2] * bottom.value + outer[4]
    y = outer[1] * left.value + outer[3] * bottom.value + outer[5]
    return _slanted(" ", x, height - y, _advance(api, font, " ") * size, size, (a, b, c, d))
