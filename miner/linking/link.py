"""Bind claims to table cells by labels: subject -> row, measure/section -> table and column.

Candidates come from the labels only (lexicons/measures.yaml and
lexicons/sections.yaml); all of them are kept, ordered by the section the
sentence stands in. Values are never looked at here: choosing the cell whose
value agrees with the claim would hide exactly the errors we look for.

Every link says why (``Link.basis``, the ``link_basis`` column of claims.csv):
the measure and the words that named it, the section entry that put a table
first, and the table, row and column the labels found; a claim left without a
cell says at which step the linking stopped.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from ..claims.names import normalise_name
from ..claims.words import grammar
from ..claims.model import Claim
from ..lexicon import load, operand_measure
from ..messages import render, say
from ..tables.lookup import clean_label, is_unit_label, total_row
from ..tables.model import Row, Table
from ..tables.spec import table_specs
from .absent import printed_anywhere, printed_figures
from .model import Link


@lru_cache(maxsize=1)
def _measures() -> dict:
    return {m["key"]: m for m in load("measures")["measures"]}


@lru_cache(maxsize=1)
def _spec_names() -> dict[str, str]:
    return {spec.key: spec.name for spec in table_specs()}


@lru_cache(maxsize=1)
def _sections() -> tuple[tuple[str, tuple[str, ...], frozenset[str], bool], ...]:
    entries = []
    for words, body in load("sections")["sections"].items():
        tables, measures = (body.get("tables", ()), body.get("measures", ())) if isinstance(body, dict) else (body, ())
        # rows: false — the items this section names are not table rows even where a row has the name
        rows = body.get("rows", True) if isinstance(body, dict) else True
        entries.append((words, tuple(tables), frozenset(measures), bool(rows)))
    return tuple(sorted(entries, key=lambda e: -len(e[0])))


@lru_cache(maxsize=1)
def _cited_table():
    return regex.compile(load("sections")["cited_table"])


def _section_of(section: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], bool, str] | None:
    """(tables, measures, whether its items are table rows, the sections.yaml words that named them)
    of a claim's section."""
    # The chapter heading (一、… 五、…) decides, or a sub-heading naming 三公.
    for heading in section[1:] or section:
        squashed = heading.replace(" ", "")
        for words, tables, measures, rows in _sections():
            if words in squashed:
                return tables, measures, rows, words
    return None


def _measure_words(claim: Claim) -> str:
    """The words of the claim's measure (measures.yaml) its clause states, the longest; ""
    when the measure came from the subject (a 三公 item, a classification item)."""
    words = _measures().get(claim.measure, {}).get("words", ())
    before = claim.context or claim.sentence[:claim.start]
    found = [word for word in words if word in before] or [word for word in words if word in claim.sentence]
    return max(found, key=len) if found else ""


def _under_an_item(claim: Claim) -> bool:
    """Whether a claim stands under a heading that names a classification item by its code
    (sections.yaml item_code_heading)."""
    return bool(claim.section and _item_code_heading().search(claim.section[-1]))


@lru_cache(maxsize=1)
def _item_code_heading():
    return regex.compile(load("sections")["item_code_heading"])


def _qualifier(claim: Claim, words: str) -> str:
    """The words right before the measure word in its clause ("政府性基金预算" in
    "政府性基金预算财政拨款收入", "事业单位经营" in "其中：…、事业单位经营支出0.00万元"), without a list
    marker (lexicons/claims.yaml parts_markers)."""
    if not words:
        return ""
    before = (claim.context or claim.sentence[:claim.start]).replace(" ", "")
    at = before.rfind(words)
    if at < 0:
        return ""
    qualifier = regex.split(r"[，,；;：:、。]", before[:at])[-1]
    for marker in load("claims")["parts_markers"]:
        qualifier = qualifier.replace(marker, "")
    return qualifier


def _fund_named(qualifier: str) -> str:
    """The fund (lexicons/tables.yaml fund_words) the measure word's qualifier names: only a table
    of that fund prints the figure."""
    return next((fund for fund in load("tables").get("fund_words", ()) if fund in qualifier), "")


def _one_fund_named(text: str) -> bool:
    return any(word in text for word in load("tables")["fund_table_words"])


def _one_fund(table: Table) -> bool:
    """Whether the table's name says it holds one fund's figures (lexicons/tables.yaml fund_table_words)."""
    return _one_fund_named(table.name)


def _narrower_part(claim: Claim, qualifier: str) -> bool:
    """A part listed after 其中 whose measure word is narrowed by words that name no subject
    ("其中：基本支出…、事业单位经营支出0.00万元" (泉州)): one item of the breakdown, never the table's
    total (the qualifier's item is a row the linker does not know)."""
    return bool(claim.parts_of) and not claim.subject and len(regex.sub(r"[^\p{Han}]", "", qualifier)) >= 2


def _row_text(row: Row) -> str:
    return f"{row.code} {row.label}".strip() or "(unlabelled)"


@dataclass(frozen=True)
class _Tables:
    """A document's tables as the linker looks them up, built once per document (every claim
    looks up the same rows): by identity, and each row label's normalise_name."""

    by_key: dict[str, list[Table]]
    names: dict[str, str]      # row label -> normalise_name(label)
    # what the claims of a document share, found once: the tables and measures of each section,
    # the link of each whole a share names after 占
    sections: dict = field(default_factory=dict)
    wholes: dict = field(default_factory=dict)

    def section(self, claim: Claim) -> tuple[tuple[str, ...], frozenset[str], bool, str] | None:
        if claim.section not in self.sections:
            self.sections[claim.section] = self._cited(claim.section) or _section_of(claim.section)
        return self.sections[claim.section]

    def _cited(self, section: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], bool, str] | None:
        """The section's entry when its deepest heading that cites a table (详见表4) cites one this
        document prints with a known identity: that table first, then the heading words' tables."""
        for heading in reversed(section):
            found = _cited_table().search(heading.replace(" ", ""))
            if found is None:
                continue
            label = f"表{found.group(1)}"
            key = next((key for key, printed in self.by_key.items() if key
                        and any(t.label == label for t in printed)), None)
            if key is None:
                return None
            named = _section_of(section)
            tables, measures, rows, words = named if named else ((), frozenset(), True, "")
            return (key,) + tuple(t for t in tables if t != key), measures, rows, found.group(0)
        return None

    def names_of(self, keys) -> str:
        """Table identities as a reader knows them: the document's table (表5 一般公共预算…) or the
        identity's standard name when the document does not print it."""
        names = []
        for key in keys:
            printed = self.by_key.get(key)
            names.append(f"{printed[0].label} {printed[0].name}".strip() if printed else _spec_names().get(key, key))
        return ", ".join(dict.fromkeys(names))

    @classmethod
    def of(cls, tables: tuple[Table, ...]) -> "_Tables":
        by_key: dict[str, list[Table]] = {}
        for table in tables:
            by_key.setdefault(table.key, []).append(table)
        names = {row.label: normalise_name(row.label) for table in tables for row in table.rows}
        return cls(by_key, names)


def _names_of(wanted: str) -> frozenset[str]:
    """The row names (normalise_name) that name `wanted`, itself normalised: the same name, with or
    without an ending of measures.yaml name_endings (支出), or a start of it of 5 characters or
    more (labels clipped by the extraction: 社会保障和就业支). A set, so that rows are matched by
    lookups rather than comparisons."""
    if not wanted:
        return frozenset()
    names = {wanted} | {wanted + ending for ending in _name_endings()} | {wanted[:end] for end in range(5, len(wanted))}
    for ending in _name_endings():
        if wanted.endswith(ending) and len(wanted) > len(ending):
            names.add(wanted[:-len(ending)])
    return frozenset(names)


@lru_cache(maxsize=1)
def _prior_words() -> tuple[str, ...]:
    return tuple(load("claims")["prior_period_words"])


@lru_cache(maxsize=1)
def _name_endings() -> tuple[str, ...]:
    return tuple(load("measures")["name_endings"])


def _subject_rows(table: Table, claim: Claim, group: str, names: dict[str, str]) -> tuple[list[Row], str]:
    """The rows naming the claim's subject, and by what (for the link's basis)."""
    lines, among = _unit_lines(table, group, claim)
    if claim.subject_code and any(r.code for r in table.rows):
        # the prose gives the code: it decides between rows that share a name
        return ([r for r in lines if r.code == claim.subject_code],
                f"the code {claim.subject_code} the prose gives{among}")
    naming_subject = _names_of(normalise_name(claim.subject))
    rows = [r for r in lines if names[r.label] in naming_subject]
    why = f"the subject {claim.subject}{among}"
    if rows and len(claim.subject_path) > 1:
        parent = claim.subject_path[-2]
        naming_parent = _names_of(normalise_name(parent))
        by_code = {r.code: r for r in table.rows if r.code}
        if any(r.code for r in rows):
            under = [r for r in rows if r.code and r.code[:-2] in by_code
                     and names[by_code[r.code[:-2]].label] in naming_parent]
            if under and len(rows) > 1:
                rows, why = under, f"{why} under {parent}"
            elif not under:
                # an item whose parent row the table prints under another name is another item of the
                # same name (林业和草原（款）一般行政管理事务（项） is not 2130302 under 水利 (苏州 水务局))
                rows = [r for r in rows if not (r.code and r.code[:-2] in by_code)]
        elif len(rows) > 1:
            # rows without codes (杭州 表5 prints names only): an item's row is the first of its name
            # after its parent's row, as the table lists each 款 with its 项 below it
            following = {row.index: row for row in (next((r for r in rows if r.index > p.index), None)
                                                     for p in lines if names[p.label] in naming_parent) if row}
            if len(following) == 1:
                rows, why = list(following.values()), f"{why} under {parent}"
    return rows, why


def _chapter_heading(claim: Claim) -> str:
    """The deepest heading of the claim's section numbered as a chapter (一、… 十六、…), without
    its ordinal; "" when there is none."""
    for heading in reversed(claim.section[1:]):
        if _CHAPTER.match(heading):
            return clean_label(heading)
    return ""


_CHAPTER = regex.compile(r"^\s*[一二三四五六七八九十]+\s*、")


def _unit_scope(table: Table, group: str, claim: Claim) -> tuple[str, Row | None, str]:
    """What part of a table a claim speaks of where the table is headed by budget units' rows.

    A department of several units prints its own row first, then each unit's row above that
    unit's lines, and its prose speaks of each unit in a chapter naming it (二、深圳市劳动人事
    争议仲裁院): ("unit", the row of the unit the claim's chapter names, or the department's
    outside such chapters, why); ("none", None, "") for a chapter naming a unit no row prints
    (the department's figures would be another unit's); ("whole", None, "") for any other table."""
    first = total_row(table, group)
    if first is None or not is_unit_label(first.label):
        return "whole", None, ""
    labels = _whole_labels(table, group)
    if sum(1 for _row, label in labels if is_unit_label(label)) <= 1:
        return "whole", None, ""
    chapter = _chapter_heading(claim)
    if not chapter:
        return "unit", first, "the department's row, the first"
    own = _without_own_level(chapter)
    # the same name; else the same unit with its 本级 written otherwise (本级 / （本级）), or a
    # chapter without 本级 naming the unit's own row (never a 本级 chapter the department's row);
    # each also with the chapter leaving out the start of the name (市建筑工务署本级 for
    # 深圳市建筑工务署（本级）), where one row only ends so
    tests = (lambda label: label == chapter,
             lambda label: _without_own_level(label) == own and label != _without_own_level(label),
             lambda label: len(chapter) >= _SHORT_NAME and label.endswith(chapter),
             lambda label: len(own) >= _SHORT_NAME and label != _without_own_level(label)
             and _without_own_level(label).endswith(own))
    for test in tests:
        found = [row for row, label in labels if test(label)]
        if len(found) == 1:
            return "unit", found[0], f"the row of the unit its section names ({chapter})"
    if not is_unit_label(chapter):
        # a chapter about something else (二、实施部门预算绩效管理的项目情况): the department's
        return "unit", first, "the department's row, the first"
    return "none", None, ""


def _unit_total(table: Table, group: str, first: Row, claim: Claim) -> tuple[Row | None, str]:
    """The total row of a table headed by budget units' rows: the first (the unit's, or the
    department's), or the row of the unit the claim's chapter names (_unit_scope)."""
    scope, row, why = _unit_scope(table, group, claim)
    if scope == "whole":
        return first, "the total row: the first row, naming the unit"
    return row, why


def _unit_lines(table: Table, group: str, claim: Claim) -> tuple[tuple[Row, ...], str]:
    """The rows a claim's subject is looked up in: in a table headed by several units' rows, the
    lines of the unit its chapter names (from its row to the next unit's: each unit prints its
    own 对个人和家庭的补助); else all."""
    rows = tuple(row for row in table.rows if not group or row.group == group)
    scope, unit, why = _unit_scope(table, group, claim)
    if scope == "whole":
        return rows, ""
    if unit is None:
        return (), ""
    starts = {row.index for row, label in _whole_labels(table, group) if is_unit_label(label)}
    at = rows.index(unit)
    end = next((k for k in range(at + 1, len(rows)) if rows[k].index in starts), len(rows))
    return rows[at + 1:end], f" among the lines of {why}"


# the fewest characters of a unit's name a chapter may give for the end of a row's
_SHORT_NAME = 6


def _whole_labels(table: Table, group: str) -> list[tuple[Row, str]]:
    """The rows without a code of a table's panel, each with its whole label: a name too long for
    its cell goes on over the rows below that print no figure (深圳市水务工程质量安全监 / 督站)."""
    rows = [row for row in table.rows if not group or row.group == group]
    labels = []
    for at, row in enumerate(rows):
        if row.code or not any(cell.value is not None for cell in row.cells):
            continue
        label = clean_label(row.label)
        for below in rows[at + 1:]:
            if below.code or any(cell.value is not None for cell in below.cells):
                break
            label += clean_label(below.label)
        labels.append((row, label))
    return labels


def _without_own_level(label: str) -> str:
    """A unit's name without the 本级 that sets its own budget apart from its department's."""
    return _own_level().sub("", label)


@lru_cache(maxsize=1)
def _own_level():
    return regex.compile(load("tables")["own_level_suffix"])


_YEAR = regex.compile(r"(20\d{2})\s*年")


def _year_rows(rows: list[Row], claim: Claim) -> tuple[list[Row], str]:
    """A one-line table printed once per year (深圳 三公: 深圳市信访局 2025年 / 2026年 / 增减变化金额):
    the row of the year the claim speaks of, the latest for its current figures, the earliest for
    the previous year's; the rows as they are, and "", where fewer than two rows name a year."""
    years = [(int(found.group(1)), row) for row in rows for found in [_YEAR.search(row.label)] if found]
    if len({year for year, _row in years}) < 2:
        return rows, ""
    year, row = (min if claim.period == "prior" else max)(years, key=lambda pair: pair[0])
    return [row], f"{year}年"


def _fund_parts(target: dict, table: Table, claim: Claim) -> tuple[tuple, str]:
    """The cells a column subject's figure is the sum of where the table splits each column into
    funds (tables.yaml fund_columns: 深圳 三公 公务接待费·一般公共预算 + ·政府性基金预算 +
    ·国有资本经营预算), in the row of the claim's year; () where the table prints no such split."""
    subjects = load("measures")["column_subjects_budget"]
    wanted = subjects.get(claim.subject) or subjects.get(claim.subject.replace("(", "（").replace(")", "）"))
    if not wanted or target.get("subject_column") != "budget":
        return (), ""
    names = {normalise_name(wanted)} | {normalise_name(p) for p in load("measures")["column_printed_as"].get(wanted, ())}
    funds = load("tables").get("fund_columns", ())
    rows, year = _year_rows(list(table.rows), claim)
    for row in rows[:1]:
        parts = tuple(cell for cell in row.cells if "·" in cell.column and cell.column.rsplit("·", 1)[1] in funds
                      and _names_item(normalise_name(cell.column.rsplit("·", 1)[0]), names))
        if parts:
            where = f"the row of {year}" if year else f"row {_row_text(row)}"
            return parts, (f"{table.label} {table.name}, {where}, the sum of the funds' columns of "
                           f"{wanted}: {' + '.join(cell.column for cell in parts)}")
    return (), ""


def _names_item(item: str, names: set[str]) -> bool:
    """Whether a column's headings (公务用车购置及运行维护费·公务用车购置费) name the item: all of them,
    or their last (the parent heading left out)."""
    return item in names or item.rsplit("·", 1)[-1] in names


def _resolve(target: dict, table: Table, claim: Claim, names: dict[str, str]) -> tuple[list, str, str]:
    """The cell a target names in a table, how the labels found it, and why that may be the wrong
    one ("" when nothing says so: several rows of the table name the subject alike)."""
    column = target["column"]
    group = ""
    if "·" in column and column.split("·")[0] in {g for g, _c in table.columns}:
        group, column = column.split("·", 1)
    if target.get("subject_column"):
        budget = target["subject_column"] == "budget"
        subjects = load("measures")["column_subjects_budget" if budget else "column_subjects"]
        sub = subjects.get(claim.subject) or subjects.get(claim.subject.replace("(", "（").replace(")", "）"))
        if not sub:
            return [], "", ""
        column = sub if budget else f"{column.split('·')[0]}·{sub}"
        rows, year = _year_rows(list(table.rows), claim)
        why = (f"the row of {year}" if year else "the first row") + \
            f"; the column names {claim.subject} (measures.yaml column_subjects)"
    else:
        wanted = target["row"]
        if wanted == "subject" or (wanted == "subject_or_total" and claim.subject):
            if not claim.subject:
                return [], "", ""
            rows, why = _subject_rows(table, claim, group, names)
        elif wanted in ("total", "subject_or_total"):
            row = total_row(table, group)
            why = "the total row"
            if row is not None and is_unit_label(row.label):
                row, why = _unit_total(table, group, row, claim)
            rows = [row] if row else []
        elif wanted == "any":
            rows, year = _year_rows([r for r in table.rows if (not group or r.group == group)
                                     and r.cell(column) is not None], claim)
            rows = rows[:1]
            why = f"the row of {year}" if year else "the row that prints the column"
        else:
            naming_wanted = _names_of(normalise_name(wanted))
            rows = [r for r in table.rows if (not group or r.group == group) and names[r.label] in naming_wanted]
            why = f"the measure names the row {wanted}"
    cells = []
    for row in rows[:1]:
        cell = row.cell(column)
        if cell is not None:
            cells.append(cell)
            alike = [r for r in rows if r.cell(column) is not None]
            doubt = (say("link.alike", count=len(alike), table=table.label, subject=claim.subject or target['row'])
                     if len(alike) > 1 and target.get("row") not in ("total", "any") else "")
            return cells, f"{table.label} {table.name}, row {_row_text(row)} ({why}), column {column}", doubt
    return cells, "", ""


def _share_whole(claim: Claim, tables: _Tables) -> Link:
    """The whole of a share named after 占 (占本年支出合计的): a total cell."""
    for words, key in sorted(load("measures")["denominators"].items(), key=lambda p: -len(p[0])):
        if words in claim.denominator_words.replace(" ", ""):
            # The words name the whole outright: no section narrows it. Nor does anything else of
            # the share's (its measure names a cell, so its own words are not looked at): the
            # link is the measure's, the same for every share that names it.
            if key not in tables.wholes:
                whole = replace(claim, kind="amount", measure=key, subject="", subject_path=(), section=())
                tables.wholes[key] = link_claim(whole, tables)
            link = tables.wholes[key]
            basis = f"the whole: 占{words} names {key} (measures.yaml denominators); " + link.basis
            return replace(link, claim_id=claim.id, basis=basis)
    return Link(claim.id, reason=say("link.whole_not_table", words=claim.denominator_words),
                basis="no link at the whole's words (measures.yaml denominators)")


# The figures a completion rate or a change against the budget is computed
# from, by role (``budget`` and ``actual``: their measures are the lexicon's
# operand_measures), with the claim's relation field that states it in the sentence.
_OPERANDS = {
    "rate": (("budget", "denominator"), ("actual", "numerator")),
    "budget_change": (("budget", "denominator"), ("actual", "base")),
    # a change on the previous year: the current figure it starts from, of the change's own measure
    "change": (("current", "base"),),
}


def _operands(claim: Claim, tables: _Tables) -> tuple[tuple[str, Link], ...]:
    """Cells for the figures a rate or a change speaks of but its sentence does not state.

    "完成年初预算的 0%" after "因公出国(境)费支出决算为 0.00万元": the 年初预算
    of 因公出国(境)费 is a cell of the 三公 table, found by the same labels.
    """
    if claim.kind == "rate":
        roles = _OPERANDS["rate"]
    elif claim.kind in ("change_amount", "change_rate"):
        roles = _OPERANDS["budget_change" if claim.base_period == "budget" else "change"]
    else:
        return ()
    if not claim.subject:
        return ()
    found = []
    for role, relation in roles:
        if getattr(claim, relation):
            continue
        measure = (claim.measure or operand_measure("actual")) if role == "current" else operand_measure(role)
        figure = replace(claim, kind="amount", measure=measure, denominator_words="")
        link = link_claim(figure, tables)
        if link.linked:
            found.append((role, link))
    return tuple(found)


@lru_cache(maxsize=1)
def _item_tables() -> dict[str, dict]:
    """sections.yaml words -> the table (and its column) whose rows are the items the section
    lists (`items`)."""
    return {words: body["items"] for words, body in load("sections")["sections"].items()
            if isinstance(body, dict) and body.get("items")}


def _listed_item(claim: Claim, tables: _Tables) -> Link | None:
    """A numbered item of a section whose items a table prints as its rows (sections.yaml `items`:
    深圳 "（五）项目支出1,612.29万元，具体包括：1.社工服务项目498.82万元" and 表5 项目支出总表's row
    社工服务项目): the row whose whole label is the item's name, the only one among the lines of the
    claim's unit; None where the claim is no such item."""
    section = tables.section(claim)
    items = _item_tables().get(section[3]) if section else None
    if not items:
        return None
    g = grammar()
    numbered = g.item_numbering.match(claim.context)
    if not numbered:
        return None
    name = normalise_name(claim.context)
    if not name:
        return None
    for table in tables.by_key.get(items["table"], []):
        lines, among = _unit_lines(table, "", claim)
        inside = {row.index for row in lines} if among else None
        rows = [row for row, label in _whole_labels(table, "")
                if normalise_name(label) == name and (inside is None or row.index in inside)]
        if len(rows) != 1 or rows[0].cell(items["column"]) is None or rows[0].cell(items["column"]).blank:
            continue    # (a blank among the row's figures is a figure the extraction lost, not a 0)
        row = rows[0]
        return Link(claim.id, cells=(row.cell(items["column"]),),
                    basis=f"the item {name} the section lists (sections.yaml: {section[3]} items): "
                          f"{table.label} {table.name}, row {_row_text(row)}{among}, column {items['column']}")
    return None


def link_claim(claim: Claim, tables: _Tables) -> Link:
    if claim.kind == "share" and claim.denominator_words:
        return _share_whole(claim, tables)
    if claim.kind in ("rate", "change_amount", "change_rate"):
        operands = _operands(claim, tables)
        if operands:
            basis = "; ".join(f"its {role} figure, not stated in the sentence: {link.basis}" for role, link in operands)
            return Link(claim.id, operands=operands, basis=basis)
    if claim.kind not in ("amount",):
        return Link(claim.id, reason="")
    # a numbered item whose whole name a row of its section's item table prints is that row, whatever
    # measure its words give (2.口岸管理业务40,000.70万元: 口岸管理 is also a 功能 name)
    item = _listed_item(claim, tables)
    if item is not None:
        return item
    if not claim.measure:
        what = claim.context[-20:] or claim.sentence[max(0, claim.start - 20):claim.start]
        return Link(claim.id, reason=say("link.no_measure", words=what),
                    basis="no link at the measure: no measure word of measures.yaml before the figure")
    measure = _measures().get(claim.measure, {})
    words = _measure_words(claim)
    if claim.period == "prior" and not any(word in words for word in _prior_words()):
        # 上年执行数为0.00万元, 去年预算数为0万元: the tables print this year's figures (上年结转 names
        # its own line); the previous year's figure is the base of the change beside it
        return Link(claim.id, reason=say("link.prior_period", measure=claim.measure),
                    basis=f"no link at the period: measure {claim.measure} of the previous year "
                          f"(lexicons/claims.yaml prior_period_words)")
    named = f"measure {claim.measure}" + (f" (the words {words})" if words else
                                          f" (from the subject {claim.subject})" if claim.subject else "")
    targets = measure.get("targets", [])
    if not targets:
        return Link(claim.id, reason=say("link.measure_not_printed", measure=claim.measure),
                    basis=f"no link at the tables: {named} has no table cells in measures.yaml")
    section = tables.section(claim)
    preferred = section[0] if section else None
    if preferred == () and (not claim.subject or not section[2]) and claim.measure not in section[1]:
        return Link(claim.id, reason=say("link.section_items"),
                    basis=f"no link at the section: sections.yaml {section[3]} names no table for {named}")
    if section and _cited_table().fullmatch(section[3]) and not any(t["table"] == preferred[0] for t in targets):
        # the heading cites the table its figures come from, and the measure has no cell there
        return Link(claim.id, reason=say("link.cited_table", table=tables.names_of(preferred[:1]), measure=claim.measure),
                    basis=f"no link at the section: its heading cites {tables.names_of(preferred[:1])} "
                          f"({section[3]}), which prints no cell for {named}")
    # a target only the claim's section or its own measure word may point to (measures.yaml section_only)
    targets = [t for t in targets if not t.get("section_only") or words or (preferred and t["table"] in preferred)]
    if preferred and any(t["table"] in preferred for t in targets):
        # The section names its tables: the same measure in another table is another figure.
        targets = [t for t in targets if t["table"] in preferred]
        named += f"; its section (sections.yaml: {section[3]}) points to {tables.names_of(preferred)}"
    preferred = preferred or ()
    def names_column(target: dict) -> bool:
        key = "column_subjects_budget" if target["subject_column"] == "budget" else "column_subjects"
        subjects = load("measures")[key]
        return claim.subject in subjects or claim.subject.replace("(", "（").replace(")", "）") in subjects

    targets = [t for t in targets if not t.get("subject_column") or names_column(t)]
    if not targets:
        return Link(claim.id, reason=(say("link.subject_not_printed", measure=claim.measure, subject=claim.subject)
                                      if claim.subject else say("link.item_not_printed", measure=claim.measure)),
                    basis=f"no link at the columns: no column of measures.yaml column_subjects names {claim.subject}")
    order = sorted(range(len(targets)), key=lambda i: (
        preferred.index(targets[i]["table"]) if targets[i]["table"] in preferred else len(preferred), i))
    qualifier = _qualifier(claim, words)
    fund = _fund_named(qualifier)
    narrower = _narrower_part(claim, qualifier)
    cells, empty, hows, doubts = [], [], [], []
    parts: tuple = ()
    parts_how = ""
    for index in order:
        target = targets[index]
        if "rows" in target:
            # the sum of classification rows: the first table that prints any of them
            for table in tables.by_key.get(target["table"], []):
                lines, _among = _unit_lines(table, "", claim)
                found = tuple(row.cell(target["column"]) for row in lines if row.code in target["rows"])
                found = tuple(c for c in found if c is not None)
                if found and not parts:
                    parts = found
                    parts_how = (f"{table.label} {table.name}, the sum of rows {' + '.join(target['rows'])}, "
                                 f"column {target['column']}")
            continue
        for table in tables.by_key.get(target["table"], []):
            if claim.subject and target["row"] in ("total",) :
                continue
            if not claim.subject and target["row"] in ("total", "subject_or_total") and (
                    narrower or _under_an_item(claim)):
                continue    # one item (of a breakdown, or under an item's heading) is no table's total
            if not claim.subject and not claim.parts_of and target["row"] in ("total", "subject_or_total") \
                    and _one_fund(table) and not _one_fund_named(claim.sentence[:claim.start]) \
                    and not _one_fund_named(" ".join(claim.section[1:])):
                # 支出预算2,616万元: all funds' total, not the total of 表5 一般公共预算支出预算表 (a part
                # of a list is of its whole's fund, which an earlier sentence may name, as a heading
                # does for its section: 湖州 （六）…一般公共预算基本支出情况说明 / 公用经费3141.51 万元)
                continue
            if fund and not claim.subject and fund not in table.name and fund not in table.title:
                # 政府性基金预算财政拨款收入0.00万元: the fund's income, not the fiscal summary's 收入合计
                # (a subject names its row, which may carry the fund: 二十二、国有资本经营预算支出)
                continue
            if not claim.subject and target["row"] == "subject":
                continue
            if table.empty:
                empty.append((table.label, table.key))
                continue
            found, how, doubt = _resolve(target, table, claim, tables.names)
            if not found and not parts:
                parts, parts_how = _fund_parts(target, table, claim)
            for cell in found:
                if cell not in cells:
                    cells.append(cell)
                    hows.append(how)
                    doubts.append(doubt)
    if cells:
        others = len(cells) - 1 + len(empty)
        also = f" (and {others} other table{'s' if others > 1 else ''})" if others > 0 else ""
        doubt = doubts[0]
        return Link(claim.id, cells=tuple(cells), empty_tables=tuple(label for label, _key in empty),
                    basis=f"{named}: {hows[0]}{also}" + (f" ({render(doubt, 'en')})" if doubt else ""), doubt=doubt)
    # A table that prints no figure is evidence of a 0 only where the claim's section speaks about
    # that very table (the 三公 section and its empty 三公 table); any other empty table is no
    # evidence of anything, least of all a 0 to compare the stated amount with.
    spoken = [label for label, key in empty if key in preferred]
    if spoken:
        return Link(claim.id, empty_tables=tuple(spoken),
                    basis=f"{named}: {'、'.join(spoken)}, a table printed empty that the section speaks about")
    if empty:
        return Link(claim.id, reason=say("link.empty_unspoken", tables='、'.join(label for label, _key in empty)),
                    basis=f"no link at the tables: {named}; {'、'.join(label for label, _key in empty)} print no "
                          f"figure and the section does not speak about them")
    if parts:
        return Link(claim.id, parts=parts, basis=f"{named}: {parts_how}")
    return Link(claim.id, reason=(say("link.no_row_for", measure=claim.measure, subject=claim.subject) if claim.subject
                                  else say("link.no_row", measure=claim.measure)),
                basis=f"no link at the rows: {named}; no row of "
                      f"{tables.names_of(dict.fromkeys(t['table'] for t in targets))} names {claim.subject or 'its total'}")


def _absent(claim: Claim, link: Link, figures) -> Link:
    """An amount left without a cell whose figure no table prints either: its reason says the
    evidence is not in the document (linking.absent), the linker's own reason kept inside."""
    if link.linked or not link.reason or claim.kind != "amount" or printed_anywhere(claim, figures):
        return link
    return replace(link, reason=say("link.not_in_document", figure=claim.text, why=link.reason),
                   basis=f"{link.basis}; no table of this document prints {claim.text} (linking.absent)")


def link_claims(claims: tuple[Claim, ...], tables: tuple[Table, ...]) -> dict[str, Link]:
    indexed = _Tables.of(tables)
    figures = printed_figures(tables)
    return {claim.id: _absent(claim, link_claim(claim, indexed), figures) for claim in claims}
