"""Coverage-guided fuzzing of every reader with atheris (not run in CI).

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=300 -rss_limit_mb=2048 fuzz/corpus

The seed corpus is the samples/ documents plus tests/bad_inputs/. Any exception other than
a `DisclosureParseError` is a finding: atheris stops and writes the crashing input as
`crash-<sha1>`; add it to tests/bad_inputs/ (make_bad_inputs.py) with its expected error
once fixed. docs/robustness.md records the runs and what they found.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from disclosure_parse import DisclosureParseError, parse
    from disclosure_parse.options import Limits, Options

ROOT = Path(__file__).resolve().parent.parent
#: small limits keep each run fast; the limits themselves are part of what is exercised
OPTIONS = Options(limits=Limits(max_unzipped_bytes=20 * 1024 * 1024, max_table_cells=200_000))


def test_one_input(data: bytes) -> None:
    """Feed one input to the whole pipeline: format detection picks the reader."""
    try:
        parse(data, OPTIONS)
    except DisclosureParseError:
        pass


def seed_corpus(corpus: Path) -> None:
    """Copy the sample documents and bad inputs into an empty corpus folder."""
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    for folder in (ROOT / "samples", ROOT / "tests" / "bad_inputs"):
        for path in folder.iterdir():
            if path.suffix not in (".py", ".json", ".md") and path.is_file():
                shutil.copy(path, corpus / path.name)


if __name__ == "__main__":
    corpora = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    for corpus in corpora:
        seed_corpus(corpus)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
