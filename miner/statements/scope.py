"""Body, year, stage and subject of each figure of a text, read from the words before it.

The same reading serves the statement and the sources' prose, so a figure is
matched with a figure that the same words describe. Each attribute is taken
from the nearest place that names it: the figure's clause, the rest of its
sentence before it, the earlier sentences of its paragraph, its headings
(innermost first), the text before its paragraph, and last what the caller
knows (the source's cover, or ``--body`` / ``--year``). The words are data
(lexicons/statements.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..claims.names import normalise_name
from ..claims.model import Claim
from ..lexicon import load
from ..prose.model import Paragraph, Sentence
from .model import Scope

# the kinds of claim that state a figure of a report (dates, bare numbers and thresholds do not)
FIGURE_KINDS = ("amount", "change_amount", "share", "rate", "change_rate", "count", "indicator")
_MASK = "\u25a1"
# a body opens a clause when at most this many characters stand before it (在, 2., 其中)
_LEAD_CHARS = 2       # stands for a masked name, one per character, so offsets hold


@dataclass(frozen=True)
class _Words:
    stage: regex.Pattern            # any stage word, longest first
    stage_of: dict[str, str]        # word -> stage key
    labels: dict[str, str]          # stage key -> label (预算 / 执行 / 决算)
    masked: regex.Pattern           # budget names and level exclusions: no stage, no level in them
    comparisons: regex.Pattern
    year: regex.Pattern
    levels: tuple[str, ...]
    noise: tuple[str, ...]          # longest first
    ends: regex.Pattern
    places: tuple[str, ...]


def _alternation(words) -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, sorted(set(words), key=lambda w: (-len(w), w)))))


@lru_cache(maxsize=1)
def words() -> _Words:
    data = load("statements")
    stage_of = {word: key for key, entry in data["stages"].items() for word in entry["words"]}
    return _Words(
        stage=_alternation(stage_of), stage_of=stage_of,
        labels={key: entry["label"] for key, entry in data["stages"].items()},
        masked=_alternation(data["budget_names"] + data["level_exclusions"]),
        comparisons=regex.compile("|".join(f"(?:{p})" for p in data["comparisons"])),
        year=regex.compile(data["year"]),
        levels=tuple(data["levels"]),
        noise=tuple(sorted(set(data["subject_noise"]), key=lambda w: (-len(w), w))),
        ends=regex.compile(data["subject_ends"].replace(",", "") + r"|(?<!\d),|,(?!\d)"),
        places=tuple(data["place_ends"]),
    )


def stage_label(stage: str) -> str:
    return words().labels.get(stage, stage)


def _mask(text: str, w: _Words) -> str:
    return w.masked.sub(lambda m: _MASK * len(m.group()), text)


@dataclass(frozen=True)
class _Said:
    """What one stretch of text names: the attributes found in it (0 / "" when none)."""

    body: str = ""
    year: int = 0
    stage: str = ""


class BodyNames:
    """The bodies a text may name: government levels and the sources' own bodies, with their
    short forms (上海市普陀区财政局 is also 普陀区财政局)."""

    def __init__(self, bodies=()):
        w = words()
        self.full: dict[str, str] = {level: level for level in w.levels}
        for body in bodies:
            if not body or body in self.full:
                continue
            self.full[body] = body
            for short in _short_forms(body, w.places):
                self.full.setdefault(short, body)
        self.pattern = _alternation(self.full) if self.full else None

    def named(self, text: str) -> list[str]:
        """The bodies that open a clause of ``text`` (after a year, a numbering or a word or two:
        在2024年中央…, 2.中央一般公共预算); one named inside a phrase (加上补充中央预算稳定调节基金,
        以及地方依法依规…) is not the clause's body."""
        if self.pattern is None:
            return []
        w = words()
        found = []
        for clause in w.ends.split(text):
            clause = w.year.sub("", clause).lstrip()
            match = self.pattern.search(clause)
            if match is not None and match.start() <= _LEAD_CHARS:
                found.append(self.full[match.group()])
        return found

    def first(self, text: str) -> str:
        found = self.named(text)
        return found[0] if found else ""

    def last(self, text: str) -> str:
        found = self.named(text)
        return found[-1] if found else ""

    def remove(self, text: str) -> str:
        return self.pattern.sub("", text) if self.pattern else text


def _short_forms(body: str, places: tuple[str, ...]) -> list[str]:
    """The name from each place word on that still holds one: 上海市普陀区财政局 -> 普陀区财政局."""
    forms = []
    for at in range(1, len(body)):
        if any(body[:at].endswith(p) for p in places) and any(p in body[at:-1] for p in places):
            rest = body[at:]
            if len(rest) >= 4:
                forms.append(rest)
    return forms


def _said(text: str, w: _Words, bodies: BodyNames, first_body: bool = False) -> _Said:
    text = w.comparisons.sub(lambda m: _MASK * len(m.group()), _mask(text, w))
    years = list(w.year.finditer(text))
    stages = list(w.stage.finditer(text))
    return _Said(body=(bodies.first(text) if first_body else bodies.last(text)),
                 year=int(years[-1].group(1)) if years else 0,
                 stage=w.stage_of[stages[-1].group()] if stages else "")


def _merge(later: _Said, earlier: _Said) -> _Said:
    """What ``later`` names, else what ``earlier`` named."""
    return _Said(later.body or earlier.body, later.year or earlier.year, later.stage or earlier.stage)


def clause_start(sentence: Sentence, at: int, by_line: bool = False) -> int:
    """Where the clause holding offset ``at`` starts (the enumeration comma 、 does not end one).

    ``by_line``: a line break ends it too when the figure's own line names something before
    it (a web page's lines are its paragraphs and titles; a PDF's are cut by the page width)."""
    last = None
    for last in words().ends.finditer(sentence.text, 0, at):
        pass
    start = last.end() if last is not None else 0
    if by_line:
        line_start = sentence.segment_at(at).start
        if line_start > start and _HAN.search(sentence.text, line_start, at):
            start = line_start
    return start


_HAN = regex.compile(r"\p{Han}{2}")


def subject_of(text: str, bodies: BodyNames) -> str:
    """The item a clause names before its figure, without year, body, stage and linkers."""
    w = words()
    text = w.comparisons.sub("", text)
    masked = _mask(text, w)
    # stage words outside the budget names go (中央一般公共预算收入预算数为: the second 预算)
    kept = "".join(ch for ch, m in zip(text, _mark_stages(masked, w)) if not m)
    kept = w.year.sub("", kept)
    kept = bodies.remove(kept)
    kept = normalise_name(kept).strip("，,、；;：:“”\"《》 ")
    changed = True
    while changed and kept:
        changed = False
        for word in w.noise:
            if kept.startswith(word) and len(kept) > len(word):
                kept, changed = kept[len(word):], True
            if kept.endswith(word) and len(kept) > len(word):
                kept, changed = kept[:-len(word)], True
    return kept.strip("，,、；;：:“”\"《》 ")


def _mark_stages(masked: str, w: _Words) -> list[bool]:
    marks = [False] * len(masked)
    for found in w.stage.finditer(masked):
        for index in range(found.start(), found.end()):
            marks[index] = True
    return marks


def _compared(clause: str, w: _Words) -> tuple[int, str]:
    """(year, stage) named by the comparison words of a clause (比2023年执行数, 为预算的)."""
    year, stage = 0, ""
    for found in w.comparisons.finditer(_mask(clause, w)):
        text = found.group()
        years = w.year.findall(text)
        year = int(years[-1]) if years else year
        if any(word in text for word in ("上年", "上一年度", "去年")):
            year = -1           # the year before the figure's
        stages = w.stage.findall(text)
        stage = w.stage_of[stages[-1]] if stages else stage
    return year, stage


def read_scopes(paragraphs: tuple[Paragraph, ...], claims, default: Scope, bodies: BodyNames,
                by_line: bool = False) -> dict[str, Scope]:
    """Scope of each figure claim (FIGURE_KINDS), by claim id.

    Each attribute comes from the nearest of: the figure's clause, its sentence before it, the
    earlier sentences of its paragraph, its headings (innermost first), ``default`` (the source's
    cover, or what the user gave), and last the text of the earlier paragraphs."""
    w = words()
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence_id, []).append(claim)
    headings: dict[str, _Said] = {}
    scopes: dict[str, Scope] = {}
    given = _Said(default.body, default.year, default.stage)
    carried = _Said()
    for paragraph in paragraphs:
        in_headings = _Said()
        for heading in paragraph.section:            # outermost first: inner ones override
            if heading not in headings:
                headings[heading] = _said(heading, w, bodies)
            in_headings = _merge(headings[heading], in_headings)
        earlier = _Said()
        for sentence in paragraph.sentences:
            amounts: list[Claim] = []
            compared = (0, "")          # the comparison a change of this sentence named last
            for claim in by_sentence.get(sentence.id, ()):
                if claim.kind not in FIGURE_KINDS:
                    continue
                start = clause_start(sentence, claim.start, by_line)
                clause = sentence.text[start:claim.start]
                base = _base(claim, amounts, scopes) if claim.kind not in ("amount", "count") else None
                if base is not None:
                    # a rate or a change speaks about the figure it follows: its item, body, year and stage
                    found = _merge(_said(clause, w, bodies, first_body=True),
                                   _Said(base.body, base.year, base.stage))
                else:
                    found = _merge(_said(clause, w, bodies, first_body=True), _said(sentence.text[:start], w, bodies))
                for said in (earlier, in_headings, given, carried):
                    found = _merge(found, said)
                year, stage = _compared(clause, w)
                if claim.kind == "rate":
                    year, stage = year or found.year, stage or "budget"
                elif claim.kind in ("change_amount", "change_rate"):
                    if (year, stage) == (0, ""):
                        year, stage = compared        # 比2023年执行数增加…，增长4.3%: the same comparison
                    compared = (year, stage)
                    year = found.year - 1 if year in (0, -1) and found.year else year
                    stage = stage or found.stage
                else:
                    year, stage = 0, ""
                subject = base.subject if base is not None else subject_of(clause, bodies)
                scopes[claim.id] = Scope(found.body, found.year, found.stage, subject, year, stage)
                if claim.kind in ("amount", "count"):
                    amounts.append(claim)
            earlier = _merge(_said(sentence.text, w, bodies), earlier)
        carried = _merge(earlier, _merge(in_headings, carried))
    return scopes


def _base(claim: Claim, amounts: list[Claim], scopes: dict[str, Scope]) -> Scope | None:
    """The scope of the amount a rate, share or change speaks about: the one the claim stage
    related it to, else the nearest before it in its sentence."""
    wanted = claim.base or claim.numerator
    if wanted in scopes:
        return scopes[wanted]
    return scopes[amounts[-1].id] if amounts else None


def with_default(scope: Scope, default: Scope) -> Scope:
    return replace(scope, body=scope.body or default.body, year=scope.year or default.year,
                   stage=scope.stage or default.stage)
