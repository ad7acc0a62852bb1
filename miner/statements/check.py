"""A statement checked against its sources: figures, scopes, links, verdicts and findings."""
from __future__ import annotations

from ..checks.findings import claim_finding
from ..checks.model import Check, Finding
from ..checks.registry import policy_with, selected
from ..claims.extract import extract_claims
from ..ingest.model import Document
from ..prose.build import paragraphs_from_lines
from ..scan import scan_read
from .link import SourceIndex, judge_figure
from .model import MISMATCH, CheckResult, Figure, Judgement, Scope, Source, StatementResult
from .scope import FIGURE_KINDS, BodyNames, read_scopes

# The statement's own arithmetic is checked by the scan's rules that read the prose alone:
# recomputed shares, rates, changes and sums of parts (DR), the prose against itself (PR).
OWN_RULES = ("DR", "PR")


def check_statement(doc: Document, sources: list[Source], body: str = "", year: int = 0, language: str = "zh"
                    ) -> StatementResult:
    readable = tuple(s for s in sources if not s.error)
    index = SourceIndex(readable)
    bodies = BodyNames([s.identity.body for s in readable] + ([body] if body else []))
    paragraphs = tuple(paragraphs_from_lines(doc, set()))
    names = [row.label for s in readable for table in s.tables for row in table.rows if row.code]
    claims = extract_claims(list(paragraphs), names)
    scopes = read_scopes(paragraphs, claims, Scope(body=body, year=year), bodies, by_line=True)
    figures = tuple(Figure(c, scopes[c.id], doc.path) for c in claims if c.kind in FIGURE_KINDS and c.id in scopes)
    judgements = tuple(judge_figure(figure, figures, index, language) for figure in figures)
    findings = (tuple(_finding(doc.path, j, language) for j in judgements if j.verdict == MISMATCH)
                + own_arithmetic(doc, language))
    return StatementResult(doc.path, doc, paragraphs, judgements, findings)


def own_arithmetic(doc: Document, language: str = "zh") -> tuple[Finding, ...]:
    """The statement's shares, rates, changes and parts against each other, as in a report."""
    result = scan_read(doc, doc.path, selected(OWN_RULES), policy_with(language=language))
    return tuple(f for f in result.findings if f.severity)


def _finding(statement: str, judgement: Judgement, language: str) -> Finding:
    claim = judgement.figure.claim
    evidence = judgement.evidence[0] if judgement.evidence else None
    cited = ""
    if evidence is not None:
        cited = (f"{evidence.source} p.{evidence.page} l.{evidence.line}: "
                 + (evidence.formula + "; " if evidence.formula else "") + evidence.text)
    return claim_finding(statement, claim, Check(judgement.rule, claim.id, MISMATCH, judgement.severity,
                                                 judgement.expected, cited, judgement.reason, judgement.tolerance),
                         language)


def check(statements: list[Document], sources: list[Source], body: str = "", year: int = 0,
          language: str = "zh") -> CheckResult:
    """Every statement against the same sources (read once: miner.statements.sources.read_sources),
    said in ``language`` (zh, en)."""
    return CheckResult(tuple(check_statement(doc, sources, body, year, language) for doc in statements),
                       tuple(sources), language)
