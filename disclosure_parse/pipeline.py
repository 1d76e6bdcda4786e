"""The pipeline: read → structure → normalize → model. `parse()` is its one entry point."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import regex

from disclosure_parse.cell_text import join_lines
from disclosure_parse.detect import detect_format
from disclosure_parse.errors import (
    CorruptFileError,
    DisclosureParseError,
    InputNotFoundError,
    NoCatalogTableError,
    ResourceLimitError,
    UnsupportedFormatError,
)
from disclosure_parse.grid import Document, Paragraph, Table
from disclosure_parse.model import Catalog, Column, Item, ParseWarning, SourceFile
from disclosure_parse.normalize.rows import table_items
from disclosure_parse.normalize.typed import add_typed_values
from disclosure_parse.options import DEFAULT_OPTIONS, Limits, Options
from disclosure_parse.readers import READERS
from disclosure_parse.readers.ocr.confidence import low_confidence_warnings
from disclosure_parse.structure.layout import TableLayout
from disclosure_parse.structure.metadata import (
    Metadata,
    card_as_table,
    key_value_pairs,
    table_text,
)
from disclosure_parse.structure.reading import read_table, read_tables
from disclosure_parse.structure.surroundings import TITLE_HINT, read_surroundings
from disclosure_parse.structure.vocabulary import DEFAULT_VOCABULARY, Field, HeaderVocabulary

Source = str | os.PathLike[str] | bytes


def parse(
    source: Source,
    options: Options = DEFAULT_OPTIONS,
    *,
    vocabulary: HeaderVocabulary = DEFAULT_VOCABULARY,
    name: str | None = None,
) -> Catalog:
    """Parse a catalog document (a path, or the file's bytes) into a `Catalog`.

    `name` is the file name of bytes (it helps detect the format and becomes source.path).
    Raises a `DisclosureParseError` subclass, naming the file, for anything it cannot read.
    """
    path = name if isinstance(source, bytes) else os.fspath(source)
    try:
        data = source if isinstance(source, bytes) else load_file(Path(path or ""), options.limits)
        return _parse_bytes(data, path, options, vocabulary)
    except DisclosureParseError as error:
        raise error.with_path(path) from None


def load_file(path: Path, limits: Limits) -> bytes:
    """The bytes of an input file, size-checked; the one place a file is read for parsing
    (`parse(path)` and folder conversion alike)."""
    try:
        if path.is_dir():
            raise InputNotFoundError("is a directory, not a file")
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ResourceLimitError(
                f"file of {size} bytes exceeds the limit {limits.max_file_bytes}"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError("no such file") from None
    except PermissionError:
        raise InputNotFoundError("permission denied") from None
    except IsADirectoryError:
        raise InputNotFoundError("is a directory, not a file") from None
    except OSError as error:
        raise InputNotFoundError(f"cannot read ({error.strerror})") from None


def read_document(data: bytes, name: str | None, options: Options = DEFAULT_OPTIONS) -> Document:
    """Stage 1 alone: the bytes as a `Document` grid, through the detected reader."""
    if len(data) > options.limits.max_file_bytes:
        raise ResourceLimitError(
            f"input of {len(data)} bytes exceeds the limit {options.limits.max_file_bytes}"
        )
    kind = options.input_format or detect_format(data, name)
    reader = READERS.get(kind)
    if reader is None:
        raise UnsupportedFormatError(f"{kind} input is not supported yet")
    try:
        document = reader(data, options)
    except DisclosureParseError:
        raise
    except RecursionError:
        raise ResourceLimitError(f"{kind} structure nested too deeply") from None
    except MemoryError:
        raise ResourceLimitError(f"{kind} file needs more memory than available") from None
    except Exception as error:  # a backend failure on damaged input, translated once here
        raise CorruptFileError(f"damaged {kind} file ({type(error).__name__}: {error})") from error
    for _, table in document.tables():
        if table.n_rows * table.n_cols > options.limits.max_table_cells:
            raise ResourceLimitError(
                f"a table of {table.n_rows}x{table.n_cols} cells exceeds the limit "
                f"{options.limits.max_table_cells}"
            )
    return document


def _parse_bytes(
    data: bytes, path: str | None, options: Options, vocabulary: HeaderVocabulary
) -> Catalog:
    document = read_document(data, path, options)
    source = SourceFile(path=path, format=document.format, sha256=hashlib.sha256(data).hexdigest())
    return build_catalog(document, source, options, vocabulary)


def build_catalog(
    document: Document,
    source: SourceFile,
    options: Options = DEFAULT_OPTIONS,
    vocabulary: HeaderVocabulary = DEFAULT_VOCABULARY,
) -> Catalog:
    """Stages 2–4: find the catalog tables, normalize their rows, gather the metadata."""
    warnings: list[ParseWarning] = list(document.warnings)
    catalog_tables, metadata = _classify_tables(document, vocabulary, warnings)
    if not catalog_tables:
        raise NoCatalogTableError(
            "no catalog table found (no table's header names an item — 事项/类别 or 公开内容 — "
            "and what is said of it, such as 公开主体, 公开依据, 公开时限 or 公开渠道)"
        )

    sections, before, between = _paragraphs_around(document, [p for p, _, _ in catalog_tables])
    items: list[Item] = []
    columns: list[Column] = []
    for number, (_, table, layout) in enumerate(catalog_tables, start=1):
        _add_columns(layout, number, columns, warnings)
        table_rows, row_warnings = table_items(
            table,
            layout,
            number,
            vocabulary,
            fill_down=options.fill_down,
            section=sections[number - 1],
        )
        items.extend(table_rows)
        warnings.extend(row_warnings)
    warnings.extend(
        low_confidence_warnings(
            ((number, table) for number, (_, table, _) in enumerate(catalog_tables, 1)), items
        )
    )

    last = catalog_tables[-1][0]
    after = [Paragraph(text) for text in between]
    after += [b for b in document.blocks[last + 1 :] if isinstance(b, Paragraph)]
    around = read_surroundings(before, after, _table_title(catalog_tables))
    warnings.extend(around.warnings)
    return Catalog(
        title=around.title or sections[0],
        issuer=around.issuer or next((m.issuer for m in metadata if m.issuer), None),
        issued_on=around.issued_on or next((m.issued_on for m in metadata if m.issued_on), None),
        source=source,
        columns=tuple(columns),
        items=tuple(add_typed_values(item) for item in items),
        notes=tuple(note for m in metadata for note in m.notes) + around.notes,
        warnings=tuple(warnings),
    )


def _every_label_known(layout: TableLayout) -> bool:
    """A card's labels are field names: the vocabulary knows every one of them (none was
    typed by its value)."""
    return all(c.role.field is not Field.EXTRA and c.assumed is None for c in layout.columns)


def _table_title(catalog_tables: list[tuple[int, Table, TableLayout]]) -> str | None:
    """A title printed as the first row of the catalog table (one cell across the width).

    With several catalog tables their first rows are 领域 headings, and only one that names
    a 目录/清单 can be the catalog's title.
    """
    _, table, layout = catalog_tables[0]
    if not layout.title_rows:
        return None
    texts = [join_lines(c.text) for c in table.row_cells(layout.title_rows[0]) if c.text.strip()]
    if len(texts) != 1:
        return None
    if len(catalog_tables) > 1 and not TITLE_HINT.search(texts[0]):
        return None
    return texts[0]


def _classify_tables(
    document: Document, vocabulary: HeaderVocabulary, warnings: list[ParseWarning]
) -> tuple[list[tuple[int, Table, TableLayout]], list[Metadata]]:
    """Each table is a catalog table, a card (one record), a metadata box, or skipped."""
    catalog_tables: list[tuple[int, Table, TableLayout]] = []
    metadata: list[Metadata] = []
    for reading in read_tables(document, vocabulary):
        position, table = reading.position, reading.table
        pairs = key_value_pairs(table) if any(c.text.strip() for c in table.cells) else None
        if pairs is not None:
            # a card (one record, a label/value pair per field) reads better turned round
            card = read_table(card_as_table(table, pairs), vocabulary, position)
            if card.score > reading.score and _every_label_known(card.layout):
                reading = card
        warnings.extend(reading.warnings)
        if reading.is_catalog:
            catalog_tables.append((position, reading.table, reading.layout))
            continue
        if pairs is not None:  # a 索引号 / 发布机构 / 发布日期 box
            metadata.append(pairs)
            continue
        if not any(c.text.strip() for c in table.cells):
            continue
        warnings.append(
            ParseWarning(
                "not-a-catalog-table",
                f"table with {table.n_rows} rows and {table.n_cols} columns has no catalog "
                f"header; skipped: {table_text(table)}",
                table.label or f"block {position + 1}",
            )
        )
    return catalog_tables, metadata


def _add_columns(
    layout: TableLayout, number: int, columns: list[Column], warnings: list[ParseWarning]
) -> None:
    """Record how a table's columns were understood; warn once per unmapped column."""
    for column in layout.columns:
        entry = Column(field=column.role.name, header=column.header)
        if entry not in columns:
            columns.append(entry)
        if column.role.field is Field.EXTRA:
            warnings.append(
                ParseWarning(
                    "unmapped-column",
                    f"column {'/'.join(column.header) or column.index + 1} is not in the "
                    "vocabulary; its values are kept in extra",
                    f"table {number}, column {column.index + 1}",
                )
            )


_KEY_VALUE = regex.compile(r"^[^：:]{1,8}[：:]")


def _looks_like_heading(text: str) -> bool:
    """A 领域 heading, not a "更新日期：…" fill-in line or a remark."""
    text = join_lines(text)
    return bool(text) and not _KEY_VALUE.match(text) and len(text) <= 60


def _paragraphs_around(
    document: Document, positions: list[int]
) -> tuple[list[str | None], list[Paragraph], tuple[str, ...]]:
    """Section titles of the catalog tables, the paragraphs above the first, and the rest.

    With several catalog tables, the paragraph just above each table is its 领域 title
    (the first table's too); other paragraphs between tables become notes.
    """
    several = len(positions) > 1
    sections: list[str | None] = []
    before: list[Paragraph] = []
    between: list[str] = []
    start = 0
    for number, position in enumerate(positions):
        paragraphs = [
            b
            for b in document.blocks[start:position]
            if isinstance(b, Paragraph) and b.text.strip()
        ]
        heading = None
        if paragraphs and (several or number) and _looks_like_heading(paragraphs[-1].text):
            heading = join_lines(paragraphs[-1].text)
        sections.append(heading)
        rest = paragraphs[:-1] if heading is not None else paragraphs
        if number == 0:
            before = rest
        else:
            between.extend(join_lines(p.text) for p in rest)
        start = position + 1
    return sections, before, tuple(between)
