"""The one number parser: text of a figure -> Decimal and displayed decimals.

Cells, claims and everything else go through ``parse_number``; there is no
second parser anywhere. Values are ``decimal.Decimal`` and keep the decimals
as displayed (``1067.40`` stays ``1067.40``), because the displayed precision
is what the tolerance policy reads.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from ..records import record


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ARABIC = regex.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\s?\d+)?|[+-]?\.\d+")
_SPACES = regex.compile(r"\s+")


@record
class ParsedNumber:
    value: Decimal
    decimals: int


def parse_chinese_integer(text: str) -> int:
    total = 0       # completed 万/亿 sections
    section = 0     # current section below 万
    digit = None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch] if digit is None else digit * 10 + _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= 10_000:
                section += digit or 0
                total = (total + section) * unit
                section = 0
            else:
                # 十二 = 12: a bare 十 means one ten.
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit or 0)


def parse_number(text: str, numeral: str = "arabic") -> ParsedNumber | None:
    """Parse a figure as written. Returns None when the text is not a number.

    Arabic figures may carry thousands separators and a space after the
    decimal point (``868. 11``, from PDF extraction); both are removed. The
    Chinese form covers 三, 两, 十二, 一百零五 and 四十点五.
    """
    text = text.strip()
    if not text:
        return None
    if numeral == "chinese":
        integer, _, fraction = text.partition("点")
        try:
            whole = parse_chinese_integer(integer) if integer else 0
            digits = "".join(str(_CN_DIGITS[ch]) for ch in fraction)
        except (KeyError, ValueError):
            return None
        if digits:
            return ParsedNumber(Decimal(f"{whole}.{digits}"), len(digits))
        return ParsedNumber(Decimal(whole), 0)
    if not _ARABIC.fullmatch(text):
        return None
    plain = _SPACES.sub("", text).replace(",", "")
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    _, _, fraction = plain.partition(".")
    return ParsedNumber(value, len(fraction))


def format_decimal(value: Decimal) -> str:
    """Plain decimal string, never scientific notation: 1067.40, 0.32, 230500."""
    return format(value, "f")
