"""The same catalog through other tools' exports gives the same items as the .docx sample.

tests/data/quzhou-city-2018-libreoffice*.html.gz are samples/quzhou-city-2018.docx saved as
HTML by LibreOffice 7 (`soffice --headless --convert-to html` and the XHTML filter), as web
teams publish Word catalogs; gzipped to keep the repository small.
"""

from __future__ import annotations

import gzip

import pytest
from repo_files import ROOT, convert, items_apart_from_position, metadata

from disclosure_parse import Disclosure, parse

DATA = ROOT / "tests" / "data"


@pytest.mark.parametrize(
    "export", ["quzhou-city-2018-libreoffice.html.gz", "quzhou-city-2018-libreoffice-xhtml.html.gz"]
)
def test_word_catalog_saved_as_html_gives_the_same_items(export: str) -> None:
    html = parse(gzip.decompress((DATA / export).read_bytes()))
    docx = convert("samples/quzhou-city-2018.docx")
    assert html.source.format == "html"
    assert items_apart_from_position(html) == items_apart_from_position(docx)
    assert metadata(html) == metadata(docx)


WORD_WEB_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>
<body lang=ZH-CN><div class=WordSection1>
<p class=MsoNormal align=center><b><span style='font-size:16.0pt'>某县政府信息主动公开目录
<span lang=EN-US><o:p></o:p></span></span></b></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td rowspan=2><p class=MsoNormal>序号</p></td><td colspan=2><p class=MsoNormal>事项名称</p></td>
<td rowspan=2><p class=MsoNormal>公开内容</p></td><td colspan=2><p class=MsoNormal>公开属性</p></td></tr>
<tr><td><p class=MsoNormal>一级</p></td><td><p class=MsoNormal>二级</p></td>
<td><p class=MsoNormal>主动公开</p></td><td><p class=MsoNormal>依申请公开</p></td></tr>
<tr><td rowspan=2><p class=MsoNormal><span lang=EN-US>1</span></p></td>
<td rowspan=2><p class=MsoNormal>机构</p><p class=MsoNormal>概况</p></td>
<td><p class=MsoNormal>机构职能</p></td><td><p class=MsoNormal>基本信息</p></td>
<td><p class=MsoNormal align=center><span lang=EN-US style='font-family:Wingdings'>&#252;</span></p></td>
<td><p class=MsoNormal><span lang=EN-US>&nbsp;</span></p></td></tr>
<tr><td><p class=MsoNormal>领导信息</p></td><td><p class=MsoNormal>职务、分工</p></td>
<td><p class=MsoNormal><span lang=EN-US>&nbsp;</span></p></td>
<td><p class=MsoNormal align=center><span style='font-family:Wingdings'>ü</span></p></td></tr>
</table><p class=MsoNormal align=right>某县人民政府办公室</p>
<p class=MsoNormal align=right>2019年3月1日</p></div></body></html>"""


def test_word_save_as_web_page_markup_reads_like_the_document() -> None:
    """Word's own HTML: MsoNormal paragraphs in cells, Wingdings ü ticks, gb2312, &nbsp;."""
    catalog = parse(WORD_WEB_PAGE.encode("gb18030"))
    assert (catalog.title, catalog.issuer, str(catalog.issued_on)) == (
        "某县政府信息主动公开目录",
        "某县人民政府办公室",
        "2019-03-01",
    )
    assert [(i.seq, i.category, i.content, i.disclosure) for i in catalog.items] == [
        ("1", ("机构概况", "机构职能"), "基本信息", (Disclosure.PROACTIVE,)),
        ("1", ("机构概况", "领导信息"), "职务、分工", (Disclosure.ON_REQUEST,)),
    ]
    assert catalog.warnings == ()
