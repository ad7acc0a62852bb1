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
367.67 / 868.11, the share of all spending. (jiangsu-rd-2017-budget p.28):
"因公出国（境）费支出222.5万元，占“三公”经费的8.75%" — 8.75% is 222.5 / 2,542.60,
the table's 合计 with 会议费 and 培训费; of the “三公”经费 (833.60) it is 26.69%.
Good (wuchang-cyzx-2024-final, 三): "项目支出 367.67 万元，占本年支出 42.4%" =
367.67 / 868.11.
"""
from __future__ import annotations

from ...messages import say
from ...claims.model import Claim
from ...lexicon import load
from ...tables.lookup import is_sum_label, is_total_column, is_total_label
from ...tables.model import Cell
from ..context import Context, Figure
from ..model import Check
from ..operands import share
from ..recompute import percent
from ..text import plain
from ..tolerance import cap, show

CODE = "PR03"
NAME = "share-wrong-denominator"
FAMILY = "prose"
SEVERITY = "error"
SUMMARY = "A share fits another total than the whole it names (the wrong denominator)."
SCOPE = "claim"
KINDS = ("share",)


def _candidates(ctx: Context, claim: Claim, home: Cell | None) -> list[tuple[Figure, Cell]]:
    """Other wholes to try: the document's total and 类 cells, one per value; first the total
    columns of the named whole's own row, then its table (the likeliest slip is a neighbour)."""
    totals = ctx.remember(CODE, lambda: [
        cell for table in ctx.tables for row in table.rows
        if (not row.code and is_total_label(row.label)) or len(row.code) == 3
        for cell in row.cells if not cell.blank and cell.amount > 0 and cell.placement != "guess"])
    neighbours = []
    if home is not None:
        table = next((t for t in ctx.tables if t.label == home.table), None)
        row = table.rows[home.row] if table is not None and 0 <= home.row < len(table.rows) else None
        neighbours = [c for c in (row.cells if row else ()) if not c.blank and c.amount > 0
                      and is_total_column(c.column)]
    in_home = (lambda c: c.table != home.table) if home is not None else (lambda c: False)
    seen, figures = set(), []
    for cell in neighbours + sorted(totals, key=in_home):
        if cell.amount not in seen:
            seen.add(cell.amount)
            figures.append((ctx.cell_evidence(cell, claim), cell))
    return figures


def _header_whole(ctx: Context, words: str) -> Cell | None:
    """A whole named by a column header ("占“三公”经费的" → the “三公”经费·小计 column) in a table
    printed as one row of totals or with a 合计 row."""
    wanted = plain(words or "")
    if not wanted:
        return None
    for table in ctx.tables:
        rows = [r for r in table.rows if not r.code and (is_sum_label(r.label) or not r.label.strip())]
        if len(rows) != 1:
            continue
        for cell in rows[0].cells:
            if plain(cell.column.split("·")[0]) == wanted and not cell.blank and cell.amount > 0:
                return cell
    return None


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
        if row in ("total", "subject_or_total") and not cell.row_code and is_sum_label(cell.row_label):
            return True
        if row not in ("total", "subject", "subject_or_total") and row in cell.row_label:
            return True
    return False


def check(claim: Claim, ctx: Context) -> list[Check]:
    found = share(claim, ctx)
    if found is None:
        return []
    part_claim, part, whole_claim, link = found
    home_cell = None
    if link is not None and link.linked and link.cell is not None:
        home_cell = link.cell
        whole = ctx.cell_evidence(link.cell, part_claim)
    elif whole_claim is not None:
        whole = ctx.figure(whole_claim)
    else:
        home_cell = _header_whole(ctx, claim.denominator_words)
        if home_cell is None:
            return []
        whole = ctx.cell_evidence(home_cell, part_claim)
    named = percent(ctx.tolerance, claim, part, whole)
    if named is None:
        return []
    if named.agrees:
        # the whole its words name gives it: recorded, no verdict on the figure (DR01's)
        return [Check(CODE, claim.id, "ok", "", show(named.point), f"{named.formula} [{whole.source}]",
                      say("pr03.fits", claim=claim.text, formula=named.formula), named.verdict.tolerance,
                      settles=False, margin=named.verdict)]
    named_cells = _named_targets(claim.denominator_words)
    for other, cell in _candidates(ctx, part_claim, home_cell):
        if other.value == whole.value:
            continue
        fitted = percent(ctx.tolerance, claim, part, other)
        if fitted is not None and fitted.verdict.verdict == "ok":
            if _is_named(cell, ctx, named_cells):
                return []   # it fits the whole its words name: the linked whole was the wrong one
            words = claim.denominator_words or say("pr03.named_whole")
            doubt = named.doubt or other.doubtful
            return [Check(CODE, claim.id, "mismatch", cap(SEVERITY, bool(doubt)), f"{named.point:.2f}",
                          f"{named.formula} [{whole.source}]; but {fitted.formula} [{other.source}]",
                          say("pr03.other_total", claim=claim.text, part=part.value, words=words,
                              formula=named.formula, other=other.value, source=other.named,
                              doubt=say("common.at_most_warning", why=doubt) if doubt else ""),
                          named.verdict.tolerance, margin=named.verdict)]
    return []
