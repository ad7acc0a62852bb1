"""Plain data of a statement check: what a figure speaks about, the evidence found for it, the verdict."""
from __future__ import annotations

from ..checks.model import Finding
from ..claims.model import Claim
from ..ingest.model import Document
from ..prose.model import Paragraph
from ..records import record
from ..tables.model import Table

# verdicts of a statement's figure, in the order the ledger lists them
SUPPORTED, DERIVED, MISMATCH, NOT_FOUND = "supported", "derived", "mismatch", "not_found"
VERDICTS = (MISMATCH, SUPPORTED, DERIVED, NOT_FOUND)


@record
class Scope:
    """What a figure is a figure of, read from the words before it (lexicons/statements.yaml).

    ``stage`` is budget | execution | final ("" when the words do not say);
    ``subject`` is the words naming the item, with the body, year, stage and
    linkers taken out (一般公共预算收入). For a change or a rate, ``compared_year``
    and ``compared_stage`` name what it is measured against (比2023年执行数: 2023, execution).
    """

    body: str = ""
    year: int = 0
    stage: str = ""
    subject: str = ""
    compared_year: int = 0
    compared_stage: str = ""
    # where body, year and stage were read: "clause" | "sentence" | "paragraph" | "heading" | "before" | "given" | "cover"
    said: str = ""


@record
class Figure:
    """A number of a statement or of a source's prose, with its scope."""

    claim: Claim
    scope: Scope
    origin: str            # the document (statement or source) as named to the user


@record
class Source:
    """A source document as read once: its identity, tables and prose figures."""

    name: str              # as given (path)
    document: Document
    tables: tuple[Table, ...]
    paragraphs: tuple[Paragraph, ...]
    figures: tuple[Figure, ...]
    identity: Scope        # body, year and stage of the report as a whole (its cover); subject ""
    claims: tuple[Claim, ...] = ()
    error: str = ""        # why it could not be read ("" when it was)


@record
class Evidence:
    """What a statement's figure was compared with: a source's figure (prose) or cell, or a recomputation."""

    source: str            # the source document
    text: str              # the sentence of the source, or the cell reference
    value: str             # the source's figure as printed ("102425亿元", "372.78")
    page: int
    line: int
    file: str = ""
    kind: str = "prose"    # prose | cell | recomputed
    formula: str = ""      # for a recomputed figure: how (100462.06 / 102425 = 98.08%)


@record
class Judgement:
    """The verdict on one figure of a statement."""

    figure: Figure
    verdict: str                          # supported | derived | mismatch | not_found
    evidence: tuple[Evidence, ...] = ()
    severity: str = ""                    # for a mismatch: warning | error (the tolerance policy's)
    rule: str = ""                        # the rule that decided (SC01 …), "" for not_found
    expected: str = ""                    # the source's figure, or the recomputed one
    tolerance: str = ""
    reason: str = ""                      # why, in words (for not_found: why nothing was found), in the check's language


@record
class StatementResult:
    """One statement checked against the sources."""

    name: str
    document: Document
    paragraphs: tuple[Paragraph, ...]
    judgements: tuple[Judgement, ...]
    findings: tuple[Finding, ...]         # mismatches and the statement's own arithmetic


@record
class CheckResult:
    statements: tuple[StatementResult, ...]
    sources: tuple[Source, ...]
    language: str = "zh"                  # of the reasons, the ledger and the page

    @property
    def judgements(self) -> list[Judgement]:
        return [j for s in self.statements for j in s.judgements]

    @property
    def findings(self) -> list[Finding]:
        return [f for s in self.statements for f in s.findings]
