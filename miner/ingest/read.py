"""One entry to every reader: a document from its path, the reader chosen by the file's suffix.

Every format becomes the same ``Document``: lines in reading order, each with
where a person finds it (``page``, ``line``; ``file`` for a document in parts)
and table rows as tab-separated cells. Readers are imported when first needed,
so a scan of text and PDFs never loads lxml, openpyxl or python-docx.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from .collect import parts_of
from .formats import READERS, SUPPORTED
from .lines import join_parts
from .model import Document, IngestError



def reader(suffix: str):
    """The function that reads files with this suffix; IngestError when miner reads none."""
    where = READERS.get(suffix.lower())
    if where is None:
        raise IngestError(f"unsupported file type {suffix or '(none)'}; miner reads {', '.join(SUPPORTED)}")
    module, _, name = where.partition(":")
    return getattr(import_module(f".{module}", __package__), name)


def read_document(path: str | Path, display: str) -> Document:
    """A document from a file, or from a folder of its parts (``collect.parts_of``); IngestError says why not."""
    path = Path(path)
    if not path.is_dir():
        return reader(path.suffix)(path, display)
    parts = parts_of(path)
    if not parts:
        raise IngestError("a folder is a document only when its files are named part1.*, part2.*, …")
    if all(part.suffix.lower() == ".pdf" for part in parts):
        # one PDF reader over every part: a part without a text layer is a problem of the
        # document, not a reason to drop the parts that have one
        return reader(".pdf")(parts, display)
    read = []
    for part in parts:
        try:
            read.append((part.name, reader(part.suffix)(part, display)))
        except IngestError as exc:
            raise IngestError(f"{part.name}: {exc}") from exc
    return join_parts(read, display)
