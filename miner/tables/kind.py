"""What kind of disclosure a document is, read from its own words before any table is built.

Two questions: which kind of report (部门预算 or 部门决算: lexicons/tables.yaml ``markers``),
so that a title saying neither (收支总表) is read as the document's; and how complete it is
(``scope``: a full report with its tables, a short summary, a single section; see
lexicons/identities.yaml ``scope``), so that a missing table is reported only where the
document was meant to print it.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..ingest.model import Document
from ..lexicon import load
from .model import Table

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


FULL, SUMMARY, SECTION, NO_TEXT = "full", "summary", "section", "no text"


@lru_cache(maxsize=1)
def _scope_settings() -> dict:
    return load("identities")["scope"]


def required_tables(kind: str) -> tuple[tuple[str, ...], ...]:
    """The tables a full report of the kind must print: each entry the identities any of
    which will do (a template may print the same figures under another standard table)."""
    body = load("identities")["kinds"].get(kind) or {}
    return tuple((entry,) if isinstance(entry, str) else tuple(entry) for entry in body.get("required", ()))


def document_scope(kind: str, tables: tuple[Table, ...], pages: int, has_text: bool = True) -> str:
    """How complete a disclosure is: ``full`` (it prints at least a share of its kind's required
    tables, so a missing one is a finding), ``summary`` (a short narrative that prints few or none
    of them: 北京's 6–8-page budgets, whose tables are published apart), ``section`` (a longer part
    of a report: only its performance forms, say), or ``no text``."""
    if not has_text:
        return NO_TEXT
    required = required_tables(kind)
    present = {t.key for t in tables if t.key}
    found = sum(1 for choices in required if present.intersection(choices))
    settings = _scope_settings()
    if required and found >= settings["full_min_share"] * len(required):
        return FULL
    return SUMMARY if pages <= settings["summary_max_pages"] else SECTION
