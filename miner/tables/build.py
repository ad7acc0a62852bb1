"""Recognise tables in a document's lines (text sources).

Two layouts occur in text extractions: tab-separated rows, where a cell's
position is its column; and rows flattened into space-separated tokens, where
positions are lost and values are placed by the order the standard form
prints its columns, panel by panel (see lexicons/tables.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from ..ingest.model import Document, Line
from ..numbers import ParsedNumber, parse_chinese_integer, parse_number
from .model import Cell, Row, Table
from .placement import place_values
from .forms import forms_from_lines
from .grid import table_from_rows
from .kind import document_kind
from .transpose import items_as_columns
from .patterns import CODE, FIGURE_SPACED
from .spec import PanelSpec, TableSpec, match_title, squash, title_core, total_words

_UNIT = regex.compile(r"(?:金额)?单位[:：]\s*(万元|亿元|千元|元)")
_UNIT_SPLIT = regex.compile(r"(?:金额)?单位[:：]\s*(万|亿|千)\s*$")
_TABLE_NO = regex.compile(
    r"公开\s*0?(\d+)\s*表|[（(]\s*表\s*(\d+)\s*[）)]|^\s*(?:公开)?表\s*([0-9]+|[一二三四五六七八九十]+)\s*[：:]?\s*$"
    r"|^\s*(?:公开)?表\s*([0-9]+|[一二三四五六七八九十]+)\s*[：:]")
_END = regex.compile(r"^\s*(?:注[:：]|说明[:：]|第[一二三四五六七八九十]+部分)")
_INTEGER = regex.compile(r"^\d{1,3}$")
_DIGIT = regex.compile(r"\d")
_SPLIT_SPACES = regex.compile(r"\s+")


@dataclass
class _Region:
    spec: TableSpec
    title: Line
    lines: list[Line] = field(default_factory=list)
    unit: str = ""
    number: str = ""
    title_text: str = ""        # the title as printed, joined when it wraps onto a second line
    repeated_on: int = 0        # the page on which the title was printed again (a continuation)


def _repeats(current: "_Region | None", spec: TableSpec, lines: tuple[Line, ...], index: int, span: int) -> bool:
    """Whether the title at lines[index] is the open table's own, printed again on the next page."""
    if current is None or current.spec is not spec or not current.lines:
        return False
    line, last = lines[index], current.lines[-1]
    text = squash("".join(ln.text for ln in lines[index:index + span]))
    # 表1 / 收支总表 printed again over the rest of 表1 (深圳): its own number is no new table
    numbers = {_table_number(before.text) for before in lines[max(0, index - 2):index]} - {""}
    numbered = bool(numbers) and numbers != {current.number}
    return (text == squash(current.title_text) and not numbered and line.file == last.file
            and line.page == last.page + 1)


def _longest_title(spec: TableSpec) -> int:
    return max((len(title) for title in spec.titles), default=0)


def _table_number(text: str) -> str:
    if "表" not in text:
        return ""       # every form of a table number has 表 (a cheap test: most lines have none)
    match = _TABLE_NO.search(text)
    return next((g for g in match.groups() if g), "") if match else ""


def _is_meta(text: str) -> bool:
    """Lines between a title and its header: unit, department, table number."""
    stripped = squash(text)
    return stripped.startswith(("部门：", "部门:", "部门名称", "单位：", "单位:", "单位名称", "金额单位", "编制单位")) \
        or bool(_UNIT.search(text) and len(stripped) <= 40) or (bool(_table_number(text)) and len(stripped) <= 8)


def _find_title(lines: tuple[Line, ...], index: int, hint: str = "") -> tuple[TableSpec, int] | None:
    """The identity whose title starts at lines[index], and how many lines the title takes.

    A title that only ends in a known name (一、2018年度江苏省高级人民法院收支预算总表)
    counts when a unit or department line follows it: in a table of contents
    the same words are followed by more entries, never by 单位：万元.
    """
    line = lines[index]
    if "表" not in line.text and (index + 1 >= len(lines) or "表" not in lines[index + 1].text):
        return None     # every table name ends in 表 (a title may wrap onto the next line)
    spec = match_title(line.text, kind_hint=hint)
    if spec is not None:
        return spec, 1
    following = [ln.text for ln in lines[index + 1:index + 5] if ln.text.strip()]
    for span in (1, 2):
        if index + span > len(lines):
            break
        text = "".join(ln.text for ln in lines[index:index + span])
        if span == 2:
            # a title wrapped onto two lines (…支出预 / 算表) has no figures in its first line
            # besides its number (公开09表：一般公共预算“三公”经费、会议费、培训费 / 支出预算表),
            # and the second line alone is another, shorter title only when the two are not one
            first = _TABLE_NO.sub("", line.text)
            second = match_title(lines[index + 1].text, loose=True, kind_hint=hint)
            joined = match_title(text, loose=True, kind_hint=hint)
            if _DIGIT.search(first) or len(squash(first)) > 30 or (second is not None and (
                    joined is None or _longest_title(joined) <= _longest_title(second))):
                break
        spec = match_title(text, loose=True, kind_hint=hint)
        if spec is None:
            continue
        after = following[span - 1:span + 2]
        if any(_UNIT.search(t) or squash(t).startswith(("部门", "单位名称")) or _table_number(t) for t in after):
            return spec, span
    return None


def _regions(doc: Document, hint: str = "") -> list[_Region]:
    regions: list[_Region] = []
    current: _Region | None = None
    lines = doc.lines
    skip = 0
    for index, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        found = _find_title(lines, index, hint) if line.text.strip() else None
        if found is not None and _repeats(current, found[0], lines, index, found[1]):
            # 2017年政府采购预算表 printed again at the top of the next page, with no number of its
            # own: the same table goes on (its repeated header lines are skipped below)
            current.repeated_on = line.page
            skip = found[1] - 1
            continue
        if found is not None:
            spec, span = found
            current = _Region(spec=spec, title=line,
                              title_text="".join(ln.text for ln in lines[index:index + span]).replace("\t", ""))
            # 公开01表 printed just above the title belongs to it, not to the table before
            for before in lines[max(0, index - 2):index]:
                if _table_number(before.text) and len(squash(before.text)) <= 8:
                    current.number = _table_number(before.text)
                    if regions and regions[-1].lines and regions[-1].lines[-1] is before:
                        regions[-1].lines.pop()
            regions.append(current)
            skip = span - 1
            continue
        if current is None:
            continue
        if _END.match(line.text) or (line.cells and _is_prose(line.text)) or _other_title(line.text):
            current = None
            continue
        unit = _UNIT.search(line.text)
        if unit and not current.unit:
            current.unit = unit.group(1)
        elif not current.unit and (head := _UNIT_SPLIT.search(line.text)) and index + 1 < len(lines) \
                and lines[index + 1].text.rstrip().endswith("元"):
            # 单位：万 / 部门名称：江苏省高级人民法院 元: the unit broken over two lines
            current.unit = head.group(1) + "元"
        number = _table_number(line.text)
        if number and not current.number and not current.lines:
            current.number = number
        if (not current.lines or line.page == current.repeated_on) and _is_meta(line.text):
            continue
        if line.text.strip() and not (number and len(squash(line.text)) <= 8):
            current.lines.append(line)
    # A title with nothing under it is a table-of-contents entry.
    regions = [region for region in regions if region.lines]
    # The title may carry the number: 收入支出决算总表(表 1)
    for region in regions:
        number = _table_number(region.title.text)
        if number:
            region.number = number
    return regions


def _other_title(text: str) -> bool:
    """A numbered title of a table no identity names (表11.2026年市级部门项目支出绩效表): it ends
    the table above, which must not take it (or the grid under it) for its own rows."""
    if "表" not in text:
        return False
    squashed = squash(text)
    if len(squashed) > 60 or not squashed.endswith("表"):
        return False
    read = title_core(squashed)
    return read.numbered and len(read.core) >= 4


_PROSE = regex.compile(r"[。；]|，.*，|^.{12,}，|说明$")


def _is_prose(text: str) -> bool:
    """A sentence or a narrative heading, not a table row: the text after the last table."""
    return bool(_PROSE.search(text.replace("\t", "").strip())) \
        and not any(FIGURE_SPACED.match(cell.strip()) for cell in text.split("\t"))


def _is_number(text: str) -> bool:
    return bool(FIGURE_SPACED.match(text.strip()))


def _header_end(rows: list[list[str]]) -> int:
    """Index of the first body row: after the 栏次 row, or after a row of 1..N."""
    for index, cells in enumerate(rows):
        stripped = [c.strip() for c in cells if c.strip()]
        if any(c.replace(" ", "") == "栏次" for c in stripped):
            return index + 1
        if len(stripped) >= 3 and all(_INTEGER.match(c) for c in stripped):
            if [int(c) for c in stripped] == list(range(1, len(stripped) + 1)):
                return index + 1
    # No numbering row: the body starts at the first row holding a figure.
    for index, cells in enumerate(rows):
        if any(_is_number(c) and "." in c for c in cells):
            return index
    return len(rows)


@dataclass
class _PanelRow:
    code: str = ""
    label: str = ""
    lineno: str = ""
    values: list[tuple[str, Line]] = field(default_factory=list)
    # positional values (tab layout): column index -> raw
    positioned: dict[int, tuple[str, Line]] = field(default_factory=dict)


@dataclass
class _RawRow:
    panels: list[_PanelRow]
    line: Line


def _code_panel(spec: TableSpec, code: str) -> int | None:
    for index, panel in enumerate(spec.panels):
        if panel.rows == "economic" and any(code.startswith(p) for p in panel.code_prefixes):
            return index
    return None


# ---------------------------------------------------------------- tab layout

def _value_positions(header: list[list[str]], spec: TableSpec) -> list[list[int]]:
    """Column positions of each panel's values, read from the 栏次/numbering row."""
    for cells in reversed(header):
        stripped = [c.strip() for c in cells]
        if not any(stripped):
            continue
        panels: list[list[int]] = []
        numbered = [i for i, c in enumerate(stripped) if _INTEGER.match(c)]
        if not numbered:
            break
        if any(c.replace(" ", "") == "栏次" for c in stripped):
            starts = [i for i, c in enumerate(stripped) if c.replace(" ", "") == "栏次"]
            for k, start in enumerate(starts):
                end = starts[k + 1] if k + 1 < len(starts) else len(stripped)
                panels.append([i for i in numbered if start < i < end])
        else:
            panels.append(numbered)
        if len(panels) == len(spec.panels):
            return panels
        if len(panels) == 1 and len(spec.panels) > 1:
            # one numbering row over several panels: split by the spec's widths
            flat, out = panels[0], []
            for panel in spec.panels:
                out.append(flat[: len(panel.columns)])
                flat = flat[len(panel.columns):]
            return out
        break
    return []


def _tab_rows(body: list[Line], spec: TableSpec, header: list[list[str]]) -> list[_RawRow]:
    positions = _value_positions(header, spec)
    n_columns = len(spec.columns)
    rows: list[_RawRow] = []
    for line in body:
        if not line.text.strip():
            continue
        cells = line.text.split("\t")
        if not positions:
            # Panels of (code, name, value) triples, e.g. the basic-expense detail table.
            width = 3 if all(p.rows == "economic" for p in spec.panels) else 0
            if width:
                positions = [[width * k + 2] for k in range(len(spec.panels))]
            else:
                continue
        panels: list[_PanelRow] = []
        previous_end = -1
        for index, value_positions in enumerate(positions):
            panel = _PanelRow()
            first = value_positions[0] if value_positions else len(cells)
            labels = [c.strip() for c in cells[previous_end + 1:first] if c.strip()]
            for text in labels:
                compact = text.replace(" ", "")
                if not panel.code and not panel.label and CODE.match(compact) and spec.panels[index].rows != "item":
                    panel.code = compact
                elif _INTEGER.match(compact):
                    panel.lineno = compact
                else:
                    panel.label += compact
            for k, pos in enumerate(value_positions):
                raw_cell = cells[pos].strip() if pos < len(cells) else ""
                # A bare column number (the 栏次 row wrapped onto the body)
                # is header residue, not an amount.
                if raw_cell and not (_INTEGER.match(raw_cell) and int(raw_cell) <= n_columns):
                    panel.positioned[k] = (raw_cell, line)
            previous_end = value_positions[-1] if value_positions else previous_end
            panels.append(panel)
        # A total label spanning panels (公用经费合计 over the last two panels)
        # leaves its value in a later panel with no label of its own.
        for index in range(1, len(panels)):
            if panels[index].positioned and not panels[index].label and not panels[index].code \
                    and not panels[index - 1].positioned and panels[index - 1].label:
                panels[index].label = panels[index - 1].label
                panels[index - 1].label = ""
        rows.append(_RawRow(panels=panels, line=line))
    return rows


# ------------------------------------------------------------- space layout

def _tokens(lines: list[Line]) -> list[tuple[str, Line, bool]]:
    """Whitespace tokens with their line; the flag marks a line's first token."""
    tokens = []
    for line in lines:
        parts = [p for p in _SPLIT_SPACES.split(line.text.strip()) if p]
        for k, part in enumerate(parts):
            tokens.append((part, line, k == 0))
    return tokens


def _space_rows(body: list[Line], spec: TableSpec) -> list[_RawRow]:
    rows: list[_RawRow] = []
    current: _RawRow | None = None
    panel_index = 0

    def new_row(line: Line) -> _RawRow:
        row = _RawRow(panels=[_PanelRow() for _ in spec.panels], line=line)
        rows.append(row)
        return row

    def state(panel: _PanelRow) -> str:
        if panel.values:
            return "values"
        if panel.lineno:
            return "lineno"
        if panel.label or panel.code:
            return "label"
        return "empty"

    for token, line, _first in _tokens(body):
        compact = token
        # the cheap tests first: most tokens are labels or figures with a decimal point
        is_value = ("." in compact or "," in compact) and _is_number(compact)
        is_int = bool(_INTEGER.match(compact))
        is_code = not is_value and bool(CODE.match(compact))
        if current is None:
            current, panel_index = new_row(line), 0
        spec_panel: PanelSpec = spec.panels[panel_index]
        panel = current.panels[panel_index]
        if is_code and spec_panel.rows in ("functional", "economic") and not (is_int and spec_panel.lineno):
            target = _code_panel(spec, compact)
            if target is None:
                target = 0
            if target < panel_index or (target == panel_index and state(panel) != "empty") or \
                    any(state(p) != "empty" for p in current.panels[target:]):
                current = new_row(line)
            panel_index = target
            current.panels[panel_index].code = compact
            continue
        if is_int and spec_panel.lineno and not is_value:
            if state(panel) in ("lineno", "values"):
                if panel_index + 1 < len(spec.panels):
                    panel_index += 1
                else:
                    current, panel_index = new_row(line), 0
            current.panels[panel_index].lineno = compact
            continue
        if is_value or (is_int and not spec_panel.lineno and state(panel) != "empty"
                        and spec_panel.rows != "none") or (is_int and spec_panel.rows == "none"):
            if len(panel.values) >= len(spec_panel.columns):
                if panel_index + 1 < len(spec.panels):
                    panel_index += 1
                else:
                    current, panel_index = new_row(line), 0
            current.panels[panel_index].values.append((compact, line))
            continue
        # text: part of a label. A total label (人员经费合计) never continues
        # the label of the row before it.
        if state(panel) == "label" and any(word in compact for word in total_words()) \
                and not any(word in panel.label for word in total_words()):
            current, panel_index = new_row(line), 0
            spec_panel, panel = spec.panels[0], current.panels[0]
        if state(panel) in ("lineno", "values") or (spec_panel.rows == "none"):
            is_total = any(word in compact for word in total_words())
            if panel_index + 1 < len(spec.panels) and (spec.panels[panel_index + 1].rows != "economic" or is_total):
                panel_index += 1
            else:
                current, panel_index = new_row(line), 0
        current.panels[panel_index].label += compact
    return rows


# ------------------------------------------------------------------ assembly

def _printed_figures(raw_rows: list[_RawRow]) -> list[str]:
    """Every figure of the rows as printed, in row order (repeats included)."""
    return [raw for row in raw_rows for panel in row.panels
            for raw, _line in (*panel.values, *panel.positioned.values())]


def _column_decimals(printed: list[str], figures: dict[str, ParsedNumber | None]) -> int:
    """The decimals a table prints (2 in practice): the most common count."""
    counts: dict[int, int] = {}
    for raw in printed:
        parsed = figures[raw]
        if parsed is not None:
            counts[parsed.decimals] = counts.get(parsed.decimals, 0) + 1
    return max(counts, key=counts.get) if counts else 2


def _assemble(region: _Region, raw_rows: list[_RawRow], layout: str, label: str, file: str) -> Table:
    spec = region.spec
    unit = region.unit or "万元"
    printed = _printed_figures(raw_rows)
    # each distinct figure parsed once: a table repeats many (0.00, a total and its only part)
    figures = {raw: parse_number(raw) for raw in set(printed)}
    decimals = _column_decimals(printed, figures)
    placements = place_values(spec, raw_rows, figures)
    rows: list[Row] = []
    for raw in raw_rows:
        for panel_index, panel in enumerate(raw.panels):
            panel_spec = spec.panels[panel_index]
            if not (panel.label or panel.code or panel.values or panel.positioned):
                continue
            if panel_spec.rows == "none" and not (panel.values or panel.positioned):
                continue
            index = len(rows)
            cells: list[Cell] = []
            placed: dict[int, tuple[str, Line, str]] = {}
            for k, (raw_text, line) in panel.positioned.items():
                placed[k] = (raw_text, line, "position")
            for k, (raw_text, line, how) in placements.get((id(raw), panel_index), {}).items():
                placed[k] = (raw_text, line, how)
            for k, column in enumerate(panel_spec.columns):
                raw_text, line, how = placed.get(k, ("", raw.line, "position"))
                parsed = figures[raw_text] if raw_text else None
                value = parsed.value if parsed else None
                cell_decimals = parsed.decimals if parsed else decimals
                cells.append(Cell(
                    table=label, row=index, column=column, group=panel_spec.group,
                    row_code=panel.code, row_label=panel.label, value=value, decimals=cell_decimals,
                    raw=raw_text, page=line.page, line=line.line, unit=unit,
                    clipped=parsed is not None and parsed.decimals < decimals,
                    placement=how,
                ))
            rows.append(Row(index=index, code=panel.code, label=panel.label, group=panel_spec.group,
                            lineno=panel.lineno, cells=tuple(cells), page=raw.line.page, line=raw.line.line))
    has_values = any(cell.value is not None for row in rows for cell in row.cells)
    last = region.lines[-1] if region.lines else region.title
    return Table(
        label=label, key=spec.key, name=spec.name, title=(region.title_text or region.title.text).strip(),
        kind=spec.kind,
        unit=unit, page=region.title.page, line_start=region.title.line, line_end=last.line,
        columns=spec.columns, rows=tuple(rows), layout=layout, empty=not has_values, file=file,
        span=(region.title.offset, last.offset),
        pages=tuple(sorted({region.title.page} | {line.page for line in region.lines})),
        unit_assumed=not region.unit,
    )


def tables_from_lines(doc: Document) -> tuple[Table, ...]:
    tables: list[Table] = []
    for ordinal, region in enumerate(_regions(doc, document_kind(doc)), start=1):
        number = region.number
        label = f"表{int(number) if number.isdigit() else parse_chinese_integer(number)}" if number else f"表{ordinal}"
        if region.lines and region.lines[0].cells:
            table = table_from_rows(region.spec, region.title, region.lines, label, region.unit or "万元",
                                    region.title_text)
            tables.append(replace(items_as_columns(table, region.spec), unit_assumed=not region.unit))
            continue
        tabbed = sum(1 for line in region.lines if "\t" in line.text) >= max(1, len(region.lines) // 3)
        if tabbed:
            grid = [line.text.split("\t") for line in region.lines]
            start = _header_end(grid)
            header = grid[:start]
            raw_rows = _tab_rows(region.lines[start:], region.spec, header)
            layout = "tabs"
        else:
            grid = [_SPLIT_SPACES.split(line.text.strip()) for line in region.lines]
            start = _header_end(grid)
            raw_rows = _space_rows(region.lines[start:], region.spec)
            layout = "spaces"
        tables.append(_assemble(region, raw_rows, layout, label, region.title.file))
    # attached performance forms: after the standard tables, which end a form
    tables.extend(forms_from_lines(doc, [t.span for t in tables]))
    return tuple(tables)
