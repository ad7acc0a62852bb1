"""Performance self-assessment forms (绩效自评表 / 绩效评价报告) as tables.

Disclosures attach one form per project and one for the whole department.
They are forms, not grids: a few labelled fields (基本支出总额 353.1万元) and a
budget execution row under a header (预算数(A) 执行数(B) 执行率(B/A) 得分),
then performance indicators. Their figures are table cells, so the prose
stage must not read them as narrative; the fields and the execution row
become rows of a table the checks can use. Patterns are data
(lexicons/tables.yaml, ``forms``).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import regex

from ..ingest.model import Document, Line
from ..lexicon import load
from ..numbers import find_mentions
from .model import Cell, Row, Table
from .spec import squash, squash_lines

_FIGURE = regex.compile(r"^\d[\d,]*(?:\.\d+)?%?$")
_ASIDE = regex.compile(r"^[（(].*[）)]$")
_SENTENCE = re.compile(r"[。，；]")     # tested on every line: the stdlib re scans a class twice as fast
_BLANKS = regex.compile(r"\s+")
_NOT_TITLE_ABOVE = regex.compile(r"[。，；：:]|\d\.\d")


@lru_cache(maxsize=1)
def _spec() -> dict:
    spec = dict(load("tables")["forms"])
    spec["title_re"] = regex.compile(spec["title"])
    spec["end_re"] = regex.compile(spec["end"])
    spec["field_re"] = regex.compile(spec["field"])
    spec["bare_title_re"] = regex.compile(spec["bare_title"])
    return spec


def _is_title(squashed: str) -> bool:
    """Whether a line, squashed, is a form's title: short, no sentence mark, the title pattern."""
    spec = _spec()
    return bool(squashed) and len(squashed) <= spec["title_max_chars"] and not _SENTENCE.search(squashed) \
        and spec["title_re"].search(squashed) is not None


def is_form_title(text: str) -> bool:
    if not text.strip() or _SENTENCE.search(text):
        return False    # tested before squash, which keeps these marks: most prose lines end here
    return _is_title(squash(text))


def _form_titles(lines: tuple[Line, ...]) -> list[bool]:
    """is_form_title of each line, the lines squashed in one pass.

    The same answers: squash keeps 。，；, so they are found after it as before; and a line
    blank to str.strip squashes to nothing or to the separators \x1c-\x1f (blank to Python,
    not Unicode White_Space), in which no title (a form's name) is found.
    """
    return [_is_title(text) for text in squash_lines(line.text for line in lines)]


def _figure(token: str) -> tuple[Decimal, int, bool] | None:
    token = token.strip()
    if not _FIGURE.match(token):
        return None
    mentions = find_mentions(token)
    if len(mentions) != 1:
        return None
    return mentions[0].value, mentions[0].decimals, token.endswith("%")


class _Builder:
    def __init__(self, label: str, unit: str):
        self.label, self.unit, self.rows = label, unit, []

    def add(self, row_label: str, figures: list[tuple[str, tuple, str]], line: Line) -> None:
        index = len(self.rows)
        cells = tuple(Cell(table=self.label, row=index, column=column, group="", row_code="", row_label=row_label,
                           value=value, decimals=decimals, raw=raw, page=line.page, line=line.line,
                           unit="%" if percent else self.unit)
                      for column, (value, decimals, percent), raw in figures)
        self.rows.append(Row(index=index, code="", label=row_label, group="", lineno="", cells=cells,
                             page=line.page, line=line.line))


def _execution_row(lines: list[Line], start: int, builder: _Builder) -> None:
    """The figures after the 预算数(A) 执行数(B) 执行率(B/A) header, with the label above or beside them."""
    spec = _spec()
    label_parts: list[str] = []
    for line in lines[start + 1:start + 9]:
        tokens = [t for t in _BLANKS.split(line.text.strip()) if t]
        figures = [(t, _figure(t)) for t in tokens]
        numbers = [(t, f) for t, f in figures if f is not None]
        words = [t for t, f in figures if f is None]
        if len(numbers) >= 2:
            label = "".join(words) or "".join(label_parts)
            columns = spec["execution_columns"]
            builder.add(label, [(columns[i], f, t) for i, (t, f) in enumerate(numbers[:len(columns)])], line)
            return
        text = squash(line.text)
        if text and not _ASIDE.match(text):
            label_parts.append(text)


def _form(lines: list[Line], label: str, title: str) -> Table | None:
    spec = _spec()
    builder = _Builder(label, spec["unit"])
    for index, line in enumerate(lines):
        if all(word in line.text for word in spec["execution_header"]):
            # one per form; a form printed without its own title runs on inside the one before
            _execution_row(lines, index, builder)
            continue
        for found in spec["field_re"].finditer(line.text):
            figure = _figure(found.group("value"))
            if figure is not None:
                builder.add(squash(found.group("label")), [(spec["field_column"], figure, found.group("value"))], line)
    if not builder.rows:
        return None
    columns = tuple(dict.fromkeys(("", c.column) for row in builder.rows for c in row.cells))
    return Table(label=label, key=spec["key"], name=spec["name"], title=title, kind="form", unit=spec["unit"],
                 page=lines[0].page, line_start=lines[0].line, line_end=lines[-1].line, columns=columns,
                 rows=tuple(builder.rows), layout="form", file=lines[0].file,
                 span=(lines[0].offset, lines[-1].offset), pages=tuple(sorted({ln.page for ln in lines})))


def _title_start(lines: tuple[Line, ...], index: int) -> int:
    """Where a form's title starts: a title line that is only the form's name (绩效目标表)
    continues the line above it (236中央高校…专项 / 绩效目标表)."""
    if not _spec()["bare_title_re"].match(squash(lines[index].text)):
        return index
    above = index - 1
    while above >= 0 and not lines[above].text.strip():
        above -= 1
    if above < 0:
        return index
    text = squash(lines[above].text)
    if 0 < len(text) <= _spec()["title_max_chars"] and not _NOT_TITLE_ABOVE.search(text) \
            and not is_form_title(text):
        return above
    return index


def forms_from_lines(doc: Document, taken: list[tuple[int, int]]) -> tuple[Table, ...]:
    """The forms of a document; ``taken`` are the spans of its standard tables, which end a form."""
    spec = _spec()
    # a form ends at the next form's title: each line is tested once
    is_title = _form_titles(doc.lines)
    titles = [i for i, title in enumerate(is_title) if title]
    if not titles:
        return ()
    in_table = doc.lines_within(taken)      # the standard tables' lines
    forms: list[Table] = []
    for title in titles:
        start = _title_start(doc.lines, title)
        lines: list[Line] = []
        for index, line in enumerate(doc.lines[start:], start=start):
            if len(lines) > title - start and (is_title[index] or spec["end_re"].match(line.text)
                                                or index in in_table):
                break
            if line.text.strip():
                lines.append(line)
        printed = "".join(squash(line.text) for line in doc.lines[start:title + 1])
        table = _form(lines, f"附表{len(forms) + 1}", printed)
        if table is not None:
            forms.append(table)
    return tuple(forms)
