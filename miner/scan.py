"""The library entry point: ``miner.scan(paths)`` -> ScanResult.

document -> pages and lines -> tables and sentences -> claims -> links ->
checks -> claim rows and findings. Each stage returns plain frozen data and
never reaches back into an earlier one.
"""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

from .checks import overrides
from .checks.context import Context
from .checks.model import Finding
from .checks.registry import selected
from .checks.rules import in01, xd01
from .checks.run import CheckIndex, run_document_rules, run_rules, settle
from .claims.extract import extract_claims
from .claims.model import Claim
from .corpus.crosscheck import cross_check
from .corpus.facts import document_facts
from .corpus.model import DocumentFacts
from .ingest.collect import collect
from .ingest.model import Document, IngestError
from .ingest.read import read_document
from .lexicon import load
from .linking.link import link_claims
from .numbers import format_decimal
from .prose.build import paragraphs_from_lines
from .records import record
from .tables.build import tables_from_lines
from .tables.model import Table


_KIND_REASON = {
    "count": "a count: the tables state money, not counts",
    "indicator": "a performance indicator (满意率, 办结率 …): no table states it",
    "date": "a year or date: context only",
    "threshold": "a threshold in a definition (单价…以上), not a figure",
    "number": "a number without a unit",
}


@record
class ClaimRow:
    """One row of claims.csv."""

    doc: str
    file: str
    page: int
    line: int
    section: str
    claim_id: str
    sentence: str
    claim_text: str
    kind: str
    subject: str
    measure: str
    period: str
    value: str
    unit: str
    approx: str
    evidence: str
    evidence_value: str
    verdict: str
    severity: str
    rules: str
    message: str


CLAIM_COLUMNS = tuple(ClaimRow.__dataclass_fields__)
FINDING_COLUMNS = ("doc", "file", "page", "line", "rule", "severity", "claim_id", "found", "expected",
                   "evidence", "sentence", "message")


@dataclass(frozen=True)
class DocumentResult:
    path: str
    claims: tuple[ClaimRow, ...] = ()
    findings: tuple[Finding, ...] = ()
    tables: tuple[Table, ...] = ()
    error: str = ""
    # what the documents read against this one need (same body, next year): see miner.corpus
    facts: DocumentFacts = field(default_factory=DocumentFacts)


@dataclass(frozen=True)
class ScanResult:
    documents: tuple[DocumentResult, ...] = field(default=())

    @property
    def claims(self) -> list[ClaimRow]:
        return [row for doc in self.documents for row in doc.claims]

    @property
    def findings(self) -> list[Finding]:
        return [f for doc in self.documents for f in doc.findings]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def _read(path: Path, display: str) -> Document:
    return read_document(path, display)


def scan_document(path: str | Path, rules=None, display: str | None = None) -> DocumentResult:
    path = Path(path)
    display = display or str(path)
    rules = rules if rules is not None else selected()
    try:
        doc = _read(path, display)
    except IngestError as exc:
        if not any(rule.CODE == in01.CODE for rule in rules):
            return DocumentResult(display, error=str(exc))
        finding = Finding(doc=display, file="", page=0, line=0, rule=in01.CODE,
                          severity=overrides.severity(in01.CODE, in01.SEVERITY), verdict="",
                          claim_id="", found=str(exc), expected="a readable disclosure", evidence=display,
                          sentence="", message=f"cannot read {display}: {exc}")
        return DocumentResult(display, findings=(finding,), error=str(exc))
    return scan_read(doc, display, rules)


def read_parts(doc: Document) -> tuple[tuple[Table, ...], list, tuple[Claim, ...]]:
    """A document's tables, prose paragraphs and claims: the stages before linking."""
    tables = tables_from_lines(doc)
    table_lines = {doc.lines[index].offset for index in doc.lines_within(t.span for t in tables)}
    paragraphs = paragraphs_from_lines(doc, table_lines)
    names = [row.label for table in tables for row in table.rows if row.code]
    return tables, paragraphs, extract_claims(paragraphs, names)


def scan_read(doc: Document, display: str, rules) -> DocumentResult:
    """The scan of a document already read: its tables, prose, claims, links and checks."""
    tables, paragraphs, claims = read_parts(doc)
    links = link_claims(claims, tables)
    ctx = Context(doc=display, claims={c.id: c for c in claims}, links=links, tables=tables,
                  lines=doc.lines, paragraphs=tuple(paragraphs))
    checks = [overrides.applied(c) for c in run_rules(ctx, rules)]
    index = CheckIndex(checks)
    rows, findings = [], []
    for claim in claims:
        reason = links[claim.id].reason or _KIND_REASON.get(claim.kind, "no evidence found")
        if claim.kind in ("change_amount",) and not links[claim.id].reason:
            reason = "the previous year's figure is not in this document, and no change rate beside it to check"
        if claim.kind in ("rate", "share", "change_rate") and not links[claim.id].cells:
            reason = links[claim.id].reason or f"the figures this {claim.kind} is computed from were not found in the text"
        verdict = settle(claim, ctx, index, reason)
        rows.append(_row(display, claim, verdict))
        if verdict.verdict in ("mismatch", "rounding"):
            for check in index.own.get(claim.id, ()):
                if check.verdict == verdict.verdict:
                    findings.append(Finding(
                        doc=display, file=claim.file, page=claim.page, line=claim.line, rule=check.rule,
                        severity=check.severity, verdict=check.verdict, claim_id=claim.id, found=claim.text,
                        expected=check.expected, evidence=check.evidence, sentence=claim.sentence,
                        message=check.message, tolerance=check.tolerance))
    findings.extend(overrides.applied(f) for f in run_document_rules(ctx, rules))   # table and text findings
    return DocumentResult(display, claims=tuple(rows), findings=tuple(findings), tables=tables,
                          facts=document_facts(ctx))


def _row(doc: str, claim: Claim, verdict) -> ClaimRow:
    return ClaimRow(
        doc=doc, file=claim.file, page=claim.page, line=claim.line, section=claim.section_title,
        claim_id=claim.id, sentence=claim.sentence, claim_text=claim.text, kind=claim.kind,
        subject=claim.subject, measure=claim.measure, period=claim.period,
        value=format_decimal(claim.value), unit=claim.unit, approx=claim.approx,
        evidence=verdict.evidence, evidence_value=verdict.evidence_value, verdict=verdict.verdict,
        severity=verdict.severity, rules=" ".join(verdict.rules), message=verdict.message,
    )


def scan(paths, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
         severity: dict[str, str] | None = None) -> ScanResult:
    """Scan files and directories; an unreadable document becomes an IN01 finding.

    ``severity`` maps rule codes or prefixes to the severity their findings get
    (the configuration's ``[severity]`` table)."""
    if severity is not None:
        overrides.configure(severity)
    rules = selected(select, ignore)
    results = [scan_document(path, rules) for path in collect(paths).documents]
    if any(rule.CODE == xd01.CODE for rule in rules):
        results = cross_check(results)
    return ScanResult(tuple(results))


def financial_kinds() -> tuple[str, ...]:
    return tuple(load("claims")["financial_kinds"])


class _ScanModule(types.ModuleType):
    """This module, callable: ``miner.scan(paths, …)`` is ``miner.scan.scan(paths, …)``."""

    def __call__(self, paths, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 severity: dict[str, str] | None = None) -> ScanResult:
        return scan(paths, select, ignore, severity)


sys.modules[__name__].__class__ = _ScanModule
