"""The terminal summary: counts by verdict and severity, then the errors."""
from __future__ import annotations

from collections import Counter

from ..scan import ScanResult


def summary(result: ScanResult) -> str:
    claims = result.claims
    verdicts = Counter(row.verdict for row in claims)
    severities = Counter(f.severity for f in result.findings)
    lines = [f"{len(result.documents)} document(s), {len(claims)} claim(s): "
             + ", ".join(f"{k} {verdicts.get(k, 0)}" for k in ("ok", "rounding", "mismatch", "unlinked")),
             "findings: " + ", ".join(f"{k} {severities.get(k, 0)}" for k in ("error", "warning", "info"))]
    errors = [f for f in result.findings if f.severity == "error"]
    for f in errors:
        where = f"{f.doc}:{f.line}" + (f" (p.{f.page})" if f.page else "")
        lines.append(f"  error {f.rule} {where}: {f.message}")
    return "\n".join(lines)
