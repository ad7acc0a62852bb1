"""Read each document against the same body's report of the year before (rule XD01).

Runs after every document is scanned, over their results; a document's own
scan never depends on another document, so its stored result stays valid and
only this pass, which is cheap, sees the corpus. Its checks are merged into
the claim rows and findings the way a document's own checks are
(``checks.findings.merged_row``): a claim no rule could check takes the XD01
verdict; one already checked becomes a mismatch when XD01 finds one.

``CorpusPass`` is the one pass: ``miner.scan`` runs it over the results it
holds (``cross_check``), the engine over the results it stored, reading the
ledgers of the reports asked about a few at a time (``Ledgers``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePath

from ..checks.findings import document_finding, merged_row, reported
from ..checks.model import Check
from ..checks.policy import Policy
from ..checks.prior import CellKey, DocumentFacts, Identity, LedgerCell
from ..checks.rules import xd01

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


class Ledgers:
    """The ledgers of the reports asked about, read with ``load(doc)`` when first asked for and
    kept ``kept`` at a time (a corpus of thousands of reports is not held in memory)."""

    def __init__(self, load: Callable[[str], Ledger], kept: int = 64):
        self._load, self._kept = load, kept
        self._held: dict[str, Ledger] = {}

    def __call__(self, doc: str) -> Ledger:
        if doc not in self._held:
            if len(self._held) >= self._kept:
                self._held.pop(next(iter(self._held)))
            self._held[doc] = self._load(doc)
        return self._held[doc]


class CorpusPass:
    """The cross-document pass over a corpus: its reports by identity, their ledgers, the policy."""

    def __init__(self, identities: Iterable[tuple[str, Identity | None]],
                 ledger_of: Callable[[str], Ledger], policy: Policy):
        self.reports = Reports(identities)
        self.ledger_of = ledger_of
        self.policy = policy

    def checks(self, doc: str, facts: DocumentFacts) -> list[Check]:
        """XD01 on the questions a document leaves, against the body's report of the year before."""
        earlier_doc = self.reports.previous(doc, facts.identity)
        if earlier_doc is None or not facts.questions:
            return []
        ledger = self.ledger_of(earlier_doc)
        found = []
        for question in facts.questions:
            cell = ledger.get(question.key)
            if cell is not None:
                found.append(self.policy.applied(xd01.check(question, cell, earlier_doc, self.policy.tolerance)))
        return found

    def merged(self, doc: str, claims: tuple, findings: tuple, facts: DocumentFacts
               ) -> tuple[tuple, tuple, tuple[Check, ...]] | None:
        """A document's claim rows and findings with its cross-document checks merged in, and the
        checks; None when there are none (the document's result stands as it is)."""
        checks = self.checks(doc, facts)
        if not checks:
            return None
        by_claim = {c.claim_id: c for c in checks}
        rows, added = [], []
        for row in claims:
            check = by_claim.get(row.claim_id)
            if check is None:
                rows.append(row)
                continue
            rows.append(merged_row(row, check, self.policy.language))
            if reported(check):
                added.append(document_finding(doc, check, self.policy.language))
        return tuple(rows), tuple(findings) + tuple(added), tuple(checks)


def cross_check(results: list, policy: Policy) -> list:
    """``DocumentResult``s with XD01 merged in, for an in-process scan (``miner.scan``)."""
    ledgers = {r.path: r.facts.ledger for r in results}
    corpus = CorpusPass(((r.path, r.facts.identity) for r in results), ledgers.__getitem__, policy)
    out = []
    for result in results:
        merged = corpus.merged(result.path, result.claims, result.findings, result.facts)
        out.append(result if merged is None else
                   replace(result, claims=merged[0], findings=merged[1], checks=result.checks + merged[2]))
    return out
