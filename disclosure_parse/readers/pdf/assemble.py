"""The document: each page's paragraphs and table parts in reading order, a table that
runs on at the top of the next page stitched into one.
"""

from __future__ import annotations

from disclosure_parse.grid import Block, Paragraph, Table
from disclosure_parse.options import Options
from disclosure_parse.readers.pdf.free_text import paragraphs
from disclosure_parse.readers.pdf.layout import PageLayout, PageTable
from disclosure_parse.readers.pdf.stitch import TableBuilder


def assemble(
    layouts: list[PageLayout], running: set[tuple[int, int]], options: Options
) -> list[Block]:
    """Blocks in reading order; a table that runs on at the top of the next page is one."""
    blocks: list[Block] = []
    builder: TableBuilder | None = None
    open_at_page_end = False

    def close() -> None:
        nonlocal builder
        if builder is not None:
            blocks.append(builder.build(sum(isinstance(b, Table) for b in blocks) + 1, options))
            builder = None

    for page in layouts:
        kept = [line for i, line in enumerate(page.lines) if (page.number, i) not in running]
        right = max([line.x1 for line in kept] + [t.xs[-1] for t in page.tables], default=0.0)
        left = min([line.x0 for line in kept] + [t.xs[0] for t in page.tables], default=0.0)
        entries: list[tuple[float, Paragraph | PageTable]] = [
            (top, Paragraph(text=text, page=page.number))
            for top, text in paragraphs(kept, left, right)
        ]
        entries += [(table.top, table) for table in page.tables]
        entries.sort(key=lambda entry: entry[0])
        for position, (_, entry) in enumerate(entries):
            if isinstance(entry, PageTable):
                if (
                    builder is not None
                    and position == 0
                    and open_at_page_end
                    and builder.fits(entry)
                ):
                    builder.parts.append(entry)
                else:
                    close()
                    builder = TableBuilder(parts=[entry])
            else:
                close()
                blocks.append(entry)
        open_at_page_end = (
            builder is not None and bool(entries) and entries[-1][1] is (builder.parts[-1])
        )
        if not open_at_page_end:
            close()
    close()
    return blocks
