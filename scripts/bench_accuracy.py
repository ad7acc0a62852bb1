"""Benchmark of accuracy without a gold list: what share of the prose the tool checks, how
many of each document's standard tables it recognises, how many findings it raises, how fast.

    python scripts/bench_accuracy.py                 # seeds, pdf and cities
    python scripts/bench_accuracy.py --corpus cities --by-city
    python scripts/bench_accuracy.py --documents      # one line per document besides

Per corpus (and per city with --by-city, a city being a corpus's sub-folder):
- checked: the share of amount / share / rate / change claims whose verdict is not
  `unlinked`; claims the tool could not check because their evidence is not in the document
  (a previous year's figure no table prints, an amount whose figure and words no table
  prints (miner.linking.absent): the unlinked reason says so; any figure of a summary that
  prints no table, its tables being published apart) are counted apart
  ("absent") and left out of the share;
- tables: over the readable documents of a known kind, the standard tables recognised
  against the kind's required set (lexicons/identities.yaml; a summary that prints none
  counts its set as not found), and how many documents are full reports, summaries,
  sections or unreadable (tables.kind.document_scope);
- errors / warnings per document; seconds per document (one core, ingest to findings).

The cities corpus is the full set in ../shared/corpora/cities when it is there (the figures
of the README), else the copy in corpora/cities. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": [ROOT / "corpora" / "seeds"],
    "pdf": [ROOT / "corpora" / "pdf"],
    "cities": [ROOT.parent / "shared" / "corpora" / "cities", ROOT / "corpora" / "cities"],
}
# unlinked reasons that say the evidence is not in the document at all (not a failure to link)
ABSENT = regex.compile(r"not in (?:this|the) document|no table of this document prints|not printed in this document")


@dataclass
class Tally:
    documents: int = 0
    seconds: float = 0.0
    claims: int = 0
    checked: int = 0
    absent: int = 0
    errors: int = 0
    warnings: int = 0
    required: int = 0          # required tables of the documents of a known kind (full reports)
    recognised: int = 0
    scopes: Counter = field(default_factory=Counter)

    def add(self, other: "Tally") -> None:
        for name in ("documents", "seconds", "claims", "checked", "absent", "errors", "warnings",
                     "required", "recognised"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.scopes.update(other.scopes)

    def row(self, name: str) -> str:
        share = self.checked / (self.claims - self.absent) if self.claims > self.absent else 0.0
        tables = f"{self.recognised}/{self.required}" if self.required else "-"
        scopes = " ".join(f"{k}:{v}" for k, v in sorted(self.scopes.items()))
        n = max(self.documents, 1)
        return (f"| {name} | {self.documents} | {self.claims} | {share:.1%} | {self.absent} | {tables} | {scopes} "
                f"| {self.errors / n:.2f} | {self.warnings / n:.2f} | {self.seconds / n:.2f} |")


HEADER = ("| corpus | documents | claims | checked | absent | standard tables found | documents by scope "
          "| errors/doc | warnings/doc | s/doc |\n|---|---|---|---|---|---|---|---|---|---|")


def _pages(path: Path) -> int:
    if path.suffix.lower() == ".pdf" or path.is_dir():
        import pypdfium2 as pdfium

        from miner.ingest.collect import parts_of

        total = 0
        for part in (parts_of(path) if path.is_dir() else [path]):
            try:
                total += len(pdfium.PdfDocument(str(part)))
            except pdfium.PdfiumError:
                return 0
        return total
    return path.read_text(encoding="utf-8", errors="replace").count("\f") + 1


def measure(path: Path) -> tuple[Tally, str]:
    from miner.checks.context import Context
    from miner.scan import financial_kinds, scan_document
    from miner.tables.kind import NO_TEXT, SUMMARY, document_scope, required_tables

    kinds = set(financial_kinds())
    start = time.process_time()
    result = scan_document(path)
    tally = Tally(documents=1, seconds=time.process_time() - start)
    unchecked = 0
    for claim in result.claims:
        if claim.kind not in kinds:
            continue
        tally.claims += 1
        if claim.verdict != "unlinked":
            tally.checked += 1
        elif ABSENT.search(claim.message or ""):
            tally.absent += 1
        else:
            unchecked += 1
    severities = Counter(f.severity for f in result.findings)
    tally.errors, tally.warnings = severities["error"], severities["warning"]
    if result.error:
        tally.scopes[NO_TEXT] += 1
        return tally, NO_TEXT
    from miner.scan import read_document

    kind = Context(doc=str(path), claims={}, links={}, tables=result.tables,
                   lines=read_document(path, str(path)).lines if not result.tables else ()).kind
    scope = document_scope(kind, result.tables, _pages(path))
    tally.scopes[scope] += 1
    if scope == SUMMARY and not result.tables:
        # a summary whose tables are published apart (北京): what it does not check itself has
        # its evidence outside the document
        tally.absent += unchecked
    required = required_tables(kind)
    if required:
        # every readable document of a known kind, whatever its scope: the same denominator for
        # any version of the tool (a summary that prints no table counts its set as not found)
        present = {t.key for t in result.tables}
        tally.required = len(required)
        tally.recognised = sum(1 for choices in required if present.intersection(choices))
    return tally, scope


def corpus_root(name: str) -> Path | None:
    return next((p for p in CORPORA[name] if p.exists()), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="default: all three")
    parser.add_argument("--by-city", action="store_true", help="a line per sub-folder of a corpus")
    parser.add_argument("--documents", action="store_true", help="a line per document")
    parser.add_argument("--cities", type=Path, help="the cities corpus (default: ../shared/corpora/cities "
                                                      "when present, else corpora/cities)")
    args = parser.parse_args()
    if args.cities:
        CORPORA["cities"].insert(0, args.cities.resolve())
    from miner.engine.isolate import warm_up
    from miner.scan import collect

    warm_up()
    print(HEADER)
    for name in args.corpus or ["seeds", "pdf", "cities"]:
        root = corpus_root(name)
        if root is None:
            continue
        total, groups = Tally(), defaultdict(Tally)
        lines = []
        for path in collect([root]).documents:
            tally, scope = measure(path)
            total.add(tally)
            relative = path.relative_to(root)
            group = relative.parts[0] if len(relative.parts) > 1 else ""
            if group:
                groups[group].add(tally)
            if args.documents:
                lines.append(tally.row(f"  {relative}"))
        shown = (root.relative_to(ROOT) if ROOT in root.parents
                 else Path("..") / root.relative_to(ROOT.parent) if ROOT.parent in root.parents else root)
        print(total.row(f"{name} ({shown})"))
        if args.by_city:
            for group in sorted(groups, key=lambda g: -groups[g].documents):
                print(groups[group].row(f"  {name}/{group}"))
        for line in lines:
            print(line)


if __name__ == "__main__":
    main()
