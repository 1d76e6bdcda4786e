"""Format detection from the content (magic bytes), with the file name only as a hint."""

from __future__ import annotations

import zipfile
from io import BytesIO

from disclosure_parse.errors import (
    CorruptFileError,
    EncryptedFileError,
    UnsupportedFormatError,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ZIP_EXTENSIONS = (".docx", ".docm", ".xlsx", ".xlsm", ".dotx")
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<table")
#: PNG, JPEG, TIFF (both byte orders): a photo or scan of pages, read by OCR
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def detect_format(data: bytes, name: str | None = None) -> str:
    """The reader name for `data`: "docx", "pdf", "html", "image", "text-cells", ..."""
    lower = (name or "").lower()
    if not data:
        raise UnsupportedFormatError("the file is empty")
    if data.startswith(ZIP_MAGICS):
        return _zip_kind(data)
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFileError("the document is password-protected (encrypted OOXML)")
        return _ole_kind(data, lower)
    if lower.endswith(_ZIP_EXTENSIONS):
        raise CorruptFileError(
            "not a zip container although the name says Office Open XML "
            "(truncated download or renamed file?)"
        )
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(IMAGE_MAGICS):
        return "image"
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFormatError("RTF is not read: save it as .docx first")
    if looks_like_html(data):
        return "html"
    text = decode_text(data)
    if text is None:
        if lower.endswith(_HTML_EXTENSIONS):
            raise CorruptFileError("not text although the name says HTML (damaged download?)")
        raise UnsupportedFormatError("binary content of an unknown format")
    head = text[:20000].lower()
    if "<table" in head or "<html" in head or lower.endswith(_HTML_EXTENSIONS):
        return "html"
    if lower.endswith(".csv") or looks_like_csv(text):
        return "csv"
    return text_shape(text)


def looks_like_html(data: bytes) -> bool:
    """A page that starts like HTML, even if a stray byte keeps it from decoding cleanly."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS) and b"\x00" not in data[:4096]


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise CorruptFileError(f"damaged zip container ({error})") from None
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormatError("PowerPoint files are not read")
    if "content.xml" in names:
        raise UnsupportedFormatError("OpenDocument files are not read: save as .docx first")
    raise UnsupportedFormatError("a zip archive, but not a Word or Excel document")


#: OLE directory entry names (UTF-16LE) of the main stream of each legacy Office format
_OLE_STREAMS = (
    ("doc", "WordDocument".encode("utf-16-le")),
    ("xls", "Workbook".encode("utf-16-le")),
    ("xls", "Book".encode("utf-16-le")),
)


def _ole_kind(data: bytes, lower_name: str) -> str:
    """ "doc" or "xls" for a legacy binary Office file, from its stream names, else the name."""
    for kind, stream in _OLE_STREAMS:
        if stream in data:
            return kind
    if lower_name.endswith((".doc", ".dot", ".wps")):
        return "doc"
    if lower_name.endswith((".xls", ".xlt", ".et")):
        return "xls"
    raise UnsupportedFormatError(
        "an OLE compound file that is neither a Word .doc nor an Excel .xls workbook"
    )


def decode_text(data: bytes) -> str | None:
    """Text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; None if binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:4096]:
        return None
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def looks_like_csv(text: str) -> bool:
    """Comma-separated rows: no TABs, and most lines hold the same number (≥ 2) of commas."""
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    if not lines or any("\t" in line for line in lines):
        return False
    counts = [line.count(",") for line in lines]
    common = max(set(counts), key=counts.count)
    return common >= 2 and counts.count(common) * 2 >= len(lines)


def text_shape(text: str) -> str:
    """ "text-cells" for Word's one-cell-per-line export (lines start with TAB), else rows."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise UnsupportedFormatError("the text holds no lines")
    starting_with_tab = sum(1 for line in lines if line.startswith("\t"))
    with_inner_tab = sum(1 for line in lines if "\t" in line.strip("\t"))
    if starting_with_tab * 2 >= len(lines) and with_inner_tab * 4 < len(lines):
        return "text-cells"
    return "text-rows"
