"""From checks to verdicts and findings: the one way a rule's outcome reaches the report.

Every rule returns ``Check``s (``model.py``): about a claim (``claim_id``), or about
the document at a place (its tables, its text). This module

- applies the policy's severity overrides (``Policy.applied``) to every check;
- settles each claim's verdict from the checks about it: the worst verdict wins
  (mismatch over rounding over ok), then the worst severity; a claim no rule
  checked takes the verdict of a check that used it (a recomputation's input), else
  it is ``unlinked`` with the reason the linking stage gave;
- makes the findings: one per check of a claim that carries the claim's verdict
  (mismatch or rounding) and reports something (``reported``: a rounding verdict whose
  printed figures agree within their rounding only restates the agreement claims.csv
  holds), one per check of the document that is not ``ok``, and one for a document the
  scan could not read or the engine could not finish (IN01–IN03);
- merges a check across documents (XD01) into a claim row already settled;
- renders the messages (``miner.messages``: a key and its values) in the policy's language:
  the rules and the linking say what they found, the rows say it in the user's words.

The precedence of verdicts (``ORDER``) and of severities (``SEVERITY_ORDER``) is
written here once.
"""
from __future__ import annotations

from dataclasses import replace

from ..claims.model import Claim
from ..linking.model import Link
from ..messages import Message, say, text
from ..numbers import format_decimal
from ..records import record
from .model import Check, ClaimRow, Finding
from .policy import Policy

ORDER = {"ok": 0, "rounding": 1, "mismatch": 2}
SEVERITY_ORDER = {"": 0, "info": 1, "warning": 2, "error": 3}


def at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold]


@record
class ClaimVerdict:
    verdict: str          # ok | rounding | mismatch | unlinked
    severity: str
    rules: tuple[str, ...]
    evidence: str
    evidence_value: str
    message: str


class CheckIndex:
    """The checks of a document by the claim they are about and by the claims they cover."""

    def __init__(self, checks):
        self.own: dict[str, list[Check]] = {}
        self.covering: dict[str, list[Check]] = {}
        for check in checks:
            self.own.setdefault(check.claim_id, []).append(check)
            for covered in check.covers:
                self.covering.setdefault(covered, []).append(check)


def settle(claim: Claim, checks: CheckIndex, unlinked_reason: Message | str, language: str) -> ClaimVerdict:
    own = checks.own.get(claim.id, [])
    if not own:
        own = checks.covering.get(claim.id, [])
        if own:
            best = min(own, key=lambda c: ORDER[c.verdict])
            return ClaimVerdict(best.verdict, "", (best.rule,), best.evidence, best.expected,
                                text(language, "claim.used_in", rule=best.rule, message=best.message))
        return ClaimVerdict("unlinked", "", (), "", "", _rendered(unlinked_reason, language))
    worst = max(own, key=lambda c: (ORDER[c.verdict], SEVERITY_ORDER[c.severity]))
    messages = dict.fromkeys(_rendered(c.message, language) for c in own if c.verdict == worst.verdict)
    return ClaimVerdict(worst.verdict, worst.severity, tuple(dict.fromkeys(c.rule for c in own)),
                        worst.evidence, worst.expected, text(language, "claim.separator").join(messages))


def _rendered(message: Message | str, language: str) -> str:
    return message.render(language) if isinstance(message, Message) else message


# what a claim of a kind no rule checks is (the catalogue's unlinked.<kind>)
_KIND_REASON = ("count", "points", "indicator", "date", "threshold", "number")


def unlinked_reason(claim: Claim, link: Link) -> Message | str:
    """Why no rule could check a claim: the linking stage's reason, or what its kind says."""
    if claim.kind in ("rate", "share", "change_rate") and not link.cells:
        return link.reason or say(f"unlinked.{claim.kind}")
    if link.reason:
        return link.reason
    if claim.kind == "change_amount":
        return say("unlinked.change_amount")
    return say(f"unlinked.{claim.kind}" if claim.kind in _KIND_REASON else "unlinked.other")


def claim_row(doc: str, claim: Claim, verdict: ClaimVerdict, link: Link) -> ClaimRow:
    return ClaimRow(
        doc=doc, file=claim.file, page=claim.page, line=claim.line, section=claim.section_title,
        claim_id=claim.id, sentence=claim.sentence, claim_text=claim.text, kind=claim.kind,
        subject=claim.subject, measure=claim.measure, period=claim.period,
        value=format_decimal(claim.value), unit=claim.unit, approx=claim.approx,
        evidence=verdict.evidence, evidence_value=verdict.evidence_value, link_basis=link.basis,
        verdict=verdict.verdict,
        severity=verdict.severity, rules=" ".join(verdict.rules), message=verdict.message,
    )


def _finding(doc: str, check: Check, file: str, page: int, line: int, claim_id: str, found: str,
             sentence: str, language: str) -> Finding:
    return Finding(doc=doc, file=file, page=page, line=line, rule=check.rule, severity=check.severity,
                   verdict=check.verdict, claim_id=claim_id, found=found, expected=check.expected,
                   evidence=check.evidence, sentence=sentence, message=_rendered(check.message, language),
                   tolerance=check.tolerance, excess=check.excess)


def claim_finding(doc: str, claim: Claim, check: Check, language: str) -> Finding:
    return _finding(doc, check, claim.file, claim.page, claim.line, claim.id, claim.text, claim.sentence, language)


def document_finding(doc: str, check: Check, language: str) -> Finding:
    place = check.place
    return _finding(doc, check, place.file, place.page, place.line, check.claim_id, check.found, check.sentence,
                    language)


def reported(check: Check) -> bool:
    """Whether a check of a claim is a finding: a mismatch, or a rounding verdict that is not an
    agreement within the rounding of the printed figures (its claim row says that one)."""
    return check.verdict == "mismatch" or (check.verdict == "rounding" and not check.restates_agreement)


def judged(doc: str, claims, links: dict[str, Link], checks: list[Check], policy: Policy
           ) -> tuple[tuple[ClaimRow, ...], tuple[Finding, ...], tuple[Check, ...]]:
    """A document's claim rows and findings from every check its rules made (with the policy's
    severities: the checks are returned as applied). Claim findings come first, in claim order;
    then the findings about the document, in the order the rules made them."""
    checks = [policy.applied(check) for check in checks]
    language = policy.language
    index = CheckIndex(c for c in checks if c.claim_id and (c.settles or c.verdict != "ok"))
    rows, findings = [], []
    for claim in claims:
        verdict = settle(claim, index, unlinked_reason(claim, links[claim.id]), language)
        rows.append(claim_row(doc, claim, verdict, links[claim.id]))
        if verdict.verdict in ("mismatch", "rounding"):
            findings.extend(claim_finding(doc, claim, check, language) for check in index.own.get(claim.id, ())
                            if check.verdict == verdict.verdict and reported(check))
    findings.extend(document_finding(doc, check, language) for check in checks
                    if check.place is not None and check.verdict != "ok")
    return tuple(rows), tuple(findings), tuple(checks)


def failure(doc: str, rule, found: str, expected: str, message: Message | str, policy: Policy) -> Finding:
    """A document the scan could not read (IN01) or the engine could not finish (IN02, IN03)."""
    return Finding(doc=doc, file="", page=0, line=0, rule=rule.CODE,
                   severity=policy.severity_of(rule.CODE, rule.SEVERITY), verdict="", claim_id="",
                   found=found, expected=expected, evidence=doc, sentence="",
                   message=_rendered(message, policy.language))


def merged_row(row: ClaimRow, check: Check, language: str) -> ClaimRow:
    """A claim row settled within its document, with a check across documents (XD01) added: a
    claim no rule could check takes its verdict, one the check finds worse becomes its verdict."""
    if row.verdict == "unlinked" or ORDER[check.verdict] > ORDER[row.verdict]:
        return replace(row, verdict=check.verdict, severity=check.severity, rules=check.rule,
                       evidence=check.evidence, evidence_value=check.expected,
                       message=_rendered(check.message, language))
    return replace(row, rules=" ".join(dict.fromkeys(row.rules.split() + [check.rule])))
