"""Finding table cells by the terms of lexicons/identities.yaml, and judging
identities between them (shared by the table rules TB03, XT01 and XT02)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..lexicon import load
from ..tables.model import Cell, Row, Table
from ..tables.spec import table_specs
from .context import Context
from .model import Check
from .tolerance import Amount, Verdict, cap

CLASS = "{类}"          # one identity per 类
ALL_CLASSES = "{类*}"   # the sum of all 类 rows

_NUMERALS = "一二三四五六七八九十"
_ORDINAL = regex.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*")
_ORDINAL_ANYWHERE = regex.compile(r"[一二三四五六七八九十]+\s*、")
_SPACES = regex.compile(r"\s+")
_FIGURE_IN_LABEL = regex.compile(r"\d[\d,]*\.\d{2}")


def clean_label(label: str) -> str:
    return _SPACES.sub("", _ORDINAL.sub("", label))


def label_variants(label: str) -> tuple[str, ...]:
    """The label without its ordinal; a PDF may print the ordinal's 、 at the end
    ("一一般公共预算财政拨款、" for "一、一般公共预算财政拨款")."""
    text = clean_label(label)
    if not text.endswith("、"):
        return (text,)
    text = text[:-1]
    cut = [text[k:] for k in range(1, 4) if len(text) > k and all(ch in _NUMERALS for ch in text[:k])]
    return tuple(cut) + (text,)


def misread(table: Table, ctx: Context) -> bool:
    """A table the extraction visibly mis-read: a figure left inside a row label, two rows'
    labels run together ("一、一般公共服务支出一、基本支出"), a figure on a row with neither
    label nor code (its label was lost), a column header its identity does not have, or a table
    taken for an identity an earlier table of the document already has. Its sums prove nothing."""
    # (a document attaches one performance form per project: several forms are expected)
    # a second table taken for the same identity is suspect, not the first (documents print
    # each standard table once; a unit's own copy or a repeated title comes later)
    def visibly_misread() -> bool:
        return (ctx.table(table.key) is not table and table.kind != "form"
                or any(_FIGURE_IN_LABEL.search(row.label) or len(_ORDINAL_ANYWHERE.findall(row.label)) > 1
                       for row in table.rows)
                or (len(table.rows) > 1 and any(not row.label and not row.code
                                                 and any(c.value is not None for c in row.cells)
                                                 for row in table.rows))
                or bool(_unknown_columns(table)))

    return ctx.remember(("misread", id(table)), visibly_misread)


def _unknown_columns(table: Table) -> list[str]:
    """Columns its identity does not have: a header the extraction could not place (本年收入合·计),
    so the figures under the known columns may have moved too."""
    spec = next((s for s in table_specs() if s.key == table.key), None)
    if spec is None:
        return []
    known = {column for _group, column in spec.columns} | {f"{g}·{c}" for g, c in spec.columns}
    return [column for group, column in table.columns if column not in known and f"{group}·{column}" not in known]


def by_column(row: Row) -> dict[str, Cell]:
    """A row's cells by column, the first of each as ``Row.cell`` finds it (the table rules look
    up every column of a row: one pass over its cells rather than one per column)."""
    cells: dict[str, Cell] = {}
    for cell in row.cells:
        cells.setdefault(cell.column, cell)
    return cells


@lru_cache(maxsize=1)
def _class_names() -> tuple[tuple[str, str], ...]:
    return tuple((entry["name"], entry["code"]) for entry in load("classification")["functional"]
                 if len(entry["code"]) == 3)


def class_code(row: Row) -> str:
    """The 3-digit 功能分类 code of a row: printed, or named as in the summary tables."""
    if row.code:
        return row.code if len(row.code) == 3 else ""
    for label in label_variants(row.label):
        if len(label) < 4:
            continue
        for name, code in _class_names():
            if label == name or name.startswith(label):   # labels cut short keep their start
                return code
    return ""


def label_matches(variants: tuple[str, ...], wanted: str) -> bool:
    """Whether a row label, given as its label_variants, names `wanted`."""
    for variant in variants:
        if variant == wanted or variant.startswith(wanted):   # 使用非财政拨款结余（含专用结余）
            return True
        # a label the extraction cut short: 一般公共预算财 for 一般公共预算财政拨款
        if len(variant) >= 6 and wanted.startswith(variant):
            return True
    return False


def _total_row(table: Table, group: str) -> Row | None:
    rows = [row for row in table.rows if not group or row.group == group]
    for row in rows:
        if not row.code and "合计" in row.label:
            return row
    # a table printed as one unlabelled row of totals (支出预算总表 of some provinces)
    if len(rows) == 1 and not rows[0].label.strip() and not rows[0].code:
        return rows[0]
    return None


def _panel(table: Table, group: str, ctx: Context) -> tuple[tuple[Row, tuple[str, ...]], ...]:
    """The rows of a table's panel with their label variants (once per document: the
    identities of TB03, XT01 and XT02 look for rows of the same panels)."""
    return ctx.remember(("panel", id(table), group), lambda: tuple(
        (row, label_variants(row.label)) for row in table.rows if not group or row.group == group))


def find_row(table: Table, group: str, wanted, ctx: Context) -> Row | None:
    if wanted == "total":
        return _total_row(table, group)
    spellings = tuple(str(spelling) for spelling in (wanted if isinstance(wanted, list) else [wanted]))
    # the identities of a document name the same rows again and again: each found once
    return ctx.remember(("row", id(table), group, spellings),
                        lambda: _first_named(_panel(table, group, ctx), spellings))


def _first_named(rows: tuple[tuple[Row, tuple[str, ...]], ...], spellings: tuple[str, ...]) -> Row | None:
    """The first row of a panel (rows with their label variants) a spelling names, the spellings
    tried in order: a code by its code, a label by label_matches."""
    for spelling in spellings:
        if spelling.isdigit():
            for row, _variants in rows:
                if row.code == spelling:
                    return row
            continue
        for row, variants in rows:
            if label_matches(variants, spelling):
                return row
    return None


def class_rows(table: Table, group: str, ctx: Context) -> dict[str, Row]:
    """The 类 rows of a table's panel by code (once per document)."""
    def by_code() -> dict[str, Row]:
        found: dict[str, Row] = {}
        for row in table.rows:
            if group and row.group != group:
                continue
            code = class_code(row)
            if code and code not in found:
                found[code] = row
        return found

    return ctx.remember(("class_rows", id(table), group), by_code)


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
                row_code=row.code if row else "", row_label=row.label if row else "合计", value=None, decimals=2,
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
                     or any(misread(ctx.table(t), ctx) for t in tables if ctx.table(t) is not None))
        outcomes.append(Outcome(identity, code, left, tuple(right), verdict, cap(verdict.severity, uncertain)))
    return outcomes


def outcome_check(ctx: Context, code: str, outcome: Outcome) -> Check | None:
    where = outcome.where
    if where is None or outcome.verdict.verdict == "ok":
        return None
    right_total = sum((r.total for r in outcome.right), start=Decimal(0))
    relation = "=" if outcome.identity.op == "=" else "≤"
    formula = (f"{' + '.join(show_resolved(r) for r in outcome.right)}"
               + (f" (Σ {right_total})" if len(outcome.right) > 1 else ""))
    name = outcome.identity.name + (f" [{outcome.code}]" if outcome.code else "")
    if outcome.verdict.verdict == "rounding":
        message = f"{name}: {outcome.left.total} vs {right_total}, a rounding-level difference"
    else:
        message = f"{name} does not hold: {outcome.left.total} {relation} {right_total} is false"
    if outcome.severity != outcome.verdict.severity:
        message += (" (at most a warning: a side prints no figure, a figure's column is only guessed, or the "
                    "extraction visibly mis-read the table)")
    table = ctx.table(outcome.identity.left.table)
    return ctx.document_check(code, outcome.severity, where, found=show_resolved(outcome.left),
                       expected=f"{relation} {right_total}", evidence=f"{show_resolved(outcome.left)} {relation} {formula}",
                       message=message, verdict=outcome.verdict.verdict, tolerance=outcome.verdict.tolerance,
                       file=table.file if table else "")


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
