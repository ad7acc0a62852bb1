"""`miner check`: statements against the reports they cite (miner.statements).

The expected ledgers of the real pairs are in tests/data/statements.yaml (read by hand);
changed statements are made by tests/statement_changes.py from the real ones.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from miner.cli import main
from miner.statements import check, read_sources, read_statement, statement_document
from statement_changes import changed_statement

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "corpora" / "statements"
EXPECTED = yaml.safe_load((Path(__file__).parent / "data" / "statements.yaml").read_text(encoding="utf-8"))["pairs"]
PDF = ROOT / "corpora" / "pdf"


@pytest.fixture(scope="module")
def sources():
    return {pair["name"]: read_sources([PAIRS / pair["name"] / s for s in pair["sources"]]) for pair in EXPECTED}


def _find(judgements, text: str, after: str = ""):
    sentence_after = [j for j in judgements if j.figure.claim.text == after] if after else []
    found = [j for j in judgements if j.figure.claim.text == text
             and (not sentence_after or (j.figure.claim.sentence_id == sentence_after[0].figure.claim.sentence_id
                                         and j.figure.claim.start > sentence_after[0].figure.claim.start))]
    assert found, f"{text} not among the statement's figures"
    return found[0]


@pytest.mark.parametrize("pair", EXPECTED, ids=[p["name"] for p in EXPECTED])
def test_the_real_pairs_give_the_ledger_read_by_hand(pair, sources):
    result = check([read_statement(PAIRS / pair["name"] / "statement.txt")], sources[pair["name"]])
    judgements = result.judgements
    listed = set()
    for expected in pair["figures"]:
        judgement = _find(judgements, expected["text"], expected.get("after", ""))
        listed.add(judgement.figure.claim.id)
        assert judgement.verdict == expected["verdict"], (expected, judgement.reason)
        assert judgement.expected == expected["expected"]
        assert Path(judgement.evidence[0].source).name == expected["source"]
    for item in pair["not_found_with_source"]:
        judgement = _find(judgements, item["text"])
        assert judgement.verdict == "not_found", judgement
        assert item["source_figure"] in judgement.reason and "不同阶段" in judgement.reason
    others = {j.verdict for j in judgements if j.figure.claim.id not in listed}
    assert others == {"not_found"}, [(j.figure.claim.text, j.verdict) for j in judgements
                                     if j.figure.claim.id not in listed and j.verdict != "not_found"]


def test_the_execution_figure_is_never_compared_with_the_final_account_figure(sources):
    """The trap of the 04 pair, the other way round too: the March 执行数 100435.71 against the
    newspaper's July 决算数 100462.06 of the same revenue (the 03 statement as a source)."""
    final_account = read_sources([PAIRS / "03-mof-central-2024-final-vs-budget" / "statement.txt"])
    result = check([read_statement(PAIRS / "04-mof-central-2024-execution-report-vs-budget" / "statement.txt")],
                   final_account)
    judgement = _find(result.judgements, "100435.71亿元")
    assert judgement.verdict == "not_found" and "100462.06亿元" in judgement.reason
    assert not [j for j in result.judgements if j.verdict == "mismatch"]


def _changes():
    for pair in EXPECTED:
        for figure in pair["figures"]:
            yield pair, figure


@pytest.mark.parametrize("pair,figure", list(_changes()),
                         ids=[f"{p['name'][:2]}-{f['text']}-{f.get('after', '')}" for p, f in _changes()])
def test_a_changed_figure_is_a_mismatch_with_the_sources_figure(pair, figure, sources):
    statement = PAIRS / pair["name"] / "statement.txt"
    text, changed = changed_statement(statement, figure["text"], figure.get("after", ""))
    result = check([statement_document(text, "changed")], sources[pair["name"]])
    judgement = _find(result.judgements, changed, figure.get("after", ""))
    assert judgement.verdict == "mismatch", judgement.reason
    assert judgement.expected == figure["expected"]
    assert judgement.severity == "error"
    assert [f for f in result.findings if f.claim_id == judgement.figure.claim.id and f.expected == figure["expected"]]


def test_a_changed_amount_behind_a_derived_rate_makes_the_rate_a_mismatch(sources):
    pair = EXPECTED[0]
    statement = PAIRS / pair["name"] / "statement.txt"
    text, changed = changed_statement(statement, "33223.3亿元")
    result = check([statement_document(text, "changed")], sources[pair["name"]])
    rate = _find(result.judgements, "92.1%")
    assert rate.verdict == "mismatch" and rate.rule == "SC02"
    assert changed.removesuffix("亿元") in rate.reason and "36085亿元" in rate.reason


def test_a_source_of_another_body_or_year_gives_not_found_never_mismatch():
    # 中央 2024 against a district bureau's 2024 final account; a court's 2019 budget figures
    # against its own 2018 budget
    central = read_statement(PAIRS / "03-mof-central-2024-final-vs-budget" / "statement.txt")
    result = check([central], read_sources([PDF / "putuo-czj-2024-final.pdf"]))
    assert {j.verdict for j in result.judgements} == {"not_found"}
    assert any("上海市普陀区财政局" in j.reason for j in result.judgements)
    court = statement_document("江苏省高级人民法院2019年部门预算：一般公共预算支出42000.00万元。", "court")
    result = check([court], read_sources([PDF / "jiangsu-fy-2018-budget.pdf"]))
    [judgement] = result.judgements
    assert judgement.verdict == "not_found" and "2019" in judgement.reason


def test_a_department_statement_is_read_against_the_reports_prose_and_tables():
    sources = read_sources([PDF / "putuo-czj-2024-final.pdf"])
    text = ("上海市普陀区财政局2024年度部门决算显示，本年支出合计2940.05万元，其中基本支出2336.91万元，"
            "项目支出613.14万元。一般公共服务支出2106.66亿元。")
    result = check([statement_document(text, "putuo")], sources)
    verdicts = {j.figure.claim.text: j for j in result.judgements}
    assert verdicts["2940.05万元"].verdict == "supported"
    assert verdicts["2336.91万元"].verdict == "supported"
    assert verdicts["613.14万元"].verdict == "mismatch" and verdicts["613.14万元"].expected == "603.14万元"
    assert verdicts["613.14万元"].evidence[0].page == 21
    unit = verdicts["2106.66亿元"]
    assert unit.verdict == "mismatch" and unit.rule == "SC03" and "万元" in unit.reason
    # the statement's own arithmetic: its parts add up to 2950.05, not 2940.05
    assert any(f.rule == "DR05" for f in result.findings)


def test_a_change_in_the_other_direction_is_a_mismatch():
    sources = read_sources([PDF / "putuo-czj-2024-final.pdf"])
    text = "普陀区财政局2024年决算：一般公共预算财政拨款支出2940.05万元，比上年增加63.14万元。"
    [_amount, change] = check([statement_document(text, "x")], sources).judgements
    assert change.verdict == "mismatch" and "方向相反" in change.reason


def test_traditional_characters_and_reading_glosses_are_read():
    doc = statement_document("中央一般公共預(yù)算收入100435.71億元,為預算的98.1%。", "t")
    assert "中央一般公共预算收入100435.71亿元，为预算的98.1%。" in doc.text


def test_the_cli_writes_the_contract_and_a_chinese_ledger(tmp_path):
    pair = PAIRS / "03-mof-central-2024-final-vs-budget"
    result = CliRunner().invoke(main, ["check", str(pair / "statement.txt"), "--against", str(pair),
                                       "--out", str(tmp_path), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "相符 1，推算相符 7，不符 0" in result.output
    with open(tmp_path / "claims.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    from miner.scan import CLAIM_COLUMNS
    assert tuple(rows[0])[:len(CLAIM_COLUMNS)] == CLAIM_COLUMNS
    supported = [r for r in rows if r["verdict"] == "supported"]
    assert [(r["claim_text"], Path(r["source"]).name, r["doc"].endswith("statement.txt")) for r in supported] == \
        [("40720.18亿元", "source2.txt", True)]
    assert (tmp_path / "findings.csv").exists() and (tmp_path / "report.html").exists()


def test_the_cli_reads_standard_input_and_text_and_fails_on_a_mismatch(tmp_path):
    pair = PAIRS / "03-mof-central-2024-final-vs-budget"
    statement = "2024年中央本级支出决算数为41720.18亿元。"
    piped = CliRunner().invoke(main, ["check", "-", "--against", str(pair / "source2.txt"), "--out", str(tmp_path)],
                               input=statement.encode("utf-8"), env={"LANG": "zh_CN.UTF-8"})
    assert piped.exit_code == 1 and "[不符]" in piped.output and "40720.18亿元" in piped.output
    given = CliRunner().invoke(main, ["check", "--text", "本级支出决算数为40720.18亿元。", "--body", "中央",
                                      "--year", "2024", "--against", str(pair / "source2.txt"), "--out",
                                      str(tmp_path), "--lang", "zh"])
    assert given.exit_code == 0 and "[相符]" in given.output
    missing = CliRunner().invoke(main, ["check", "--against", str(pair)])
    assert missing.exit_code == 2


def test_the_changed_digits_keep_the_decimals():
    from statement_changes import changed_digits
    assert changed_digits("40720.18亿元") == "46013.80亿元"
    assert changed_digits("92.1%", Decimal("1.01")) == "93.0%"


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_statement_published_as_a_page_or_a_word_file_gives_the_ledger_of_its_text(tmp_path, sources, suffix):
    """The ingest readers give a statement's text block by block: the same judgements as the .txt."""
    import formats

    pair = EXPECTED[0]
    text = PAIRS / pair["name"] / "statement.txt"
    lines = text.read_text(encoding="utf-8").split("\n")
    page = (formats.write_html if suffix == ".html" else formats.write_docx)(lines, tmp_path / f"statement{suffix}")
    expected = check([read_statement(text)], sources[pair["name"]]).judgements
    got = check([read_statement(page)], sources[pair["name"]]).judgements
    assert [(j.figure.claim.text, j.verdict, j.expected) for j in got] == \
        [(j.figure.claim.text, j.verdict, j.expected) for j in expected]
    assert any(j.verdict in ("supported", "mismatch") for j in got)


def test_the_ledger_in_english_and_in_chinese_judges_alike(tmp_path):
    """miner check --lang en and --lang zh: the same verdicts, rules and evidence; the ledger, the
    reasons (claims.csv's message) and the labels in the language asked for."""
    pair = PAIRS / "03-mof-central-2024-final-vs-budget"
    statement = "2024年中央本级支出决算数为41720.18亿元。"
    runs = {}
    for language in ("en", "zh"):
        out = tmp_path / language
        result = CliRunner().invoke(main, ["check", "--text", statement, "--against", str(pair / "source2.txt"),
                                           "--out", str(out), "--lang", language])
        assert result.exit_code == 1, result.output
        with open(out / "claims.csv", encoding="utf-8-sig", newline="") as handle:
            runs[language] = (result.output, list(csv.DictReader(handle)))
        page = (out / "report.html").read_text(encoding="utf-8")
        assert (("<h2>对照来源</h2>" in page and "<th>应为</th>" in page) if language == "zh"
                else ("<h2>Sources</h2>" in page and "<th>should be</th>" in page and "对照来源" not in page))
    (en, en_rows), (zh, zh_rows) = runs["en"], runs["zh"]
    assert [(r["claim_id"], r["verdict"], r["rules"], r["evidence_value"]) for r in en_rows] == \
        [(r["claim_id"], r["verdict"], r["rules"], r["evidence_value"]) for r in zh_rows]
    [mismatch] = [r for r in zh_rows if r["verdict"] == "mismatch"]
    [english] = [r for r in en_rows if r["verdict"] == "mismatch"]
    assert mismatch["message"].startswith("陈述为41720.18亿元，来源为40720.18亿元")
    assert english["message"].startswith("the statement says 41720.18亿元, the source 40720.18亿元")
    assert "对照来源：" in zh and "[不符] 第1行 41720.18亿元" in zh and "说明：陈述为" in zh
    assert "Sources:" in en and "[mismatch] line 1 41720.18亿元" in en and "why: the statement says" in en
    assert "对照来源" not in en and "说明" not in en
