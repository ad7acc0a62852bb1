"""The body rows of a grid: where the body starts, the header rows a continued
page repeats, and the panels of each row, with a label wrapped onto a second
line (or a figure set beside that second line) joined to the row it belongs to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...ingest.model import Line
from ...lexicon import load
from ...numbers import parse_number
from ..patterns import CODE
from ..spec import total_words
from .cells import ORDINAL, GridRow, is_amount, is_figure


def body_start(rows: list[GridRow]) -> int:
    for index, row in enumerate(rows):
        texts = [c.text.replace(" ", "") for c in row.cells]
        if "栏次" in texts:
            return index + 1
        if any(is_amount(t) for t in texts) or any(CODE.match(t) and len(t) >= 3 for t in texts[:1]):
            return index
    return len(rows)


def drop_repeated_headers(body: list[GridRow], header: list[GridRow]) -> list[GridRow]:
    """A table continued on a new page may repeat its header rows there."""
    header_texts = {c.text.replace(" ", "") for row in header for c in row.cells}
    out: list[GridRow] = []
    page = body[0].line.page if body else 0
    fresh = False
    for row in body:
        if row.line.page != page:
            page, fresh = row.line.page, True
        texts = [c.text.replace(" ", "") for c in row.cells]
        if fresh and texts and all(t in header_texts or t in ("类", "款", "项") for t in texts):
            continue
        if any(is_figure(t) for t in texts):
            fresh = False
        out.append(row)
    return out


@dataclass
class Panel:
    code: str = ""
    label: str = ""
    lineno: str = ""
    values: dict[int, tuple[str, Line]] = field(default_factory=dict)   # column index -> raw
    wrapped: bool = False         # its label began on the line above its code

    def empty(self) -> bool:
        return not (self.code or self.label or self.lineno or self.values)


def wrapped_lines(upper: Line, lower: Line) -> bool:
    """Lines of one wrapped cell sit closer than table rows do."""
    if upper.page != lower.page or not upper.band or not lower.band:
        return False
    height = min(upper.band[0] - upper.band[1], lower.band[0] - lower.band[1])
    return upper.band[1] - lower.band[0] < _settings()["wrap_gap"] * height


@lru_cache(maxsize=1)
def _settings() -> dict:
    return load("layout")["pdf"]


def _continues(mine: Panel, theirs: Panel) -> bool:
    """Is this panel of a row the rest of the same panel of the row above?"""
    if mine.code or mine.lineno or ORDINAL.match(mine.label[:4]) or regex.match(r"^[一二三四五六七八九十]+、", mine.label):
        return False
    if any(word in mine.label for word in total_words()):
        return False
    if theirs.values and any(word in theirs.label for word in total_words()):
        return False    # a total's label is whole: 本年支出合计 4,651.67 is not continued by 年终结转结余 (苏州)
    if theirs.values and mine.values:
        return False
    # a row with its figures may still wrap a short tail of its label, or the
    # rest of a label wrapped around its code line
    # (the caller has checked the lines sit as close as one cell's lines do)
    return not (theirs.values and mine.values)


def _is_fragment(panel: Panel) -> bool:
    """A label line with nothing else: the first line of a wrapped label."""
    return bool(panel.label) and not (panel.code or panel.lineno or panel.values) \
        and not regex.match(r"^[一二三四五六七八九十]+、", panel.label) \
        and not any(word in panel.label for word in total_words())


def attach(entries: list[list[tuple[Panel, Line]]], row: GridRow, panels: list[Panel], coded: bool) -> None:
    """Add a row's panels to each panel's entries, or join them to the entry
    above in the same panel: a label wrapped onto a second line, a figure set
    beside that second line, or (in a table whose rows carry codes) a code
    row whose label began on the line above."""
    for index, panel in enumerate(panels):
        if panel.empty():
            continue
        column = entries[index]
        last = column[-1][0] if column else None
        close = bool(column) and wrapped_lines(column[-1][1], row.line)
        if last is not None and close and _continues(panel, last):
            last.label += panel.label
            last.values.update(panel.values)
            continue
        if last is not None and close and coded and panel.code and not last.code and _is_fragment(last):
            panel.label = last.label + panel.label
            panel.wrapped = True
            column.pop()
        column.append((panel, row.line))


def common_decimals(raw_rows) -> int:
    counts: dict[int, int] = {}
    for column in raw_rows:
        for panel, _line in column:
            for raw, _line in panel.values.values():
                parsed = parse_number(raw)
                if parsed is not None:
                    counts[parsed.decimals] = counts.get(parsed.decimals, 0) + 1
    return max(counts, key=counts.get) if counts else 2
