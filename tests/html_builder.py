"""Write a small HTML page from a compact description of one table, for reader tests.

    build_html(
        [[Td("序号", rowspan=2, th=True), Td("事项名称", colspan=2, th=True)], ...],
        title="衢州市政府信息主动公开基本目录",
        after=["注：标★的为重点领域。", "衢州市人民政府办公室\\n2018年12月29日"],
        encoding="gbk",
    )

Rows list only the cells that start in them, as HTML does (a position covered by a
rowspan from above is skipped). A cell's "\\n" is a `<br>`, and so is one in a paragraph;
`Td(html=...)` gives the cell's inner HTML raw (a checkbox, a Wingdings span). The page is
encoded as `encoding` says, with `<meta charset>`; characters that encoding lacks are
written as numeric character references, as browsers submit them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Td:
    """One `<td>` (or `<th>`): text, spans, and raw inner HTML instead of text."""

    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    th: bool = False
    html: str | None = None


#: site chrome around the article: a breadcrumb above, a footer below (both boilerplate)
BREADCRUMB = '<div class="breadcrumb">首页 &gt; 政务公开 &gt; 政府信息公开目录</div>'
FOOTER = '<div id="footer">主办单位：衢州市人民政府办公室　网站标识码：3308000001</div>'


def build_html(
    rows: Sequence[Sequence[Td | str]],
    *,
    title: str | None = None,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
    encoding: str = "utf-8",
    head_rows: int = 0,
    pretty: bool = False,
    empty: str = "",
    chrome: bool = False,
    paragraphs: bool = False,
    layout: bool = False,
) -> bytes:
    """The page's bytes: `<h1>` title, `before` paragraphs, the table, `after` paragraphs.

    The first `head_rows` rows go in a `<thead>`; `pretty` indents the markup and puts
    each cell's text on its own line; `empty` is written in cells with no text (`&nbsp;`);
    `chrome` adds a breadcrumb and a site footer; `paragraphs` writes each line of a cell as
    a `<p>` (as Word's "Save as Web Page" does) instead of `<br>`s; `layout` puts the title,
    table and notes in the one cell of a layout table, as older CMS templates do.
    """
    nl, indent = ("\n", "  ") if pretty else ("", "")
    body: list[str] = []
    if title is not None:
        body.append(f"<h1>{_lines(title)}</h1>")
    body.extend(f"<p>{_lines(text)}</p>" for text in before)
    table = [
        _section("thead", rows[:head_rows], nl, indent, empty, paragraphs),
        _section("tbody", rows[head_rows:], nl, indent, empty, paragraphs),
    ]
    body.append(f'<table border="1" cellspacing="0">{nl}{"".join(table)}</table>')
    body.extend(f"<p>{_lines(text)}</p>" for text in after)
    if layout:
        body = [f'<table width="100%">{nl}<tr><td>{nl}{nl.join(body)}{nl}</td></tr>{nl}</table>']
    if chrome:
        body = [BREADCRUMB, *body, FOOTER]
    page = (
        f'<!DOCTYPE html>{nl}<html lang="zh-CN">{nl}<head><meta charset="{encoding}">'
        f"<title>{html.escape(title or '')}</title></head>{nl}"
        f"<body>{nl}{nl.join(body)}{nl}</body>{nl}</html>{nl}"
    )
    return page.encode(encoding, errors="xmlcharrefreplace")


def _section(
    tag: str,
    rows: Sequence[Sequence[Td | str]],
    nl: str,
    indent: str,
    empty: str,
    paragraphs: bool,
) -> str:
    if not rows:
        return ""
    out = [f"{indent}<{tag}>{nl}"]
    for row in rows:
        cells = "".join(
            _cell(c if isinstance(c, Td) else Td(c), nl, indent * 3, empty, paragraphs) for c in row
        )
        out.append(f"{indent * 2}<tr>{nl}{cells}{indent * 2}</tr>{nl}")
    out.append(f"{indent}</{tag}>{nl}")
    return "".join(out)


def _cell(cell: Td, nl: str, indent: str, empty: str, paragraphs: bool) -> str:
    tag = "th" if cell.th else "td"
    attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    if cell.html is not None:
        inner = cell.html
    elif paragraphs and cell.text:
        inner = "".join(f'<p class="MsoNormal">{html.escape(t)}</p>' for t in cell.text.split("\n"))
    else:
        inner = _lines(cell.text) or empty
    if inner and nl:
        inner = f"{nl}{indent}  {inner}{nl}{indent}"
    return f"{indent}<{tag}{attrs}>{inner}</{tag}>{nl}"


def _lines(text: str) -> str:
    """Text as HTML: escaped, each "\\n" a `<br>`."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))
