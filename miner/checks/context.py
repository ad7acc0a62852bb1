"""What a rule sees: the claims, their links and the tables of one document."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..claims.model import Claim
from ..lexicon import load
from ..linking.model import Link
from ..tables.model import Cell, Table


@dataclass(frozen=True)
class Figure:
    """A number used as evidence: its value, printed decimals, and where it comes from."""

    value: Decimal
    decimals: int
    source: str          # "表5 2010350 事业运行 / 本年支出·小计" or "stated 363.82 (line 428)"
    from_table: bool
    clipped: bool = False


@dataclass(frozen=True)
class Context:
    doc: str
    claims: dict[str, Claim]
    links: dict[str, Link]
    tables: tuple[Table, ...] = field(default=())

    def claim(self, claim_id: str) -> Claim | None:
        return self.claims.get(claim_id) if claim_id else None

    def table_figure(self, claim: Claim) -> Figure | None:
        """The linked cell of a claim, in the claim's unit; blank/empty tables count as 0."""
        link = self.links.get(claim.id)
        if link is None or not link.linked:
            return None
        if link.cell is None:
            return Figure(Decimal(0), claim.decimals, f"{'、'.join(link.empty_tables)} (empty table: no figure, counts as 0)", True)
        return cell_figure(link.cell, claim)

    def figure(self, claim: Claim) -> Figure:
        """The best evidence for a claim's quantity: its cell if linked, else the stated figure."""
        return self.table_figure(claim) or stated_figure(claim)


def money_factor(unit: str) -> Decimal:
    return Decimal(load("claims")["money_units"].get(unit, 1))


def cell_figure(cell: Cell, claim: Claim) -> Figure:
    factor = money_factor(cell.unit) / money_factor(claim.unit) if claim.unit in load("claims")["money_units"] else Decimal(1)
    value = cell.amount * factor
    shift = factor.adjusted() if factor != 1 else 0
    decimals = max(cell.decimals - shift, 0)
    return Figure(value, decimals, cell.ref() + (" (blank, counts as 0)" if cell.blank else ""), True, cell.clipped)


def stated_figure(claim: Claim) -> Figure:
    return Figure(claim.value, claim.decimals, f"stated {claim.text} (line {claim.line})", False)
