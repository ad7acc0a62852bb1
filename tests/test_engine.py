"""The scan engine: same report as the library, resumable, isolated, sharded, on Dask."""
import csv
import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from miner.cli import main
from miner.engine import ScanOptions, Shard, scan_corpus
from miner.engine.progress import Progress
from miner.engine.store import Manifest
from miner.report.csv import write_csvs
from miner.scan import scan

from conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def small_corpus(folder: Path, copies: int) -> Path:
    """``copies`` documents from the seeds, each with a different trailing line, in two sub-folders."""
    for number in range(copies):
        seed = SEED_FILES[number % len(SEED_FILES)]
        target = folder / f"part{number % 2}" / f"{number:03d}-{seed.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(seed.read_bytes() + f"\n（副本 {number}）\n".encode())
    return folder


def report_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("claims.csv", "findings.csv")}


def findings_by_doc(out: Path) -> dict[str, list[dict]]:
    with open(out / "findings.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(Path(row["doc"]).name, []).append(row)
    return grouped


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("corpus"), 6)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The report of the library's sequential scan: what every engine run must reproduce byte for byte."""
    out = tmp_path_factory.mktemp("reference")
    write_csvs(scan([corpus]), out)
    return report_bytes(out)


def test_two_workers_write_the_library_report_and_parquet(corpus, reference, tmp_path):
    outcome = scan_corpus([corpus], tmp_path, ScanOptions(jobs=2, parquet=True))
    assert report_bytes(tmp_path) == reference
    assert (outcome.scanned, outcome.reused) == (6, 0)
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "claims.parquet")
    with open(tmp_path / "claims.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    assert table.num_rows == len(rows) and str(table.schema.field("line").type) == "int64"
    assert table.column("value").to_pylist() == [r[12] for r in rows]
    assert table.column("line").to_pylist() == [int(r[3]) for r in rows]


def test_unchanged_documents_are_not_scanned_again(tmp_path):
    corpus = small_corpus(tmp_path / "corpus", 4)
    out = tmp_path / "out"
    scan_corpus([corpus], out, ScanOptions(jobs=1))
    first = report_bytes(out)
    again = scan_corpus([corpus], out, ScanOptions(jobs=1))
    assert (again.scanned, again.reused) == (0, 4)
    assert report_bytes(out) == first
    # an edit in the narrative: the 事业运行 figure corrected
    edited = SEED_FILES[0].read_bytes().replace("支出决算为 367.67 万元，完成".encode(), "支出决算为 372.78 万元，完成".encode())
    assert edited != SEED_FILES[0].read_bytes()
    (corpus / "part0" / "000-wuchang-cyzx-2024-final.txt").write_bytes(edited)
    after_edit = scan_corpus([corpus], out, ScanOptions(jobs=1))
    assert (after_edit.scanned, after_edit.reused) == (1, 3)
    assert report_bytes(out) != first


def test_killed_run_continues_and_ends_byte_identical(tmp_path):
    psutil = pytest.importorskip("psutil")
    corpus = small_corpus(tmp_path / "corpus", 8)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    write_csvs(scan([corpus]), whole)
    command = [sys.executable, "-m", "miner.cli", "scan", str(corpus), "--out", str(resumed), "--jobs", "1"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    results = resumed / ".miner" / "results"
    deadline = time.monotonic() + 120
    while len(list(results.glob("*/*.pickle"))) < 3:
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.05)
    workers = psutil.Process(run.pid).children()
    run.kill()                          # SIGKILL to the scan alone, as `kill -9 PID` does, mid-run
    run.communicate()
    assert not (resumed / "claims.csv").exists()
    stored = len(list(results.glob("*/*.pickle")))
    assert stored < 8
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, "an orphaned worker outlived the killed scan"
    again = subprocess.run(command, capture_output=True, text=True)
    assert f"reused {stored} from an earlier run" in again.stdout, again.stdout + again.stderr
    assert report_bytes(resumed) == report_bytes(whole)


def test_hang_exception_memory_and_crash_are_findings_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / "good.txt")
    for name in ("hang.txt", "raise.txt", "memory.txt", "die.txt"):
        shutil.copy(SEED_FILES[1], folder / name)
    out = tmp_path / "out"
    options = ScanOptions(jobs=2, timeout=3, memory_limit_mb=2048, scan_function="misbehave:scan")
    outcome = scan_corpus([folder], out, options)
    found = {name: [(r["rule"], r["found"]) for r in rows] for name, rows in findings_by_doc(out).items()}
    assert found["hang.txt"] == [("IN02", "still running after 3 s")]
    assert found["raise.txt"] == [("IN03", "RuntimeError: parser bug on purpose")]
    assert found["memory.txt"] == [("IN03", "memory exhausted (over --memory-limit 2048 MB)")]
    assert found["die.txt"] == [("IN03", "worker process killed by signal 9")]
    good = scan([folder / "good.txt"])
    assert [d.claims for d in outcome.result.documents if d.path.endswith("good.txt")] == [good.documents[0].claims]
    # What failed is tried again on the next run; what succeeded is kept.
    again = scan_corpus([folder], out, ScanOptions(jobs=1))
    assert (again.scanned, again.reused) == (4, 1)
    assert not any(f.rule in ("IN02", "IN03") for f in again.result.findings)


def test_failures_respect_rule_selection(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED_FILES[1], folder / "raise.txt")
    outcome = scan_corpus([folder], tmp_path / "out", ScanOptions(jobs=1, ignore=("IN",),
                                                                  scan_function="misbehave:scan"))
    assert outcome.result.findings == [] and outcome.result.documents[0].error.startswith("IN03")


def test_shards_are_disjoint_and_merge_to_the_unsharded_report(corpus, reference, tmp_path):
    runner = CliRunner()
    shard_dirs = []
    for index in (1, 2, 3):
        out = tmp_path / f"shard{index}"
        result = runner.invoke(main, ["scan", str(corpus), "--out", str(out), "--shard", f"{index}/3", "-j", "1"])
        assert result.exit_code in (0, 1), result.output
        shard_dirs.append(out)
    held = [[entry.doc for entry in Manifest.read(d).entries] for d in shard_dirs]
    assert sorted(doc for docs in held for doc in docs) == sorted(str(p) for p in corpus.rglob("*.txt"))
    # leave out a shard that holds documents (the split is by a hash of the paths, which are
    # temporary: a shard may hold none, and leaving that one out would lose nothing)
    left_out = next(i for i, docs in enumerate(held) if docs)
    others = [str(d) for i, d in enumerate(shard_dirs) if i != left_out]
    partial = runner.invoke(main, ["merge", *others, "--out", str(tmp_path / "p")])
    assert partial.exit_code == 2 and "merge all N shards" in partial.output
    merged = tmp_path / "merged"
    result = runner.invoke(main, ["merge", *map(str, reversed(shard_dirs)), "--out", str(merged), "--parquet"])
    assert result.exit_code == 1, result.output
    got = report_bytes(merged)
    for name in reference:
        if got[name] != reference[name]:
            # show the first differing rows, so an intermittent difference can be understood
            ours, theirs = got[name].decode("utf-8-sig").splitlines(), reference[name].decode("utf-8-sig").splitlines()
            first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
            raise AssertionError(f"{name} differs from the unsharded report at row {first}: "
                                 f"{ours[first:first + 2]} vs {theirs[first:first + 2]} ({len(ours)} vs {len(theirs)} rows)")
    assert (merged / "findings.parquet").exists()


def test_shard_split_is_by_path_and_covers_everything():
    paths = [f"corpus/{n}.txt" for n in range(200)]
    owners = [[i for i in range(1, 5) if Shard(i, 4).holds(p)] for p in paths]
    assert all(len(o) == 1 for o in owners)
    assert all(len([p for p, o in zip(paths, owners) if o == [i]]) > 25 for i in range(1, 5))
    assert Shard.parse("2/4") == Shard(2, 4)
    for bad in ("0/4", "5/4", "2", "a/b"):
        with pytest.raises(ValueError):
            Shard.parse(bad)


def test_dask_engine_on_a_local_cluster_writes_the_same_report(corpus, reference, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["scan", str(corpus), "--out", str(tmp_path), "--engine", "dask",
                                           "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1, result.output
    assert report_bytes(tmp_path) == reference


def test_scheduler_needs_the_dask_engine(corpus, tmp_path):
    result = CliRunner().invoke(main, ["scan", str(corpus), "--out", str(tmp_path), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_otherwise():
    terminal = _Terminal()
    bar = Progress(4, reused=1, stream=terminal, interval=0)
    bar.advance(failed=True)
    bar.close()
    assert terminal.getvalue().startswith("\r[")
    assert "2/4 documents, 1 from an earlier run" in terminal.getvalue() and "1 failed" in terminal.getvalue()
    assert "ETA" in terminal.getvalue()
    log = io.StringIO()
    plain = Progress(2, stream=log, interval=0)
    plain.advance(failed=False)
    assert log.getvalue().startswith("scan: 1/2 documents") and "\r" not in log.getvalue()
    quiet = io.StringIO()
    Progress(2, stream=quiet).advance(failed=False)
    assert quiet.getvalue() == ""


def test_workers_that_cannot_start_end_the_run_with_a_reason(corpus, tmp_path):
    from miner.engine import EngineError

    with pytest.raises(EngineError, match="scan workers cannot start"):
        scan_corpus([corpus], tmp_path, ScanOptions(jobs=1, scan_function="no_such_module:scan"))


def test_a_multi_part_document_is_one_job_keyed_by_its_parts(tmp_path):
    lines = SEED_FILES[0].read_text(encoding="utf-8").splitlines(keepends=True)
    document = tmp_path / "corpus" / "two-parts"
    document.mkdir(parents=True)
    (document / "part1.txt").write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    (document / "part2.txt").write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    out = tmp_path / "out"
    first = scan_corpus([tmp_path / "corpus"], out, ScanOptions(jobs=1))
    assert [d.path for d in first.result.documents] == [str(document)]
    assert [e.doc for e in Manifest.read(out).entries] == [str(document)]
    (document / "notes.md").write_text("not a part", encoding="utf-8")
    assert scan_corpus([tmp_path / "corpus"], out, ScanOptions(jobs=1)).reused == 1
    with open(document / "part2.txt", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert scan_corpus([tmp_path / "corpus"], out, ScanOptions(jobs=1)).scanned == 1
