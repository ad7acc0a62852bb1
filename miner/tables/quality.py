"""Whether the extraction visibly mis-read a table: then its sums and blanks prove nothing.

Judged from the table alone (and the first table of the document with the same
identity), never from whether its figures agree with anything.
"""
from __future__ import annotations

import regex

from ..lexicon import load
from .model import Table
from .spec import squash, table_specs

_ORDINAL_ANYWHERE = regex.compile(r"[一二三四五六七八九十]+\s*、")
_FIGURE_IN_LABEL = regex.compile(r"\d[\d,]*\.\d{2}")


def misread(table: Table, first_of_its_identity: Table | None) -> bool:
    """A table the extraction visibly mis-read: a figure left inside a row label, two rows'
    labels run together ("一、一般公共服务支出一、基本支出"), a figure on a row with neither
    label nor code (its label was lost), a column header its identity does not have, a title
    naming a fund none of its identity's titles name, or a table taken for an identity an earlier
    table of the document already has (``first_of_its_identity`` is not this one). Its sums, and
    its being empty, prove nothing."""
    # (a document attaches one performance form per project: several forms are expected)
    # a second table taken for the same identity is suspect, not the first (documents print
    # each standard table once; a unit's own copy or a repeated title comes later)
    return (first_of_its_identity is not table and table.kind != "form"
            or any(_FIGURE_IN_LABEL.search(row.label) or len(_ORDINAL_ANYWHERE.findall(row.label)) > 1
                   for row in table.rows)
            or (len(table.rows) > 1 and any(not row.label and not row.code
                                             and any(c.value is not None for c in row.cells)
                                             for row in table.rows))
            or bool(unknown_columns(table))
            or bool(other_fund(table)))


def other_fund(table: Table) -> str:
    """A fund the table's title names and no title of its identity does ("" when none)."""
    spec = next((s for s in table_specs() if s.key == table.key), None)
    if spec is None:
        return ""
    title = squash(table.title)
    named = [squash(t) for t in spec.titles] + [squash(spec.name)]
    return next((fund for fund in load("tables").get("fund_words", ())
                 if fund in title and not any(fund in t for t in named)), "")


def unknown_columns(table: Table) -> list[str]:
    """Columns its identity does not have: a header the extraction could not place (本年收入合·计),
    so the figures under the known columns may have moved too."""
    spec = next((s for s in table_specs() if s.key == table.key), None)
    if spec is None:
        return []
    known = {column for _group, column in spec.known_columns} | {f"{g}·{c}" for g, c in spec.known_columns}
    return [column for group, column in table.columns if column not in known and f"{group}·{column}" not in known]
