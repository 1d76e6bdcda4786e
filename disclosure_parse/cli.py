"""The converter: one catalog file (or a folder of them) to JSON.

Errors are one line on stderr with a documented exit code (docs/errors.md), never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from disclosure_parse.errors import ERROR_CLASSES, DisclosureParseError
from disclosure_parse.options import OCR_MODES, Options
from disclosure_parse.pipeline import parse
from disclosure_parse.readers import READERS

EXAMPLES = """\
examples:
  python -m disclosure_parse samples/quzhou-city-2018.docx --pretty
  python -m disclosure_parse catalog.pdf -o catalog.json
  python -m disclosure_parse catalogs/ -o out/          (a folder: one JSON per file)
  curl -s URL | python -m disclosure_parse -            (a document on standard input)

query the JSON: every item resting on 国办发〔2016〕80号 (docs/typed-values.md)
  python -m disclosure_parse catalog.docx -o catalog.json
  python - <<'EOF'
  import json
  for item in json.load(open("catalog.json", encoding="utf-8"))["items"]:
      for ref in item["basis_refs"]:
          number = ref["document_number"] or {}
          if (number.get("code"), number.get("year"), number.get("serial")) == ("国办发", 2016, 80):
              print(item["seq"], item["content"])
  EOF

exit codes:
  1  internal-error       a bug in disclosure_parse: please report it with the file
  2  usage                wrong command-line arguments
""" + "\n".join(
    f"  {cls.exit_code}  {cls.code:<20} {(cls.__doc__ or '').strip().splitlines()[0]}"
    for cls in ERROR_CLASSES
    if cls is not DisclosureParseError
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m disclosure_parse",
        description="Convert a Chinese government disclosure catalog (政府信息公开目录) into JSON: "
        "DOCX, PDF, HTML, XLSX, Word text exports and tab-separated text (DOC/XLS through "
        "LibreOffice when installed). Prints the JSON to stdout unless -o is given.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", type=Path, help="catalog file, a folder of catalog files, or - for standard input"
    )
    parser.add_argument("-o", "--output", type=Path, help="write JSON here (a folder for a folder)")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON")
    parser.add_argument(
        "--input-format",
        choices=sorted(READERS),
        help="force a reader instead of detecting the format from the content",
    )
    parser.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default="auto",
        help="OCR scans (needs the [ocr] extra): auto = a PDF without a text layer and "
        "images (default), always = every PDF, never = none",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # backends log their own complaints about damaged files; the user gets our one line
    for backend in ("pdfminer", "pdfplumber", "openpyxl"):
        logging.getLogger(backend).setLevel(logging.CRITICAL)
    progress = None if args.quiet or not sys.stderr.isatty() else _Progress()
    options = Options(input_format=args.input_format, progress=progress, ocr=args.ocr)
    try:
        if args.file.is_dir():
            return _convert_folder(args.file, args.output, options, args.pretty, args.quiet)
        return _convert_one(args.file, args.output, options, args.pretty)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


class _Progress:
    """One self-overwriting stderr line for long documents: a PDF of 20 pages or more, or
    one whose pages take a second or more each (OCR)."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.showing = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total >= 20 or now - self.last >= 1.0:
            self.showing = True
        self.last = now
        if self.showing:
            end = "\n" if done == total else ""
            print(f"\r  page {done}/{total}", end=end, file=sys.stderr, flush=True)
        if done == total:
            self.showing = False


def _convert_one(path: Path, output: Path | None, options: Options, pretty: bool) -> int:
    try:
        if str(path) == "-":  # the document on standard input
            catalog = parse(sys.stdin.buffer.read(), options)
        else:
            catalog = parse(path, options)
    except DisclosureParseError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except Exception as error:  # a bug: still one line, and the documented code 1
        print(f"error: {path}: internal error ({type(error).__name__}: {error})", file=sys.stderr)
        return 1
    text = catalog.to_json(pretty=pretty) + "\n"
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"error: {output}: cannot write ({error.strerror})", file=sys.stderr)
            return 3
    return 0


def _convert_folder(
    folder: Path, output: Path | None, options: Options, pretty: bool, quiet: bool
) -> int:
    """Every file in `folder` (recursively) to OUT/<name>.json; one line per failure."""
    if output is None:
        print("error: converting a folder needs -o OUTPUT_FOLDER", file=sys.stderr)
        return 2
    output.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    worst = 0
    for number, path in enumerate(files, start=1):
        target = output / path.relative_to(folder).with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not quiet:
            print(f"[{number}/{len(files)}] {path}", file=sys.stderr)
        code = _convert_one(path, target, options, pretty)
        worst = max(worst, code)
    if not quiet:
        print(f"converted {len(files)} files into {output}", file=sys.stderr)
    return worst
