"""The figures a rate or a change is computed from, as rules use them.

A figure the sentence states is read from its claim (its linked cell where
it has one); a figure the sentence only implies ("完成年初预算的 0%" with no
年初预算 in the sentence) is read from the cell the linking stage found for
it by labels (``Link.operands``). Shared by the rate and change rules so they
agree on where a figure comes from.
"""
from __future__ import annotations

from ..claims.model import Claim
from ..lexicon import load
from ..linking.model import Link
from .context import Context, Figure, stated_figure


def completion(claim: Claim, ctx: Context) -> tuple[Claim | None, Figure | None, Claim | None, Figure | None]:
    """(actual claim, actual, budget claim, budget) of a completion rate."""
    actual_claim, budget_claim = ctx.claim(claim.numerator), ctx.claim(claim.denominator)
    stated = actual_claim or budget_claim
    actual = ctx.figure(actual_claim) if actual_claim else ctx.operand(claim, "actual", stated)
    budget = ctx.figure(budget_claim) if budget_claim else ctx.operand(claim, "budget", stated)
    return actual_claim, actual, budget_claim, budget


def against_budget(change: Claim, ctx: Context) -> tuple[Figure | None, Figure | None]:
    """(actual, budget) of a change stated against the budget (比年初预算增加…)."""
    actual_claim, budget_claim = ctx.claim(change.base), ctx.claim(change.denominator)
    actual = ctx.figure(actual_claim) if actual_claim else ctx.operand(change, "actual")
    budget = ctx.figure(budget_claim) if budget_claim else ctx.operand(change, "budget")
    return actual, budget


def current(change: Claim, ctx: Context) -> Figure | None:
    """The current-period figure a change on the previous year speaks about."""
    base = ctx.claim(change.base)
    if base is not None and not _item_of_a_list(base, change, ctx):
        return ctx.figure(base)
    return ctx.operand(change, "current")


def _item_of_a_list(base: Claim, change: Claim, ctx: Context) -> bool:
    """Whether a change's current figure, taken from a sentence before the change, is an item of a
    list (lexicons/claims.yaml list_openers) opened in its own sentence or in the sentence before it
    under the same heading: the change may be the list's whole's (长春 "其中基本支出1208.20万元；项目
    支出474.56万元。2026年预算比2025年预算增加50.32万元，增长3.08%" is 1682.76's change)."""
    if base.sentence_id == change.sentence_id:
        return _last_of_an_item_list(base, change, ctx)
    if base.parts_of:
        return True
    texts = ctx.remember(("sentence texts",), lambda: {s.id: (s.section, s.text) for p in ctx.paragraphs
                                                          for s in p.sentences})
    openers = tuple(load("claims")["list_openers"])
    section, text = texts.get(base.sentence_id, (base.section, base.sentence))
    if any(word in text[:base.start] for word in openers):
        return True
    before = texts.get(base.sentence_id - 1)
    return before is not None and before[0] == section and any(word in before[1] for word in openers)


def _last_of_an_item_list(base: Claim, change: Claim, ctx: Context) -> bool:
    """In one sentence: a base that is the last of two or more items a 主要包括 list (lexicons/claims.yaml
    item_list_openers) names before the change ("3.综合管理1,177.46万元，主要包括：（1）…110.40万元…；
    …（8）气象产业发展管理90.72万元，用于…较2025年年初预算增加29.23万元，增幅2.2%" (深圳)): the change
    closes the list, and whose it is the words do not say."""
    text = base.sentence
    at = max(text.rfind(word, 0, base.start) for word in load("claims")["item_list_openers"])
    if at < 0:
        return False
    items = [c for c in ctx.claims.values() if c.sentence_id == base.sentence_id and c.kind == "amount"
             and at < c.start < change.start]
    return len(items) >= 2


def prior_stated(change: Claim, ctx: Context) -> Figure | None:
    """The previous year's figure when the sentence states it (比上年的1393.13万元减少…)."""
    base = ctx.claim(change.base)
    return stated_figure(base) if base is not None and change.base_period == "prior" else None


def share(claim: Claim, ctx: Context) -> tuple[Claim, Figure, Claim | None, Link | None] | None:
    """(part claim, part, whole claim, link of the share) of a share, or None without a part.

    The part is the amount stated with the share (its cell where linked); the
    whole is a figure stated earlier in the passage (``whole claim``) or the
    cell the words after 占 name (the share's own link)."""
    part_claim = ctx.claim(claim.numerator)
    if part_claim is None:
        return None
    whole_claim = ctx.claim(claim.denominator)
    if whole_claim is not None and _sibling(whole_claim, claim, ctx):
        whole_claim = None
    return part_claim, ctx.figure(part_claim), whole_claim, ctx.links.get(claim.id)


def _sibling(whole: Claim, claim: Claim, ctx: Context) -> bool:
    """Whether the stated whole of a share is a sibling of its part: a figure stated with a share
    of its own of the same whole ("人员支出X，占59.0%；日常公用支出Y，占12.3%": the list's first item
    opened the passage, but it is one of the parts, not their whole)."""
    shares = ctx.remember(("shares by part", ), lambda: _shares_by_part(ctx))
    return any(other.id != claim.id and other.denominator_words == claim.denominator_words
               for other in shares.get(whole.id, ()))


def _shares_by_part(ctx: Context) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = {}
    for other in ctx.claims.values():
        if other.kind == "share" and other.numerator:
            found.setdefault(other.numerator, []).append(other)
    return found
