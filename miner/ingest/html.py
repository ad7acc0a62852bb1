"""Read .html pages (lxml): the text as a browser lays it out in blocks, and the <table>s row by row.

Most disclosures are also published as web pages. A page has no pages in the
print sense: the whole page is page 1 and its lines are numbered in reading
order. A block (a paragraph, heading, list item, a ``<div>`` of text; a
``<br>`` ends one too) is a line, and so is each row of a table, its cells
joined by tabs as a text disclosure prints a table row: ``line 57`` is the 57th
block, counting each table row as one. Runs of white space are one space, as
the browser shows them. A cell that spans columns (``colspan``) gives its text
once and leaves the columns it covers empty.

A table used for layout is not a table of figures: one that holds another
table, or has a single column, is read as blocks of text. Scripts, styles and
elements marked hidden are not read, as the reader does not see them.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from .lines import document_from_lines, row_text
from .model import Document, IngestError
from .text import decode

_SKIPPED = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "select",
            "button", "textarea"}
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
           "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
           "header", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "ul",
           "tr", "td", "th", "tbody", "thead", "tfoot"}
_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE)
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
# the declared charsets whose superset a page in them is really written in
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950", "iso-8859-1": "cp1252"}


def page_text(data: bytes) -> str:
    """The page's characters: in the charset its <meta> declares, else as ``text.decode`` finds it."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_SUPERSETS.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass    # a wrong declaration: detect it as for a text file
    return decode(data)[0]


def _hidden(element) -> bool:
    return "hidden" in element.attrib or bool(_HIDDEN_STYLE.search(element.get("style", "")))


def _rows(table) -> Iterator:
    """The table's own rows (not those of a table inside a cell)."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if isinstance(row.tag, str) and row.tag == "tr")


def _cells(row) -> Iterator:
    return (cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th"))


def _is_grid(table) -> bool:
    """A table of figures, not one that lays out a page: no table inside, more than one column."""
    if any(inner is not table for inner in table.iter("table")):
        return False
    return any(sum(1 for _ in _cells(row)) > 1 for row in _rows(table))


class _Lines:
    """Lines of text gathered in reading order: ``add`` text, ``end`` a block."""

    def __init__(self):
        self.lines: list[str] = []
        self.pending: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.pending.append(text)

    def end(self) -> None:
        text = " ".join("".join(self.pending).split())
        self.pending = []
        if text:
            self.lines.append(text)

    def row(self, text: str) -> None:
        self.end()
        self.lines.append(text)


def _cell_text(cell) -> str:
    """A cell's text, a line per block inside it (``<br>``, its paragraphs), for ``lines.unwrap``."""
    out = _Lines()
    out.add(cell.text)
    for child in cell:
        _walk(child, out)
    out.end()
    return "\n".join(out.lines)


def _walk(element, out: _Lines) -> None:
    tag = element.tag
    if not isinstance(tag, str):       # a comment or processing instruction: only its tail is text
        out.add(element.tail)
        return
    if tag in _SKIPPED or _hidden(element):
        out.add(element.tail)
        return
    if tag == "table" and _is_grid(element):
        out.end()
        for caption in (child for child in element if isinstance(child.tag, str) and child.tag == "caption"):
            out.add(caption.text_content())
            out.end()
        for row in _rows(element):
            cells: list[str] = []
            for cell in _cells(row):
                cells.append(_cell_text(cell))
                span = cell.get("colspan", "1").strip()
                cells.extend([""] * (int(span) - 1 if span.isdigit() and int(span) > 1 else 0))
            out.row(row_text(cells))
        out.add(element.tail)
        return
    if tag == "pre":
        out.end()
        for line in element.text_content().splitlines():
            out.add(line)
            out.end()
        out.add(element.tail)
        return
    block = tag in _BLOCKS or tag == "table"
    if block or tag == "br":
        out.end()
    out.add(element.text)
    for child in element:
        _walk(child, out)
    if block:
        out.end()
    out.add(element.tail)


def page_lines(data: bytes) -> list[str]:
    """The lines of an HTML page in reading order: blocks of text and table rows."""
    import lxml.html
    from lxml import etree

    text = page_text(data)
    if not text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"not an HTML page ({exc})") from exc
    out = _Lines()
    _walk(root, out)
    out.end()
    return out.lines


def read_html(path: str | Path, display_path: str | None = None) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise IngestError("empty file")
    lines = page_lines(data)
    if not lines:
        raise IngestError("the page shows no text")
    return document_from_lines(((text, 1, number) for number, text in enumerate(lines, start=1)),
                               display_path or str(path), "html", "html")
