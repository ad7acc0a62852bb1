"""The cells of a PDF row: its tab-separated texts with their x extents.

Split 类|款|项 codes printed in adjacent cells are joined (201 | 06 | 01 is
2010601); the shapes of the texts a grid holds (an amount, a figure, a 行次, an
ordinal) are told apart here.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...ingest.model import Line
from ..patterns import FIGURE

_AMOUNT = regex.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[+-]?\d{1,3}(?:,\d{3})+$")


_CODE2 = regex.compile(r"^\d{2}$")


LINENO = regex.compile(r"^\d{1,2}$")


NUMERAL = regex.compile(r"^[一二三四五六七八九十]{1,3}$")


ORDINAL = regex.compile(r"^[一二三四五六七八九十]+、$|^\d{1,2}[.、．]$")


@dataclass
class GridCell:
    text: str
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class GridRow:
    line: Line
    cells: list[GridCell]


# An amount run into the ordinal of the next panel's label ("37,891.58一、" (重庆 收支总体情况表): the
# income figure and the expense line's 一、 closer than a cell gap)
_AMOUNT_THEN_ORDINAL = regex.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)\s*([一二三四五六七八九十]+、.*)$")


def grow(line: Line) -> GridRow:
    texts = line.text.split("\t")
    cells = [GridCell(t.strip(), x0, x1) for t, (x0, x1) in zip(texts, line.cells) if t.strip()]
    return GridRow(line, _join_codes(_split_run_in(cells)))


def _split_run_in(cells: list[GridCell]) -> list[GridCell]:
    """An amount and the ordinal after it printed as one cell: two cells, the x extent shared in
    proportion to their characters."""
    out: list[GridCell] = []
    for cell in cells:
        found = _AMOUNT_THEN_ORDINAL.match(cell.text)
        if found is None:
            out.append(cell)
            continue
        amount, rest = found.group(1), found.group(2)
        cut = cell.x0 + (cell.x1 - cell.x0) * len(amount) / (len(amount) + len(rest))
        out += [GridCell(amount, cell.x0, cut), GridCell(rest, cut, cell.x1)]
    return out


def _join_codes(cells: list[GridCell]) -> list[GridCell]:
    """201 | 06 | 01 printed in 类/款/项 columns is the code 2010601."""
    out: list[GridCell] = []
    for cell in cells:
        prev = out[-1] if out else None
        if prev is not None and _CODE2.match(cell.text) and regex.match(r"^\d{3}(?:\d{2})?$", prev.text) \
                and cell.x0 - prev.x1 < 60:
            out[-1] = GridCell(prev.text + cell.text, prev.x0, cell.x1)
        else:
            out.append(cell)
    return out


def is_figure(text: str) -> bool:
    return bool(FIGURE.match(text.replace(" ", "")))


def is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.replace(" ", "")))
