"""A table of named items printed the other way round: items as rows, not as columns.

The standard 三公 table prints one row of figures under item headers (因公出国（境）费 |
公务用车购置费 | …). Some templates print the items as rows and the funds as columns
(广州, 珠海: 财政拨款安排的行政经费及“三公”经费预算表: 项目 | 合计 | 一般公共预算 | …).
Read by position, such a table puts a fund's figures under item keys. Recognised by its row
words (at least two rows name the identity's items), it is turned into the identity's shape:
one row, each item's 合计 (its first figure) under the item's column.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from .model import Cell, Row, Table
from .spec import TableSpec

_LEAD = regex.compile(r"^(?:其中[:：]?)?(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])?")
_QUOTES = regex.compile(r"[“”\"'‘’]")
_TAIL = ("支出", "经费", "费")
_MIN_ROWS = 2


def _item(text: str) -> str:
    """An item's name as rows and column keys both spell it: no ordinal, quote marks or 支出/费 tail."""
    text = _QUOTES.sub("", _LEAD.sub("", text.replace(" ", "")))
    changed = True
    while changed:
        changed = False
        for tail in _TAIL:
            if text.endswith(tail) and len(text) > len(tail) + 1:
                text, changed = text[:-len(tail)], True
    return text


def _column_items(spec: TableSpec) -> dict[str, str]:
    """item name -> column key, for the columns of the identity's item panels (rows: none)."""
    items: dict[str, str] = {}
    for panel in spec.panels:
        if panel.rows != "none":
            continue
        for key in panel.columns:
            parts = key.split("·")
            name = parts[-2] if parts[-1] in ("小计", "合计") and len(parts) > 1 else parts[-1]
            items.setdefault(_item(name), key)
    return items


def items_as_columns(table: Table, spec: TableSpec) -> Table:
    """The table in its identity's shape when it prints the identity's items as rows; else itself."""
    items = _column_items(spec)
    if not items or len(table.rows) < _MIN_ROWS:
        return table
    named = [(row, items.get(_item(row.label))) for row in table.rows]
    if sum(1 for _row, key in named if key) < _MIN_ROWS:
        return table
    cells: list[Cell] = []
    seen: set[str] = set()
    for row, key in named:
        first = next((c for c in row.cells if c.value is not None), row.cells[0] if row.cells else None)
        column = key or row.label
        if first is None or column in seen:
            continue
        seen.add(column)
        cells.append(Cell(table=first.table, row=0, column=column, group="", row_code="", row_label="",
                          value=first.value, decimals=first.decimals, raw=first.raw, page=first.page,
                          line=first.line, unit=first.unit, clipped=first.clipped, placement=first.placement))
    line = table.rows[0]
    row = Row(index=0, code="", label="", group="", lineno="", cells=tuple(cells), page=line.page, line=line.line)
    return replace(table, rows=(row,), columns=tuple(("", c.column) for c in cells))
