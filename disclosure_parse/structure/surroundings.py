"""Title, issuer, date and remarks from the paragraphs around the catalog tables."""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from disclosure_parse.grid import Paragraph
from disclosure_parse.model import ParseWarning
from disclosure_parse.normalize.text import (
    fold_traditional,
    is_field_artifact,
    is_page_number,
    join_lines,
)
from disclosure_parse.normalize.values import parse_date

_ISSUER = regex.compile(
    r"^[\p{Han}（）()]{2,40}(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|办|中心|街道|镇|乡|院|部|署|所|站|队)"
    r"(?:[（(][\p{Han}]{1,20}[)）])?$"
)
_TITLE_HINT = regex.compile(r"目录|清单|目錄|清單")
_DATE_INSIDE = regex.compile(r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")


@attrs.frozen
class Surroundings:
    title: str | None
    issuer: str | None
    issued_on: dt.date | None
    notes: tuple[str, ...]
    warnings: tuple[ParseWarning, ...]


def _clean(paragraphs: list[Paragraph]) -> list[str]:
    return [t for t in (join_lines(p.text) for p in paragraphs) if t]


def read_surroundings(before: list[Paragraph], after: list[Paragraph]) -> Surroundings:
    """Title from the text above the first table; issuer, date and notes from below the last.

    Running page numbers and leaked field codes (PAGE 5) are dropped with a warning.
    """
    warnings: list[ParseWarning] = []
    above = _clean(before)
    below: list[str] = []
    raw_below = [line for p in after if p.text.strip() for line in _signature_lines(p.text)]
    index = 0
    while index < len(raw_below):
        text = raw_below[index]
        joined = join_lines(text)
        # a field code split over two paragraphs: "PAGE" then "5"
        if (
            regex.match(r"^\s*(PAGE|NUMPAGES)\s*$", text)
            and index + 1 < len(raw_below)
            and (is_page_number(raw_below[index + 1]))
        ):
            warnings.append(_dropped(f"{joined} {join_lines(raw_below[index + 1])}"))
            index += 2
            continue
        if is_field_artifact(text) or is_page_number(joined):
            warnings.append(_dropped(joined))
        else:
            below.append(joined)
        index += 1

    title = _pick_title(above)
    issued_on: dt.date | None = None
    issuer: str | None = None
    notes: list[str] = []
    for position, text in enumerate(below):
        date = parse_date(text)
        if date is not None and issued_on is None:
            issued_on = date
            if (
                issuer is None
                and position > 0
                and _ISSUER.match(fold_traditional(below[position - 1]))
            ):
                issuer = below[position - 1]
                if notes and notes[-1] == issuer:
                    notes.pop()
            continue
        notes.append(text)
    if issuer is None:
        for text in notes:
            if _ISSUER.match(fold_traditional(text)):
                issuer = text
                notes.remove(text)
                break
    if issued_on is None:
        for text in notes:
            match = _DATE_INSIDE.search(text)
            if match and len(text) <= 40:
                issued_on = parse_date(match.group(1))
                break
    # a second signature (one per sheet or section) repeats what is already known
    notes = [t for t in notes if t != issuer and (issued_on is None or parse_date(t) != issued_on)]
    other_above = [t for t in above if t != title]
    return Surroundings(
        title=title,
        issuer=issuer,
        issued_on=issued_on,
        notes=tuple(other_above + notes),
        warnings=tuple(warnings),
    )


def _signature_lines(text: str) -> list[str]:
    """A paragraph as its lines when one of them is a date (issuer and date typed in one
    paragraph with a line break), else whole."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and any(parse_date(line) is not None for line in lines):
        return lines
    return [text]


def _pick_title(above: list[str]) -> str | None:
    """The paragraph above the table that names a 目录/清单, else the nearest one."""
    for text in reversed(above):
        if _TITLE_HINT.search(text) and len(text) <= 80:
            return text
    return above[-1] if above else None


def _dropped(text: str) -> ParseWarning:
    return ParseWarning(
        "dropped-artifact", f"page number or field code {text!r} dropped", "after table"
    )
