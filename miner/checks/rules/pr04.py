"""PR04 same figure stated twice with different values.

What it checks: amounts with the same subject, measure, period and fund
scope (一般公共预算财政拨款, 政府性基金, 三公 …, from the sentence and its
section headings; `scope_words` in lexicons/consistency.yaml) and the same
unit (a heading that names a body: 深圳's per-unit sections, `unit_heading_pattern`)
stated in two
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

import regex

from ...messages import say
from ...claims.model import Claim
from ...lexicon import load
from ..context import Context
from ..model import Check
from ..text import pattern, plain, words

CODE = "PR04"
NAME = "restated-differently"
FAMILY = "prose"
SEVERITY = "warning"
SUMMARY = "The same figure (subject, measure, period, fund) is stated twice with different values."
SCOPE = "claim"
KINDS = ("amount",)


def _scope(claim: Claim) -> str:
    context = claim.sentence[:claim.start] + " " + " ".join(claim.section)
    found = [word for word in words("scope_words") if word in context] \
        or [word for word in words("fallback_scope_words") if word in context]
    fund = max(found, key=len) if found else ""
    unit = next((m.group(1) for heading in reversed(claim.section)
                 for m in [pattern("unit_heading_pattern").match(heading)] if m), "")
    return f"{unit} {fund}".strip()


def _key(claim: Claim, printed: frozenset[str]):
    if claim.kind != "amount" or not claim.measure:
        return None
    if not claim.subject and claim.measure in words("subject_required_measures"):
        return None
    # a subject the clause itself names, not one carried over from an earlier clause
    if claim.subject and plain(claim.subject) not in plain(claim.context):
        return None
    if claim.subject and not claim.subject_code and _name(claim.subject) not in printed:
        # a subject no table row names: often the end of an item name the line broke ("…运行维 /
        # 护（项）3220.09万元" gives 护), which two different items share
        return None
    if not claim.subject and _narrowed(claim):
        return None
    return claim.subject, claim.subject_path, claim.measure, claim.period, _scope(claim), claim.unit


def measure_words(measure: str) -> tuple[str, ...]:
    return next((tuple(m["words"]) for m in load("measures")["measures"] if m["key"] == measure), ())


def _name(label: str) -> str:
    return plain(label).removesuffix("支出")


def _narrowed(claim: Claim) -> bool:
    """A measure word narrowed by words before it in its clause ("其中:基本支出合计为1208.20万元": 支出合计
    narrowed by 基本): the figure is not the measure's own."""
    spoken = [word for word in measure_words(claim.measure) if word in claim.context]
    if not spoken:
        return False
    word = max(spoken, key=len)
    before = claim.context[:claim.context.rfind(word)]
    qualifier = regex.split(r"[，,；;：:、。]", before)[-1]
    qualifier = pattern("qualifier_noise_pattern").sub("", qualifier)
    for marker in sorted(words("scope_words"), key=len, reverse=True) + list(words("list_marker_words")):
        qualifier = qualifier.replace(marker, "")
    return bool(regex.search(r"\p{Han}", qualifier))


def _mentions(ctx: Context) -> tuple[dict[str, tuple | None], dict]:
    """Each claim's key by its id, and the first claim stated of each key (once per document)."""
    def index() -> tuple[dict[str, tuple | None], dict]:
        printed = frozenset(_name(row.label) for table in ctx.tables for row in table.rows)
        keys = {claim.id: _key(claim, printed) for claim in ctx.claims.values()}
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
