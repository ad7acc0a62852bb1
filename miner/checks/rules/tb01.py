"""TB01 classification totals.

What it checks: inside a table whose rows carry classification codes, every
类 (3-digit code) equals the sum of its 款 (5-digit), every 款 the sum of its
项 (7-digit), and the 合计 row the sum of the 类 rows, column by column. The
same holds for 经济分类 panels (301 = Σ 301xx; 人员经费合计 = Σ its 类).

Why it matters: a row copied wrong, or a subtotal not updated after a late
change, leaves a table whose lines do not add up; every figure the narrative
takes from such a row is suspect.

Bad: 表5 "201 一般公共服务支出 961.84" over 2010350 事业运行 247.54 and
2010399 其他… 724.30 (247.54 + 724.30 = 971.84, off by 10.00).
Good (wuchang-wgzx-2021-final, 表6): 302 商品和服务支出 31.95 = 30201 办公费
27.00 + 30226 劳务费 3.96 + 30228 工会经费 0.99.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ...messages import say
from ...tables.lookup import by_column, is_sum_label
from ...tables.model import Row, Table
from ..context import Context
from ..model import Check
from ..tolerance import Amount, cap

CODE = "TB01"
NAME = "classification-totals"
FAMILY = "table"
SEVERITY = "error"
SUMMARY = "A 类 differs from the sum of its 款, a 款 from its 项, or 合计 from its 类."
SCOPE = "document"
KINDS = ()
_PARENTS = (3, 5)   # code widths with rows below them: 类 over 款, 款 over 项


def _checks(table: Table):
    """(parent row, child rows, group) for each coded parent and for the group's 合计 row."""
    by_group: dict[str, list[Row]] = {}
    for row in table.rows:
        by_group.setdefault(row.group, []).append(row)
    for group, rows in by_group.items():
        # a code printed on several rows of a panel was read wrongly (类 and 款 codes in split
        # columns): nothing can be summed by it
        counts = Counter(r.code for r in rows if r.code)
        coded = [r for r in rows if r.code.isdigit() and counts[r.code] == 1]
        # a 款 is the 类's code and two digits, a 项 the 款's and two digits
        below: dict[str, list[Row]] = {}
        for row in coded:
            below.setdefault(row.code[:-2], []).append(row)
        for parent in coded:
            if len(parent.code) in _PARENTS and parent.code in below:
                yield parent, below[parent.code], group
        tops = [r for r in coded if len(r.code) == 3]
        total = next((r for r in rows if not r.code and is_sum_label(r.label)), None)
        if total is not None and tops:
            yield total, tops, group


def check(ctx: Context) -> list[Check]:
    checks = []
    for table in ctx.tables:
        unreliable = ctx.misread(table)
        for parent, children, group in _checks(table):
            parent_cells, children_cells = by_column(parent), [by_column(child) for child in children]
            agreed, differed = 0, False
            for group_name, column in table.columns:
                if group_name and group_name != group:
                    continue
                cell = parent_cells.get(column)
                parts = [c for c in (cells.get(column) for cells in children_cells) if c is not None and not c.blank]
                if (cell is None or cell.blank) and not parts:
                    continue
                left = [Amount(cell.amount, cell.decimals, cell.clipped)] if cell is not None and not cell.blank else []
                verdict = ctx.tolerance.compare_totals(left, [Amount(c.amount, c.decimals, c.clipped) for c in parts])
                if verdict.verdict == "ok":
                    agreed += 1
                    continue
                differed = True
                # a row whose figures were placed by a guess may have moved one out of this column
                uncertain = (unreliable or not left or not parts
                             or any(c.placement == "guess" for row in (parent, *children) for c in row.cells))
                total = sum((c.amount for c in parts), Decimal(0))
                head = f"{parent.code} {parent.label}".strip()
                formula = " + ".join(f"{c.row_code} {c.raw.strip()}" for c in parts) + f" = {total}"
                printed = cell.raw.strip() if cell is not None and not cell.blank else "blank"
                checks.append(ctx.document_check(
                    CODE, cap(verdict.severity, uncertain), parent,
                    found=f"{table.label} {head} / {column} = {printed}", expected=str(total),
                    evidence=f"{table.label} {column}: {formula}",
                    message=say("tb01.rows", table=table.label, head=head, printed=printed, column=column, total=total,
                                note=say("tb01.rounding") if verdict.verdict == "rounding" else ""),
                    verdict=verdict.verdict, tolerance=verdict.tolerance, file=table.file,
                    margin=verdict))
            if agreed and not differed:
                checks.append(ctx.agreement(CODE, parent, f"{table.label} {parent.code} {parent.label}".strip()
                                            + f": {agreed} column(s) add up", file=table.file))
    return checks
