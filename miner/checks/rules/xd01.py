"""XD01 change on the year before, against the body's report of that year.

What it checks: a change on the previous year ("与上年相比增加2687.77万元",
"比2023年度决算数增长8.24%") whose earlier figure the document does not
print, against the same body's report of the year before, when that report is
among the scanned documents: the earlier figure is the cell with the same
labels (table identity, row code or name, column) as the cell the current
figure is linked to. A change amount is compared with current − earlier, a
change rate stated without an amount with (current − earlier) ÷ earlier.
The reports of one body are found by the body and year their covers name
(lexicons/corpus.yaml) and the document kind; when several scanned
documents have the same identity, the one in the same folder is used, else
the first in report order, and the finding names it.

Why it matters: a change on the year before is the figure a reader cannot
check in the document itself. The same body's earlier report either bears it
out or shows it was computed from another figure.

The severity is at most a warning: a body may restate the year before on a
comparable basis (按与上年统计口径一致相比), so a difference is for a person
to judge, with both reports' cells cited.

Bad (jiangsu-jcy-2018-budget p.26): "与上年相比增加3,958.98万元" beside
表5 合计 21,940.96, where the 2017 report's 表5 合计 is 17,981.68: the
difference is 3,959.28.
Good (jiangsu-fy-2018-budget p.17): 公共安全支出 26,200.88, "增加2687.77万元";
the 2017 report's 收支预算总表 prints 23,513.11: 26,200.88 − 23,513.11 = 2,687.77.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...messages import say
from ..prior import LedgerCell, PriorQuestion
from ..context import money_factor
from ..model import Check, Place
from ..recompute import difference
from ..tolerance import Interval, Tolerance, cap, ratio, show

CODE = "XD01"
NAME = "change-against-previous-report"
FAMILY = "cross-document"
SEVERITY = "warning"
SUMMARY = "A change on the previous year differs from the same body's report of that year."
SCOPE = "corpus"      # run by miner.corpus over the scanned documents, not per claim of one document
KINDS = ()

_SAYS = {"+": "direction.increase", "-": "direction.decrease"}


def check(question: PriorQuestion, earlier_cell: LedgerCell, earlier_doc: str, tolerance: Tolerance) -> Check:
    """The change a question asks about against the earlier report's cell, at the change's place."""
    found = _compare(question, earlier_cell, earlier_doc, tolerance)
    return replace(found, place=Place(question.file, question.page, question.line), found=question.text,
                   sentence=question.sentence)


def _compare(question: PriorQuestion, earlier_cell: LedgerCell, earlier_doc: str, tolerance: Tolerance) -> Check:
    factor = money_factor(earlier_cell.unit) / money_factor(question.current_unit)
    earlier = (earlier_cell.value if earlier_cell.value is not None else Decimal(0)) * factor
    earlier_decimals = max(earlier_cell.decimals - factor.adjusted(), 0)
    earlier_source = f"{earlier_doc}: {earlier_cell.ref}"
    sources = f"{question.current_source}; previous year {earlier_source}"
    doubt = say("common.at_most_warning", why=question.doubt) if question.doubt else ""
    if question.kind == "change_rate":
        change_value = question.current - earlier
        result = ratio(change_value, max(question.current_decimals, earlier_decimals), earlier, earlier_decimals)
        if result is None:
            return Check(CODE, question.claim_id, "mismatch", cap(SEVERITY, True), "", sources,
                         say("xd01.zero_base", claim=question.text, source=earlier_source),
                         "division by zero")
        point, interval = result
        formula = f"({question.current} - {earlier}) / {earlier} = {show(point)}%"
        if question.direction in _SAYS and not interval.holds(Decimal(0)) and (point > 0) != (question.direction == "+"):
            return Check(CODE, question.claim_id, "mismatch", SEVERITY, show(point), f"{formula} [{sources}]",
                         say("xd01.opposite", direction=say(_SAYS[question.direction]), claim=question.text,
                             formula=formula, doubt=doubt), "sign of the change")
        verdict = tolerance.judge(question.value, question.decimals, question.approx, abs(point),
                        Interval(min(abs(interval.lo), abs(interval.hi)), max(abs(interval.lo), abs(interval.hi))), computed=True)
        expected = show(abs(point))
    else:
        # the same comparison as DR04's, with the earlier figure from the earlier report
        change = difference(tolerance, question, question.current, question.current_decimals, earlier, earlier_decimals)
        formula, verdict, expected = change.formula, change.verdict, show(abs(change.value))
        if change.opposite:
            return Check(CODE, question.claim_id, "mismatch", SEVERITY, show(change.value), f"{formula} [{sources}]",
                         say("xd01.opposite", direction=change.opposite, claim=question.text, formula=formula,
                             doubt=doubt), f"sign of the difference beyond ±{change.half}")
    if verdict.verdict == "mismatch":
        message = say("xd01.mismatch", claim=question.text, formula=formula, doubt=doubt)
    elif verdict.verdict == "rounding":
        message = say("xd01.rounding", claim=question.text, formula=formula)
    else:
        message = say("xd01.agrees", claim=question.text, formula=formula)
    severity = verdict.severity if verdict.severity in ("", "info") else SEVERITY
    return Check(CODE, question.claim_id, verdict.verdict, severity, expected, f"{formula} [{sources}]",
                 message, verdict.tolerance, margin=verdict)
