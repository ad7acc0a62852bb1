"""What the terminal shows after a run: counts by verdict and severity, then the errors
(at most a given number, with the count of the rest); or the findings as JSON lines."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..scan import FINDING_COLUMNS, ScanResult


def summary(result: ScanResult, show_errors: int | None = None, out: Path | None = None) -> str:
    """The counts, then the error findings: all of them, or the first ``show_errors``."""
    claims = result.claims
    verdicts = Counter(row.verdict for row in claims)
    severities = Counter(f.severity for f in result.findings)
    lines = [f"{len(result.documents)} document(s), {len(claims)} claim(s): "
             + ", ".join(f"{k} {verdicts.get(k, 0)}" for k in ("ok", "rounding", "mismatch", "unlinked")),
             "findings: " + ", ".join(f"{k} {severities.get(k, 0)}" for k in ("error", "warning", "info"))]
    errors = [f for f in result.findings if f.severity == "error"]
    shown = errors if show_errors is None else errors[:show_errors]
    for f in shown:
        where = f"{f.doc}:{f.line}" + (f" (p.{f.page})" if f.page else "")
        lines.append(f"  error {f.rule} {where}: {f.message}")
    if len(shown) < len(errors):
        rest = len(errors) - len(shown)
        where = Path(out) / "findings.csv" if out is not None else "findings.csv"
        lines.append(f"  … and {rest} more error(s): every finding is in {where} (--show-errors N prints more)")
    return "\n".join(lines)


def findings_jsonl(result: ScanResult):
    """One JSON object per finding, in report order; its keys are the columns of findings.csv."""
    for finding in result.findings:
        yield json.dumps({key: getattr(finding, key) for key in FINDING_COLUMNS}, ensure_ascii=False)
