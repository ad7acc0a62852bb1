"""Benchmark: `miner scan` of a corpus of 1,000+ documents with --jobs 1, --jobs 2 and the Dask engine.

Builds the corpus by replicating the documents of corpora/ into a temporary
folder, each copy with one line (PDFs: one comment) appended so that every
copy has its own content hash and none is taken from another's stored
result. Each run starts from an empty report folder. Prints documents per
second and the peak memory of the whole process tree (the scan and its
workers, sampled), and the speed-up of --jobs 2 over --jobs 1 (target:
1.8x on 2 cores). With --kill-check it also kills a --jobs 2 run half-way
with SIGKILL, runs it again and compares the CSVs with the --jobs 1 run.

Asserts nothing: speed targets live here, not in the unit tests.

    .venv/bin/python scripts/bench_corpus.py [--documents 1000] [--runs jobs1,jobs2,dask] [--kill-check]
                                             [--source corpora]
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINER = [sys.executable, "-m", "miner.cli"]


def build_corpus(target: Path, documents: int, source: Path) -> int:
    from miner.ingest.collect import collect

    sources = list(collect([source]).documents)
    if not sources:
        raise SystemExit(f"{source} holds no documents")
    for number in range(documents):
        source = Path(sources[number % len(sources)])
        folder = target / f"batch{number // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        copy = folder / f"{number:05d}-{source.name}"
        if source.is_dir():                       # a multi-part document: vary its first part
            shutil.copytree(source, copy)
            first = sorted(p for p in copy.iterdir() if p.is_file())[0]
            _append(first, number)
        else:
            shutil.copyfile(source, copy)
            _append(copy, number)
    return documents


def _append(path: Path, number: int) -> None:
    tail = f"\n% copy {number}\n" if path.suffix.lower() == ".pdf" else f"\n（副本 {number}）\n"
    with open(path, "ab") as handle:
        handle.write(tail.encode("utf-8"))


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def timed_scan(corpus: Path, out: Path, extra: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak MiB of the process tree, exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen([*MINER, "scan", str(corpus), "--out", str(out), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        print(err, file=sys.stderr)
    return elapsed, peak / 2**20, proc.returncode


def kill_check(corpus: Path, work: Path, reference: Path, documents: int) -> None:
    out = work / "killed"
    command = [*MINER, "scan", str(corpus), "--out", str(out), "--jobs", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    results = out / ".miner" / "results"
    while len(list(results.glob("*/*.pickle"))) < documents // 2 and proc.poll() is None:
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = len(list(results.glob("*/*.pickle")))
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    same = all((out / name).read_bytes() == (reference / name).read_bytes()
               for name in ("claims.csv", "findings.csv"))
    print(f"killed with SIGKILL after {stored} of {documents} documents, ran again: "
          f"claims.csv and findings.csv {'byte-identical' if same else 'DIFFER'} to the --jobs 1 run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", default="jobs1,jobs2,dask")
    parser.add_argument("--kill-check", action="store_true")
    parser.add_argument("--source", type=Path, default=ROOT / "corpora", help="documents to replicate")
    args = parser.parse_args()
    runs = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask": ["--engine", "dask", "--jobs", "2"]}
    with tempfile.TemporaryDirectory(prefix="miner-bench-") as tmp:
        work = Path(tmp)
        documents = build_corpus(work / "corpus", args.documents, args.source)
        size = sum(p.stat().st_size for p in (work / "corpus").rglob("*") if p.is_file())
        print(f"corpus: {documents} documents ({size / 2**20:.0f} MiB) replicated from {args.source}; "
              f"{os.cpu_count()} cores, load average before the runs {os.getloadavg()[0]:.1f}")
        rates = {}
        for name in args.runs.split(","):
            seconds, peak, code = timed_scan(work / "corpus", work / name, runs[name])
            rates[name] = documents / seconds
            print(f"{name:>6} ({' '.join(runs[name])}): {documents} documents in {seconds:.1f} s = "
                  f"{rates[name]:.2f} documents/s, peak memory {peak:.0f} MiB (all processes), exit {code}")
        if "jobs1" in rates and "jobs2" in rates:
            print(f"speed-up of --jobs 2 over --jobs 1: {rates['jobs2'] / rates['jobs1']:.2f}x (target 1.8x)")
        if "jobs1" in rates and "dask" in rates:
            print(f"Dask LocalCluster (2 workers) over --jobs 1: {rates['dask'] / rates['jobs1']:.2f}x")
        if args.kill_check and "jobs1" in rates:
            kill_check(work / "corpus", work, work / "jobs1", documents)


if __name__ == "__main__":
    main()
