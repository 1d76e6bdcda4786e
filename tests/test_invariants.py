"""Invariants over every sample document in samples/ (new samples are picked up by themselves):
deterministic output, text conservation, schema validity, exact JSON round trip."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
import regex
from repo_files import ROOT, convert

from disclosure_parse import Catalog, json_schema
from disclosure_parse.cell_text import join_lines
from disclosure_parse.pipeline import read_document
from disclosure_parse.structure.vocabulary import DEFAULT_VOCABULARY, Field

DOCUMENT_SUFFIXES = {".docx", ".txt", ".pdf", ".html", ".htm", ".xlsx"}


def _sample_files() -> list[str]:
    """Committed sample documents (work in progress of a checkout is left out)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "samples"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        listed = [str(p.relative_to(ROOT)) for p in (ROOT / "samples").iterdir()]
    return sorted(name for name in listed if Path(name).suffix in DOCUMENT_SUFFIXES)


SAMPLES = _sample_files()

#: what splits a cell into the pieces that must survive: separators, brackets, tick marks
_TICK_GLYPHS = "√✓✔☑■●þ▄▀█▇◆◼▪"
_PIECES = regex.compile(rf"[\s、，,；;。.．：:★☆{_TICK_GLYPHS}“”\"《》〈〉（）()〔〕\[\]/—-]+")
#: entries of a ■/□ list that are offered but not ticked: dropped by design (docs/rules.md)
_UNTICKED_ENTRY = regex.compile(rf"[□☐口◻¨][^{_TICK_GLYPHS}□☐口◻¨\n；;。]*")
#: placeholders replaced by their meaning (同上 = the value above; 是 = a tick)
_PLACEHOLDERS = {"同上", "是"}


def _converted(piece: str) -> bool:
    """Text the output holds as its meaning: 同上, a tick word, a label that became a flag."""
    return piece in _PLACEHOLDERS or any(
        DEFAULT_VOCABULARY.flag_for_label(field, piece) is not None
        for field in (Field.DISCLOSURE, Field.AUDIENCE, Field.FIVE_PUBLICS)
    )


@pytest.fixture(scope="module", params=SAMPLES)
def sample(request: pytest.FixtureRequest) -> tuple[str, Catalog]:
    return request.param, convert(request.param)


def test_samples_are_found() -> None:
    assert len(SAMPLES) >= 4


def test_parsing_is_deterministic(sample: tuple[str, Catalog]) -> None:
    name, catalog = sample
    assert convert(name).to_json() == catalog.to_json()


def test_output_validates_against_the_schema(sample: tuple[str, Catalog]) -> None:
    jsonschema.validate(json.loads(sample[1].to_json()), json_schema())


def test_json_round_trip_is_exact(sample: tuple[str, Catalog]) -> None:
    catalog = sample[1]
    assert Catalog.from_json(catalog.to_json()) == catalog
    assert Catalog.from_json(catalog.to_json()).to_json() == catalog.to_json()


def test_every_source_cell_text_is_in_the_output(sample: tuple[str, Catalog]) -> None:
    """Text conservation: each piece of each non-empty cell is in a field, extra or warnings."""
    name, catalog = sample
    document = read_document((ROOT / name).read_bytes(), name)
    output = regex.sub(r"\s+", "", catalog.to_json())
    missing = [
        piece
        for _, table in document.tables()
        for cell in table.cells
        for line in cell.text.split("\n")
        for piece in _PIECES.split(_UNTICKED_ENTRY.sub(" ", join_lines(line)))
        if piece and not _converted(piece) and piece not in output
    ]
    assert missing == []
