"""DR02 completion rate recomputed.

What it checks: "完成年初预算的X%" against 决算 ÷ 年初预算 from the same
sentence, the 决算 taken from its linked table cell where there is one. A
figure the sentence does not state is taken from the cell its subject's
年初预算 / 支出决算 is printed in (the 三公 table prints both).

Why it matters: the rate is the figure readers quote; it must follow from
the two amounts beside it.

Bad: a rate of 102.46% beside 367.67 / 363.82 (= 101.06%) — here the rate
matches the table's 372.78 and VC01 reports the amount.
Good (wuchang-cyzx-2024-final): 年初预算 16.75, 决算 10.93, "65.25%" = 65.254%.
A rate printed 101.34 where 37.66/37.16 = 101.3455 is `rounding` (truncated).
"""
from __future__ import annotations

from ...messages import say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..operands import completion
from ..recompute import percent
from ..tolerance import ratio, show

CODE = "DR02"
NAME = "completion-rate-recomputed"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "A completion rate differs from actual ÷ budget."
SCOPE = "claim"
KINDS = ("rate",)


def check(claim: Claim, ctx: Context) -> list[Check]:
    actual_claim, actual, budget_claim, budget = completion(claim, ctx)
    if actual is None or budget is None:
        return []
    recomputed = percent(ctx.tolerance, claim, actual, budget)
    if recomputed is None:
        return []
    note = ""
    if recomputed.agrees and actual_claim and actual.from_table and actual.value != actual_claim.value:
        prose = ratio(actual_claim.value, actual_claim.decimals, budget.value, budget.decimals)
        if prose:
            note = say("dr02.from_table", actual=actual_claim.value, rate=show(prose[0]))
    covers = tuple(c.id for c, f in ((budget_claim, budget), (actual_claim, actual)) if c and not f.from_table)
    return [recomputed.check(CODE, claim, f"{actual.source}; {budget.source}", note, covers)]
