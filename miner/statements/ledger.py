"""The terminal ledger: each figure of a statement with its verdict and evidence, in Chinese."""
from __future__ import annotations

from collections import Counter

from ..report.pages import pdf_of
from .model import DERIVED, MISMATCH, NOT_FOUND, SUPPORTED, CheckResult, Judgement, StatementResult
from .scope import stage_label
from .sources import describe

LABELS = {SUPPORTED: "相符", DERIVED: "推算相符", MISMATCH: "不符", NOT_FOUND: "未找到"}
MARKS = {SUPPORTED: "✓", DERIVED: "≈", MISMATCH: "✗", NOT_FOUND: "?"}


def _what(judgement: Judgement) -> str:
    scope = judgement.figure.scope
    parts = [scope.body, f"{scope.year}年" if scope.year else "", stage_label(scope.stage), scope.subject]
    return " ".join(p for p in parts if p)


def _line(judgement: Judgement) -> list[str]:
    claim = judgement.figure.claim
    head = (f"{MARKS[judgement.verdict]} [{LABELS[judgement.verdict]}] 第{claim.line}行 {claim.text}"
            f"（{_what(judgement)}）")
    lines = [head]
    for evidence in judgement.evidence:
        page = f"第{evidence.page}页" if pdf_of(evidence.source, evidence.file) else ""
        where = f"{evidence.source} {page}第{evidence.line}行" if evidence.line else evidence.source
        if evidence.kind == "cell":
            lines.append(f"    来源表格：{where}：{evidence.text} = {evidence.value}")
        elif evidence.kind == "recomputed":
            lines.append(f"    推算：{evidence.formula}")
            lines.append(f"    来源原文：{where}：“{evidence.text.strip()}”")
        else:
            lines.append(f"    来源原文：{where}：“{evidence.text.strip()}”")
    if judgement.reason and judgement.verdict != DERIVED:
        lines.append(f"    说明：{judgement.reason}")
    return lines


def statement_ledger(statement: StatementResult) -> str:
    counts = Counter(j.verdict for j in statement.judgements)
    lines = [f"陈述：{statement.name}",
             "  " + "，".join(f"{LABELS[v]} {counts[v]}" for v in (SUPPORTED, DERIVED, MISMATCH, NOT_FOUND))]
    for judgement in statement.judgements:
        lines.extend("  " + line for line in _line(judgement))
    own = [f for f in statement.findings if not f.rule.startswith("SC")]
    if own:
        lines.append("  陈述自身的计算：")
        for finding in own:
            lines.append(f"  ✗ 第{finding.line}行 {finding.rule} {finding.found}：{finding.message}")
    return "\n".join(lines)


def ledger(result: CheckResult) -> str:
    sources = ["对照来源："]
    for source in result.sources:
        if source.error:
            sources.append(f"  {source.name}：无法读取（{source.error}）")
        else:
            sources.append(f"  {source.name}（{describe(source.identity)}，{len(source.figures)}个文中数字，"
                           f"{len(source.tables)}张表）")
    return "\n".join(sources + [statement_ledger(s) for s in result.statements])
