"""The files of a statement check: claims.csv and findings.csv, the scan's contract with the source named.

The columns of ``miner scan``'s tables come first, in their order, so what
reads a scan's report reads these; the columns after them name the figure's
scope and the source its evidence comes from.
"""
from __future__ import annotations

from pathlib import Path

from ..numbers import format_decimal
from ..report.csv import CsvTableWriter
from ..report.files import ReportTable
from ..scan import CLAIM_COLUMNS, FINDING_COLUMNS
from .model import CheckResult, Judgement
from .scope import stage_label

CLAIMS = ReportTable("claims.csv", CLAIM_COLUMNS + ("body", "year", "stage", "source", "source_page", "source_line",
                                                    "source_text"),
                     "one row per figure of a statement, with its verdict against the sources")
FINDINGS = ReportTable("findings.csv", FINDING_COLUMNS + ("source",),
                       "one row per problem: a figure that differs from the source, the statement's own arithmetic")


def claim_row(statement: str, judgement: Judgement) -> dict[str, str]:
    claim, scope = judgement.figure.claim, judgement.figure.scope
    evidence = judgement.evidence[0] if judgement.evidence else None
    cited = ""
    if evidence is not None:
        cited = evidence.formula or evidence.text
    return {
        "doc": statement, "file": claim.file, "page": str(claim.page), "line": str(claim.line),
        "section": claim.section_title, "claim_id": claim.id, "sentence": claim.sentence, "claim_text": claim.text,
        "kind": claim.kind, "subject": scope.subject, "measure": claim.measure, "period": claim.period,
        "value": format_decimal(claim.value), "unit": claim.unit, "approx": claim.approx,
        "evidence": cited, "evidence_value": judgement.expected, "verdict": judgement.verdict,
        "severity": judgement.severity, "rules": judgement.rule, "message": judgement.reason,
        "body": scope.body, "year": str(scope.year or ""), "stage": stage_label(scope.stage),
        "source": evidence.source if evidence else "", "source_page": str(evidence.page) if evidence else "",
        "source_line": str(evidence.line) if evidence else "", "source_text": evidence.text if evidence else "",
    }


def finding_rows(result: CheckResult) -> list[dict[str, str]]:
    rows = []
    for statement in result.statements:
        sources = {j.figure.claim.id: j.evidence[0].source for j in statement.judgements if j.evidence}
        for f in statement.findings:
            rows.append({"doc": f.doc, "file": f.file, "page": str(f.page), "line": str(f.line), "rule": f.rule,
                         "severity": f.severity, "claim_id": f.claim_id, "found": f.found, "expected": f.expected,
                         "evidence": f.evidence, "sentence": f.sentence, "message": f.message,
                         "source": sources.get(f.claim_id, "") if f.rule.startswith("SC") else ""})
    return rows


def write_csvs(result: CheckResult, out: str | Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    claims = CsvTableWriter(CLAIMS, out)
    claims.write([claim_row(s.name, j) for s in result.statements for j in s.judgements])
    findings = CsvTableWriter(FINDINGS, out)
    findings.write(finding_rows(result))
    return [claims.commit(), findings.commit()]
