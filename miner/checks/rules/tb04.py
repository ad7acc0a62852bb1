"""TB04 execution rate of a performance form.

What it checks: in each attached 绩效自评表 / 绩效评价报告, the budget
execution row's 执行率 against 执行数 ÷ 预算数 of the same row, each figure an
interval given by its printed decimals (the form's header states the formula
itself: 执行率(B/A)).

Why it matters: the execution rate drives the form's score (得分 = 20分 ×
执行率) and is quoted as the project's result; a rate that does not follow
from the two amounts beside it was typed, not computed.

Bad: 预算数 1,072.68, 执行数 1,067.40, 执行率 95.51% (1,067.40 / 1,072.68 = 99.51%).
Good (wuchang-wgzx-2021-final, 附件 绩效评价报告): 1,072.68, 1,067.40, 99.51%.
"""
from __future__ import annotations

from ...messages import say
from ...lexicon import load
from ..context import Context
from ..model import Check
from ..tolerance import ratio, show

CODE = "TB04"
NAME = "form-execution-rate"
FAMILY = "table"
SEVERITY = "error"
SUMMARY = "A performance form's 执行率 differs from its 执行数 ÷ 预算数."
SCOPE = "document"
KINDS = ()


def check(ctx: Context) -> list[Check]:
    form = load("tables")["forms"]
    # the execution row's columns, as the form names them: 预算数, 执行数 … and the rate, 执行率
    budget_column, actual_column = form["execution_columns"][:2]
    checks = []
    for table in ctx.tables:
        if table.key != form["key"]:
            continue
        for row in table.rows:
            budget, actual, rate = row.cell(budget_column), row.cell(actual_column), row.cell(form["execution_rate"])
            if budget is None or actual is None or rate is None or rate.blank:
                continue
            result = ratio(actual.amount, actual.decimals, budget.amount, budget.decimals)
            if result is None:
                continue
            point, interval = result
            verdict = ctx.tolerance.judge(rate.amount, rate.decimals, "", point, interval, computed=True)
            if verdict.verdict == "ok":
                checks.append(ctx.agreement(CODE, rate, f"{table.label} {row.label}: 执行率 {rate.raw}",
                                            verdict.tolerance, file=table.file))
                continue
            formula = f"{actual.raw} / {budget.raw} = {show(point)}%"
            checks.append(ctx.document_check(
                CODE, verdict.severity, rate, found=rate.raw, expected=show(point),
                evidence=f"{formula} [{actual.ref()}; {budget.ref()}]",
                message=say("tb04.rate", table=table.label, row=row.label, rate=rate.raw, formula=formula),
                verdict=verdict.verdict, tolerance=verdict.tolerance, file=table.file,
                    margin=verdict))
    return checks
