"""Write a small PDF from strokes and text, page by page, for PDF reader tests.

For what LibreOffice cannot print: a table whose ruling lines leave a page break open, and
the ways other producers draw a page (rotated pages, scaled or nested coordinate systems,
borders as filled rectangles, text in form XObjects, ...). Coordinates are PDF points
from the page's bottom-left corner (A4: 595 x 842).

    drawn_pdf([
        Page(lines=[(72, 760, 372, 760), (72, 760, 72, 700)], texts=[(76, 748, "alpha")]),
        Page(...),
    ])

Text is Helvetica (`/F1`); `cjk()` writes Chinese in `/F2`, the non-embedded Adobe-GB1
font STSong-Light that every reader knows by name. `Page.ops` adds raw content-stream
operators, `Page.forms` form XObjects drawn with `/Name Do`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

#: a stroked line from (x0, y0) to (x1, y1)
Line = tuple[float, float, float, float]
#: a text run at (x, y), its baseline at y
Text = tuple[float, float, str]
#: a rectangle's corners (x0, y0, x1, y1)
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Form:
    """A form XObject: its own content stream, bounding box and matrix."""

    name: str
    ops: Sequence[str]
    bbox: Box = (0, 0, 595, 842)
    matrix: tuple[float, float, float, float, float, float] = (1, 0, 0, 1, 0, 0)


@dataclass(frozen=True)
class Page:
    lines: Sequence[Line] = field(default_factory=list)
    texts: Sequence[Text] = field(default_factory=list)
    #: raw content-stream operators, drawn after the lines and texts
    ops: Sequence[str] = field(default_factory=list)
    forms: Sequence[Form] = field(default_factory=list)
    #: None: the page inherits the page tree's MediaBox (A4)
    mediabox: Box | None = (0, 0, 595, 842)
    rotate: int = 0


def cjk(text: str, x: float, y: float, size: float = 10) -> str:
    """Operators showing Chinese `text` at (x, y) in /F2 (UCS-2 codes, Adobe-GB1)."""
    codes = "".join(f"{ord(ch):04X}" for ch in text)
    return f"BT /F2 {size} Tf 1 0 0 1 {x} {y} Tm <{codes}> Tj ET"


def drawn_pdf(pages: Sequence[Page], font_size: float = 10) -> bytes:
    """A PDF of the given pages: 0.5 pt lines, Helvetica texts, then the raw operators."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",  # the page tree, once the pages are numbered
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        "/DescendantFonts [5 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        "/FontDescriptor 6 0 R /DW 1000 >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        "/CapHeight 880 /StemV 93 >>",
    ]
    fonts = "/Font << /F1 3 0 R /F2 4 0 R >>"
    kids = []
    for page in pages:
        forms = {}
        for form in page.forms:
            content = "\n".join(form.ops)
            objects.append(
                f"<< /Type /XObject /Subtype /Form /BBox [{' '.join(map(str, form.bbox))}] "
                f"/Matrix [{' '.join(map(str, form.matrix))}] /Resources << {fonts} >> "
                f"/Length {len(content)} >>\nstream\n{content}\nendstream"
            )
            forms[form.name] = len(objects)
        ops = ["0.5 w"] + [f"{x0} {y0} m {x1} {y1} l S" for x0, y0, x1, y1 in page.lines]
        ops += [f"BT /F1 {font_size} Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET" for x, y, t in page.texts]
        content = "\n".join([*ops, *page.ops])
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        xobjects = " ".join(f"/{name} {number} 0 R" for name, number in forms.items())
        box = "" if page.mediabox is None else f"/MediaBox [{' '.join(map(str, page.mediabox))}] "
        objects.append(
            f"<< /Type /Page /Parent 2 0 R {box}"
            f"/Rotate {page.rotate} /Resources << {fonts} /XObject << {xobjects} >> >> "
            f"/Contents {len(objects)} 0 R >>"
        )
        kids.append(len(objects))
    objects[1] = (
        f"<< /Type /Pages /MediaBox [0 0 595 842] "
        f"/Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    )
    return serialized(objects)


def serialized(objects: Sequence[str]) -> bytes:
    """A PDF file of `objects` (object 1 the catalog), with its cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return out
