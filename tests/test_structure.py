"""The shape of the code the issues asked for, checked so that it stays: a finding is made in
one module (miner/checks/findings.py) and nowhere else."""
from __future__ import annotations

import ast
from pathlib import Path

MINER = Path(__file__).resolve().parents[1] / "miner"


def _constructs(name: str) -> list[str]:
    """Where the package calls ``name(...)``: 'module.py:line'."""
    found = []
    for path in sorted(MINER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                found.append(f"{path.relative_to(MINER)}:{node.lineno}")
    return found


def test_findings_are_made_in_one_module():
    places = _constructs("Finding")
    assert places and all(place.startswith("checks/findings.py:") for place in places), places


def test_claim_rows_are_made_in_one_module():
    places = _constructs("ClaimRow")
    assert places and all(place.startswith("checks/findings.py:") for place in places), places
