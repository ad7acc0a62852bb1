"""Check a public statement against the published reports it cites (``miner check``, ``miner serve``).

A journalist's question is not whether a report agrees with itself but whether
a statement (a news report, a press release, a work report) cites the figures
the body published. The sources are read with the scan's own stages; the
statement's figures are extracted by the same claim stage, given a body, year
and stage from their words (``scope``), linked by labels to the source's
figure or cell for the same item (``link``) and judged with the one tolerance
policy (``judge``): supported, derived, mismatch or not found, with a reason.

As a library::

    from miner.statements import check, read_sources, read_statement
    result = check([read_statement("statement.txt")], read_sources(["source.pdf"]))
"""
from .check import check, check_statement
from .model import CheckResult, Judgement, StatementResult
from .sources import read_sources
from .text import read_statement, statement_document

__all__ = ["check", "check_statement", "read_sources", "read_statement", "statement_document", "CheckResult",
           "Judgement", "StatementResult"]
