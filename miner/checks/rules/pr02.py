"""PR02 rate on a zero base.

What it checks: percentages that cannot be computed: "完成年初预算的X%" when the
sentence's 年初预算 is 0; a growth rate when the previous-year figure (the
current figure minus the change) is 0; and "完成预算100%" (or less) in a
sentence that also says the actual exceeded the budget (超出预算, 大于年初预算).

Why it matters: a rate on a zero base is not a number; printing one (often
"0%" or "100%") hides that the item was not budgeted or is new.

Bad: "年初预算为0万元，支出决算为0.32万元，完成年初预算的100%"; "完成年初预算的
100%，支出决算数大于年初预算数".
Good (wuchang-cyzx-2024-final, 五(三)3(3)): "年初预算为0万元,支出决算为0.32万元,
支出决算数大于年初预算数的主要原因…" — no rate is printed.
"""
from __future__ import annotations

from ...messages import Message, say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..operands import against_budget, completion, current as current_figure
from ..text import words

CODE = "PR02"
NAME = "rate-on-zero-base"
FAMILY = "prose"
SEVERITY = "warning"
SUMMARY = "A completion or growth rate stated on a zero base, or 完成预算100% beside an overspend."
SCOPE = "claim"
KINDS = ("rate", "change_rate")


def _zero(claim: Claim, base_text: str, figure_text: str, nonzero: bool, base: Message) -> list[Check]:
    """``base_text`` for the evidence, ``base`` (the same) for the message."""
    if nonzero:
        return [Check(CODE, claim.id, "mismatch", SEVERITY, "no rate (zero base)", f"{base_text}; {figure_text}",
                      say("pr02.undefined", claim=claim.text, base=base),
                      "division by zero")]
    return [Check(CODE, claim.id, "rounding", "info", "no rate (zero base)", f"{base_text}; {figure_text}",
                  say("pr02.zero_zero", claim=claim.text), "division by zero")]


def _fits(claim: Claim, evidence: str, message: Message) -> Check:
    """A rate on a base that is not zero: recorded, and no verdict on the figure itself (``settles``)."""
    return Check(CODE, claim.id, "ok", "", "", evidence, message, "division by zero", settles=False)


def _exceed_word(sentence: str) -> str | None:
    """The first word of the sentence that says the actual exceeded the budget, unless denied (不超预算)."""
    negations = tuple(words("exceed_negations"))
    for word in words("exceed_words"):
        at = sentence.find(word)
        while at >= 0:
            if not sentence[:at].endswith(negations):
                return word
            at = sentence.find(word, at + 1)
    return None


def check(claim: Claim, ctx: Context) -> list[Check]:
    if claim.kind == "rate":
        _actual_claim, spent, _budget_claim, planned = completion(claim, ctx)
        if planned is None or planned.value != 0 or spent is None:
            exceed = _exceed_word(claim.sentence)
            if exceed and claim.value <= 100:
                return [Check(CODE, claim.id, "mismatch", "error", "over 100%", claim.sentence,
                              say("pr02.exceed", word=exceed, claim=claim.text),
                              "an overspend is a rate above 100%")]
            if planned is not None:
                return [_fits(claim, f"年初预算 {planned.value} [{planned.source}]",
                              say("pr02.budget_not_zero", claim=claim.text))]
            return []
        return _zero(claim, f"年初预算 {planned.value} [{planned.source}]", f"决算 {spent.value} [{spent.source}]",
                     spent.value != 0, say("pr02.budget_base", value=planned.value, source=planned.named))
    change = ctx.claim(claim.numerator)
    if change is None or (change.direction not in ("+", "-") and change.value != 0):
        return []
    if "budget" in (claim.base_period, change.base_period):
        _actual, budget = against_budget(change, ctx)
        if budget is None:
            return []
        if budget.value != 0:
            return [_fits(claim, f"年初预算 {budget.value} [{budget.source}]",
                          say("pr02.budget_not_zero", claim=claim.text))]
        return _zero(claim, f"年初预算 {budget.value} [{budget.source}]", f"change {change.text}", change.value != 0,
                     say("pr02.budget_base", value=budget.value, source=budget.named))
    current = current_figure(claim, ctx) or current_figure(change, ctx)
    if current is None:
        return []
    prior = current.value - (-1 if change.direction == "-" else 1) * change.value
    if prior != 0:
        return [_fits(claim, f"previous year = {current.value} - change {change.text} = {prior}",
                      say("pr02.prior_not_zero", claim=claim.text))]
    # The change itself stays unchecked: a previous year of 0 is what it implies, not evidence for it.
    return _zero(claim, f"previous year = {current.value} - change {change.text} = 0", current.source,
                 change.value != 0, say("pr02.prior_base", current=current.value, change=change.text))
