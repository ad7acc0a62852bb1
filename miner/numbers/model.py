from __future__ import annotations

from decimal import Decimal

from ..records import record



@record
class Mention:
    """A number found in a text, with the parts the pattern named.

    ``start``/``end`` are offsets of the whole mention in the searched text;
    ``number_start``/``number_end`` those of the digits alone.
    """

    pattern: str
    text: str
    start: int
    end: int
    number_text: str
    number_start: int
    number_end: int
    value: Decimal          # the figure as written, before any multiplier
    decimals: int           # displayed decimals of the figure
    multiplier: str = ""    # 万 / 亿 written between the figure and the unit
    unit: str = ""          # 万元, %, 件, 年 ...
    approx: str = ""        # the approximate marker (余, 约, 近 ...), if any
