"""The configuration: defaults, overrides next to the documents, the report copy,
and the identity data checked against the table definitions."""
from __future__ import annotations

import csv
import shutil
import tomllib

import pytest
from click.testing import CliRunner

from miner.checks.policy import default_policy
from miner.checks.registry import policy
from miner.cli import main
from miner.config import ConfigError, load_config
from miner.lexicon import load
from miner.tables.spec import table_specs

from conftest import SEEDS


def test_defaults_are_the_commented_file():
    config = load_config()
    assert config.fail_on == "error"
    assert config.tolerance["tail_units"] == 2
    assert default_policy().tolerance.tail_units == 2 and policy(config) == default_policy()


def test_miner_toml_next_to_the_documents_overrides(tmp_path):
    (tmp_path / "miner.toml").write_text('fail_on = "warning"\n[tolerance]\ntail_units = 0\n', encoding="utf-8")
    config = load_config([tmp_path / "a.txt"])
    assert (config.fail_on, config.tolerance["tail_units"], config.tolerance["error_units"]) == ("warning", 0, 5)
    assert str(tmp_path / "miner.toml") in config.sources


def test_pyproject_tool_miner_overrides(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.miner]\nignore = ["CM"]\n', encoding="utf-8")
    assert load_config([tmp_path]).values["ignore"] == ["CM"]


def test_unknown_setting_is_refused(tmp_path):
    (tmp_path / "miner.toml").write_text("tail_unit = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config([tmp_path])


def test_scan_records_the_configuration_and_applies_it(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "wuchang-wgzx-2021-final.txt", docs / "a.txt")
    (docs / "miner.toml").write_text('ignore = ["CM", "PR", "VC", "DR"]\n[tolerance]\ntail_units = 0\n',
                                     encoding="utf-8")
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["scan", str(docs), "--out", str(out)])
    recorded = tomllib.loads((out / "config.toml").read_text(encoding="utf-8"))
    assert recorded["tolerance"]["tail_units"] == 0 and recorded["ignore"] == ["CM", "PR", "VC", "DR"]
    assert result.exit_code == 0, result.output


def test_fail_on_info_fails_where_error_passes(tmp_path):
    args = ["scan", str(SEEDS / "wuchang-wgzx-2021-final.txt"), "--out", str(tmp_path), "--select", "CM04"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert CliRunner().invoke(main, args + ["--fail-on", "info"]).exit_code == 1


def test_identity_data_names_existing_tables_and_columns():
    """A wrong table key or column in lexicons/identities.yaml is a data error; kinds the table
    definitions do not have yet (budget, before its tables are added) are skipped."""
    columns = {(spec.kind, spec.key): {c for _, c in spec.columns} for spec in table_specs()}
    kinds = set(load("tables")["kinds"])
    form = load("tables")["forms"]
    for kind in kinds:   # attached performance forms may be part of any kind
        columns[(kind, form["key"])] = set(form["execution_columns"]) | {form["field_column"]}
    problems = []
    for kind, body in load("identities")["kinds"].items():
        if kind not in kinds:
            continue
        for entry in body.get("required", ()):
            for key in ([entry] if isinstance(entry, str) else entry):    # an entry may list alternatives
                if (kind, key) not in columns:
                    problems.append(f"{kind}: required table {key} is not defined")
        for section in ("identities", "panels"):
            for identity in body.get(section, ()):
                for term in [identity["left"], *identity["right"]]:
                    table, _, _, column = term
                    if column not in columns.get((kind, table), ()):
                        problems.append(f"{kind} {identity['name']}: {table} has no column {column}")
    assert not problems



def test_severity_table_lowers_a_rule_and_the_exit_code_follows(tmp_path):
    """[severity] VC01 = "warning": the 事业运行 error of the 2024 seed becomes a warning in
    findings.csv and claims.csv, the stored result is not reused under the old policy, and
    with no error left the run exits 0."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "wuchang-cyzx-2024-final.txt", docs / "a.txt")
    out = tmp_path / "report"
    args = ["scan", str(docs), "--out", str(out), "--select", "VC01", "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 1
    (docs / "miner.toml").write_text('[severity]\nVC = "warning"\n', encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with open(out / "findings.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["severity"] for r in rows if r["rule"] == "VC01" and r["line"] == "428"} == {"warning"}
    with open(out / "claims.csv", encoding="utf-8-sig") as handle:
        claim = [r for r in csv.DictReader(handle) if r["line"] == "428" and r["value"] == "367.67"]
    assert [r["severity"] for r in claim] == ["warning"]
    assert tomllib.loads((out / "config.toml").read_text(encoding="utf-8"))["severity"] == {"VC": "warning"}


@pytest.mark.parametrize("text", ['[severity]\nXX99 = "info"\n', '[severity]\nVC01 = "fatal"\n'])
def test_severity_table_refuses_unknown_codes_and_levels(tmp_path, text):
    (tmp_path / "miner.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        policy(load_config([tmp_path]))
