"""Warnings for items built from cells OCR was unsure of, so a user knows what to check
against the scan by eye. Light: no OCR module is imported here (the pipeline uses it).
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_parse.grid import Table
from disclosure_parse.model import Item, ParseWarning

#: a cell whose least sure glyph OCR read with less confidence than this is flagged
#: (measured on the test scan: docs/ocr.md, "Confidence")
LOW_CONFIDENCE = 0.9


def low_confidence_warnings(
    tables: Iterable[tuple[int, Table]], items: Iterable[Item]
) -> list[ParseWarning]:
    """One warning per item and unsure cell of its rows: (catalog table number, table)."""
    unsure = {
        number: [
            c for c in table.cells if c.confidence is not None and c.confidence < LOW_CONFIDENCE
        ]
        for number, table in tables
    }
    warnings: list[ParseWarning] = []
    for item in items:
        rows = {row - 1 for row in item.source.rows}
        for cell in unsure.get(item.source.table, ()):
            if not rows.intersection(range(cell.row, cell.row + cell.row_span)):
                continue
            assert cell.confidence is not None
            page = f"page {cell.page}, " if cell.page is not None else ""
            where = f"table {item.source.table}, {page}row {cell.row + 1}, column {cell.col + 1}"
            warnings.append(
                ParseWarning(
                    "low-ocr-confidence",
                    f"item {item.seq or '?'} ({_short(item.content)}) uses text OCR read with "
                    f"confidence {cell.confidence:.2f}: {_short(cell.text)!r}; check it "
                    "against the scan",
                    where,
                )
            )
    return warnings


def _short(text: str | None, length: int = 40) -> str:
    """A text on one line, cut with an ellipsis: enough to find it on the page."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
