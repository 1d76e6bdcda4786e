"""The same catalog through other tools' exports gives the same items as the .docx sample.

tests/data/quzhou-city-2018-libreoffice*.html.gz are samples/quzhou-city-2018.docx saved as
HTML by LibreOffice 7 (`soffice --headless --convert-to html` and the XHTML filter), as web
teams publish Word catalogs; gzipped to keep the repository small.
"""

from __future__ import annotations

import gzip
import json

import pytest
from repo_files import ROOT, convert

from disclosure_parse import Catalog, parse

DATA = ROOT / "tests" / "data"


def _items(catalog: Catalog) -> list[dict[str, object]]:
    items = json.loads(catalog.to_json())["items"]
    for item in items:
        del item["source"]
    return items


@pytest.mark.parametrize(
    "export", ["quzhou-city-2018-libreoffice.html.gz", "quzhou-city-2018-libreoffice-xhtml.html.gz"]
)
def test_word_catalog_saved_as_html_gives_the_same_items(export: str) -> None:
    html = parse(gzip.decompress((DATA / export).read_bytes()))
    docx = convert("samples/quzhou-city-2018.docx")
    assert html.source.format == "html"
    assert _items(html) == _items(docx)
    assert (html.title, html.issuer, html.issued_on, html.notes) == (
        docx.title,
        docx.issuer,
        docx.issued_on,
        docx.notes,
    )
