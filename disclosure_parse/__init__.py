"""disclosure_parse: Chinese government disclosure catalogs (公开目录) into typed data.

>>> from disclosure_parse import parse
>>> catalog = parse("samples/quzhou-city-2018.docx")
>>> catalog.items[0].category
('机构概况', '机构职能')
"""

from disclosure_parse.errors import (
    CorruptFileError,
    DisclosureParseError,
    EncryptedFileError,
    InputNotFoundError,
    NoCatalogTableError,
    NoTextLayerError,
    ResourceLimitError,
    UnsupportedFormatError,
)
from disclosure_parse.export.dataframe import to_dataframe
from disclosure_parse.model import (
    Audience,
    BasisKind,
    BasisRef,
    Catalog,
    Column,
    Cycle,
    Disclosure,
    DocumentNumber,
    FivePublic,
    Item,
    ItemSource,
    ParseWarning,
    SourceFile,
    SubjectRef,
    TimeLimit,
    TimeLimitKind,
    UpdateCycle,
)
from disclosure_parse.options import Limits, Options
from disclosure_parse.pipeline import parse
from disclosure_parse.serialize import json_schema
from disclosure_parse.structure.vocabulary import ColumnRole, Field, HeaderVocabulary

__all__ = [
    "Audience",
    "BasisKind",
    "BasisRef",
    "Catalog",
    "Column",
    "ColumnRole",
    "CorruptFileError",
    "Cycle",
    "Disclosure",
    "DisclosureParseError",
    "DocumentNumber",
    "EncryptedFileError",
    "Field",
    "FivePublic",
    "HeaderVocabulary",
    "InputNotFoundError",
    "Item",
    "ItemSource",
    "Limits",
    "NoCatalogTableError",
    "NoTextLayerError",
    "Options",
    "ParseWarning",
    "ResourceLimitError",
    "SourceFile",
    "SubjectRef",
    "TimeLimit",
    "TimeLimitKind",
    "UnsupportedFormatError",
    "UpdateCycle",
    "json_schema",
    "parse",
    "to_dataframe",
]
