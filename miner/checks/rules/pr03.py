"""PR03 share computed against another whole.

What it checks: a share whose named whole does not give the stated
percentage, when another total the document prints does: the share was
computed against the wrong denominator (a part of a subtotal divided by the
grand total, or a figure that is all of a category said to be a fraction of
it). The other totals tried are the tables' 合计/总计 rows and 类 rows.

Why it matters: the percentage looks plausible and is checked by no one; it
says something false about the structure of the spending.

Bad (wuchang-cyzx-2024-final, 十三(一)): project funds of 367.67万元 "占一般
公共预算项目支出总额的42.35%": 367.67 is all of 表5 项目支出 (100%); 42.35% is
367.67 / 868.11, the share of all spending.
Good (wuchang-cyzx-2024-final, 三): "项目支出 367.67 万元，占本年支出 42.4%" =
367.67 / 868.11.
"""
from __future__ import annotations

from ...claims.model import Claim
from ...lexicon import load
from ...tables.model import Cell
from ..context import Context, Figure, cell_figure
from ..model import Check
from ..recompute import percent

CODE = "PR03"
NAME = "share-wrong-denominator"
FAMILY = "prose"
SEVERITY = "error"
SUMMARY = "A share fits another total than the whole it names (the wrong denominator)."
KINDS = ("share",)


def _candidates(ctx: Context, claim: Claim, home: str) -> list[tuple[Figure, Cell]]:
    """Other wholes to try: the document's total and 类 cells, one per value, those of the
    named whole's own table first (the likeliest slip is its neighbouring total)."""
    cached = ctx.memo.get(CODE)
    if cached is None:
        cells = [cell for table in ctx.tables for row in table.rows
                 if (not row.code and ("合计" in row.label or "总计" in row.label)) or len(row.code) == 3
                 for cell in row.cells if not cell.blank and cell.amount > 0 and cell.placement != "guess"]
        cached = ctx.memo[CODE] = cells
    seen, figures = set(), []
    for cell in sorted(cached, key=lambda c: c.table != home):
        if cell.amount not in seen:
            seen.add(cell.amount)
            figures.append((cell_figure(cell, claim), cell))
    return figures


def _named_targets(words: str) -> list[dict]:
    """The table cells (measures.yaml targets) of the measure the share's whole words name
    exactly, once qualifiers (本年, 一般公共预算财政拨款 …) are taken off the front
    ("收入总额" names 收入合计; "一般公共预算项目支出总额" names no measure exactly)."""
    qualifiers = sorted(load("claims")["qualifiers"], key=len, reverse=True)
    while words:
        qualifier = next((q for q in qualifiers if words.startswith(q)), None)
        if qualifier is None:
            break
        words = words[len(qualifier):]
    if not words:
        return []
    return [target for measure in load("measures")["measures"] if words in measure.get("words", ())
            for target in measure.get("targets", ())]


def _is_named(cell: Cell, ctx: Context, targets: list[dict]) -> bool:
    """Whether a cell is one the whole's words name (a target of their measure)."""
    table = next((t for t in ctx.tables if t.label == cell.table), None)
    if table is None:
        return False
    groups = {group for group, _ in table.columns}
    for target in targets:
        group, column = "", target["column"]
        if "·" in column and column.split("·")[0] in groups:   # the linker's panel·column convention
            group, column = column.split("·", 1)
        if target["table"] != table.key or column != cell.column or (group and group != cell.group):
            continue
        row = target["row"]
        if row in ("total", "subject_or_total") and not cell.row_code and "合计" in cell.row_label:
            return True
        if row not in ("total", "subject", "subject_or_total") and row in cell.row_label:
            return True
    return False


def check(claim: Claim, ctx: Context) -> list[Check]:
    part_claim = ctx.claim(claim.numerator)
    if part_claim is None:
        return []
    part = ctx.figure(part_claim)
    link = ctx.links.get(claim.id)
    whole_claim = ctx.claim(claim.denominator)
    if link is not None and link.linked and link.cell is not None:
        whole = cell_figure(link.cell, part_claim)
    elif whole_claim is not None:
        whole = ctx.figure(whole_claim)
    else:
        return []
    named = percent(claim, part, whole)
    if named is None or named.agrees:
        return []
    named_cells = _named_targets(claim.denominator_words)
    home = link.cell.table if link is not None and link.cell is not None else ""
    for other, cell in _candidates(ctx, part_claim, home):
        if other.value == whole.value:
            continue
        fitted = percent(claim, part, other)
        if fitted is not None and fitted.verdict.verdict == "ok":
            if _is_named(cell, ctx, named_cells):
                return []   # it fits the whole its words name: the linked whole was the wrong one
            words = claim.denominator_words or "the named whole"
            return [Check(CODE, claim.id, "mismatch", SEVERITY, f"{named.point:.2f}",
                          f"{named.formula} [{whole.source}]; but {fitted.formula} [{other.source}]",
                          f"{claim.text} is not {part.value} of {words} ({named.formula}); it is {part.value} of "
                          f"{other.value} ({other.source}): the share was computed against another total",
                          named.verdict.tolerance)]
    return []
