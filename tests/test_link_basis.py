"""Every link says why (claims.csv link_basis): the measure and the words that named it, the
section entry that put a table first, the table, row and column the labels found; a claim the
linking left without a cell says at which step it stopped. report.html shows it beside the evidence."""
from __future__ import annotations

from click.testing import CliRunner

from miner.cli import main

from conftest import SEEDS


def test_the_basis_of_the_seed_error_names_words_section_table_row_and_column(seed_results):
    row = next(r for r in seed_results["wuchang-cyzx-2024-final"].claims if r.line == 428 and r.value == "367.67")
    assert row.link_basis.startswith("measure 支出决算 (the words 支出决算)")
    assert "sections.yaml: 一般公共预算财政拨款支出决算情况" in row.link_basis
    assert "表5 一般公共预算财政拨款支出决算表, row 2010350 事业运行 (the subject 事业运行), column 本年支出·小计" \
        in row.link_basis


def test_a_claim_left_without_a_cell_says_where_the_linking_stopped(seed_results):
    rows = [r for result in seed_results.values() for r in result.claims]
    linked = [r for r in rows if r.kind == "amount" and r.verdict != "unlinked" and r.evidence.startswith("表")]
    assert linked and all(r.link_basis.startswith("measure ") for r in linked)
    stopped = [r for r in rows if r.kind == "amount" and r.verdict == "unlinked"]
    assert stopped and all(r.link_basis.startswith("no link at the ") for r in stopped), \
        [r.link_basis for r in stopped if not r.link_basis.startswith("no link at the ")][:3]


def test_report_html_shows_the_basis_beside_the_evidence(tmp_path):
    result = CliRunner().invoke(main, ["scan", str(SEEDS / "wuchang-cyzx-2024-final.txt"), "--out", str(tmp_path),
                                       "--select", "VC01", "-j", "1"])
    assert result.exit_code == 1, result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    evidence = page.index("表5 2010350 事业运行 / 本年支出·小计")
    basis = page.index("<dt>Linked by</dt>", evidence)
    assert "row 2010350 事业运行 (the subject 事业运行)" in page[basis:basis + 600]
