"""Write lexicons/traditional.tsv: traditional characters and the simplified character each reads as.

The source is OpenCC's character table (TSCharacters.txt, Apache-2.0; install
``opencc-python-reimplemented`` to get it: this script is run by hand, not by
miner). Only one-to-one entries are kept: a traditional character with a single
simplified form, itself a single character (乾 -> 干 or 乾 is left alone), so the
ingest stage can fold a text character by character and keep every offset.

    pip install opencc-python-reimplemented && python scripts/build_traditional_map.py
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    source = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    pairs = []
    for line in source.splitlines():
        traditional, _, simplified = line.partition("\t")
        candidates = simplified.split(" ")
        if len(traditional) == 1 and len(candidates) == 1 and len(candidates[0]) == 1 \
                and candidates[0] != traditional:
            pairs.append((traditional, candidates[0]))
    out = ROOT / "lexicons" / "traditional.tsv"
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# traditional\tsimplified: one-to-one characters of OpenCC's TSCharacters.txt (Apache-2.0),\n")
        handle.write("# written by scripts/build_traditional_map.py; read by miner.ingest.normalize\n")
        for traditional, simplified in sorted(pairs):
            handle.write(f"{traditional}\t{simplified}\n")
    print(f"wrote {len(pairs)} characters to {out}")


if __name__ == "__main__":
    main()
