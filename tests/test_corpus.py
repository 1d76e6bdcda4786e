"""Regression floor on real catalogs nobody here wrote: ../shared/corpus (skipped when absent).

Each corpus catalog comes in several formats with its expected output (truth.json) and
the corpus's own scorer (score.py, read from the corpus, never copied here). The floors
are the issue's bar: every file at least 95 % of its items exact, the mean at least 98 %,
and list fields split entry by entry as expected (the scorer's "split" figure).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from repo_files import ROOT

from disclosure_parse import parse

CORPUS = ROOT.parent / "shared" / "corpus"
MIN_FILE_EXACT = 95.0
MIN_MEAN_EXACT = 98.0
MIN_MEAN_SPLIT = 98.0

pytestmark = pytest.mark.skipif(
    not (CORPUS / "score.py").is_file(), reason="../shared/corpus is not here"
)


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*/source.*") if (p.parent / "truth.json").is_file())


@cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def scores(path: Path) -> dict[str, object]:
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    output = json.loads(parse(path).to_json())
    result: dict[str, object] = scorer().score(truth, output)
    return result


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", corpus_files(), ids=_name)
def test_corpus_file_items_are_exact(path: Path) -> None:
    result = scores(path)
    exact = result["item_exact"]
    assert isinstance(exact, float)
    assert exact >= MIN_FILE_EXACT, (
        f"{_name(path)}: {exact:.1f}% items exact; "
        f"see: python {CORPUS / 'check.py'} {path.parent.name} --show 5"
    )


def test_corpus_mean_is_above_the_floor() -> None:
    files = corpus_files()
    exact = [float(str(scores(p)["item_exact"])) for p in files]
    splits = [float(str(s)) for p in files if (s := scores(p)["split"]) is not None]
    assert sum(exact) / len(exact) >= MIN_MEAN_EXACT
    assert sum(splits) / len(splits) >= MIN_MEAN_SPLIT
