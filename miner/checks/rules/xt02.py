"""XT02 a part exceeds its wider total in another table.

What it checks: figures of one table that are a part of a figure in another
(`identities` with `<=` in lexicons/identities.yaml): the 一般公共预算财政拨款
spending of a 类 cannot exceed all spending of that 类 in 支出决算表, nor
一般公共预算财政拨款基本支出 all 基本支出.

Why it matters: a fund-specific figure above the all-funds figure is
impossible; one of the two tables is wrong.

Bad: 表5 221 住房保障支出 58.30 while 表3 221 住房保障支出 48.30.
Good (wuchang-wgzx-2021-final): 表5 221 48.30 ≤ 表3 221 48.30.
"""
from __future__ import annotations

from ..identities import identity_checks
from ..context import Context
from ..model import Check

CODE = "XT02"
NAME = "cross-table-part-exceeds"
FAMILY = "cross"
SEVERITY = "error"
SUMMARY = "A part printed in one table exceeds its wider total in another (一般公共预算财政拨款 > 全部支出)."
SCOPE = "document"
KINDS = ()


def check(ctx: Context) -> list[Check]:
    return identity_checks(ctx, CODE, "identities", "<=")
