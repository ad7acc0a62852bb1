"""The README's examples, run: the quick start, the sample finding, the
configuration example and the sharding commands say what miner really does."""
from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from click.testing import CliRunner

from miner.cli import main
from miner.config import load_config

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SEEDS = ROOT / "corpora" / "seeds"


def _all_blocks() -> list[tuple[str, str]]:
    """(language, text) of each fenced block, in order."""
    blocks, current, language = [], None, ""
    for line in README.splitlines():
        if line.startswith("```"):
            if current is None:
                current, language = [], line[3:].strip()
            else:
                blocks.append((language, "\n".join(current) + "\n"))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def _blocks(language: str) -> list[str]:
    return [text for lang, text in _all_blocks() if lang == language]


def test_quick_start_is_the_two_make_commands_and_the_makefile_has_them():
    quick = _blocks("sh")[0]
    assert [line.split()[:2] for line in quick.strip().splitlines()] == [["make", "demo"], ["make", "test"]]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo = next(line for line in quick.splitlines() if line.startswith("make demo"))
    command = demo.split("runs: ", 1)[1].strip()      # what the README says make demo runs
    assert command.startswith("miner scan ") and command.replace("miner", "$(BIN)/miner", 1) in makefile
    assert "pytest" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_sample_finding_is_what_the_scan_prints(tmp_path):
    sample = " ".join(_blocks("")[0].split())
    result = CliRunner().invoke(main, ["scan", str(SEEDS / "wuchang-cyzx-2024-final.txt"), "--out", str(tmp_path),
                                       "-j", "1"])
    printed = " ".join(result.output.replace(str(SEEDS), "corpora/seeds").split())
    assert result.exit_code == 1
    assert sample in printed, sample


def test_the_severity_example_is_a_valid_configuration(tmp_path):
    [example] = [block for block in _blocks("toml") if "[severity]" in block]
    (tmp_path / "miner.toml").write_text(example, encoding="utf-8")
    config = load_config([tmp_path])
    assert config.severity == tomllib.loads(example)["severity"] == {"CM03": "info", "PR": "warning"}


def test_the_sharding_example_merges_into_one_report(tmp_path):
    corpus = tmp_path / "disclosures"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    shard_block = next(block for block in _blocks("sh") if "--shard" in block)
    assert "miner merge part1 part2 part3 --out report" in shard_block
    runner = CliRunner()
    parts = []
    for index in (1, 2, 3):
        out = tmp_path / f"part{index}"
        result = runner.invoke(main, ["scan", str(corpus), "--shard", f"{index}/3", "--out", str(out), "-j", "1"])
        assert result.exit_code in (0, 1), result.output
        parts.append(str(out))
    merged = runner.invoke(main, ["merge", *parts, "--out", str(tmp_path / "report")])
    assert merged.exit_code == 1, merged.output    # the seeds hold real errors
    assert (tmp_path / "report" / "claims.csv").stat().st_size > 0


def test_the_library_example_runs_and_finds_the_error_the_readme_shows(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    (example,) = _blocks("python")
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert any(line.startswith("VC01 428 ") and "372.78" in line for line in printed), printed


def test_the_journalist_example_prints_the_ledger_shown(tmp_path):
    import shlex

    [command] = [block for block in _blocks("sh") if block.startswith("miner check")]
    [ledger] = [block for block in _blocks("text") if "[不符]" in block]
    args = shlex.split(command.strip())[1:]
    args[args.index("--out") + 1] = str(tmp_path)
    args = [str(ROOT / a) if a.startswith("corpora/") else a for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output      # the example's figure is a mismatch
    printed = result.output.replace(str(ROOT) + "/", "")
    for line in ledger.strip().splitlines():
        assert line.strip() in printed, line
    assert (tmp_path / "report.html").exists()


def test_the_chinese_example_prints_the_finding_shown(tmp_path):
    import shlex

    [command] = [block for block in _blocks("sh") if "--lang zh" in block and block.startswith("miner scan")]
    [shown] = [block for block in _blocks("text") if block.startswith("错误 VC01")]
    args = shlex.split(command.strip())[1:]
    args[args.index("--out") + 1] = str(tmp_path)
    args = [str(ROOT / a) if a.startswith("corpora/") else a for a in args]
    result = CliRunner().invoke(main, args + ["-j", "1"])
    assert result.exit_code == 1, result.output
    printed = result.output.replace(str(ROOT) + "/", "")
    assert shown.strip() in printed
    assert "发现问题：错误" in printed


def test_the_exit_codes_table_is_exitcodes():
    from miner import exitcodes

    rows = [line for line in README.splitlines() if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
    assert [int(row.split("|")[1]) for row in rows] == [code for code, _ in exitcodes.MEANINGS]


def test_the_inputs_table_names_every_format_miner_reads():
    from miner.ingest.read import SUPPORTED

    for suffix in SUPPORTED:
        assert f"`{suffix}`" in README, suffix
