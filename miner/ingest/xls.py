"""Read .xls workbooks (Excel 97-2003, xlrd), as ``xlsx`` reads .xlsx: a visible sheet is a page,
a row a line, a cell the text the sheet shows.

A file named .xls is often something else: a workbook saved as .xlsx and
renamed, or an HTML table that a web site sends as "Excel" (many disclosure
sites do). The first bytes say which, and that reader reads it.
"""
from __future__ import annotations

import io
import struct
from pathlib import Path

from .lines import document_from_lines, row_text
from .model import Document, IngestError
from .sheet import cell_text

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"     # the compound-file signature of a BIFF workbook
_ZIP = b"PK\x03\x04"


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype", b"<html", b"<table", b"<meta", b"<?xml", b"<head", b"<body"))


def sheet_rows(path: str | Path):
    """(page, row number, cell texts) of every row of every visible sheet, in order."""
    import xlrd
    from xlrd.compdoc import CompDocError

    # what xlrd raises on a damaged or foreign file, as it parses the records
    damaged = (xlrd.XLRDError, CompDocError, struct.error, IndexError, ValueError)
    try:
        # xlrd writes its warnings to stdout, which may be a pipe of findings (--format jsonl)
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=io.StringIO())
    except damaged as exc:
        raise IngestError(f"damaged or not an .xls workbook ({type(exc).__name__}: {exc})") from exc
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    try:
        page = 0
        for index in range(book.nsheets):
            try:
                sheet = book.sheet_by_index(index)
            except damaged as exc:
                raise IngestError(f"damaged .xls workbook: sheet {index + 1} cannot be read "
                                  f"({type(exc).__name__}: {exc})") from exc
            if sheet.visibility:
                continue
            page += 1
            for number in range(sheet.nrows):
                yield page, number + 1, [_text(book, sheet, number, column) for column in range(sheet.ncols)]
    finally:
        book.release_resources()


def _text(book, sheet, row: int, column: int) -> str:
    import xlrd

    cell = sheet.cell(row, column)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[sheet.cell_xf_index(row, column)]
        number_format = book.format_map.get(xf.format_key)
        return cell_text(cell.value, number_format.format_str if number_format else None)
    return cell_text(cell.value)


def read_xls(path: str | Path, display_path: str | None = None) -> Document:
    path = Path(path)
    display = display_path or str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if head.startswith(_ZIP):
        from .xlsx import read_xlsx

        return read_xlsx(path, display)
    if not head.startswith(_OLE) and _looks_like_html(head):
        from .html import read_html

        return read_html(path, display)
    lines = [(row_text(cells), page, number) for page, number, cells in sheet_rows(path)]
    if not any(text for text, _, _ in lines):
        raise IngestError("the workbook has no visible cell with any text")
    return document_from_lines(lines, display, "xls", "xls")
