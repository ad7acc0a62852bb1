"""Error findings on city budgets, read on their pages (tests/golden/cities/findings.yaml).

An error finding says a public body published a wrong number, so each one recorded there was
read on its page and recomputed by hand. `after` holds every error finding the scan raises on
cities/ (the census: fewer than 60 remain, so no sample is drawn from them), `before` the seeded
sample of 60 drawn from the scan before the precision work, each with its verdict and cause.

For the recorded documents that are in corpora/cities, the scan's error findings must be exactly
the recorded ones: a new error (a false one back, or a new misreading) or a lost one (a real error
no longer found) fails. The other tests pin each structural fix on the sentence that showed it.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from miner.checks.parts import parts_index
from miner.checks.rules.pr02 import _exceed_word
from miner.claims.model import Claim
from miner.scan import scan_document
from miner.tables.lookup import class_rows
from miner.tables.model import Row, Table

ROOT = Path(__file__).resolve().parents[1]
CITIES = ROOT / "corpora" / "cities"
RECORD = yaml.safe_load((Path(__file__).parent / "golden" / "cities" / "findings.yaml").read_text(encoding="utf-8"))
NOT_A_NUMBER = {"IN01", "IN02", "IN03"}


@lru_cache(maxsize=None)
def _scan(document: str):
    return scan_document(CITIES / document)


def _recorded_documents() -> list[str]:
    named = {entry["document"] for part in ("before", "after") for entry in RECORD[part]}
    return sorted(d for d in named if (CITIES / d).is_file())


def _key(document: str, rule: str, page: int, line: int, stated: str) -> tuple:
    return document, rule, int(page), int(line), stated.replace(" ", "")


def test_the_record_reads_every_finding_with_a_verdict():
    assert len(RECORD["before"]) >= 60
    for entry in RECORD["before"] + RECORD["after"]:
        assert entry["verdict"] in ("real", "false"), entry
        assert entry["why"].strip(), entry
        assert entry["verdict"] == "real" or entry.get("cause"), entry


def test_the_recorded_precision_after_is_at_least_90_percent():
    real = sum(1 for entry in RECORD["after"] if entry["verdict"] == "real")
    assert real / len(RECORD["after"]) >= 0.9


@pytest.mark.parametrize("document", _recorded_documents())
def test_error_findings_are_exactly_the_recorded_ones(document):
    raised = {_key(document, f.rule, f.page, f.line, f.found) for f in _scan(document).findings
              if f.severity == "error" and f.rule not in NOT_A_NUMBER}
    recorded = {_key(e["document"], e["rule"], e["page"], e["line"], e["stated"])
                for e in RECORD["after"] if e["document"] == document}
    assert raised == recorded


def _claim(doc: str, page: int, line: int, value: str):
    rows = [c for c in _scan(doc).claims if c.page == page and c.line == line and c.value == value]
    assert rows, (doc, page, line, value)
    return rows[0]


def test_a_share_is_not_divided_by_its_sibling():
    # 杭州市司法局 p.5: 人员支出58,486.35万元，占59.0%；日常公用支出12,237.94万元，占12.3%: the whole is
    # the three items' sum, not 人员支出 (12,237.94 / 58,486.35 = 20.92% was an error)
    row = _claim("hangzhou/2026年杭州市司法局部门预算.pdf", 5, 16, "12.3")
    assert row.verdict != "mismatch"


def test_a_section_citing_its_table_is_compared_with_that_table():
    # 杭州市交通运输局 p.6: （四）财政拨款收支预算情况的总体说明（详见表4）… 财政拨款收支总预算654,235.22万元
    row = _claim("hangzhou/2026年杭州市交通运输局部门预算.pdf", 6, 21, "654235.22")
    assert (row.verdict, "表4") == ("ok", row.evidence.split()[0])


def test_a_rate_of_another_subject_after_the_reason_is_not_the_changes():
    # 湖州市卫生健康委员会 p.7: 减少10087.38万元，下降1.9%，主要是政府性基金预算收入较上年执行数下降45.9%
    doc = "huzhou/2026年湖州市卫生健康委员会部门预算.pdf"
    assert _claim(doc, 7, 10, "1.9").verdict == "ok"
    assert _claim(doc, 7, 11, "45.9").verdict == "unlinked"


def test_the_projects_money_is_not_the_whole_spending():
    # 苏州市数据局 p.39: 本部门共32个项目纳入绩效目标管理，涉及财政性资金合计57,195万元 (not 表1 支出合计)
    assert _claim("suzhou/2026年苏州市数据局部门预算.pdf", 39, 19, "57195").verdict != "mismatch"


def _amount(id_: str, text: str, sentence: str, sentence_id: int = 1, parts_of: str = "") -> Claim:
    start = sentence.index(text)
    return Claim(id=id_, kind="amount", text=text, value=Decimal(text.replace(",", "")),
                 decimals=2, unit="万元", scale=1, approx="", sentence_id=sentence_id, sentence=sentence,
                 start=start, end=start + len(text), doc_offset=0, page=1, line=1, file="", paragraph=1,
                 section=(), parts_of=parts_of)


def test_an_aside_in_parentheses_breaks_down_its_part_not_the_whole():
    # 广州市住房和建设局 p.58 (the whole, 238.4, closes the sentence before)
    whole = _amount("W", "238.4", "“三公”经费238.4万元。", sentence_id=1)
    text = ("其中：因公出国（境）费101.75万元；公务用车购置及运行维护费112.08万元（公务用车购置费18.2万元；"
            "公务用车运行维护费93.88万元）；公务接待费24.57万元。")
    parts = [_amount(f"P{i}", figure, text, sentence_id=2, parts_of="W")
             for i, figure in enumerate(("101.75", "112.08", "18.2", "93.88", "24.57"))]
    assert [p.text for p in parts_index([whole, *parts])["W"]] == ["101.75", "112.08", "24.57"]


def test_a_figure_after_the_clause_its_whole_is_used_for_is_a_sibling():
    # 重庆市规划和自然资源局 p.4: 基本支出 is no breakdown of 项目支出's whole
    text = "其中：基本支出113,007.22万元，主要用于保障在职人员工资；项目支出114,947.89万元，主要用于规划。"
    basic = _amount("B", "113,007.22", text)
    project = _amount("P", "114,947.89", text, parts_of="B")
    assert parts_index([basic, project]) == {}
    # a 主要用于 whose clause lists a part opens a list that runs over its clauses
    text = "项目支出552.5万元，主要用于：A项目361.50万元；B项目191.00万元。"
    whole, first, second = (_amount("W", "552.5", text), _amount("A", "361.50", text, parts_of="W"),
                            _amount("B", "191.00", text, parts_of="W"))
    assert [p.id for p in parts_index([whole, first, second])["W"]] == ["A", "B"]


@pytest.mark.parametrize("sentence, word", [
    ("实施周期指标值：实际支出不超预算，年度指标值》90%", None),     # 广州市生态环境局 p.45, a target
    ("完成年初预算的100%，支出决算数超预算", "超预算"),
])
def test_a_denied_overspend_is_no_overspend(sentence, word):
    assert _exceed_word(sentence) == word


def test_a_class_row_beats_an_item_named_like_the_start_of_a_class():
    # 深圳市建筑工务署 表1: 五、援助其他地区支出 > 住房保障 (an item) and 六、住房保障支出 (the class)
    rows = tuple(Row(index=i, code="", label=label, group="支出", lineno="", cells=(), page=17, line=i)
                 for i, label in enumerate(("五、援助其他地区支出", "住房保障", "六、住房保障支出", "住房改革支出")))
    table = Table(label="表1", key="budget_summary", name="收支预算总表", title="收支总表", kind="budget",
                  unit="万元", page=17, line_start=0, line_end=4, columns=(("支出", "金额"),), rows=rows,
                  layout="pdf")
    assert class_rows(table)["221"].label == "六、住房保障支出"


def test_a_table_headed_by_its_unit_totals_in_that_row():
    # 深圳市信访局 p.7: （五）项目支出1,612.29 万元. 表3 支出总表 prints no 合计: its first row,
    # "深圳市信访局 4,684.30 3,072.01 1,612.29", heads the classification lines as their total.
    row = _claim("shenzhen/2026年深圳市信访局部门预算.pdf", 7, 5, "1612.29")
    assert (row.verdict, row.evidence) == ("ok", "表3 深圳市信访局 / 项目支出")
    assert "the first row, naming the unit" in row.link_basis


@pytest.mark.parametrize("page,line,value,unit_row", [
    # 一、市建筑工务署本级 → 深圳市建筑工务署（本级）, not the department's row 深圳市建筑工务署 (13,210.64)
    (7, 5, "9866.11", "深圳市建筑工务署（本级）"),
    # 三、市建筑工务署工程管理中心 → the row whose label the extraction cut (深圳市建筑工务署工程管理 / 中心)
    (9, 1, "1225.49", "深圳市建筑工务署工程管理"),
])
def test_a_department_of_several_units_totals_each_in_the_row_its_chapter_names(page, line, value, unit_row):
    # 深圳市建筑工务署 pp.6-9: the prose speaks of each unit in its own chapter; 表3 prints the
    # department's row, then each unit's row above its lines
    row = _claim("shenzhen/2026年深圳市建筑工务署部门预算.pdf", page, line, value)
    assert (row.verdict, row.evidence) == ("ok", f"表3 {unit_row} / 项目支出")


@pytest.mark.parametrize("document,page,line,value,evidence", [
    ("shenzhen/2026年深圳市信访局部门预算.pdf", 10, 2, "1612.29", "表3 深圳市信访局 / 项目支出"),
    # a department of several units, in a chapter that names no unit (二、实施部门预算绩效管理的项目
    # 情况及工作要求): the department's row
    ("shenzhen/2026年深圳市建筑工务署部门预算.pdf", 11, 14, "13210.64", "表3 深圳市建筑工务署 / 项目支出"),
])
def test_the_money_the_performance_targets_cover_is_the_projects_spending(document, page, line, value, evidence):
    # 深圳: 所有项目支出预算纳入部门预算绩效管理，涉及预算资金1,612.29 万元 (claims.yaml topic_nouns)
    row = _claim(document, page, line, value)
    assert (row.verdict, row.evidence) == ("ok", evidence)


# (8, 17): under the heading "1.因公出国 （境） 费用", its words set apart by spaces
@pytest.mark.parametrize("page,line,value", [(8, 15, "5.58"), (8, 17, "0.00"), (9, 4, "2.98"), (9, 7, "2.60"),
                                             (9, 12, "2.60")])
def test_a_three_public_item_split_into_funds_is_the_sum_of_its_funds_in_the_year_it_names(page, line, value):
    # 深圳市信访局 p.9: 2026年预算数2.98 万元 (公务接待费): 表9 prints 公务接待费 over three funds, in a row
    # per year; the 2026年 row's three cells add up to it (the 2025年 row is the previous budget)
    row = _claim("shenzhen/2026年深圳市信访局部门预算.pdf", page, line, value)
    assert row.verdict == "ok" and row.evidence.startswith("表9 2026年 / ") and row.evidence.count(" + ") == 2, row
