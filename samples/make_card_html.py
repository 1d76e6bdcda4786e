"""Write samples/card-agricultural-subsidies.html: a catalog published as one card per item.

Modelled on a real 涉农补贴 page (see samples/README.md): each 事项 is its own small table
with the labels in the first column (领域, 一级事项 | … | 二级事项 | … on one row,
公开内容(要素) with ● bullets, 公开依据, 公开主体, 公开时限, 网站公开渠道 as link text).

    python samples/make_card_html.py
"""

from __future__ import annotations

from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "card-agricultural-subsidies.html"

CARDS = [
    {
        "一级事项": "农业生产发展资金",
        "二级事项": "农机购置补贴",
        "公开内容(要素)": (
            "● 政策依据；<br>● 申请指南：包括补贴对象、补贴范围、补贴标准、申请程序；"
            "<br>● 补贴结果；<br>● 监督渠道：包括举报电话、地址等。"
        ),
        "公开依据": (
            "《中华人民共和国农业机械化促进法》（中华人民共和国主席令第十六号）、"
            "《农业生产发展资金管理办法》（财农〔2017〕41号）"
        ),
        "公开主体": "县级农业农村部门",
        "公开时限": "自政府信息形成或者变更之日起20个工作日内",
        "网站公开渠道": '<a href="#">一键直达</a>',
    },
    {
        "一级事项": "农业生产发展资金",
        "二级事项": "耕地地力保护补贴",
        "公开内容(要素)": "● 补贴对象、补贴标准；<br>● 补贴面积、补贴金额；<br>● 发放结果。",
        "公开依据": "《农业生产发展资金管理办法》（财农〔2017〕41号）",
        "公开主体": "县级农业农村部门、乡镇人民政府",
        "公开时限": "自政府信息形成或者变更之日起20个工作日内",
        "网站公开渠道": '<a href="#">一键直达</a>',
    },
    {
        "一级事项": "农业保险保费补贴",
        "二级事项": "中央财政农业保险保费补贴",
        "公开内容(要素)": "● 补贴险种、补贴比例；<br>● 承保机构名单。",
        "公开依据": "《中央财政农业保险保费补贴管理办法》（财金〔2021〕130号）",
        "公开主体": "县级财政部门",
        "公开时限": "每年3月31日前",
        "网站公开渠道": '<a href="#">一键直达</a>',
    },
]


def _card(card: dict[str, str]) -> str:
    single = [k for k in card if k not in ("一级事项", "二级事项")]
    rows = [
        "<tr><td>领域</td><td colspan=3></td></tr>",
        f"<tr><td>一级事项</td><td>{escape(card['一级事项'])}</td>"
        f"<td>二级事项</td><td>{escape(card['二级事项'])}</td></tr>",
        *(f"<tr><td>{label}</td><td colspan=3>{card[label]}</td></tr>" for label in single),
    ]
    return '<table class="card" border="1">' + "".join(rows) + "</table>"


def build() -> bytes:
    body = "".join(
        f"<h3>{i}. {escape(c['二级事项'])}</h3>{_card(c)}" for i, c in enumerate(CARDS, 1)
    )
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>涉农补贴</title></head><body>'
        "<h1>某县涉农补贴领域基层政务公开标准目录</h1>" + body + "</body></html>\n"
    )
    return page.encode("utf-8")


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT.relative_to(HERE.parent)}")
