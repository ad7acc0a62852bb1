"""Write the report tables as Parquet (``miner scan --parquet``), for corpora whose CSVs get large.

Same tables, columns and row order as the CSVs; ``page`` and ``line`` are
integers, every other column is text. Written in row groups as documents
are assembled, to a temporary name renamed into place.
"""
from __future__ import annotations

from pathlib import Path

from .tables import ReportTable

ROW_GROUP = 50_000


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
        self.path = out / f"{table.name}.parquet"
        self._tmp = out / f"{table.name}.parquet.tmp"
        self._schema = pa.schema([(name, pa.int64() if name in table.integer_columns else pa.string())
                                  for name in table.columns])
        self._writer = pq.ParquetWriter(self._tmp, self._schema)
        self._pending: list[tuple] = []
        self._wrote = False

    def write(self, rows) -> None:
        self._pending.extend(rows)
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
