"""XT01 tables agree with each other.

What it checks: the figures that two tables of one document both print, per
document kind (`identities` with `=` in lexicons/identities.yaml): for a
部门决算, 收入支出决算总表 本年收入合计/本年支出合计 and each 类 against the 合计
of 收入决算表 and 支出决算表; 财政拨款收入支出决算总表 against
一般公共预算财政拨款支出决算表 (total and each 类), the 政府性基金 and 国有资本
tables; 一般公共预算财政拨款基本支出 = 人员经费合计 + 公用经费合计 (基本支出决算表).
The 部门预算 identities are listed under `budget`.

Why it matters: the tables restate each other; when they differ, at least
one of them is wrong, whatever the narrative says.

Bad: 表5 合计 / 基本支出 500.44 while 表6 人员经费合计 397.18 + 公用经费合计
113.26 = 510.44.
Good (wuchang-cyzx-2024-final): 表5 基本支出 500.44 = 表6 人员经费合计 397.1
(cut short by the extraction from 397.18) + 公用经费合计 103.26.
"""
from __future__ import annotations

from ..identities import identity_checks
from ..context import Context
from ..model import Check

CODE = "XT01"
NAME = "cross-table-totals"
FAMILY = "cross"
SEVERITY = "error"
SUMMARY = "A figure two tables both print differs between them (总表 vs 收入/支出表, 基本支出 vs 人员 + 公用经费 …)."
SCOPE = "document"
KINDS = ()


def check(ctx: Context) -> list[Check]:
    return identity_checks(ctx, CODE, "identities", "=")
