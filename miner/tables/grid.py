"""Tables from PDF rows whose cells carry x extents (``Line.cells``).

A PDF keeps where each cell stands, so columns are found from geometry, not
from the order figures happen to come in:

1. the body starts at the first row holding a figure; rows above are header;
2. body cells are clustered into columns by horizontal overlap; header cells
   of the lowest header row add the columns no body figure fills (an empty
   三公 column still has its 预算数 header);
3. a column is a value column when its body cells are figures; each value
   column's header path is the header cells above it, where a header cell
   owns the span up to halfway to its neighbours (a merged header sits
   centred over the columns it spans);
4. value columns map to the identity's columns by their header words, and by
   the form's order only when the header says nothing; a column no identity
   names keeps its printed header;
5. label columns give each row its code (split 类|款|项 codes are joined),
   name and 行次; a label wrapped onto the next line, and a figure set on the
   second line of a wrapped label, join the row they belong to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from functools import lru_cache

from ..ingest.model import Line
from ..lexicon import load
from ..numbers import parse_number
from .model import Cell, Row, Table
from .patterns import CODE, FIGURE
from .spec import TableSpec, total_words

_AMOUNT = regex.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[+-]?\d{1,3}(?:,\d{3})+$")
_CODE2 = regex.compile(r"^\d{2}$")
_LINENO = regex.compile(r"^\d{1,2}$")
_NUMERAL = regex.compile(r"^[一二三四五六七八九十]{1,3}$")
_ORDINAL = regex.compile(r"^[一二三四五六七八九十]+、$|^\d{1,2}[.、．]$")


@dataclass
class _GCell:
    text: str
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _GRow:
    line: Line
    cells: list[_GCell]


@dataclass
class _Column:
    x0: float
    x1: float
    cells: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    kind: str = "label"            # label | code | value

    def overlaps(self, cell: _GCell) -> float:
        return min(self.x1, cell.x1) - max(self.x0, cell.x0)


def _grow(line: Line) -> _GRow:
    texts = line.text.split("\t")
    cells = [_GCell(t.strip(), x0, x1) for t, (x0, x1) in zip(texts, line.cells) if t.strip()]
    return _GRow(line, _join_codes(cells))


def _join_codes(cells: list[_GCell]) -> list[_GCell]:
    """201 | 06 | 01 printed in 类/款/项 columns is the code 2010601."""
    out: list[_GCell] = []
    for cell in cells:
        prev = out[-1] if out else None
        if prev is not None and _CODE2.match(cell.text) and regex.match(r"^\d{3}(?:\d{2})?$", prev.text) \
                and cell.x0 - prev.x1 < 60:
            out[-1] = _GCell(prev.text + cell.text, prev.x0, cell.x1)
        else:
            out.append(cell)
    return out


def _is_figure(text: str) -> bool:
    return bool(FIGURE.match(text.replace(" ", "")))


def _is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.replace(" ", "")))


def _body_start(rows: list[_GRow]) -> int:
    for index, row in enumerate(rows):
        texts = [c.text.replace(" ", "") for c in row.cells]
        if "栏次" in texts:
            return index + 1
        if any(_is_amount(t) for t in texts) or any(CODE.match(t) and len(t) >= 3 for t in texts[:1]):
            return index
    return len(rows)


def _spans(cells: list[_GCell], width: float, kind: str) -> list[_Column]:
    columns: list[_Column] = []
    for x0, x1 in sorted(((c.x0, c.x1) for c in cells if c.x1 - c.x0 <= 0.35 * width), key=lambda s: s[0]):
        if columns and x0 < columns[-1].x1 - 0.5:
            columns[-1].x1 = max(columns[-1].x1, x1)
        else:
            columns.append(_Column(x0, x1, kind=kind))
    return columns


def _numeric(cell: _GCell, amounts: bool) -> bool:
    text = cell.text.replace(" ", "")
    return _is_amount(text) if amounts else _is_figure(text) and not CODE.match(text)


def _cluster(rows: list[_GRow]) -> list[_Column]:
    """Columns from the body cells' horizontal extents (overlapping cells share a column).

    Figures and words are clustered apart: a long label of the next panel
    (三、单位预留机动经费) may reach over a sparse column of figures, and would
    otherwise swallow it.
    """
    cells = [c for row in rows for c in row.cells]
    if not cells:
        return []
    # A cell spanning much of the table (a note, a stray sentence) would glue columns together.
    width = max(c.x1 for c in cells) - min(c.x0 for c in cells)
    amounts = any(_is_amount(c.text.replace(" ", "")) for c in cells)
    figures = [c for c in cells if _numeric(c, amounts)]
    values = _spans(figures, width, "value")
    # whole numbers beside amounts (0, 80) belong to the amounts' columns
    words = [c for c in cells if not _numeric(c, amounts)
             and not (_is_figure(c.text.replace(" ", "")) and any(v.overlaps(c) > 0 for v in values))]
    return sorted(values + _spans(words, width, "label"), key=lambda c: c.x0)


def _assign(columns: list[_Column], cell: _GCell) -> _Column | None:
    """The column a cell stands in: a figure in a column of figures, a word in a column of words."""
    text = cell.text.replace(" ", "")
    figure = _is_amount(text) or (_is_figure(text) and any(c.kind == "value" and c.overlaps(cell) > 0
                                                           for c in columns))
    pool = [c for c in columns if (c.kind == "value") == figure] or columns
    best, best_overlap = None, 0.0
    for column in pool:
        overlap = column.overlaps(cell)
        if overlap > best_overlap:
            best, best_overlap = column, overlap
    if best is None and pool:
        best = min(pool, key=lambda c: abs((c.x0 + c.x1) / 2 - cell.center))
    return best


def _add_header_columns(columns: list[_Column], header: list[_GRow]) -> list[_Column]:
    """Columns that only the lowest header row shows (no figure below them).

    A header cell beside a column that has no header of its own is that
    column's header (a 金额 set left of right-aligned figures), not a new column.
    """
    if not header:
        return columns
    lowest = header[-1].cells
    extra = []
    for cell in lowest:
        if any(c.overlaps(cell) > 0 for c in columns):
            continue
        bare = [c for c in columns if not any(c.overlaps(h) > 0 for h in lowest)]
        near = min(bare, key=lambda c: min(abs(c.x0 - cell.x1), abs(cell.x0 - c.x1)), default=None)
        if near is not None and min(abs(near.x0 - cell.x1), abs(cell.x0 - near.x1)) < max(2 * (cell.x1 - cell.x0), 40):
            near.x0, near.x1 = min(near.x0, cell.x0), max(near.x1, cell.x1)
            continue
        extra.append(_Column(cell.x0, cell.x1, kind="value"))
    return sorted(columns + extra, key=lambda c: c.x0)


def _header_paths(columns: list[_Column], header: list[_GRow]) -> None:
    """Each column's header path: the header cells whose span covers it, top down.

    A header cell spans from the rule left of it to the rule right of it; a
    table drawn without rules leaves only the cell's own extent.
    """
    for row in header:
        rules = row.line.rules
        for cell in row.cells:
            left = max((x for x in rules if x <= cell.x0 + 1.0), default=cell.x0)
            right = min((x for x in rules if x >= cell.x1 - 1.0), default=cell.x1)
            for column in columns:
                center = (column.x0 + column.x1) / 2
                if left <= center <= right or column.overlaps(cell) > 0:
                    column.header.append(cell.text.replace(" ", ""))


def _classify(columns: list[_Column]) -> None:
    for column in columns:
        filled = [t for t in column.cells if t]
        if column.kind == "value" and not filled:
            continue
        figures = sum(1 for t in filled if _is_figure(t) and not CODE.match(t) or _is_amount(t))
        codes = sum(1 for t in filled if CODE.match(t) and not _is_amount(t))
        if filled and codes >= max(1, 0.6 * len(filled)) and any(len(t) >= 3 for t in filled):
            column.kind = "code"
        elif filled and figures >= max(1, 0.6 * len(filled)) and any(_is_amount(t) for t in filled):
            column.kind = "value"
        elif filled and all(_LINENO.match(t) for t in filled):
            column.kind = "lineno"
        elif not filled and any(h in _value_headers() for h in column.header):
            column.kind = "value"


# --------------------------------------------------------------- mapping

@lru_cache(maxsize=1)
def _value_headers() -> frozenset[str]:
    return frozenset(load("tables")["value_headers"])


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load("tables").get("column_aliases", {}).items()}


_TOTALS = ("小计", "合计", "总计")


def _words(part: str) -> tuple[str, ...]:
    return (part, *_aliases().get(part, ()))


def _score(key: str, path: list[str]) -> float:
    """How well a spec column key (a·b·c) names the column under a header path.

    The key's last word must be printed in the path (or a synonym); words of
    the path the key does not explain count against it. A 小计/合计 printed
    under a heading is that heading's total (项目支出 / 小计 is 项目支出).
    Columns under 其中 are parts: only a key naming the part fits them.
    """
    items = [p for p in path if p and not _LABEL_HEADER.search(p)]
    if any("其中" in p for p in items):
        at = max(i for i, p in enumerate(items) if "其中" in p)
        part = "".join(items[at + 1:])
        return 1.0 if part and any(w == part or w in part for w in _words(key.split("·")[-1])) else 0.0
    if len(items) >= 2 and len(items[-1]) <= 2 and items[-1] not in _TOTALS:
        items = items[:-2] + [items[-2] + items[-1]]       # a header wrapped as 基本建设资金支 / 出
    had_total = len(items) >= 2 and items[-1] in _TOTALS
    if had_total:
        items = items[:-1]
    comps = key.split("·")
    wants_total = comps[-1] in _TOTALS
    named = comps[:-1] if wants_total else comps
    joined = "".join(items)
    explained: set[int] = set()
    score = 1.0
    hits = 0
    for n, comp in enumerate(named):
        hit = next((i for i, item in enumerate(items) if any(w in item for w in _words(comp))), None)
        if hit is not None:
            explained.add(hit)
            hits += 1
        elif any(w in joined for w in _words(comp)):
            # a title broken over header cells: 因公出国 / （境） / 费
            explained.update(i for i, item in enumerate(items) if item in comp)
            hits += 1
        elif n == len(named) - 1 and not wants_total:
            return 0.0
        else:
            score *= 0.7
    if named and not hits and not had_total:
        return 0.0      # “三公”经费·小计 does not name a column headed 政府性基金预算
    if wants_total and had_total and items and not explained:
        score *= 0.8    # 小计 under a heading the key does not name (2026年政府采购项目 / 小计): that heading's total
    if wants_total:
        printed = had_total or any(item in _TOTALS or item.endswith(_TOTALS) for item in items)
        if any(item in _TOTALS for item in items):
            explained.update(i for i, item in enumerate(items) if item in _TOTALS)
        if not printed and any(i not in explained for i in range(1, len(items))):
            return 0.0
    unexplained = [i for i in range(1, len(items)) if i not in explained]
    return score * (0.6 ** len(unexplained))


_LABEL_HEADER = regex.compile(r"^(?:项目|项\s*目)$|名称$|编码$|分类$|^行次$|^栏次$")


def _best_assignment(scores: list[list[float]]) -> dict[int, int]:
    """Column -> key maximising the total score (each key used once).

    A greedy choice fails on headers like 合计 | 基本支出 | 项目支出·小计: 小计
    fits the third column best, but only the first column can be the total.
    Tables have at most a dozen value columns, so a search over used keys is cheap.
    """
    n_keys = len(scores[0]) if scores else 0

    @lru_cache(maxsize=None)
    def best(col: int, used: int) -> tuple[float, tuple[int, ...]]:
        if col == len(scores):
            return 0.0, ()
        skip = best(col + 1, used)
        result = (skip[0], (-1,) + skip[1])
        for key in range(n_keys):
            if scores[col][key] > 0 and not used & (1 << key):
                total, rest = best(col + 1, used | (1 << key))
                if total + scores[col][key] > result[0] + 1e-9:
                    result = (total + scores[col][key], (key,) + rest)
        return result

    _total, choice = best(0, 0)
    return {col: key for col, key in enumerate(choice) if key >= 0}


def _map_columns(spec: TableSpec, panels: list[list[_Column]]) -> dict[int, tuple[str, str]]:
    """id(column) -> (group, key). By header words first; by the form's order
    where the panel shapes match the identity's and the headers are silent."""
    out: dict[int, tuple[str, str]] = {}
    shapes_match = len(panels) == len(spec.panels) and all(
        len(cols) == len(p.columns) for cols, p in zip(panels, spec.panels))
    for index, cols in enumerate(panels):
        panels_here = spec.panels[index:index + 1] if shapes_match else spec.panels
        if not shapes_match:
            # more panels than the form names (收入 | 支出·功能分类 | 支出·支出用途): a
            # panel takes the identity's panel whose group its header prints
            printed = "".join(h for col in cols for h in col.header)
            panels_here = [p for p in spec.panels if p.group and p.group in printed] or spec.panels
        candidates = [(p.group, key) for p in panels_here for key in p.columns]
        if not candidates:
            continue
        scores = [[_score(key, col.header) for _group, key in candidates] for col in cols]
        chosen = _best_assignment(scores)
        for i, k in chosen.items():
            out[id(cols[i])] = candidates[k]
        if shapes_match:
            used = {candidates[k] for k in chosen.values()}
            free = [(spec.panels[index].group, p) for p in spec.panels[index].columns
                    if (spec.panels[index].group, p) not in used]
            for col in cols:
                if id(col) not in out and free:
                    out[id(col)] = free.pop(0)
    return out


def _printed_key(column: _Column) -> str:
    parts = [h for h in column.header if h]
    if len(parts) > 1 and all(len(h) == 1 for h in parts):
        return "".join(parts)       # a header printed one character per line (合 / 计)
    return "·".join(parts[-2:]) if parts else "金额"


# ------------------------------------------------------------------ rows

@dataclass
class _Panel:
    code: str = ""
    label: str = ""
    lineno: str = ""
    values: dict[int, tuple[str, Line]] = field(default_factory=dict)   # column index -> raw
    wrapped: bool = False         # its label began on the line above its code

    def empty(self) -> bool:
        return not (self.code or self.label or self.lineno or self.values)


def _panels_of(columns: list[_Column]) -> list[list[int]]:
    """Column indexes per panel: label columns then value columns, repeated."""
    panels: list[list[int]] = []
    seen_value = False
    for index, column in enumerate(columns):
        if column.kind in ("label", "code") and seen_value:
            panels.append([])
            seen_value = False
        if not panels:
            panels.append([])
        panels[-1].append(index)
        if column.kind == "value":
            seen_value = True
    return panels


def table_from_rows(spec: TableSpec, title: Line, lines: list[Line], label: str, unit: str,
                    title_text: str = "") -> Table:
    rows = [_grow(line) for line in lines if line.text.strip()]
    start = _body_start(rows)
    # the first line of a wrapped label (一般公共服务 / 201 支出 264.87) sits above the first figure
    while 0 < start < len(rows) and len(rows[start - 1].cells) == 1 and _close(rows[start - 1].line, rows[start].line) \
            and not _is_figure(rows[start - 1].cells[0].text):
        start -= 1
    header, body = rows[:start], _drop_repeated_headers(rows[start:], rows[:start])
    columns = _add_header_columns(_cluster(body), header)
    for row in body:
        for cell in row.cells:
            column = _assign(columns, cell)
            column.cells.append(cell.text)
    _header_paths(columns, header)
    _classify(columns)
    panel_columns = _panels_of(columns)
    value_panels = [[columns[i] for i in idx if columns[i].kind == "value"] for idx in panel_columns]
    value_panels = [_distinct(panel, spec) for panel in value_panels]
    mapping = _map_columns(spec, [p for p in value_panels if p])
    panel_of = {i: p for p, idx in enumerate(panel_columns) for i in idx}

    coded = any(column.kind == "code" for column in columns)
    entries: list[list[tuple[_Panel, Line]]] = [[] for _ in panel_columns]
    for row in body:
        panels = [_Panel() for _ in panel_columns]
        for cell in row.cells:
            column = _assign(columns, cell)
            index = columns.index(column)
            panel = panels[panel_of[index]]
            text = cell.text.replace(" ", "")
            if column.kind == "value" and _is_figure(text):
                panel.values[index] = (text, row.line)
            elif CODE.match(text) and not panel.code and not panel.label:
                panel.code = text
            elif _LINENO.match(text) and column.kind in ("lineno", "value") and not panel.values:
                panel.lineno = text
            elif text in ("类", "款", "项"):
                continue        # the 类/款/项 header beside the 合计 row
            elif not panel.label and not panel.code and _NUMERAL.match(text):
                panel.label = text + "、"     # an ordinal whose 、 the extraction dropped
            else:
                panel.label += text
        # A total label over two panels (支出合计 centred across 功能分类 and 支出用途)
        # leaves its figure in the later panel with no label of its own.
        for k in range(1, len(panels)):
            if panels[k].values and not (panels[k].label or panels[k].code) \
                    and panels[k - 1].label and not panels[k - 1].values:
                panels[k].label, panels[k - 1].label = panels[k - 1].label, ""
        _attach(entries, row, panels, coded)

    decimals = _common_decimals(entries)
    economic = [p for p in spec.panels if p.rows == "economic" and p.code_prefixes]
    out_rows: list[Row] = []
    table_columns: list[tuple[str, str]] = []
    ordered = sorted(((line.page, line.line, p, k) for p, column in enumerate(entries)
                      for k, (_panel, line) in enumerate(column)))
    for _page, _line, p, k in ordered:
        panel, line = entries[p][k]
        if not (panel.code or panel.label or panel.values):
            continue
        index = len(out_rows)
        cells = []
        for col in value_panels[p]:
            group, key = mapping.get(id(col), (_panel_group(columns, panel_columns[p], len(value_panels)),
                                               _printed_key(col)))
            if economic:
                group = next((e.group for e in economic if panel.code.startswith(e.code_prefixes)), group)
            raw_text, value_line = panel.values.get(columns.index(col), ("", line))
            parsed = parse_number(raw_text) if raw_text else None
            cells.append(Cell(
                table=label, row=index, column=key, group=group, row_code=panel.code, row_label=panel.label,
                value=parsed.value if parsed else None, decimals=parsed.decimals if parsed else decimals,
                raw=raw_text, page=value_line.page, line=value_line.line, unit=unit,
                clipped=parsed is not None and 0 < parsed.decimals < decimals,
                placement="position"))
            if (group, key) not in table_columns:
                table_columns.append((group, key))
        group = cells[0].group if cells else ""
        out_rows.append(Row(index=index, code=panel.code, label=panel.label, group=group, lineno=panel.lineno,
                            cells=tuple(cells), page=line.page, line=line.line))
    has_values = any(c.value is not None for r in out_rows for c in r.cells)
    last = lines[-1] if lines else title
    return Table(label=label, key=spec.key, name=spec.name, title=(title_text or title.text).replace("\t", "").strip(),
                 kind=spec.kind, unit=unit, page=title.page, line_start=title.line, line_end=last.line,
                 columns=tuple(table_columns), rows=tuple(out_rows), layout="pdf", empty=not has_values,
                 file=title.file, span=(title.offset, last.offset), pages=tuple(sorted({title.page} | {
                     line.page for line in lines})))


def _distinct(panel: list[_Column], spec: TableSpec) -> list[_Column]:
    """Drop a column with no figure whose header repeats a neighbour's: the
    header of a column set apart from its right-aligned figures."""
    out = []
    for column in panel:
        twin = next((c for c in panel if c is not column and c.header == column.header and any(c.cells)), None)
        if twin is not None and not any(column.cells):
            continue
        out.append(column)
    return out


def _panel_group(columns: list[_Column], indexes: list[int], panels: int = 2) -> str:
    if panels < 2:
        return ""
    for i in indexes:
        if columns[i].header:
            return columns[i].header[0]
    return ""


def _drop_repeated_headers(body: list[_GRow], header: list[_GRow]) -> list[_GRow]:
    """A table continued on a new page may repeat its header rows there."""
    header_texts = {c.text.replace(" ", "") for row in header for c in row.cells}
    out: list[_GRow] = []
    page = body[0].line.page if body else 0
    fresh = False
    for row in body:
        if row.line.page != page:
            page, fresh = row.line.page, True
        texts = [c.text.replace(" ", "") for c in row.cells]
        if fresh and texts and all(t in header_texts or t in ("类", "款", "项") for t in texts):
            continue
        if any(_is_figure(t) for t in texts):
            fresh = False
        out.append(row)
    return out


def _close(upper: Line, lower: Line) -> bool:
    """Lines of one wrapped cell sit closer than table rows do."""
    if upper.page != lower.page or not upper.band or not lower.band:
        return False
    height = min(upper.band[0] - upper.band[1], lower.band[0] - lower.band[1])
    return upper.band[1] - lower.band[0] < _settings()["wrap_gap"] * height


@lru_cache(maxsize=1)
def _settings() -> dict:
    return load("layout")["pdf"]


def _continues(mine: _Panel, theirs: _Panel) -> bool:
    """Is this panel of a row the rest of the same panel of the row above?"""
    if mine.code or mine.lineno or _ORDINAL.match(mine.label[:4]) or regex.match(r"^[一二三四五六七八九十]+、", mine.label):
        return False
    if any(word in mine.label for word in total_words()):
        return False
    if theirs.values and any(word in theirs.label for word in total_words()):
        return False    # a total's label is whole: 本年支出合计 4,651.67 is not continued by 年终结转结余 (苏州)
    if theirs.values and mine.values:
        return False
    # a row with its figures may still wrap a short tail of its label, or the
    # rest of a label wrapped around its code line
    # (the caller has checked the lines sit as close as one cell's lines do)
    return not (theirs.values and mine.values)


def _is_fragment(panel: _Panel) -> bool:
    """A label line with nothing else: the first line of a wrapped label."""
    return bool(panel.label) and not (panel.code or panel.lineno or panel.values) \
        and not regex.match(r"^[一二三四五六七八九十]+、", panel.label) \
        and not any(word in panel.label for word in total_words())


def _attach(entries: list[list[tuple[_Panel, Line]]], row: _GRow, panels: list[_Panel], coded: bool) -> None:
    """Add a row's panels to each panel's entries, or join them to the entry
    above in the same panel: a label wrapped onto a second line, a figure set
    beside that second line, or (in a table whose rows carry codes) a code
    row whose label began on the line above."""
    for index, panel in enumerate(panels):
        if panel.empty():
            continue
        column = entries[index]
        last = column[-1][0] if column else None
        close = bool(column) and _close(column[-1][1], row.line)
        if last is not None and close and _continues(panel, last):
            last.label += panel.label
            last.values.update(panel.values)
            continue
        if last is not None and close and coded and panel.code and not last.code and _is_fragment(last):
            panel.label = last.label + panel.label
            panel.wrapped = True
            column.pop()
        column.append((panel, row.line))


def _common_decimals(raw_rows) -> int:
    counts: dict[int, int] = {}
    for column in raw_rows:
        for panel, _line in column:
            for raw, _line in panel.values.values():
                parsed = parse_number(raw)
                if parsed is not None:
                    counts[parsed.decimals] = counts.get(parsed.decimals, 0) + 1
    return max(counts, key=counts.get) if counts else 2
