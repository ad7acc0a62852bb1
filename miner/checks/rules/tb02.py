"""TB02 column identities.

What it checks: every column identity a table's header declares, row by row:
合计 = 基本支出 + 项目支出 (+ 上缴上级支出 + 经营支出 + 对附属单位补助支出),
本年收入合计 = 财政拨款收入 + … + 其他收入, 小计 = 一般公共预算 + 政府性基金 +
国有资本经营, the 三公 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费
and 公务用车购置及运行费 = 购置费 + 运行费. The identities are the
`identities` of each table in lexicons/tables.yaml, plus the `columns` of a
document kind in lexicons/identities.yaml. An identity naming a column the
table does not print is skipped.

Why it matters: a row whose parts do not make its total has a wrong figure in
it, and the narrative quotes both.

Bad: 表3 "合计 1,067.40 353.10 724.30" (353.10 + 724.30 = 1,077.40).
Good (wuchang-cyzx-2024-final, 表5): 合计 868.11 = 基本支出 500.44 + 项目支出
367.67.
"""
from __future__ import annotations

from decimal import Decimal

from ...messages import say
from ...lexicon import load
from ...tables.lookup import by_column
from ...tables.spec import table_specs
from ..context import Context
from ..model import Check
from ..tolerance import Amount, cap

CODE = "TB02"
NAME = "column-identities"
FAMILY = "table"
SEVERITY = "error"
SUMMARY = "A row's total column differs from the sum of its part columns (合计 = 基本支出 + 项目支出 …)."
SCOPE = "document"
KINDS = ()


def _parse(text: str) -> tuple[str, tuple[str, ...]]:
    total, _, parts = text.partition("=")
    return total.strip(), tuple(part.strip() for part in parts.split("+"))


def check(ctx: Context) -> list[Check]:
    specs = {(spec.kind, spec.key): spec for spec in table_specs()}
    checks = []
    for table in ctx.tables:
        spec = specs.get((table.kind, table.key))
        if spec is None:
            continue
        mapped = {column for _, column in table.columns}
        unreliable = ctx.misread(table)
        extra = tuple(_parse(text) for text in
                      load("identities")["kinds"].get(table.kind, {}).get("columns", {}).get(table.key, ()))
        rows_cells = None
        agreed: dict[int, tuple] = {}       # rows whose identities held: one agreement each
        differed: set[int] = set()
        for total_key, part_keys in spec.identities + extra:
            if not {total_key, *part_keys} <= mapped:
                continue   # a column the table does not print (or the extraction did not map)
            if rows_cells is None:
                rows_cells = [(row, by_column(row)) for row in table.rows]
            for row, cells in rows_cells:
                total = cells.get(total_key)
                parts = [c for c in (cells.get(k) for k in part_keys) if c is not None and not c.blank]
                if (total is None or total.blank) and not parts:
                    continue
                left = [Amount(total.amount, total.decimals, total.clipped)] if total and not total.blank else []
                verdict = ctx.tolerance.compare_totals(left, [Amount(c.amount, c.decimals, c.clipped) for c in parts])
                if verdict.verdict == "ok":
                    agreed.setdefault(row.index, (row, total_key))
                    continue
                differed.add(row.index)
                uncertain = unreliable or not left or not parts or any(c.placement == "guess" for c in row.cells)
                value = sum((c.amount for c in parts), Decimal(0))
                printed = total.raw.strip() if total is not None and not total.blank else "blank"
                head = f"{row.code} {row.label}".strip() or "(row)"
                formula = " + ".join(f"{c.column} {c.raw.strip()}" for c in parts) + f" = {value}"
                checks.append(ctx.document_check(
                    CODE, cap(verdict.severity, uncertain), row,
                    found=f"{table.label} {head} / {total_key} = {printed}", expected=str(value),
                    evidence=f"{table.label} {head}: {formula}",
                    message=say("tb02.columns", table=table.label, head=head, total=total_key, printed=printed,
                                parts=" + ".join(part_keys), value=value,
                                rounding=say("tb01.rounding") if verdict.verdict == "rounding" else "",
                                doubt=say("tb02.uncertain") if uncertain and verdict.severity == "error" else ""),
                    verdict=verdict.verdict, tolerance=verdict.tolerance, file=table.file,
                    margin=verdict))
        for index, (row, total_key) in agreed.items():
            if index not in differed:
                head = f"{row.code} {row.label}".strip() or "(row)"
                checks.append(ctx.agreement(CODE, row, f"{table.label} {head}: {total_key} = its parts", file=table.file))
    return checks
