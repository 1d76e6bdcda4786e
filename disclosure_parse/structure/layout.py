"""How a table was understood: its title and header rows, and what each column holds.

`TableLayout` is what the structure stage hands to normalize; `catalog_score` says how much
of a table's header the vocabulary understands, which is what makes a table a catalog.
"""

from __future__ import annotations

import attrs

from disclosure_parse.structure.vocabulary import Certainty, ColumnRole, Field

#: fields that, beside category and content, make a table a catalog
_DESCRIPTIVE = frozenset(
    {
        Field.SUBJECTS,
        Field.BASIS,
        Field.UPDATE_CYCLE,
        Field.TIME_LIMIT,
        Field.CHANNELS,
        Field.DISCLOSURE,
        Field.FIVE_PUBLICS,
        Field.AUDIENCE,
        Field.LEVELS,
    }
)
#: share of a catalog's labelled header columns the vocabulary must understand
MIN_UNDERSTOOD = 0.5


@attrs.frozen
class MappedColumn:
    """One grid column: its header texts top to bottom and what it means."""

    index: int
    header: tuple[str, ...]
    role: ColumnRole
    certainty: Certainty = Certainty.LABEL
    #: category levels one cell holds, joined by "/" (header "公开事项（一级/二级）")
    levels_in_cell: int = 1
    #: the header cell also covers a neighbouring column (no sub-header tells them apart)
    shared_header: bool = False
    #: why the role is not the header's own, when the cells or the table decided it
    assumed: str | None = None


@attrs.frozen
class TableLayout:
    """How a table is laid out: title rows, header rows, columns; body starts after."""

    #: rows above the header holding a title or 领域 heading (one spanning cell)
    title_rows: tuple[int, ...]
    header_rows: tuple[int, ...]
    columns: tuple[MappedColumn, ...]

    @property
    def body_start(self) -> int:
        rows = self.title_rows + self.header_rows
        return max(rows) + 1 if rows else 0

    def known_fields(self) -> set[Field]:
        return {
            c.role.field for c in self.columns if c.role.field not in (Field.EXTRA, Field.REMARK)
        }

    @property
    def is_catalog(self) -> bool:
        return catalog_score(self) > 0


def catalog_score(layout: TableLayout) -> float:
    """How well a table's header reads as a catalog's: 0 when it is not one.

    A catalog has an item (category levels or content), something said about it (content
    and category together, or one of subjects / time / cycle / basis / channels / flags),
    and a header the vocabulary mostly understands. The score is the number of distinct
    fields, weighted by the share of labelled columns understood.
    """
    fields = layout.known_fields()
    core = fields & {Field.CATEGORY, Field.CONTENT}
    described = fields & _DESCRIPTIVE
    if not core or len(core) + len(described) < 2:
        return 0.0
    labelled = [c for c in layout.columns if c.header]
    if not labelled:
        return 0.0
    understood = sum(1 for c in labelled if c.role.field is not Field.EXTRA) / len(labelled)
    if understood < MIN_UNDERSTOOD:
        return 0.0
    return len(fields) * understood
