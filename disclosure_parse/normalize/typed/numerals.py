"""Numbers written in Chinese numerals or digits: 十六 → 16, 七一一 → 711, 20 → 20."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
#: every character a Chinese numeral is written with
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def parse_number(text: str) -> int | None:
    """The value of a number in ASCII digits or Chinese numerals; None when not certain.

    A number mixing the two ("七11") is not certain: it may be 711 or a typing slip, so None.
    """
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if not all(ch in _DIGITS or ch in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):  # digit by digit: 七一一, 二〇一七
        return int("".join(str(_DIGITS[ch]) for ch in text))
    return _positional(text)


def _positional(text: str) -> int | None:
    """三百七十二 → 372, 十六 → 16, 一百零五 → 105; None for malformed ones (十十, 三百百)."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in _DIGITS:
            if digit is not None:
                return None  # two digits in a row: 三七十
            digit = _DIGITS[ch] if _DIGITS[ch] != 0 else None
            continue
        unit = _UNITS[ch]
        if unit >= last_unit:
            return None
        total += (1 if digit is None else digit) * unit
        digit = None
        last_unit = unit
    return total + (digit or 0)
