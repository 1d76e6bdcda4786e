"""Build tests/data/latin-and-ticks.pdf: a small bordered catalog printed by LibreOffice.

It pins what the Quzhou PDFs do not have: Latin words wrapped in a narrow column (one
word longer than the column, broken mid-word), ✓ ticks and ■/□ channel lists in a PDF
font. Needs LibreOffice (`soffice`); the PDF is committed so tests do not.

    python tests/data/build_latin_ticks_pdf.py
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from docx_builder import Cell, Row, build_docx  # noqa: E402

OUT = HERE / "latin-and-ticks.pdf"


def build_document() -> bytes:
    header = [
        Row(
            [
                Cell(t)
                for t in (
                    "序号",
                    "公开事项",
                    "公开内容",
                    "公开渠道和载体",
                    "主动公开",
                    "依申请公开",
                )
            ],
            header=True,
        )
    ]
    body = [
        Row(
            [
                Cell("1"),
                Cell("数据开放"),
                Cell(
                    "Open Government Data portal listing of machine readable datasets "
                    "and their licences"
                ),
                Cell("■政府网站 □政府公报\n■公开查阅点"),
                Cell("✓"),
                Cell(""),
            ]
        ),
        Row(
            [
                Cell("2"),
                Cell("政策文件"),
                Cell("规范性文件全文及解读材料，包括文字解读、图片解读和视频解读"),
                Cell("□政府网站\n■两微一端"),
                Cell(""),
                Cell("✓"),
            ]
        ),
    ]
    data = build_docx(
        header=header,
        body=body,
        before=["某局政府信息公开目录"],
        after=["某局办公室", "2024年1月2日"],
    )
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        table.style = "Table Grid"  # ruling lines: the PDF reader finds cells by them
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "latin-and-ticks.docx"
        source.write_bytes(build_document())
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copy(Path(folder) / "latin-and-ticks.pdf", OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
