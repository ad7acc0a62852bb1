"""Relations between the claims of a passage: the two figures of a completion rate, the part
and the whole of a share, the base and the current figure of a change, the change a reason
or a breakdown is part of, and the total a 其中 list breaks down. Resolved from the wording,
never from the values."""
from __future__ import annotations

from dataclasses import replace

import regex

from .clauses import aside_closes, in_parentheses
from .model import Claim
from .words import Words, grammar, rfind_any


def share_whole_words(before: str, w: Words) -> str:
    """The words naming the whole of a share: 占本年支出合计的 57.6% -> 本年支出合计."""
    pos, marker = rfind_any(before, w.share)
    if pos < 0:
        return ""
    words_after = before[pos + len(marker):]
    words_after = grammar().share_whole_end.sub("", words_after)
    # 占比3.34%: 占比 is "a share of", naming no whole
    return "" if words_after.strip() == grammar().share_of_no_whole else words_after


def _compared_with_budget(claim: Claim, w: Words) -> bool:
    """比年初预算增加(减少) 0.00万元: the change is 决算 - 年初预算, not a change on the previous year."""
    text = claim.sentence[:claim.start].rstrip()
    ending = w.increase + w.decrease + w.linkers
    changed = True
    while changed:
        changed = False
        found = w.alternative.search(text[-12:])
        if found and text.endswith(found.group(0)):
            text, changed = text[: len(text) - len(found.group(0))].rstrip(), True
        if text.endswith(ending):
            for word in ending:
                if text.endswith(word):
                    text, changed = text[: -len(word)].rstrip(), True
    return bool(w.budget_comparison.search(text))


def _explained_change(claim: Claim, before: list[Claim], earlier: list[Claim], w: Words) -> str:
    """The change a reason's or a breakdown's change is part of: "…增加4322.77万元。主要原因是基本支出
    增加1447.63万元、…", "减少1,106.89万元，其中：财政拨款收入减少6,331.03万元，…"."""
    if claim.kind != "change_amount" or claim.direction not in ("+", "-"):
        return ""
    text = claim.sentence[:claim.start]
    # a reason (主要原因是…) or a breakdown (减少1,106.89万元，其中：财政拨款收入减少…)
    at, word = max(rfind_any(text, w.reasons), rfind_any(text, w.parts))
    if at < 0 or rfind_any(text[at:], w.net)[0] >= 0:
        return ""   # no reason given, or the net change restated after 增减相抵后
    whole = next((c for c in reversed(before) if c.kind == "change_amount" and c.start < at), None)
    if whole is None and not any(c.start < at for c in before):
        # the reason opens its own sentence: the change of the sentence before
        whole = next((c for c in reversed(earlier) if c.kind == "change_amount"
                      and c.sentence_id == claim.sentence_id - 1), None)
    return whole.id if whole is not None and whole.direction in ("+", "-") else ""


def _names_compared_year(base: Claim, change: Claim) -> bool:
    """（2016年度部门支出预算安排为8,648.07万元）in a sentence comparing with 2016年度:
    the figure is the previous year's, not the current one."""
    g = grammar()
    years = g.year_named.findall(base.context)
    return any(regex.search(g.compared_with_year.replace("{year}", y), change.sentence) for y in years)


def _section_key(claim: Claim) -> tuple[str, ...]:
    return claim.section[:3]


def _respective_part(claim: Claim, out: list[Claim], places: dict[str, tuple[int, int, bool]]) -> Claim | None:
    """The amount at the same place of the respectively-list before a share's own list
    (基本支出、项目支出分别为A、B，分别占…的p、q: p is A's share, q is B's)."""
    if claim.id not in places:
        return None
    run, place, _named = places[claim.id]
    runs: dict[int, list[Claim]] = {}
    for c in out:
        if c.id in places and places[c.id][0] != run and c.kind == "amount":
            runs.setdefault(places[c.id][0], []).append(c)
    size = sum(1 for other in places.values() if other[0] == run)
    listed = next((members for _r, members in sorted(runs.items(), reverse=True) if len(members) == size), None)
    return listed[place] if listed else None


def _part_not_whole(lead: str, numerator: Claim | None, share: Claim, out: list[Claim],
                    earlier: list[Claim]) -> bool:
    """Whether a passage's lead figure is no whole for a share: it is the share's part, or a part
    stated with a bare share of its own, as the share's part is."""
    if not lead:
        return False
    if numerator is not None and lead == numerator.id:
        return True
    for other in reversed(out + [c for c in earlier if c.paragraph == share.paragraph]):
        if other.kind == "share" and other.numerator == lead and other.denominator_words == share.denominator_words:
            return True
    return False


def _list_closed(claim: Claim, pos: int, out: list[Claim], w: Words) -> bool:
    """Whether a 包括 list at ``pos`` ended before ``claim``: its clause closed with no figure in it."""
    end = next((i for i in range(pos, claim.start) if claim.sentence[i] in w.clause_group_ends), -1)
    return end >= 0 and not any(pos < c.start < end for c in out if c.kind == "amount")


def _whole_before_colon(claim: Claim, before: list[Claim], w: Words) -> Claim | None:
    """The amount a colon follows directly, in the claim's clause group (总额947万元：货物47万元、…):
    the whole of the list the colon opens, or None."""
    text = claim.sentence
    group = max(text.rfind(mark, 0, claim.start) for mark in w.clause_group_ends)
    colon = max(text.rfind(mark, group + 1, claim.start) for mark in w.list_colons)
    if colon < 0:
        return None
    return next((c for c in reversed(before) if c.end <= colon and not text[c.end:colon].strip()), None)


def relate(sentence_claims: list[Claim], earlier: list[Claim], w: Words, section_lead,
           open_lists: dict[int, tuple[int, str]], places: dict[str, tuple[int, int, bool]] | None = None) -> list[Claim]:
    """Tie rates, shares, changes and 其中 parts to the figures they are computed from."""
    places = places or {}
    out: list[Claim] = []
    listed = open_lists.get(sentence_claims[0].paragraph) if sentence_claims else None
    if listed and listed[0] != sentence_claims[0].sentence_id - 1:
        listed = None
    for claim in sentence_claims:
        prior_in_sentence = [c for c in out if c.kind == "amount"]
        if claim.kind == "amount":
            key = _section_key(claim)
            for depth in range(len(key), 0, -1):
                # the passage's lead, and its enclosing section's (a share's whole one level up)
                section_lead.setdefault(key[:depth], claim.id)
        if claim.kind == "rate":
            actual = next((c for c in reversed(prior_in_sentence) if c.measure == w.actual_measure), None)
            budgets = [c for c in reversed(prior_in_sentence) if c.measure == w.budget_measure]
            # 年初预算为0万元，全年预算为321.02万元…完成年初预算的95.89%: the budget the rate names
            budget = next((c for c in budgets if claim.budget and c.budget == claim.budget), None) \
                or next(iter(budgets), None)
            claim = replace(claim, numerator=actual.id if actual else "", denominator=budget.id if budget else "")
        elif claim.kind == "share":
            # The part is stated in the same clause group: after the last ；/。
            boundary = max(claim.sentence.rfind(mark, 0, claim.start) for mark in grammar().group_ends)
            numerator = _respective_part(claim, out, places) or \
                next((c for c in reversed(prior_in_sentence) if c.start > boundary), None)
            lead = ""
            names_total_only = grammar().share_whole_end.sub("", claim.denominator_words.replace(" ", "")) in w.list_wholes
            if names_total_only and numerator is not None and numerator.parts_of:
                lead = numerator.parts_of
            elif claim.denominator_words and not names_total_only and not any(words in claim.denominator_words for words, _k in w.denominators):
                # A whole the tables do not print, stated earlier in the passage.
                wanted = grammar().whole_name_ending.sub("", claim.denominator_words.replace(" ", ""))
                pool = [c for c in reversed(prior_in_sentence + [e for e in earlier if e.paragraph == claim.paragraph])
                        if c.kind == "amount" and c is not numerator and wanted]
                # 占收入总额: the figure stated as 收入总计/总额/合计 first, any 收入 figure after
                lead = next((c.id for c in pool if regex.search(regex.escape(wanted) + grammar().whole_named_total, c.context)),
                            "") or next((c.id for c in pool if wanted in c.context or c.context.endswith(wanted)), "")
            elif not claim.denominator_words or names_total_only:
                # 占3.2%, 占总支出的0.02%: the figure the passage opened with; where that is the part
                # itself or a sibling part stated with a share of its own (2.…结构情况：一般公共服务（类）
                # 支出5356.01万元，占78.4%；社会保障和就业（类）支出796.52万元，占11.6% (湖州)), the figure
                # the enclosing section opened with (1.…规模：…当年拨款6838.41万元)
                key = _section_key(claim)
                lead = section_lead.get(key, "")
                if _part_not_whole(lead, numerator, claim, out, earlier) and len(key) > 2:
                    lead = section_lead.get(key[:-1], "")
                    # …but not a budget where the part is an actual ("三公"经费…年初预算为2.85万元，支出决算为
                    # 0.39万元 opens （一）; （二）'s 公务接待费支出决算0.39万元，占100.00% is of the 0.39)
                    enclosing = next((c for c in earlier if c.id == lead), None)
                    if enclosing is not None and enclosing.measure == w.budget_measure \
                            and (numerator is None or numerator.measure != w.budget_measure):
                        lead = ""
                if _part_not_whole(lead, numerator, claim, out, earlier):
                    lead = ""
            claim = replace(claim, numerator=numerator.id if numerator else "", denominator=lead)
        elif claim.kind in ("change_amount", "change_rate"):
            # a figure of an aside closed before the change is not what it compares (567.72万元（公务用车
            # 购置费230.55万元…；运行维护费337.17万元…。）比上年增加46.49万元: 567.72's change)
            base = next((c for c in reversed(prior_in_sentence) if c.kind == "amount"
                         and not aside_closes(claim.sentence, c.end, claim.start)), None)
            if base is None:
                # "…预算数为3258.06万元。与上年相比增加3075.14万元": the figure of the
                # sentence just before. Further back, the figure a change speaks
                # about is a guess, and a rate recomputed from a guess is noise.
                # A sentence that opens with the comparison ("与上年相比增加…") continues the one
                # before it, also when that one stood alone as a numbered line: （一）收入预算总计X万元。
                opens = bool(w.opens_with_comparison.match(claim.sentence[:claim.start]))
                base = next((c for c in reversed(earlier) if c.kind == "amount"
                             and (c.paragraph == claim.paragraph or opens)
                             and c.sentence_id == claim.sentence_id - 1 and c.period == "current"), None)
                if base is None and opens:
                    # 1. 公共安全（类）支出16,593.12万元。主要用于…。与上年相比增加134.37万元: the
                    # item's figure, when only sentences without figures stand between
                    last = next((c for c in reversed(earlier) if c.kind != "date"), None)
                    if last is not None and last.kind == "amount" and last.period == "current" \
                            and last.paragraph == claim.paragraph:
                        base = last
            base_period = "prior" if base is not None and (
                base.period == "prior" or _names_compared_year(base, claim)) else ""
            budget = None
            if _compared_with_budget(claim, w):
                # 支出决算为X，完成年初预算的Y%，比年初预算增加Z: actual and budget of the sentence
                base_period = "budget"
                base = next((c for c in reversed(prior_in_sentence) if c.measure != w.budget_measure), None)
                budget = next((c for c in reversed(prior_in_sentence) if c.measure == w.budget_measure), None)
            current = None
            if base_period == "prior" and base is not None:
                # 本年支出868.11万元，比上年的1393.13万元减少525.02万元: the current figure stated too
                current = next((c for c in reversed(prior_in_sentence) if c.start < base.start
                                and c.period == "current"), None)
            change = None
            if claim.kind == "change_rate":
                change = next((c for c in reversed(out) if c.kind == "change_amount"), None)
            numerator = change.id if change else current.id if current and claim.kind == "change_amount" else ""
            claim = replace(claim, base=base.id if base else "", numerator=numerator,
                            denominator=budget.id if budget else "", base_period=base_period,
                            parts_of=_explained_change(claim, out, earlier, w))
        elif claim.kind == "amount" and (colon_whole := _whole_before_colon(claim, prior_in_sentence, w)):
            claim = replace(claim, parts_of=colon_whole.id)
        elif claim.kind == "amount":
            pos, marker = rfind_any(claim.sentence[:claim.start], w.parts)
            while pos >= 0 and marker in w.parts_in_clause and _list_closed(claim, pos, out, w):
                # 其中：人员经费X，主要包括：…；公用经费Y: Y is a part of the 其中 list, not of X
                pos, marker = rfind_any(claim.sentence[:pos], w.parts)
            if pos >= 0:
                # a figure in parentheses before 其中 is an aside, not the whole
                whole = next((c for c in reversed(prior_in_sentence) if c.start < pos
                              and not in_parentheses(c.sentence, c.start)), None)
                after_a_list = whole is not None and whole.parts_of and any(
                    mark in claim.sentence[whole.end:pos] for mark in w.clause_group_ends)
                if after_a_list:
                    # 总额X：A、B、C；其中D: D is of X too, but a share of it that overlaps A, B and C
                    # (其中一般公共预算拨款政府采购), not a part to add: no whole
                    whole = None
                elif whole is None:
                    whole = next((c for c in reversed(earlier) if c.kind == "amount"
                                  and c.paragraph == claim.paragraph), None)
                if whole is not None:
                    claim = replace(claim, parts_of=whole.id)
                    if marker in w.parts_continued:
                        open_lists[claim.paragraph] = (claim.sentence_id, whole.id)
            elif listed and not claim.measure and not claim.subject:
                # the list of parts goes on: 接线员及督管员项目支出 191.0万元
                claim = replace(claim, parts_of=listed[1])
                open_lists[claim.paragraph] = (claim.sentence_id, listed[1])
        out.append(claim)
    return out
