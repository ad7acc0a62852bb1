"""CM01 required table missing.

What it checks: that a full report publishes every table its kind requires
(`required` per kind in lexicons/identities.yaml: the nine 部门决算 tables,
the eight 部门预算 tables), under whatever title its template prints
(tables are identified by structure: 公开04表 财政拨款收支总表 is the
财政拨款收支预算总表). A table only named in the table of contents or in the
text, with no table under its title, does not count. Only full reports are
held to the set (tables.kind.document_scope): a short summary (北京's
budgets, whose tables are published apart) or a single section is not.

Why it matters: the disclosure rules prescribe the set of tables; a missing
table hides the figures it would show, and the narrative's figures about it
cannot be checked.

Bad: a 部门决算 whose table of contents lists "九、财政拨款“三公”经费支出决算表"
but which ends its tables with 表8.
Good (wuchang-cyzx-2024-final): all nine tables, 公开01表 to 公开09表, three of
them empty with a note.
"""
from __future__ import annotations

from ...messages import say
from ...ingest.model import Line
from ...tables.kind import FULL, document_scope, required_tables
from ...tables.spec import squash, squash_lines, table_specs
from ..context import Context
from ..model import Check, Place
from ..text import Joined

CODE = "CM01"
NAME = "required-table-missing"
FAMILY = "completeness"
SEVERITY = "warning"
SUMMARY = "A table the document kind must publish is not in the document (a table-of-contents entry does not count)."
SCOPE = "document"
KINDS = ()


class _Mentions:
    """The document's lines squashed (as titles are) once, joined, to find where a table is named."""

    def __init__(self, lines: tuple[Line, ...]):
        self.lines = lines
        self.joined = Joined(squash_lines(line.text for line in lines))

    def first(self, titles: list[str]) -> Line | None:
        """The first line naming one of the (squashed) titles. A squashed title has no whitespace,
        so it is found within one line; one search of the joined text per title, not one per line."""
        found = [at for at in (self.joined.text.find(title) for title in titles) if at >= 0]
        return self.lines[self.joined.index(min(found))] if found else None


def check(ctx: Context) -> list[Check]:
    if not ctx.lines:
        return []
    required = required_tables(ctx.kind)
    pages = max(line.page for line in ctx.lines)
    if not required or document_scope(ctx.kind, ctx.tables, pages) != FULL:
        return []       # a summary or a single section is not meant to print the whole set
    present = {t.key for t in ctx.tables}
    specs = {spec.key: spec for spec in table_specs() if spec.kind == ctx.kind}
    checks = [ctx.agreement(CODE, Place(table.file, table.page, table.line_start), f"{table.label} {table.name}")
              for choices in required for table in [next((ctx.table(k) for k in choices if ctx.table(k)), None)]
              if table is not None]
    missing = [choices for choices in required if not present.intersection(choices)]
    if not missing:
        return checks
    mentions = _Mentions(ctx.lines)
    for choices in missing:
        key = choices[0]
        spec = specs.get(key)
        name = spec.name if spec else key
        titles = [squash(t) for t in (spec.titles if spec else (key,))]
        mention = mentions.first(titles)
        where = mention or ctx.lines[0]
        note = say("cm01.named_at", line=mention.line, text=mention.text.strip()[:40]) if mention else ""
        others = [specs[k].name for k in choices[1:] if k in specs]
        expected = f"{name}{' (or ' + ' / '.join(others) + ')' if others else ''} (required for {ctx.kind} documents)"
        checks.append(ctx.document_check(
            CODE, SEVERITY, where, found=f"no {name}", expected=expected,
            evidence=f"tables found: {', '.join(t.label + ' ' + t.name for t in ctx.tables if t.key) or 'none'}",
            message=say("cm01.missing", table=name, note=note)))
    return checks
