"""CM04 template alternative left unresolved.

What it checks: both directions of a template alternative left in the text:
"增加(减少)", "增长(下降)", "大于（小于）" (pattern `alternative_pattern` in
lexicons/consistency.yaml). A warning when the figure after it is not zero
(the reader cannot tell the direction), info when it is zero.

Why it matters: the template asks the author to keep one word; leaving both
says nothing about the direction of a change.

Bad (wuchang-wgzx-2021-final, 七): "比年初预算增加(减少) 0.00万元",
"增长(下降)0 %", repeated through the 三公 section.
Good (wuchang-cyzx-2024-final, 一): "收、支总计减少 525.02 万元，下降 37.7%".
"""
from __future__ import annotations

from decimal import Decimal

import regex

from ...messages import say
from ..context import Context
from ..model import Check
from ..text import excerpt, matches

CODE = "CM04"
NAME = "template-alternative-left"
FAMILY = "residue"
SEVERITY = "warning"
SUMMARY = "An unresolved template alternative (增加(减少), 增长(下降)) is left in the text."
SCOPE = "document"
KINDS = ()
_NEXT_FIGURE = regex.compile(r"^\D{0,6}?(\d[\d,]*(?:\.\d+)?)")


def check(ctx: Context) -> list[Check]:
    checks = []
    for sentence, match, segment in matches(ctx, "alternative_pattern"):
        figure = _NEXT_FIGURE.match(sentence.text[match.end():])
        zero = figure is not None and Decimal(figure.group(1).replace(",", "")) == 0
        checks.append(ctx.document_check(
            CODE, "info" if zero else SEVERITY, segment, found=match.group(0),
            expected="one direction (增加 or 减少, 增长 or 下降)",
            evidence=f"…{excerpt(sentence, match.start(), match.end())}…", sentence=sentence.text,
            message=say("cm04.alternative", text=match.group(0), note=say("cm04.zero") if zero else "")))
    return checks
