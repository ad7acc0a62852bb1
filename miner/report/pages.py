"""Images of the PDF pages that findings point to, for report.html.

A reader checks a finding against the page as printed. The report stays one
offline file, so each page is embedded once, as a small JPEG data URI, and
only for findings worth a look: errors, and warnings about a stated figure. The page comes from
the document itself (the path in the report), so a report regenerated where
the PDFs are no longer readable simply shows no page.
"""
from __future__ import annotations

import base64
import io
from pathlib import Path

# render scale (1.0 = 72 dpi) and JPEG quality: legible Chinese at a few dozen KB per page
SCALE = 1.0
QUALITY = 45
# pages embedded per document at most, so one long report stays quick to open
MAX_PAGES = 12


def pdf_of(doc: str, file: str) -> Path | None:
    """The PDF a finding's page belongs to: the document, or its part ``file`` in a folder."""
    path = Path(doc)
    if file:
        path = path / file
    return path if path.suffix.lower() == ".pdf" and path.is_file() else None


def render_pages(pdf: Path, pages: list[int]) -> dict[int, str]:
    """page number -> data URI of its image; pages that cannot be rendered are left out."""
    import pypdfium2 as pdfium

    images: dict[int, str] = {}
    try:
        document = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError:
        return images      # the scan already reported an unreadable PDF (IN01)
    try:
        for number in pages:
            if not 1 <= number <= len(document):
                continue
            bitmap = document[number - 1].render(scale=SCALE, grayscale=True)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="JPEG", quality=QUALITY, optimize=True)
            images[number] = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    finally:
        document.close()
    return images
