"""Read each document against the same body's report of the year before (rule XD01).

Runs after every document is scanned, over their results; a document's own
scan never depends on another document, so its stored result stays valid and
only this pass, which is cheap, sees the corpus. Its checks are merged into
the claim rows and findings the way a document's own checks are: a claim no
rule could check takes the XD01 verdict; one already checked becomes a
mismatch when XD01 finds one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePath

from ..checks.findings import document_finding, merged_row
from ..checks.model import Check
from ..checks.policy import Policy
from ..checks.rules import xd01
from .model import CellKey, DocumentFacts, Identity, LedgerCell

Ledger = dict[CellKey, LedgerCell]


class Reports:
    """The scanned documents by identity, in report order."""

    def __init__(self, identities: Iterable[tuple[str, Identity | None]]):
        self._by_identity: dict[Identity, list[str]] = {}
        for doc, identity in identities:
            if identity is not None:
                self._by_identity.setdefault(identity, []).append(doc)

    def previous(self, doc: str, identity: Identity | None) -> str | None:
        """The report of the year before: the one in the same folder, else the first in report order."""
        if identity is None:
            return None
        found = self._by_identity.get(identity.previous(), [])
        folder = PurePath(doc).parent
        return next((d for d in found if PurePath(d).parent == folder), found[0] if found else None)


def checks_for(doc: str, facts: DocumentFacts, reports: Reports,
               ledger_of: Callable[[str], Ledger], policy: Policy) -> list[Check]:
    earlier_doc = reports.previous(doc, facts.identity)
    if earlier_doc is None or not facts.questions:
        return []
    ledger = ledger_of(earlier_doc)
    found = []
    for question in facts.questions:
        cell = ledger.get(question.key)
        if cell is not None:
            check = xd01.check(question, cell, earlier_doc, policy.tolerance)
            found.append(policy.applied(check))
    return found


def merge(doc: str, claims: tuple, findings: tuple, facts: DocumentFacts, checks: list[Check]) -> tuple[tuple, tuple]:
    """The claim rows and findings of a document with the cross-document checks merged in."""
    if not checks:
        return claims, findings
    by_claim = {c.claim_id: c for c in checks}
    rows, added = [], []
    for row in claims:
        check = by_claim.get(row.claim_id)
        if check is None:
            rows.append(row)
            continue
        rows.append(merged_row(row, check))
        if check.verdict in ("mismatch", "rounding"):
            added.append(document_finding(doc, check))
    return tuple(rows), tuple(findings) + tuple(added)


def cross_check(results: list, policy: Policy) -> list:
    """``DocumentResult``s with XD01 merged in, for an in-process scan (``miner.scan``)."""
    reports = Reports((r.path, r.facts.identity) for r in results)
    ledgers = {r.path: r.facts.ledger for r in results}
    out = []
    for result in results:
        checks = checks_for(result.path, result.facts, reports, ledgers.__getitem__, policy)
        claims, findings = merge(result.path, result.claims, result.findings, result.facts, checks)
        out.append(replace(result, claims=claims, findings=findings))
    return out
