"""Write a small PDF from strokes and Helvetica text, page by page, for PDF reader tests.

For what LibreOffice cannot print: a table whose ruling lines leave a page break open.
Coordinates are PDF points from the page's bottom-left corner (A4: 595 x 842).

    drawn_pdf([
        Page(lines=[(72, 760, 372, 760), (72, 760, 72, 700)], texts=[(76, 748, "alpha")]),
        Page(...),
    ])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

#: a stroked line from (x0, y0) to (x1, y1)
Line = tuple[float, float, float, float]
#: a text run at (x, y), its baseline at y
Text = tuple[float, float, str]


@dataclass(frozen=True)
class Page:
    lines: Sequence[Line] = field(default_factory=list)
    texts: Sequence[Text] = field(default_factory=list)


def drawn_pdf(pages: Sequence[Page], font_size: float = 10) -> bytes:
    """A PDF of A4 pages with the given 0.5 pt lines and Helvetica text."""
    count = len(pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids ["
        + " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
        + f"] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, page in enumerate(pages):
        ops = ["0.5 w"] + [f"{x0} {y0} m {x1} {y1} l S" for x0, y0, x1, y1 in page.lines]
        ops += [f"BT /F1 {font_size} Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET" for x, y, t in page.texts]
        content = "\n".join(ops)
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
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
