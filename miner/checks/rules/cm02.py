"""CM02 empty table without a note.

What it checks: a table printed with no figures carries an explanatory note
under it ("本单位无政府性基金预算财政拨款收入支出", "此表为空"), found between
its title and the next table (pattern `empty_note_pattern` in
lexicons/consistency.yaml).

Why it matters: the rules require an empty table to say why it is empty; a
blank table without a word cannot be told from a table whose figures were
lost.

Bad: 2024 年度国有资本经营预算财政拨款支出决算表 with its header and an empty
合计 row, followed directly by the next table.
Good (wuchang-cyzx-2024-final, 公开08表): the empty table is followed by
"说明：…2024 年度无国有资本经营预算财政拨款支出。"
"""
from __future__ import annotations

from ...messages import say
from ..context import Context
from ..model import Check
from ..text import pattern, words

CODE = "CM02"
NAME = "empty-table-without-note"
FAMILY = "completeness"
SEVERITY = "warning"
SUMMARY = "An empty table has no note saying why it is empty."
SCOPE = "document"
KINDS = ()


def check(ctx: Context) -> list[Check]:
    empty = [t for t in ctx.tables if t.empty]
    if not empty or not ctx.lines:
        return []
    note = pattern("empty_note_pattern")
    window = int(words("note_window"))
    index = {(line.file, line.page, line.line): i for i, line in enumerate(ctx.lines)}
    starts = sorted(index.get((t.file, t.page, t.line_start), -1) for t in ctx.tables)
    checks = []
    for table in empty:
        first = index.get((table.file, table.page, table.line_start))
        last = index.get((table.file, table.page, table.line_end), first)
        if first is None:
            continue
        following = [s for s in starts if s > first]
        stop = min([following[0]] if following else [len(ctx.lines)])
        stop = min(stop, (last or first) + window + 1)
        lines = ctx.lines[first + 1:stop]
        if any(note.search(line.text) for line in lines):
            checks.append(ctx.agreement(CODE, ctx.lines[first], f"{table.label} {table.title.strip()}: empty, with a note"))
            continue
        checks.append(ctx.document_check(
            CODE, SEVERITY, ctx.lines[first], found=f"{table.label} {table.title.strip()} has no figures and no note",
            expected="a note saying why the table is empty (e.g. 本单位无…收入支出)",
            evidence=f"lines {ctx.lines[first].line}-{ctx.lines[stop - 1].line} searched",
            message=say("cm02.empty", table=table.label, name=table.name or table.title.strip())))
    return checks
