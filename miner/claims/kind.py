"""The kind of a figure (amount, change, share, rate, indicator, count, date, threshold …) and
the direction of a change, from its unit and the words before and after it."""
from __future__ import annotations

from ..numbers import Mention
from .words import Words, grammar, rfind_any


def kind_of(mention: Mention, before: str, after: str, w: Words) -> tuple[str, str]:
    """(kind, direction) of a mention from its unit and the words before it."""
    unit = mention.unit
    if unit.startswith(grammar().date_unit_start):
        return "date", ""
    alt = w.alternative.search(before[-12:])
    direction = ""
    tail = before[-8:]
    # a change word of the clause group before (…运行维护费比上年下降；公务接待费17.69万元) is not this figure's
    tail = tail[max(tail.rfind(mark) for mark in w.clause_group_ends) + 1:]
    if alt:
        direction = "?"
    elif w.change_word.search(tail):
        inc, dec = rfind_any(tail, w.increase), rfind_any(tail, w.decrease)
        at, word = max(inc, dec)
        direction = "+" if inc[0] > dec[0] else "-"
        if tail[at + len(word):].lstrip().startswith(w.level_after_change):
            direction = ""      # 提高至46%: the level reached, not the change
        elif before.rstrip().endswith(w.minus_signs):
            # 增长-3.2%: a growth below zero is a decrease of 3.2%
            direction = "-" if direction == "+" else "+"
    if unit in w.points:
        # 比上年提高3.2个百分点: a change of a share, not a count of 3.2 个
        return "points", direction
    if unit in w.money:
        if any(before.rstrip().endswith(word) or before[-6:].find(word) >= 0 for word in w.threshold_before) \
                and any(after.lstrip().startswith(word) for word in w.threshold_after):
            return "threshold", ""
        if not direction and (before.rstrip() + mention.text[:mention.number_start - mention.start]).endswith(
                w.bound_before):
            return "threshold", ""
        return ("change_amount", direction) if direction else ("amount", "")
    if unit == "%":
        if after.lstrip().startswith(w.target_after) and not direction:
            return "indicator", ""      # 基层就诊率达到68%以上: a target
        rate_at, rate_word = rfind_any(before, w.rate)
        indicator_at, indicator_word = rfind_any(before, w.indicator)
        if indicator_at >= 0 and indicator_at + len(indicator_word) > max(rate_at + len(rate_word), 0):
            # 执行率(B/A) … 平台正常运行率 100%: the nearer word names the figure
            share_at = rfind_any(before, w.share)[0]
            if not direction and share_at < indicator_at:
                return "indicator", ""
        # 完成预算的98.1%，比上年增长0.9%: a change word after the rate's words names a change rate
        changed_after_rate = direction in ("+", "-") and rate_at >= 0 and \
            w.change_word.search(before, rate_at + len(rate_word)) is not None
        if rate_at >= 0 and not changed_after_rate and \
                (indicator_at < 0 or rate_at + len(rate_word) >= indicator_at + len(indicator_word)):
            return "rate", ""
        if direction:
            return "change_rate", direction
        if rfind_any(before, w.share)[0] >= 0:
            return "share", ""
        return "indicator", ""
    if unit:
        return "count", ""
    if mention.multiplier:
        return "count", ""
    return "number", ""
