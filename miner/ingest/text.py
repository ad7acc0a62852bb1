"""Read plain-text disclosures: detect the encoding, split pages, keep offsets."""
from __future__ import annotations

from itertools import accumulate, count, repeat
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Document, Line
from .normalize import normalize_text


class IngestError(Exception):
    """The document cannot be read; the message says why, for the report."""


# Tried in order before falling back to detection: a disclosure is UTF-8 or
# one of the GB encodings in practice, and GB18030 is a superset of GBK.
_ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises IngestError for binary data."""
    if b"\x00" in data[:4096]:
        raise IngestError("binary data (NUL bytes), not a text document")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("cannot determine the text encoding")
    return str(best), best.encoding


def read_text(path: str | Path, display_path: str | None = None) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise IngestError("empty file")
    text, encoding = decode(data)
    return document_from_text(text, display_path or str(path), encoding=encoding)


def document_from_text(text: str, path: str, encoding: str = "utf-8", file: str = "") -> Document:
    # splitlines() would also split on \x0c and \x1c..\x1e; we want form feed
    # as a page break and only \n / \r\n as line breaks.
    texts = normalize_text(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    if "\f" in text:
        # A form feed starts a new page (the line holding it is on the new page);
        # it becomes a space so offsets hold.
        pages = list(accumulate((line.count("\f") for line in texts), initial=1))[1:]
        texts = [line.replace("\f", " ") for line in texts]
    else:
        pages = [1] * len(texts)
    # each line starts one past the end of the line before (its \n)
    offsets = accumulate((len(line) + 1 for line in texts), initial=0)
    lines = tuple(map(Line, texts, pages, count(1), offsets, repeat(file)))
    return Document(path=path, lines=lines, encoding=encoding, source_kind="text", pages=pages[-1],
                    files=(file,) if file else ())
