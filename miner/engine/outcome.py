"""Turn what a worker sends back into a stored result; failures become IN02/IN03 findings."""
from __future__ import annotations

from ..checks.findings import failure
from ..checks.policy import Policy
from ..checks.rules import in02, in03
from ..messages import Message, say
from ..report.csv import csv_text
from ..report.files import TABLES
from ..report.rows import document_rows
from ..scan import DocumentResult
from .store import StoredResult


def stored_text(result: DocumentResult) -> dict[str, str]:
    """The rows of every report table of a document, as CSV text."""
    rows = document_rows(result)
    return {table.name: csv_text(table, rows[table.name]) for table in TABLES}


def completed(result: DocumentResult) -> StoredResult:
    """A finished scan: the rows of every report table, and the result without its tables."""
    text = stored_text(result)
    return StoredResult(DocumentResult(result.path, result.claims, result.findings, (), result.error, result.facts),
                        text)


def _failed(display: str, rule, rule_codes: tuple[str, ...], found: str, expected: str,
            message: Message, policy: Policy) -> StoredResult:
    findings = (failure(display, rule, found, expected, message, policy),) if rule.CODE in rule_codes else ()
    result = DocumentResult(display, findings=findings, error=f"{rule.CODE}: {found}")
    return StoredResult(result, stored_text(result), retry=True)


def timed_out(display: str, rule_codes: tuple[str, ...], timeout: float, policy: Policy) -> StoredResult:
    return _failed(display, in02, rule_codes, f"still running after {timeout:g} s",
                   f"a scan within the time limit (--timeout {timeout:g})",
                   say("in02.stopped", doc=display, seconds=f"{timeout:g}"), policy)


def crashed(display: str, rule_codes: tuple[str, ...], reason: str, policy: Policy) -> StoredResult:
    return _failed(display, in03, rule_codes, reason, "a scan that ends normally",
                   say("in03.failed", doc=display, reason=reason), policy)
