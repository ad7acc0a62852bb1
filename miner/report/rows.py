"""The rows of every report table for one scanned document (see files.py)."""
from __future__ import annotations

from dataclasses import asdict

from ..scan import FINDING_COLUMNS, DocumentResult
from .files import CLAIMS, FINDINGS


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    return {
        CLAIMS.name: [asdict(row) for row in result.claims],
        FINDINGS.name: [{k: getattr(f, k) for k in FINDING_COLUMNS} for f in result.findings],
    }
