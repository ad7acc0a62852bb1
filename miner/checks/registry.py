"""The rule catalogue: one explicit list, one module per rule, named by its code."""
from __future__ import annotations

from types import ModuleType

from .rules import (cm01, cm02, cm03, cm04, dr01, dr02, dr03, dr04, dr05, dr06, dr07, in01, in02, in03, pr01, pr02, pr03, pr04, pr05,
                    pr06, tb01, tb02, tb03, tb04, vc01, xd01, xt01, xt02)

RULES: tuple[ModuleType, ...] = (in01, in02, in03, vc01, dr01, dr02, dr03, dr04, dr05, dr06, dr07, tb01, tb02, tb03, tb04, xt01, xt02, xd01,
                                 pr01, pr02, pr03, pr04, pr05, pr06, cm01, cm02, cm03, cm04)


def by_code() -> dict[str, ModuleType]:
    return {rule.CODE: rule for rule in RULES}


def selected(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> tuple[ModuleType, ...]:
    """Rules whose code starts with a selected prefix and with no ignored prefix (ruff-style)."""
    def matches(code: str, prefixes) -> bool:
        return any(code.upper().startswith(p.upper()) for p in prefixes)

    return tuple(rule for rule in RULES
                 if (not select or matches(rule.CODE, select)) and not matches(rule.CODE, ignore))
