"""The tolerance policy: the one place that decides ok / rounding / mismatch.

A figure printed with d decimals stands for an interval of width 10^-d
(statcheck's approach): 102.46 is anything in [102.455, 102.465). A figure
marked approximate is wider (余/多: at least the figure; 约: ±5%; 近: up to
it). Evidence computed from printed figures is an interval too, from the
rounding of its inputs.

Verdicts:
  ok        the stated interval holds the evidence value computed from the
            printed figures (or meets the cell's interval);
  rounding  the gap is explained by rounding alone: the evidence interval
            (inputs' rounding) meets the stated one, the stated figure is the
            evidence truncated instead of rounded, or it is off by at most
            `tail_units` in its last decimal (the 0.01万元 unit-conversion tail
            that the forms themselves warn about: 本套报表金额单位转换时可能
            存在尾数误差) — severity info;
  mismatch  anything else; severity error when the gap is large (over
            `error_units` in the last decimal and `error_relative` of the
            value), warning otherwise.
Every verdict carries the tolerance text it used, for the report.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

DEFAULTS = {
    "tail_units": 2,             # ±0.02 on a 2-decimal figure is a tail
    "error_units": 5,
    "error_relative": Decimal("0.002"),
    "approx_about": Decimal("0.05"),
    "approx_at_least": Decimal("0.10"),
}

_AT_LEAST = {"余", "多", "以上", "超过", "超", "逾"}
_AT_MOST = {"近", "将近", "接近", "不到", "不足"}


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def holds(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str       # ok | rounding | mismatch
    severity: str      # "" | info | warning | error
    gap: Decimal
    tolerance: str


def unit(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def stated_interval(value: Decimal, decimals: int, approx: str = "") -> Interval:
    half = unit(decimals) / 2
    if approx in _AT_LEAST:
        return Interval(value, value * (1 + DEFAULTS["approx_at_least"]) + unit(decimals))
    if approx in _AT_MOST:
        return Interval(value * (1 - DEFAULTS["approx_at_least"]), value + half)
    if approx:
        spread = abs(value) * DEFAULTS["approx_about"]
        return Interval(value - spread - half, value + spread + half)
    return Interval(value - half, value + half)


def cell_interval(value: Decimal, decimals: int, clipped: bool = False) -> Interval:
    if clipped:   # digits cut off by the extraction: the true value starts with these
        return Interval(value, value + unit(decimals))
    half = unit(decimals) / 2
    return Interval(value - half, value + half)


def ratio(numerator: Decimal, num_decimals: int, denominator: Decimal, den_decimals: int,
          scale: Decimal = Decimal(100)) -> tuple[Decimal, Interval] | None:
    """numerator/denominator × scale, and the interval the inputs' rounding allows."""
    if denominator == 0:
        return None
    point = numerator / denominator * scale
    hn, hd = unit(num_decimals) / 2, unit(den_decimals) / 2
    lo_den, hi_den = denominator - hd, denominator + hd
    candidates = []
    for n in (numerator - hn, numerator + hn):
        for d in (lo_den, hi_den):
            if d != 0 and (d > 0) == (denominator > 0):
                candidates.append(n / d * scale)
    if not candidates:
        return point, Interval(point, point)
    return point, Interval(min(candidates), max(candidates))


def judge(stated: Decimal, decimals: int, approx: str, evidence: Decimal,
          evidence_interval: Interval | None = None, clipped: bool = False) -> Verdict:
    """Compare a stated figure with evidence; see the module docstring."""
    step = unit(decimals)
    interval = stated_interval(stated, decimals, approx)
    tol = f"±{step / 2} (printed with {decimals} decimals{', ' + approx if approx else ''})"
    gap = abs(stated - evidence)
    if interval.holds(evidence):
        return Verdict("ok", "", gap, tol)
    if clipped and cell_interval(evidence, decimals_of(evidence), True).meets(interval):
        return Verdict("rounding", "info", gap, tol + "; cell clipped by the extraction")
    if evidence_interval is not None and evidence_interval.meets(interval):
        return Verdict("rounding", "info", gap, tol + "; within the rounding of the inputs")
    if not approx:
        truncated = evidence.quantize(step, rounding=ROUND_DOWN)
        if truncated == stated:
            return Verdict("rounding", "info", gap, tol + "; truncated instead of rounded")
        rounded = evidence.quantize(step, rounding=ROUND_HALF_UP)
        if abs(rounded - stated) <= step * DEFAULTS["tail_units"]:
            return Verdict("rounding", "info", gap,
                           tol + f"; within a {DEFAULTS['tail_units']}-unit tail of the last decimal")
    big = gap > step * DEFAULTS["error_units"] and (evidence == 0 or gap / abs(evidence) > DEFAULTS["error_relative"])
    return Verdict("mismatch", "error" if big else "warning", gap, tol)


def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def show(value: Decimal, decimals: int = 2) -> str:
    return format(value.quantize(unit(decimals), rounding=ROUND_HALF_UP), "f")
