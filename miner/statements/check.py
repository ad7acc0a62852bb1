"""A statement checked against its sources: figures, scopes, links, verdicts and findings."""
from __future__ import annotations

from ..checks.model import Finding
from ..checks.registry import selected
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


def check_statement(doc: Document, sources: list[Source], body: str = "", year: int = 0) -> StatementResult:
    readable = tuple(s for s in sources if not s.error)
    index = SourceIndex(readable)
    bodies = BodyNames([s.identity.body for s in readable] + ([body] if body else []))
    paragraphs = tuple(paragraphs_from_lines(doc, set()))
    names = [row.label for s in readable for table in s.tables for row in table.rows if row.code]
    claims = extract_claims(list(paragraphs), names)
    scopes = read_scopes(paragraphs, claims, Scope(body=body, year=year), bodies, by_line=True)
    figures = tuple(Figure(c, scopes[c.id], doc.path) for c in claims if c.kind in FIGURE_KINDS and c.id in scopes)
    judgements = tuple(judge_figure(figure, figures, index) for figure in figures)
    findings = tuple(_finding(doc.path, j) for j in judgements if j.verdict == MISMATCH) + own_arithmetic(doc)
    return StatementResult(doc.path, doc, paragraphs, judgements, findings)


def own_arithmetic(doc: Document) -> tuple[Finding, ...]:
    """The statement's shares, rates, changes and parts against each other, as in a report."""
    result = scan_read(doc, doc.path, selected(OWN_RULES))
    return tuple(f for f in result.findings if f.severity)


def _finding(statement: str, judgement: Judgement) -> Finding:
    claim = judgement.figure.claim
    evidence = judgement.evidence[0] if judgement.evidence else None
    cited = ""
    if evidence is not None:
        cited = (f"{evidence.source} p.{evidence.page} l.{evidence.line}: "
                 + (evidence.formula + "; " if evidence.formula else "") + evidence.text)
    return Finding(doc=statement, file=claim.file, page=claim.page, line=claim.line, rule=judgement.rule,
                   severity=judgement.severity, verdict=MISMATCH, claim_id=claim.id, found=claim.text,
                   expected=judgement.expected, evidence=cited, sentence=claim.sentence, message=judgement.reason,
                   tolerance=judgement.tolerance)


def check(statements: list[Document], sources: list[Source], body: str = "", year: int = 0) -> CheckResult:
    """Every statement against the same sources (read once: miner.statements.sources.read_sources)."""
    return CheckResult(tuple(check_statement(doc, sources, body, year) for doc in statements), tuple(sources))
