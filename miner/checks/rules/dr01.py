"""DR01 share recomputed.

What it checks: a share ("占本年支出合计的57.6%", "占85.3%") against the part
divided by the whole, the whole taken from the words after 占 or, when none,
from the figure that leads the section; table cells are used where the
figures are linked, the stated figures otherwise.

Why it matters: shares are where a wrong denominator hides, e.g. a figure
that is all of a category said to be a fraction of it.

Bad (wuchang-cyzx-2024-final, 十三(一)): project funds of 367.67万元 "占一般公共
预算项目支出总额的42.35%" while 表5 项目支出 is 367.67 (100%); 42.35% is
367.67/868.11, a share of all spending.
Good: "基本支出 500.44 万元，占本年支出 57.6%" = 500.44/868.11 = 57.65%.
"""
from __future__ import annotations

from ...messages import say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..operands import share
from ..recompute import percent

CODE = "DR01"
NAME = "share-recomputed"
FAMILY = "derived"
SEVERITY = "error"
SUMMARY = "A share differs from part ÷ whole."
SCOPE = "claim"
KINDS = ("share",)


def check(claim: Claim, ctx: Context) -> list[Check]:
    found = share(claim, ctx)
    if found is None:
        return []
    part_claim, part, whole_claim, link = found
    # the cell the words after 占 name, else the whole stated earlier in the passage
    whole = ctx.evidence(link, part_claim) if link is not None and link.linked else None
    if whole is None and whole_claim is not None:
        whole = ctx.figure(whole_claim)
    if whole is None:
        return []
    recomputed = percent(ctx.tolerance, claim, part, whole)
    if recomputed is None:
        return []
    note = say("dr01.whole", words=claim.denominator_words) if claim.denominator_words and not recomputed.agrees else ""
    covers = tuple(c.id for c in (part_claim, whole_claim) if c is not None)
    return [recomputed.check(CODE, claim, f"{part.source}; {whole.source}", note, covers)]
