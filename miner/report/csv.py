"""Write the report tables (files.py) as CSV: UTF-8 with BOM so Excel reads the Chinese.

Files are streamed to a temporary name and renamed into place, so a reader
(or a killed run) never sees half a file, and a corpus's rows need not all
be in memory at once.
"""
from __future__ import annotations

import codecs
import csv
import io
from operator import itemgetter
from pathlib import Path

from ..scan import ScanResult
from .files import TABLES, ReportTable
from .rows import document_rows


class CsvTableWriter:
    """Stream one table's rows (dicts) into ``DIR/NAME``; ``commit`` renames it into place.

    Written as bytes, so ``position`` is the exact byte offset (for ``files.OFFSETS``)."""

    def __init__(self, table: ReportTable, out: Path):
        self.path = out / table.name
        self._tmp = out / f"{table.name}.tmp"
        self._handle = open(self._tmp, "wb")
        self._table = table
        self._handle.write(codecs.BOM_UTF8)      # files.ENCODING: UTF-8 with BOM
        self._handle.write(_encode(_csv([table.columns])))

    def write(self, rows) -> None:
        self.write_text(csv_text(self._table, rows))

    def write_text(self, text: str) -> None:
        """Rows already encoded by ``csv_text`` (a scan worker does it, the parent only copies)."""
        self._handle.write(_encode(text))

    def position(self) -> int:
        return self._handle.tell()

    def commit(self) -> Path:
        self._handle.close()
        self._tmp.replace(self.path)
        return self.path

    def abort(self) -> None:
        self._handle.close()
        self._tmp.unlink(missing_ok=True)


def csv_text(table: ReportTable, rows) -> str:
    """A table's rows as CSV text without the header, as ``CsvTableWriter`` writes them.

    Every row holds every column of its table (``rows.document_rows`` builds them so,
    tests/test_report_files.py holds it to that): the values are taken in column order
    by one ``itemgetter`` (csv.DictWriter, or a lookup per column, took twice as long)."""
    return _csv(map(_in_order(table.columns), rows))


def _in_order(columns: tuple[str, ...]):
    values = itemgetter(*columns)
    return values if len(columns) > 1 else lambda row: (values(row),)   # one column: a 1-tuple


def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _encode(text: str) -> bytes:
    return text.encode("utf-8")


def write_csvs(result: ScanResult, out: str | Path) -> list[Path]:
    """Write every report table of ``result`` to ``out``; returns the paths in table order."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    writers = [CsvTableWriter(table, out) for table in TABLES]
    for document in result.documents:
        rows = document_rows(document)
        for writer, table in zip(writers, TABLES):
            writer.write(rows[table.name])
    return [writer.commit() for writer in writers]
