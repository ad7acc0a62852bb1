"""The rule catalogue: one explicit list, one module per rule, named by its code."""
from __future__ import annotations

from types import ModuleType

from ..config import Config, ConfigError, check_severity_levels, defaults
from .policy import Policy, default_policy
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


def check_severity_codes(table: dict, where: str) -> None:
    """Every code of a [severity] table names a rule or a prefix of rule codes."""
    codes = [rule.CODE for rule in RULES]
    for code in table:
        if not any(c.upper().startswith(code.upper()) for c in codes):
            raise ConfigError(f"{where} [severity]: {code!r} is no rule code or prefix (see `miner rules`)")


def policy(config: Config) -> Policy:
    """The policy of a configuration, its [severity] codes checked against the catalogue."""
    check_severity_codes(config.severity, config.sources[-1] if config.sources else "configuration")
    return Policy.of(config.tolerance, config.severity, config.language)



def policy_with(severity: dict[str, str] | None = None, language: str | None = None) -> Policy:
    """The default configuration's policy with these severity overrides and this language
    (``miner.scan(..., severity=…, language=…)``; ``None``: the configuration's)."""
    if not severity and language is None:
        return default_policy()
    check_severity_levels(severity or {}, "severity")
    check_severity_codes(severity or {}, "severity")
    values = defaults()
    return Policy.of(values["tolerance"], {**values.get("severity", {}), **(severity or {})},
                     language if language is not None else values.get("language", "auto"))
