"""Read a report directory back: every table of files.py as lists of string dicts."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from .files import CLAIMS, DOCUMENTS, ENCODING, FINDINGS, TABLES


class ReportDirError(Exception):
    pass


def read_report(out: str | Path, detailed: set[str] | None = None,
                claim_counts: dict[str, Counter] | None = None) -> dict[str, list[dict[str, str]]]:
    """name -> rows. claims.csv and findings.csv must exist; the other tables may be
    missing (a report written before they existed) and then read as empty.

    With ``detailed``, the claims, cells and evidence of other documents are not
    kept (a corpus report shows only some documents in full); their claims are
    still counted, by verdict, into ``claim_counts``."""
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
            reader = csv.reader(handle)
            header = next(reader, None) or []
            doc_at = header.index("doc") if "doc" in header else 0
            verdict_at = header.index("verdict") if table is CLAIMS and "verdict" in header else -1
            keep_all = detailed is None or table in (DOCUMENTS, FINDINGS)
            rows = []
            # a dict only for the rows kept: most rows of a corpus report are only counted
            for values in reader:
                if verdict_at >= 0 and claim_counts is not None:
                    claim_counts.setdefault(values[doc_at], Counter())[values[verdict_at]] += 1
                if keep_all or values[doc_at] in detailed:
                    rows.append(dict(zip(header, values)))
            tables[table.name] = rows
    return tables


def read_table(out: str | Path, table) -> list[dict[str, str]]:
    path = Path(out) / table.name
    if not path.exists():
        return []
    with open(path, encoding=ENCODING, newline="") as handle:
        return list(csv.DictReader(handle))
