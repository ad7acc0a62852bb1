"""Exit codes, usage errors, duplicate paths and the terminal's output controls of `miner scan`.

Every case is run as a user would meet it: click's runner for the command line,
a real read-only folder, a real SIGINT to a real process.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT, SEEDS
from miner import exitcodes
from miner.cli import main

SEED = SEEDS / "wuchang-cyzx-2024-final.txt"


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", *map(str, args)])


# --------------------------------------------------------------------------- usage errors (2)


def test_an_unknown_rule_code_is_a_usage_error_naming_the_closest(tmp_path):
    result = _scan(SEED, "--out", tmp_path / "r", "--select", "VC1")
    assert result.exit_code == exitcodes.USAGE, result.output
    assert "unknown rule code 'VC1' in --select" in result.output and "VC01" in result.output
    assert not (tmp_path / "r" / "claims.csv").exists()
    ignored = _scan(SEED, "--out", tmp_path / "r", "--ignore", "DR01,XX99")
    assert ignored.exit_code == exitcodes.USAGE and "'XX99' in --ignore" in ignored.output
    # prefixes of real codes are fine, in any case
    assert _scan(SEED, "--out", tmp_path / "r", "--select", "vc,DR0", "-q").exit_code == exitcodes.FINDINGS


def test_an_unknown_rule_code_in_the_configuration_is_a_usage_error(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "miner.toml").write_text('ignore = ["PR7"]\n', encoding="utf-8")
    result = _scan(folder, "--out", tmp_path / "r")
    assert result.exit_code == exitcodes.USAGE
    assert "miner.toml: ignore" in result.output and "'PR7'" in result.output and "closest: PR" in result.output


def test_an_empty_folder_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = _scan(tmp_path / "empty", "--out", tmp_path / "r")
    assert result.exit_code == exitcodes.USAGE
    assert "no document to scan" in result.output


def test_a_folder_of_files_miner_does_not_read_lists_them_and_why(tmp_path):
    folder = tmp_path / "docs"
    (folder / ".git").mkdir(parents=True)
    (folder / "budget.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "budget.wps").write_bytes(b"x")
    (folder / "~$budget.docx").write_bytes(b"x")
    (folder / "notes").write_bytes(b"x")
    result = _scan(folder, "--out", tmp_path / "r")
    assert result.exit_code == exitcodes.USAGE, result.output
    output = " ".join(result.output.split())
    for name, reason in (("budget.doc", "not a type miner reads (.doc)"),
                         ("budget.wps", "not a type miner reads (.wps)"),
                         ("~$budget.docx", "an Office lock file"), ("notes", "not a type miner reads (no suffix)"),
                         (".git", "a hidden folder")):
        assert f"{name}: {reason}" in output, (name, result.output)
    assert ".docx" in output and ".xlsx" in output      # what it does read


def test_an_unwritable_output_folder_is_a_usage_error_before_any_scan(request, monkeypatch):
    import miner.engine.run

    def no_scan(*args, **kwargs):
        raise AssertionError("the scan started although the report cannot be written")

    monkeypatch.setattr(miner.engine.run, "scan_corpus", no_scan)
    # a real read-only folder, under a folder anyone may enter (pytest's own are root's alone)
    base = Path(tempfile.mkdtemp(prefix="miner-readonly-"))
    request.addfinalizer(lambda: shutil.rmtree(base, ignore_errors=True))
    base.chmod(0o755)
    locked = base / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    with _unprivileged():
        result = _scan(SEED, "--out", locked / "report")
        inside = _scan(SEED, "--out", locked)
    assert result.exit_code == exitcodes.USAGE, result.output
    assert "cannot write the report in --out" in result.output and "Permission denied" in result.output
    assert "Traceback" not in result.output
    assert inside.exit_code == exitcodes.USAGE and "Permission denied" in inside.output
    (base / "file").write_text("x", encoding="utf-8")
    assert "is a file, not a folder" in _scan(SEED, "--out", base / "file").output


@contextlib.contextmanager
def _unprivileged():
    """Root writes into a read-only folder anyway: run as nobody for the while, as a user would be."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


# --------------------------------------------------------------------------- internal error (3), interrupt (130)


def test_an_internal_error_is_one_line_and_a_saved_traceback(tmp_path, monkeypatch):
    import miner.report.html

    def broken(out, language="en"):
        raise RuntimeError("the page template is broken")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(miner.report.html, "write_html", broken)
    result = _scan(SEED, "--out", tmp_path / "r", "-j", "1")
    assert result.exit_code == exitcodes.INTERNAL
    assert "Traceback" not in result.output
    assert "internal error: RuntimeError: the page template is broken" in result.stderr
    [saved] = (tmp_path / "cache" / "miner" / "crashes").glob("crash-*.txt")
    assert str(saved) in result.stderr
    text = saved.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "the page template is broken" in text
    assert "command: miner" in text


def test_ctrl_c_exits_130_and_the_next_run_continues(tmp_path):
    """A real SIGINT to the process group of a real `miner scan`, as a terminal sends Ctrl-C."""
    out = tmp_path / "r"
    pdfs = ROOT / "corpora" / "pdf"
    command = [sys.executable, "-m", "miner.cli", "scan", str(pdfs), "--out", str(out), "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    results = out / ".miner" / "results"
    deadline = time.monotonic() + 120
    while not (results.is_dir() and any(results.iterdir())) and time.monotonic() < deadline \
            and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the scan ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == exitcodes.INTERRUPTED, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr and b"Aborted" not in stderr
    assert not (out / "claims.csv").exists()
    done = len(list(results.iterdir()))
    assert 1 <= done < 25
    assert _group_members(process.pid) == [], "a worker outlived the interrupted scan"


def _group_members(group: int) -> list[int]:
    """The live processes of a process group, from /proc."""
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                members.append(int(entry))
    return members


# --------------------------------------------------------------------------- duplicates


def test_the_same_document_given_several_ways_is_scanned_once(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (tmp_path / "link.txt").symlink_to(folder / "a.txt")
    out = tmp_path / "r"
    result = _scan(folder / "a.txt", folder, f"{folder}/../docs/./a.txt", tmp_path / "link.txt",
                   folder / "a.txt", "--out", out, "-q")
    assert result.exit_code == exitcodes.FINDINGS
    assert [row["doc"] for row in _rows(out / "documents.csv")] == [str(folder / "a.txt")]
    once = _scan(folder / "a.txt", "--out", tmp_path / "once", "-q")
    assert once.exit_code == exitcodes.FINDINGS
    assert len(_rows(out / "findings.csv")) == len(_rows(tmp_path / "once" / "findings.csv"))


def test_a_report_folder_inside_the_scanned_folder_is_not_scanned(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    assert _scan(folder, "--out", folder / "report", "-q").exit_code == exitcodes.FINDINGS
    assert (folder / "report" / "report.html").exists()
    again = _scan(folder, "--out", tmp_path / "other", "-q")       # the earlier report is not a document
    assert again.exit_code == exitcodes.FINDINGS
    assert [row["doc"] for row in _rows(tmp_path / "other" / "documents.csv")] == [str(folder / "a.txt")]


# --------------------------------------------------------------------------- output controls


def test_quiet_prints_nothing_and_the_exit_code_tells(tmp_path):
    result = _scan(SEED, "--out", tmp_path / "r", "--quiet")
    assert result.exit_code == exitcodes.FINDINGS
    assert result.output == ""


def test_the_errors_printed_are_capped_with_a_count_of_the_rest(tmp_path):
    out = tmp_path / "r"
    result = _scan(SEEDS, "--out", out, "--show-errors", "2")
    errors = [row for row in _rows(out / "findings.csv") if row["severity"] == "error"]
    assert len(errors) > 2
    printed = [line for line in result.output.splitlines() if line.startswith("  error ")]
    assert len(printed) == 2
    assert f"… and {len(errors) - 2} more error(s): every finding is in {out / 'findings.csv'}" in result.output
    default = _scan(SEEDS, "--out", out)
    assert len([ln for ln in default.output.splitlines() if ln.startswith("  error ")]) == min(len(errors), 20)


def test_jsonl_writes_the_findings_to_stdout_and_the_summary_to_stderr(tmp_path):
    out = tmp_path / "r"
    result = _scan(SEEDS, "--out", out, "--format", "jsonl")
    assert result.exit_code == exitcodes.FINDINGS
    findings = [json.loads(line) for line in result.stdout.splitlines()]
    expected = _rows(out / "findings.csv")
    assert [{k: str(v) for k, v in f.items()} for f in findings] == expected
    assert "claim(s)" in result.stderr and "claim(s)" not in result.stdout
    quiet = _scan(SEEDS, "--out", out, "--format", "jsonl", "-q")
    assert len(quiet.stdout.splitlines()) == len(expected) and quiet.stderr == ""


def test_help_lists_the_exit_codes():
    text = CliRunner().invoke(main, ["--help"]).output
    for code, _meaning in exitcodes.MEANINGS:
        assert f"  {code}  " in text


def test_progress_on_a_non_terminal_writes_a_line_at_least_every_interval_while_nothing_finishes():
    import io

    from miner.engine.progress import Progress

    log = io.StringIO()
    progress = Progress(3, stream=log, interval=0.3)     # 10 s in a real run
    time.sleep(1.0)                                       # one slow document: nothing finishes
    beats = log.getvalue().splitlines()
    assert len(beats) >= 2 and all(line.startswith("scan: 0/3 documents") for line in beats), beats
    progress.advance(failed=False)
    progress.close()
    written = len(log.getvalue())
    time.sleep(0.5)
    assert len(log.getvalue()) == written, "the heartbeat went on after the run"
