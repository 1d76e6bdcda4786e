"""公开主体 entries as data: each name, flagged when it names a role rather than one body."""

from __future__ import annotations

import functools

import regex

from disclosure_parse.model import SubjectRef
from disclosure_parse.normalize.typed.folding import compact, fold

#: 所有部门, 各相关部门, 相关单位, 其他部门: every / any body of a kind
_QUANTIFIED = r"^(?:所有|各|全部|相关|有关|其他|其它|涉及)"
#: 县级财政部门, 市级生态环境部门: a body named by its level, not its place
_LEVEL = r"^(?:省|市|县|区|乡|镇|乡镇|村)级"
#: 行政许可职能部门, 应急管理部门, 住房保障行政主管部门: a department of a kind, while a
#: named body is a 局 / 委 / 办 / 中心 (应急管理局)
_KIND_OF_DEPARTMENT = r"部门$"
_PLACEHOLDER = regex.compile(f"{_QUANTIFIED}|{_LEVEL}|{_KIND_OF_DEPARTMENT}")


def is_placeholder(name: str) -> bool:
    """Whether a 公开主体 names a role (所有部门, 行政许可职能部门) rather than one body."""
    return bool(_PLACEHOLDER.search(fold(compact(name))))


@functools.lru_cache(maxsize=8192)
def parse_subject(name: str) -> SubjectRef:
    """One already-split 公开主体 entry with its placeholder flag."""
    return SubjectRef(name=name, placeholder=is_placeholder(name))
