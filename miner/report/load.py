"""Read a report directory back: every table of files.py as lists of string dicts."""
from __future__ import annotations

import csv
from pathlib import Path

from .files import CLAIMS, ENCODING, FINDINGS, TABLES


class ReportDirError(Exception):
    pass


def read_report(out: str | Path) -> dict[str, list[dict[str, str]]]:
    """name -> rows. claims.csv and findings.csv must exist; the other tables may be
    missing (a report written before they existed) and then read as empty."""
    out = Path(out)
    tables = {}
    for table in TABLES:
        path = out / table.name
        if not path.exists():
            if table in (CLAIMS, FINDINGS):
                raise ReportDirError(f"{out} has no {table.name}: not a report directory written by `miner scan`")
            tables[table.name] = []
            continue
        with open(path, encoding=ENCODING, newline="") as handle:
            tables[table.name] = list(csv.DictReader(handle))
    return tables
