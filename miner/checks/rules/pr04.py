"""PR04 same figure stated twice with different values.

What it checks: amounts with the same subject, measure, period and fund
scope (一般公共预算财政拨款, 政府性基金, 三公 …, from the sentence and its
section headings; `scope_words` in lexicons/consistency.yaml) stated in two
places — two sections, or the narrative and a 绩效自评表 — with different
values. The later mention is reported against the first.

Why it matters: the reader cannot tell which of the two is right; usually
one was not updated after a correction.

Bad: "基本支出 353.10万元" in 五(三) and "一般公共预算财政拨款基本支出 353.11 万元" in
六 of wuchang-wgzx-2021-final — a rounding-level difference (info); a gap
beyond rounding is a warning.
Good (wuchang-cyzx-2024-final): 项目支出 367.67 万元 in 三 and in 五(三).
"""
from __future__ import annotations

from dataclasses import replace

from ...messages import say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..text import plain, words

CODE = "PR04"
NAME = "restated-differently"
FAMILY = "prose"
SEVERITY = "warning"
SUMMARY = "The same figure (subject, measure, period, fund) is stated twice with different values."
SCOPE = "claim"
KINDS = ("amount",)


def _scope(claim: Claim) -> str:
    context = claim.sentence[:claim.start] + " " + " ".join(claim.section)
    found = [word for word in words("scope_words") if word in context]
    return max(found, key=len) if found else ""


def _key(claim: Claim):
    if claim.kind != "amount" or not claim.measure:
        return None
    if not claim.subject and claim.measure in words("subject_required_measures"):
        return None
    # a subject the clause itself names, not one carried over from an earlier clause
    if claim.subject and plain(claim.subject) not in plain(claim.context):
        return None
    return claim.subject, claim.subject_path, claim.measure, claim.period, _scope(claim), claim.unit


def _mentions(ctx: Context) -> tuple[dict[str, tuple | None], dict]:
    """Each claim's key by its id, and the first claim stated of each key (once per document)."""
    def index() -> tuple[dict[str, tuple | None], dict]:
        keys = {claim.id: _key(claim) for claim in ctx.claims.values()}
        first: dict = {}
        for other in sorted(ctx.claims.values(), key=lambda c: c.doc_offset):
            if keys[other.id] is not None:
                first.setdefault(keys[other.id], other)
        return keys, first

    return ctx.remember(CODE, index)


def check(claim: Claim, ctx: Context) -> list[Check]:
    keys, first_mentions = _mentions(ctx)
    key = keys[claim.id]
    if key is None:
        return []
    first = first_mentions.get(key)
    if first is None or first.id == claim.id:
        return []
    verdict = ctx.tolerance.judge(claim.value, claim.decimals, claim.approx, first.value,
                                    ctx.tolerance.stated_interval(first.value, first.decimals, first.approx))
    if first.quantity == claim.quantity or verdict.verdict == "ok":
        # the same figure stated again: recorded, no verdict on the figure itself
        return [Check(CODE, claim.id, "ok", "", str(first.value), f"first stated {first.text} (line {first.line})",
                      say("pr04.restates", claim=claim.text, first=first.text, line=first.line), verdict.tolerance,
                      settles=False,
                      margin=verdict)]
    severity = "info" if verdict.verdict == "rounding" else SEVERITY
    what = " ".join(part for part in (key[4], claim.subject, claim.measure) if part)
    # two printings of one figure that differ are reported even where their intervals meet:
    # the difference is the finding, not a gap to a figure computed from others
    return [Check(CODE, claim.id, verdict.verdict, severity, str(first.value),
                  f"first stated {first.text} (line {first.line}: {first.sentence[:40]})",
                  say("pr04.differs", what=what, claim=claim.text, first=first.text, line=first.line),
                  verdict.tolerance, margin=replace(verdict, consistent=False))]
