"""Folding text for matching: traditional characters and full-width forms to one spelling.

The fold maps one character to one character, so a match in the folded text gives the
same span in the text as printed (which is what parsers hand back).
"""

from __future__ import annotations

import regex

#: traditional → simplified, for the characters the typed-value patterns look for
_TRADITIONAL = (
    "個个 內内 後后 發发 佈布 時时 實实 隨随 與与 開开 變变 條条 國国 華华 號号 務务 "
    "廳厅 辦办 週周 製制 報报 劃划 規规 則则 細细 決决 綱纲 點点 見见 準准 關关 於于 "
    "為为 應应 會会 從从 據据 議议 資资 項项 單单 門门 職职 權权 屬属 級级 縣县 區区 "
    "鄉乡 鎮镇 執执 導导 屆届 認认 標标 擬拟 進进 動动 態态 適适 當当 滿满 歲岁 歷历 "
    "兩两 審审 頒颁 訂订 釐厘 計计 "
    "畫画 設设 總总 體体 產产 財财 預预 農农 廣广 環环 險险 統统 書书 綫线 線线 構构 "
    "機机 紀纪 錄录 復复 續续 長长 將将 達达 間间 結结 "
)
_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "（": "(",
    "）": ")",
    "［": "[",
    "］": "]",
    "﹝": "〔",
    "﹞": "〕",
    "【": "[",
    "】": "]",
    "，": ",",
    "；": ";",
    "：": ":",
    "／": "/",
    "．": ".",
    "〇": "零",
}
_TABLE = {ord(pair[0]): pair[1] for pair in _TRADITIONAL.split()} | {
    ord(k): v for k, v in _FULL_WIDTH.items()
}
_WHITESPACE = regex.compile(r"\s+")


def fold(text: str) -> str:
    """Same length as `text`: 個→个, ０→0, （→(, ﹝→〔, 〇→零 … for pattern matching only."""
    return text.translate(_TABLE)


def compact(text: str) -> str:
    """All whitespace removed: "制 定 或 获 取" → "制定或获取" (PDF letter-spacing, line breaks)."""
    return _WHITESPACE.sub("", text)
