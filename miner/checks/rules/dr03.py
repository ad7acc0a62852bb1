"""DR03 change rate recomputed.

What it checks: "减少525.02万元，下降37.7%" against change ÷ previous-year
figure, the previous year being the current figure minus the signed change
(the current figure from its table cell where linked), or the previous
year's figure where the sentence states it; a change stated against the
budget ("比年初预算增长5%") is divided by the 年初预算. A change of 0 gives a
rate of 0 whatever the sign its template words leave open.

Why it matters: growth rates are quoted on their own; a rate that does not
follow from the change and the current figure misleads about the trend.

Bad: "减少100万元，下降50%" beside a current figure of 900万元 (100/1000 = 10%).
Good (wuchang-cyzx-2024-final): 868.11, 减少 525.02, 下降 37.7%:
525.02 / (868.11 + 525.02) = 37.69%.
"""
from __future__ import annotations

from dataclasses import replace

from ...claims.model import Claim
from ...lexicon import load
from ..context import Context, stated_figure
from ..model import Check
from ..operands import against_budget, current as current_figure, prior_stated
from ..recompute import percent

CODE = "DR03"
NAME = "change-rate-recomputed"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "A change rate differs from change ÷ previous-year figure."
SCOPE = "claim"
KINDS = ("change_rate",)


def _another_subject(change: Claim, rate: Claim) -> bool:
    """A rate after words that name another subject than the change's and compare it anew ("减少
    10087.38万元，下降1.9%，主要是政府性基金预算收入较上年下降45.9%"): the rate is that subject's,
    whose change is not stated. A reason that compares nothing ("主要原因按规定…统一压减10%") keeps it."""
    if change.sentence_id != rate.sentence_id or change.end > rate.start:
        return False
    between = rate.sentence[change.end:rate.start]
    words = load("claims")
    at = max(between.rfind(word) for word in words["rate_subject_changes"])
    return at >= 0 and any(word in between[at:] for word in words["comparison_words"])


def check(claim: Claim, ctx: Context) -> list[Check]:
    change_claim = ctx.claim(claim.numerator)
    if change_claim is None or (change_claim.direction not in ("+", "-") and change_claim.value != 0):
        return []
    if _another_subject(change_claim, claim):
        return []
    sign = -1 if change_claim.direction == "-" else 1
    covers: tuple[str, ...] = (change_claim.id,)
    if "budget" in (claim.base_period, change_claim.base_period):
        _actual, prior = against_budget(change_claim, ctx)
        if prior is None:
            return []
        source, denominator = f"年初预算 {prior.source}", f"{prior.value}"
    elif prior_stated(claim, ctx) is not None:
        # the sentence states the previous year's figure itself
        prior = prior_stated(claim, ctx)
        source, denominator = prior.source, f"{prior.value}"
        covers += (claim.base,)
    else:
        current = current_figure(claim, ctx) or current_figure(change_claim, ctx)
        if current is None:
            return []
        prior = replace(current, value=current.value - sign * change_claim.value,
                        decimals=max(current.decimals, change_claim.decimals),
                        source="previous year = current - change", from_table=False)
        source, denominator = current.source, f"({current.value} {'-' if sign > 0 else '+'} {change_claim.value})"
        if not current.from_table and claim.base:
            covers += (claim.base,)
    recomputed = percent(ctx.tolerance, claim, stated_figure(change_claim), prior, denominator)
    if recomputed is None:
        return []
    return [recomputed.check(CODE, claim, f"{source}; stated change {change_claim.text}", covers=covers)]
