"""Mutated inputs: whatever the damage, parse() returns a catalog or raises one of the
documented errors (never another exception), and does so quickly."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_parse import Catalog, DisclosureParseError, parse

ROOT = Path(__file__).resolve().parent.parent
DOCX = (ROOT / "samples" / "deep-tree-education-bureau.docx").read_bytes()
TEXT = (ROOT / "samples" / "quzhou-city-2018.txt").read_bytes()[:6000]
#: one parse of a mutated small sample must stay well inside this (seconds)
TIME_BOUND = 5.0
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_within_bound(data: bytes) -> Catalog | DisclosureParseError:
    started = time.monotonic()
    try:
        result: Catalog | DisclosureParseError = parse(data)
    except DisclosureParseError as error:
        result = error
    assert time.monotonic() - started < TIME_BOUND
    return result


def _rezip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def _members(data: bytes) -> list[tuple[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [(name, archive.read(name)) for name in archive.namelist()]


@FUZZ
@given(st.integers(min_value=0, max_value=len(DOCX) - 1))
def test_truncated_docx(cut: int) -> None:
    parse_within_bound(DOCX[:cut])


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=20)
)
def test_docx_with_flipped_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(DOCX)
    for position, value in flips:
        data[position] ^= value or 1
    parse_within_bound(bytes(data))


@FUZZ
@given(st.randoms(use_true_random=False), st.booleans())
def test_docx_with_shuffled_or_missing_members(random: object, drop: bool) -> None:
    members = _members(DOCX)
    random.shuffle(members)  # type: ignore[attr-defined]
    if drop:
        members = members[1:]
    parse_within_bound(_rezip(members))


_XML_PIECES = st.sampled_from(
    [
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "</w:tr>",
        "<w:tc>",
        "</w:tc>",
        "<w:p>",
        "</w:p>",
        "<w:r><w:t>序号</w:t></w:r>",
        "<w:r><w:t>公开内容</w:t></w:r>",
        "<w:t>√</w:t>",
        '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>',
        "<w:tcPr><w:vMerge/></w:tcPr>",
        '<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>',
        '<w:tcPr><w:gridSpan w:val="-1"/></w:tcPr>',
        '<w:trPr><w:gridBefore w:val="99999"/></w:trPr>',
        "<w:sdt><w:sdtContent>",
        "</w:sdtContent></w:sdt>",
        '<w:sym w:font="Wingdings" w:char="zz"/>',
        "<w:br/>",
        "&amp;",
        "<![CDATA[x]]>",
        "<!-- c -->",
    ]
)


@FUZZ
@given(st.lists(_XML_PIECES, max_size=60))
def test_random_document_xml(pieces: list[str]) -> None:
    members = dict(_members(DOCX))
    body = "".join(pieces)
    members["word/document.xml"] = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()
    parse_within_bound(_rezip(list(members.items())))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    parse_within_bound(data)


@FUZZ
@given(st.integers(0, len(TEXT)), st.text(max_size=200))
def test_text_export_with_random_insertions(position: int, insertion: str) -> None:
    text = TEXT.decode("utf-8", errors="ignore")
    parse_within_bound((text[:position] + insertion + text[position:]).encode("utf-8"))
