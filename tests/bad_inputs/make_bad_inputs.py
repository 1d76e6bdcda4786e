"""Build the corpus of bad inputs in this folder, and `expected.json` naming each one's error.

Small files that a batch over thousands of downloads will meet: truncated and renamed
files, zip bombs, XML entity tricks, encrypted documents, documents with no catalog.

    python tests/bad_inputs/make_bad_inputs.py
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SAMPLE = REPO / "samples" / "quzhou-city-2018.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _member(name: str) -> zipfile.ZipInfo:
    """A zip member with a fixed date, so that rebuilding the corpus gives the same bytes."""
    return zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))


def _docx(document_xml: bytes | str, *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx whose main part is `document_xml`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr(
            _member("[Content_Types].xml"), CONTENT_TYPES, compress_type=archive.compression
        )
        archive.writestr(
            _member("word/document.xml"), document_xml, compress_type=archive.compression
        )
    return buffer.getvalue()


def _body(inner: str, prolog: str = "") -> str:
    return f'{prolog}<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_paragraph(t)}</w:tc>" for t in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def zip_bomb() -> bytes:
    """~40 KB that inflates to 40 MB of one repeated byte (ratio ~1000)."""
    return _docx(b" " * (40 * 1024 * 1024))


def zip_bomb_declared() -> bytes:
    """A small zip whose central directory claims a 10 GB main part."""
    data = bytearray(_docx(_body(_paragraph("x"))))
    offset = data.rfind(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        name = bytes(data[offset + 46 : offset + 46 + name_length])
        if name == b"word/document.xml":
            struct.pack_into("<I", data, offset + 24, 0xFFFFFFF0)  # uncompressed size
        offset = data.rfind(b"PK\x01\x02", 0, offset)
    return bytes(data)


def billion_laughs() -> bytes:
    """Nested entity definitions that would expand to gigabytes if resolved."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    prolog = f"<!DOCTYPE w:document [{entities}]>"
    return _docx(_body(_paragraph("&lol9;"), prolog))


def external_entity() -> bytes:
    """An entity pointing at a local file (XXE): never read."""
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _docx(_body(_table([["序号", "公开事项", "公开内容"], ["1", "&xxe;", "x"]]), prolog))


def deep_nesting() -> bytes:
    """1,000 nested elements: deeper than any real document, refused by the parser."""
    nested = "<w:sdt><w:sdtContent>" * 1_000 + "</w:sdtContent></w:sdt>" * 1_000
    return _docx(_body(nested), compression=zipfile.ZIP_STORED)


def contact_table() -> bytes:
    """A document with a table that is not a catalog (a contact list)."""
    rows = [
        ["姓名", "职务", "电话"],
        ["张三", "科长", "0570-1234567"],
        ["李四", "科员", "0570-7654321"],
    ]
    return _docx(_body(_paragraph("联系方式") + _table(rows)))


def no_table() -> bytes:
    return _docx(_body(_paragraph("关于做好政务公开工作的通知") + _paragraph("各单位：……")))


def missing_main_part() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            _member("[Content_Types].xml"), CONTENT_TYPES, compress_type=archive.compression
        )
        archive.writestr(_member("word/styles.xml"), "<styles/>", compress_type=archive.compression)
    return buffer.getvalue()


def encrypted_ooxml() -> bytes:
    """What Word writes for a password-protected .docx: an OLE file with EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")


def xlsx_bomb() -> bytes:
    """A workbook whose sheet part inflates 1000-fold."""
    members = dict(_members((REPO / "samples" / "department-catalog.xlsx").read_bytes()))
    members["xl/worksheets/sheet1.xml"] = b" " * (40 * 1024 * 1024)
    return _zip_with_bytes(members)


def xlsx_with_dtd() -> bytes:
    """A workbook part declaring a DTD with entities (refused before openpyxl sees it)."""
    members = dict(_members((REPO / "samples" / "department-catalog.xlsx").read_bytes()))
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + sheet.split(b"?>", 1)[-1]
    )
    return _zip_with_bytes(members)


def contacts_page() -> bytes:
    rows = "".join(
        f"<tr><td>{n}</td><td>{d}</td><td>{p}</td></tr>"
        for n, d, p in [("姓名", "科室", "电话"), ("张三", "办公室", "0570-1234567")]
    )
    return f"<html><body><h1>联系我们</h1><table>{rows}</table></body></html>".encode()


def _members(data: bytes) -> list[tuple[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [(name, archive.read(name)) for name in archive.namelist()]


def _zip_with_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(_member(name), data, compress_type=archive.compression)
    return buffer.getvalue()


#: file name → (builder, expected error class name, or "ok" for a file that must convert)
CORPUS: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty.docx": (lambda: b"", "UnsupportedFormatError"),
    "truncated-download.docx": (lambda: SAMPLE.read_bytes()[:4096], "CorruptFileError"),
    "renamed-text.docx": (lambda: "这不是Word文档".encode(), "CorruptFileError"),
    "renamed-png.docx": (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "CorruptFileError"),
    "random-binary.bin": (
        lambda: bytes((i * 37 + 11) % 256 for i in range(4096)),
        "UnsupportedFormatError",
    ),
    "zip-not-office.zip": (
        lambda: _zip_with({"readme.txt": "hello"}),
        "UnsupportedFormatError",
    ),
    "zip-bomb.docx": (zip_bomb, "ResourceLimitError"),
    "zip-bomb-declared-size.docx": (zip_bomb_declared, "ResourceLimitError"),
    "billion-laughs.docx": (billion_laughs, "NoCatalogTableError"),
    # converts, but the entity is left unresolved: nothing of /etc/passwd in the output
    "external-entity.docx": (external_entity, "ok"),
    # the parser refuses the depth; nothing of a table survives
    "deep-nesting.docx": (deep_nesting, "NoCatalogTableError"),
    "garbage-xml.docx": (lambda: _docx(b"\x00\x01 not xml <<<"), "CorruptFileError"),
    "missing-main-part.docx": (missing_main_part, "CorruptFileError"),
    "contact-table.docx": (contact_table, "NoCatalogTableError"),
    "no-table.docx": (no_table, "NoCatalogTableError"),
    "encrypted.docx": (encrypted_ooxml, "EncryptedFileError"),
    "scan.pdf": (
        lambda: (REPO / "tests/data/scan-no-text-layer.pdf").read_bytes(),
        "NoTextLayerError",
    ),
    "encrypted.pdf": (
        lambda: (REPO / "tests/data/encrypted-password.pdf").read_bytes(),
        "EncryptedFileError",
    ),
    "truncated.pdf": (
        lambda: (REPO / "samples/quzhou-city-2018.pdf").read_bytes()[:60_000],
        "CorruptFileError",
    ),
    "pdf-header-garbage.pdf": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, "CorruptFileError"),
    "contacts-page.html": (contacts_page, "NoCatalogTableError"),
    "binary.html": (lambda: b"\x00\x01\x02<table>" + bytes(range(256)) * 4, "CorruptFileError"),
    "zip-bomb.xlsx": (xlsx_bomb, "ResourceLimitError"),
    "dtd-entities.xlsx": (xlsx_with_dtd, "CorruptFileError"),
    "truncated.xlsx": (
        lambda: (REPO / "samples/department-catalog.xlsx").read_bytes()[:3000],
        "CorruptFileError",
    ),
    "prose.txt": (
        lambda: (
            "关于做好2023年政务公开工作的通知\n各乡镇人民政府、县直各单位：\n现将有关事项通知如下。\n".encode()
        ),
        "NoCatalogTableError",
    ),
}


def _zip_with(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(_member(name), text, compress_type=archive.compression)
    return buffer.getvalue()


def main() -> None:
    expected = {}
    for name, (build, error) in CORPUS.items():
        (HERE / name).write_bytes(build())
        expected[name] = error
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(expected)} bad inputs to {HERE}")


if __name__ == "__main__":
    main()
