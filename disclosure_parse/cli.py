"""The converter: one catalog file (or a folder of them) to JSON or a table.

Errors are one line on stderr with a documented exit code (docs/errors.md), never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path

import attrs

from disclosure_parse.batch.files import atomic_write
from disclosure_parse.errors import BATCH_INCOMPLETE_EXIT_CODE, ERROR_CLASSES, DisclosureParseError
from disclosure_parse.export import TABLE_FORMATS, check_available, table_bytes
from disclosure_parse.options import OCR_MODES, Options
from disclosure_parse.pipeline import parse
from disclosure_parse.readers import READERS

EXAMPLES = (
    """\
examples:
  python -m disclosure_parse samples/quzhou-city-2018.docx --pretty
  python -m disclosure_parse catalog.pdf -o catalog.json
  python -m disclosure_parse catalog.docx --to csv -o items.csv
  python -m disclosure_parse catalogs/ -o out/          (a folder: out/sub/x.docx.json per file)
  python -m disclosure_parse catalogs/ -o out/ --to xlsx --combine   (one workbook of all items)
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
"""
    + "\n".join(
        f"  {cls.exit_code}  {cls.code:<20} {(cls.__doc__ or '').strip().splitlines()[0]}"
        for cls in ERROR_CLASSES
        if cls is not DisclosureParseError
    )
    + (
        f"\n  {BATCH_INCOMPLETE_EXIT_CODE} batch-incomplete     a folder was converted but "
        "some files failed (see report.jsonl)"
    )
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m disclosure_parse",
        description="Convert a Chinese government disclosure catalog (政府信息公开目录) into JSON "
        "or a table: DOCX, PDF, HTML, XLSX, Word text exports and tab-separated text (DOC/XLS "
        "through LibreOffice when installed). Prints to stdout unless -o is given. A folder is "
        "converted in parallel into a mirrored tree, with report.jsonl and resume.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", type=Path, help="catalog file, a folder of catalog files, or - for standard input"
    )
    parser.add_argument("-o", "--output", type=Path, help="write here (a folder for a folder)")
    parser.add_argument(
        "--to",
        choices=["json", *TABLE_FORMATS],
        default="json",
        help="output format: the catalog's JSON (default) or a table of its items "
        "(parquet needs the parquet extra)",
    )
    parser.add_argument("--pretty", action="store_true", help="indent the JSON")
    parser.add_argument(
        "--no-bom", dest="bom", action="store_false", help="CSV without the UTF-8 BOM Excel needs"
    )
    parser.add_argument(
        "--input-format",
        choices=sorted(READERS),
        help="force a reader instead of detecting the format from the content",
    )
    parser.add_argument(
        "--pdf-backend",
        choices=("pdfium", "pdfplumber"),
        default="pdfium",
        help="read PDF pages through PDFium (default, fast) or pdfplumber (the reference); "
        "both give the same result (docs/pdf.md)",
    )
    parser.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default="auto",
        help="OCR scans (needs the [ocr] extra): auto = a PDF without a text layer and "
        "images (default), always = every PDF, never = none",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    batch = parser.add_argument_group("folders")
    batch.add_argument(
        "--combine",
        action="store_true",
        help="one table of all items of the folder (OUT/combined.EXT) instead of one per file",
    )
    batch.add_argument(
        "-j", "--jobs", type=int, help="files converted at once (default: every core)"
    )
    batch.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="convert on a dask.distributed cluster (needs the dask extra)",
    )
    batch.add_argument(
        "--force", action="store_true", help="convert again files an earlier run has done"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # backends log their own complaints about damaged files; the user gets our one line
    for backend in ("pdfminer", "pdfplumber", "openpyxl"):
        logging.getLogger(backend).setLevel(logging.CRITICAL)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    try:
        check_available(args.to)
    except ImportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    progress = None if args.quiet or not sys.stderr.isatty() else _Progress()
    options = Options(
        input_format=args.input_format,
        progress=progress,
        ocr=args.ocr,
        pdf_backend=args.pdf_backend,
    )
    try:
        if args.file.is_dir():
            return _convert_folder(args, options)
        if args.combine or args.scheduler:
            parser.error("--combine and --scheduler are for converting a folder")
        return _convert_one(args.file, args.output, options, args)
    except KeyboardInterrupt:
        print("interrupted; run the same command again to resume", file=sys.stderr)
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


def _convert_one(
    path: Path, output: Path | None, options: Options, args: argparse.Namespace
) -> int:
    if args.to in ("xlsx", "parquet") and output is None:
        print(f"error: --to {args.to} writes a binary file: give -o FILE", file=sys.stderr)
        return 2
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
    if args.to == "json":
        data = (catalog.to_json(pretty=args.pretty) + "\n").encode("utf-8")
    else:
        data = table_bytes(args.to, catalog, bom=args.bom)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        atomic_write(output, data)
    except OSError as error:
        print(f"error: {output}: cannot write ({error.strerror})", file=sys.stderr)
        return 3
    return 0


def _convert_folder(args: argparse.Namespace, options: Options) -> int:
    """Every file below the folder, in parallel, into a mirrored tree; a true summary."""
    from disclosure_parse.batch import convert_folder
    from disclosure_parse.batch.progress import for_stream

    if args.output is None:
        print("error: converting a folder needs -o OUTPUT_FOLDER", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        executor: Executor | None = None
        threads: int | None = None
        try:
            if args.scheduler is not None:
                from disclosure_parse.batch.executors import scheduler_executor

                executor, threads = stack.enter_context(scheduler_executor(args.scheduler))
        except ImportError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        except OSError as error:
            print(
                f"error: cannot reach the dask scheduler at {args.scheduler} ({error})",
                file=sys.stderr,
            )
            return 2
        try:
            summary = convert_folder(
                args.file,
                args.output,
                to=args.to,
                combine=args.combine,
                pretty=args.pretty,
                bom=args.bom,
                force=args.force,
                # every option but the per-page progress callback, which stays in this process
                options=attrs.evolve(options, progress=None),
                jobs=args.jobs or threads,
                executor=executor,
                progress=for_stream(sys.stderr, args.quiet),
            )
        except (ImportError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        except OSError as error:
            where = error.filename or args.output
            print(f"error: {where}: cannot write ({error.strerror or error})", file=sys.stderr)
            return 3
    print(summary.describe(), file=sys.stderr)
    return summary.exit_code
