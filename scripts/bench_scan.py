"""Benchmark: documents per second on the seeds and seconds per PDF (one core), `miner scan` start-up time.

Prints figures; asserts nothing (speed targets live here, not in unit tests).
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
PDFS = ROOT / "corpora" / "pdf"


def pdf_documents() -> list[Path]:
    from miner.ingest.collect import collect

    return list(collect([PDFS]).documents) if PDFS.exists() else []


def bench_pdfs(rounds: int = 2) -> None:
    """Seconds per PDF document and pages per second, on one core, ingest to findings."""
    import pypdfium2 as pdfium

    from miner.ingest.pdf import read_pdf
    from miner.ingest.collect import parts_of
    from miner.scan import scan_document

    docs = pdf_documents()
    if not docs:
        return
    pages = 0
    for doc in docs:
        parts = parts_of(doc) if doc.is_dir() else [doc]
        pages += sum(len(pdfium.PdfDocument(str(p))) for p in parts)
    scan_document(docs[0])
    timings = []
    for doc in docs:
        best = min(_timed(scan_document, doc) for _ in range(rounds))
        ingest = min(_timed(read_pdf, parts_of(doc) if doc.is_dir() else doc, str(doc)) for _ in range(rounds))
        timings.append((doc.name, best, ingest))
    total = sum(t for _, t, _ in timings)
    print(f"PDFs: {len(docs)} documents, {pages} pages in {total:.2f} s on one core = "
          f"{total / len(docs):.2f} s/document, {pages / total:.0f} pages/s")
    worst = max(timings, key=lambda t: t[1])
    print(f"  slowest: {worst[0]} {worst[1]:.2f} s (of which PDF ingest {worst[2]:.2f} s)")
    print(f"  PDF ingest alone: {sum(t for _, _, t in timings) / len(docs):.3f} s/document")


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


# the stages of miner.scan.scan_document, in the order it calls them
STAGES = ("_read", "tables_from_lines", "paragraphs_from_lines", "extract_claims", "link_claims",
          "run_rules", "judged", "document_facts")


def bench_stages(rounds: int = 15) -> None:
    """CPU time per stage of scan_document on the seeds, best of ``rounds`` (ms per document).

    Each stage function is wrapped where scan_document looks it up; the rest is
    settling verdicts and building report rows."""
    from collections import defaultdict

    import miner.scan as scan

    spent: dict[str, float] = defaultdict(float)

    def timed(name, function):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start
        return run

    originals = {name: getattr(scan, name) for name in STAGES}
    for name, function in originals.items():
        setattr(scan, name, timed(name, function))
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    try:
        for _ in range(rounds):
            spent.clear()
            start = time.process_time()
            for path in SEEDS:
                scan.scan_document(path)
            spent["total"] = time.process_time() - start
            spent["rest"] = spent["total"] - sum(spent[name] for name in STAGES)
            for name, seconds in spent.items():
                best[name] = min(best[name], 1000 * seconds / len(SEEDS))
    finally:
        for name, function in originals.items():
            setattr(scan, name, function)
    print("  CPU time per stage, best of", rounds, "(ms per document): "
          + ", ".join(f"{name.strip('_')} {ms:.1f}" for name, ms in sorted(best.items(), key=lambda p: -p[1])))


def main(rounds: int = 20) -> None:
    from miner.engine.isolate import warm_up
    from miner.scan import scan_document

    warm_up()                   # as a scan worker starts: jieba's dictionary, spaCy, then gc.freeze
    for path in SEEDS:          # the lexicons the first documents load
        scan_document(path)
    start = time.perf_counter()
    for _ in range(rounds):
        for path in SEEDS:
            scan_document(path)
    elapsed = time.perf_counter() - start
    docs = rounds * len(SEEDS)
    print(f"text seeds: {docs} documents in {elapsed:.2f} s = {docs / elapsed:.1f} documents/s on one core "
          f"({1000 * elapsed / docs:.1f} ms/document)")
    bench_stages()
    bench_pdfs()
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    miner = Path(sys.executable).parent / "miner"
    # As on an installation: Python may cache miner's compiled modules (a sandbox that sets
    # PYTHONDONTWRITEBYTECODE would recompile every changed module at every start); the first
    # run writes the caches and is not counted.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(6):
        # a fresh report directory each time: a second run into the same one reuses the stored result
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            subprocess.run([str(miner), "scan", str(SEEDS[0]), "--out", out], capture_output=True, env=env)
            times.append(time.perf_counter() - t)
    times = times[1:]
    print(f"`miner scan` of one seed into a fresh report directory, wall time including start-up: "
          f"best {min(times):.2f} s")
    probe = ("import time; t = time.perf_counter(); import spacy; s = time.perf_counter() - t; "
             "from miner.claims.nlp import pipeline; pipeline(); "
             "print(f'{s:.2f} {time.perf_counter() - t - s:.2f}')")
    spacy_s, rest_s = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.split()
    print(f"  of which, in the scan worker: importing spaCy {spacy_s} s, jieba dictionary and pipeline {rest_s} s")
    t = time.perf_counter()
    subprocess.run([str(miner), "--version"], capture_output=True)
    print(f"`miner --version` start-up: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
