"""Write the report tables as Parquet (``miner scan --parquet``), for corpora whose CSVs get large.

Same tables, columns and row order as the CSVs. The position columns are
integers (blank in the CSV: null), every other column is text. Written in row groups as documents
are assembled, to a temporary name renamed into place.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .files import ReportTable

ROW_GROUP = 50_000
INTEGER_COLUMNS = frozenset({"page", "line", "table_page", "row"})


def available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


class ParquetTableWriter:
    suffix = ".parquet"

    def __init__(self, table: ReportTable, out: Path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._table = table
        stem = table.name.rsplit(".", 1)[0]
        self.path = out / f"{stem}.parquet"
        self._tmp = out / f"{stem}.parquet.tmp"
        self._schema = pa.schema([(name, pa.int64() if name in INTEGER_COLUMNS else pa.string())
                                  for name in table.columns])
        self._writer = pq.ParquetWriter(self._tmp, self._schema)
        self._pending: list[tuple] = []
        self._wrote = False

    def write(self, rows) -> None:
        columns = self._table.columns
        self._pending.extend(tuple(_value(row.get(name, ""), name) for name in columns) for row in rows)
        if len(self._pending) >= ROW_GROUP:
            self._flush()

    def write_text(self, text: str) -> None:
        """Rows as ``report.csv.csv_text`` encodes them (the stored form of a document's rows)."""
        columns = self._table.columns
        self._pending.extend(tuple(_value(value, name) for name, value in zip(columns, values))
                             for values in csv.reader(io.StringIO(text)))
        if len(self._pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        columns = list(zip(*self._pending)) if self._pending else [()] * len(self._table.columns)
        batch = self._pa.table([self._pa.array(list(col), type=field.type)
                                for col, field in zip(columns, self._schema)], schema=self._schema)
        self._writer.write_table(batch)
        self._pending = []
        self._wrote = True

    def commit(self) -> Path:
        if self._pending or not self._wrote:
            self._flush()
        self._writer.close()
        self._tmp.replace(self.path)
        return self.path

    def abort(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)


def _value(value, column: str):
    if column in INTEGER_COLUMNS:
        return None if value == "" or value is None else int(value)
    return "" if value is None else str(value)
