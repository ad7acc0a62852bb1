"""The rows of every report table for one scanned document (see files.py)."""
from __future__ import annotations

from ..scan import CLAIM_COLUMNS, FINDING_COLUMNS, DocumentResult
from ..tables.model import Cell, Table
from .files import CELLS, CLAIMS, DOCUMENTS, EVIDENCE, FINDINGS


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    ids = cell_ids(result.tables)
    refs = _references(result.tables, ids)
    return {
        DOCUMENTS.name: [{"doc": result.path, "error": result.error}],
        CLAIMS.name: [{k: getattr(row, k) for k in CLAIM_COLUMNS} for row in result.claims],
        FINDINGS.name: [{k: getattr(f, k) for k in FINDING_COLUMNS} for f in result.findings],
        CELLS.name: list(_cell_rows(result.path, result.tables, ids)),
        EVIDENCE.name: [{"doc": result.path, "claim_id": row.claim_id, "cell_id": cell_id}
                        for row in result.claims for cell_id in _cited(row.evidence, refs)],
    }


def _references(tables: tuple[Table, ...], ids: dict[int, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(table label, [(Cell.ref(), cell id)]) per table, computed once per document."""
    return [(table.label, [(cell.ref(), ids[id(cell)]) for cell in table.cells()]) for table in tables]


def _cited(evidence: str, refs) -> list[str]:
    if not evidence:
        return []
    found: list[tuple[int, str]] = []
    for label, cells in refs:
        if label not in evidence:
            continue
        for ref, cell_id in cells:
            # most of the table's cells are not cited: a plain test first, the word bounds after
            if ref in evidence and (at := _whole(evidence, ref)) >= 0:
                found.append((at, cell_id))
    return [cell_id for _at, cell_id in sorted(found)]


def cell_ids(tables: tuple[Table, ...]) -> dict[int, str]:
    """id(cell) -> a name unique in its document: table order, row index, position in the row."""
    return {id(cell): f"t{t}.r{row.index}.c{k}"
            for t, table in enumerate(tables, 1) for row in table.rows for k, cell in enumerate(row.cells)}


def cited_cells(evidence: str, tables: tuple[Table, ...], ids: dict[int, str]) -> list[str]:
    """The cells an evidence text cites, in the order it cites them.

    Rules cite a cell by ``Cell.ref()`` (via the checks' Figure.source), so a
    reference found whole in the text, not as part of a longer one (本年支出 in
    本年支出·小计), is a cell the evidence used.
    """
    return _cited(evidence, _references(tables, ids))


def _whole(text: str, ref: str) -> int:
    start = text.find(ref)
    while start >= 0:
        end = start + len(ref)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not (after.isalnum() or after in "·."):
            return start
        start = text.find(ref, start + 1)
    return -1


def _cell_rows(doc: str, tables: tuple[Table, ...], ids: dict[int, str]):
    for t, table in enumerate(tables, 1):
        head = {"doc": doc, "table_id": f"t{t}", "table": table.label, "table_title": table.title,
                "table_page": table.page}
        if not table.rows:
            yield {**head, **_blank_row()}
        for row in table.rows:
            where = {"row": row.index, "row_code": row.code, "row_label": row.label}
            if not row.cells:
                yield {**head, **_blank_row(), **where, "group": row.group, "page": row.page, "line": row.line}
            for cell in row.cells:
                yield {**head, **where, **_cell(cell), "cell_id": ids[id(cell)]}


def _cell(cell: Cell) -> dict:
    return {"group": cell.group, "column": cell.column, "raw": cell.raw, "page": cell.page, "line": cell.line}


def _blank_row() -> dict:
    return dict.fromkeys(("row", "row_code", "row_label", "group", "column", "cell_id", "raw", "page", "line"), "")
