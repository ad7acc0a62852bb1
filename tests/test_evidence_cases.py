"""Evidence absent from the document, told apart from a failure to link; targets and levels told
apart from figures of the budget; items linked by the code the prose joins to their name; a part
title that ends the sections before it; a total of all funds kept from one fund's table; a change rate read with the figure it follows
(not one inside an aside before it); the list a colon after a figure opens. Cases:
tests/data/evidence_cases.yaml (each read on its pages)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from miner.scan import scan_document

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "evidence_cases.yaml").read_text(encoding="utf-8"))
ABSENT_WORDS = "no table of this document prints"


@pytest.fixture(scope="module")
def scans():
    cache = {}

    def scanned(doc: str):
        if doc not in cache:
            cache[doc] = scan_document(ROOT / doc)
        return cache[doc]
    return scanned


def _rows(result, case):
    return [row for row in result.claims if row.claim_text.replace(" ", "") == case["claim"].replace(" ", "")
            and (case.get("page") is None or row.page == case["page"])
            and case.get("words", "") in row.sentence.replace(" ", "").replace("\n", "")
            and case.get("sentence_has", "") in row.sentence.replace(" ", "").replace("\n", "")]


@pytest.mark.parametrize("case", CASES["absent"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_absent_evidence_is_told_apart_from_a_failed_link(scans, case):
    rows = _rows(scans(case["doc"]), case)
    assert rows, f"claim {case['claim']} not found"
    for row in rows:
        assert row.verdict == "unlinked"
        assert (ABSENT_WORDS in row.message) is case["absent"], row.message


@pytest.mark.parametrize("case", CASES["kinds"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_targets_and_levels_are_not_budget_figures(scans, case):
    rows = _rows(scans(case["doc"]), case)
    assert rows, f"claim {case['claim']} not found"
    assert {row.kind for row in rows} == {case["kind"]}


@pytest.mark.parametrize("case", CASES["linked"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_an_item_is_linked_by_the_code_joined_to_its_name(scans, case):
    rows = [row for row in _rows(scans(case["doc"]), case) if row.kind == "amount"]
    assert rows, f"claim {case['claim']} not found"
    for row in rows:
        assert row.verdict == case["verdict"] and case["evidence_has"] in row.evidence, (row.verdict, row.evidence)


@pytest.mark.parametrize("case", CASES["sections"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_a_part_title_ends_the_sections_before_it(scans, case):
    rows = _rows(scans(case["doc"]), case)
    assert rows, f"claim {case['claim']} not found"
    assert all(case["section_lacks"] not in row.section for row in rows), [row.section for row in rows]


@pytest.mark.parametrize("case", CASES["totals"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_a_total_of_all_funds_is_not_one_funds_table_total(scans, case):
    rows = [row for row in _rows(scans(case["doc"]), case) if row.measure == "支出决算"]
    assert rows, f"claim {case['claim']} not found"
    # a link reads "measure 支出决算 (the words 支出): 表5 …, row 合计"; a claim without one names the
    # tables it looked at after "no row of"
    assert all(f": {case['table_not']} " not in row.link_basis and not row.evidence.startswith(case["table_not"])
               for row in rows), [row.link_basis for row in rows]


@pytest.mark.parametrize("case", CASES["changes"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_a_change_rate_is_of_the_figure_it_follows(scans, case):
    rows = [row for row in _rows(scans(case["doc"]), case) if row.kind == "change_rate"]
    assert rows, f"claim {case['claim']} not found"
    assert all(row.verdict == "ok" and case["message_has"] in row.message for row in rows), [row.message for row in rows]


@pytest.mark.parametrize("case", CASES["lists"], ids=lambda c: f"{Path(c['doc']).stem}-{c['claim']}")
def test_a_colon_after_a_figure_opens_its_list(scans, case):
    rows = [row for row in _rows(scans(case["doc"]), case) if row.kind == "amount"]
    assert rows, f"claim {case['claim']} not found"
    assert all(row.verdict == "ok" and case["message_has"] in row.message for row in rows), [row.message for row in rows]
