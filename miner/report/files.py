"""Every file a report directory holds, with its columns: the one list to change.

Each table has ``doc`` as its first column and rows of one document only, so
reports of several runs can be concatenated table by table and a document's
rows can be cached or replaced without knowing what a table means.
``report.html`` is rendered from these tables alone (``miner report DIR``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..scan import CLAIM_COLUMNS, FINDING_COLUMNS

ENCODING = "utf-8-sig"      # with BOM, so Excel shows the Chinese


@dataclass(frozen=True)
class ReportTable:
    name: str
    columns: tuple[str, ...]
    about: str


DOCUMENTS = ReportTable("documents.csv", ("doc", "error"),
                        "one row per document scanned, with the reason it could not be read")
CLAIMS = ReportTable("claims.csv", CLAIM_COLUMNS, "one row per claim in the prose, with its verdict")
FINDINGS = ReportTable("findings.csv", FINDING_COLUMNS, "one row per problem found")
CELLS = ReportTable("cells.csv", ("doc", "table_id", "table", "table_title", "table_page", "row", "row_code",
                                  "row_label", "group", "column", "cell_id", "raw", "page", "line"),
                    "every recognised table cell; a row without cells or a table without rows has blank cell fields")
EVIDENCE = ReportTable("evidence.csv", ("doc", "claim_id", "cell_id"),
                       "the table cells each claim's evidence cites, in the order cited")

TABLES = (DOCUMENTS, CLAIMS, FINDINGS, CELLS, EVIDENCE)
HTML = "report.html"
# Where each document's rows start and end in each CSV (bytes), its claims' counts by
# verdict, and the files' sizes: report.html reads only the documents it shows in full.
# Written by ``miner scan`` and ``miner merge``; ignored when a CSV no longer has its size.
OFFSETS = ".miner/offsets.json"
