"""Read plain-text disclosures: detect the encoding, split pages, keep offsets."""
from __future__ import annotations

import codecs
from itertools import accumulate, count, repeat
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Document, IngestError, Line
from .normalize import normalize_text


# A byte-order mark names its encoding. UTF-32's little-endian mark starts with
# UTF-16's, so it is tried first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Without a mark: UTF-8 first (a text in another encoding is almost never valid
# UTF-8), then the two double-byte families of Chinese: GB18030 (a superset of
# GBK and GB2312: the mainland's) and Big5 as Windows writes it (cp950: Taiwan's,
# Hong Kong's). Nearly every Big5 byte pair is also a valid GBK pair, so when both
# decode, the one whose characters lie in its own encoding's block of frequent
# characters is the one the text was written in (``_frequent_share``).
_CHINESE = ("gb18030", "cp950")

# The rows of frequent characters (symbols and level-1 hanzi) of each encoding, as
# ranges of the first byte of a two-byte character whose second byte is in range.
_FREQUENT = {
    # GB2312: symbols A1-A9, level-1 hanzi B0-D7, second byte A1-FE
    "gb18030": (((0xA1, 0xA9), (0xA1, 0xFE)), ((0xB0, 0xD7), (0xA1, 0xFE))),
    # Big5: symbols A140-A3BF and level-1 hanzi A440-C67E (first byte A1-C6), second byte 40-7E or A1-FE
    "cp950": (((0xA1, 0xC6), (0x40, 0x7E)), ((0xA1, 0xC6), (0xA1, 0xFE))),
}


def _frequent_share(text: str, encoding: str) -> float:
    """The share of the text's double-byte characters that are in the encoding's frequent rows."""
    double = frequent = 0
    for char in set(text):
        if char.isascii():
            continue
        data = char.encode(encoding)
        if len(data) != 2:
            continue
        double += 1
        frequent += any(lo <= data[0] <= hi and low <= data[1] <= high
                        for (lo, hi), (low, high) in _FREQUENT[encoding])
    return frequent / double if double else 0.0


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises IngestError for binary data."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise IngestError(f"the text starts with a {encoding.replace('-sig', '').upper()} byte-order mark "
                                  f"but is not {encoding.replace('-sig', '').upper()} (byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        raise IngestError("binary data (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = {}
    for encoding in _CHINESE:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(decoded) > 1:
        best = max(_CHINESE, key=lambda encoding: _frequent_share(decoded[encoding], encoding))
        return decoded[best], best
    if decoded:
        [(encoding, text)] = decoded.items()
        return text, encoding
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
