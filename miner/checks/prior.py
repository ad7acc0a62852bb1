"""Plain data for reading a document against the same body's report of the year before.

A document's scan leaves, beside its claims and findings, the facts another
document may need (``DocumentFacts``, built by ``miner.corpus.facts``): who
published it for which year, the figure of every labelled cell (``ledger``),
and the changes on the year before whose earlier figure only the earlier report
prints (``questions``). The cross-document pass (``miner.corpus``) answers the
questions with rule XD01, which reads these records: they belong to the check
stage, which the corpus stage comes after.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..messages import Message


@dataclass(frozen=True, slots=True)
class Identity:
    body: str       # 江苏省高级人民法院
    year: int
    kind: str       # "budget" | "final" | … (lexicons/tables.yaml kinds)

    def previous(self) -> "Identity":
        return Identity(self.body, self.year - 1, self.kind)

    def __str__(self) -> str:
        return f"{self.body} {self.year} {self.kind}"


# A cell named by its labels alone, the same in every year's report of a body:
# (table identity, row code, row label, panel group, column key).
CellKey = tuple[str, str, str, str, str]


class LedgerCell(NamedTuple):
    """A cell's figure (a tuple: a document's ledger holds hundreds, stored and read back per run)."""

    value: Decimal | None       # None: printed blank (counts as 0)
    decimals: int
    unit: str
    ref: str                    # Cell.ref() in its own document: "表5 2040502 一般行政管理事务 / 金额"


@dataclass(frozen=True, slots=True)
class PriorQuestion:
    """A change on the year before that this document cannot check alone.

    ``claim`` is the change amount (or a change rate stated without one);
    ``current`` is the figure the change speaks about, from the cell whose
    labels (``key``) the earlier report is searched for."""

    claim_id: str
    kind: str                   # change_amount | change_rate
    text: str                   # the claim as printed
    value: Decimal
    decimals: int
    approx: str
    direction: str              # + | - | "" (a 0 change with its sign left open)
    unit: str                   # the claim's unit (万元; % for a rate)
    key: CellKey
    current: Decimal            # the current figure, in ``current_unit``
    current_decimals: int
    current_unit: str
    current_source: str
    page: int
    line: int
    file: str
    sentence: str
    doubt: Message | str = ""   # why the current figure may not be the document's (a message)


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    identity: Identity | None = None
    ledger: dict[CellKey, LedgerCell] = field(default_factory=dict)
    questions: tuple[PriorQuestion, ...] = ()
