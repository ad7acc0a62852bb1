"""Statements made from the real ones by changing one figure: the test helper for `miner check`.

A figure is changed in the statement's own text (its digits only, with the same decimals), so
the changed statement reads exactly as the real one but for that figure.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import regex


def changed_digits(text: str, factor: Decimal = Decimal("1.13")) -> str:
    """A figure's text with its number multiplied by ``factor``, printed with the same decimals."""
    found = regex.search(r"\d+(?:\.\d+)?", text)
    number = found.group()
    decimals = len(number.partition(".")[2])
    value = (Decimal(number) * factor).quantize(Decimal(1).scaleb(-decimals))
    return text[:found.start()] + format(value, "f") + text[found.end():]


def changed_statement(statement: Path, figure: str, after: str = "", factor: Decimal = Decimal("1.13")) -> tuple[str, str]:
    """(the statement's text with ``figure`` changed, the changed figure as the check reads it).

    ``after``: a figure the changed one follows, to tell it from an equal figure elsewhere (98.1%
    after 100462.06亿元). Figures are found by their digits, so a statement in traditional
    characters (億元) is changed in its own text."""
    text = statement.read_text(encoding="utf-8")
    start = text.index(_digits(after)) + len(_digits(after)) if after else 0
    number = _digits(figure)
    at = regex.compile(rf"(?<![\d.]){regex.escape(number)}(?![\d])").search(text, start).start()
    changed = changed_digits(number, factor)
    return text[:at] + changed + text[at + len(number):], changed + figure[len(number):]


def _digits(figure: str) -> str:
    return regex.match(r"\d+(?:\.\d+)?", figure).group()
