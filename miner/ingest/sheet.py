"""What a spreadsheet shows for a cell: the readers of .xlsx and .xls both need it.

A workbook stores 868.1 and shows "868.10" when the cell's number format says
two decimals. A printed figure's decimals are what the tolerance policy reads
(a value is an interval given by its displayed decimals), so a cell's text is
its value formatted as the sheet formats it, not the float it stores.
"""
from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

import regex

# The parts of a number format that are not the number: quoted text, escaped
# characters, [Red] / [$-804] brackets, padding (_x) and fill (*x) characters.
_LITERALS = regex.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
# Excel shows at most 15 significant digits of a stored double
_SIGNIFICANT = ".15g"


def _digits(value: float | int | Decimal) -> Decimal:
    if isinstance(value, float):
        return Decimal(format(value, _SIGNIFICANT))
    return Decimal(value)


def _general(value: float | int | Decimal) -> str:
    number = _digits(value)
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def format_number(value: float | int | Decimal, number_format: str | None) -> str:
    """``value`` as a cell with ``number_format`` shows it (fixed decimals, thousands
    separators, percent); the General format and any other shows up to 15 significant digits."""
    section = _LITERALS.sub("", (number_format or "General").split(";")[0])
    if section.lower() in ("general", "@", "") or not any(ch in section for ch in "0#?"):
        return _general(value)
    number = _digits(value)
    if "%" in section:
        number *= 100
    if "e" in section.lower():
        return _general(value)
    fraction = section.split(".", 1)[1] if "." in section else ""
    decimals = sum(1 for ch in fraction if ch in "0#?")
    shown = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    integral = section.split(".", 1)[0]
    text = format(shown, ",f" if "," in integral else "f")
    return text + ("%" if "%" in section else "")


def cell_text(value, number_format: str | None = None) -> str:
    """The text of a cell value as the sheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return format_number(value, number_format)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
