"""What the terminal shows after a run: counts by verdict and severity, then the errors
(at most a given number, with the count of the rest); or the findings as JSON lines."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..messages import text
from ..scan import FINDING_COLUMNS, ScanResult


def summary(result: ScanResult, show_errors: int | None = None, out: Path | None = None,
            language: str = "en") -> str:
    """The counts, then the error findings: all of them, or the first ``show_errors``; in ``language``."""
    claims = result.claims
    verdicts = Counter(row.verdict for row in claims)
    severities = Counter(f.severity for f in result.findings)
    lines = [text(language, "summary.counts", documents=len(result.documents), claims=len(claims),
                  **{k: verdicts.get(k, 0) for k in ("ok", "rounding", "mismatch", "unlinked")}),
             text(language, "summary.findings", **{k: severities.get(k, 0) for k in ("error", "warning", "info")})]
    errors = [f for f in result.findings if f.severity == "error"]
    shown = errors if show_errors is None else errors[:show_errors]
    for f in shown:
        where = (text(language, "summary.where_page", doc=f.doc, line=f.line, page=f.page) if f.page
                 else text(language, "summary.where", doc=f.doc, line=f.line))
        lines.append(text(language, "summary.error", rule=f.rule, where=where, message=f.message))
    if len(shown) < len(errors):
        rest = len(errors) - len(shown)
        where = Path(out) / "findings.csv" if out is not None else "findings.csv"
        lines.append(text(language, "summary.more", rest=rest, where=where))
    return "\n".join(lines)


def findings_jsonl(result: ScanResult):
    """One JSON object per finding, in report order; its keys are the columns of findings.csv."""
    for finding in result.findings:
        yield json.dumps({key: getattr(finding, key) for key in FINDING_COLUMNS}, ensure_ascii=False)
