"""What a rule sees: the claims, their links and the tables of one document."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Callable, TypeVar

import regex

from ..claims.model import Claim
from ..lexicon import load
from ..messages import Message, say
from ..ingest.model import Line
from ..linking.model import Link
from ..prose.model import Paragraph
from ..records import record
from ..tables.model import Cell, Table
from ..tables.quality import misread
from .model import Check, Place
from .parts import parts_index
from .policy import Policy, default_policy
from .tolerance import Tolerance, Verdict, rounding_spread

T = TypeVar("T")


@record
class Figure:
    """A number used as evidence: its value, printed decimals, and where it comes from."""

    value: Decimal
    decimals: int
    source: str          # "表5 2010350 事业运行 / 本年支出·小计" or "stated 363.82 (line 428)"
    from_table: bool
    clipped: bool = False
    guessed: bool = False    # the extraction only guessed the cell's column: at most a warning
    misread: str = ""        # the table it comes from was visibly mis-read by the extraction: which
    unsure: Message | str = ""   # why the labels may have found another cell than the claim's (Link.doubt)
    spread: Decimal = Decimal(0)   # a sum of printed cells: half-width of the interval their rounding allows
    # ``source`` as a message says it, in the report's language (``source`` itself is the evidence column's)
    said: Message | str = ""

    @property
    def named(self) -> Message | str:
        """Where the figure comes from, for a message."""
        return self.said or self.source

    @property
    def doubtful(self) -> Message | str:
        """Why this figure may not be what the document means ("" when it is certain):
        evidence from it is at most a warning (the tolerance policy's `cap`)."""
        if self.guessed:
            return say("figure.guessed")
        if self.misread:
            return say("figure.misread", table=self.misread)
        return self.unsure


@dataclass(frozen=True)
class Context:
    doc: str
    claims: dict[str, Claim]
    links: dict[str, Link]
    tables: tuple[Table, ...] = field(default=())
    lines: tuple[Line, ...] = field(default=())
    paragraphs: tuple[Paragraph, ...] = field(default=())
    policy: Policy = field(default_factory=default_policy)
    # Indexes a rule builds once per document (rules run claim by claim): see ``remember``.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def tolerance(self) -> Tolerance:
        return self.policy.tolerance

    def remember(self, key, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per document under ``key``: rules run claim by claim
        and ask for the same indexes and figures again and again."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    @cached_property
    def kind(self) -> str:
        """The document kind ("final", "budget" ...): the kind most of its tables belong to."""
        known = load("tables")["kinds"]
        kinds = Counter(t.kind for t in self.tables if t.key and t.kind in known)
        if kinds:
            return kinds.most_common(1)[0][0]
        text = "".join(line.text for line in self.lines[:40])
        for kind, body in load("tables")["kinds"].items():
            if any(marker in text for marker in body.get("markers", ())):
                return kind
        return ""

    @cached_property
    def year(self) -> int | None:
        """The year the document reports on: from its title, else from its tables' titles."""
        words = load("consistency")
        pattern = regex.compile(words["year_title_pattern"])
        for line in self.lines[:words["title_lines"]]:
            found = pattern.search(line.text)
            if found:
                return int(found.group(1))
        years = Counter(int(m.group(1)) for t in self.tables for m in [pattern.search(t.title)] if m)
        return years.most_common(1)[0][0] if years else None

    def document_check(self, code: str, severity: str, where, found: str, expected: str, evidence: str,
                       message: str, sentence: str = "", verdict: str = "mismatch", tolerance: str = "",
                       file: str | None = None, margin: Verdict | None = None) -> Check:
        """A check of the document at `where` (anything with page, line and file: a row, a line, a cell)."""
        place = Place(getattr(where, "file", "") if file is None else file, where.page, where.line)
        return Check(code, "", verdict, severity, expected, evidence, message, tolerance,
                     place=place, found=found, sentence=sentence, margin=margin)

    def agreement(self, code: str, where, found: str, tolerance: str = "", file: str | None = None) -> Check:
        """A check of the document at `where` that agrees: no finding, but a record that the rule
        looked there (``DocumentResult.checks``; the `ok:` lines of the rule cases)."""
        # (built directly: a document's table rules agree a few hundred times)
        place = Place(getattr(where, "file", "") if file is None else file, where.page, where.line)
        return Check(code, "", "ok", "", "", "", say("common.looked", what=found), tolerance, place=place, found=found)

    @cached_property
    def _first_table(self) -> dict[str, Table]:
        """The first table of each identity (rules ask for tables by identity again and again)."""
        first: dict[str, Table] = {}
        for table in self.tables:
            first.setdefault(table.key, table)
        return first

    def table(self, key: str) -> Table | None:
        return self._first_table.get(key)

    def claim(self, claim_id: str) -> Claim | None:
        return self.claims.get(claim_id) if claim_id else None

    @cached_property
    def _parts(self) -> dict[str, tuple[Claim, ...]]:
        return parts_index(self.claims.values())

    def parts(self, claim: Claim) -> tuple[Claim, ...]:
        """The claims listed as parts of this one (after its 其中, or the changes a reason lists),
        in document order; indexed once per document (DR05 and DR06 ask for every amount and change)."""
        return self._parts.get(claim.id, ())

    def table_figure(self, claim: Claim) -> Figure | None:
        """The linked cell of a claim, in the claim's unit; blank/empty tables count as 0
        (memoised: several rules ask for the same claim's figure)."""
        return self.remember(("table figure", claim.id), lambda: self.evidence(self.links.get(claim.id), claim))

    def operand(self, claim: Claim, role: str, unit_of: Claim | None = None) -> Figure | None:
        """A figure a rate or change is computed from that its sentence does not state
        (its 年初预算 or 支出决算 cell), in the unit of ``unit_of`` (default: the claim's)."""
        link = self.links.get(claim.id)
        for name, operand in (link.operands if link else ()):
            if name == role:
                return self.evidence(operand, unit_of or claim)
        return None

    def evidence(self, link: Link | None, claim: Claim) -> Figure | None:
        """The figure of a link's first cell; when the extraction visibly mis-read its table,
        the first of the other cells the labels found whose table was read cleanly (chosen by
        how well the table was read, never by value); else the first, marked."""
        figure = link_figure(link, claim)
        if figure is None or link.cell is None:
            if figure is not None and link.parts:
                return self._marked(figure, link.parts[0])
            if figure is not None and link.empty_tables:
                # a table read as empty: when the extraction took it for another table, its being
                # empty says nothing about the figure
                empty = next((t for t in self.tables if t.label == link.empty_tables[0]), None)
                if empty is not None and self.misread(empty):
                    return replace(figure, misread=f"{empty.label} {empty.name}")
            return figure
        first = self._marked(figure, link.cell)
        if link.doubt:
            first = replace(first, unsure=link.doubt)
        if first.misread:
            for cell in link.cells[1:]:
                other = self._marked(cell_figure(cell, claim), cell)
                if not other.misread:
                    return other
        return first

    def cell_evidence(self, cell: Cell, claim: Claim) -> Figure:
        """A cell as evidence for a claim, in the claim's unit, marked when its table was mis-read."""
        return self._marked(cell_figure(cell, claim), cell)

    def misread(self, table: Table) -> bool:
        """Whether the extraction visibly mis-read the table (``tables.quality``; once per table)."""
        return self.remember(("misread", id(table)), lambda: misread(table, self.table(table.key)))

    def _marked(self, figure: Figure, cell: Cell) -> Figure:
        """The figure, marked when its table was visibly mis-read (its sums and blanks prove nothing)."""
        owners = self.remember("cell owners", lambda: {id(c): t for t in self.tables for c in t.cells()})
        table = owners.get(id(cell))
        if table is not None and self.misread(table):
            return replace(figure, misread=f"{table.label} {table.name}")
        return figure

    def figure(self, claim: Claim) -> Figure:
        """The best evidence for a claim's quantity: its cell if linked and its table was read
        cleanly, else the stated figure (a cell of a visibly mis-read table proves nothing about a
        rate computed from the claim; the claim's own comparison with it says what it can)."""
        cell = self.table_figure(claim)
        return cell if cell is not None and not cell.misread else stated_figure(claim)


def link_figure(link: Link | None, claim: Claim) -> Figure | None:
    if link is None or not link.linked:
        return None
    if link.parts and not link.cells:
        figures = [cell_figure(cell, claim) for cell in link.parts]
        decimals = max(f.decimals for f in figures)
        spread = rounding_spread(f.decimals for f in figures)
        source = " + ".join(f.source for f in figures)
        said = figures[-1].said
        for figure in reversed(figures[:-1]):
            said = say("figure.plus", first=figure.said, rest=said)
        return Figure(sum((f.value for f in figures), Decimal(0)), decimals, source, True,
                      any(f.clipped for f in figures), spread=spread, said=said)
    if link.cell is None:
        tables = "、".join(link.empty_tables)
        return Figure(Decimal(0), claim.decimals, f"{tables} (empty table: no figure, counts as 0)", True,
                      said=say("figure.empty", tables=tables))
    return cell_figure(link.cell, claim)


@lru_cache(maxsize=None)   # a handful of units, asked for every figure
def money_factor(unit: str) -> Decimal:
    return Decimal(load("claims")["money_units"].get(unit, 1))


def cell_figure(cell: Cell, claim: Claim) -> Figure:
    factor = money_factor(cell.unit) / money_factor(claim.unit) if claim.unit in load("claims")["money_units"] else Decimal(1)
    value = cell.amount * factor
    shift = factor.adjusted() if factor != 1 else 0
    decimals = max(cell.decimals - shift, 0)
    # a table printed in 元 (上海) or 千元 is compared in the claim's unit: the evidence says so
    converted = f" (printed in {cell.unit}, converted to {claim.unit})" if factor != 1 else ""
    ref = cell.ref()
    said = say("figure.cell", ref=ref, blank=say("figure.blank") if cell.blank else "",
               converted=say("figure.converted", printed=cell.unit, unit=claim.unit) if factor != 1 else "")
    return Figure(value, decimals, ref + (" (blank, counts as 0)" if cell.blank else "") + converted,
                  True, cell.clipped,
                  cell.placement == "guess" and not cell.blank, said=said)


def stated_figure(claim: Claim) -> Figure:
    return Figure(claim.value, claim.decimals, f"stated {claim.text} (line {claim.line})", False,
                  said=say("figure.stated", text=claim.text, line=claim.line))
