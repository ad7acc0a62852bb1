"""The terminal ledger: each figure of a statement with its verdict and evidence, in the check's
language (``CheckResult.language``; the sentences are the catalogue's ledger.* keys)."""
from __future__ import annotations

from collections import Counter

from ..messages import label, text
from ..report.pages import pdf_of
from .model import DERIVED, MISMATCH, NOT_FOUND, SUPPORTED, CheckResult, Judgement, StatementResult
from .sources import describe

VERDICTS = (SUPPORTED, DERIVED, MISMATCH, NOT_FOUND)
MARKS = {SUPPORTED: "✓", DERIVED: "≈", MISMATCH: "✗", NOT_FOUND: "?"}


def labels(language: str) -> dict[str, str]:
    """The verdicts as the ledger and the page call them (相符, 推算相符, 不符, 未找到 in Chinese)."""
    return {verdict: label(language, "statement", verdict) for verdict in VERDICTS}


def _what(judgement: Judgement, language: str) -> str:
    scope = judgement.figure.scope
    parts = [scope.body, text(language, "ledger.year", year=scope.year) if scope.year else "",
             label(language, "stage", scope.stage) if scope.stage else "", scope.subject]
    return " ".join(p for p in parts if p)


def _line(judgement: Judgement, language: str) -> list[str]:
    claim = judgement.figure.claim
    lines = [text(language, "ledger.head", mark=MARKS[judgement.verdict], label=labels(language)[judgement.verdict],
                  line=claim.line, text=claim.text, what=_what(judgement, language))]
    for evidence in judgement.evidence:
        if not evidence.line:
            where = evidence.source
        elif pdf_of(evidence.source, evidence.file):
            where = text(language, "ledger.where_page", source=evidence.source, page=evidence.page, line=evidence.line)
        else:
            where = text(language, "ledger.where", source=evidence.source, line=evidence.line)
        if evidence.kind == "cell":
            lines.append(text(language, "ledger.cell", where=where, text=evidence.text, value=evidence.value))
        elif evidence.kind == "recomputed":
            lines.append(text(language, "ledger.recomputed", formula=evidence.formula))
            lines.append(text(language, "ledger.prose", where=where, text=evidence.text.strip()))
        else:
            lines.append(text(language, "ledger.prose", where=where, text=evidence.text.strip()))
    if judgement.reason and judgement.verdict != DERIVED:
        lines.append(text(language, "ledger.reason", reason=judgement.reason))
    return lines


def statement_ledger(statement: StatementResult, language: str = "zh") -> str:
    counts = Counter(j.verdict for j in statement.judgements)
    names = labels(language)
    lines = [text(language, "ledger.statement", name=statement.name),
             "  " + text(language, "ledger.separator").join(
                 text(language, "ledger.count", label=names[v], count=counts[v]) for v in VERDICTS)]
    for judgement in statement.judgements:
        lines.extend("  " + line for line in _line(judgement, language))
    own = [f for f in statement.findings if not f.rule.startswith("SC")]
    if own:
        lines.append(text(language, "ledger.own"))
        for finding in own:
            lines.append(text(language, "ledger.own_finding", line=finding.line, rule=finding.rule,
                              found=finding.found, message=finding.message))
    return "\n".join(lines)


def ledger(result: CheckResult) -> str:
    language = result.language
    sources = [text(language, "ledger.sources")]
    for source in result.sources:
        if source.error:
            sources.append(text(language, "ledger.unreadable", name=source.name, error=source.error))
        else:
            sources.append(text(language, "ledger.source", name=source.name,
                                identity=describe(source.identity, language), figures=len(source.figures),
                                tables=len(source.tables)))
    return "\n".join(sources + [statement_ledger(s, language) for s in result.statements])
