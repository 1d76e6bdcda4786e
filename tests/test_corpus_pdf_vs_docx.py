"""Every real catalog of the shared corpus gives the same items from its PDF as from its
DOCX (the DOCX printed by LibreOffice): category, content and every field, `source`
aside. Skipped when ../shared/corpus is absent; nothing from it is copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_parse import parse
from disclosure_parse.errors import DisclosureParseError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FOLDERS = (
    sorted(
        p.name
        for p in CORPUS.iterdir()
        if (p / "source.pdf").is_file() and (p / "source.docx").is_file()
    )
    if CORPUS.is_dir()
    else []
)

#: where the PDF itself lacks what the DOCX says, so no reader rule can recover it
PDF_LACKS_IT = {
    "etkqq-natres": (
        "a line break in 政府网站/公告公示栏 falls where the first line fills its column "
        "(a wrap looks the same), and LibreOffice printed no glyph for the space in "
        "'( 国令第713号)' at the line end"
    ),
}


def outcome(path: Path) -> list[dict[str, object]] | str:
    """The items without `source`, or the error's class name when the file is refused."""
    try:
        catalog = parse(path)
    except DisclosureParseError as error:
        return type(error).__name__
    items: list[dict[str, object]] = json.loads(catalog.to_json())["items"]
    for item in items:
        item.pop("source", None)
    return items


CASES = [
    pytest.param(f, marks=pytest.mark.xfail(reason=PDF_LACKS_IT[f], strict=True))
    if f in PDF_LACKS_IT
    else f
    for f in FOLDERS
]


@pytest.mark.skipif(not FOLDERS, reason="no ../shared/corpus")
@pytest.mark.parametrize("folder", CASES or ["-"])
def test_corpus_pdf_gives_the_items_of_its_docx(folder: str) -> None:
    assert outcome(CORPUS / folder / "source.pdf") == outcome(CORPUS / folder / "source.docx")
