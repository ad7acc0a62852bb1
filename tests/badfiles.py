"""Bad documents for the bad-input tests, made here byte by byte (nothing to download, nothing to ship).

The PDFs are written by hand: the smallest files a PDF reader accepts, so
each test controls exactly what is wrong with its file.
"""
from __future__ import annotations

import random


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of the given objects (object 1 is the catalogue), with a correct cross-reference table."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return out


def _stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def text_pdf() -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    lines = [b"BT /F1 12 Tf 72 %d Td (2024 budget: expenditure 1067.40 of which basic 500.44) Tj ET" % (780 - 16 * i)
             for i in range(40)]
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return pdf([_CATALOG, _PAGES, page, _stream(b"\n".join(lines)), font])


def truncated_pdf() -> bytes:
    whole = text_pdf()
    return whole[: len(whole) // 2]


def encrypted_pdf() -> bytes:
    """Encrypted with the standard handler and a user password nobody knows."""
    rng = random.Random(1)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    owner, user, file_id = rng.randbytes(32).hex(), rng.randbytes(32).hex(), rng.randbytes(16).hex()
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P -44 >>" % (owner.encode(), user.encode())
    return pdf([_CATALOG, _PAGES, page, _stream(rng.randbytes(64)), encrypt],
               trailer=b"/Encrypt 5 0 R /ID [<%s> <%s>]" % (file_id.encode(), file_id.encode()))


def image_only_pdf() -> bytes:
    """One page that is a picture (as a scanned disclosure is): no text at all."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>"
    pixels = bytes((x * 37 + y * 11) % 256 for y in range(64) for x in range(64))
    image = _stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8")
    return pdf([_CATALOG, _PAGES, page, _stream(b"q 451 0 0 698 72 72 cm /Im1 Do Q"), image])


def binary_junk(size: int = 8192) -> bytes:
    return random.Random(7).randbytes(size)
