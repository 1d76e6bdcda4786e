"""Coverage-guided fuzzing of every reader with atheris (not run in CI).

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=300 -rss_limit_mb=2048 fuzz/corpus
    python fuzz/fuzz_readers.py --reader=pdf -max_total_time=120 /tmp/corpus-pdf

Without --reader, format detection picks the reader for each input (so mutations that
change the magic bytes reach other readers too); with --reader=NAME (docx, pdf, html,
xlsx, text-cells, text-rows) every input goes to that one reader, as in a run per reader.

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
LIMITS = Limits(max_unzipped_bytes=20 * 1024 * 1024, max_table_cells=200_000, max_pdf_seconds=10)
OPTIONS = Options(limits=LIMITS)


def test_one_input(data: bytes) -> None:
    """Feed one input to the whole pipeline: format detection (or --reader) picks the reader."""
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
    readers = [arg.split("=", 1)[1] for arg in sys.argv[1:] if arg.startswith("--reader=")]
    if readers:
        OPTIONS = Options(limits=LIMITS, input_format=readers[0])
    sys.argv = [arg for arg in sys.argv if not arg.startswith("--reader=")]
    corpora = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    for corpus in corpora:
        seed_corpus(corpus)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
