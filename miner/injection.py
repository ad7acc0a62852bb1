"""Error injection: does a scan catch a wrong number?

A checker is worth what it catches. This module takes the figures of a
document's prose that a scan verified (verdict ``ok`` or ``rounding``),
changes one of them at a time in the document's ingested lines (so a PDF is
measured through its own reading of the page, without reading it again), scans
the changed document and says whether the change was caught: the changed claim,
or a new finding in its sentence, now says ``mismatch`` at warning or error.
New error findings anywhere else in the document are the change's collateral.

The changes are the errors people make when they type a figure: a different
value with the same decimals (a factor of ±5–40%), two neighbouring digits
swapped, the decimal point moved one place, a digit dropped. Every change is
drawn from a seeded random generator, so a run is repeatable.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import regex

from .checks.registry import selected
from .ingest.model import Document, Line
from .ingest.text import IngestError
from .numbers import find_mentions
from .records import record
from .scan import ClaimRow, DocumentResult, collect, read_document, scan_read

# the kinds of claim whose changes are counted, as claims.csv names them
KINDS = ("amount", "share", "rate", "change_amount", "change_rate", "count")
VERIFIED = ("ok", "rounding")
OPERATIONS = ("factor", "swap", "point", "drop")
_CAUGHT_SEVERITIES = ("warning", "error")


@record
class Change:
    """One figure of a document changed: where, from what, to what, and how."""

    doc: str
    claim_id: str
    kind: str
    page: int
    line: int
    file: str
    operation: str      # factor | swap | point | drop
    old: str            # the figure as printed
    new: str            # the figure as changed
    sentence: str       # the sentence as printed


@record
class Outcome:
    """What the scan of the changed document said about one change."""

    change: Change
    caught: bool
    rules: tuple[str, ...]            # the rules whose mismatch caught it
    verdict: str                      # the changed claim's verdict (or "" when it is no longer a claim)
    severity: str
    collateral: tuple[str, ...]       # "RULE page:line" of new error findings elsewhere
    message: str                      # the first catching message, or why it was missed


@dataclass(frozen=True)
class Placement:
    """Where a claim's figure sits in the document's lines."""

    line_index: int
    start: int          # offset of the figure's digits in the line's text
    end: int


def eligible(result: DocumentResult) -> list[ClaimRow]:
    """The claims of a scan that a change can test: verified figures of the counted kinds."""
    return [row for row in result.claims if row.verdict in VERIFIED and row.kind in KINDS]


def place(doc: Document, row: ClaimRow, rows: tuple[ClaimRow, ...]) -> Placement | None:
    """The figure of a claim row in the document's lines, or None when it cannot be placed
    on one line (a figure wrapped over two lines, or a Chinese numeral)."""
    mention = next(iter(find_mentions(row.claim_text)), None)
    if mention is None or not mention.number_text[:1].isdigit():
        return None
    number = mention.number_text
    # the k-th claim with this text on this line is the k-th occurrence of the figure there
    same = [r for r in rows if (r.file, r.page, r.line, r.claim_text) == (row.file, row.page, row.line, row.claim_text)]
    occurrence = same.index(row)
    for index, line in enumerate(doc.lines):
        if (line.file, line.page, line.line) != (row.file, row.page, row.line):
            continue
        starts = [m.number_start for m in find_mentions(line.text) if m.number_text == number]
        if occurrence < len(starts):
            start = starts[occurrence]
            return Placement(index, start, start + len(number))
        return None
    return None


def changed_figure(number: str, operation: str, rng: random.Random) -> str | None:
    """The printed figure ``number`` with one error of kind ``operation``, or None when
    that error cannot be made on it (a single digit cannot be swapped)."""
    digits = number.replace(",", "").replace(" ", "")
    grouped = "," in number
    if operation == "factor":
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = Decimal(digits)
        quantum = Decimal(1).scaleb(-decimals)
        for _attempt in range(20):
            factor = Decimal(str(round(rng.uniform(0.05, 0.40), 4)))
            factor = 1 + factor if rng.random() < 0.5 else 1 - factor
            new = (value * factor).quantize(quantum, rounding=ROUND_HALF_UP)
            if new != value and new > 0:
                return _printed(new, decimals, grouped)
        return None
    positions = [i for i, c in enumerate(digits) if c.isdigit()]
    if operation == "swap":
        pairs = [(a, b) for a, b in zip(positions, positions[1:]) if b == a + 1 and digits[a] != digits[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        new = digits[:a] + digits[b] + digits[a] + digits[b + 1:]
    elif operation == "point":
        plain = digits.replace(".", "")
        point = digits.index(".") if "." in digits else len(digits)
        moves = [p for p in (point - 1, point + 1) if 0 < p < len(plain)]
        if not moves:
            return None
        at = rng.choice(moves)
        new = plain[:at] + "." + plain[at:]
    elif operation == "drop":
        # the last decimal dropped is the figure printed less precisely (321.1 for 321.15),
        # a truncation the tolerance rightly accepts: not an error to inject
        # (so is any drop that leaves the figure rounded or cut to fewer decimals: 868.11 -> 868.1,
        # 367.67 -> 367.7)
        droppable = [i for i in (positions[:-1] if "." in digits else positions)
                     if not _less_precise(digits, digits[:i] + digits[i + 1:])]
        if len(positions) < 2 or not droppable:
            return None
        at = rng.choice(droppable)
        new = digits[:at] + digits[at + 1:]
        if new.startswith(".") or new.endswith("."):
            return None
    else:
        raise ValueError(f"unknown operation {operation}")
    new = new.lstrip("0") if not new.startswith("0.") else new
    if not new or new.startswith(".") or Decimal(new) == Decimal(digits):
        return None
    decimals = len(new.split(".")[1]) if "." in new else 0
    return _printed(Decimal(new), decimals, grouped)


def _less_precise(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` printed with fewer decimals (rounded or cut): no error."""
    if "." not in old or new.startswith(".") or new.endswith("."):
        return False
    decimals = len(new.split(".")[1]) if "." in new else 0
    if decimals >= len(old.split(".")[1]):
        return False
    quantum = Decimal(1).scaleb(-decimals)
    value = Decimal(old)
    return Decimal(new) in (value.quantize(quantum, rounding=ROUND_HALF_UP), value.quantize(quantum, rounding=ROUND_DOWN))


def _printed(value: Decimal, decimals: int, grouped: bool) -> str:
    return f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"


def with_line(doc: Document, index: int, text: str) -> Document:
    """The document with line ``index`` reading ``text``; the offsets after it follow."""
    shift = len(text) - len(doc.lines[index].text)
    lines: list[Line] = list(doc.lines[:index])
    lines.append(replace(doc.lines[index], text=text))
    lines.extend(replace(line, offset=line.offset + shift) for line in doc.lines[index + 1:])
    return replace(doc, lines=tuple(lines))


@record
class Candidate:
    """A verified figure of a document that a change can test, and where it is printed."""

    row: ClaimRow
    line_index: int
    start: int
    end: int
    number: str


def candidates(doc: Document, base: DocumentResult) -> list[Candidate]:
    """The verified figures of a scanned document that sit on one line of it."""
    found = []
    for row in eligible(base):
        placement = place(doc, row, base.claims)
        if placement is not None:
            text = doc.lines[placement.line_index].text
            found.append(Candidate(row, placement.line_index, placement.start, placement.end,
                                   text[placement.start:placement.end]))
    return found


def inject(doc: Document, display: str, rules, base: DocumentResult, candidate: Candidate, operation: str,
           new: str) -> Outcome:
    """Print ``new`` instead of the candidate's figure, scan again and judge the outcome."""
    row = candidate.row
    line = doc.lines[candidate.line_index]
    change = Change(doc=display, claim_id=row.claim_id, kind=row.kind, page=row.page, line=row.line,
                    file=row.file, operation=operation, old=candidate.number, new=new, sentence=row.sentence)
    text = line.text[:candidate.start] + new + line.text[candidate.end:]
    result = scan_read(with_line(doc, candidate.line_index, text), display, rules)
    return judge(change, base, result)


def judge(change: Change, base: DocumentResult, result: DocumentResult) -> Outcome:
    """Caught when the changed claim, a new finding in its sentence, or a new finding that
    cites the changed figure says mismatch at warning or error (a sum of parts is reported
    at its whole, the figure it was changed in being one of the parts). Collateral are the
    new error findings that neither sit in the changed sentence nor cite the changed figure."""
    new_digits = change.new.replace(",", "")
    cites = regex.compile(rf"(?<![\d.]){regex.escape(new_digits)}(?![\d])")
    changed = [row for row in result.claims
               if (row.file, row.page, row.line) == (change.file, change.page, change.line)
               and new_digits in row.claim_text.replace(",", "").replace(" ", "")]
    sentence = changed[0].sentence if changed else ""
    before = {(f.rule, f.file, f.page, f.line, f.message) for f in base.findings}
    fresh = [f for f in result.findings if (f.rule, f.file, f.page, f.line, f.message) not in before]

    def about_change(f) -> bool:
        return bool(sentence and f.sentence == sentence) or any(
            cites.search(text.replace(",", "")) for text in (f.found, f.expected, f.evidence, f.message))

    rules: list[str] = []
    message = ""
    for row in changed:
        if row.verdict == "mismatch" and row.severity in _CAUGHT_SEVERITIES:
            rules.extend(row.rules.split())
            message = message or row.message
    for finding in fresh:
        if finding.severity in _CAUGHT_SEVERITIES and finding.verdict in ("mismatch", "") and about_change(finding):
            rules.append(finding.rule)
            message = message or finding.message
    verdict = changed[0].verdict if changed else ""
    severity = changed[0].severity if changed else ""
    if not rules:
        message = (f"still {verdict}: {changed[0].message}" if changed
                   else "the changed figure is no longer read as a claim")
    collateral = tuple(f"{f.rule} {f.page}:{f.line}" for f in fresh
                       if f.severity == "error" and not about_change(f))
    return Outcome(change=change, caught=bool(rules), rules=tuple(dict.fromkeys(rules)), verdict=verdict,
                   severity=severity, collateral=collateral, message=message)


@record
class Planned:
    """A change decided in advance: which figure of which document, and what it becomes."""

    path: str
    display: str
    claim_id: str
    operation: str
    new: str


def survey(path: str, display: str, rules) -> tuple[DocumentResult, list[Candidate]]:
    """Scan a document and list the figures a change can test."""
    doc = read_document(path, display)
    base = scan_read(doc, display, rules)
    return base, candidates(doc, base)


def plan(surveyed: list[tuple[str, str, list[Candidate]]], count: int, seed: int) -> list[Planned]:
    """``count`` changes drawn over the surveyed documents, as evenly over the claim kinds
    as they allow (a kind with few figures gives all it has), each with its operation:
    half of them a factor, the rest the three slips in turn."""
    rng = random.Random(seed)
    by_kind: dict[str, list[tuple[str, str, Candidate]]] = {}
    for path, display, found in surveyed:
        for candidate in found:
            by_kind.setdefault(candidate.row.kind, []).append((path, display, candidate))
    for pool in by_kind.values():
        rng.shuffle(pool)
    planned: list[Planned] = []
    kinds = [kind for kind in KINDS if kind in by_kind]
    turn = 0
    while len(planned) < count and any(by_kind[k] for k in kinds):
        kind = kinds[turn % len(kinds)]
        turn += 1
        if not by_kind[kind]:
            continue
        path, display, candidate = by_kind[kind].pop()
        first = "factor" if rng.random() < 0.5 else rng.choice(OPERATIONS[1:])
        for operation in (first,) + tuple(op for op in OPERATIONS if op != first):
            new = changed_figure(candidate.number, operation, rng)
            if new is not None:
                planned.append(Planned(path, display, candidate.row.claim_id, operation, new))
                break
    return planned


def apply(path: str, display: str, rules, changes: list[Planned]) -> list[Outcome]:
    """Read the document once and judge each of its planned changes on its own."""
    doc = read_document(path, display)
    base = scan_read(doc, display, rules)
    by_id = {c.row.claim_id: c for c in candidates(doc, base)}
    return [inject(doc, display, rules, base, by_id[change.claim_id], change.operation, change.new)
            for change in changes if change.claim_id in by_id]


def _survey_job(path: str, display: str, select: tuple[str, ...], ignore: tuple[str, ...]):
    try:
        _base, found = survey(path, display, selected(select, ignore))
    except IngestError:     # an unreadable document has no figure to change
        found = []
    return path, display, found


def _apply_job(path: str, display: str, select: tuple[str, ...], ignore: tuple[str, ...], changes):
    return apply(path, display, selected(select, ignore), changes)


def run(paths, count: int, seed: int = 0, jobs: int = 1, select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = ()) -> list[Outcome]:
    """Survey the documents under ``paths``, plan ``count`` seeded changes and judge each;
    the documents are spread over ``jobs`` worker processes. The result does not depend
    on ``jobs``: the plan is made from the whole survey, in document order."""
    documents = [(str(p), str(p)) for p in collect(paths).documents]
    with _pool(jobs) as pool:
        surveyed = list(pool.map(_survey_job, *zip(*[(p, d, select, ignore) for p, d in documents])))
        planned = plan(surveyed, count, seed)
        per_doc: dict[tuple[str, str], list[Planned]] = {}
        for change in planned:
            per_doc.setdefault((change.path, change.display), []).append(change)
        work = [(p, d, select, ignore, per_doc[(p, d)]) for p, d in documents if (p, d) in per_doc]
        outcomes = [o for done in pool.map(_apply_job, *zip(*work)) for o in done] if work else []
    return outcomes


class _Serial:
    """The pool's interface in this process, for one job (and for tests)."""

    def map(self, fn, *iterables):
        return map(fn, *iterables)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _pool(jobs: int):
    if jobs <= 1:
        return _Serial()
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from .engine.isolate import warm_up
    return ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("forkserver"), initializer=warm_up)


@record
class Tally:
    """Caught changes out of all, with the collateral, for one group of changes."""

    group: str
    changes: int
    caught: int
    collateral: int      # changes that raised a new error finding elsewhere

    @property
    def share(self) -> float:
        return self.caught / self.changes if self.changes else 0.0


def tally(outcomes: list[Outcome], key) -> list[Tally]:
    """The tallies of the outcomes grouped by ``key`` (a function of an outcome), in key order."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(key(outcome), []).append(outcome)
    return [Tally(group, len(items), sum(o.caught for o in items), sum(bool(o.collateral) for o in items))
            for group, items in sorted(groups.items())]


def family(outcome: Outcome) -> str:
    """The rule family (two letters) of the first rule that caught a change, or "missed"."""
    return outcome.rules[0][:2] if outcome.rules else "missed"
