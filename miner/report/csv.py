"""Write the report tables as CSV: UTF-8 with BOM so Excel reads the Chinese.

Files are written to a temporary name and renamed into place, so a reader
(or a killed run) never sees half a file.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..scan import ScanResult
from .tables import REPORT_TABLES, ReportTable

ENCODING = "utf-8-sig"


class CsvTableWriter:
    """Stream one table's rows into ``DIR/NAME.csv``; ``commit`` renames it into place."""

    suffix = ".csv"

    def __init__(self, table: ReportTable, out: Path):
        self.path = out / f"{table.name}.csv"
        self._tmp = out / f"{table.name}.csv.tmp"
        self._handle = open(self._tmp, "w", encoding=ENCODING, newline="")
        self._writer = csv.writer(self._handle, lineterminator="\n")
        self._writer.writerow(table.columns)

    def write(self, rows) -> None:
        self._writer.writerows(rows)

    def commit(self) -> Path:
        self._handle.close()
        self._tmp.replace(self.path)
        return self.path

    def abort(self) -> None:
        self._handle.close()
        self._tmp.unlink(missing_ok=True)


def write_csvs(result: ScanResult, out: str | Path) -> tuple[Path, ...]:
    """Write every report table of ``result`` to ``out``; returns the paths in table order."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in REPORT_TABLES:
        writer = CsvTableWriter(table, out)
        for doc in result.documents:
            writer.write(table.rows(doc))
        paths.append(writer.commit())
    return tuple(paths)
