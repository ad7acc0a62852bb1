"""DR06 the changes a reason or a breakdown gives add up to the change they explain.

What it checks: a change followed by its reason, when the reason is itself
a list of changes ("与上年相比增加4322.77万元。主要原因是基本支出增加1447.63万元、
项目支出安排减少200万元、单位预留机动经费增加3075.14万元", or "减少1,106.89万元，
其中：财政拨款收入减少6,331.03万元，事业收入增加2,110.3万元…"): the signed parts
(增加 +, 减少 −) against the change they explain. "主要原因" may name only
the main items, so a sum that falls short is no finding; when the sentence
says the list is complete ("增减相抵后增加…") and gives no other figure (a
part stated as a rate, 压减10%, has no amount to add), a sum that does not
fit is; so is one whose changes name, one each, the members of a breakdown complete by
definition (checks.breakdowns: 基本支出 and 项目支出 of the 支出 whose change they explain).

Why it matters: the explanation is where a reader learns what moved the
budget; parts that do not make the whole mean a figure was copied wrong.

Bad: "增加1000万元。主要原因是基本支出增加600万元、项目支出减少100万元，增减相抵后增加1000万元"
(600 − 100 = 500).
Good (jiangsu-fy-2018-budget, p.17): 4322.77 = 1447.63 − 200 + 3075.14.
"""
from __future__ import annotations

from decimal import Decimal

from ...messages import say
from ...claims.model import Claim
from ...lexicon import load
from ..context import Context
from ..model import Check
from ..breakdowns import completeness, list_spread
from ..tolerance import Interval

CODE = "DR06"
NAME = "change-explained"
FAMILY = "derived"
SEVERITY = "warning"
SUMMARY = "The changes a reason or a 其中 breakdown lists do not add up to the change they explain."
SCOPE = "claim"
KINDS = ("change_amount",)


def _signed(claim: Claim) -> Decimal:
    return claim.value if claim.direction == "+" else -claim.value


def check(claim: Claim, ctx: Context) -> list[Check]:
    parts = [c for c in ctx.parts(claim) if c.kind == "change_amount" and c.unit == claim.unit]
    if not parts or claim.direction not in ("+", "-"):
        return []
    total = sum((_signed(p) for p in parts), Decimal(0))
    half = list_spread(parts, claim)
    formula = " ".join(("+ " if _signed(p) >= 0 else "- ") + str(p.value) for p in parts).lstrip("+ ") + f" = {total}"
    verdict = ctx.tolerance.judge(_signed(claim), claim.decimals, claim.approx, total, Interval(total - half, total + half))
    if verdict.verdict != "mismatch":
        return [Check(CODE, claim.id, verdict.verdict, verdict.severity, str(total), formula,
                      say("common.equals", claim=claim.text, formula=formula), verdict.tolerance,
                      tuple(p.id for p in parts),
                      margin=verdict)]
    net = load("claims")["net_words"]
    breakdown = completeness(parts, (), ctx.tables)
    complete = breakdown is not None or any(word in p.sentence for p in parts for word in net)
    # a reason that also gives a figure that is not a listed change (运转类经费压减10%,
    # 增加209万) has a part this sum does not hold
    reasons = load("claims")["reason_words"]
    first: dict[int, int] = {}    # sentence -> where its reason starts
    for p in parts:
        start = max((p.sentence.rfind(word, 0, p.start) for word in reasons), default=-1)
        first[p.sentence_id] = min(first.get(p.sentence_id, start), start)
    others = [c for c in ctx.claims.values() if c.sentence_id in first and c.start > first[c.sentence_id]
              and c.kind != "date" and c.parts_of != claim.id
              and not any(word in c.sentence[:c.start] for word in net)]
    if not complete or others:
        return []   # 主要原因 may leave smaller items out
    return [Check(CODE, claim.id, "mismatch", SEVERITY, str(total), formula,
                  say("dr06.net", total=total, claim=claim.text, formula=formula),
                  verdict.tolerance, margin=verdict)]
