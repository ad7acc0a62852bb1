"""Benchmark: documents per second on the seeds (one core) and `miner scan` start-up time.

Prints figures; asserts nothing (speed targets live here, not in unit tests).
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))


def main(rounds: int = 20) -> None:
    from miner.scan import scan_document

    for path in SEEDS:          # warm-up: jieba dictionary, spaCy, lexicons
        scan_document(path)
    start = time.perf_counter()
    for _ in range(rounds):
        for path in SEEDS:
            scan_document(path)
    elapsed = time.perf_counter() - start
    docs = rounds * len(SEEDS)
    print(f"text seeds: {docs} documents in {elapsed:.2f} s = {docs / elapsed:.1f} documents/s on one core "
          f"({1000 * elapsed / docs:.1f} ms/document)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    miner = Path(sys.executable).parent / "miner"
    with tempfile.TemporaryDirectory() as out:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([str(miner), "scan", str(SEEDS[0]), "--out", out], capture_output=True)
            times.append(time.perf_counter() - t)
    print(f"`miner scan` of one seed, wall time including start-up: best {min(times):.2f} s")
    t = time.perf_counter()
    subprocess.run([str(miner), "--version"], capture_output=True)
    print(f"`miner --version` start-up: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
