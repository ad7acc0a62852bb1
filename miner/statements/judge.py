"""The comparisons of a statement check, all through the one tolerance policy (miner.checks.tolerance).

Every call into the policy is made here, so that when the policy becomes a
value carried by the caller, this is the one module to change.
"""
from __future__ import annotations

from decimal import Decimal

from ..checks.context import Figure as Printed
from ..checks.context import cell_figure, money_factor
from ..checks.recompute import percent
from ..checks.tolerance import Verdict, cap, judge, show
from ..claims.model import Claim
from ..lexicon import load
from ..tables.model import Cell

# a figure off from the source's by one of these factors is a unit mixed up (亿元 written for 万元)
_UNIT_STEPS = (Decimal(10000), Decimal("0.0001"), Decimal(100000000), Decimal("0.00000001"))


def is_money(claim: Claim) -> bool:
    return claim.unit in load("claims")["money_units"]


def comparable(a: Claim, b: Claim) -> bool:
    """Figures in units that convert into each other: money, or the same unit."""
    return (is_money(a) and is_money(b)) or a.unit == b.unit


def in_unit_of(figure: Claim, claim: Claim) -> Printed:
    """A source's stated figure in the unit (and multiplier) of a statement's claim."""
    factor = figure.scale / claim.scale
    if is_money(figure) and is_money(claim):
        factor *= money_factor(figure.unit) / money_factor(claim.unit)
    shift = factor.adjusted() if factor != 1 else 0
    return Printed(figure.value * factor, max(figure.decimals - shift, 0), figure.text, False)


def cell_in_unit_of(cell: Cell, claim: Claim) -> Printed:
    return cell_figure(cell, claim)


def same_figure(claim: Claim, evidence: Printed) -> Verdict:
    """A statement's figure against the source's figure for it."""
    verdict = judge(claim.value, claim.decimals, claim.approx, evidence.value, clipped=evidence.clipped)
    return Verdict(verdict.verdict, cap(verdict.severity, bool(evidence.doubtful)), verdict.gap, verdict.tolerance)


def unit_mixed_up(claim: Claim, evidence: Printed) -> str:
    """The unit the statement's figure would be right in ("" when none): 3.5亿元 for the source's 3.5万元."""
    if not is_money(claim):
        return ""
    units = load("claims")["money_units"]
    for step in _UNIT_STEPS:
        if judge(claim.value, claim.decimals, claim.approx, evidence.value * step).verdict != "mismatch":
            meant = money_factor(claim.unit) / step
            return next((unit for unit, size in units.items() if Decimal(size) == meant), "")
    return ""


def ratio_of(claim: Claim, numerator: Printed, denominator: Printed, numerator_text: str,
             denominator_text: str):
    """numerator ÷ denominator in percent against the claim: (verdict, point, formula) or None for a zero base."""
    recomputed = percent(claim, numerator, denominator, denominator_text)
    if recomputed is None:
        return None
    formula = f"{numerator_text} / {denominator_text} = {show(recomputed.point)}%"
    return recomputed.verdict, recomputed.point, formula


def change_of(claim: Claim, current: Printed, prior: Printed, current_text: str, prior_text: str):
    """A change amount or change rate recomputed from the current and the earlier figure."""
    difference = current.value - prior.value
    if claim.kind == "change_rate":
        changed = Printed(difference, max(current.decimals, prior.decimals), "", False)
        recomputed = percent(claim, changed, prior, prior_text)
        if recomputed is None:
            return None
        formula = f"({current_text} - {prior_text}) / {prior_text} = {show(recomputed.point)}%"
        verdict = recomputed.verdict
        point = recomputed.point
    else:
        verdict = judge(claim.value, claim.decimals, claim.approx, abs(difference))
        point = abs(difference)
        formula = f"{current_text} - {prior_text} = {show(difference, max(current.decimals, prior.decimals))}"
    if claim.direction in ("+", "-") and difference != 0 and (difference > 0) != (claim.direction == "+"):
        verdict = Verdict("mismatch", "error", verdict.gap, verdict.tolerance + "; the change goes the other way")
    return verdict, point, formula


def shown(value: Decimal, decimals: int) -> str:
    return show(value, decimals)
