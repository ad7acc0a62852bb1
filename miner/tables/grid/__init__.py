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

from ...ingest.model import Line
from ...numbers import parse_number
from ..model import Cell, Row, Table
from ..patterns import CODE
from ..spec import TableSpec
from .cells import LINENO, NUMERAL, grow, is_figure
from .columns import (
    add_header_columns,
    assign,
    classify,
    cluster,
    distinct,
    header_paths,
    panel_group,
    panels_of,
)
from .headers import map_columns, printed_key
from .rows import (
    Panel,
    attach,
    body_start,
    common_decimals,
    drop_repeated_headers,
    wrapped_lines,
)

__all__ = ["table_from_rows"]


def _label_only(upper, lower) -> bool:
    """A line of words only, all left of the figures of the line below it: the first line of that
    line's wrapped label (one cell, or the label's runs: 深圳 "深圳市公安局交通管理局" "（本" /
    254,403.68 … / "级）")."""
    if not upper.cells or any(is_figure(cell.text) for cell in upper.cells):
        return False
    if len(upper.cells) == 1:
        return True
    figures = [cell.x0 for cell in lower.cells if is_figure(cell.text)]
    return bool(figures) and max(cell.x1 for cell in upper.cells) < min(figures)


def table_from_rows(spec: TableSpec, title: Line, lines: list[Line], label: str, unit: str,
                    title_text: str = "") -> Table:
    rows = [grow(line) for line in lines if line.text.strip()]
    start = body_start(rows)
    # the first line of a wrapped label (一般公共服务 / 201 支出 264.87) sits above the first figure
    while 0 < start < len(rows) and _label_only(rows[start - 1], rows[start]) \
            and wrapped_lines(rows[start - 1].line, rows[start].line):
        start -= 1
    header, body = rows[:start], drop_repeated_headers(rows[start:], rows[:start])
    columns = add_header_columns(cluster(body), header)
    for row in body:
        for cell in row.cells:
            column = assign(columns, cell)
            column.cells.append(cell.text)
    header_paths(columns, header)
    classify(columns)
    panel_columns = panels_of(columns)
    value_panels = [[columns[i] for i in idx if columns[i].kind == "value"] for idx in panel_columns]
    value_panels = [distinct(panel, spec) for panel in value_panels]
    mapping = map_columns(spec, [p for p in value_panels if p])
    panel_of = {i: p for p, idx in enumerate(panel_columns) for i in idx}

    # codes printed in a column of their own, or in the label column beside the names (苏州 数据局 表5:
    # 2010399 under a name wrapped around it)
    coded = any(column.kind == "code" for column in columns) or sum(
        1 for row in body for cell in row.cells
        if CODE.match(cell.text.replace(" ", "")) and len(cell.text.replace(" ", "")) >= 5) >= 2
    entries: list[list[tuple[Panel, Line]]] = [[] for _ in panel_columns]
    for row in body:
        panels = [Panel() for _ in panel_columns]
        for cell in row.cells:
            column = assign(columns, cell)
            index = columns.index(column)
            panel = panels[panel_of[index]]
            text = cell.text.replace(" ", "")
            if column.kind == "value" and is_figure(text):
                panel.values[index] = (text, row.line)
            elif CODE.match(text) and not panel.code and not panel.label:
                panel.code = text
            elif LINENO.match(text) and column.kind in ("lineno", "value") and not panel.values:
                panel.lineno = text
            elif text in ("类", "款", "项"):
                continue        # the 类/款/项 header beside the 合计 row
            elif not panel.label and not panel.code and NUMERAL.match(text):
                panel.label = text + "、"     # an ordinal whose 、 the extraction dropped
            else:
                panel.label += text
        # A total label over two panels (支出合计 centred across 功能分类 and 支出用途)
        # leaves its figure in the later panel with no label of its own.
        for k in range(1, len(panels)):
            if panels[k].values and not (panels[k].label or panels[k].code) \
                    and panels[k - 1].label and not panels[k - 1].values:
                panels[k].label, panels[k - 1].label = panels[k - 1].label, ""
        attach(entries, row, panels, coded)

    decimals = common_decimals(entries)
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
            group, key = mapping.get(id(col), (panel_group(columns, panel_columns[p], len(value_panels)),
                                               printed_key(col)))
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
