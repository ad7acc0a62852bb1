"""report.html of a statement check: each sentence of the statement, its figures marked by verdict,
and beside it the source's evidence (the sentence or the cell, with the page image for a PDF).

One self-contained file, as the scan's report: inline style, pages as JPEG data URIs.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..report.pages import MAX_PAGES, pdf_of, render_pages
from ..messages import label, text
from .ledger import labels
from .model import DERIVED, MISMATCH, NOT_FOUND, SUPPORTED, CheckResult, Judgement, StatementResult
from .sources import describe

ASSETS = Path(__file__).resolve().parent / "assets"
HTML = "report.html"
# the evidence whose page is shown: what a reader must see to believe the verdict
_SHOWN = (MISMATCH, SUPPORTED, DERIVED)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(ASSETS), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def _marked(text: str, judgements: list[Judgement], names: dict[str, str]) -> Markup:
    """The sentence with each judged figure in a span of its verdict."""
    out, at = [], 0
    for j in sorted(judgements, key=lambda j: j.figure.claim.start):
        claim = j.figure.claim
        if claim.start < at:
            continue
        out.append(escape(text[at:claim.start]))
        out.append(Markup('<mark class="figure {v}" data-verdict="{v}" data-claim="{c}" title="{t}">{x}</mark>').format(
            v=j.verdict, c=claim.id, t=names[j.verdict], x=text[claim.start:claim.end]))
        at = claim.end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _pages(result: CheckResult) -> dict[tuple[str, int], str]:
    """Data URIs of the PDF pages the evidence cites, per (source, page)."""
    wanted: dict[str, set[int]] = {}
    for judgement in result.judgements:
        if judgement.verdict in _SHOWN:
            for evidence in judgement.evidence:
                if evidence.page and pdf_of(evidence.source, evidence.file):
                    wanted.setdefault(evidence.source, set()).add(evidence.page)
    images = {}
    for source, pages in wanted.items():
        for page, uri in render_pages(pdf_of(source, ""), sorted(pages)[:MAX_PAGES]).items():
            images[(source, page)] = uri
    return images


def _sentences(statement: StatementResult, names: dict[str, str]):
    by_sentence: dict[int, list[Judgement]] = {}
    for judgement in statement.judgements:
        by_sentence.setdefault(judgement.figure.claim.sentence_id, []).append(judgement)
    for paragraph in statement.paragraphs:
        for sentence in paragraph.sentences:
            judged = by_sentence.get(sentence.id, [])
            yield {"line": sentence.line, "text": _marked(sentence.text, judged, names), "judgements": judged,
                   "worst": next((v for v in (MISMATCH, NOT_FOUND, DERIVED, SUPPORTED)
                                  if any(j.verdict == v for j in judged)), "")}


def render(result: CheckResult) -> str:
    names = labels(result.language)
    statements = [{"name": s.name, "sentences": list(_sentences(s, names)), "findings": s.findings,
                   "counts": {v: sum(1 for j in s.judgements if j.verdict == v) for v in names}}
                  for s in result.statements]
    return _environment().get_template("check.html.j2").render(
        statements=statements, sources=[(s, describe(s.identity, result.language)) for s in result.sources],
        labels=names, t=lambda key, **values: text(result.language, f"check_page.{key}", **values),
        severity=lambda name: label(result.language, "severity", name),
        html_lang={"zh": "zh-CN", "en": "en"}[result.language],
        pages=_pages(result), style=Markup((ASSETS / "check.css").read_text(encoding="utf-8")))


def write_html(result: CheckResult, out: str | Path) -> Path:
    path = Path(out) / HTML
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(result), encoding="utf-8")
    return path
