import csv
import shutil

from click.testing import CliRunner

from miner.checks.registry import RULES
from miner.cli import main

from conftest import SEEDS


def test_scan_writes_bom_csvs_and_exits_1_on_errors(tmp_path):
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 1, result.output
    raw = (out / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out / "claims.csv", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert header == ["doc", "file", "page", "line", "section", "claim_id", "sentence", "claim_text", "kind",
                      "subject", "measure", "period", "value", "unit", "approx", "evidence", "evidence_value", "link_basis",
                      "verdict", "severity", "rules", "message"]
    assert "error VC01" in result.output


def test_missing_path_is_a_usage_error():
    assert CliRunner().invoke(main, ["scan", "/no/such/file.txt"]).exit_code == 2


def test_unreadable_document_is_a_finding_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEEDS / "wuchang-cyzx-2024-final.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "c.txt").write_bytes(b"")
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["scan", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    with open(out / "findings.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    in01 = {r["doc"].rsplit("/", 1)[-1] for r in rows if r["rule"] == "IN01"}
    assert in01 == {"b.txt", "c.txt"}
    assert any(r["rule"] == "VC01" and r["doc"].endswith("a.txt") for r in rows)


def test_select_and_ignore(tmp_path):
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--out", str(tmp_path), "--ignore", "VC,DR01,PR"])
    assert result.exit_code == 0, result.output
    strict = CliRunner().invoke(main, ["scan", str(SEEDS), "--out", str(tmp_path), "--ignore", "VC,DR01,PR",
                                       "--fail-on", "warning"])
    assert strict.exit_code == 1, strict.output   # CM03 template instructions in the 2021 seed
    assert (tmp_path / "config.toml").read_text(encoding="utf-8").count("tail_units = 2") == 1


def test_gbk_text_is_decoded(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((SEEDS / "wuchang-cyzx-2024-final.txt").read_text(encoding="utf-8").encode("gb18030"))
    from miner.scan import scan_document

    result = scan_document(path)
    assert any(r.verdict == "mismatch" and r.value == "367.67" for r in result.claims)


def test_rules_catalogue_and_docs():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"]).output
    for rule in RULES:
        assert rule.CODE in listing
        doc = rule.__doc__
        assert "Bad" in doc and "Good" in doc and "Why it matters" in doc, rule.CODE
    assert "事业运行" in runner.invoke(main, ["rule", "VC01"]).output


def test_tables_command_lists_the_nine_tables_and_the_attached_forms():
    output = CliRunner().invoke(main, ["tables", "--brief", str(SEEDS / "wuchang-wgzx-2021-final.txt")]).output
    assert [line.split()[0] for line in output.splitlines()] == [f"表{i}" for i in range(1, 10)] + ["附表1", "附表2"]
    assert "performance_form" in output.splitlines()[-1]


def test_report_does_not_depend_on_hash_seed(tmp_path):
    """Word lists are ordered by length and then text, never by set order."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "miner.cli", "scan", str(SEEDS), "--out", str(out)],
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, check=False)
        outputs.append((out / "claims.csv").read_bytes())
    assert outputs[0] == outputs[1]
