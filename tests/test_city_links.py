"""Claims of city budgets linked by their labels where the tables print them in another form:
a list of classification items each with its figure, a numbered header row, a heading or a
类/款/项 path wrapped onto the next line, rows without codes told apart by their parent, the
previous year's figure (tests/data/city_links.yaml, read by hand)."""
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from miner.scan import scan_document

ROOT = Path(__file__).resolve().parents[1]
CITIES = ROOT / "corpora" / "cities"
CASES = yaml.safe_load((Path(__file__).parent / "data" / "city_links.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _claims(document: str):
    return scan_document(CITIES / document, display=document).claims


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['document']}:{c['page']}:{c['claim']}")
def test_the_claim_is_linked_as_its_labels_say(case):
    rows = [r for r in _claims(case["document"]) if r.page == case["page"] and r.claim_text == case["claim"]
            and case.get("sentence", "") in r.sentence]
    assert len(rows) >= 1, f"no claim {case['claim']} on page {case['page']}"
    row = rows[0]
    assert row.verdict == case["verdict"], (row.verdict, row.link_basis, row.message)
    assert case.get("evidence", "") in row.evidence
    assert case.get("basis", "") in row.link_basis
    assert case.get("section", "") in row.section
