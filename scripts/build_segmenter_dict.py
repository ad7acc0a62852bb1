"""Build lexicons/segmenter.dict: the jieba dictionary miner segments with.

jieba's own dictionary (dict.txt, 349,046 words, MIT licence) takes over a
second to load at every start; miner only needs the words around figures in
administrative prose. This keeps the most frequent words of the installed
jieba dictionary (frequency order, ties by the word), in jieba's own format
("word freq tag"). The domain words of the lexicons are added at run time.
Run it again after upgrading jieba:

    python scripts/build_segmenter_dict.py [--words 50000]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50000)
    args = parser.parse_args()
    source = Path(jieba.__file__).parent / "dict.txt"
    rows = [line.split(" ") for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (-int(r[1]), r[0]))
    kept = sorted(rows[: args.words], key=lambda r: r[0])
    target = ROOT / "lexicons" / "segmenter.dict"
    target.write_text("".join(" ".join(r) + "\n" for r in kept), encoding="utf-8")
    print(f"{target}: {len(kept)} of {len(rows)} words from {source}")


if __name__ == "__main__":
    main()
