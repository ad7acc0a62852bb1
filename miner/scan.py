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

from .checks.context import Context
from .checks.findings import failure, judged
from .checks.model import CLAIM_COLUMNS, FINDING_COLUMNS, Check, ClaimRow, Finding  # noqa: F401 - the result's rows
from .checks.policy import Policy, default_policy
from .checks.prior import DocumentFacts
from .checks.registry import policy_with, selected
from .checks.rules import in01, xd01
from .checks.run import run_rules
from .claims.extract import extract_claims
from .claims.model import Claim
from .corpus.crosscheck import cross_check
from .corpus.facts import document_facts
from .ingest.collect import collect
from .ingest.model import Document, IngestError
from .ingest.read import read_document
from .lexicon import load
from .linking.link import link_claims
from .messages import say
from .prose.build import paragraphs_from_lines
from .tables.build import tables_from_lines
from .tables.model import Table


@dataclass(frozen=True)
class DocumentResult:
    path: str
    claims: tuple[ClaimRow, ...] = ()
    findings: tuple[Finding, ...] = ()
    tables: tuple[Table, ...] = ()
    error: str = ""
    # what the documents read against this one need (same body, next year): see miner.corpus
    facts: DocumentFacts = field(default_factory=DocumentFacts)
    # every check the rules made, agreements too (the findings are those that are not): kept by a
    # scan in this process, left out of the results a scan worker sends back
    checks: tuple[Check, ...] = ()


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


def scan_document(path: str | Path, rules=None, display: str | None = None,
                  policy: Policy | None = None) -> DocumentResult:
    path = Path(path)
    policy = policy or default_policy()
    display = display or str(path)
    rules = rules if rules is not None else selected()
    try:
        doc = _read(path, display)
    except IngestError as exc:
        if not any(rule.CODE == in01.CODE for rule in rules):
            return DocumentResult(display, error=str(exc))
        finding = failure(display, in01, str(exc), "a readable disclosure", say("in01.unreadable", doc=display, reason=exc), policy)
        return DocumentResult(display, findings=(finding,), error=str(exc))
    return scan_read(doc, display, rules, policy)


def read_parts(doc: Document) -> tuple[tuple[Table, ...], list, tuple[Claim, ...]]:
    """A document's tables, prose paragraphs and claims: the stages before linking."""
    tables = tables_from_lines(doc)
    table_lines = {doc.lines[index].offset for index in doc.lines_within(t.span for t in tables)}
    paragraphs = paragraphs_from_lines(doc, table_lines)
    names = [row.label for table in tables for row in table.rows if row.code]
    return tables, paragraphs, extract_claims(paragraphs, names)


def scan_read(doc: Document, display: str, rules, policy: Policy | None = None) -> DocumentResult:
    """The scan of a document already read: its tables, prose, claims, links and checks."""
    policy = policy or default_policy()
    tables, paragraphs, claims = read_parts(doc)
    links = link_claims(claims, tables)
    ctx = Context(doc=display, claims={c.id: c for c in claims}, links=links, tables=tables,
                  lines=doc.lines, paragraphs=tuple(paragraphs), policy=policy)
    rows, findings, checks = judged(display, claims, links, run_rules(ctx, rules), policy)
    return DocumentResult(display, claims=rows, findings=findings, tables=tables, facts=document_facts(ctx),
                          checks=checks)


def scan(paths, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
         severity: dict[str, str] | None = None, policy: Policy | None = None,
         language: str | None = None) -> ScanResult:
    """Scan files and directories; an unreadable document becomes an IN01 finding.

    ``severity`` maps rule codes or prefixes to the severity their findings get
    (the configuration's ``[severity]`` table), for this scan only; ``policy`` is
    a whole policy (``miner.checks.registry.policy(config)``), the default
    configuration's when not given; ``language`` the messages' ("zh", "en", "auto":
    the locale's; default: the configuration's)."""
    if policy is None:
        policy = policy_with(severity, language)
    elif severity or language:
        raise ValueError("give either severity and language or a policy, not both")
    rules = selected(select, ignore)
    results = [scan_document(path, rules, policy=policy) for path in collect(paths).documents]
    if any(rule.CODE == xd01.CODE for rule in rules):
        results = cross_check(results, policy)
    return ScanResult(tuple(results))


def financial_kinds() -> tuple[str, ...]:
    return tuple(load("claims")["financial_kinds"])


class _ScanModule(types.ModuleType):
    """This module, callable: ``miner.scan(paths, …)`` is ``miner.scan.scan(paths, …)``."""

    def __call__(self, paths, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 severity: dict[str, str] | None = None, policy: Policy | None = None,
                 language: str | None = None) -> ScanResult:
        return scan(paths, select, ignore, severity, policy, language)


sys.modules[__name__].__class__ = _ScanModule
