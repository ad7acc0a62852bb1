"""Plain data produced by the linking stage."""
from __future__ import annotations

from ..messages import Message
from ..records import record
from ..tables.model import Cell


@record
class Link:
    """The cell(s) a claim speaks about, found from labels alone.

    ``cells[0]`` is the preferred cell (the table the section speaks about);
    the others state the same row and measure in other tables and are kept
    as alternatives. ``empty_tables`` names tables the claim points to that
    print no figure at all (a blank counts as 0). ``reason`` says why a claim
    has no cell.
    """

    claim_id: str
    cells: tuple[Cell, ...] = ()
    empty_tables: tuple[str, ...] = ()
    reason: Message | str = ""        # a message (miner.messages), rendered in the report's language
    # why: the measure and its words, the section entry, the table, row and column the labels
    # found; for a claim without a cell, the step at which the linking stopped (claims.csv link_basis)
    basis: str = ""
    # why the cell may not be the one the claim speaks about ("" when nothing says so)
    doubt: Message | str = ""
    # For a rate or a change: the figures it is computed from that its sentence
    # does not state, by role ("budget", "actual", "current"), each linked by labels.
    operands: tuple[tuple[str, "Link"], ...] = ()
    # A figure no cell prints but the sum of these does (人员经费 = 301 + 303 in a budget)
    parts: tuple[Cell, ...] = ()

    @property
    def cell(self) -> Cell | None:
        return self.cells[0] if self.cells else None

    @property
    def linked(self) -> bool:
        return bool(self.cells or self.empty_tables or self.parts)
