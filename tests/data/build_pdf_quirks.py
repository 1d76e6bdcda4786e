"""Build tests/data/drawing-quirks.pdf: one small catalog drawn the ways producers draw.

LibreOffice draws every PDF the project has the same way. Both PDF backends must read
what other producers write too, and read it alike (tests/test_pdf_backends.py). Each page
holds a title line and the same ruled catalog (a merged 事项名称 cell over two rows),
drawn differently:

1. borders as stroked lines, plain text (the reference page);
2. borders as thin filled rectangles (Word), a Latin value whose word gap is a `TJ`
   offset (PDFium generates a space there), a cell line ending in a space shown by a
   text object of its own (PDFium drops it: it has no ink), runs of spaces;
3. the page turned by /Rotate 90, its content drawn turned back so that it reads upright;
4. a MediaBox away from the origin, the table inside a scaled form XObject;
5. dashed borders, text drawn twice slightly off (fake bold), horizontal scaling (`Tz`),
   raised text (`Ts`), a slanted (synthetic italic) value;
6. each cell a stroked rectangle of its own (`re S`).

Plain PDF operators through tests/pdf_builder.py (no LibreOffice needed):

    python tests/data/build_pdf_quirks.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pdf_builder import Form, Page, cjk, drawn_pdf  # noqa: E402

OUT = HERE / "drawing-quirks.pdf"

#: column widths and row heights (pt)
WIDTHS = (40.0, 110.0, 190.0)
HEIGHTS = (22.0, 34.0, 22.0, 22.0)
#: (first row, last row + 1, column, text); the 事项名称 of rows 2-3 is one merged cell
CELLS = (
    (0, 1, 0, "序号"),
    (0, 1, 1, "事项名称"),
    (0, 1, 2, "公开内容"),
    (1, 2, 0, "1"),
    (1, 2, 1, "机构职能"),
    (1, 2, 2, "部门职责"),
    (2, 3, 0, "2"),
    (2, 4, 1, "政策文件"),
    (2, 3, 2, "规范性文件"),
    (3, 4, 0, "3"),
    (3, 4, 2, "政策解读"),
)
SIZE = 9.0


def _box(r0: int, r1: int, c: int, left: float, top: float) -> tuple[float, float, float, float]:
    """A cell's (x0, y0, x1, y1), y upwards, for a table whose top-left corner is given."""
    x0 = left + sum(WIDTHS[:c])
    return (x0, top - sum(HEIGHTS[:r1]), x0 + WIDTHS[c], top - sum(HEIGHTS[:r0]))


def _borders(
    left: float, top: float, draw: Callable[[float, float, float, float], str]
) -> list[str]:
    """Each cell's four sides (shared sides drawn twice, as producers do)."""
    ops = []
    for r0, r1, c, _ in CELLS:
        x0, y0, x1, y1 = _box(r0, r1, c, left, top)
        ops += [
            draw(x0, y1, x1, y1),
            draw(x0, y0, x1, y0),
            draw(x0, y0, x0, y1),
            draw(x1, y0, x1, y1),
        ]
    return ops


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"{x0} {y0} m {x1} {y1} l S"


def _filled(x0: float, y0: float, x1: float, y1: float) -> str:
    """A border as Word draws it: a filled rectangle 0.5 pt thick."""
    if y0 == y1:
        return f"{x0} {y0 - 0.25} {x1 - x0} 0.5 re f"
    return f"{x0 - 0.25} {y0} 0.5 {y1 - y0} re f"


def _texts(left: float, top: float, skip: tuple[str, ...] = ()) -> list[str]:
    """Each cell's text at its top left."""
    ops = []
    for r0, r1, c, text in CELLS:
        if text in skip:
            continue
        x0, _, _, y1 = _box(r0, r1, c, left, top)
        ops.append(cjk(text, x0 + 3, y1 - 13, SIZE))
    return ops


def _title(text: str, x: float, y: float) -> str:
    return cjk(text, x, y, 12)


def plain() -> Page:
    return Page(
        ops=["0.5 w", _title("画法一", 60, 780), *_borders(60, 760, _line), *_texts(60, 760)]
    )


def word_like() -> Page:
    left, top = 60.0, 760.0
    x0, _, _, y1 = _box(1, 2, 2, left, top)
    ops = [_title("画法二", 60, 780), *_borders(left, top, _filled)]
    ops += _texts(left, top, skip=("部门职责",))
    # "部门职责" then a space of its own (no ink), and a Latin value whose gap is a TJ offset
    ops.append(cjk("部门职责", x0 + 3, y1 - 13, SIZE))
    ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {x0 + 3 + 4 * SIZE} {y1 - 13} Tm ( ) Tj ET")
    ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {x0 + 3} {y1 - 26} Tm [(Open) -700 (Data)] TJ ET")
    ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {x0 + 80} {y1 - 26} Tm (and   more) Tj ET")
    return Page(ops=ops)


def turned() -> Page:
    # /Rotate 90: the page shows 842 wide and 595 high; draw in those coordinates, turned back
    inner = ["0.5 w", _title("画法三", 60, 540), *_borders(60, 520, _line), *_texts(60, 520)]
    return Page(rotate=90, ops=["q 0 1 -1 0 595 0 cm", *inner, "Q"])


def in_a_form() -> Page:
    inner = ["0.5 w", _title("画法四", 60, 780), *_borders(60, 760, _line), *_texts(60, 760)]
    form = Form("Tbl", inner, matrix=(0.8, 0, 0, 0.8, 40, 120))
    return Page(mediabox=(30, 40, 625, 882), forms=[form], ops=["q 1 0 0 1 30 40 cm /Tbl Do Q"])


def decorated() -> Page:
    left, top = 60.0, 760.0
    ops = ["[2 1] 0 d 0.5 w", _title("画法五", 60, 780), *_borders(left, top, _line), "[] 0 d"]
    ops += _texts(left, top, skip=("机构职能", "部门职责", "政策解读"))
    x0, _, _, y1 = _box(1, 2, 1, left, top)
    for offset in (0.0, 0.3):  # fake bold, as some producers draw it
        ops.append(cjk("机构职能", x0 + 3 + offset, y1 - 13, SIZE))
    x0, _, _, y1 = _box(1, 2, 2, left, top)
    for offset in (0.0, 0.7):
        ops.append(cjk("部门", x0 + 3 + offset, y1 - 13, SIZE))
    codes = "".join(f"{ord(ch):04X}" for ch in "职责")
    ops.append(f"BT /F2 {SIZE} Tf 90 Tz 1 0 0 1 {x0 + 21.7} {y1 - 13} Tm 1 Ts <{codes}> Tj ET")
    x0, _, _, y1 = _box(3, 4, 2, left, top)
    codes = "".join(f"{ord(ch):04X}" for ch in "政策解读")
    ops.append(f"BT /F2 {SIZE} Tf 1 0 0.2 1 {x0 + 3} {y1 - 13} Tm <{codes}> Tj ET")
    return Page(ops=ops)


def boxed() -> Page:
    ops = ["0.5 w", _title("画法六", 60, 780)]
    for r0, r1, c, _ in CELLS:
        x0, y0, x1, y1 = _box(r0, r1, c, 60, 760)
        ops.append(f"{x0} {y0} {x1 - x0} {y1 - y0} re S")
    return Page(ops=ops + _texts(60, 760))


def build() -> bytes:
    return drawn_pdf([plain(), word_like(), turned(), in_a_form(), decorated(), boxed()])


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
