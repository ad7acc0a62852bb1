"""Read a statement: a file, standard input or a text given on the command line.

A statement is copied from a web page, a news feed or a repost, so before its
figures are read its text is brought to the form the claim stage reads:
traditional characters are read as simplified ones (miner.ingest folds them
character by character: 億元 is 亿元, 預算 is 预算), the reading glosses a repost puts after rare characters
(穩(wěn)步) go, and ASCII clause punctuation between words becomes the
full-width mark (a comma between digits is a thousands separator and stays).
The same punctuation step applies to text sources (``punctuate``), which
keeps their length, so their offsets hold.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from ..ingest.model import Document
from ..ingest.text import IngestError, decode, document_from_text
from ..lexicon import load

STDIN = "-"
# what a statement file may be; other formats come through miner.ingest's readers
TEXT_SUFFIXES = (".txt", ".md", ".text", "")
PAGE_SUFFIXES = (".html", ".htm", ".docx")
_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_ASCII_PUNCT = regex.compile(r"(?<!\d),|,(?!\d)|[;:?!](?!//)")


@lru_cache(maxsize=1)
def _glosses() -> regex.Pattern:
    return regex.compile(load("statements")["glosses"])


def punctuate(text: str) -> str:
    """ASCII clause marks between words as full-width ones; same length."""
    return _ASCII_PUNCT.sub(lambda m: _PUNCT[m.group()], text)


def simplified(text: str) -> str:
    """The text without reading glosses, with full-width clause marks (document_from_text then folds
    its traditional characters)."""
    text = _glosses().sub("", text)
    return punctuate(text)


def statement_document(text: str, name: str) -> Document:
    if not text.strip():
        raise IngestError("the statement is empty")
    return document_from_text(simplified(text), name)


def read_statement(path: str | Path, stdin=None) -> Document:
    """A statement from a file (``-``: standard input, read as bytes from ``stdin``)."""
    if str(path) == STDIN:
        data = stdin.read() if stdin is not None else b""
        text = data if isinstance(data, str) else decode(data)[0]
        return statement_document(text, "(standard input)")
    path = Path(path)
    if path.suffix.lower() in PAGE_SUFFIXES:
        # a news page or a press release as published: the ingest readers give its text, block by block
        from ..ingest.read import reader

        page = reader(path.suffix)(path, str(path))
        return statement_document("\n".join(line.text for line in page.lines), str(path))
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise IngestError(f"a statement is read from {', '.join(s for s in TEXT_SUFFIXES + PAGE_SUFFIXES if s)} "
                          f"(or - for standard input, or --text); {path.suffix} is not supported yet")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    return statement_document(decode(data)[0], str(path))
