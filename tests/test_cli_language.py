"""--lang zh and --lang en (and the locale): the same findings, said in the chosen language.

The seeds are scanned in both languages with click's runner; every row must be the same but
for the message column, and the messages (and the terminal's summary) must be in the language
asked for: Chinese sentences with --lang zh, the English ones with --lang en."""
from __future__ import annotations

import csv

import regex
from click.testing import CliRunner

from miner.cli import main

from conftest import SEEDS

HAN = regex.compile(r"\p{Han}")
SEED = SEEDS / "wuchang-cyzx-2024-final.txt"
KEEP = ("doc", "file", "page", "line", "rule", "severity", "claim_id", "found", "expected", "evidence", "tolerance",
        "excess")


def _rows(out, name):
    with open(out / name, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _scan(tmp_path, name, *options, env=None):
    out = tmp_path / name
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--out", str(out), "-j", "1", *options], env=env)
    assert result.exit_code == 1, result.output
    return out, result


def test_zh_and_en_give_the_same_findings_in_their_language(tmp_path):
    en, en_run = _scan(tmp_path, "en", "--lang", "en")
    zh, zh_run = _scan(tmp_path, "zh", "--lang", "zh")
    en_findings, zh_findings = _rows(en, "findings.csv"), _rows(zh, "findings.csv")
    assert [tuple(r[k] for k in KEEP) for r in en_findings] == [tuple(r[k] for k in KEEP) for r in zh_findings]
    assert len(en_findings) > 10
    en_claims, zh_claims = _rows(en, "claims.csv"), _rows(zh, "claims.csv")
    assert [{k: v for k, v in r.items() if k != "message"} for r in en_claims] == \
        [{k: v for k, v in r.items() if k != "message"} for r in zh_claims]
    # the VC01 error of line 428 (事业运行 367.67 against 表5's 372.78), in each language
    [en_vc01] = [r for r in en_findings if r["rule"] == "VC01" and r["line"] == "428"]
    [zh_vc01] = [r for r in zh_findings if r["rule"] == "VC01" and r["line"] == "428"]
    assert en_vc01["message"].startswith("the prose states 367.67 万元 for 事业运行")
    assert zh_vc01["message"].startswith("文中事业运行（支出决算）为367.67万元，但表5")
    assert "文中金额有误" in zh_vc01["message"]
    # every Chinese message is Chinese, and no rule's English sentence is left in it
    for row in zh_findings + [r for r in zh_claims if r["message"]]:
        assert HAN.search(row["message"]), row
        assert not regex.search(r"\b(the prose|agrees with|is not|but the|is stated)\b", row["message"]), row
    # and no Chinese sentence of the catalogue in the English messages
    assert not [r["message"] for r in en_findings if regex.search(r"文中为|文中称|一致：|至多为警告|的比例|正文留有", r["message"])]
    assert sum(bool(regex.search(r"正文留有|文中为|文中称", r["message"])) for r in zh_findings) > 10
    # the terminal: counts and the error lines in the chosen language
    assert "findings: error" in en_run.output and "  error VC01" in en_run.output
    assert "发现问题：错误" in zh_run.output and "  错误 VC01" in zh_run.output and "一致" in zh_run.output
    assert "findings: error" not in zh_run.output


def test_the_locale_chooses_chinese_when_no_lang_is_given(tmp_path):
    out, result = _scan(tmp_path, "locale", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"})
    assert "发现问题：错误" in result.output
    assert 'language = "zh"' in (out / "config.toml").read_text(encoding="utf-8")
    assert HAN.search(_rows(out, "findings.csv")[0]["message"])
    out, result = _scan(tmp_path, "english", env={"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"})
    assert "findings: error" in result.output
    out, result = _scan(tmp_path, "flag", "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    assert "findings: error" in result.output


def test_a_configuration_names_the_language(tmp_path):
    config = tmp_path / "miner.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    out, result = _scan(tmp_path, "config", "--config", str(config), env={"LANG": "C.UTF-8"})
    assert "发现问题：错误" in result.output
    out, result = _scan(tmp_path, "override", "--config", str(config), "--lang", "en")
    assert "findings: error" in result.output
    config.write_text('language = "fr"\n', encoding="utf-8")
    refused = CliRunner().invoke(main, ["scan", str(SEED), "--out", str(tmp_path / "x"), "--config", str(config)])
    assert refused.exit_code == 2 and "language must be one of auto, en, zh" in refused.output
