"""PR05 year does not fit the document.

What it checks: years that should be the document's own: a reference to a
document of the same kind ("2020年度部门决算中反映…", also in a heading such as
"第三部分 …2023年度部门决算情况说明") and a balance date
("截至2023年12月31日"). The document's year comes from its title or its
tables' titles; a balance date may be that year's end (决算) or the previous
year's (预算) — `as_of_offsets` in lexicons/consistency.yaml. Comparisons
with another year ("与2023年度相比", "比2023年度决算数") are legitimate, and so is a sentence
that sets another year's report beside the document's own ("2025年部门预算含中央基建资金，2026年
部门预算不含").

Why it matters: a wrong year is the mark of text copied from another year's
report; the sentence's figures may be that year's too.

Bad (wuchang-wgzx-2021-final, 十三(三)): the 2021 report says "我单位在
2020年度部门决算中反映所有项目绩效自评结果".
Good (wuchang-cyzx-2024-final, 十三(三)): "我中心在 2024 年度部门决算中反映所有
项目绩效自评结果"; "截至 2024 年 12 月 31 日…共有车辆 0 辆".
"""
from __future__ import annotations

import regex

from ...messages import Message, say
from ...claims.model import Claim
from ..context import Context
from ..model import Check
from ..text import lines_outside_prose, pattern, words

CODE = "PR05"
NAME = "year-does-not-fit"
FAMILY = "prose"
SEVERITY = "error"
SUMMARY = "A year names another year's report or balance date (2020年度部门决算 in a 2021 report)."
SCOPE = "document"    # the date claims of the prose, and the headings, which are no sentences
KINDS = ()
_YEAR = regex.compile(r"(\d{4})")


def check(ctx: Context) -> list[Check]:
    checks = [check for claim in ctx.claims.values() if claim.kind == "date" for check in _claim(claim, ctx)]
    return checks + _headings(ctx)


def _claim(claim: Claim, ctx: Context) -> list[Check]:
    year = ctx.year
    found = _YEAR.match(claim.text)
    if year is None or found is None:
        return []
    stated = int(found.group(1))
    before, after = claim.sentence[:claim.start], claim.sentence[claim.end:]
    if pattern("comparison_before").search(before):
        return []
    if pattern("own_document_after").search(after) or pattern("own_document_after").search(
            claim.text[found.end():] + after):
        if stated != year and _contrasted(claim, year):
            return [_fits(claim, f"{claim.text}{after[:8]}", say("pr05.contrast", stated=stated, year=year))]
        if stated != year:
            return [_mismatch(claim, str(year), f"{claim.text}{after[:8]} in a {year} report",
                              say("pr05.own_year_wrong", year=year, stated=stated))]
        return [_fits(claim, f"{claim.text}{after[:8]}", say("pr05.own_year", year=year))]
    if pattern("as_of_before").search(before) and "12" in claim.text[found.end():]:
        allowed = [year + offset for offset in words("as_of_offsets").get(ctx.kind, [0])]
        if stated not in allowed:
            return [_mismatch(claim, " or ".join(f"{y}年12月31日" for y in allowed),
                              f"截至 {claim.text} in a {year} report",
                              say("pr05.balance_date_wrong", stated=stated, year=year))]
        return [_fits(claim, f"截至 {claim.text}", say("pr05.balance_date", year=year))]
    return []


def _contrasted(claim: Claim, year: int) -> bool:
    """Whether the sentence names the document's own report too ("2025年部门预算含中央基建资金，
    2026年部门预算不含中央基建资金" in the 2026 budget): two years' reports set side by side."""
    own = pattern("own_document_after")
    return any(int(found.group(1)) == year and own.search(claim.sentence[found.end():])
               for found in pattern("heading_year_pattern").finditer(claim.sentence))


def _headings(ctx: Context) -> list[Check]:
    """The same for headings and titles, which are no sentences ("第三部分 …2023年度部门决算情况说明")."""
    year = ctx.year
    if year is None:
        return []
    checks = []
    own, comparison = pattern("own_document_after"), pattern("comparison_before")
    for line in lines_outside_prose(ctx):
        if "年" not in line.text:
            continue   # no year word can be on it (most table lines): spare the regex
        for found in pattern("heading_year_pattern").finditer(line.text):
            stated = int(found.group(1))
            if not own.search(line.text[found.end():]) or comparison.search(line.text[:found.start()]):
                continue
            if stated == year:
                checks.append(ctx.agreement(CODE, line, f"{found.group(0)} in a heading of the {year} report"))
                continue
            checks.append(ctx.document_check(
                CODE, SEVERITY, line, found=found.group(0) + line.text[found.end():found.end() + 6],
                expected=f"{year}", evidence=f"{line.text.strip()[:60]} (a heading of the {year} report)",
                message=say("pr05.heading_wrong", year=year, stated=stated)))
    return checks


def _fits(claim: Claim, evidence: str, message: Message) -> Check:
    """A year that fits: recorded, and no verdict on the date claim (it stays context only)."""
    return Check(CODE, claim.id, "ok", "", "", evidence, message, "the document's year", settles=False)


def _mismatch(claim: Claim, expected: str, evidence: str, message: Message) -> Check:
    return Check(CODE, claim.id, "mismatch", SEVERITY, expected, evidence, message, "the document's year")
