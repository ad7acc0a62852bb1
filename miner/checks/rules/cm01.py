"""CM01 required table missing.

What it checks: that a document publishes every table its kind requires
(`required` per kind in lexicons/identities.yaml: the nine 部门决算 tables,
the eight 部门预算 tables). A table only named in the table of contents or in
the text, with no table under its title, does not count.

Why it matters: the disclosure rules prescribe the set of tables; a missing
table hides the figures it would show, and the narrative's figures about it
cannot be checked.

Bad: a 部门决算 whose table of contents lists "九、财政拨款“三公”经费支出决算表"
but which ends its tables with 表8.
Good (wuchang-cyzx-2024-final): all nine tables, 公开01表 to 公开09表, three of
them empty with a note.
"""
from __future__ import annotations

from ...ingest.model import Line
from ...lexicon import load
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
    body = load("identities")["kinds"].get(ctx.kind)
    if not body or not ctx.lines:
        return []
    present = {t.key for t in ctx.tables}
    specs = {spec.key: spec for spec in table_specs() if spec.kind == ctx.kind}
    required = body.get("required", ())
    checks = [ctx.agreement(CODE, Place(table.file, table.page, table.line_start), f"{table.label} {table.name}")
              for key in required for table in [ctx.table(key)] if table is not None]
    missing = [key for key in required if key not in present]
    if not missing:
        return checks
    mentions = _Mentions(ctx.lines)
    for key in missing:
        spec = specs.get(key)
        name = spec.name if spec else key
        titles = [squash(t) for t in (spec.titles if spec else (key,))]
        mention = mentions.first(titles)
        where = mention or ctx.lines[0]
        note = (f"; it is named at line {mention.line} ({mention.text.strip()[:40]}), but no table follows"
                if mention else "")
        checks.append(ctx.document_check(
            CODE, SEVERITY, where, found=f"no {name}", expected=f"{name} (required for {ctx.kind} documents)",
            evidence=f"tables found: {', '.join(t.label + ' ' + t.name for t in ctx.tables if t.key) or 'none'}",
            message=f"the document does not publish {name}" + note))
    return checks
