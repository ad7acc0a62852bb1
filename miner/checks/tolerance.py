"""The tolerance policy: the one place that decides ok / rounding / mismatch and its severity.

A figure printed with d decimals stands for an interval of width 10^-d
(statcheck's approach): 102.46 is anything in [102.455, 102.465). A figure
marked approximate is wider (余/多: at least the figure; 约: ±5%; 近: up to
it: lexicons/numbers.yaml approx_meaning). Evidence computed from printed
figures is an interval too, from the rounding of its inputs (``ratio``,
``rounding_spread``).

What rounding allows (``Verdict.allowed``): between a stated figure and its
evidence, one unit of the stated figure's last decimal (it may be the truth
rounded or cut to its decimals; an approximate figure, half its interval) plus
the half-width of the evidence's interval; between two sums of printed figures,
the half-widths of both sums' intervals. ``Verdict.excess`` is the gap in units
of it, and every finding carries both (findings.csv: tolerance, excess).

Verdicts:
  ok        the stated interval holds the evidence value computed from the
            printed figures;
  rounding  the gap is explained by rounding alone: the evidence interval
            (its inputs' rounding) meets the stated one, the stated figure is
            the evidence truncated instead of rounded, a cell cut short by the
            extraction explains it, or it is off by at most `tail_units` in the
            last decimal of the finer of the two printed figures (the 0.01万元
            unit-conversion tail the forms themselves warn about: 本套报表金额
            单位转换时可能存在尾数误差). The tail is a unit of the printed tables,
            not of the prose: a figure stated with fewer decimals than its
            evidence gets none (5万元 against a cell of 6.20 is not a tail), and
            a computed share or rate gets none (its interval already holds the
            rounding of its inputs; 4.3% against 4.53% is not a tail); or the
            stated figure is a share or rate its writer rounded up (away from
            zero) instead of to the nearest, as the truncated one is cut: 10.61%
            for 10.604% (but not 11% for 10.00%, nor 63.75% for 63.740%; and a
            figure copied from a table is not rounded up: 18.2万元 is no rounding
            of a cell of 18.12);
  mismatch  anything else.

Severity (``Tolerance.severity``, and ``cap`` for the certainty of the reading):
  error    the gap is more than `error_units` (5) times what rounding allows,
           between figures whose reading is certain: no rounding, truncation or
           conversion tail can produce the stated figure from the printed ones.
           The measure is the printed precision, not the size of the figure:
           "一般公共服务支出2106.66万元，占71.73%" where 2106.66 / 2940.05 = 71.654%
           is off by 7 times what rounding allows and is an error, although the
           gap is 0.1% of the share (a gate on the relative gap, which miner had,
           turned such demonstrable errors into warnings);
  warning  a mismatch within `error_units` times what rounding allows (a figure
           rounded twice, restated from a table in another unit, or printed with
           fewer decimals than it was computed from), or one whose reading is not
           certain: an approximate figure (约, 余: its words do not say how far it
           may be), a cell whose column the extraction only guessed, a table it
           visibly mis-read (``tables.quality``), a side that prints no figure;
  info     rounding tails (the `rounding` verdicts) and style.
The reasons a reading is uncertain are the rules' (``Figure.doubtful``); they
apply them with ``cap``, which turns an error into a warning and nothing else.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from functools import lru_cache

from ..lexicon import load
from ..records import record

_MEANING = load("numbers")["approx_meaning"]
_AT_LEAST, _AT_MOST = frozenset(_MEANING["at_least"]), frozenset(_MEANING["at_most"])


@record
class Interval:
    lo: Decimal
    hi: Decimal

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def holds(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi


@record
class Verdict:
    verdict: str       # ok | rounding | mismatch
    severity: str      # "" | info | warning | error
    gap: Decimal
    tolerance: str
    # what rounding and truncation of the printed figures allow between them (0: nothing, an exact comparison)
    allowed: Decimal = Decimal(0)
    # the intervals the printed figures stand for meet: a rounding verdict that is an agreement
    consistent: bool = False

    def capped(self) -> "Verdict":
        """The same verdict for a reading that is not certain: an error becomes a warning."""
        return replace(self, severity=cap(self.severity, True))

    @property
    def excess(self) -> str:
        """The gap in units of what rounding allows (1.0: at the edge), for findings.csv; "" when
        nothing is allowed."""
        if not self.allowed:
            return ""
        return format((self.gap / self.allowed).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), "f")


@lru_cache(maxsize=None)   # a handful of decimals, asked for every figure compared
def unit(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def rounding_spread(decimals) -> Decimal:
    """How far a sum or difference of printed figures may be from the true one: half a unit
    of the last printed decimal of each figure (``decimals``: one entry per figure)."""
    return sum((unit(d) / 2 for d in decimals), Decimal(0))


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


@lru_cache(maxsize=None)   # a handful of decimals and approximation words, asked for every figure compared
def _stated_tolerance(decimals: int, approx: str) -> str:
    return f"±{unit(decimals) / 2} (printed with {decimals} decimals{', ' + approx if approx else ''})"


def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def show(value: Decimal, decimals: int = 2) -> str:
    return format(value.quantize(unit(decimals), rounding=ROUND_HALF_UP), "f")


def cap(severity: str, uncertain: bool) -> str:
    """An uncertain reading (a `guess` placement) is at most a warning."""
    return "warning" if uncertain and severity == "error" else severity


@record
class Amount:
    """A printed figure: its value, printed decimals, and whether the extraction cut it short."""

    value: Decimal
    decimals: int
    clipped: bool = False


def _sum_interval(amounts) -> Interval:
    lo = hi = Decimal(0)
    for amount in amounts:
        part = cell_interval(amount.value, amount.decimals, amount.clipped)
        lo, hi = lo + part.lo, hi + part.hi
    return Interval(lo, hi)


@lru_cache(maxsize=None)   # a handful of decimals, asked for every sum compared (most of them agree)
def _totals_tolerance(decimals: int, tail_units: int) -> str:
    step = unit(decimals)
    return f"each figure ±{step / 2} (printed with {decimals} decimals); a tail of {step * tail_units} is rounding"


@record
class Tolerance:
    """The [tolerance] settings of a scan (miner/default-config.toml explains each), and the
    comparisons they govern. A value: every scan carries its own (``Policy.tolerance``)."""

    tail_units: int
    error_units: int
    approx_about: Decimal
    approx_at_least: Decimal

    @classmethod
    def of(cls, values: dict) -> "Tolerance":
        """From the [tolerance] table of a configuration (numbers or decimal strings)."""
        return cls(int(values["tail_units"]), int(values["error_units"]),
                   Decimal(str(values["approx_about"])), Decimal(str(values["approx_at_least"])))

    def settings(self) -> tuple[tuple[str, str], ...]:
        """The settings as (name, text), sorted by name: what a stored result was computed under."""
        return tuple(sorted((name, str(getattr(self, name))) for name in self.__dataclass_fields__))

    def severity(self, gap: Decimal, allowed: Decimal) -> str:
        """The severity of a mismatch: an error when the gap is more than `error_units` times what
        rounding and truncation of the printed figures allow, a warning within it. The policy and
        its reasons are the module docstring's; `cap` lowers it for a reading that is not certain."""
        return "error" if gap > allowed * self.error_units else "warning"

    def stated_interval(self, value: Decimal, decimals: int, approx: str = "") -> Interval:
        half = unit(decimals) / 2
        if approx in _AT_LEAST:
            return Interval(value, value * (1 + self.approx_at_least) + unit(decimals))
        if approx in _AT_MOST:
            return Interval(value * (1 - self.approx_at_least), value + half)
        if approx:
            spread = abs(value) * self.approx_about
            return Interval(value - spread - half, value + spread + half)
        return Interval(value - half, value + half)

    def judge(self, stated: Decimal, decimals: int, approx: str, evidence: Decimal,
              evidence_interval: Interval | None = None, clipped: bool = False, computed: bool = False) -> Verdict:
        """Compare a stated figure with evidence; see the module docstring. ``computed``: the evidence
        is a share or rate computed from printed figures, which its writer may have rounded up."""
        step = unit(decimals)
        interval = self.stated_interval(stated, decimals, approx)
        tol = _stated_tolerance(decimals, approx)
        gap = abs(stated - evidence)
        # the stated figure may be the truth rounded or cut to its decimals (one unit of them; an
        # approximate one its whole interval), the evidence anywhere its inputs' rounding allows
        allowed = (step if not approx else (interval.hi - interval.lo) / 2) + \
            ((evidence_interval.hi - evidence_interval.lo) / 2 if evidence_interval is not None else 0)
        if interval.holds(evidence):
            return Verdict("ok", "", gap, tol, allowed)
        if clipped and cell_interval(evidence, decimals_of(evidence), True).meets(interval):
            return Verdict("rounding", "info", gap, tol + "; cell clipped by the extraction", allowed)
        if evidence_interval is not None and evidence_interval.meets(interval):
            return Verdict("rounding", "info", gap, tol + "; within the rounding of the inputs", allowed, True)
        if not approx:
            truncated = evidence.quantize(step, rounding=ROUND_DOWN)
            if truncated == stated:
                return Verdict("rounding", "info", gap, tol + "; truncated instead of rounded", allowed)
            if computed and evidence.quantize(step, rounding=ROUND_UP) == stated:
                # 182.92 / 28849.38 = 0.634% printed 0.64%: rounded up, as others cut
                return Verdict("rounding", "info", gap, tol + "; rounded up instead of to the nearest", allowed)
            rounded = evidence.quantize(step, rounding=ROUND_HALF_UP)
            if abs(rounded - stated) <= unit(max(decimals, decimals_of(evidence))) * self.tail_units:
                return Verdict("rounding", "info", gap,
                               tol + f"; within a {self.tail_units}-unit tail of the last decimal", allowed)
        # an approximate figure's words do not say how far it may be: at most a warning
        return Verdict("mismatch", cap(self.severity(gap, allowed), bool(approx)), gap, tol, allowed)

    def compare_totals(self, left, right, op: str = "=") -> Verdict:
        """Σleft against Σright (op `=`), or Σleft not above Σright (op `<=`), for printed figures.

        Each figure stands for the interval its printed decimals allow, so a sum
        of rounded parts may miss its rounded total by a few units: intervals that
        meet, or a gap within `tail_units` of the last decimal, are `rounding`.
        """
        left, right = list(left), list(right)
        amounts = left + right
        decimals = max([a.decimals for a in amounts], default=0)
        lsum = sum([a.value for a in left], Decimal(0))
        rsum = sum([a.value for a in right], Decimal(0))
        tol = _totals_tolerance(decimals, self.tail_units)
        gap = max(lsum - rsum, Decimal(0)) if op == "<=" else abs(lsum - rsum)
        if gap == 0:
            return Verdict("ok", "", gap, tol)
        step = unit(decimals)
        tail = step * self.tail_units
        # most sums agree exactly: the intervals the printed decimals allow are built only for a gap
        li, ri = _sum_interval(left), _sum_interval(right)
        allowed = (li.hi - li.lo + ri.hi - ri.lo) / 2
        meets = li.lo <= ri.hi if op == "<=" else li.meets(ri)
        if meets and any(a.clipped for a in amounts):
            return Verdict("ok", "", gap, tol + "; a figure cut short by the extraction explains the gap", allowed)
        if meets or gap <= tail:
            return Verdict("rounding", "info", gap, tol, allowed, meets)
        return Verdict("mismatch", self.severity(gap, allowed), gap, tol, allowed)
