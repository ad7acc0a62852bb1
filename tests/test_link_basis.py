"""Every link says why (claims.csv link_basis): the measure and the words that named it, the
section entry that put a table first, the table, row and column the labels found; a claim the
linking left without a cell says at which step it stopped. report.html shows it beside the evidence."""
from __future__ import annotations

import pytest
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


def _claim(subject: str):
    from decimal import Decimal

    from miner.claims.model import Claim

    return Claim(id="C1", kind="amount", text="961.84万元", value=Decimal("961.84"), decimals=2, unit="万元",
                 scale=Decimal(1), approx="", sentence_id=1, sentence=f"{subject}支出决算为961.84万元", start=10,
                 end=18, doc_offset=0, page=1, line=1, file="", paragraph=1, section=(), subject=subject,
                 measure="支出决算", context=f"{subject}支出决算为")


def _table(*labels: str):
    from decimal import Decimal

    from miner.tables.model import Cell, Row, Table

    rows = tuple(Row(i, "", label, "", "", (Cell("表5", i, "本年支出·小计", "", "", label, Decimal("1.00"), 2, "1.00", 1, i),),
                     1, i) for i, label in enumerate(labels))
    return Table("表5", "gpb_expense", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", "final", "万元",
                 1, 0, 9, (("", "本年支出·小计"),), rows, "tabs")


def test_a_link_among_rows_that_name_the_subject_alike_is_a_doubt():
    """Two rows of a table named alike (其他支出 under two 款, no code in the prose): the labels take
    the first and say so; a figure from that cell is at most a warning (Figure.doubtful)."""
    from miner.linking.link import link_claims

    one = link_claims((_claim("事业运行"),), (_table("事业运行", "其他支出"),))["C1"]
    two = link_claims((_claim("其他支出"),), (_table("其他支出", "事业运行", "其他支出"),))["C1"]
    assert one.cell.row == 0 and not one.doubt
    from miner.messages import render

    doubt = render(two.doubt, "en")
    assert two.cell.row == 0 and doubt == "2 rows of 表5 name 其他支出 alike; the labels took the first"
    assert render(two.doubt, "zh") == "表5中有2行名称同为其他支出，按标签取了第一行"
    assert two.basis.endswith(f"({doubt})")
    from miner.checks.context import Context

    claim, table = _claim("其他支出"), _table("其他支出", "事业运行", "其他支出")
    ctx = Context(doc="d", claims={"C1": claim}, links={"C1": two}, tables=(table,))
    assert ctx.table_figure(claim).doubtful == two.doubt


def _unit_table(*labels: str):
    from decimal import Decimal

    from miner.tables.model import Cell, Row, Table

    rows = tuple(Row(i, "", label, "", "", (Cell("表3", i, "项目支出", "", "", label, Decimal(i + 1), 2, f"{i + 1}.00", 1, i),),
                     1, i) for i, label in enumerate(labels))
    return Table("表3", "budget_expense", "支出预算表", "支出总表", "budget", "万元", 1, 0, 9, (("", "项目支出"),), rows, "pdf")


@pytest.mark.parametrize("chapter,row", [
    ((), 0),                                      # outside the units' chapters: the department's
    (("二、深圳市水务工程质量安全监督站",), 2),     # the unit the chapter names
    (("一、深圳市水务局本级",), 1),                 # its 本级 written otherwise
    (("三、深圳市东江水源工程管理处",), None),       # a unit no row names: no total, not the department's
])
def test_a_department_of_several_units_totals_each_unit_in_its_own_row(chapter, row):
    """深圳市水务局 表3: the department's row, then each unit's; its prose speaks of each unit in a
    chapter naming it."""
    from dataclasses import replace

    from miner.linking.link import link_claims

    claim = replace(_claim(""), measure="项目支出", sentence="（五）项目支出1.00万元", context="（五）项目支出",
                    section=("第三部分 部门预算支出具体情况",) + chapter + ("（五）项目支出1.00万元",))
    table = _unit_table("深圳市水务局", "深圳市水务局（本级）", "深圳市水务工程质量安全监督站")
    link = link_claims((claim,), (table,))["C1"]
    assert (link.cell.row if link.cells else None) == row, link.basis


@pytest.mark.parametrize("chapter,row", [
    (("二、深圳市水务工程质量安全监督站",), 4),    # the unit's own line, not the first unit's
    (("一、深圳市水务局（本级）",), 2),
    ((), None),                                   # the department prints no line of its own
])
def test_a_department_of_several_units_looks_a_subject_up_among_its_units_lines(chapter, row):
    """深圳 基本支出 tables of a department of several units: each unit prints its own
    对个人和家庭的补助 under its row."""
    from dataclasses import replace
    from decimal import Decimal

    from miner.linking.link import link_claims
    from miner.tables.model import Cell, Row, Table

    labels = ("深圳市水务局", "深圳市水务局（本级）", "对个人和家庭的补助", "深圳市水务工程质量安全监督站", "对个人和家庭的补助")
    rows = tuple(Row(i, "", label, "", "", (Cell("表4", i, "金额", "", "", label, Decimal(i + 1), 2, f"{i + 1}.00", 1, i),),
                     1, i) for i, label in enumerate(labels))
    table = Table("表4", "budget_gpb_basic", "一般公共预算基本支出预算表", "基本支出总表", "budget", "万元", 1, 0, 9,
                  (("", "金额"),), rows, "pdf")
    claim = replace(_claim("对个人和家庭的补助"), section=("第三部分 部门预算支出具体情况",) + chapter)
    link = link_claims((claim,), (table,))["C1"]
    assert (link.cell.row if link.cells else None) == row, link.basis
