"""Link each figure of a statement to the source's figure for it, by labels, then judge it.

A figure is linked to a figure of a source of the same body and year, by its
item (the subject the words before it name), its stage (预算 / 执行 / 决算)
and its kind: first to a figure the source's prose states (a statement
usually restates the prose), else to the table cell the scan's own linker
finds for the same words. The first candidate in the sources' order is taken
and only then compared: values never choose the evidence. A rate, share or
change the source does not state is recomputed from the figures it is
measured against.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..claims.model import Claim
from ..linking.link import link_claims
from ..messages import Message, render, say
from ..tables.model import Cell
from . import judge
from .model import DERIVED, MISMATCH, NOT_FOUND, SUPPORTED, Evidence, Figure, Judgement, Scope, Source
from .rules import sc01, sc02, sc03
from .scope import stage_label, words
from .sources import describe

# measures whose table cells state the budget, whatever the report's own stage
_BUDGET_MEASURES = ("年初预算",)
_AMOUNTS = ("amount", "count", "indicator")


@dataclass(frozen=True)
class SourceIndex:
    """The readable sources and their prose figures, by body and year."""

    sources: tuple[Source, ...]

    def figures(self, body: str, year: int) -> list[Figure]:
        return [f for s in self.sources for f in s.figures if f.scope.body == body and f.scope.year == year]

    def reports(self, body: str, year: int) -> list[Source]:
        return [s for s in self.sources if s.identity.body == body and s.identity.year == year]

    def known(self) -> Message | str:
        return "、".join(f"{s.name}（{describe(s.identity)}）" for s in self.sources) or say("statement.no_readable")


def _same_item(a: Figure, b: Figure) -> bool:
    if a.scope.subject and len(a.scope.subject) >= 2 and a.scope.subject == b.scope.subject:
        return True
    # the claim stage's own reading: the same measure of the same subject (本年支出 / 本年支出合计)
    return bool(a.claim.kind == "amount" and a.claim.measure and a.claim.measure == b.claim.measure
                and a.claim.subject == b.claim.subject)


def _evidence(figure: Figure, source: Source) -> Evidence:
    claim = figure.claim
    quote = claim.sentence
    if source.document.source_kind == "text" and 0 < claim.line <= len(source.document.lines):
        # a text page's line is its paragraph: quote it, not the title lines a sentence ran on from
        line = source.document.lines[claim.line - 1].text.strip()
        quote = line if line and len(line) < len(quote) else quote
    return Evidence(source=source.name, text=quote, value=claim.text, page=claim.page, line=claim.line,
                    file=claim.file, kind="prose")


def _cell_evidence(cell: Cell, source: Source) -> Evidence:
    return Evidence(source=source.name, text=cell.ref(), value=f"{cell.raw or '空白'}{cell.unit}", page=cell.page,
                    line=cell.line, kind="cell")


def _source_of(figure: Figure, index: SourceIndex) -> Source:
    return next(s for s in index.sources if s.name == figure.origin)


def _listed(items: tuple[Message, ...]) -> Message:
    return say("statement.listed", first=items[0], rest=_listed(items[1:])) if len(items) > 1 else items[0]


def _missing_scope(scope: Scope) -> tuple[Message, ...]:
    return tuple(say(f"statement.scope_{what}") for what, value in
                 (("body", scope.body), ("year", scope.year), ("stage", scope.stage)) if not value)


def _stage(stage: str) -> Message | str:
    """A stage (budget, execution, final) as the catalogue names it (label.stage.*)."""
    return say(f"label.stage.{stage}") if stage in words().labels else stage


def _with_stage(figure: Figure, index: SourceIndex) -> tuple[Figure, Message | str]:
    """A figure whose words do not say its stage takes the stage of the sources of its body and year
    when they all have one: (figure, note), else (figure, "")."""
    scope = figure.scope
    if scope.stage or not scope.body or not scope.year:
        return figure, ""
    stages = {s.identity.stage for s in index.reports(scope.body, scope.year)}
    stages.discard("")
    if len(stages) != 1:
        return figure, ""
    stage = stages.pop()
    note = say("statement.stage_note", stage=_stage(stage))
    compared = scope.compared_stage or (stage if figure.claim.kind in ("change_amount", "change_rate") else "")
    return replace(figure, scope=replace(scope, stage=stage, compared_stage=compared)), note


def judge_figure(figure: Figure, statement: tuple[Figure, ...], index: SourceIndex, language: str = "zh"
                 ) -> Judgement:
    """The verdict on a figure, its reason said in ``language``."""
    figure, note = _with_stage(figure, index)
    found = _judge(figure, statement, index)
    reason = found.reason
    if note:
        reason = say("statement.with_note", reason=reason, note=note) if reason else note
    return replace(found, reason=render(reason, language))


def _judge(figure: Figure, statement: tuple[Figure, ...], index: SourceIndex) -> Judgement:
    scope, claim = figure.scope, figure.claim
    missing = _missing_scope(scope)
    if missing and not (scope.body and scope.year):
        return Judgement(figure, NOT_FOUND, reason=say("statement.missing_scope", missing=_listed(missing)))
    candidates = index.figures(scope.body, scope.year)
    reports = index.reports(scope.body, scope.year)
    if not candidates and not reports:
        return Judgement(figure, NOT_FOUND, reason=say("statement.no_source", body=scope.body, year=scope.year,
                                                       known=index.known()))
    if not scope.stage:
        return Judgement(figure, NOT_FOUND, reason=say("statement.no_stage"))
    same_kind = [f for f in candidates if f.claim.kind == claim.kind and judge.comparable(f.claim, claim)
                 and _same_item(f, figure)]
    if claim.kind in ("change_amount", "change_rate"):
        same_kind = [f for f in same_kind if f.scope.compared_year == scope.compared_year]
    if claim.kind in ("change_amount", "change_rate", "rate"):
        same_kind = [f for f in same_kind if f.scope.compared_stage == scope.compared_stage]
    stated = [f for f in same_kind if f.scope.stage == scope.stage]
    if stated:
        return _against_stated(figure, stated[0], index)
    if claim.kind in _AMOUNTS:
        found = _against_cell(figure, reports)
        if found is not None:
            return found
    elif claim.kind in ("rate", "share", "change_amount", "change_rate"):
        found = _recomputed(figure, statement, index)
        if found is not None:
            return found
    other = [f for f in same_kind if f.scope.stage != scope.stage]
    if other:
        first = other[0]
        what = say("statement.stage_figure", stage=_stage(first.scope.stage))
        if claim.kind in ("change_amount", "change_rate"):
            what = say("statement.stage_change", stage=_stage(first.scope.stage), year=first.scope.compared_year,
                       compared=_stage(first.scope.compared_stage))
        return Judgement(figure, NOT_FOUND, evidence=(_evidence(first, _source_of(first, index)),),
                         reason=say("statement.other_stage", subject=first.scope.subject, what=what,
                                    text=first.claim.text, stage=_stage(scope.stage)))
    return Judgement(figure, NOT_FOUND, reason=_nothing_for(figure))


def _nothing_for(figure: Figure) -> Message:
    scope = figure.scope
    what = scope.subject or figure.claim.context or say("statement.this_item")
    if figure.claim.kind in ("change_amount", "change_rate"):
        return say("statement.nothing_change", what=what, year=scope.compared_year,
                   stage=_stage(scope.compared_stage))
    if figure.claim.kind == "rate":
        return say("statement.nothing_rate", what=what, stage=_stage(scope.compared_stage))
    return say("statement.nothing", body=scope.body, year=scope.year, what=what, stage=_stage(scope.stage))


def _against_stated(figure: Figure, stated: Figure, index: SourceIndex) -> Judgement:
    source = _source_of(stated, index)
    evidence = judge.in_unit_of(stated.claim, figure.claim)
    cited = (_evidence(stated, source),)
    said, found = figure.claim.direction, stated.claim.direction
    if said in ("+", "-") and found in ("+", "-") and said != found and stated.claim.value != 0:
        words = {"+": "增加", "-": "减少"}
        directions = {"+": "direction.increase", "-": "direction.decrease"}
        return Judgement(figure, MISMATCH, cited, severity="error", rule=sc01.CODE,
                         expected=f"{words[found]}{stated.claim.text}",
                         reason=say("statement.opposite", said=say(directions[said]), figure=figure.claim.text,
                                    found=say(directions[found]), stated=stated.claim.text))
    return _verdict(figure, evidence, cited, f"{stated.claim.text}")


def _verdict(figure: Figure, evidence, cited: tuple[Evidence, ...], shown: str) -> Judgement:
    claim = figure.claim
    verdict = judge.same_figure(claim, evidence)
    if verdict.verdict != "mismatch":
        note = "" if verdict.verdict == "ok" else say("statement.rounding", tolerance=verdict.tolerance)
        return Judgement(figure, SUPPORTED, cited, rule=sc01.CODE, expected=shown, tolerance=verdict.tolerance,
                         reason=note)
    meant = judge.unit_mixed_up(claim, evidence)
    if meant:
        return Judgement(figure, MISMATCH, cited, severity="error", rule=sc03.CODE, expected=shown,
                         tolerance=verdict.tolerance,
                         reason=say("statement.unit_error", shown=shown, meant=meant, unit=claim.unit))
    return Judgement(figure, MISMATCH, cited, severity=verdict.severity, rule=sc01.CODE, expected=shown,
                     tolerance=verdict.tolerance, reason=say("statement.differs", claim=claim.text, shown=shown))


def _against_cell(figure: Figure, reports: list[Source]) -> Judgement | None:
    """The table cell the scan's linker finds for the figure's words, in a report of its stage."""
    claim = figure.claim
    if claim.kind != "amount" or not claim.measure:
        return None
    for source in reports:
        if not source.tables:
            continue
        link = link_claims((claim,), source.tables)[claim.id]
        if not link.cells:
            continue
        cell = link.cells[0]
        stage = "budget" if claim.measure in _BUDGET_MEASURES else source.identity.stage
        if stage != figure.scope.stage:
            return Judgement(figure, NOT_FOUND, (_cell_evidence(cell, source),),
                             reason=say("statement.cell_stage", cell=cell.ref(), stage=_stage(stage),
                                        stated_stage=_stage(figure.scope.stage)))
        evidence = judge.cell_in_unit_of(cell, claim)
        return _verdict(figure, evidence, (_cell_evidence(cell, source),), f"{cell.raw or '空白'}{cell.unit}（{cell.ref()}）")
    return None


def _base_of(figure: Figure, statement: tuple[Figure, ...]) -> Figure | None:
    """The statement's amount a rate, share or change speaks about (the nearest before it in its sentence)."""
    claim = figure.claim
    wanted = claim.base or claim.numerator
    before = [f for f in statement if f.claim.sentence_id == claim.sentence_id and f.claim.start < claim.start
              and f.claim.kind == "amount"]
    return next((f for f in before if f.claim.id == wanted), before[-1] if before else None)


def _source_amount(scope: Scope, subject: str, year: int, stage: str, like: Claim, index: SourceIndex) -> Figure | None:
    return next((f for f in index.figures(scope.body, year) if f.claim.kind == "amount" and f.scope.stage == stage
                 and f.scope.subject == subject and judge.comparable(f.claim, like)), None)


def _recomputed(figure: Figure, statement: tuple[Figure, ...], index: SourceIndex) -> Judgement | None:
    claim, scope = figure.claim, figure.scope
    base = _base_of(figure, statement)
    if base is None:
        return None
    current = judge.in_unit_of(base.claim, base.claim)
    if claim.kind == "rate":
        budget = _source_amount(scope, base.scope.subject, scope.compared_year or scope.year,
                                scope.compared_stage or "budget", base.claim, index)
        if budget is None:
            return None
        done = judge.ratio_of(claim, current, judge.in_unit_of(budget.claim, base.claim),
                              f"{base.claim.text}（陈述）", f"{budget.claim.text}（来源：{stage_label(budget.scope.stage)}数）")
        other = budget
    elif claim.kind == "share":
        whole_subject = _subject_words(claim.denominator_words)
        whole = _source_amount(scope, whole_subject, scope.year, scope.stage, base.claim, index) if whole_subject else None
        if whole is None:
            return None
        done = judge.ratio_of(claim, current, judge.in_unit_of(whole.claim, base.claim),
                              f"{base.claim.text}（陈述）", f"{whole.claim.text}（来源）")
        other = whole
    else:
        prior = _source_amount(scope, base.scope.subject, scope.compared_year, scope.compared_stage, base.claim, index)
        if prior is None:
            return None
        done = judge.change_of(claim, current, judge.in_unit_of(prior.claim, base.claim), f"{base.claim.text}",
                               f"{prior.claim.text}")
        other = prior
    if done is None:
        return None
    verdict, point, formula = done
    cited = (replace(_evidence(other, _source_of(other, index)), kind="recomputed", formula=formula),)
    decimals = max(claim.decimals, 1) if claim.unit == "%" else claim.decimals
    expected = judge.shown(point, decimals) + (claim.unit if claim.unit == "%" else "")
    if verdict.verdict != "mismatch":
        return Judgement(figure, DERIVED, cited, rule=sc02.CODE, expected=expected, tolerance=verdict.tolerance,
                         reason=say("statement.derived", formula=formula))
    return Judgement(figure, MISMATCH, cited, severity=verdict.severity, rule=sc02.CODE, expected=expected,
                     tolerance=verdict.tolerance,
                     reason=say("statement.derived_differs", claim=claim.text, formula=formula, base=base.claim.text))


def _subject_words(words: str) -> str:
    from .scope import BodyNames, subject_of

    return subject_of(words, BodyNames()) if words else ""
