"""The typed values are documented: every key in docs/schema.md, the alias table in
docs/typed-values.md, and the example queries (docs and --help) run on real output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import regex
from repo_files import ROOT

from disclosure_parse import BasisRef, DocumentNumber, Item, SubjectRef, TimeLimit, UpdateCycle
from disclosure_parse.cli import EXAMPLES
from disclosure_parse.normalize.typed.legal_refs import ALIASES

SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
TYPED_DOC = (ROOT / "docs" / "typed-values.md").read_text(encoding="utf-8")
QUZHOU_JSON = ROOT / "samples" / "expected" / "quzhou-city-2018.json"


def test_schema_doc_names_every_key_of_the_typed_classes() -> None:
    classes = (Item, BasisRef, DocumentNumber, TimeLimit, UpdateCycle, SubjectRef)
    keys = {field.name for cls in classes for field in attrs.fields(cls)}
    assert not [key for key in sorted(keys) if f"`{key}`" not in SCHEMA_DOC]


def test_alias_table_in_the_docs_is_the_one_in_the_code() -> None:
    section = TYPED_DOC.split("### Alias table")[1].split("\n## ")[0]
    rows = regex.findall(r"^\| (\S+) \| (\S+) \|$", section, flags=regex.MULTILINE)
    documented = {short: full for short, full in rows if short != "short name" and "-" not in short}
    assert documented == ALIASES


def _run_python(code: str, tmp_path: Path) -> str:
    shutil.copy(QUZHOU_JSON, tmp_path / "catalog.json")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_example_queries_in_the_docs_run_on_the_json_output(tmp_path: Path) -> None:
    code = regex.search(r"```python\n(.*?)```", TYPED_DOC, flags=regex.DOTALL)
    assert code is not None
    lines = _run_python(code[1], tmp_path).splitlines()
    # the Quzhou seed rests five items on the 实施细则 (国办发〔2016〕80号), in two spellings
    assert len([line for line in lines if "←" in line]) == 5
    assert lines[-1] == "0 within 7 working days; 7 updated quarterly"


def test_help_query_example_runs_on_the_json_output(tmp_path: Path) -> None:
    block = EXAMPLES.split("python - <<'EOF'\n")[1].split("  EOF\n")[0]
    code = "\n".join(line.removeprefix("  ") for line in block.splitlines())
    lines = _run_python(code, tmp_path).splitlines()
    assert len(lines) == 5
    assert lines[0] == "2 经法制部门登记备案的规范性文件"
