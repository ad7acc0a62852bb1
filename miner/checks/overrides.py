"""Per-rule severity set by the user: the configuration's ``[severity]`` table.

Each rule has a default severity (its docstring and ``miner rules`` say which,
and the tolerance policy decides between error, warning and info for
mismatches). A team that treats, say, template residue as a matter of style
can lower it: ``[severity] CM03 = "info"``, or ``PR = "warning"`` for a whole
family. The longest matching code or prefix wins; a finding without a
severity (an agreeing check) keeps none. Set once per process, like the
tolerances, so every worker applies the same policy.
"""
from __future__ import annotations

from dataclasses import replace

SEVERITIES = ("info", "warning", "error")

_OVERRIDES: dict[str, str] = {}


def configure(overrides: dict[str, str]) -> None:
    """Use these overrides (rule code or prefix -> severity) from now on."""
    _OVERRIDES.clear()
    _OVERRIDES.update({code.upper(): level for code, level in overrides.items()})


def severity(rule: str, default: str) -> str:
    if not default:
        return default
    matches = [code for code in _OVERRIDES if rule.upper().startswith(code)]
    return _OVERRIDES[max(matches, key=len)] if matches else default


def applied(item):
    """A check or finding with the severity configured for its rule (itself when unchanged)."""
    wanted = severity(item.rule, item.severity)
    return item if wanted == item.severity else replace(item, severity=wanted)


def active() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_OVERRIDES.items()))
