"""The figures a rate or a change is computed from, as rules use them.

A figure the sentence states is read from its claim (its linked cell where
it has one); a figure the sentence only implies ("完成年初预算的 0%" with no
年初预算 in the sentence) is read from the cell the linking stage found for
it by labels (``Link.operands``). Shared by the rate and change rules so they
agree on where a figure comes from.
"""
from __future__ import annotations

from ..claims.model import Claim
from ..linking.model import Link
from .context import Context, Figure, stated_figure


def completion(claim: Claim, ctx: Context) -> tuple[Claim | None, Figure | None, Claim | None, Figure | None]:
    """(actual claim, actual, budget claim, budget) of a completion rate."""
    actual_claim, budget_claim = ctx.claim(claim.numerator), ctx.claim(claim.denominator)
    stated = actual_claim or budget_claim
    actual = ctx.figure(actual_claim) if actual_claim else ctx.operand(claim, "actual", stated)
    budget = ctx.figure(budget_claim) if budget_claim else ctx.operand(claim, "budget", stated)
    return actual_claim, actual, budget_claim, budget


def against_budget(change: Claim, ctx: Context) -> tuple[Figure | None, Figure | None]:
    """(actual, budget) of a change stated against the budget (比年初预算增加…)."""
    actual_claim, budget_claim = ctx.claim(change.base), ctx.claim(change.denominator)
    actual = ctx.figure(actual_claim) if actual_claim else ctx.operand(change, "actual")
    budget = ctx.figure(budget_claim) if budget_claim else ctx.operand(change, "budget")
    return actual, budget


def current(change: Claim, ctx: Context) -> Figure | None:
    """The current-period figure a change on the previous year speaks about."""
    base = ctx.claim(change.base)
    if base is not None:
        return ctx.figure(base)
    return ctx.operand(change, "current")
