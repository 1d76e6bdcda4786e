"""Golden files: each sample converts exactly to its hand-checked expected JSON.

The expected files in samples/expected/ were reviewed row by row against the seed text;
never regenerate them blindly — a difference here is a behaviour change to look at.
"""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from repo_files import ROOT, convert, items_apart_from_position, metadata

from disclosure_parse import Catalog, json_schema

SAMPLES = ROOT / "samples"
QUZHOU_DOCX = "samples/quzhou-city-2018.docx"
QUZHOU_ALT_DOCX = "tests/data/quzhou-city-2018-alt.docx"

GOLDEN = [
    (QUZHOU_DOCX, "quzhou-city-2018.json"),
    ("samples/deep-tree-education-bureau.docx", "deep-tree-education-bureau.json"),
    ("samples/national-standard-township.html", "national-standard-township.json"),
    ("samples/department-catalog.xlsx", "department-catalog.json"),
    ("samples/traditional-major-projects.html", "traditional-major-projects.json"),
    ("samples/card-agricultural-subsidies.html", "card-agricultural-subsidies.json"),
    ("samples/township-housing-standard.html", "township-housing-standard.json"),
    ("samples/website-column-framework.docx", "website-column-framework.json"),
]


@pytest.mark.parametrize(("sample", "expected"), GOLDEN)
def test_sample_matches_its_golden_file(sample: str, expected: str) -> None:
    got = json.loads(convert(sample).to_json())
    want = json.loads((SAMPLES / "expected" / expected).read_text(encoding="utf-8"))
    assert got["items"] == want["items"]
    assert got == want


def test_quzhou_docx_has_all_137_items_and_no_warnings() -> None:
    catalog = convert(QUZHOU_DOCX)
    assert len(catalog.items) == 137
    assert len({item.seq for item in catalog.items}) == 47
    assert catalog.warnings == ()
    assert catalog.title == "衢州市政府信息主动公开基本目录"
    assert catalog.issuer == "衢州市人民政府办公室"
    assert str(catalog.issued_on) == "2018-12-29"
    assert catalog.notes == ("（备注：一级事项名称前加“★”的为重点领域信息公开。）",)


def test_docx_built_by_someone_else_gives_the_same_items() -> None:
    """Merges drawn differently, 3-row header, Wingdings ticks, sdt-wrapped rows."""
    ours = convert(QUZHOU_DOCX)
    theirs = convert(QUZHOU_ALT_DOCX)
    assert items_apart_from_position(theirs) == items_apart_from_position(ours)
    assert metadata(theirs) == metadata(ours)


def test_quzhou_text_export_gives_the_same_items_as_the_docx() -> None:
    """The seed as it reached us (Word plain-text export) and the rebuilt .docx agree."""
    text = convert("samples/quzhou-city-2018.txt")
    docx = convert(QUZHOU_DOCX)
    assert items_apart_from_position(text) == items_apart_from_position(docx)
    assert metadata(text) == metadata(docx)
    assert [c.field for c in text.columns] == [c.field for c in docx.columns]
    assert [w.code for w in text.warnings] == ["dropped-artifact"]  # the PAGE 5 field


@pytest.mark.parametrize("sample", [QUZHOU_DOCX, QUZHOU_ALT_DOCX])
def test_output_validates_against_the_published_schema(sample: str) -> None:
    data = json.loads(convert(sample).to_json())
    jsonschema.validate(data, json_schema())


@pytest.mark.parametrize("sample", [QUZHOU_DOCX, QUZHOU_ALT_DOCX])
def test_parsing_is_deterministic_and_round_trips(sample: str) -> None:
    first, second = convert(sample), convert(sample)
    assert first.to_json() == second.to_json()
    assert Catalog.from_json(first.to_json()) == first


def test_published_schema_file_is_current() -> None:
    published = json.loads((ROOT / "docs" / "catalog.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema()


def test_every_vocabulary_label_is_documented() -> None:
    from disclosure_parse.structure.vocabulary import GROUP_FIELDS, LEAF_ROLES

    documented = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    labels = [label for keys in LEAF_ROLES for label in keys] + list(GROUP_FIELDS)
    missing = [label for label in labels if label not in documented]
    assert not missing


def test_vocabulary_page_is_rendered_from_the_code() -> None:
    """docs/vocabulary.md's tables are what `python docs/render_vocabulary.py` writes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "render_vocabulary.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "run: python docs/render_vocabulary.py"


def test_column_framework_pdf_gives_the_items_of_its_docx() -> None:
    """The 栏目框架 sample printed by LibreOffice: the same items, title, notes and calls."""
    pdf = convert("samples/website-column-framework.pdf")
    docx = convert("samples/website-column-framework.docx")
    assert items_apart_from_position(pdf) == items_apart_from_position(docx)
    assert metadata(pdf) == metadata(docx)
    assert [(w.code, w.message) for w in pdf.warnings] == [
        (w.code, w.message) for w in docx.warnings
    ]
