"""Finding rows of a table by what labels them: a code, a name, a total word.

Shared by the linking stage (a claim's row) and the table rules (the rows an
identity of lexicons/identities.yaml names). Rows are found by their labels
only, never by their figures.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import load
from .model import Cell, Row, Table
from .spec import sum_row_words, total_column_words, total_words, unit_row_pattern

_NUMERALS = "一二三四五六七八九十"
_ORDINAL = regex.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*")
_SPACES = regex.compile(r"\s+")


def clean_label(label: str) -> str:
    return _SPACES.sub("", _ORDINAL.sub("", label))


def label_variants(label: str) -> tuple[str, ...]:
    """The label without its ordinal; a PDF may print the ordinal's 、 at the end
    ("一一般公共预算财政拨款、" for "一、一般公共预算财政拨款")."""
    text = clean_label(label)
    if not text.endswith("、"):
        return (text,)
    text = text[:-1]
    cut = [text[k:] for k in range(1, 4) if len(text) > k and all(ch in _NUMERALS for ch in text[:k])]
    return tuple(cut) + (text,)


def label_matches(variants: tuple[str, ...], wanted: str) -> bool:
    """Whether a row label, given as its label_variants, names `wanted`."""
    for variant in variants:
        if variant == wanted or variant.startswith(wanted):   # 使用非财政拨款结余（含专用结余）
            return True
        # a label the extraction cut short: 一般公共预算财 for 一般公共预算财政拨款
        if len(variant) >= 6 and wanted.startswith(variant):
            return True
    return False


def is_total_label(label: str) -> bool:
    """A label that closes a table or a panel (合计, 总计: lexicons/tables.yaml total_words)."""
    return any(word in label for word in total_words())


def is_sum_label(label: str) -> bool:
    """The label of the row a `total` names: the sum of the table's lines (合计: sum_row_words)."""
    return any(word in label for word in sum_row_words())


def is_total_column(column: str) -> bool:
    """A column key of a total column (小计, 合计, 总计: total_column_words)."""
    return any(word in column for word in total_column_words())


def total_row(table: Table, group: str = "") -> Row | None:
    """The row a `total` names in a table (in its panel ``group``): the first row without a code
    whose label names the sum of the lines (合计); else a table (panel) printed as one row without
    a code (支出预算总表 of some provinces: 合计 基本支出 项目支出 … in one row) is its own total;
    else a first row without a code that names the budget unit (tables.yaml unit_row_pattern:
    深圳 "深圳市信访局 4,684.30 3,072.01 1,612.29" above the classification lines) is."""
    rows = [row for row in table.rows if not group or row.group == group]
    for row in rows:
        if not row.code and is_sum_label(row.label):
            return row
    if len(rows) == 1 and not rows[0].code:
        return rows[0]
    if rows and not rows[0].code and is_unit_label(rows[0].label):
        return rows[0]
    return None


def is_unit_label(label: str) -> bool:
    """A label (a row's without a code, or a heading's) that names a budget unit (tables.yaml
    unit_row_pattern): 深圳市信访局, 深圳市水务局（本级）."""
    return bool(unit_row_pattern().match(clean_label(label)))


def by_column(row: Row) -> dict[str, Cell]:
    """A row's cells by column, the first of each as ``Row.cell`` finds it (the table rules look
    up every column of a row: one pass over its cells rather than one per column)."""
    cells: dict[str, Cell] = {}
    for cell in row.cells:
        cells.setdefault(cell.column, cell)
    return cells


@lru_cache(maxsize=1)
def _class_names() -> tuple[tuple[str, str], ...]:
    return tuple((entry["name"], entry["code"]) for entry in load("classification")["functional"]
                 if len(entry["code"]) == 3)


def class_code(row: Row) -> str:
    """The 3-digit 功能分类 code of a row: printed, or named as in the summary tables."""
    return _class_match(row)[0]


def _class_match(row: Row) -> tuple[str, bool]:
    """(the row's 类 code or "", whether its label names the class in full)."""
    if row.code:
        return (row.code, True) if len(row.code) == 3 else ("", False)
    for label in label_variants(row.label):
        if len(label) < 4:
            continue
        for name, code in _class_names():
            if label == name or name.startswith(label):   # labels cut short keep their start
                return code, label == name
    return "", False


def class_rows(table: Table, group: str = "") -> dict[str, Row]:
    """The 类 rows of a table's panel by code: the first that names its class in full, else the
    first whose label is the start of a class name (a label cut short). A 款 named like the start
    of a class (援助其他地区支出 > 住房保障, beside 六、住房保障支出) gives way to the class row."""
    found: dict[str, tuple[Row, bool]] = {}
    for row in table.rows:
        if group and row.group != group:
            continue
        code, full = _class_match(row)
        if code and (code not in found or (full and not found[code][1])):
            found[code] = (row, full)
    return {code: row for code, (row, _full) in found.items()}


def panel(table: Table, group: str = "") -> tuple[tuple[Row, tuple[str, ...]], ...]:
    """The rows of a table's panel with their label variants."""
    return tuple((row, label_variants(row.label)) for row in table.rows if not group or row.group == group)


def first_named(rows: tuple[tuple[Row, tuple[str, ...]], ...], spellings: tuple[str, ...]) -> Row | None:
    """The first row of a panel (rows with their label variants) a spelling names, the spellings
    tried in order: a code by its code, a label by label_matches."""
    for spelling in spellings:
        if spelling.isdigit():
            for row, _variants in rows:
                if row.code == spelling:
                    return row
            continue
        for row, variants in rows:
            if label_matches(variants, spelling):
                return row
    return None
