"""Write claims.csv and findings.csv: UTF-8 with BOM so Excel reads the Chinese."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ..scan import CLAIM_COLUMNS, FINDING_COLUMNS, ScanResult

ENCODING = "utf-8-sig"


def write_csvs(result: ScanResult, out: str | Path) -> tuple[Path, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    claims = pd.DataFrame([asdict(row) for row in result.claims], columns=list(CLAIM_COLUMNS))
    findings = pd.DataFrame([{k: getattr(f, k) for k in FINDING_COLUMNS} for f in result.findings],
                            columns=list(FINDING_COLUMNS))
    claims_path, findings_path = out / "claims.csv", out / "findings.csv"
    for frame, path in ((claims, claims_path), (findings, findings_path)):
        tmp = path.with_suffix(".csv.tmp")
        frame.to_csv(tmp, index=False, encoding=ENCODING)
        tmp.replace(path)
    return claims_path, findings_path
