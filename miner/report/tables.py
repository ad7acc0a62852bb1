"""The report's tables: one entry per file the report writes (claims.csv, findings.csv, ...).

Each table is a name, its columns and a function from one document's result
to that document's rows. Everything that writes, stores or merges reports
(``write_csvs``, the scan engine's per-document results, ``miner merge``,
``--parquet``) goes over this list, so a new table is added here once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass

from ..scan import CLAIM_COLUMNS, FINDING_COLUMNS, DocumentResult


@dataclass(frozen=True)
class ReportTable:
    name: str                                   # file stem: claims -> claims.csv / claims.parquet
    columns: tuple[str, ...]
    integer_columns: frozenset[str]             # typed as integers in Parquet; all else is text
    rows: Callable[[DocumentResult], Iterable[tuple]]


def _claim_rows(result: DocumentResult) -> Iterable[tuple]:
    return (astuple(row) for row in result.claims)


def _finding_rows(result: DocumentResult) -> Iterable[tuple]:
    return (tuple(getattr(f, k) for k in FINDING_COLUMNS) for f in result.findings)


CLAIMS = ReportTable("claims", CLAIM_COLUMNS, frozenset({"page", "line"}), _claim_rows)
FINDINGS = ReportTable("findings", FINDING_COLUMNS, frozenset({"page", "line"}), _finding_rows)

REPORT_TABLES: tuple[ReportTable, ...] = (CLAIMS, FINDINGS)


def document_rows(result: DocumentResult) -> dict[str, list[tuple]]:
    """One document's rows of every report table, by table name."""
    return {table.name: [tuple(row) for row in table.rows(result)] for table in REPORT_TABLES}
