"""Plain data produced by the check stage."""
from __future__ import annotations

from ..records import record




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


@record
class Check:
    """The outcome of one rule on one claim (also when it agrees)."""

    rule: str
    claim_id: str
    verdict: str           # ok | rounding | mismatch
    severity: str
    expected: str
    evidence: str
    message: str
    tolerance: str
    covers: tuple[str, ...] = ()   # other claims this check also settles (inputs of a recomputation)
