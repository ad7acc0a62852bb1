"""DR03 change rate recomputed.

What it checks: "减少525.02万元，下降37.7%" against change ÷ previous-year
figure, the previous year being the current figure minus the signed change
(the current figure from its table cell where linked).

Why it matters: growth rates are quoted on their own; a rate that does not
follow from the change and the current figure misleads about the trend.

Bad: "减少100万元，下降50%" beside a current figure of 900万元 (100/1000 = 10%).
Good (wuchang-cyzx-2024-final): 868.11, 减少 525.02, 下降 37.7%:
525.02 / (868.11 + 525.02) = 37.69%.
"""
from __future__ import annotations

from ...claims.model import Claim
from ..context import Context, Figure, stated_figure
from ..model import Check
from ..recompute import percent

CODE = "DR03"
NAME = "change-rate-recomputed"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "A change rate differs from change ÷ previous-year figure."
KINDS = ("change_rate",)


def check(claim: Claim, ctx: Context) -> list[Check]:
    change_claim, base_claim = ctx.claim(claim.numerator), ctx.claim(claim.base)
    if change_claim is None or base_claim is None or change_claim.direction not in ("+", "-"):
        return []
    sign = 1 if change_claim.direction == "+" else -1
    if claim.base_period == "prior":
        # the sentence states the previous year's figure itself
        current = prior = stated_figure(base_claim)
        denominator = f"{prior.value}"
    else:
        current = ctx.figure(base_claim)
        prior = Figure(current.value - sign * change_claim.value, max(current.decimals, change_claim.decimals),
                       "previous year = current - change", False)
        denominator = f"({current.value} {'-' if sign > 0 else '+'} {change_claim.value})"
    recomputed = percent(claim, stated_figure(change_claim), prior, denominator)
    if recomputed is None:
        return []
    covers = (change_claim.id,) + (() if current.from_table else (base_claim.id,))
    return [recomputed.check(CODE, claim, f"{current.source}; stated change {change_claim.text}", covers=covers)]
