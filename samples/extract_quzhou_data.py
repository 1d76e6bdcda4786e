"""One-off extraction of the quzhou-city-2018 seed into typed JSON.

Reads samples/quzhou-city-2018.txt (a Word plain-text export of one table) and
writes samples/data/quzhou-city-2018.json.

Format of the seed:
* a line starting with TAB starts a new table cell (the rest of the line is
  the start of the cell text);
* a line without a TAB continues the previous cell (joined with "\n");
* a blank line ends a row, except that a non-TAB line after a blank line
  continues the last cell (joined with "\n\n") while the row has fewer than
  16 cells ("公开属性\n\n（勾选）", "决策\n\n预公开");
* the first non-TAB line after a blank line once the row is complete (16
  cells) ends the table: everything after it are the paragraphs that follow
  the table (remark, issuer, date, PAGE field artifact).

Cell texts are kept verbatim (line breaks, ★, full-width spaces, stray
spaces). Usage:  python samples/extract_quzhou_data.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE / "quzhou-city-2018.txt"
OUT = HERE / "data" / "quzhou-city-2018.json"
NCOLS = 16


def parse(text: str) -> dict:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # final newline of the file
    title = lines[0]
    assert not title.startswith("\t"), title

    rows: list[list[str]] = []
    row: list[str] = []
    blank = False  # a blank line was seen since the last content line
    i = 1
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            if blank and row:
                rows.append(row)
                row = []
            row.append(line[1:])
            blank = False
        elif line == "":
            blank = True
        else:
            if blank:
                if row and len(row) < NCOLS:
                    row[-1] += "\n\n" + line
                    blank = False
                else:
                    break  # end of table
            else:
                assert row, f"continuation line {i + 1} outside of a cell"
                row[-1] += "\n" + line
        i += 1
    if row:
        rows.append(row)

    # paragraphs after the table: non-empty lines, leading spaces stripped,
    # the Word "PAGE  \n5" page-number field artifact dropped.
    after = [ln for ln in lines[i:] if ln.strip()]
    paras: list[str] = []
    k = 0
    while k < len(after):
        ln = after[k]
        if ln.strip() == "PAGE":
            # field code + its result (the page number) on the next line
            if k + 1 < len(after) and after[k + 1].strip().isdigit():
                k += 1
            k += 1
            continue
        paras.append(ln.lstrip(" \u3000"))
        k += 1

    header1, header2, data = rows[0], rows[1], rows[2:]
    # header row 1: 10 cells; 事项名称 spans 一级+二级, 公开属性 spans 2,
    # “五公开” spans 5.
    spans1 = []
    for cell in header1:
        if cell == "事项名称":
            span = 2
        elif cell.startswith("公开属性"):
            span = 2
        elif cell.startswith("“五公开”"):
            span = 5
        else:
            span = 1
        spans1.append({"text": cell, "col_span": span})
    assert len(header1) == 10, header1
    assert sum(c["col_span"] for c in spans1) == NCOLS
    assert len(header2) == NCOLS, header2

    return {
        "title": title,
        "header_rows": [
            spans1,
            [{"text": c, "col_span": 1} for c in header2],
        ],
        "rows": data,
        "after_table": paras,
        "source": "samples/quzhou-city-2018.txt",
    }


def render_table(doc: dict) -> str:
    """Write the table back in the seed's format (for the round-trip check)."""
    out = [doc["title"]]
    table = [[c["text"] for c in hr] for hr in doc["header_rows"]] + doc["rows"]
    for k, row in enumerate(table):
        if k:
            out.append("")
        out.extend("\t" + cell for cell in row)
    return "\n".join(out) + "\n"


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    doc = parse(seed)
    # round trip: the seed's table, with runs of blank lines between rows
    # squeezed to one (the export has a few doubled ones), is rebuilt exactly.
    assert re.sub(r"\n\n\n+\t", "\n\n\t", seed).startswith(render_table(doc))
    rows = doc["rows"]
    assert len(rows) == 137, len(rows)
    bad = [(n, len(r)) for n, r in enumerate(rows, 1) if len(r) != NCOLS]
    assert not bad, bad
    numbers = [r[0] for r in rows if r[0] != ""]
    assert numbers == [str(n) for n in range(1, 48)], numbers
    assert rows[0][0] == "1"  # first data row opens group 1
    assert doc["after_table"] == [
        "（备注：一级事项名称前加“★”的为重点领域信息公开。）",
        "衢州市人民政府办公室",
        "2018年12月29日",
    ], doc["after_table"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT.relative_to(HERE.parent)}: {len(rows)} rows x {NCOLS} cells, "
        f"{len(numbers)} groups"
    )


if __name__ == "__main__":
    main()
