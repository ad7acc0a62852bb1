"""Error injection over whole corpora: how many wrong figures does a scan catch?

For each corpus, every document is scanned, and ``--count`` of the figures the
scan verified (``ok`` / ``rounding``) are changed one at a time in the
document's ingested lines (seeded: a factor of ±5–40% with the same decimals,
two neighbouring digits swapped, the decimal point moved, a digit dropped); the
changed document is scanned again. A change is caught when the changed claim, or
a new finding in its sentence, says ``mismatch`` at warning or error; its
collateral is a new error finding anywhere else in the document.

    python scripts/bench_injection.py                      # seeds, pdf and cities, 300 changes each
    python scripts/bench_injection.py --corpus seeds=corpora/seeds --count 100 --missed missed.csv

Prints per corpus the caught share by claim kind, by operation and by the rule
family that caught it, and the share of changes with collateral.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from miner import injection  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
DEFAULT = {
    "seeds": ROOT / "corpora" / "seeds",
    "pdf": ROOT / "corpora" / "pdf",
    "cities": SHARED / "cities" if (SHARED / "cities").is_dir() else ROOT / "corpora" / "cities",
}


def _corpus(value: str) -> tuple[str, Path]:
    name, _, path = value.partition("=")
    return (name, Path(path)) if path else (name, DEFAULT[name])


def _table(title: str, tallies) -> str:
    lines = [f"  {title:<16}{'changes':>8}{'caught':>8}{'share':>8}{'collateral':>11}"]
    for t in tallies:
        lines.append(f"  {t.group:<16}{t.changes:>8}{t.caught:>8}{t.share:>8.1%}{t.collateral:>11}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", type=_corpus,
                        help="NAME or NAME=PATH (repeatable); default: seeds, pdf, cities")
    parser.add_argument("--count", type=int, default=300, help="changes per corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write every change and its outcome to this CSV")
    parser.add_argument("--missed", type=Path, help="write the missed changes to this CSV")
    args = parser.parse_args()
    corpora = args.corpus or [_corpus(name) for name in DEFAULT]
    rows = []
    for name, path in corpora:
        started = time.perf_counter()
        outcomes = injection.run([path], args.count, seed=args.seed, jobs=args.jobs)
        seconds = time.perf_counter() - started
        caught = sum(o.caught for o in outcomes)
        collateral = sum(bool(o.collateral) for o in outcomes)
        print(f"{name} ({path}): {len(outcomes)} changes, caught {caught} "
              f"({caught / max(len(outcomes), 1):.1%}), collateral on {collateral} "
              f"({collateral / max(len(outcomes), 1):.1%}); {seconds:.0f} s")
        print(_table("kind", injection.tally(outcomes, lambda o: o.change.kind)))
        print(_table("operation", injection.tally(outcomes, lambda o: o.change.operation)))
        print(_table("caught by", injection.tally(outcomes, injection.family)))
        rows.extend((name, o) for o in outcomes)
    for target, keep in ((args.out, lambda o: True), (args.missed, lambda o: not o.caught)):
        if target is None:
            continue
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["corpus", "doc", "page", "line", "claim_id", "kind", "operation", "old", "new",
                             "caught", "rules", "verdict", "severity", "collateral", "message", "sentence"])
            for name, o in rows:
                if keep(o):
                    c = o.change
                    writer.writerow([name, c.doc, c.page, c.line, c.claim_id, c.kind, c.operation, c.old, c.new,
                                     int(o.caught), " ".join(o.rules), o.verdict, o.severity,
                                     " ".join(o.collateral), o.message, c.sentence])


if __name__ == "__main__":
    main()
