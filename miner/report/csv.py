"""Write the report tables (files.py) as CSV: UTF-8 with BOM so Excel reads the Chinese."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..scan import ScanResult
from .files import ENCODING, TABLES
from .rows import document_rows


def write_csvs(result: ScanResult, out: str | Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict]] = {table.name: [] for table in TABLES}
    for document in result.documents:
        for name, part in document_rows(document).items():
            rows[name].extend(part)
    paths = []
    for table in TABLES:
        path = out / table.name
        tmp = path.with_suffix(".csv.tmp")
        pd.DataFrame(rows[table.name], columns=list(table.columns)).to_csv(tmp, index=False, encoding=ENCODING)
        tmp.replace(path)
        paths.append(path)
    return paths
