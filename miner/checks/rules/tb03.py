"""TB03 summary panels balance.

What it checks: in the summary tables (收入支出决算总表, 财政拨款收入支出决算总表;
收支预算总表 and 财政拨款收支预算总表 for budgets) the 收入 and 支出 panels each
balance and agree: 收入总计 = 支出总计; 本年收入合计 = Σ income lines;
本年支出合计 = Σ 类 lines; 总计 = 本年合计 + 结转结余 lines. The identities
are the `panels` of each document kind in lexicons/identities.yaml.

Why it matters: the summary table is the first thing a reader sees; a total
that does not balance means a line was left out or mistyped.

Bad: 收入支出决算总表 收入 总计 1,067.40 but 支出 总计 1,076.40.
Good (wuchang-wgzx-2021-final, 表1): 本年支出合计 1,067.40 = 961.84 + 26.71 +
30.55 + 48.30; 总计 1,067.40 on both sides.
"""
from __future__ import annotations

from ..identities import identity_checks
from ..context import Context
from ..model import Check

CODE = "TB03"
NAME = "panels-balance"
FAMILY = "table"
SEVERITY = "error"
SUMMARY = "A summary table's panels do not balance (收入总计 ≠ 支出总计, a 合计 ≠ its lines)."
SCOPE = "document"
KINDS = ()


def check(ctx: Context) -> list[Check]:
    return identity_checks(ctx, CODE, "panels")
