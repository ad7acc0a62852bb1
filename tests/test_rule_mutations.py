"""The rule cases can fail: a mutation guard over tests/rules/.

A case that passes whatever the rule does proves nothing. Here each rule is
switched off in turn (its checks, its cross-document checks, or the failure
findings of the engine) and its own cases are run again: every bad case and
every good case that names `ok` lines must now fail (94 of the 105 cases; the other 11 are
good cases of silence: the engine's and the presence rules' guards against false alarms, and
six that say why the rule has nothing to check). Then the linking stage is switched off
(every claim unlinked): every case that rests on a cell the labels name must fail.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import regex

from miner.checks import findings as findings_module
from miner.checks.registry import RULES, by_code
from miner.corpus.crosscheck import CorpusPass
from miner.engine import outcome
from miner.linking.model import Link

import miner.scan as scan_module
from test_rules import ALL, assert_case, case_result


def _fails(code: str, case: dict, tmp_path: Path) -> bool:
    tmp_path.mkdir(parents=True)
    try:
        assert_case(code, case, case_result(code, case, tmp_path))
    except AssertionError:
        return True
    return False


def _silence(rule, monkeypatch) -> None:
    if rule.SCOPE in ("claim", "document"):
        monkeypatch.setattr(rule, "check", lambda *args: [])
    elif rule.SCOPE == "corpus":
        monkeypatch.setattr(CorpusPass, "checks", lambda self, doc, facts: [])
    else:
        # the engine's failure findings (IN01 from the scan, IN02/IN03 from the engine) are
        # made by findings.failure: this rule's come out under another code
        made = findings_module.failure

        def failure(doc, failed_rule, *args):
            finding = made(doc, failed_rule, *args)
            return replace(finding, rule="silenced") if failed_rule is rule else finding

        monkeypatch.setattr(scan_module, "failure", failure)
        monkeypatch.setattr(outcome, "failure", failure)


def _meaningful(case: dict) -> bool:
    """Cases a silent rule must fail: bad cases, and good cases that name the lines it agreed with."""
    return case["kind"] == "bad" or bool(case.get("ok"))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_a_silent_rule_fails_its_cases(rule, monkeypatch, tmp_path):
    cases = [(i, case) for code, i, case in ALL if code == rule.CODE and _meaningful(case)]
    assert cases, f"{rule.CODE} has no case that a silent rule would fail"
    _silence(rule, monkeypatch)
    passing = [f"{rule.CODE}-{i}" for i, case in cases if not _fails(rule.CODE, case, tmp_path / str(i))]
    assert not passing, f"still pass with {rule.CODE} switched off: {passing}"


_CELL = regex.compile(r"表\s*\d")


def _rests_on_cells(code: str, case: dict, result) -> bool:
    """Whether a case's expected findings or agreements about claims cite a table cell: the
    cases the linking stage decides (the table, text and stated-figure cases do not)."""
    lines = {e["line"] for e in case.get("expect", []) + case.get("includes", [])}
    lines |= {e if isinstance(e, int) else e["line"] for e in case.get("ok", [])}
    claim_lines = {row.claim_id: row.line for row in result.claims}
    return any(check.rule == code and check.claim_id and _CELL.search(check.evidence)
               and lines & {claim_lines[i] for i in (check.claim_id, *check.covers) if i}
               for check in result.checks)


def test_without_links_the_rule_cases_fail(monkeypatch, tmp_path):
    """With every claim unlinked, every case whose findings or agreements about claims rest on a
    table cell the labels name fails (PR06 reads its table itself). Measured for issue 17 (105
    cases): 22 fail (21.0%); of the 50 claim-scope cases, 20 (40.0%); the counts are asserted,
    not the fractions, so that a new case of a rule that reads no link lowers nothing.

    The rest cannot fail honestly: the 44 cases of the document rules (TB, XT, CM, PR05) and
    the 8 of the engine (IN) never read a link; of the claim rules, DR05, DR06, DR07, PR04 and
    PR06 compare the figures the prose states with each other or read a table themselves
    (23 cases), and 7 cases of DR04, PR01 and PR02 check only figures their sentence states."""
    results = {}
    for code, i, case in ALL:
        folder = tmp_path / f"on-{code}-{i}"
        folder.mkdir()
        results[(code, i)] = None if case.get("engine") else case_result(code, case, folder)
    on_cells = {(code, i) for code, i, case in ALL
                if results[(code, i)] is not None and _rests_on_cells(code, case, results[(code, i)])}
    monkeypatch.setattr(scan_module, "link_claims",
                        lambda claims, tables: {c.id: Link(c.id, reason="linking switched off") for c in claims})
    failing = {(code, i) for code, i, case in ALL if _fails(code, case, tmp_path / f"off-{code}-{i}")}
    claim_scope = {(code, i) for code, i, _case in ALL if by_code()[code].SCOPE == "claim"}
    print(f"linking off: {len(failing)} of {len(ALL)} cases fail; {len(failing & claim_scope)} of the "
          f"{len(claim_scope)} claim-scope cases; {len(failing & on_cells)} of the {len(on_cells)} that rest on cells")
    # PR06 finds the 三公 table's cells itself (by the table's identity), not through a link
    assert len(on_cells) >= 20 and {code for code, _i in on_cells - failing} <= {"PR06"}, sorted(on_cells - failing)
    assert len(failing) >= 22, sorted(failing)
    assert len(failing & claim_scope) >= 20, sorted(claim_scope - failing)
