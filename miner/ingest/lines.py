"""A Document from the lines a reader found, and one Document from the parts of a document.

Every reader but the PDF one ends the same way: it has the document's lines in
reading order, each with where a person finds it (page, line), and needs them
normalised and placed at their character offsets. A table row is one line, its
cells joined by tabs, as a text disclosure prints it: the table stage reads the
lines of every format alike.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .model import Document, IngestError, Line
from .normalize import normalize_line

CELL_SEPARATOR = "\t"


def unwrap(text: str) -> str:
    """The text of a table cell on one line. A label wrapped inside its cell
    (其他政府办公厅（室）及相关机构事务支⏎出) is one label: the pieces join without a space
    between Chinese characters, with one between Latin words or figures; tabs become spaces."""
    pieces = [piece.strip() for piece in text.replace("\t", " ").splitlines()]
    pieces = [piece for piece in pieces if piece]
    joined = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        joined += ("" if not joined[-1].isascii() or not piece[0].isascii() else " ") + piece
    return joined


def row_text(cells: Iterable[str]) -> str:
    """A table row as one line: its cells joined by tabs, without the empty cells at its end
    (they say nothing, and a sheet's formatted but empty columns would add dozens)."""
    texts = [unwrap(cell) for cell in cells]
    while texts and not texts[-1]:
        texts.pop()
    return CELL_SEPARATOR.join(texts)


def document_from_lines(entries: Iterable[tuple[str, int, int]], path: str, encoding: str,
                        source_kind: str) -> Document:
    """``entries``: (text, page, line) in reading order, with no line break inside a text."""
    lines: list[Line] = []
    offset = 0
    pages = 0
    for text, page, number in entries:
        text = normalize_line(text)
        lines.append(Line(text, page, number, offset))
        offset += len(text) + 1
        pages = max(pages, page)
    return Document(path=path, lines=tuple(lines), encoding=encoding, source_kind=source_kind,
                    pages=max(pages, 1))


def join_parts(parts: list[tuple[str, Document]], path: str) -> Document:
    """One document from its parts in order, each (file name, Document): every line names its
    part in ``file`` and continues the offsets of the part before."""
    lines: list[Line] = []
    offset = 0
    for name, part in parts:
        for line in part.lines:
            lines.append(replace(line, offset=offset, file=name))
            offset += len(line.text) + 1
    if not lines:
        raise IngestError("none of the parts holds any text")
    kinds = {part.source_kind for _, part in parts}
    return Document(path=path, lines=tuple(lines), encoding="/".join(dict.fromkeys(p.encoding for _, p in parts)),
                    source_kind=kinds.pop() if len(kinds) == 1 else "parts",
                    files=tuple(name for name, _ in parts), pages=sum(part.pages for _, part in parts),
                    problems=tuple(f"{name}: {problem}" for name, part in parts for problem in part.problems))
