"""Plain data produced by the ingest stage: a document as pages of lines."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import field

from ..records import record


class IngestError(Exception):
    """The document cannot be read; the message says why, for the report."""


@record
class Line:
    """One line of source text, after value-preserving normalisation.

    ``text`` is what later stages read; ``offset`` is the character offset of
    the line's first character in the document's normalised text, so a claim
    can always be traced back to its place.
    """

    text: str
    page: int          # 1-based page (form feed in text, PDF page for PDFs)
    line: int          # 1-based line: in the source file for text, within the page for PDFs
    offset: int        # offset of text[0] in Document.text
    file: str = ""     # the part's file name for multi-file documents
    # PDF rows: the x extent (x0, x1) of each tab-separated cell of ``text``,
    # so the table stage can align cells into columns. Empty for text sources.
    cells: tuple[tuple[float, float], ...] = ()
    # PDF rows: (top, bottom) of the row on its page, in points from the page
    # foot, so the table stage can tell a wrapped label from the next row.
    band: tuple[float, float] = ()
    # PDF rows: x of the vertical table rules crossing the row
    rules: tuple[float, ...] = ()


@record
class GridRow:
    """A table row as the source gives it: a list of raw cell strings.

    Text sources give one tab- or space-separated line per row; PDFs give the
    rows pdfplumber found. ``line`` points at the source line of the row.
    """

    cells: tuple[str, ...]
    page: int
    line: int
    file: str = ""


@record
class Document:
    """A document: its lines in reading order, plus where they came from."""

    path: str                       # as given by the user
    lines: tuple[Line, ...]
    encoding: str = "utf-8"
    source_kind: str = "text"       # "text" | "pdf" | "docx" | "xlsx" | "xls" | "html" | "parts"
    files: tuple[str, ...] = ()     # parts of a multi-file document, in order
    pages: int = 1
    # Table grids found by a layout-aware extractor (PDF); text sources leave
    # this empty and the table stage reads the lines instead.
    grids: tuple[tuple[GridRow, ...], ...] = ()
    problems: tuple[str, ...] = field(default=())  # non-fatal ingest problems

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def lines_within(self, spans) -> set[int]:
        """The indexes of the lines that start within any of the (first, last) offset spans
        (a table's span): line offsets ascend, so each span is a run of lines found by bisection."""
        offsets = [line.offset for line in self.lines]
        return {index for first, last in spans
                for index in range(bisect_left(offsets, first), bisect_right(offsets, last))}
