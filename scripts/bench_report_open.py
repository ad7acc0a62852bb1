"""Benchmark: how long report.html takes to open in Chromium, for the largest corpus document.

Scans the largest document under corpora/ (or the paths given) into a temporary report directory,
opens its report.html in headless Chromium (tests/chromium.py) with
``?timing=1`` and prints the navigation timing the page records: load event
start and the moment style and layout are done (``laidOut``), in milliseconds
from navigation start; median of three openings. Asserts nothing.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import dump_dom, url_of  # noqa: E402

from miner.report.csv import write_csvs  # noqa: E402
from miner.report.html import write_html  # noqa: E402
from miner.ingest.collect import collect  # noqa: E402
from miner.scan import ScanResult, scan_document  # noqa: E402


def main(paths=(), rounds: int = 3) -> None:
    largest = max(collect(paths or [ROOT / "corpora"]).documents, key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory(prefix="miner-bench-report-") as out:
        write_csvs(ScanResult((scan_document(largest),)), out)
        page = write_html(out)
        runs = [json.loads(dump_dom(url_of(page, "timing=1")).one("pre", id="timing").text()) for _ in range(rounds)]
        size = page.stat().st_size
    print(f"{largest} ({largest.stat().st_size / 1024:.0f} KiB): report.html {size / 1024:.0f} KiB, "
          f"{runs[0]['elements']} elements")
    for key in ("domContentLoaded", "loadEventStart", "laidOut"):
        print(f"  {key}: median {statistics.median(r[key] for r in runs):.0f} ms "
              f"(runs: {', '.join(f'{r[key]:.0f}' for r in runs)})")


if __name__ == "__main__":
    main(sys.argv[1:])
