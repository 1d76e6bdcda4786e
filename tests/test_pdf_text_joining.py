"""How the PDF reader joins the visual lines of a cell: a wrap gets no newline, and what a
wrap pushes down follows CJK line breaking (LibreOffice and Word do not start a line with
closing punctuation, end one with opening punctuation, or break at "/").

Glyphs are written as pdfplumber gives them: 9 pt, CJK 9 pt wide, Latin 4.5 pt.
"""

from __future__ import annotations

from disclosure_parse.readers.pdf.text_lines import Char, cell_text, is_wide, text_lines

SIZE = 9.0
LEFT = 100.0
#: the text column runs from LEFT to RIGHT: ten CJK characters
RIGHT = LEFT + 10 * SIZE


def glyphs(text: str, top: float, x: float = LEFT) -> list[Char]:
    out = []
    for ch in text:
        width = SIZE if is_wide(ch) else SIZE * 0.5 if ch != " " else SIZE * 0.25
        out.append(
            {"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + SIZE, "size": SIZE}
        )
        x += width
    return out


def joined(*lines: str) -> str:
    chars = [c for i, line in enumerate(lines) for c in glyphs(line, 100.0 + 12 * i)]
    return cell_text(text_lines(chars), RIGHT)


def test_cjk_wrap_is_joined_without_newline() -> None:
    assert joined("政府信息公开工作年度", "报告") == "政府信息公开工作年度报告"


def test_line_ending_early_is_a_line_break() -> None:
    assert joined("政府网站", "公告栏") == "政府网站\n公告栏"
    assert joined("政府信息公开条例", "全文") == "政府信息公开条例\n全文"


def test_wrap_at_a_space_keeps_the_space() -> None:
    """A line that broke at a space ends with the space glyph: the space is kept."""
    assert joined("【总体情况】情况 ", "【主动公开】") == "【总体情况】情况 【主动公开】"
    assert joined("制 定 或 获 取 信 息 之 ", "日起") == "制 定 或 获 取 信 息 之 日起"


def test_closing_punctuation_goes_down_with_its_character() -> None:
    """ "例》" may not be split before "》": the line ended with room for one character
    but not two, and that is a wrap."""
    assert joined("《政府信息公开条", "例》") == "《政府信息公开条例》"


def test_opening_punctuation_goes_down_with_the_next_character() -> None:
    """ "《关" is one piece: "》" then "《" at a line end would have left "《" alone."""
    assert joined("《条例》《规定》", "《关于》") == "《条例》《规定》《关于》"


def test_slash_joins_the_characters_on_both_sides() -> None:
    """ "区/企" goes down as one: room for "区/" is not room for the piece."""
    assert joined("入户现场便民□社", "区/企事业单位") == "入户现场便民□社区/企事业单位"
    assert joined("入户现场便民□社", "区") == "入户现场便民□社\n区"
