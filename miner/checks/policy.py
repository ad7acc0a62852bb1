"""The policy a scan judges by: its tolerances, the severities the user set per rule, and
the language of its messages. A value, built once from the configuration and carried
by the scan to every rule (``Context.policy``), to the cross-document pass and to the
engine's reports of failed documents; two scans in one process may use two policies.

Per-rule severity (the configuration's ``[severity]`` table): each rule has a
default severity (its docstring and ``miner rules`` say which, and the tolerance
policy decides between error, warning and info for mismatches). A team that
treats, say, template residue as a matter of style can lower it: ``[severity]
CM03 = "info"``, or ``PR = "warning"`` for a whole family. The longest matching
code or prefix wins; a check without a severity (an agreeing check) keeps none.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..config import defaults
from ..messages import render, resolve
from ..records import record
from .tolerance import Tolerance



@record
class Policy:
    tolerance: Tolerance
    # (rule code or prefix in capitals, severity), longest code first: the first that matches wins
    severity: tuple[tuple[str, str], ...] = ()
    language: str = "en"

    @classmethod
    def of(cls, tolerance: dict, severity: dict[str, str] | None = None, language: str = "en") -> "Policy":
        """From the tables of a configuration: [tolerance], [severity] and the language (``auto``:
        the locale's, resolved here once)."""
        overrides = {code.upper(): level for code, level in (severity or {}).items()}
        ordered = tuple(sorted(overrides.items(), key=lambda item: (-len(item[0]), item[0])))
        return cls(Tolerance.of(tolerance), ordered, resolve(language))

    def text(self, message) -> str:
        """A message (``miner.messages.Message``, or text) in this policy's language."""
        return render(message, self.language)

    def severity_of(self, rule: str, default: str) -> str:
        """The severity a check of ``rule`` gets when the rule gave it ``default``."""
        if not default:
            return default
        code = rule.upper()
        return next((level for prefix, level in self.severity if code.startswith(prefix)), default)

    def applied(self, item):
        """A check or finding with the severity configured for its rule (itself when unchanged)."""
        wanted = self.severity_of(item.rule, item.severity)
        return item if wanted == item.severity else replace(item, severity=wanted)

    def key(self) -> tuple[str, ...]:
        """What a result computed under this policy depends on, as text (part of a stored result's key)."""
        return (tuple(f"{name}={value}" for name, value in self.tolerance.settings())
                + tuple(f"severity {code}={level}" for code, level in sorted(self.severity))
                + ((f"language={self.language}",) if self.language != "en" else ()))


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """The policy of miner/default-config.toml (a frozen value: shared, never changed)."""
    values = defaults()
    return Policy.of(values["tolerance"], values.get("severity", {}), values.get("language", "auto"))
