"""Every rule: documented, and checked against its bad and good cases (tests/rules/<CODE>.yaml).

A case is a seed document (or, for a rule across documents, real documents of
`corpus` scanned together, `doc` naming the one looked at), optionally changed by text replacements (so a bad
case is a real document with one figure or word altered, or the real document
where it already has the problem), scanned with that one rule. `expect` is
the exact list of (line, severity) the rule must report; `includes` a subset
of it. `ok` names lines the rule must have checked and agreed with (a check of
the rule, ok or rounding, about a claim on that line or about that line of the
document); an entry with `cites` requires the finding's or the agreement's
evidence to cite that cell (the one the labels name). A good case that only expects silence would pass with the rule
switched off; one where the rule has, by design, nothing to check says why
(`why_silent`). `config` sets the case's configuration ([tolerance], [severity]).
Lines and severities of real documents were verified by hand.

Every good case names `ok` lines, except those of rules that report the presence of
something (CM03, CM04: a placeholder, a template alternative) and of the engine
(IN01-IN03), whose good cases guard against false alarms. tests/test_rule_mutations.py
switches each rule off, and the linking, and requires the cases to fail.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from miner.checks.policy import Policy
from miner.checks.registry import RULES, by_code, selected
from miner.checks.run import SCOPES
from miner.config import defaults
from miner.scan import scan, scan_document

from conftest import SEEDS

CASES = Path(__file__).parent / "rules"
CORPORA = Path(__file__).resolve().parents[1] / "corpora"
_DOC_PARTS = ("What it checks", "Why it matters", "Bad", "Good")


def _load(code: str) -> list[dict]:
    path = CASES / f"{code}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"] if path.exists() else []


ALL = [(rule.CODE, i, case) for rule in RULES for i, case in enumerate(_load(rule.CODE))]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_rule_has_documentation_and_cases(rule):
    doc = rule.__doc__ or ""
    missing = [part for part in _DOC_PARTS if part not in doc]
    assert not missing, f"{rule.CODE} docstring lacks {missing}"
    for attribute in ("CODE", "NAME", "FAMILY", "SEVERITY", "SUMMARY", "SCOPE", "KINDS"):
        assert getattr(rule, attribute, None) is not None, f"{rule.CODE} lacks {attribute}"
    assert rule.SEVERITY in ("error", "warning", "info")
    assert rule.SCOPE in SCOPES
    # claim rules are asked about the claims of their kinds; every rule but the engine's checks something
    assert bool(rule.KINDS) == (rule.SCOPE == "claim"), f"{rule.CODE}: KINDS and SCOPE disagree"
    assert callable(getattr(rule, "check", None)) == (rule.SCOPE != "engine"), f"{rule.CODE}: check() and SCOPE disagree"
    kinds = Counter(case["kind"] for case in _load(rule.CODE))
    assert kinds["bad"] >= 1 and kinds["good"] >= 1, f"{rule.CODE} needs bad and good cases in tests/rules/"


def test_every_case_file_names_a_rule():
    for path in CASES.glob("*.yaml"):
        assert path.stem in by_code(), f"{path.name} names no rule"


def _document(case: dict, tmp_path: Path) -> Path:
    path = tmp_path / (case.get("doc", "case") + ".txt")
    if "bytes" in case:
        path.write_bytes(case["bytes"].encode("latin-1"))
        return path
    text = (SEEDS / f"{case['doc']}.txt").read_text(encoding="utf-8")
    for replacement in case.get("replace", ()):
        old, new = replacement[0], replacement[1]
        nth = replacement[2] if len(replacement) > 2 else 1
        assert text.count(old) >= nth, f"{old!r} occurs {text.count(old)} times in {case['doc']}"
        at = -1
        for _ in range(nth):
            at = text.index(old, at + 1)
        text = text[:at] + new + text[at + len(old):]
    path.write_text(text, encoding="utf-8")
    return path


def policy_of(case: dict) -> Policy:
    """The case's configuration: the defaults with its [tolerance] and [severity] tables."""
    config, values = case.get("config", {}), defaults()
    return Policy.of({**values["tolerance"], **config.get("tolerance", {})},
                     {**values.get("severity", {}), **config.get("severity", {})})


def _engine_result(code: str, case: dict, tmp_path: Path):
    """IN02/IN03 come from the engine: run the document through it with a scan
    function that misbehaves on purpose for files named hang*/raise* (tests/misbehave.py)."""
    from miner.engine import ScanOptions, scan_corpus

    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / case["file"]
    path.write_text((SEEDS / f"{case['doc']}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    options = ScanOptions(jobs=1, timeout=3, select=(code,), scan_function="misbehave:scan", policy=policy_of(case))
    return scan_corpus([folder], tmp_path / "out", options).result.documents[0]


def case_result(code: str, case: dict, tmp_path: Path):
    """The result of scanning a case's document with its rule alone."""
    if case.get("engine"):
        return _engine_result(code, case, tmp_path)
    if case.get("corpus"):
        # a rule across documents: scan them together and look at the one named by `doc`
        paths = [CORPORA / name for name in case["corpus"]]
        return next(d for d in scan(paths, select=(code,), policy=policy_of(case)).documents
                    if d.path.endswith(case["doc"]))
    return scan_document(_document(case, tmp_path), selected((code,)), policy=policy_of(case))


def agreed(code: str, result) -> dict[int, list[str]]:
    """The lines a rule checked and agreed with, and the evidence of each agreement: its checks
    that are ok or rounding, about a claim on the line (or a claim it was computed from) or
    about the line of the document."""
    claim_lines = {row.claim_id: row.line for row in result.claims}
    lines: dict[int, list[str]] = {}
    for check in result.checks:
        if check.rule == code and check.verdict in ("ok", "rounding"):
            # a check about a claim covers the claims it was computed from too (a rate's amounts)
            at = {claim_lines[claim_id] for claim_id in (check.claim_id, *check.covers) if claim_id}
            at |= {check.place.line} if check.place is not None else set()
            for line in at:
                lines.setdefault(line, []).append(check.evidence)
    return lines


def assert_case(code: str, case: dict, result) -> None:
    got = Counter((f.line, f.severity) for f in result.findings if f.rule == code)
    for finding in result.findings:
        assert finding.found and finding.expected and finding.evidence and finding.message, finding
    if "expect" in case:
        want = Counter((e["line"], e["severity"]) for e in case["expect"])
        assert got == want, f"{case['name']}: got {sorted(got.items())}"
    for entry in case.get("includes", ()):
        assert got[(entry["line"], entry["severity"])] >= 1, f"{case['name']}: got {sorted(got.items())}"
    for entry in case.get("expect", []) + case.get("includes", []):
        if "cites" in entry:
            # the finding rests on the cell the labels name, not on a figure the prose states
            cited = [f.evidence for f in result.findings if f.rule == code and f.line == entry["line"]]
            assert any(entry["cites"] in evidence for evidence in cited), f"{case['name']}: evidence {cited}"
    agreements = agreed(code, result) if case.get("ok") else {}
    for entry in case.get("ok", ()):
        # a good case must show the rule ran and agreed, not merely that it kept quiet
        line, cites = (entry, "") if isinstance(entry, int) else (entry["line"], entry["cites"])
        assert line in agreements, f"{case['name']}: {code} did not check and agree with line {line}"
        assert any(cites in evidence for evidence in agreements[line]), \
            f"{case['name']}: line {line} agreed on {agreements[line]}, not on {cites}"
    for entry in case.get("excludes_severity", ()):
        assert not any(sev == entry for _, sev in got), f"{case['name']}: got {sorted(got.items())}"


@pytest.mark.parametrize("code,index,case", ALL, ids=[f"{c}-{i}-{case['kind']}" for c, i, case in ALL])
def test_rule_case(code, index, case, tmp_path):
    assert_case(code, case, case_result(code, case, tmp_path))


def test_every_good_case_names_the_lines_its_rule_agreed_with():
    presence = {"CM03", "CM04"}     # rules that report something present: a good case is a case of silence
    missing = [f"{code}-{i}" for code, i, case in ALL if case["kind"] == "good" and not case.get("ok")
               and not case.get("why_silent") and code not in presence and by_code()[code].SCOPE != "engine"]
    assert not missing, missing
