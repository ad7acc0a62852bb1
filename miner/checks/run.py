"""Run the selected rules over a document's claims and settle each claim's verdict."""
from __future__ import annotations

from ..claims.model import Claim
from ..records import record
from .context import Context
from .model import Check, Finding

ORDER = {"ok": 0, "rounding": 1, "mismatch": 2}
_SEVERITY = {"": 0, "info": 1, "warning": 2, "error": 3}


@record
class ClaimVerdict:
    verdict: str          # ok | rounding | mismatch | unlinked
    severity: str
    rules: tuple[str, ...]
    evidence: str
    evidence_value: str
    message: str


def run_rules(ctx: Context, rules) -> list[Check]:
    """Each claim through the rules about its kind, in catalogue order."""
    # most rules are about one or two kinds of claim: sort them by kind once rather than
    # asking every rule about every claim
    kinds = {kind for rule in rules for kind in rule.KINDS}
    rules_of = {kind: [rule for rule in rules if kind in rule.KINDS] for kind in kinds}
    checks: list[Check] = []
    for claim in ctx.claims.values():
        for rule in rules_of.get(claim.kind, ()):
            checks.extend(rule.check(claim, ctx))
    return checks


def run_document_rules(ctx: Context, rules) -> list[Finding]:
    """Rules about the document as a whole (its tables, its text), not about one claim."""
    findings: list[Finding] = []
    for rule in rules:
        check_document = getattr(rule, "check_document", None)
        if check_document is not None:
            findings.extend(check_document(ctx))
    return findings


class CheckIndex:
    """The checks of a document by the claim they are about and by the claims they cover."""

    def __init__(self, checks: list[Check]):
        self.own: dict[str, list[Check]] = {}
        self.covering: dict[str, list[Check]] = {}
        for check in checks:
            self.own.setdefault(check.claim_id, []).append(check)
            for covered in check.covers:
                self.covering.setdefault(covered, []).append(check)


def settle(claim: Claim, ctx: Context, checks: CheckIndex, unlinked_reason: str) -> ClaimVerdict:
    own = checks.own.get(claim.id, [])
    if not own:
        own = checks.covering.get(claim.id, [])
        if own:
            best = min(own, key=lambda c: ORDER[c.verdict])
            return ClaimVerdict(best.verdict, "", (best.rule,), best.evidence, best.expected,
                                f"used in {best.rule}: {best.message}")
        return ClaimVerdict("unlinked", "", (), "", "", unlinked_reason)
    worst = max(own, key=lambda c: (ORDER[c.verdict], _SEVERITY[c.severity]))
    return ClaimVerdict(worst.verdict, worst.severity, tuple(dict.fromkeys(c.rule for c in own)),
                        worst.evidence, worst.expected, "; ".join(dict.fromkeys(c.message for c in own
                                                                              if c.verdict == worst.verdict)))
