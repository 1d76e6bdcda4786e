"""Text outside the tables: running headers, footers and page numbers found, the rest
grouped into paragraphs (docs/pdf.md, step 6).
"""

from __future__ import annotations

from disclosure_parse.cell_text import is_page_number
from disclosure_parse.readers.pdf.layout import PageLayout
from disclosure_parse.readers.pdf.text_lines import TextLine, cell_text


def _shape(text: str) -> str:
    """A line's text with digits blurred, to find running headers/footers ("第 3 页")."""
    return "".join("#" if ch.isdigit() else ch for ch in text.split())


def running_lines(layouts: list[PageLayout]) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers and page numbers outside the tables.

    A line is running when the same text (digits aside) stands at the same height on
    another page, or when it is a lone page number above or below everything else.
    """
    seen: dict[tuple[str, int], set[int]] = {}
    for page in layouts:
        for line in page.lines:
            seen.setdefault((_shape(line.text), round(line.top / 4)), set()).add(page.number)
    running: set[tuple[int, int]] = set()
    for page in layouts:
        for index, line in enumerate(page.lines):
            key = (_shape(line.text), round(line.top / 4))
            repeated = len(seen.get(key, ())) > 1 and len(layouts) > 1
            edge = index in (0, len(page.lines) - 1)
            if repeated or (edge and is_page_number(line.text) and _at_page_edge(page, line)):
                running.add((page.number, index))
    return running


def _at_page_edge(page: PageLayout, line: TextLine) -> bool:
    """Above or below every table and other text line of the page (a margin line)."""
    tops = [t.top for t in page.tables] + [other.top for other in page.lines if other is not line]
    bottoms = [t.bottom for t in page.tables] + [
        other.bottom for other in page.lines if other is not line
    ]
    return line.top >= max(bottoms, default=0.0) or line.bottom <= min(tops, default=page.height)


def paragraphs(lines: list[TextLine], left: float, right: float) -> list[tuple[float, str]]:
    """Free text lines grouped into paragraphs: a line that filled the width wraps on.

    Only onto a line starting at the left margin: right-aligned lines (issuer, date)
    also reach the right margin but are paragraphs of their own.
    """
    paragraphs: list[tuple[float, list[TextLine]]] = []
    for line in lines:
        if paragraphs:
            previous = paragraphs[-1][1][-1]
            wraps = (
                line.top - previous.top <= previous.size * 1.9
                and abs(line.size - previous.size) < 0.5
                and line.x0 <= left + line.size
                and right - previous.x1 <= line.first_unit_width + previous.size
            )
            if wraps:
                paragraphs[-1][1].append(line)
                continue
        paragraphs.append((line.top, [line]))
    return [(top, cell_text(group, right)) for top, group in paragraphs]
