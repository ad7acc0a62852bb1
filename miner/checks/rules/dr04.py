"""DR04 change amount against the two figures it compares.

What it checks: a change amount whose two figures are both known, against
their difference: "比年初预算增加(减少) X万元" against 决算 − 年初预算 (each
from the sentence, else from the cell the subject's 年初预算 / 支出决算 is
printed in), and "比上年的A万元减少X万元" against the current figure − A. The
size of the change is compared; where the words give a direction (增加 or
减少), the difference must go that way too.

Why it matters: the change is what the reader takes away; a change copied
from another line or left at a template's 0.00 misstates the gap.

Bad (wuchang-wgzx-2021-final, 七(二)1): 因公出国(境)费 决算 0.00, 年初预算 0.54
(表7), "比年初预算增加(减少) 0.00万元": the difference is 0.54 (a warning
there: the extraction only guessed which 预算数 column 0.54 stands in).
Good: "年初预算为 16.75万元，支出决算为 10.93万元，比年初预算减少 5.82万元".
"""
from __future__ import annotations

from ...messages import say
from ...claims.model import Claim
from ...lexicon import operand_measure
from ..context import Context, Figure
from ..model import Check
from ..operands import against_budget, prior_stated
from ..recompute import difference
from ..tolerance import cap, show

CODE = "DR04"
NAME = "change-amount-recomputed"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "A change amount differs from the difference of the two figures it compares."
SCOPE = "claim"
KINDS = ("change_amount",)


def _figures(claim: Claim, ctx: Context) -> tuple[Figure, Figure, str] | None:
    """(later, earlier, what the earlier is) or None when one of them is unknown."""
    if claim.base_period == "budget":
        actual, budget = against_budget(claim, ctx)
        return (actual, budget, operand_measure("budget")) if actual is not None and budget is not None else None
    prior = prior_stated(claim, ctx)
    current_claim = ctx.claim(claim.numerator)
    if prior is None or current_claim is None:
        return None
    return ctx.figure(current_claim), prior, "previous year"


def check(claim: Claim, ctx: Context) -> list[Check]:
    found = _figures(claim, ctx)
    if found is None:
        return []
    later, earlier, what = found
    change = difference(ctx.tolerance, claim, later.value, later.decimals, earlier.value, earlier.decimals)
    evidence = f"{change.formula} [{later.source}; {what} {earlier.source}]"
    doubt = later.doubtful or earlier.doubtful
    guess_note = say("common.at_most_warning", why=doubt) if doubt else ""
    if change.opposite:
        return [Check(CODE, claim.id, "mismatch", cap(SEVERITY, bool(doubt)), show(change.value), evidence,
                      say("dr04.opposite", direction=change.opposite, claim=claim.text, formula=change.formula,
                          doubt=guess_note),
                      f"sign of the difference beyond ±{change.half}")]
    verdict = change.verdict
    message = (say("common.agrees", claim=claim.text, formula=change.formula, note="")
               if verdict.verdict != "mismatch"
               else say("dr04.change", claim=claim.text, formula=change.formula, doubt=guess_note))
    covers = tuple(i for i in (claim.base, claim.denominator, claim.numerator) if i)
    return [Check(CODE, claim.id, verdict.verdict, cap(verdict.severity, bool(doubt)), show(abs(change.value)),
                  evidence, message, verdict.tolerance, covers if verdict.verdict != "mismatch" else (),
                  margin=verdict)]
