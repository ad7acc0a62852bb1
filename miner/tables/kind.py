"""What kind of disclosure a document is, read from its own words before any table is built.

Two questions: which kind of report (部门预算 or 部门决算: lexicons/tables.yaml ``markers``),
so that a title saying neither (收支总表) is read as the document's; and how complete it is
(``scope``: a full report with its tables, a short summary, a single section; see
lexicons/identities.yaml ``scope``), so that a missing table is reported only where the
document was meant to print it.
"""
from __future__ import annotations

from collections import Counter

from ..ingest.model import Document
from ..lexicon import load

# the title pages: where a report names what it is
_HEAD_LINES = 80


def document_kind(doc: Document) -> str:
    """The kind whose markers the document's first lines print most often, or "" when none does."""
    head = "\n".join(line.text.replace("\t", "").replace(" ", "") for line in doc.lines[:_HEAD_LINES])
    counts = Counter()
    for kind, body in load("tables")["kinds"].items():
        counts[kind] = sum(head.count(marker) for marker in body.get("markers", ()))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0]
