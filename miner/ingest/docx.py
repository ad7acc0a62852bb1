"""Read .docx documents (python-docx): the body's paragraphs and tables, in reading order.

A Word file has no pages of its own (Word lays them out when it shows the file),
so the whole body is page 1 and its lines are numbered in reading order: a
paragraph is a line (a manual line break inside it starts another) and so is
each row of a table, its cells joined by tabs as a text disclosure prints a
table row. ``line 57`` is the 57th paragraph, counting each table row as one.

A cell that spans several columns gives its text once and leaves the columns it
covers empty, and the rows under a vertically merged cell leave it empty, as a
printed table shows them. A table of one column is a box of text laid out with
a table: its paragraphs are read as paragraphs. Headers, footers, comments and
text boxes are not part of the body and are not read.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from .lines import document_from_lines, row_text
from .model import Document, IngestError


def _open(path: str | Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"damaged, encrypted or not a .docx document ({type(exc).__name__}: {exc})") from exc
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc


def _paragraph_lines(paragraph) -> list[str]:
    return paragraph.text.replace("\r", "\n").split("\n")


def _cell_texts(row) -> list[str]:
    """The row's cells on the table's grid: a merged cell's text in its first column only."""
    from docx.table import _Cell

    texts = [""] * row.grid_cols_before
    for tc in row._tr.tc_lst:
        if tc.vMerge == "continue":
            texts.append("")
        else:
            texts.append("\n".join(p.text for p in _Cell(tc, row.table).paragraphs))
        texts.extend([""] * (tc.grid_span - 1))
    return texts


def _table_lines(table) -> Iterator[str]:
    rows = [_cell_texts(row) for row in table.rows]
    if max((len(cells) for cells in rows), default=0) <= 1:
        for cells in rows:
            for cell in cells:
                yield from cell.split("\n")
        return
    for cells in rows:
        yield row_text(cells)


def body_lines(path: str | Path) -> list[str]:
    """The lines of the document's body in reading order: paragraphs and table rows."""
    from docx.table import Table

    document = _open(path)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.extend(_paragraph_lines(block))
    return lines


def read_docx(path: str | Path, display_path: str | None = None) -> Document:
    lines = body_lines(path)
    if not any(line.strip() for line in lines):
        raise IngestError("the document's body holds no text")
    return document_from_lines(((text, 1, number) for number, text in enumerate(lines, start=1)),
                               display_path or str(path), "docx", "docx")
