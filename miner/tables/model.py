"""Plain data produced by the table stage."""
from __future__ import annotations

from decimal import Decimal

from ..records import record



@record
class Cell:
    """One value cell, with everything needed to cite it.

    ``value`` is None for a blank cell: blank is not 0 (nothing was printed),
    though arithmetic treats it as 0 (see ``amount``). ``clipped`` marks a
    figure that the extraction visibly cut short (fewer decimals than its
    column prints), so comparisons know its last digits are missing.
    """

    table: str            # table label, e.g. "表5"
    row: int              # index of the row in its table
    column: str           # column key, e.g. "本年支出·小计"
    group: str            # panel group ("收入", "支出", "人员经费") or ""
    row_code: str         # classification code, e.g. "2010350", or ""
    row_label: str        # row name, e.g. "事业运行"
    value: Decimal | None
    decimals: int
    raw: str
    page: int
    line: int
    unit: str = "万元"
    clipped: bool = False
    placement: str = "position"   # "position" | "order" | "hierarchy" | "guess"

    @property
    def amount(self) -> Decimal:
        return self.value if self.value is not None else Decimal(0)

    @property
    def blank(self) -> bool:
        return self.value is None

    def ref(self) -> str:
        code, label = self.row_code, self.row_label
        head = f"{code} {label}" if code and label else code or label
        column = f"{self.group}·{self.column}" if self.group and not self.column.startswith(self.group) else self.column
        return f"{self.table} {head} / {column}".strip()


@record
class Row:
    index: int
    code: str
    label: str
    group: str
    lineno: str
    cells: tuple[Cell, ...]
    page: int
    line: int

    def cell(self, column: str) -> Cell | None:
        for cell in self.cells:
            if cell.column == column:
                return cell
        return None


@record
class Table:
    label: str            # "表5" (from 公开05表 / （表 5） or its order in the document)
    key: str              # identity from lexicons/tables.yaml, "" if unknown
    name: str             # standard name of the identity
    title: str            # title as printed
    kind: str             # document kind of the identity ("final", "budget" ...)
    unit: str
    page: int
    line_start: int
    line_end: int
    columns: tuple[tuple[str, str], ...]   # (group, column key) per value column
    rows: tuple[Row, ...]
    layout: str           # "tabs" | "spaces" | "pdf"
    empty: bool = False
    file: str = ""
    span: tuple[int, int] = (0, 0)     # document offsets of the title line and the last line
    pages: tuple[int, ...] = ()        # every page the table is printed on
    unit_assumed: bool = False         # no unit line is printed: ``unit`` is the usual 万元

    def cells(self):
        for row in self.rows:
            yield from row.cells

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.columns)
