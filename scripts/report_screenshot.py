"""Write docs/report.png: the top of the demo corpus's report.html in headless Chromium.

Scans corpora/ like `make demo` (into a temporary directory) and takes a
1280 pixels wide screenshot, tall enough to show the overview and the first
findings, reduced to a palette so the repository stays small.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import screenshot, url_of  # noqa: E402
from PIL import Image  # noqa: E402  (pdfplumber depends on Pillow)

from miner.report.csv import write_csvs  # noqa: E402
from miner.report.html import write_html  # noqa: E402
from miner.scan import scan  # noqa: E402

TARGET = ROOT / "docs" / "report.png"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="miner-shot-") as tmp:
        out = Path(tmp) / "miner-report"
        os.chdir(ROOT)     # documents named as `make demo` names them: corpora/...
        write_csvs(scan(["corpora"]), out)
        shot = screenshot(url_of(write_html(out)), Path(tmp) / "report.png", window=(1280, 1400))
        TARGET.parent.mkdir(exist_ok=True)
        Image.open(shot).convert("RGB").quantize(colors=128).save(TARGET, optimize=True)
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
