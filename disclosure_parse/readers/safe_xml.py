"""Parsing untrusted XML and zip containers without entity expansion, network or bombs."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO

from lxml import etree

from disclosure_parse.errors import CorruptFileError, ResourceLimitError
from disclosure_parse.options import Limits

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True
)


_RECOVERING_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    remove_comments=True,
    recover=True,
)


def parse_xml_salvaging(data: bytes, what: str) -> tuple[etree._Element, bool]:
    """Parse strictly; if the XML is damaged (a truncated part), keep what can be recovered.

    Returns the root and whether it was salvaged; raises CorruptFileError if nothing is left.
    """
    try:
        return parse_xml(data, what), False
    except CorruptFileError:
        try:
            root = etree.fromstring(data, _RECOVERING_PARSER)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise
        return root, True


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse XML bytes with entity resolution and network access off."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise CorruptFileError(f"{what} is not well-formed XML ({error})") from None


class SafeZip:
    """A zip container opened only after its members passed the size and ratio limits."""

    def __init__(self, data: bytes, limits: Limits, kind: str) -> None:
        self.kind = kind
        self.limits = limits
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise CorruptFileError(f"damaged {kind} container ({error})") from None
        if len(infos) > limits.max_zip_members:
            raise ResourceLimitError(
                f"{kind} has {len(infos)} zip members, more than the limit {limits.max_zip_members}"
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_unzipped_bytes:
            raise ResourceLimitError(
                f"{kind} would inflate to {total} bytes, more than the limit "
                f"{limits.max_unzipped_bytes}"
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio:
                raise ResourceLimitError(
                    f"{kind} member {info.filename} inflates {ratio:.0f}-fold, more than the "
                    f"limit {limits.max_compression_ratio:.0f} (zip bomb?)"
                )
        self.names = {info.filename for info in infos}

    def size(self, name: str) -> int:
        """The member's declared uncompressed size (0 when there is no such member)."""
        try:
            return self.zip.getinfo(name).file_size
        except KeyError:
            return 0

    def pieces(self, name: str, piece: int) -> Iterator[bytes]:
        """The member's bytes in pieces of `piece` bytes, with the checks of `read`."""
        try:
            info = self.zip.getinfo(name)
            with self.zip.open(info) as stream:
                total = 0
                while chunk := stream.read(piece):
                    total += len(chunk)
                    if total > info.file_size:
                        raise ResourceLimitError(
                            f"{self.kind} part {name} is larger than it declares"
                        )
                    yield chunk
        except KeyError:
            raise CorruptFileError(f"{self.kind} has no part {name}") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise CorruptFileError(f"damaged {self.kind} part {name} ({error})") from None

    def read(self, name: str) -> bytes:
        """The member's bytes, reading no more than its declared size allows."""
        try:
            info = self.zip.getinfo(name)
            with self.zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except KeyError:
            raise CorruptFileError(f"{self.kind} has no part {name}") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise CorruptFileError(f"damaged {self.kind} part {name} ({error})") from None
        if len(data) > info.file_size:
            raise ResourceLimitError(f"{self.kind} part {name} is larger than it declares")
        return data
