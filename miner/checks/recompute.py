"""A percentage or a difference recomputed from two figures and judged against the stated one.

Shared by the share, completion-rate and change-rate rules (``percent``) and by
the change-amount rules (``difference``): they differ in which figures they
use, not in how the result is compared.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..claims.model import Claim
from ..messages import Message, say
from .context import Figure
from .model import Check
from .tolerance import Interval, Tolerance, Verdict, cap, ratio, rounding_spread, show


@dataclass(frozen=True)
class Recomputed:
    point: Decimal
    verdict: Verdict
    formula: str
    doubt: Message | str = ""    # why an input figure may not be the document's: at most a warning

    @property
    def agrees(self) -> bool:
        return self.verdict.verdict != "mismatch"

    def check(self, code: str, claim: Claim, sources: str, note: Message | str = "", covers=()) -> Check:
        if self.agrees:
            message = say("common.agrees", claim=claim.text, formula=self.formula, note=note)
        else:
            message = say("common.prose_says", claim=claim.text, formula=self.formula, note=note,
                          doubt=say("common.in_brackets", text=self.doubt) if self.doubt else "")
        return Check(code, claim.id, self.verdict.verdict, cap(self.verdict.severity, bool(self.doubt)), show(self.point),
                     f"{self.formula} [{sources}]", message, self.verdict.tolerance,
                     tuple(covers) if self.agrees else (), margin=self.verdict)


def percent(tolerance: Tolerance, claim: Claim, numerator: Figure, denominator: Figure,
            denominator_text: str | None = None) -> Recomputed | None:
    """numerator ÷ denominator in percent, judged against the claim; None for a zero base."""
    result = ratio(numerator.value, numerator.decimals, denominator.value, denominator.decimals)
    if result is None:
        return None
    point, interval = result
    formula = f"{numerator.value} / {denominator_text or denominator.value} = {show(point)}%"
    return Recomputed(point, tolerance.judge(claim.value, claim.decimals, claim.approx, point, interval, computed=True), formula,
                      numerator.doubtful or denominator.doubtful)


_SAYS = {"+": "direction.increase", "-": "direction.decrease"}


@dataclass(frozen=True)
class Difference:
    """A stated change against later − earlier of two printed figures."""

    value: Decimal          # later − earlier
    half: Decimal           # how far the rounding of the two figures lets it be from the truth
    formula: str
    verdict: Verdict        # the stated size against |value|
    opposite: Message | str   # "" or what the words say (an increase / a decrease) against the sign beyond rounding


def difference(tolerance: Tolerance, stated, later: Decimal, later_decimals: int, earlier: Decimal, earlier_decimals: int) -> Difference:
    """``stated`` is anything with value, decimals, approx and direction (a claim)."""
    value = later - earlier
    half = rounding_spread((later_decimals, earlier_decimals))
    size = abs(value)
    opposite = stated.direction in _SAYS and value != 0 and (value > 0) != (stated.direction == "+") and size > half
    verdict = tolerance.judge(stated.value, stated.decimals, stated.approx, size, Interval(max(size - half, 0), size + half))
    return Difference(value, half, f"{later} - {earlier} = {value}", verdict,
                      say(_SAYS[stated.direction]) if opposite else "")
