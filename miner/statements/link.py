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
from ..tables.model import Cell
from . import judge
from .model import DERIVED, MISMATCH, NOT_FOUND, SUPPORTED, Evidence, Figure, Judgement, Scope, Source
from .rules import sc01, sc02, sc03
from .scope import stage_label
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

    def known(self) -> str:
        return "、".join(f"{s.name}（{describe(s.identity)}）" for s in self.sources) or "（无可读来源）"


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


def _missing_scope(scope: Scope) -> str:
    missing = [what for what, value in (("主体", scope.body), ("年度", scope.year), ("阶段（预算/执行/决算）", scope.stage))
               if not value]
    return "、".join(missing)


def _with_stage(figure: Figure, index: SourceIndex) -> tuple[Figure, str]:
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
    note = f"陈述未说明是预算、执行还是决算数；该主体该年度的来源是{stage_label(stage)}报告，按{stage_label(stage)}数比对"
    compared = scope.compared_stage or (stage if figure.claim.kind in ("change_amount", "change_rate") else "")
    return replace(figure, scope=replace(scope, stage=stage, compared_stage=compared)), note


def judge_figure(figure: Figure, statement: tuple[Figure, ...], index: SourceIndex) -> Judgement:
    figure, note = _with_stage(figure, index)
    found = _judge(figure, statement, index)
    if note:
        found = replace(found, reason=f"{found.reason}（{note}）" if found.reason else note)
    return found


def _judge(figure: Figure, statement: tuple[Figure, ...], index: SourceIndex) -> Judgement:
    scope, claim = figure.scope, figure.claim
    missing = _missing_scope(scope)
    if missing and not (scope.body and scope.year):
        return Judgement(figure, NOT_FOUND, reason=f"陈述没有说明这个数字的{missing}；可用 --body / --year 指明")
    candidates = index.figures(scope.body, scope.year)
    reports = index.reports(scope.body, scope.year)
    if not candidates and not reports:
        return Judgement(figure, NOT_FOUND, reason=f"来源中没有{scope.body}{scope.year}年的报告或数字；"
                                                    f"来源是：{index.known()}")
    if not scope.stage:
        return Judgement(figure, NOT_FOUND, reason="陈述没有说明这是预算、执行还是决算数，来源中有不同阶段的数字，不作比较")
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
        what = f"{stage_label(first.scope.stage)}数"
        if claim.kind in ("change_amount", "change_rate"):
            what = f"{stage_label(first.scope.stage)}数比{first.scope.compared_year}年" \
                   f"{stage_label(first.scope.compared_stage)}数的变化"
        return Judgement(figure, NOT_FOUND, evidence=(_evidence(first, _source_of(first, index)),),
                         reason=f"来源给出的是{first.scope.subject}的{what}（{first.claim.text}），"
                                f"而陈述的是{stage_label(scope.stage)}数：不同阶段的数字不作比较")
    return Judgement(figure, NOT_FOUND, reason=_nothing_for(figure))


def _nothing_for(figure: Figure) -> str:
    scope = figure.scope
    what = scope.subject or figure.claim.context or "这一项"
    if figure.claim.kind in ("change_amount", "change_rate"):
        return (f"来源中没有{what}{scope.compared_year}年的{stage_label(scope.compared_stage)}数，"
                f"也没有这一变化本身，无法核对")
    if figure.claim.kind == "rate":
        return f"来源中没有{what}的{stage_label(scope.compared_stage)}数，也没有这一比率本身，无法核对"
    return f"来源中没有{scope.body}{scope.year}年{what}的{stage_label(scope.stage)}数"


def _against_stated(figure: Figure, stated: Figure, index: SourceIndex) -> Judgement:
    source = _source_of(stated, index)
    evidence = judge.in_unit_of(stated.claim, figure.claim)
    cited = (_evidence(stated, source),)
    said, found = figure.claim.direction, stated.claim.direction
    if said in ("+", "-") and found in ("+", "-") and said != found and stated.claim.value != 0:
        words = {"+": "增加", "-": "减少"}
        return Judgement(figure, MISMATCH, cited, severity="error", rule=sc01.CODE,
                         expected=f"{words[found]}{stated.claim.text}",
                         reason=f"陈述说{words[said]}{figure.claim.text}，来源说{words[found]}{stated.claim.text}：方向相反")
    return _verdict(figure, evidence, cited, f"{stated.claim.text}")


def _verdict(figure: Figure, evidence, cited: tuple[Evidence, ...], shown: str) -> Judgement:
    claim = figure.claim
    verdict = judge.same_figure(claim, evidence)
    if verdict.verdict != "mismatch":
        note = "" if verdict.verdict == "ok" else f"差异在四舍五入范围内（{verdict.tolerance}）"
        return Judgement(figure, SUPPORTED, cited, rule=sc01.CODE, expected=shown, tolerance=verdict.tolerance,
                         reason=note)
    meant = judge.unit_mixed_up(claim, evidence)
    if meant:
        return Judgement(figure, MISMATCH, cited, severity="error", rule=sc03.CODE, expected=shown,
                         tolerance=verdict.tolerance,
                         reason=f"单位错误：来源为{shown}，陈述的数字按{meant}读才相符，却写作{claim.unit}")
    return Judgement(figure, MISMATCH, cited, severity=verdict.severity, rule=sc01.CODE, expected=shown,
                     tolerance=verdict.tolerance, reason=f"陈述为{claim.text}，来源为{shown}")


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
                             reason=f"来源表格中的{cell.ref()}是{stage_label(stage)}数，"
                                    f"而陈述的是{stage_label(figure.scope.stage)}数：不同阶段的数字不作比较")
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
                         reason=f"由来源数字推算：{formula}")
    return Judgement(figure, MISMATCH, cited, severity=verdict.severity, rule=sc02.CODE, expected=expected,
                     tolerance=verdict.tolerance,
                     reason=f"陈述为{claim.text}，由来源数字推算为{formula}（{base.claim.text}来自陈述本身，也可能是它有误）")


def _subject_words(words: str) -> str:
    from .scope import BodyNames, subject_of

    return subject_of(words, BodyNames()) if words else ""
