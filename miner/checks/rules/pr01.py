"""PR01 relation word contradicts the figures.

What it checks: words that compare two figures against the figures:
"支出决算数大于/小于/等于年初预算数" (in the sentence of the figures or the one
after it, "决算数大于预算数的主要原因：…") against the 决算 (its table cell
where linked) and the 年初预算 of the same sentence; "减少…，增长X%" (a change and its rate in
opposite directions); "持平" beside a change that is not zero.

Why it matters: the relation word is what a reader retains; when it says the
opposite of the figures, either the word or a figure is wrong.

Bad: "年初预算为983.22万元，支出决算为961.84万元，…支出决算数大于年初预算数"
(961.84 < 983.22).
Good (wuchang-wgzx-2021-final, 五(三)1): the same figures with "支出决算数小于年初
预算数"; (wuchang-cyzx-2024-final) "年初预算为0万元,支出决算为0.32万元,…支出
决算数大于年初预算数".
"""
from __future__ import annotations

from ...messages import Message, say
from ...claims.model import Claim
from ...lexicon import operand_measure
from ..context import Context
from ..model import Check
from ..text import next_sentence, pattern, words

CODE = "PR01"
NAME = "relation-contradicts-figures"
FAMILY = "prose"
SEVERITY = "error"
SUMMARY = "大于/小于/等于/持平/增加/减少 says the opposite of the figures it describes."
SCOPE = "claim"
KINDS = ("amount", "change_rate", "change_amount")
_HOLDS = {">": lambda a, b: a > b, "<": lambda a, b: a < b, "=": lambda a, b: a == b}
_RELATION = {">": "relation.greater", "<": "relation.less", "=": "relation.equal"}
_DIRECTION = {"+": "direction.increase", "-": "direction.decrease"}


def _relation(sentence: str) -> tuple[str, str] | None:
    found = [(sentence.find(phrase), -len(phrase), op, phrase)
             for op, phrases in words("relations").items() for phrase in phrases if phrase in sentence]
    if not found:
        return None
    _, _, op, phrase = min(found)
    return op, phrase


def _by_sentence(ctx: Context) -> dict[int, list[Claim]]:
    found: dict[int, list[Claim]] = {}
    for claim in ctx.claims.values():
        found.setdefault(claim.sentence_id, []).append(claim)
    return found


def _budget_relation(claim: Claim, ctx: Context) -> list[Check]:
    relation = _relation(claim.sentence)
    if relation is None:   # "…支出决算为1511.89万元。决算数大于预算数的主要原因：…"
        after = next_sentence(ctx, claim.sentence_id)
        relation = _relation(after.text) if after is not None and not pattern("money_figure_pattern").search(after.text) else None
    if relation is None:
        return []
    op, phrase = relation
    # the claims of the sentence, in document order, from an index built once per document
    # (every 支出决算 amount looks for its budget)
    in_sentence = ctx.remember((CODE, "by sentence"), lambda: _by_sentence(ctx))
    budget = next((c for c in in_sentence.get(claim.sentence_id, ()) if c.measure == operand_measure("budget")
                   and c.subject == claim.subject and c.kind == "amount" and c.unit == claim.unit), None)
    if budget is None:
        return []
    actual, planned = ctx.figure(claim), ctx.figure(budget)
    evidence = f"决算 {actual.value} [{actual.source}] vs 年初预算 {planned.value} [{planned.source}]"
    close = _HOLDS[op](actual.value, planned.value) or \
        ctx.tolerance.judge(actual.value, actual.decimals, "", planned.value).verdict != "mismatch"
    if _HOLDS[op](actual.value, planned.value) or (op == "=" and close):
        return [_fits(claim, evidence, say("pr01.fits", phrase=phrase))]
    severity = "warning" if close else SEVERITY
    truth = ">" if actual.value > planned.value else "<" if actual.value < planned.value else "="
    return [Check(CODE, claim.id, "mismatch", severity, f"决算 {truth} 年初预算", evidence,
                  say("pr01.relation", phrase=phrase, actual=actual.value, relation=say(_RELATION[truth]),
                      planned=planned.value), "exact comparison of the printed figures")]


def _fits(claim: Claim, evidence: str, message: Message) -> Check:
    """The words fit the figures: recorded, and no verdict on the figure itself (``settles``)."""
    return Check(CODE, claim.id, "ok", "", "", evidence, message, "exact comparison of the printed figures",
                 settles=False)


def check(claim: Claim, ctx: Context) -> list[Check]:
    if claim.kind == "amount" and claim.measure == operand_measure("actual"):
        return _budget_relation(claim, ctx)
    if claim.kind == "change_rate" and claim.direction in ("+", "-"):
        change = ctx.claim(claim.numerator)
        # only a rate that follows its change directly ("减少525.02万元，下降37.7%"), not a
        # rate of something else later in the sentence ("…增加164.48万元，主要原因…压减10%")
        between = claim.sentence[change.end:claim.start] if change is not None else ""
        adjacent = change is not None and pattern("rate_after_change_pattern").match(between) \
            and change.direction in ("+", "-") and change.value != 0 and claim.value != 0
        said = {"+": "an increase", "-": "a decrease"}
        if adjacent and change.direction == claim.direction:
            return [_fits(claim, f"{change.text} and {claim.text}",
                          say("pr01.same_direction", change=change.text, rate=claim.text,
                              direction=say(_DIRECTION[claim.direction])))]
        if adjacent:
            return [Check(CODE, claim.id, "mismatch", SEVERITY, said[change.direction],
                          f"{change.text} ({said[change.direction]}) and {claim.text} ({said[claim.direction]})",
                          say("pr01.directions", change=change.text, direction=say(_DIRECTION[change.direction]),
                              rate=claim.text, rate_direction=say(_DIRECTION[claim.direction])),
                          "directions of the change and its rate")]
    if claim.kind == "change_amount" and claim.value != 0:
        after = pattern("clause_mark_pattern").search(claim.sentence, claim.end)
        clause = claim.sentence[claim.end: after.start() if after else None]
        before = pattern("clause_mark_pattern").split(claim.sentence[:claim.start])[-1]
        if any(word in before or word in clause for word in words("flat_words")):
            return [Check(CODE, claim.id, "mismatch", SEVERITY, "0 (持平)", claim.sentence,
                          say("pr01.flat", claim=claim.text),
                          "持平 means no change")]
    return []
