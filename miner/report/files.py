"""Every file a report directory holds, with its columns: the one list to change.

Each table's rows belong to one document at a time, so the scan engine can
store a document's rows as soon as it is done and assemble, resume and merge
reports table by table without knowing what a table means
(``miner.engine``). A new table is added here and in ``rows.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..scan import CLAIM_COLUMNS, FINDING_COLUMNS

ENCODING = "utf-8-sig"      # with BOM, so Excel shows the Chinese


@dataclass(frozen=True)
class ReportTable:
    name: str                   # the CSV file's name; Parquet: the same stem, .parquet
    columns: tuple[str, ...]
    about: str


CLAIMS = ReportTable("claims.csv", CLAIM_COLUMNS, "one row per claim in the prose, with its verdict")
FINDINGS = ReportTable("findings.csv", FINDING_COLUMNS, "one row per problem found")

TABLES = (CLAIMS, FINDINGS)
