"""Read a report directory back: every table of files.py as lists of string dicts."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from .files import CLAIMS, DOCUMENTS, ENCODING, FINDINGS, OFFSETS, TABLES


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
    index = _index(out) if detailed is not None else None
    tables = {}
    for table in TABLES:
        if index is not None and table not in (DOCUMENTS, FINDINGS):
            # only the documents shown in full are read; the counts come from the index
            tables[table.name] = _rows_of(out / table.name, index["offsets"][table.name], detailed)
            if table is CLAIMS and claim_counts is not None:
                for doc, counts in index["claim_counts"].items():
                    claim_counts.setdefault(doc, Counter()).update(counts)
            continue
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


def _index(out: Path) -> dict | None:
    """files.OFFSETS, when every CSV still has the size it was written with."""
    try:
        index = json.loads((out / OFFSETS).read_text(encoding="utf-8"))
        sizes = {table.name: (out / table.name).stat().st_size for table in TABLES}
    except (OSError, ValueError):
        return None
    if index.get("sizes") != sizes or set(index.get("offsets", {})) != set(sizes):
        return None
    return index


def _rows_of(path: Path, offsets: dict[str, list[int]], docs: set[str]) -> list[dict[str, str]]:
    """The rows of ``docs`` (in file order), read from their byte ranges only."""
    with open(path, "rb") as handle:
        header = next(csv.reader([handle.readline().decode(ENCODING)]))
        rows = []
        for doc, (start, end) in sorted(((d, r) for d, r in offsets.items() if d in docs), key=lambda p: p[1][0]):
            handle.seek(start)
            text = handle.read(end - start).decode("utf-8")
            rows.extend(dict(zip(header, values)) for values in csv.reader(io.StringIO(text)))
    return rows


def read_table(out: str | Path, table) -> list[dict[str, str]]:
    path = Path(out) / table.name
    if not path.exists():
        return []
    with open(path, encoding=ENCODING, newline="") as handle:
        return list(csv.DictReader(handle))
