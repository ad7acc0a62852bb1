"""Whether an amount the labels could not place is printed anywhere in the document's tables.

The linker places a claim by its words alone. When the words name no row or column, two
different things can be true, and a reader needs to know which: the tables print the
figure under words the linker does not know (a failure of the tool: the claim could have
been checked), or no table of the document prints it at all (在职人员经费 in a 深圳 budget,
the income of a unit the summary tables do not list): the document holds no evidence for
it, and no tool could check it from this document.

This module answers only that question, for a claim already left unlinked: is its figure
printed in some cell of the document, within what the rounding or truncation of the
stated figure allows (one unit of its last decimal), in the claim's unit? It never
chooses a cell and never makes a link: a figure that is printed somewhere stays unlinked
with the linker's reason, so that the value of a cell can never make a claim checked.
A stated figure that is wrong and whose words name nothing the tables print is counted
here as absent too; it could not be checked either way.
"""
from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache

from ..claims.model import Claim
from ..lexicon import load
from ..tables.model import Table


@lru_cache(maxsize=None)   # a handful of units, asked for every cell
def _factor(unit: str) -> Decimal:
    return Decimal(load("claims")["money_units"].get(unit, 1))


def printed_figures(tables: tuple[Table, ...]) -> tuple[Decimal, ...]:
    """Every figure the tables print, sign aside, in the unit of factor 1 (元), sorted: a
    document's index, built once, that each unlinked amount is looked up in (a blank prints 0)."""
    return tuple(sorted(abs(cell.amount) * _factor(cell.unit)
                        for table in tables for row in table.rows for cell in row.cells))


def printed_anywhere(claim: Claim, figures: tuple[Decimal, ...]) -> bool:
    """Whether some printed figure, in the claim's unit, is the claim's figure up to one unit of
    its last decimal (rounded or cut), sign aside (a decrease is printed as a negative)."""
    if claim.unit not in load("claims")["money_units"]:
        return True     # only money is looked for: any other figure is not said to be absent
    factor = _factor(claim.unit)
    stated = abs(claim.quantity) * factor
    spread = Decimal(1).scaleb(-claim.decimals) * claim.scale * factor
    # the first printed figure above stated - spread is the nearest candidate from below
    at = bisect_right(figures, stated - spread)
    return at < len(figures) and figures[at] < stated + spread
