"""Write samples/traditional-major-projects.html: a traditional-script catalog page.

Modelled on a real mirror of a 重大建设项目 catalog (see docs/samples.md): headers in
traditional characters broken mid-word (二級事<br>項, 依申<br>請), a legend inside the
channel header, channels ticked with Wingdings 2 letters pasted from Word (R = ☑, £ = □),
√ in the flag columns, 一級事項 and 公開主體 spanning rows. Values stay as written.

    python samples/make_traditional_html.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "traditional-major-projects.html"

TICK = "<span style=\"font-family:'Wingdings 2'\">R</span>"
BOX = "<span style=\"font-family:'Wingdings 2'\">£</span>"

#: (一級事項 or None when spanned, rowspan, 二級事項, 內容, 依據, 時限, 主體 or None, rowspan,
#:  channels ticked, flags 全社會/特定群體/主動/依申請)
ROWS = [
    (
        "批准服務信息",
        3,
        "申報要求",
        "申報材料清單、申報流程、辦理時限",
        "《政府信息公開條例》<br>《企業投資項目核准和備案管理條例》",
        "信息形成之日起20個工作日內",
        "縣發展改革局",
        2,
        (True, False, True),
        "√.√.",
    ),
    (
        None,
        0,
        "批准結果",
        "項目名稱、批准文號、批准時間",
        "《企業投資項目核准和備案管理條例》",
        "同上",
        None,
        0,
        (True, True, False),
        "√.√.",
    ),
    (
        None,
        0,
        "招標投標信息",
        "資格預審公告、招標公告、中標候選人公示",
        "《中華人民共和國招標投標法》",
        "招標公告發布之日起",
        "縣公共資源交易中心",
        1,
        (True, False, True),
        "√.√.",
    ),
    (
        "徵收土地信息",
        2,
        "征地告知書",
        "擬征收土地的位置、範圍、用途",
        "《中華人民共和國土地管理法》",
        "征地報批前",
        "縣自然資源局",
        2,
        (True, False, True),
        "√√√.",
    ),
    (
        None,
        0,
        "徵收補償方案",
        "補償標準、安置方式",
        "《中華人民共和國土地管理法實施條例》",
        "方案擬定後",
        None,
        0,
        (False, False, True),
        ".√√√",
    ),
]

CHANNELS = ("政府網站", "政府公報", "公開查閱點")


def _channels(ticks: tuple[bool, bool, bool]) -> str:
    return "<br>".join(
        f"{TICK if t else BOX}{name}" for t, name in zip(ticks, CHANNELS, strict=True)
    )


def build() -> bytes:
    head = (
        "<tr><th rowspan=2>序號</th><th colspan=2>公開事項</th>"
        "<th rowspan=2>公開內容<br>(要素)</th>"
        "<th rowspan=2>公開依據</th><th rowspan=2>公開時限</th><th rowspan=2>公開主體</th>"
        "<th rowspan=2>公開渠道和載體<br>(在標注範圍內至少選擇其一公開)</th>"
        "<th colspan=2>公開對象</th><th colspan=2>公開方式</th></tr>"
        "<tr><th>一級<br>事項</th><th>二級事<br>項</th><th>全社會</th><th>特定<br>群體</th>"
        "<th>主動</th><th>依申<br>請</th></tr>"
    )
    body = []
    for number, (
        first,
        first_span,
        second,
        content,
        basis,
        limit,
        body_name,
        body_span,
        ticks,
        flags,
    ) in enumerate(ROWS, start=1):
        cells = [f"<td>{number}</td>"]
        if first is not None:
            cells.append(f"<td rowspan={first_span}>{first}</td>")
        cells += [
            f"<td>{second}</td>",
            f"<td>{content}</td>",
            f"<td>{basis}</td>",
            f"<td>{limit}</td>",
        ]
        if body_name is not None:
            cells.append(f"<td rowspan={body_span}>{body_name}</td>")
        cells.append(f"<td>{_channels(ticks)}</td>")
        cells += [f"<td>{'√' if mark == '√' else '&nbsp;'}</td>" for mark in flags]
        body.append("<tr>" + "".join(cells) + "</tr>")
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        "<title>重大建設項目領域基層政務公開標準目錄</title></head><body>"
        "<h2>重大建設項目領域基層政務公開標準目錄（政務局部分）</h2>"
        '<table border="1">' + head + "".join(body) + "</table>"
        "<p>註：“R”表示必選項，“£”表示可選項。</p>"
        '<p style="text-align:right">某縣人民政府辦公室</p>'
        '<p style="text-align:right">2020年12月30日</p>'
        "</body></html>\n"
    )
    return page.encode("utf-8")


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT.relative_to(HERE.parent)}")
