"""Key-value tables that are not catalogs: the 索引号 / 发布机构 / 发布日期 block of a web page.

Their pairs become notes ("索引号：…"), and fill `issuer` and `issued_on` when the text
around the catalog does not give them.
"""

from __future__ import annotations

import datetime as dt

import attrs

from disclosure_parse.cell_text import join_lines, parse_date
from disclosure_parse.grid import Cell, Table
from disclosure_parse.structure import page_lines

#: a box's issuer: the metadata labels of page_lines, then those boxes also use
ISSUER_LABELS = (*page_lines.ISSUER_LABELS, "公开主体", "信息来源")
#: a box's date, in order of preference: the date the document was made, then published
DATE_LABELS = (*page_lines.DATE_LABELS, "发布日期", "发布时间", "生成日期", "公开日期")
#: longest text taken as a label in a label/value cell pair
MAX_LABEL = 8


@attrs.frozen
class Metadata:
    pairs: tuple[tuple[str, str], ...]

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(f"{label}：{value}" for label, value in self.pairs)

    @property
    def issuer(self) -> str | None:
        return next((v for k, v in self.pairs if k in ISSUER_LABELS and v), None)

    @property
    def issued_on(self) -> dt.date | None:
        dates: dict[str, dt.date] = {}
        for label, value in self.pairs:
            date = parse_date(value) if label in DATE_LABELS else None
            if date is not None:
                dates.setdefault(label, date)
        return next((dates[label] for label in DATE_LABELS if label in dates), None)


def key_value_pairs(table: Table) -> Metadata | None:
    """The table as label/value pairs, if every row alternates short labels and values.

    A label may have an empty value ("领域 | "), never the other way round.
    """
    pairs: list[tuple[str, str]] = []
    for row in range(table.n_rows):
        texts = [join_lines(c.text) for c in table.row_cells(row)]
        while texts and not texts[-1]:
            texts.pop()
        if len(texts) % 2:
            texts.append("")
        for label, value in zip(texts[::2], texts[1::2], strict=True):
            label = label.rstrip("：:")
            if not label and not value:
                continue
            if not label or len(label) > MAX_LABEL:
                return None
            pairs.append((label, value))
    return Metadata(tuple(pairs)) if pairs else None


def card_as_table(table: Table, pairs: Metadata) -> Table:
    """A card (one record, a label/value pair per field) turned into a one-row catalog table.

    The labels become the header row and the values the body row, so the card goes through
    the same vocabulary and normalization as any catalog table.
    """
    labels = [Cell(row=0, col=i, text=label) for i, (label, _) in enumerate(pairs.pairs)]
    values = [Cell(row=1, col=i, text=value) for i, (_, value) in enumerate(pairs.pairs)]
    page = next((c.page for c in table.cells if c.page is not None), None)
    if page is not None:
        values = [attrs.evolve(cell, page=page) for cell in values]
    return Table(cells=(*labels, *values), n_rows=2, n_cols=len(pairs.pairs), label=table.label)


def table_text(table: Table) -> str:
    """All of a table's text, rows by " / " and cells by " | " (for a warning that keeps it)."""
    rows = []
    for row in range(table.n_rows):
        texts = [join_lines(c.text) for c in table.row_cells(row) if c.text.strip()]
        if texts:
            rows.append(" | ".join(texts))
    return " / ".join(rows)
