"""The sources a statement is checked against: read once with the scan's own stages.

A source is any document miner reads (a disclosure's PDF, a text page of a
ministry, a folder of them). Its tables, prose and claims come from the same
reading, tables and claim extraction as ``miner scan``; what it adds is the
source's identity (body, year, stage: from the cover, lexicons/corpus.yaml,
or for a page without one its title lines) and the scope of each prose figure.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..checks.context import Context
from ..corpus.facts import identity as cover_identity
from ..ingest.model import Document
from ..ingest.text import IngestError, document_from_text
from ..lexicon import load
from ..messages import label, text
from ..scan import collect, read_document, read_parts
from .model import Figure, Scope, Source
from .scope import FIGURE_KINDS, BodyNames, read_scopes, words
from .text import punctuate


@lru_cache(maxsize=1)
def _cover_lines() -> int:
    return int(load("corpus")["cover_lines"])


def _title_identity(doc: Document) -> Scope:
    """Body, year and stage named by a page's first lines, for a source without a report's cover
    (a ministry's page: 关于2024年中央一般公共预算收入预算的说明)."""
    w = words()
    title = "".join(line.text for line in doc.lines[:_cover_lines()])
    masked = w.masked.sub(lambda m: "\u25a1" * len(m.group()), title)
    year = w.year.search(masked)
    stage = [w.stage_of[found.group()] for found in w.stage.finditer(masked)]
    level = BodyNames().first(masked)
    return Scope(body=level, year=int(year.group(1)) if year else 0, stage=stage[-1] if stage else "", said="cover")


def _identity(doc: Document, tables) -> Scope:
    ctx = Context(doc=doc.path, claims={}, links={}, tables=tuple(tables), lines=doc.lines)
    found = cover_identity(ctx)
    titled = _title_identity(doc)
    if found is None:
        return titled
    stage = load("statements")["kind_stages"].get(found.kind, "") or titled.stage
    return Scope(body=found.body, year=found.year, stage=stage, said="cover")


def _readable(doc: Document) -> Document:
    """A text source with full-width clause marks (same length: offsets, lines and pages hold)."""
    if doc.source_kind != "text":
        return doc
    return document_from_text(punctuate(doc.text), doc.path, doc.encoding)


def read_source(path: str | Path, display: str | None = None) -> Source:
    """One source, read; an unreadable one is a Source with ``error`` set."""
    display = display or str(path)
    try:
        doc = _readable(read_document(Path(path), display))
    except IngestError as exc:
        return Source(display, Document(display, ()), (), (), (), Scope(), error=str(exc))
    tables, paragraphs, claims = read_parts(doc)
    return Source(display, doc, tuple(tables), tuple(paragraphs), (), _identity(doc, tables), claims)


def with_figures(source: Source, bodies: BodyNames) -> Source:
    """The source with the scope of each prose figure (its identity fills what the words do not say)."""
    if source.error:
        return source
    scopes = read_scopes(source.paragraphs, source.claims, source.identity, bodies,
                         by_line=source.document.source_kind == "text")
    figures = tuple(Figure(claim, scopes[claim.id], source.name) for claim in source.claims
                    if claim.kind in FIGURE_KINDS and claim.id in scopes)
    return replace(source, figures=figures)


def read_sources(paths, progress=None, exclude=frozenset()) -> list[Source]:
    """Every document under ``paths`` (folders recursively, as ``miner scan`` collects them), but
    those in ``exclude`` (resolved paths: the statements themselves); ``progress(done, total, path)``
    is told before each document is read."""
    found = [path for path in collect(paths).documents if Path(path).resolve() not in exclude]
    sources = []
    for index, path in enumerate(found):
        if progress is not None:
            progress(index, len(found), str(path))
        sources.append(read_source(path, str(path)))
    bodies = BodyNames(s.identity.body for s in sources if not s.error)
    return [with_figures(source, bodies) for source in sources]


def describe(scope: Scope, language: str = "zh") -> str:
    """A source's body, year and stage, as the ledger names it."""
    parts = [scope.body or "?", text(language, "ledger.year", year=scope.year or "?"),
             label(language, "stage", scope.stage) if scope.stage else "?"]
    return " ".join(parts)

