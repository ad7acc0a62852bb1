"""DR05 parts sum to their total.

What it checks: amounts listed after 其中 (or 主要用于) against the total they
break down: the parts may not exceed the total, and a breakdown that is complete
must add up to it. A list is complete when its parts name, one each, every
member of a breakdown complete by definition (lexicons/claims.yaml
complete_breakdowns: 货物/工程/服务, 人员经费/公用经费, the three “三公”), every
part column its table prints, or when each part states its share of the whole and
the shares make 100%, or the words call it whole (包括, not 主要包括)
(checks.breakdowns); a shortfall of a list only usually complete is a warning.
The figures of one list are written to one precision: 539万元 beside 962.86万元
is 539.00, and a printed 0 is nothing.

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
from ..breakdowns import completeness, list_spread
from ..tolerance import Interval, cap, unit

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
    half = list_spread(parts, claim)
    formula = " + ".join(str(p.value) for p in parts) + f" = {total}"
    short = total < claim.value - half - unit(claim.decimals)
    complete = completeness(parts, ctx.claims.values(), ctx.tables, whole=claim) if short else None
    if short and complete is None:
        # A 其中 list may name only some parts: a shortfall is no finding.
        return []
    if claim.value > 0 and total >= Decimal("1.9") * claim.value and len(parts) > 2:
        # 收支总预算 X，其中 收入… ；支出…: both sides of the whole are listed, and
        # each side adds up to it; the list is not one breakdown.
        return []
    verdict = ctx.tolerance.judge(claim.value, claim.decimals, "", total, Interval(total - half, total + half))
    if short and not complete.certain:
        verdict = verdict.capped()
    nested = _nested(claim, ctx)
    doubt = say("common.at_most_warning", why=nested) if nested and verdict.verdict == "mismatch" else ""
    message = (say("dr05.parts", total=total, stated=claim.value, formula=formula, doubt=doubt)
               if verdict.verdict == "mismatch" else say("common.equals", claim=claim.text, formula=formula))
    covers = () if verdict.verdict == "mismatch" else tuple(p.id for p in parts)
    return [Check(CODE, claim.id, verdict.verdict, cap(verdict.severity, bool(nested)), str(total), formula,
                  message, verdict.tolerance, covers, margin=verdict)]


def _nested(claim: Claim, ctx: Context):
    """Why the whole may be misread: it is itself a part listed in the same sentence, its list a
    breakdown of a breakdown, which the words do not always tell from a list repeated by the page
    (深圳市生态环境局 p.71 prints "…其中：…144万元、…18万元报废更新，其中：…144万元、…18万元")."""
    outer = ctx.claim(claim.parts_of)
    if outer is None or outer.sentence_id != claim.sentence_id:
        return None
    return say("dr05.nested", claim=claim.text, whole=outer.text)

