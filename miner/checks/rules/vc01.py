"""VC01 stated value vs linked cell.

What it checks: an amount in the narrative against the table cell its
labels point to (subject -> row, measure and section -> table and column).

Why it matters: the narrative restates the tables; a figure that differs is
a copying error the reader cannot see without the tables side by side.

Bad (wuchang-cyzx-2024-final, 五(三)(1)): 事业运行（项）"支出决算为367.67万元"
while 表5 2010350 事业运行 shows 372.78 (and the same sentence's 102.46% is
372.78/363.82, so the rate was computed from the table value).
Good: "基本支出 500.44 万元" with 表5 合计 / 基本支出 = 500.44.
"""
from __future__ import annotations

from ...messages import Message, say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..tolerance import Interval, cap, ratio, show

CODE = "VC01"
NAME = "value-vs-cell"
FAMILY = "value"
SEVERITY = "error"
SUMMARY = "An amount in the prose differs from the table cell it names."
SCOPE = "claim"
KINDS = ("amount",)


def _rate_explanation(claim: Claim, ctx: Context, table_value) -> Message | str:
    """If a completion rate in the sentence was computed from the table value, say so."""
    for other in ctx.claims.values():
        if other.sentence_id != claim.sentence_id or other.kind != "rate" or other.numerator != claim.id:
            continue
        budget = ctx.claim(other.denominator)
        if budget is None or budget.value == 0:
            continue
        with_table = ratio(table_value.value, table_value.decimals, budget.value, budget.decimals)
        with_prose = ratio(claim.value, claim.decimals, budget.value, budget.decimals)
        if with_table and ctx.tolerance.judge(other.value, other.decimals, "", with_table[0], with_table[1]).verdict != "mismatch":
            return say("vc01.rate_from_table", rate=other.text, table=table_value.value, budget=budget.value,
                       with_table=show(with_table[0]), stated=claim.value,
                       with_prose=show(with_prose[0]) if with_prose else "—")
    return ""


def check(claim: Claim, ctx: Context) -> list[Check]:
    figure = ctx.table_figure(claim)
    if figure is None:
        return []
    spread = Interval(figure.value - figure.spread, figure.value + figure.spread) if figure.spread else None
    verdict = ctx.tolerance.judge(claim.value, claim.decimals, claim.approx, figure.value, spread, clipped=figure.clipped)
    link = ctx.links[claim.id]
    others = [c.ref() + f" = {c.raw or 'blank'}" for c in link.cells[1:]]
    evidence = figure.source + (f" (also {'; '.join(others)})" if others else "")
    if verdict.verdict == "ok":
        message = say("vc01.agrees", claim=claim.text, source=figure.named)
    elif verdict.verdict == "rounding":
        message = say("vc01.rounding", claim=claim.text, value=figure.value, source=figure.named,
                      tolerance=verdict.tolerance)
    else:
        message = say("vc01.mismatch", stated=claim.value, unit=claim.unit, subject=claim.subject or claim.measure,
                      measure=claim.measure, source=figure.named, value=figure.value,
                      rate=_rate_explanation(claim, ctx, figure),
                      doubt=say("common.at_most_warning", why=figure.doubtful) if figure.doubtful else "")
    return [Check(CODE, claim.id, verdict.verdict, cap(verdict.severity, bool(figure.doubtful)), str(figure.value),
                  evidence, message, verdict.tolerance, margin=verdict)]
