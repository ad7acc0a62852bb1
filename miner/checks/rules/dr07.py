"""DR07 item budgets add up to the total budget.

What it checks: a final account that states the budget and the actual of its
total ("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元")
and then of each item ("行政运行（项）…年初预算为1560.05万元，支出决算为
1511.89万元", …): the item budgets must add up to the total budget. The items
are the pairs of budget and actual stated for one subject in one sentence,
after the total and within its section; the list is taken as complete only when
the items' actuals add up to the total actual, so a list that names only some
items is not checked. Item and total must name the same budget (年初预算 is
not 全年预算: lexicons/consistency.yaml `budget_kinds`).

Why it matters: no table prints the items' budgets of a final account; their
sum against the total is the one check a reader can make, and it catches a
budget copied from the wrong line.

Bad: a total 年初预算 of 2993.92 whose items' 年初预算 add up to 3093.93, while
their actuals add up to the total actual 2940.05.
Good (putuo-czj-2024-final, 五): eleven items' 年初预算 add up to 2993.93 against
the total's 2993.92 (a rounding tail); their actuals add up to 2940.06 against
2940.05.
"""
from __future__ import annotations

from decimal import Decimal

from ...messages import say
from ...claims.model import Claim
from ...lexicon import operand_measure
from ..context import Context
from ..model import Check
from ..tolerance import Amount

CODE = "DR07"
NAME = "item-budgets-sum"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "The budgets stated item by item do not add up to the total budget stated before them."
SCOPE = "claim"
KINDS = ("amount",)

def _actual_beside(claim: Claim, claims: list[Claim]) -> Claim | None:
    return next((c for c in claims if c.sentence_id == claim.sentence_id and c.kind == "amount"
                 and c.measure == operand_measure("actual") and c.subject == claim.subject
                 and c.start > claim.start), None)


def check(claim: Claim, ctx: Context) -> list[Check]:
    if claim.measure != operand_measure("budget") or claim.subject or not claim.budget:
        return []
    claims = list(ctx.claims.values())
    total_actual = _actual_beside(claim, claims)
    if total_actual is None:
        return []
    kind = claim.budget
    # by id: list.index on the claims themselves would compare every field of each claim before it
    after = claims[list(ctx.claims).index(total_actual.id) + 1:]
    items: list[tuple[Claim, Claim]] = []
    depth = len(claim.section)
    for other in after:
        if other.section[:depth] != claim.section:
            break                       # past the total's section (its items are numbered under it)
        if other.kind != "amount" or other.measure != operand_measure("budget"):
            continue
        if not other.subject:
            break                       # the next total
        actual = _actual_beside(other, after)
        if actual is None or other.budget != kind:
            return []                   # an item stated otherwise: the list is not one of pairs
        items.append((other, actual))
    if len(items) < 2:
        return []
    complete = ctx.tolerance.compare_totals([Amount(a.value, a.decimals) for _b, a in items],
                              [Amount(total_actual.value, total_actual.decimals)])
    if complete.verdict == "mismatch":
        return []                       # the items named are not all of the total
    budgets = [b for b, _a in items]
    verdict = ctx.tolerance.compare_totals([Amount(b.value, b.decimals) for b in budgets], [Amount(claim.value, claim.decimals)])
    total = sum((b.value for b in budgets), Decimal(0))
    formula = " + ".join(str(b.value) for b in budgets) + f" = {total}"
    evidence = (f"{formula} [the {kind} of {len(budgets)} items; their actuals add up to "
                f"{sum((a.value for _b, a in items), Decimal(0))} against {total_actual.text}]")
    if verdict.verdict == "mismatch":
        message = say("dr07.items", kind=kind, total=total, claim=claim.text, formula=formula)
    else:
        message = say("common.equals", claim=claim.text, formula=formula)
    covers = () if verdict.verdict == "mismatch" else tuple(b.id for b in budgets)
    return [Check(CODE, claim.id, verdict.verdict, verdict.severity, str(total), evidence, message,
                  verdict.tolerance, covers, margin=verdict)]
