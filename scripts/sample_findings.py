"""Draw a seeded random sample of findings from a scan's findings.csv, to be read on the page.

    python scripts/sample_findings.py /tmp/scan/findings.csv --severity error --n 60 --seed 14
    python scripts/sample_findings.py /tmp/scan/findings.csv --rule PR04 --n 30 --seed 14

Precision is counted on samples drawn this way, never on the cases that were fixed: the seed
and the filter are recorded with the verdicts (tests/golden/cities/findings.yaml). IN01 (a
document without a text layer) says nothing about a published number and is left out of an
error sample unless named with --rule.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

import pandas as pd

NOT_A_NUMBER = {"IN01", "IN02", "IN03"}


def draw(findings: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """A sample of n rows, the same for the same rows and seed (rows ordered first)."""
    ordered = findings.sort_values(["doc", "page", "line", "rule", "found"], kind="stable").reset_index(drop=True)
    picked = sorted(random.Random(seed).sample(range(len(ordered)), min(n, len(ordered))))
    return ordered.iloc[picked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("findings", type=Path)
    parser.add_argument("--severity", default=None, help="error, warning or info (default: any)")
    parser.add_argument("--rule", action="append", default=[], help="only this rule (repeatable)")
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    findings = pd.read_csv(args.findings, dtype=str, keep_default_na=False)
    if args.severity:
        findings = findings[findings.severity == args.severity]
    if args.rule:
        findings = findings[findings.rule.isin(args.rule)]
    else:
        findings = findings[~findings.rule.isin(NOT_A_NUMBER)]
    sample = draw(findings, args.n, args.seed)
    print(f"# {len(sample)} of {len(findings)} findings, seed {args.seed}")
    for index, row in enumerate(sample.itertuples(), 1):
        doc = "/".join(Path(row.doc).parts[-2:])
        print(f"--- {index} {doc} {row.rule} p.{row.page} l.{row.line} found={row.found} expected={row.expected}")
        print(f"    sentence: {row.sentence[:300]}")
        print(f"    message:  {row.message[:400]}")
        print(f"    evidence: {row.evidence[:300]}")


if __name__ == "__main__":
    main()
