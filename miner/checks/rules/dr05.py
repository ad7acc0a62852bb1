"""DR05 parts sum to their total.

What it checks: amounts listed after 其中 (or 主要用于) against the total they
break down: the parts may not exceed the total, and a breakdown that claims
to be complete must add up to it.

Why it matters: a part copied wrong shows up as a sum that no longer fits.

Bad: "支出合计 100万元，其中：基本支出 60万元，项目支出 50万元" (110 > 100).
Good (wuchang-cyzx-2024-final, 十一): 政府采购支出总额 192.27万元, 其中 货物
1.90、工程 0、服务 190.37 = 192.27.
"""
from __future__ import annotations

from decimal import Decimal

from ...messages import say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..tolerance import Interval, rounding_spread, unit

CODE = "DR05"
NAME = "parts-sum"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "Parts listed with 其中 do not add up to their total."
SCOPE = "claim"
KINDS = ("amount",)


def check(claim: Claim, ctx: Context) -> list[Check]:
    parts = [c for c in ctx.parts(claim) if c.kind == "amount" and c.unit == claim.unit]
    if not parts:
        return []
    total = sum((p.value for p in parts), Decimal(0))
    half = rounding_spread(p.decimals for p in parts)
    formula = " + ".join(str(p.value) for p in parts) + f" = {total}"
    if total < claim.value - half - unit(claim.decimals):
        # A 其中 list may name only some parts: a shortfall is no finding.
        return []
    if claim.value > 0 and total >= Decimal("1.9") * claim.value and len(parts) > 2:
        # 收支总预算 X，其中 收入… ；支出…: both sides of the whole are listed, and
        # each side adds up to it; the list is not one breakdown.
        return []
    verdict = ctx.tolerance.judge(claim.value, claim.decimals, "", total, Interval(total - half, total + half))
    message = (say("dr05.parts", total=total, stated=claim.value, formula=formula) if verdict.verdict == "mismatch"
               else say("common.equals", claim=claim.text, formula=formula))
    covers = () if verdict.verdict == "mismatch" else tuple(p.id for p in parts)
    return [Check(CODE, claim.id, verdict.verdict, verdict.severity, str(total), formula, message,
                  verdict.tolerance, covers, margin=verdict)]
