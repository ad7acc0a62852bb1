"""Reading a report against the same body's report of the year before (miner.corpus, XD01)."""
from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from miner.checks.policy import default_policy
from miner.checks.rules import xd01
from miner.cli import main
from miner.corpus.crosscheck import Reports
from miner.engine import Shard
from miner.engine.store import Manifest
from miner.messages import render
from miner.checks.prior import Identity, LedgerCell, PriorQuestion
from miner.scan import scan_document

PDF = Path(__file__).resolve().parents[1] / "corpora" / "pdf"
SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
PAIR = ("jiangsu-jcy-2017-budget.pdf", "jiangsu-jcy-2018-budget.pdf")
TOLERANCE = default_policy().tolerance


def question(**changes) -> PriorQuestion:
    fields = dict(claim_id="C1", kind="change_amount", text="100万元", value=Decimal("100"), decimals=0,
                  approx="", direction="-", unit="万元", key=("budget_fiscal_expense", "2040505", "", "", "金额"),
                  current=Decimal("950.00"), current_decimals=2, current_unit="万元",
                  current_source="表5 2040505 案件执行 / 金额", page=20, line=5, file="", sentence="…")
    fields.update(changes)
    return PriorQuestion(**fields)


def test_identity_is_read_from_the_cover_even_when_the_title_wraps():
    # 江苏省人大常委会办公厅2018年度部门 / 预算公开: the year and the kind are on different lines
    facts = scan_document(PDF / "jiangsu-rd-2018-budget.pdf").facts
    assert facts.identity == Identity("江苏省人大常委会办公厅", 2018, "budget")
    assert facts.ledger and facts.questions


def test_a_report_without_a_cover_has_no_identity():
    # the 2021 seed opens with 第一部分 …概况: no cover names the body
    assert scan_document(SEEDS / "wuchang-wgzx-2021-final.txt").facts.identity is None


def test_the_previous_report_is_the_one_in_the_same_folder_else_the_first():
    later, earlier = Identity("西南大学", 2024, "final"), Identity("西南大学", 2023, "final")
    reports = Reports([("a/x-2023.pdf", earlier), ("b/x-2023.pdf", earlier), ("b/x-2024.pdf", later),
                       ("c/x-2024.pdf", later), ("a/other.pdf", Identity("西南大学", 2023, "budget"))])
    assert reports.previous("b/x-2024.pdf", later) == "b/x-2023.pdf"
    assert reports.previous("c/x-2024.pdf", later) == "a/x-2023.pdf"
    assert reports.previous("a/x-2023.pdf", earlier) is None
    assert reports.previous("a/x.pdf", None) is None


def test_change_amount_against_the_previous_report():
    cell = LedgerCell(Decimal("1050.00"), 2, "万元", "表5 2040505 案件执行 / 金额")
    agrees = xd01.check(question(), cell, "2017.pdf", TOLERANCE)
    assert agrees.verdict == "ok" and "950.00 - 1050.00 = -100.00" in agrees.evidence and "2017.pdf" in agrees.evidence
    differs = xd01.check(question(value=Decimal("120")), cell, "2017.pdf", TOLERANCE)
    assert differs.verdict == "mismatch" and differs.severity == "warning" and differs.expected == "100.00"
    opposite = xd01.check(question(direction="+"), cell, "2017.pdf", TOLERANCE)
    assert opposite.verdict == "mismatch" and "an increase" in render(opposite.message, "en")
    assert "文中称增加" in render(opposite.message, "zh")


def test_previous_report_in_yuan_is_converted_to_the_claims_unit():
    cell = LedgerCell(Decimal("10500000"), 0, "元", "表5 2040505 案件执行 / 金额")
    assert xd01.check(question(), cell, "2017.pdf", TOLERANCE).verdict == "ok"


def test_change_rate_without_an_amount_against_the_previous_report():
    # swu-2024-final p.17: 8,627.17 in 2024, 7,970.38 in the 2023 final: +8.2404%
    rate = question(kind="change_rate", text="8.24%", value=Decimal("8.24"), decimals=2, direction="+", unit="%",
                    current=Decimal("8627.17"))
    cell = LedgerCell(Decimal("7970.38"), 2, "万元", "表4 2050202 小学教育 / 本年支出·小计")
    assert xd01.check(rate, cell, "2023.pdf", TOLERANCE).verdict == "ok"
    misstated = question(kind="change_rate", text="8.42%", value=Decimal("8.42"), decimals=2, direction="+",
                         unit="%", current=Decimal("8627.17"))
    assert xd01.check(misstated, cell, "2023.pdf", TOLERANCE).verdict == "mismatch"
    falling = question(kind="change_rate", text="8.24%", value=Decimal("8.24"), decimals=2, direction="-",
                       unit="%", current=Decimal("8627.17"))
    assert xd01.check(falling, cell, "2023.pdf", TOLERANCE).verdict == "mismatch"


def test_change_rate_on_a_previous_year_of_zero():
    """A rate on the year before whose report prints 0 there cannot be computed: a warning that
    says so (this raised a TypeError in the parent process before, which ended the whole run)."""
    rate = question(kind="change_rate", text="8.24%", value=Decimal("8.24"), decimals=2, direction="+", unit="%",
                    current=Decimal("8627.17"))
    zero = xd01.check(rate, LedgerCell(Decimal("0"), 2, "万元", "表4 2050202 小学教育 / 本年支出·小计"), "2023.pdf",
                      TOLERANCE)
    assert (zero.verdict, zero.severity) == ("mismatch", "warning") and "prints 0" in render(zero.message, "en")


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pair")
    for name in PAIR:
        shutil.copy(PDF / name, folder / name)
    return folder


def _findings(out: Path) -> list[dict]:
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_scan_reads_the_pair_against_each_other_and_ignore_turns_it_off(pair, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["scan", str(pair), "--out", str(tmp_path / "all"), "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    # jcy-2018 p.28: +3,958.98 where 21,940.96 - 17,981.68 (the 2017 report's 表5 合计) = 3,959.28
    found = [(Path(f["doc"]).name, f["page"], f["line"], f["expected"]) for f in _findings(tmp_path / "all")
             if f["rule"] == "XD01" and f["severity"] == "warning"]
    assert ("jiangsu-jcy-2018-budget.pdf", "28", "2", "3959.28") in found
    assert all(name == "jiangsu-jcy-2018-budget.pdf" for name, *_ in found)
    result = runner.invoke(main, ["scan", str(pair), "--out", str(tmp_path / "none"), "-j", "1", "--ignore", "XD"])
    assert result.exit_code in (0, 1), result.output
    assert not [f for f in _findings(tmp_path / "none") if f["rule"] == "XD01"]


def test_shards_merge_to_the_cross_checked_report(pair, tmp_path, monkeypatch):
    """The two reports of the pair in different shards: only the merge can read them together."""
    shutil.copytree(pair, tmp_path / "pair")
    monkeypatch.chdir(tmp_path)       # relative paths, so the split below does not depend on tmp names
    docs = [f"pair/{name}" for name in PAIR]
    count = next(n for n in range(2, 10)
                 if len({next(i for i in range(1, n + 1) if Shard(i, n).holds(d)) for d in docs}) == 2)
    runner = CliRunner()
    assert runner.invoke(main, ["scan", "pair", "--out", "whole", "-j", "1"]).exit_code in (0, 1)
    shards = []
    for index in range(1, count + 1):
        out = f"shard{index}"
        assert runner.invoke(main, ["scan", "pair", "--out", out, "-j", "1",
                                    "--shard", f"{index}/{count}"]).exit_code in (0, 1)
        shards.append(out)
    assert sorted(len(Manifest.read(out).entries) for out in shards)[-2:] == [1, 1]
    assert runner.invoke(main, ["merge", *shards, "--out", "merged"]).exit_code in (0, 1)
    for name in ("claims.csv", "findings.csv"):
        assert (tmp_path / "merged" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert b"XD01" in (tmp_path / "merged" / "findings.csv").read_bytes()
