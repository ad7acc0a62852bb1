"""Tables by structure on city budgets the tool was not built on (corpora/cities/).

tests/golden/cities/tables.yaml records by hand the standard tables of 41 documents of 12
cities' templates; `miner tables` must find exactly those. The rest checks the pieces: the
title grammar, the kind of document, an empty table as evidence, a table printed the other
way round, a web page saved as a PDF.
"""
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from miner.checks.context import Context
from miner.checks.rules import cm01
from miner.cli import main
from miner.ingest.model import Document, Line
from miner.scan import read_document, scan_document
from miner.tables.build import tables_from_lines
from miner.tables.kind import FULL, SECTION, SUMMARY, document_kind, document_scope, required_tables
from miner.tables.model import Cell, Row, Table
from miner.tables.spec import match_title, squash, table_specs
from miner.tables.transpose import items_as_columns

ROOT = Path(__file__).resolve().parents[1]
CITIES = ROOT / "corpora" / "cities"
RECORDED = yaml.safe_load((Path(__file__).parent / "golden" / "cities" / "tables.yaml").read_text(encoding="utf-8"))


def test_the_record_covers_every_city_with_two_documents():
    assert len(RECORDED) >= 40
    cities = {entry["document"].split("/")[0] for entry in RECORDED}
    assert cities >= {"beijing", "changchun", "chongqing", "guangzhou", "hangzhou", "huizhou", "huzhou",
                      "quanzhou", "shanghai", "shenzhen", "suzhou", "zhuhai"}


@lru_cache(maxsize=None)
def _read(document: str):
    path = CITIES / document
    doc = read_document(path, str(path))
    return doc, tables_from_lines(doc)


@pytest.mark.parametrize("entry", RECORDED, ids=lambda e: e["document"])
def test_miner_tables_finds_exactly_the_recorded_tables(entry):
    _doc, tables = _read(entry["document"])
    found = [t for t in tables if t.key and t.key != "performance_form"]
    assert sorted((t.page, t.key) for t in found) == sorted((t["page"], t["identity"]) for t in entry["tables"])
    titles = {t.page: squash(t.title) for t in found}
    for table in entry["tables"]:
        printed = squash(table["title"])
        assert printed in titles[table["page"]] or titles[table["page"]] in printed


@pytest.mark.parametrize("entry", RECORDED, ids=lambda e: e["document"])
def test_cm01_reports_exactly_the_required_tables_a_full_report_lacks(entry):
    doc, tables = _read(entry["document"])
    ctx = Context(doc=entry["document"], claims={}, links={}, tables=tables, lines=doc.lines)
    reported = {c.found for c in cm01.check(ctx) if c.verdict != "ok"}   # its agreements are no finding
    recorded = {t["identity"] for t in entry["tables"]}
    names = {s.key: s.name for s in table_specs() if s.kind == "budget"}
    lacking = {f"no {names[choices[0]]}" for choices in required_tables("budget")
               if not recorded.intersection(choices)} if entry["scope"] == "full" else set()
    assert reported == lacking


def test_miner_tables_command_prints_the_identities():
    result = CliRunner().invoke(main, ["tables", "--brief", str(CITIES / "suzhou" / "2026年苏州市审计局部门预算.pdf")])
    assert result.exit_code == 0, result.output
    assert "国有资本经营预算支出预算表  [budget_soe_expense" in result.output
    assert "财政拨款收支总表  [budget_fiscal_summary" in result.output


@pytest.mark.parametrize("title, kind, key", [
    ("公开04表 财政拨款收支总表", "budget", "budget_fiscal_summary"),
    ("表四 2026年财政拨款收支总体情况表", "budget", "budget_fiscal_summary"),
    ("表4：2026年市级部门财政拨款收支预算总表", "", "budget_fiscal_summary"),
    ("附表3-1 2025年部门收支预算总表", "", "budget_summary"),
    ("预算01表 收支总表", "budget", "budget_summary"),
    ("收支总表（预算表1）", "budget", "budget_summary"),
    ("2026年预算单位财务收支预算总表", "", "budget_summary"),
    ("本年支出总体情况表", "budget", "budget_expense"),
    # the fund scope before 支出表 makes it another table (苏州's 表11 was read as the 支出预算表)
    ("国有资本经营预算支出预算表", "budget", "budget_soe_expense"),
    ("国有资本经营预算支出明细表(预算表10)", "budget", "budget_soe_expense"),
    ("一般公共预算拨款支出预算表", "budget", "budget_gpb_expense"),
    ("一般公共预算支出表（按经济分类）", "budget", "budget_gpb_economic"),
    ("2026年度一般公共预算基本支出经济分类情况表", "budget", "budget_gpb_basic"),
    ("财政拨款安排的行政经费及“三公”经费预算表", "budget", "budget_three_public"),
    ("一般公共预算“三公”经费、会议费、培训费支出表", "budget", "budget_three_public"),
    # the document's kind decides a title that says neither 预算 nor 决算
    ("一般公共预算支出表", "final", "gpb_expense"),
    ("一般公共预算财政拨款基本支出决算表", "", "gpb_basic"),
    ("收入支出决算总表(表 1)", "", "summary"),
])
def test_titles_are_read_by_structure(title, kind, key):
    spec = match_title(title, loose=True, kind_hint=kind)
    assert spec is not None and spec.key == key


@pytest.mark.parametrize("line", [
    "省检察院本级划转240万元办案费;二是《财政拨款支出预算表",   # a sentence naming a table
    "（四）财政拨款收支预算情况的总体说明（详见表4）",            # a heading
    "表11.2026年市级部门项目支出绩效表",                         # a table no identity names
    "一、收支总表",                                              # a contents entry, unless a unit line follows
])
def test_lines_that_are_not_a_standard_title(line):
    assert match_title(line, kind_hint="budget") is None


def _doc(texts, page=1):
    lines, offset = [], 0
    for number, text in enumerate(texts, start=1):
        lines.append(Line(text=text, page=page, line=number, offset=offset))
        offset += len(text) + 1
    return Document(path="t.txt", lines=tuple(lines))


def test_document_kind_from_its_first_lines():
    assert document_kind(_doc(["2026年苏州市审计局部门预算", "目录"])) == "budget"
    assert document_kind(_doc(["2023年度部门决算", "目录"])) == "final"
    assert document_kind(_doc(["关于建筑垃圾的规划"])) == ""


def _table(key, kind="budget"):
    spec = next(s for s in table_specs() if s.key == key and s.kind == kind)
    return Table(label="表1", key=key, name=spec.name, title=spec.name, kind=kind, unit="万元", page=1,
                 line_start=1, line_end=2, columns=(), rows=(), layout="pdf")


def test_document_scope():
    full = tuple(_table(k) for k in ("budget_summary", "budget_income", "budget_expense", "budget_fiscal_summary"))
    assert document_scope("budget", full, pages=30) == FULL
    assert document_scope("budget", full[:1], pages=8) == SUMMARY
    assert document_scope("budget", (), pages=140) == SECTION


def test_cm01_only_on_full_reports():
    # 北京: a short summary whose tables are published apart: no CM01
    beijing = scan_document(CITIES / "beijing" / "2026年北京市信访办公室部门预算.pdf")
    assert not [f for f in beijing.findings if f.rule == "CM01"]
    # 深圳 prints 一般公共预算支出表（按经济分类） where others print the 基本支出 table: nothing missing
    shenzhen = scan_document(CITIES / "shenzhen" / "2026年深圳市信访局部门预算.pdf")
    assert not [f for f in shenzhen.findings if f.rule == "CM01"]


def test_a_web_page_saved_as_a_pdf_is_an_in01_finding_and_the_batch_goes_on():
    page = CITIES / "chongqing" / "2026年重庆市统计局部门预算.pdf"
    result = scan_document(page)
    [finding] = result.findings
    assert finding.rule == "IN01" and "no text layer" in finding.message and "HTML" in finding.message


def _cell(column, value, row=0):
    return Cell(table="表8", row=row, column=column, group="", row_code="", row_label="", value=Decimal(value),
                decimals=2, raw=value, page=18, line=5 + row)


def test_a_three_public_table_printed_with_its_items_as_rows_is_turned_round():
    spec = next(s for s in table_specs() if s.key == "budget_three_public")
    labels = [("行政经费", "2498.85"), ("“三公”经费", "51.75"), ("其中：（一）因公出国（境）支出", "0.00"),
              ("（二）公务用车购置及运行维护支出", "44.75"), ("1.公务用车购置费", "0.00"),
              ("2.公务用车运行维护费", "44.75"), ("（三）公务接待费支出", "7.00")]
    rows = tuple(Row(index=i, code="", label=label, group="", lineno="",
                     cells=(_cell("合计", value, i), _cell("一般公共预算", value, i)), page=18, line=5 + i)
                 for i, (label, value) in enumerate(labels))
    table = Table(label="表8", key=spec.key, name=spec.name, title="财政拨款安排的行政经费及“三公”经费预算表",
                  kind="budget", unit="万元", page=18, line_start=1, line_end=12, columns=(), rows=rows, layout="pdf")
    [row] = items_as_columns(table, spec).rows
    values = {cell.column: str(cell.value) for cell in row.cells}
    assert values["“三公”经费·小计"] == "51.75"
    assert values["因公出国（境）费"] == "0.00"
    assert values["公务用车购置及运行维护费·小计"] == "44.75"
    assert values["公务用车运行维护费"] == "44.75"
    assert values["公务接待费"] == "7.00"
    assert values["行政经费"] == "2498.85"


CM01_SAMPLE = yaml.safe_load((Path(__file__).parent / "golden" / "cm01.yaml").read_text(encoding="utf-8"))


@pytest.mark.skipif(not (ROOT / "corpora" / "pdf").is_dir(), reason="corpora/pdf not copied")
@pytest.mark.parametrize("case", CM01_SAMPLE, ids=lambda c: f"{c['doc']} {c['found']}")
def test_cm01_findings_read_on_the_page(case):
    result = scan_document(ROOT / "corpora" / "pdf" / case["doc"])
    found = {f.found for f in result.findings if f.rule == "CM01"}
    assert (case["found"] in found) == (case["verdict"] == "right")


def test_a_table_printed_in_yuan_is_compared_in_the_claims_unit_and_says_so():
    result = scan_document(CITIES / "shanghai" / "2026年上海市国有资产监督管理委员会_部门预算.pdf")
    [claim] = [c for c in result.claims if c.claim_text == "132万元"]
    # 表5 prints 1,316,754 元 = 131.6754 万元: "132万元" agrees within its printed precision
    assert claim.verdict == "ok"
    assert "(printed in 元, converted to 万元)" in claim.evidence


_COLUMNS = {"项目": (60.0, 90.0), "label": (40.0, 160.0), "value": (200.0, 240.0), "label2": (300.0, 420.0),
            "value2": (480.0, 520.0)}


def _pages_doc(pages):
    """PDF-like lines: each tab-separated cell with its x extent, each row its band on the page."""
    lines, offset = [], 0
    for page, rows in pages:
        for number, cells in enumerate(rows, start=1):
            text = "\t".join(t for t, _where in cells)
            boxes = tuple(_COLUMNS[where] if where in _COLUMNS else (250.0, 350.0) for _t, where in cells)
            top = 800.0 - 20 * number
            lines.append(Line(text=text, page=page, line=number, offset=offset, cells=boxes, band=(top, top - 10)))
            offset += len(text) + 1
    return Document(path="t.pdf", lines=tuple(lines), pages=len(pages), source_kind="pdf")


def test_a_title_at_the_foot_of_the_page_before_its_grid_and_a_grid_over_two_pages():
    head = [("项目", "项目"), ("预算数", "value"), ("项目", "label2"), ("预算数", "value2")]
    doc = _pages_doc([
        (3, [[("2026年某局部门预算", "title")], [("（三）其他说明", "title")], [("公开01表", "title")],
             [("收支总表", "title")]]),
        (4, [[("部门：某局", "label"), ("单位：万元", "value2")], head,
             [("一、财政拨款收入", "label"), ("100.00", "value"), ("一、一般公共服务支出", "label2"), ("60.00", "value2")]]),
        (5, [[("公开01表", "title")], [("收支总表", "title")], [("部门：某局", "label"), ("单位：万元", "value2")], head,
             [("二、教育支出", "label2"), ("40.00", "value2")],
             [("收入总计", "label"), ("100.00", "value"), ("支出总计", "label2"), ("100.00", "value2")]]),
    ])
    [table] = tables_from_lines(doc)
    assert (table.key, table.label, table.page, table.pages) == ("budget_summary", "表1", 3, (3, 4, 5))
    amounts = {row.label: str(row.cells[0].value) for row in table.rows if row.cells and row.cells[0].value is not None}
    assert amounts["一、一般公共服务支出"] == "60.00" and amounts["二、教育支出"] == "40.00"
    assert amounts["支出总计"] == "100.00"


def test_a_table_splitting_each_column_into_funds_keys_each_fund_under_its_heading():
    # 深圳市信访局 p.31 财政拨款“三公”经费支出表: 总计 / 因公出国(境)费 / 公务接待费 / 公务用车购置及运行
    # 维护费 (小计 / 购置费 / 运行维护费), each over 一般公共预算 | 政府性基金预算 | 国有资本经营预算 (wrapped
    # as 一般公共预 / 算, 国有资本经 / 营预算); one row per year. No fund's column is its heading's.
    _doc, tables = _read("shenzhen/2026年深圳市信访局部门预算.pdf")
    [table] = [t for t in tables if t.key == "budget_three_public"]
    rows = {row.label: {cell.column: cell.raw for cell in row.cells} for row in table.rows}
    assert rows["2026年"]["公务接待费·一般公共预算"] == "2.98"
    assert rows["2026年"]["公务接待费·政府性基金预算"] == "0.00"
    assert rows["2026年"]["总计·国有资本经营预算"] == "0.00"
    assert rows["2026年"]["公务用车购置及运行维护费·公务用车运行维护费·一般公共预算"] == "2.60"
    assert not {"公务接待费", "合计", "公务用车购置费"} & {key for _group, key in table.columns}
