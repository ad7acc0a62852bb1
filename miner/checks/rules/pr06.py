"""PR06 三公 changes against the budget do not fit.

What it checks: "比年初预算增加/减少 X万元" stated for each 三公 item (因公出国
（境）费, 公务用车购置费, 公务用车运行费, 公务接待费) against the 三公 table:
the items' changes together must make the total's (决算数·合计 − 预算数·合计).
The table and the items are `parts` in lexicons/identities.yaml. Each item's
own change against its cells is DR04.

Why it matters: the 三公 section is read closely; changes that do not fit the
budget printed in the table mean the section was written from another year's
figures or not at all.

Bad (wuchang-wgzx-2021-final, 七): 表7 prints a 预算数 合计 of 0.54 and 决算数 0,
yet every item says "比年初预算增加(减少) 0.00万元" (together 0.00, not −0.54).
Good (wuchang-cyzx-2024-final, 九): budget 0, 决算 0 and no change stated.
"""
from __future__ import annotations

from decimal import Decimal


from ...messages import say
from ...claims.model import Claim
from ...lexicon import load
from ..context import Context
from ..model import Check
from ..text import pattern, plain
from ..tolerance import cap

CODE = "PR06"
NAME = "budget-changes-do-not-fit"
FAMILY = "prose"
SEVERITY = "error"
SUMMARY = "三公 items' changes against the budget do not add up to the table's 决算数 − 预算数 of the total."
SCOPE = "claim"
KINDS = ("change_amount",)


def _cell(table, column_end: str, side: str):
    for row in table.rows:
        for cell in row.cells:
            head, _, rest = cell.column.partition("·")
            if head == side and plain(rest.rsplit("·", 1)[-1]) == plain(column_end):
                return cell
    return None


def _budget_changes(ctx: Context):
    """{leaf: claim} of the 比年初预算 changes the prose states for the 三公 items, and the parts data."""
    def index():
        parts = load("identities")["kinds"].get(ctx.kind, {}).get("parts")
        found: dict[str, Claim] = {}
        if parts:
            leaves = {plain(leaf): leaf for leaf in parts["leaves"]}
            before = pattern("budget_change_before")
            for claim in sorted(ctx.claims.values(), key=lambda c: c.doc_offset):
                if claim.kind == "change_amount" and before.search(claim.sentence[:claim.start]):
                    leaf = leaves.get(plain(claim.subject))
                    if leaf:
                        found.setdefault(leaf, claim)
        return parts, found

    return ctx.remember(CODE, index)


def _signed(claim: Claim) -> Decimal | None:
    if claim.direction == "+":
        return claim.value
    if claim.direction == "-":
        return -claim.value
    return claim.value if claim.value == 0 else None   # 增加(减少) 0.00: no direction needed


def check(claim: Claim, ctx: Context) -> list[Check]:
    parts, found = _budget_changes(ctx)
    if not parts or claim not in found.values():
        return []
    table = ctx.table(parts["table"])
    if table is None or not table.rows:
        return []
    checks: list[Check] = []
    last = max(found.values(), key=lambda c: c.doc_offset)
    if claim is last and len(found) == len(parts["leaves"]):
        signed = [_signed(c) for c in found.values()]
        total_budget, total_actual = _cell(table, parts["total"], parts["budget"]), _cell(table, parts["total"], parts["actual"])
        if None not in signed and total_budget is not None and total_actual is not None:
            expected = total_actual.amount - total_budget.amount
            together = sum(signed, Decimal(0))
            verdict = ctx.tolerance.judge(together, max(c.decimals for c in found.values()), "", expected)
            if verdict.verdict == "ok":
                # recorded on the last item, which settles nothing (each item's change is DR04's)
                checks.append(Check(CODE, claim.id, "ok", "", str(expected), f"{together} = {expected}",
                                    say("pr06.fits", together=together), verdict.tolerance, settles=False,
                                    margin=verdict))
            else:
                uncertain = total_budget.placement == "guess" or total_actual.placement == "guess"
                checks.append(Check(
                    CODE, claim.id, verdict.verdict, cap(verdict.severity, uncertain), str(expected),
                    " + ".join(f"{c.text} (line {c.line})" for c in found.values())
                    + f" vs {total_actual.ref()} {total_actual.raw or 'blank'} − {total_budget.ref()} "
                      f"{total_budget.raw or 'blank'}",
                    say("pr06.differs", together=together, actual=total_actual.amount, budget=total_budget.amount,
                        expected=expected), verdict.tolerance,
                    margin=verdict))
    return checks
