"""The policy is a value each scan carries: two scans in one process with two policies get
each its own result, and nothing a scan is given stays behind for the next one."""
from __future__ import annotations

from collections import Counter

import pytest

import miner
from miner.checks.policy import Policy, default_policy
from miner.checks.registry import policy_with
from miner.config import ConfigError, defaults
from miner.engine import ScanOptions, scan_corpus

from conftest import SEEDS

SEED = SEEDS / "wuchang-cyzx-2024-final.txt"


def _severities(result, rule: str) -> Counter:
    return Counter(f.severity for f in result.findings if f.rule == rule)


def test_two_policies_in_one_process_give_each_its_own_result():
    """tail_units = 0 turns the 0.01万元 tails of the 2021 seed's prose against its tables
    (353.11 against 353.10 and 31.96 against 31.95: VC01 info by default) into mismatches;
    the default policy, asked before and after, keeps them info."""
    seed = SEEDS / "wuchang-wgzx-2021-final.txt"
    strict = Policy.of({**defaults()["tolerance"], "tail_units": 0})
    before = miner.scan([seed], select=("VC01",))
    under_strict = miner.scan([seed], select=("VC01",), policy=strict)
    after = miner.scan([seed], select=("VC01",))
    assert before.findings == after.findings
    tails = {(f.line, f.found) for f in before.findings if f.severity == "info"}
    assert len(tails) >= 3, "the seed states figures 0.01 off its tables"
    strict_at = {(f.line, f.found): f for f in under_strict.findings}
    assert all(strict_at[key].verdict == "mismatch" and strict_at[key].severity == "warning" for key in tails)


def test_severity_given_to_scan_does_not_leak_into_the_next_scan():
    lowered = miner.scan([SEED], select=("VC01",), severity={"VC": "warning"})
    plain = miner.scan([SEED], select=("VC01",))
    assert _severities(lowered, "VC01")["error"] == 0 and _severities(lowered, "VC01")["warning"] >= 2
    assert _severities(plain, "VC01")["error"] >= 2
    claim = next(r for r in plain.claims if r.line == 428 and r.value == "367.67")
    assert claim.severity == "error"


def test_a_policy_refuses_unknown_rule_codes():
    with pytest.raises(ConfigError):
        policy_with({"XX99": "info"})
    assert policy_with({}) is default_policy()


@pytest.mark.parametrize("name,rule", [("hang.txt", "IN02"), ("raise.txt", "IN03")])
def test_engine_failures_honour_the_severity_table(tmp_path, name, rule):
    """IN02 and IN03 come from the engine, not from a rule: they follow [severity] as IN01 does."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    lowered = policy_with({"IN": "warning"})
    options = ScanOptions(jobs=1, timeout=3, select=(rule,), scan_function="misbehave:scan", policy=lowered)
    result = scan_corpus([folder], tmp_path / "out", options).result
    assert [(f.rule, f.severity) for f in result.findings] == [(rule, "warning")]


def test_in01_honours_the_severity_table(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert [f.severity for f in miner.scan([empty]).findings] == ["error"]
    assert [f.severity for f in miner.scan([empty], severity={"IN01": "info"}).findings] == ["info"]


def test_findings_do_not_restate_an_agreement(seed_results):
    """1,067.40 万元 = 353.11 + 714.30 + 0.00 + 0.00 = 1067.41 (2021 seed, line 783): the parts' rounding
    explains the 0.01, so the claim is `rounding` in claims.csv and findings.csv says nothing of it;
    353.11 against the table's 353.10 (line 785) is a tail beyond the rounding of one printed cell:
    still an info finding, with what rounding allowed and the gap in units of it."""
    result = seed_results["wuchang-wgzx-2021-final"]
    row = next(r for r in result.claims if r.line == 783 and r.value == "1067.40")
    assert row.verdict == "rounding" and "DR05" in row.rules.split()
    assert not [f for f in result.findings if f.claim_id == row.claim_id]
    assert not [f for f in result.findings if f.severity == "info" and "agrees with" in f.message]
    tail = next(f for f in result.findings if f.line == 785 and f.rule == "VC01")
    assert (tail.severity, tail.tolerance, tail.excess) == ("info", "±0.005 (printed with 2 decimals); within a 2-unit "
                                                                "tail of the last decimal", "1.0")
