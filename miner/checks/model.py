"""Plain data produced by the check stage: what a rule finds (``Check``), and what the
report shows of it (``Finding``, ``ClaimRow``)."""
from __future__ import annotations

from ..records import record
from .tolerance import Verdict


@record
class Place:
    """Where a check of the document points: a line of a page of one of its files."""

    file: str
    page: int
    line: int


@record
class Check:
    """The outcome of one rule on one claim, or on one place of the document (also when it agrees)."""

    rule: str
    claim_id: str          # the claim it is about; "" for a check of the document at ``place``
    verdict: str           # ok | rounding | mismatch
    severity: str
    expected: str
    evidence: str
    message: str
    tolerance: str = ""
    covers: tuple[str, ...] = ()   # other claims this check also settles (inputs of a recomputation)
    # False for an agreement that says only that the words fit the figures (a relation word, a
    # figure restated the same): it is recorded, and leaves the claim's verdict to the checks of its figure
    settles: bool = True
    place: Place | None = None     # where a check of the document points (a table row, a line)
    found: str = ""                # what it found there (a claim's check: the claim as printed)
    sentence: str = ""
    margin: Verdict | None = None  # the tolerance verdict it rests on, when it compares figures

    @property
    def excess(self) -> str:
        """The gap in units of what rounding allows ("" when no figures are compared)."""
        return self.margin.excess if self.margin is not None else ""

    @property
    def restates_agreement(self) -> bool:
        """A rounding verdict whose figures agree within what their printing allows: the stated
        figure is consistent with the evidence (statcheck's sense), nothing to report."""
        return self.verdict == "rounding" and self.margin is not None and self.margin.consistent


@record
class Finding:
    doc: str
    file: str
    page: int
    line: int
    rule: str
    severity: str          # error | warning | info
    verdict: str           # mismatch | rounding | ok (for claim findings), "" otherwise
    claim_id: str
    found: str
    expected: str
    evidence: str
    sentence: str
    message: str
    tolerance: str = ""
    excess: str = ""


@record
class ClaimRow:
    """One row of claims.csv: a claim and the verdict its checks settled."""

    doc: str
    file: str
    page: int
    line: int
    section: str
    claim_id: str
    sentence: str
    claim_text: str
    kind: str
    subject: str
    measure: str
    period: str
    value: str
    unit: str
    approx: str
    evidence: str
    evidence_value: str
    link_basis: str        # why the claim was linked to its cells, or where the linking stopped
    verdict: str
    severity: str
    rules: str
    message: str


CLAIM_COLUMNS = tuple(ClaimRow.__dataclass_fields__)
FINDING_COLUMNS = ("doc", "file", "page", "line", "rule", "severity", "claim_id", "found", "expected",
                   "evidence", "sentence", "message", "tolerance", "excess")
