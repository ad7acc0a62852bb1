"""Write the report tables from stored per-document results, in report order, atomically."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..checks.prior import DocumentFacts
from ..report.csv import CsvTableWriter
from ..report.files import OFFSETS, TABLES
from ..scan import DocumentResult
from .store import StoredResult, write_atomic


def assemble(out: Path, results: Iterable[StoredResult], parquet: bool = False
             ) -> tuple[tuple[DocumentResult, ...], tuple[Path, ...]]:
    """Stream ``results`` (already in report order) into every report table; returns the documents and files."""
    out.mkdir(parents=True, exist_ok=True)
    kinds = [CsvTableWriter]
    if parquet:
        from ..report.parquet import ParquetTableWriter

        kinds.append(ParquetTableWriter)
    writers = [kind(table, out) for kind in kinds for table in TABLES]
    csvs = list(zip(writers, TABLES))               # the first writers are the CSV ones
    offsets: dict[str, dict[str, list[int]]] = {table.name: {} for table in TABLES}
    counts: dict[str, dict[str, int]] = {}
    documents = []
    try:
        for stored in results:
            doc = stored.result.path
            starts = [writer.position() for writer, _table in csvs]
            for writer, table in zip(writers, TABLES * len(kinds)):
                writer.write_text(stored.text[table.name])
            for (writer, table), start in zip(csvs, starts):
                offsets[table.name][doc] = [start, writer.position()]
            counts[doc] = dict(Counter(row.verdict for row in stored.result.claims))
            # the summary needs claims and findings only: a corpus's ledgers would fill memory
            documents.append(replace(stored.result, facts=DocumentFacts()))
    except BaseException:
        for writer in writers:
            writer.abort()
        raise
    written = tuple(writer.commit() for writer in writers)
    index = {"sizes": {table.name: (out / table.name).stat().st_size for table in TABLES},
             "offsets": offsets, "claim_counts": counts}
    (out / OFFSETS).parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out / OFFSETS, json.dumps(index, ensure_ascii=False).encode("utf-8"))
    return tuple(documents), written
