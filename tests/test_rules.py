"""Every rule: documented, and checked against its bad and good cases (tests/rules/<CODE>.yaml).

A case is a seed document (or, for a rule across documents, real documents of
`corpus` scanned together, `doc` naming the one looked at), optionally changed by text replacements (so a bad
case is a real document with one figure or word altered, or the real document
where it already has the problem), scanned with that one rule. `expect` is
the exact list of (line, severity) the rule must report; `includes` a subset
of it. Lines and severities of real documents were verified by hand.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from miner.checks.registry import RULES, by_code, selected
from miner.checks.run import SCOPES
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


def _engine_result(code: str, case: dict, tmp_path: Path):
    """IN02/IN03 come from the engine: run the document through it with a scan
    function that misbehaves on purpose for files named hang*/raise* (tests/misbehave.py)."""
    from miner.engine import ScanOptions, scan_corpus

    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / case["file"]
    path.write_text((SEEDS / f"{case['doc']}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    options = ScanOptions(jobs=1, timeout=3, select=(code,), scan_function="misbehave:scan")
    return scan_corpus([folder], tmp_path / "out", options).result.documents[0]


@pytest.mark.parametrize("code,index,case", ALL, ids=[f"{c}-{i}-{case['kind']}" for c, i, case in ALL])
def test_rule_case(code, index, case, tmp_path):
    if case.get("engine"):
        result = _engine_result(code, case, tmp_path)
    elif case.get("corpus"):
        # a rule across documents: scan them together and look at the one named by `doc`
        paths = [CORPORA / name for name in case["corpus"]]
        result = next(d for d in scan(paths, select=(code,)).documents if d.path.endswith(case["doc"]))
    else:
        result = scan_document(_document(case, tmp_path), selected((code,)))
    got = Counter((f.line, f.severity) for f in result.findings if f.rule == code)
    for finding in result.findings:
        assert finding.found and finding.expected and finding.evidence and finding.message, finding
    if "expect" in case:
        want = Counter((e["line"], e["severity"]) for e in case["expect"])
        assert got == want, f"{case['name']}: got {sorted(got.items())}"
    for entry in case.get("includes", ()):
        assert got[(entry["line"], entry["severity"])] >= 1, f"{case['name']}: got {sorted(got.items())}"
    for line in case.get("ok", ()):
        # a good case must show the rule ran and agreed, not merely that it kept quiet
        assert any(r.line == line and code in r.rules.split() and r.verdict in ("ok", "rounding")
                   for r in result.claims), f"{case['name']}: {code} did not check line {line}"
    for entry in case.get("excludes_severity", ()):
        assert not any(sev == entry for _, sev in got), f"{case['name']}: got {sorted(got.items())}"
