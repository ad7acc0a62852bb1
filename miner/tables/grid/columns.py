"""Columns from geometry: body cells clustered by horizontal overlap.

Figures and words are clustered apart; header cells of the lowest header row
add the columns no figure fills; each column's header path is the header cells
whose span covers it; a column is a value, code, 行次 or label column by what
its cells hold; label columns then value columns, repeated, make the panels of
a table printed side by side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...lexicon import load
from ..patterns import CODE
from ..spec import TableSpec
from .cells import LINENO, GridCell, GridRow, is_amount, is_figure


@dataclass
class Column:
    x0: float
    x1: float
    cells: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    kind: str = "label"            # label | code | value

    def overlaps(self, cell: GridCell) -> float:
        return min(self.x1, cell.x1) - max(self.x0, cell.x0)


def _spans(cells: list[GridCell], width: float, kind: str) -> list[Column]:
    columns: list[Column] = []
    for x0, x1 in sorted(((c.x0, c.x1) for c in cells if c.x1 - c.x0 <= 0.35 * width), key=lambda s: s[0]):
        if columns and x0 < columns[-1].x1 - 0.5:
            columns[-1].x1 = max(columns[-1].x1, x1)
        else:
            columns.append(Column(x0, x1, kind=kind))
    return columns


def _numeric(cell: GridCell, amounts: bool) -> bool:
    text = cell.text.replace(" ", "")
    return is_amount(text) if amounts else is_figure(text) and not CODE.match(text)


def cluster(rows: list[GridRow]) -> list[Column]:
    """Columns from the body cells' horizontal extents (overlapping cells share a column).

    Figures and words are clustered apart: a long label of the next panel
    (三、单位预留机动经费) may reach over a sparse column of figures, and would
    otherwise swallow it.
    """
    cells = [c for row in rows for c in row.cells]
    if not cells:
        return []
    # A cell spanning much of the table (a note, a stray sentence) would glue columns together.
    width = max(c.x1 for c in cells) - min(c.x0 for c in cells)
    amounts = any(is_amount(c.text.replace(" ", "")) for c in cells)
    figures = [c for c in cells if _numeric(c, amounts)]
    values = _spans(figures, width, "value")
    # whole numbers beside amounts (0, 80) belong to the amounts' columns
    words = [c for c in cells if not _numeric(c, amounts)
             and not (is_figure(c.text.replace(" ", "")) and any(v.overlaps(c) > 0 for v in values))]
    return sorted(values + _spans(words, width, "label"), key=lambda c: c.x0)


def assign(columns: list[Column], cell: GridCell) -> Column | None:
    """The column a cell stands in: a figure in a column of figures, a word in a column of words."""
    text = cell.text.replace(" ", "")
    figure = is_amount(text) or (is_figure(text) and any(c.kind == "value" and c.overlaps(cell) > 0
                                                           for c in columns))
    pool = [c for c in columns if (c.kind == "value") == figure] or columns
    best, best_overlap = None, 0.0
    for column in pool:
        overlap = column.overlaps(cell)
        if overlap > best_overlap:
            best, best_overlap = column, overlap
    if best is None and pool:
        best = min(pool, key=lambda c: abs((c.x0 + c.x1) / 2 - cell.center))
    return best


def add_header_columns(columns: list[Column], header: list[GridRow]) -> list[Column]:
    """Columns that only the lowest header row shows (no figure below them).

    A header cell beside a column that has no header of its own is that
    column's header (a 金额 set left of right-aligned figures), not a new column.
    """
    if not header:
        return columns
    lowest = header[-1].cells
    extra = []
    for cell in lowest:
        if any(c.overlaps(cell) > 0 for c in columns):
            continue
        bare = [c for c in columns if not any(c.overlaps(h) > 0 for h in lowest)]
        near = min(bare, key=lambda c: min(abs(c.x0 - cell.x1), abs(cell.x0 - c.x1)), default=None)
        if near is not None and min(abs(near.x0 - cell.x1), abs(cell.x0 - near.x1)) < max(2 * (cell.x1 - cell.x0), 40):
            near.x0, near.x1 = min(near.x0, cell.x0), max(near.x1, cell.x1)
            continue
        extra.append(Column(cell.x0, cell.x1, kind="value"))
    return sorted(columns + extra, key=lambda c: c.x0)


def header_paths(columns: list[Column], header: list[GridRow]) -> None:
    """Each column's header path: the header cells whose span covers it, top down.

    A header cell spans from the rule left of it to the rule right of it; a
    table drawn without rules leaves only the cell's own extent. The row that
    numbers the columns (** ** 1 2 3 4 5) is no part of any column's name.
    """
    for row in header:
        if row.cells and all(_column_number().match(cell.text.replace(" ", "")) for cell in row.cells):
            continue
        rules = row.line.rules
        for cell in row.cells:
            left = max((x for x in rules if x <= cell.x0 + 1.0), default=cell.x0)
            right = min((x for x in rules if x >= cell.x1 - 1.0), default=cell.x1)
            for column in columns:
                center = (column.x0 + column.x1) / 2
                if left <= center <= right or column.overlaps(cell) > 0:
                    column.header.append(cell.text.replace(" ", ""))


def classify(columns: list[Column]) -> None:
    for column in columns:
        filled = [t for t in column.cells if t]
        if column.kind == "value" and not filled:
            continue
        figures = sum(1 for t in filled if is_figure(t) and not CODE.match(t) or is_amount(t))
        codes = sum(1 for t in filled if CODE.match(t) and not is_amount(t))
        if filled and codes >= max(1, 0.6 * len(filled)) and any(len(t) >= 3 for t in filled):
            column.kind = "code"
        elif filled and figures >= max(1, 0.6 * len(filled)) and any(is_amount(t) for t in filled):
            column.kind = "value"
        elif filled and all(LINENO.match(t) for t in filled):
            column.kind = "lineno"
        elif not filled and any(h in _value_headers() for h in column.header):
            column.kind = "value"


@lru_cache(maxsize=1)
def _column_number():
    return regex.compile(load("tables")["column_number_pattern"])


@lru_cache(maxsize=1)
def _value_headers() -> frozenset[str]:
    return frozenset(load("tables")["value_headers"])


def distinct(panel: list[Column], spec: TableSpec) -> list[Column]:
    """Drop a column with no figure whose header repeats a neighbour's: the
    header of a column set apart from its right-aligned figures."""
    out = []
    for column in panel:
        twin = next((c for c in panel if c is not column and c.header == column.header and any(c.cells)), None)
        if twin is not None and not any(column.cells):
            continue
        out.append(column)
    return out


def panels_of(columns: list[Column]) -> list[list[int]]:
    """Column indexes per panel: label columns then value columns, repeated."""
    panels: list[list[int]] = []
    seen_value = False
    for index, column in enumerate(columns):
        if column.kind in ("label", "code") and seen_value:
            panels.append([])
            seen_value = False
        if not panels:
            panels.append([])
        panels[-1].append(index)
        if column.kind == "value":
            seen_value = True
    return panels


def panel_group(columns: list[Column], indexes: list[int], panels: int = 2) -> str:
    if panels < 2:
        return ""
    for i in indexes:
        if columns[i].header:
            return columns[i].header[0]
    return ""
