"""Every 依据, 时限 and 更新 value of the samples and of ../shared/corpus has a parsed form, and
the values parsed as `unknown` are exactly the ones listed in tests/data/typed-unknowns.json.

A new unknown fails here: teach the parser the new wording (a general rule, in
docs/typed-values.md) or, when the text really says nothing certain, add it to the list.
When the list changes for a known reason (the list-splitting rules changed, so the entries
are cut differently), look at the difference, then rewrite the file with

    PYTHONPATH=. python tests/test_typed_unknowns.py --write

and say in the commit why each added or removed value is right. Never regenerate it blindly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from repo_files import ROOT, convert

from disclosure_parse import BasisKind, Catalog, Cycle, TimeLimitKind, parse

BASELINE = ROOT / "tests" / "data" / "typed-unknowns.json"
CORPUS = ROOT.parent / "shared" / "corpus"
#: the repository's own samples, in every format they come in
SAMPLE_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".xlsx")
FIELDS = ("basis", "time_limit", "update_cycle")


def sample_files() -> list[str]:
    samples = ROOT / "samples"
    return sorted(f"samples/{p.name}" for p in samples.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*/source.*") if (p.parent / "truth.json").is_file())


def unknowns(catalogs: list[Catalog]) -> dict[str, list[str]]:
    """field → the raw values parsed as unknown, sorted; checking every value has a parse."""
    found: dict[str, set[str]] = {field: set() for field in FIELDS}
    for catalog in catalogs:
        for item in catalog.items:
            assert [ref.raw for ref in item.basis_refs] == list(item.basis)
            assert [ref.name for ref in item.subject_refs] == list(item.subjects)
            assert (item.time_limit is None) == (item.time_limit_parsed is None)
            assert (item.update_cycle is None) == (item.update_cycle_parsed is None)
            found["basis"].update(r.raw for r in item.basis_refs if r.kind is BasisKind.UNKNOWN)
            if item.time_limit_parsed and item.time_limit_parsed.kind is TimeLimitKind.UNKNOWN:
                found["time_limit"].add(item.time_limit or "")
            if item.update_cycle_parsed and item.update_cycle_parsed.kind is Cycle.UNKNOWN:
                found["update_cycle"].add(item.update_cycle or "")
    return {field: sorted(values) for field, values in found.items()}


def parse_corpus() -> list[Catalog]:
    catalogs = []
    for path in corpus_files():
        try:
            catalogs.append(parse(path))
        except Exception:  # a catalog the converter cannot read yet has no values to check
            continue
    return catalogs


def current() -> dict[str, dict[str, list[str]]]:
    listing = {"samples": unknowns([convert(name) for name in sample_files()])}
    if corpus_files():
        listing["corpus"] = unknowns(parse_corpus())
    return listing


def baseline() -> dict[str, dict[str, list[str]]]:
    if not BASELINE.is_file():
        return {}
    data: dict[str, dict[str, list[str]]] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


def _difference(got: dict[str, list[str]], want: dict[str, list[str]]) -> list[str]:
    lines = []
    for field in FIELDS:
        lines += [f"new unknown {field}: {v!r}" for v in got[field] if v not in want[field]]
        lines += [f"no longer unknown {field}: {v!r}" for v in want[field] if v not in got[field]]
    return lines


def test_sample_unknowns_are_the_listed_ones() -> None:
    got = unknowns([convert(name) for name in sample_files()])
    assert not _difference(got, baseline()["samples"]), "\n".join(
        _difference(got, baseline()["samples"])
    )


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_corpus_unknowns_are_the_listed_ones() -> None:
    got = unknowns(parse_corpus())
    want = baseline()["corpus"]
    assert not _difference(got, want), "\n".join(_difference(got, want))


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(__doc__)
    import disclosure_parse

    if not Path(disclosure_parse.__file__).resolve().is_relative_to(ROOT):
        sys.exit(f"imports {disclosure_parse.__file__}, not this checkout's: run with PYTHONPATH=.")
    listing = baseline() | current()  # keeps the corpus part when ../shared is absent here
    BASELINE.write_text(json.dumps(listing, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {BASELINE}")
