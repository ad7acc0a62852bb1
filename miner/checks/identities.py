"""The identities between table cells that lexicons/identities.yaml declares per document
kind (a total against its lines, a figure against the same figure in another table, a
part against its wider total), judged on a document's tables: the engine of the table
rules TB03, XT01 and XT02. Rows are found by their labels (``tables.lookup``)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..messages import say
from ..lexicon import load
from ..tables.lookup import class_rows as _class_rows, first_named, panel, total_row
from ..tables.model import Cell, Row, Table
from ..tables.spec import sum_row_words
from .context import Context
from .model import Check
from .tolerance import Amount, Verdict, cap

CLASS = "{类}"          # one identity per 类
ALL_CLASSES = "{类*}"   # the sum of all 类 rows


def find_row(table: Table, group: str, wanted, ctx: Context) -> Row | None:
    if wanted == "total":
        return total_row(table, group)
    spellings = tuple(str(spelling) for spelling in (wanted if isinstance(wanted, list) else [wanted]))
    # the identities of a document name the same rows again and again: each found once, from
    # the panel's rows with their label variants, also built once
    rows = ctx.remember(("panel", id(table), group), lambda: panel(table, group))
    return ctx.remember(("row", id(table), group, spellings), lambda: first_named(rows, spellings))


def class_rows(table: Table, group: str, ctx: Context) -> dict[str, Row]:
    """The 类 rows of a table's panel by code (once per document)."""
    return ctx.remember(("class_rows", id(table), group), lambda: _class_rows(table, group))


@dataclass(frozen=True)
class Term:
    table: str
    group: str
    row: object          # label, code, "total", "{类}", "{类*}" or a list of spellings
    column: str

    @classmethod
    def parse(cls, raw) -> "Term":
        table, group, row, column = raw
        return cls(str(table), str(group or ""), row, str(column))


@dataclass(frozen=True)
class Identity:
    name: str
    left: Term
    right: tuple[Term, ...]
    op: str = "="

    @classmethod
    def parse(cls, raw: dict) -> "Identity":
        return cls(raw["name"], Term.parse(raw["left"]), tuple(Term.parse(t) for t in raw["right"]),
                   raw.get("check", "="))


@lru_cache(maxsize=None)
def identities(kind: str, section: str) -> tuple[Identity, ...]:
    body = load("identities")["kinds"].get(kind, {})
    return tuple(Identity.parse(raw) for raw in body.get(section, ()))


@dataclass(frozen=True)
class Resolved:
    """The cells a term stands for (several for {类*}); blank cells count as 0."""

    cells: tuple[Cell, ...]
    text: str

    @property
    def amounts(self) -> list[Amount]:
        return [Amount(c.amount, c.decimals, c.clipped) for c in self.cells if not c.blank]

    @property
    def total(self):
        return sum((a.value for a in self.amounts), start=Decimal(0))

    @property
    def uncertain(self) -> bool:
        return any(c.placement == "guess" and not c.blank for c in self.cells)


def _empty_cell(table: Table, row: Row | None, column: str) -> Cell:
    return Cell(table=table.label, row=row.index if row else -1, column=column, group=row.group if row else "",
                row_code=row.code if row else "", row_label=row.label if row else sum_row_words()[0], value=None, decimals=2,
                raw="", page=row.page if row else table.page, line=row.line if row else table.line_start)


def resolve(ctx: Context, term: Term, code: str = "") -> Resolved | None:
    """The cells of a term, or None when its table or row is not in the document."""
    table = ctx.table(term.table)
    if table is None:
        return None
    if term.row == ALL_CLASSES:
        rows = list(class_rows(table, term.group, ctx).values())
        if not rows:
            return None
        cells = tuple(row.cell(term.column) or _empty_cell(table, row, term.column) for row in rows)
        return Resolved(cells, f"{table.label} Σ类 / {term.column}")
    if term.row == CLASS:
        row = class_rows(table, term.group, ctx).get(code)
        if row is None:
            # a 类 the table does not print counts as 0, unless the table is not there at all
            return Resolved((), f"{table.label} {code} (not printed: 0)") if table.rows or table.empty else None
    else:
        row = find_row(table, term.group, term.row, ctx)
        if row is None:
            if table.empty:
                return Resolved((), f"{table.label} (empty table: 0)")
            return None
    cell = row.cell(term.column)
    if cell is None:
        if term.column not in {c for _, c in table.columns}:
            return None
        cell = _empty_cell(table, row, term.column)
    return Resolved((cell,), cell.ref())


def show_resolved(resolved: Resolved) -> str:
    if len(resolved.cells) == 1:
        cell = resolved.cells[0]
        return f"{resolved.text} = {cell.raw.strip() or 'blank'} (p.{cell.page} l.{cell.line})"
    values = " + ".join(c.raw.strip() for c in resolved.cells if not c.blank) or "0"
    return f"{resolved.text} = {values}"


@dataclass(frozen=True)
class Outcome:
    identity: Identity
    code: str
    left: Resolved
    right: tuple[Resolved, ...]
    verdict: Verdict
    severity: str

    @property
    def where(self):
        cells = self.left.cells or next((r.cells for r in self.right if r.cells), ())
        return cells[0] if cells else None


def evaluate(ctx: Context, identity: Identity) -> list[Outcome]:
    """Judge an identity on a document's tables; one outcome per 类 for {类} identities."""
    codes = [""]
    if identity.left.row == CLASS:
        # only between tables that both print their 类 rows (a summary whose labels the
        # extraction merged has none, and its 类 must not count as 0)
        if any(ctx.table(t.table) is not None and not class_rows(ctx.table(t.table), t.group, ctx)
               for t in (identity.left, *identity.right)):
            return []
        found: dict[str, None] = {}
        for term in (identity.left, *identity.right):
            table = ctx.table(term.table)
            if table is not None:
                for code, row in class_rows(table, term.group, ctx).items():
                    cell = row.cell(term.column)
                    if cell is not None and not cell.blank:
                        found.setdefault(code)
        codes = sorted(found)
    outcomes = []
    for code in codes:
        left = resolve(ctx, identity.left, code)
        right = [resolve(ctx, term, code) for term in identity.right]
        if left is None or any(r is None for r in right):
            continue
        if not left.cells and not any(r.cells for r in right):
            continue
        verdict = ctx.tolerance.compare_totals(left.amounts, [a for r in right for a in r.amounts], identity.op)
        # a side with no printed figure at all is a figure missing, not a figure shown wrong;
        # and a mis-read table proves nothing
        blank_side = not left.amounts or not any(r.amounts for r in right)
        tables = {t.table for t in (identity.left, *identity.right)}
        uncertain = (left.uncertain or any(r.uncertain for r in right) or blank_side
                     or any(ctx.misread(ctx.table(t)) for t in tables if ctx.table(t) is not None))
        outcomes.append(Outcome(identity, code, left, tuple(right), verdict, cap(verdict.severity, uncertain)))
    return outcomes


def outcome_check(ctx: Context, code: str, outcome: Outcome) -> Check | None:
    where = outcome.where
    if where is None:
        return None
    table = ctx.table(outcome.identity.left.table)
    if outcome.verdict.verdict == "ok":
        name = outcome.identity.name + (f" [{outcome.code}]" if outcome.code else "")
        return ctx.agreement(code, where, name, outcome.verdict.tolerance, file=table.file if table else "")
    right_total = sum((r.total for r in outcome.right), start=Decimal(0))
    relation = "=" if outcome.identity.op == "=" else "≤"
    formula = (f"{' + '.join(show_resolved(r) for r in outcome.right)}"
               + (f" (Σ {right_total})" if len(outcome.right) > 1 else ""))
    name = outcome.identity.name + (f" [{outcome.code}]" if outcome.code else "")
    doubt = say("identity.uncertain") if outcome.severity != outcome.verdict.severity else ""
    if outcome.verdict.verdict == "rounding":
        message = say("identity.rounding", name=name, left=outcome.left.total, right=right_total, doubt=doubt)
    else:
        message = say("identity.fails", name=name, left=outcome.left.total, relation=relation, right=right_total,
                      doubt=doubt)
    return ctx.document_check(code, outcome.severity, where, found=show_resolved(outcome.left),
                       expected=f"{relation} {right_total}", evidence=f"{show_resolved(outcome.left)} {relation} {formula}",
                       message=message, verdict=outcome.verdict.verdict, tolerance=outcome.verdict.tolerance,
                       file=table.file if table else "", margin=outcome.verdict)


def identity_checks(ctx: Context, code: str, section: str, op: str | None = None) -> list[Check]:
    """Checks of rule `code` for the identities of a section (`identities`, `panels`) of the
    document's kind in lexicons/identities.yaml, those with check `op` only when given."""
    checks = []
    for identity in identities(ctx.kind, section):
        if op is not None and identity.op != op:
            continue
        for outcome in evaluate(ctx, identity):
            check = outcome_check(ctx, code, outcome)
            if check is not None:
                checks.append(check)
    return checks
