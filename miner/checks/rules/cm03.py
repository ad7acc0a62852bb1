"""CM03 placeholder or template instruction left in the text.

What it checks: placeholders (XX, ××, ＊＊, □□□) anywhere, also in titles and
tables; the template's instructions to the author ("请依据部门收入的实际情况进行
解释", "其他填写具体项目", "（不涉及的不列）"); and a unit whose figure is missing
("…预算支出万元。") — patterns in lexicons/consistency.yaml.
Table-of-contents leader dots (……, ......) and ellipses are not placeholders.

Why it matters: a placeholder stands where a figure or a name should be; an
instruction left in place shows the section was never filled in.

Bad (wuchang-wgzx-2021-final, 第五部分): "（该项名词解释中“上述……等收入”请依据
部门收入的实际情况进行解释）", and "其他填写具体项目等 0万元" in the 三公 section.
Good (wuchang-cyzx-2024-final): "第四部分 2024 年重点工作完成情况..... 25" — a
table-of-contents line, no finding.
"""
from __future__ import annotations

from ...messages import say
from ..context import Context
from ..model import Check
from ..text import excerpt, line_matches, matches

CODE = "CM03"
NAME = "placeholder-left"
FAMILY = "residue"
SEVERITY = "warning"
SUMMARY = "A placeholder (XX, ××) or a template instruction is left in the published text."
SCOPE = "document"
KINDS = ()


def check(ctx: Context) -> list[Check]:
    checks = []
    # placeholders anywhere, also in titles and tables ("上海市普陀区XX局 2024 年度部门决算表")
    for line, match in line_matches(ctx, "placeholder_pattern"):
        checks.append(ctx.document_check(
            CODE, SEVERITY, line, found=match.group(0), expected="the text the template asks for",
            evidence=f"…{line.text[max(0, match.start() - 20):match.end() + 20]}…",
            message=say("cm03.placeholder", text=match.group(0))))
    for name, key in (("instruction_pattern", "cm03.instruction"), ("missing_figure_pattern", "cm03.missing_figure")):
        for sentence, match, segment in matches(ctx, name):
            checks.append(ctx.document_check(
                CODE, SEVERITY, segment, found=match.group(0), expected="the text the template asks for",
                evidence=f"…{excerpt(sentence, match.start(), match.end())}…", sentence=sentence.text,
                message=say(key, text=match.group(0))))
    return checks
