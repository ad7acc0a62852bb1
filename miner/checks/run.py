"""Run the selected rules over a document: every rule returns ``Check``s.

A rule declares its scope (``SCOPE``): ``claim`` rules are asked about each claim
of the kinds they name (``KINDS``), in catalogue order, ``check(claim, ctx)``;
``document`` rules about the document as a whole (its tables, its text, or claims
read together), ``check(ctx)``. ``corpus`` rules run across documents
(``miner.corpus``), ``engine`` rules are raised by the scan when a document
cannot be read or finished (``findings.failure``). What becomes of the checks —
verdicts, findings — is ``findings.py``'s.
"""
from __future__ import annotations

from .context import Context
from .model import Check

SCOPES = ("claim", "document", "corpus", "engine")


def run_rules(ctx: Context, rules) -> list[Check]:
    """The checks of the claim rules, claim by claim, then those of the document rules."""
    claim_rules = [rule for rule in rules if rule.SCOPE == "claim"]
    # most rules are about one or two kinds of claim: sort them by kind once rather than
    # asking every rule about every claim
    kinds = {kind for rule in claim_rules for kind in rule.KINDS}
    rules_of = {kind: [rule for rule in claim_rules if kind in rule.KINDS] for kind in kinds}
    checks: list[Check] = []
    for claim in ctx.claims.values():
        for rule in rules_of.get(claim.kind, ()):
            checks.extend(rule.check(claim, ctx))
    for rule in rules:
        if rule.SCOPE == "document":
            checks.extend(rule.check(ctx))
    return checks
