"""What a scanned document leaves for the documents read against it (see model.py).

Built after the checks from the same context the rules saw: the identity from
the cover, the ledger from the tables, the questions from the changes on the
year before that no rule of the document could check.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..checks.context import Context
from ..claims.names import normalise_name
from ..claims.model import Claim
from ..lexicon import load
from ..tables.model import Cell, Table
from ..checks.prior import CellKey, DocumentFacts, Identity, LedgerCell, PriorQuestion

@lru_cache(maxsize=1)
def _words():
    words = load("corpus")
    return (tuple(regex.compile(p) for p in words["cover_end"]),
            tuple(regex.compile(p) for p in words["cover_noise"]),
            int(words["cover_lines"]), int(words["min_body_chars"]), int(words["max_body_chars"]),
            regex.compile(words["compared_year"]))


def identity(ctx: Context) -> Identity | None:
    """Body, year and kind of the report, or None when its cover does not name them."""
    ends, noise, lines, shortest, longest, _compared = _words()
    if not ctx.kind:
        return None
    cover = []
    for line in ctx.lines[:lines]:
        if any(end.search(line.text) for end in ends):
            break
        cover.append(line.text.strip())
    title = "".join(cover)
    # the title may wrap: 江苏省人大常委会办公厅2018年度部门 / 预算公开
    year = regex.search(load("consistency")["year_title_pattern"], title)
    if year is None:
        return None
    body = title
    for pattern in noise:
        body = pattern.sub("", body)
    return Identity(body, int(year.group(1)), ctx.kind) if shortest <= len(body) <= longest else None


def cell_key(table: Table, cell: Cell) -> CellKey:
    # a row without a code by its name as the linker matches names (no 四、, no spaces)
    return (table.key, cell.row_code, "" if cell.row_code else normalise_name(cell.row_label), cell.group, cell.column)


def ledger(tables: tuple[Table, ...]) -> dict[CellKey, LedgerCell]:
    """Every cell of a table whose identity is known, by its labels (the first of a repeated key)."""
    found: dict[CellKey, LedgerCell] = {}
    for table in tables:
        if not table.key or table.empty:
            continue
        for cell in table.cells():
            found.setdefault(cell_key(table, cell), LedgerCell(cell.value, cell.decimals, cell.unit, cell.ref()))
    return found


def _current_cell(claim: Claim, ctx: Context) -> Cell | None:
    """The cell of the figure a change speaks about: its base claim's, else the one its labels found."""
    base = ctx.claim(claim.base)
    link = ctx.links.get(base.id) if base is not None else next(
        (operand for role, operand in ctx.links[claim.id].operands if role == "current"), None)
    return link.cell if link is not None and link.cells else None


def questions(ctx: Context) -> tuple[PriorQuestion, ...]:
    """Changes on the year before (not on the budget) whose earlier figure this document does not
    print; a change whose sentence states the earlier figure is checked by DR04 already."""
    owners = {id(c): t for t in ctx.tables for c in t.cells()}
    compared_year = _words()[5]
    reasons = load("claims")["reason_words"]
    asked = []
    for claim in ctx.claims.values():
        if claim.kind not in ("change_amount", "change_rate") or claim.base_period:
            continue
        if claim.kind == "change_rate" and claim.numerator:
            continue    # its change amount asks, and DR03 relates the two
        if claim.parts_of or any(word in claim.sentence[:claim.start] for word in reasons):
            continue    # a part of a change, or a reason's figure (运转类经费压减10%): not the item's change
        named = compared_year.search(claim.sentence[:claim.start])
        if named and ctx.year is not None and int(named.group(1)) != ctx.year - 1:
            continue
        cell = _current_cell(claim, ctx)
        table = owners.get(id(cell)) if cell is not None else None
        if table is None or not table.key:
            continue
        figure = ctx.cell_evidence(cell, claim)
        asked.append(PriorQuestion(
            claim_id=claim.id, kind=claim.kind, text=claim.text, value=claim.value, decimals=claim.decimals,
            approx=claim.approx, direction=claim.direction, unit=claim.unit, key=cell_key(table, cell),
            current=figure.value, current_decimals=figure.decimals,
            current_unit=claim.unit if claim.kind == "change_amount" else cell.unit,
            current_source=figure.source, page=claim.page, line=claim.line, file=claim.file,
            sentence=claim.sentence, doubt=figure.doubtful))
    return tuple(asked)


def document_facts(ctx: Context) -> DocumentFacts:
    who = identity(ctx)
    if who is None:
        return DocumentFacts()
    return DocumentFacts(who, ledger(ctx.tables), questions(ctx))
