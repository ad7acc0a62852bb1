"""Write the report tables from stored per-document results, in report order, atomically."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..corpus.model import DocumentFacts
from ..report.csv import CsvTableWriter
from ..report.files import TABLES
from ..scan import DocumentResult
from .store import StoredResult


def assemble(out: Path, results: Iterable[StoredResult], parquet: bool = False
             ) -> tuple[tuple[DocumentResult, ...], tuple[Path, ...]]:
    """Stream ``results`` (already in report order) into every report table; returns the documents and files."""
    out.mkdir(parents=True, exist_ok=True)
    kinds = [CsvTableWriter]
    if parquet:
        from ..report.parquet import ParquetTableWriter

        kinds.append(ParquetTableWriter)
    writers = [kind(table, out) for kind in kinds for table in TABLES]
    documents = []
    try:
        for stored in results:
            for writer, table in zip(writers, TABLES * len(kinds)):
                writer.write_text(stored.text[table.name])
            # the summary needs claims and findings only: a corpus's ledgers would fill memory
            documents.append(replace(stored.result, facts=DocumentFacts()))
    except BaseException:
        for writer in writers:
            writer.abort()
        raise
    return tuple(documents), tuple(writer.commit() for writer in writers)
