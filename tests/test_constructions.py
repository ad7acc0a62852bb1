"""The prose constructions of issue 15 item 4, each read on a real seed document in which one
sentence is rewritten into the construction (the figures stay the document's own, so the
tables still hold their evidence): a respectively-list of amounts and of their shares, and a
change in percentage points. Each must be read as the figures it states, and a figure changed
inside it must be caught."""
from __future__ import annotations

from pathlib import Path

import pytest

from miner.scan import scan_document

from conftest import SEEDS

DOC = "wuchang-cyzx-2024-final"
PLAIN = "其中：基本支出 500.44 万元，占本年支出 57.6%；项目支出 367.67 万元，占本年支出 42.4%。"
RESPECTIVELY = "其中：基本支出、项目支出分别为 500.44 万元、367.67 万元，分别占本年支出的 57.6%、42.4%。"


def _scan(tmp_path: Path, old: str, new: str):
    text = (SEEDS / f"{DOC}.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / f"{DOC}.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return scan_document(path)


def _rows(result, line: int = 385):
    return {row.claim_text: row for row in result.claims if row.line == line}


def test_a_respectively_list_pairs_each_figure_with_its_name(tmp_path):
    rows = _rows(_scan(tmp_path, PLAIN, RESPECTIVELY))
    # each amount is linked to its own column of 表3, not left unlinked or given the list's last name
    assert rows["500.44 万元"].verdict == "ok" and "基本支出" in rows["500.44 万元"].evidence
    assert rows["367.67 万元"].verdict == "ok" and "项目支出" in rows["367.67 万元"].evidence
    # each share is the share of the amount at its place: 500.44 / 868.11, not 367.67 / 868.11
    assert rows["57.6%"].verdict == "ok" and "500.44 / 868.11" in rows["57.6%"].message
    assert rows["42.4%"].verdict == "ok" and "367.67 / 868.11" in rows["42.4%"].message


@pytest.mark.parametrize("old,new,changed", [
    ("500.44 万元、367.67", "510.44 万元、367.67", "510.44 万元"),
    ("57.6%、42.4%", "47.6%、42.4%", "47.6%"),
])
def test_a_figure_changed_in_a_respectively_list_is_caught(tmp_path, old, new, changed):
    rows = _rows(_scan(tmp_path, PLAIN, RESPECTIVELY.replace(old, new)))
    assert rows[changed].verdict == "mismatch"


def test_percentage_points_are_a_change_of_a_share_not_a_count(tmp_path):
    result = _scan(tmp_path, "占本年支出 57.6%；", "占本年支出 57.6%，比上年提高 3.2 个百分点；")
    rows = _rows(result)
    assert rows["3.2 个百分点"].kind == "points" and rows["3.2 个百分点"].unit == "个百分点"
    assert not any(row.kind == "count" for row in rows.values())
    assert rows["57.6%"].verdict == "ok"


@pytest.mark.parametrize("rate,verdict", [("-37.7%", "ok"), ("37.7%", "mismatch")])
def test_a_growth_below_zero_is_a_decrease(tmp_path, rate, verdict):
    """减少525.02万元 with 增长-37.7% states one decrease twice; 增长37.7% beside it contradicts it."""
    result = _scan(tmp_path, "相比，减少 525.02 万元，下降 37.7%", f"相比，减少 525.02 万元，增长 {rate}")
    row = next(row for row in result.claims if row.line == 385 and row.kind == "change_rate")
    assert row.verdict == verdict, row


SHENZHEN = Path(__file__).resolve().parents[1] / "corpora" / "cities" / "shenzhen" / "2026年深圳市人民政府口岸办公室部门预算.pdf"


@pytest.mark.parametrize("new,severity", [("991.20", "error"), ("819.20", "warning")])
def test_a_list_after_包括_is_summed(new, severity):
    """深圳 p.6: 预算55,884.67万元，包括在职人员经费3,098.93万元、公用经费919.20万元、对个人和家庭的补助
    支出616.88万元、增人增资371.58万元、项目支出50,878.08万元 (= 55,884.67): no table prints these
    items, the sum is the only check, and a part changed in the PDF's lines is caught, up or down."""
    from miner import injection
    from miner.checks.registry import selected
    from miner.scan import read_document, scan_read

    doc = read_document(SHENZHEN, SHENZHEN.name)
    base = scan_read(doc, SHENZHEN.name, selected())
    whole = next(row for row in base.claims if row.claim_text.startswith("55,884.67") and "包括" in row.sentence)
    assert whole.verdict == "ok" and "DR05" in whole.rules and "50878.08 = 55884.67" in whole.message
    index = next(i for i, line in enumerate(doc.lines) if "公用经费919.20" in line.text.replace(" ", ""))
    text = doc.lines[index].text
    changed = injection.with_line(doc, index, text.replace("919.20", new, 1))
    result = scan_read(changed, SHENZHEN.name, selected())
    row = next(row for row in result.claims if row.claim_text.startswith("55,884.67") and "包括" in row.sentence)
    # more than the whole is an error; less is one too, since 包括 (not 主要包括) names every part,
    # but only a warning: the word is not a table's identity
    assert row.verdict == "mismatch" and "DR05" in row.rules and row.severity == severity


JIANGSU = Path(__file__).resolve().parents[1] / "corpora" / "pdf" / "jiangsu-fy-2018-budget.pdf"


@pytest.mark.parametrize("old,new", [("3075.14", "3705.14"), ("1447.63", "1474.63")])
def test_a_reason_naming_every_part_column_of_its_table_is_complete(old, new):
    """jiangsu-fy-2018-budget p.17: 增加4322.77万元。主要原因是基本支出增加1447.63万元、项目支出安排减少
    200万元、单位预留机动经费增加3075.14万元; its 支出预算总表 (表3) prints 合计 = 基本支出 + 项目支出 +
    单位预留机动经费, so the reason leaves nothing out and a changed part no longer nets to the change."""
    from miner import injection
    from miner.checks.registry import selected
    from miner.scan import read_document, scan_read

    doc = read_document(JIANGSU, JIANGSU.name)
    base = scan_read(doc, JIANGSU.name, selected())
    index = next(i for i, line in enumerate(doc.lines) if line.page == 17 and old in line.text)
    reason = [row for row in base.claims if row.page == 17 and row.kind == "change_amount" and old in row.claim_text]
    assert any(row.verdict == "ok" for row in reason)
    changed = injection.with_line(doc, index, doc.lines[index].text.replace(old, new, 1))
    result = scan_read(changed, JIANGSU.name, selected())
    assert any(f.rule == "DR06" and f.page == 17 and f.severity == "warning" for f in result.findings)
