"""Read .xlsx workbooks (openpyxl): every visible sheet, row by row.

Many bodies publish the tables of a disclosure as a workbook, one table per
sheet, beside the narrative. A sheet is a page of the document (page N: the
N-th visible sheet, in the order of the tabs) and each row one line, numbered
as the sheet numbers it, so ``page 5, line 12`` is row 12 of the fifth tab.
A row's cells are joined by tabs, as a text disclosure prints a table row, and
each cell is the text the sheet shows (``sheet.cell_text``). Formulas count by
the value the workbook saved with them; hidden sheets are not read, as a
reader does not see them.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .lines import document_from_lines, row_text
from .model import Document, IngestError
from .sheet import cell_text


def sheet_rows(path: str | Path):
    """(page, row number, cell texts) of every row of every visible sheet, in order."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    try:
        # opened by us: openpyxl refuses a path whose suffix is not its own (an .xlsx renamed .xls)
        book = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        handle.close()
        raise IngestError(f"damaged, encrypted or not an .xlsx workbook ({type(exc).__name__}: {exc})") from exc
    try:
        page = 0
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            page += 1
            for number, row in enumerate(sheet.iter_rows(), start=1):
                yield page, number, [cell_text(cell.value, getattr(cell, "number_format", None)) for cell in row]
    finally:
        book.close()
        handle.close()


def read_xlsx(path: str | Path, display_path: str | None = None) -> Document:
    lines = [(row_text(cells), page, number) for page, number, cells in sheet_rows(path)]
    if not any(text for text, _, _ in lines):
        raise IngestError("the workbook has no visible cell with any text")
    return document_from_lines(lines, display_path or str(path), "xlsx", "xlsx")
