"""Put the figures of a flattened row into the right columns.

A space-separated extraction loses cell positions: `2010350 事业运行 247.54
247.54` says the row total is 247.54 and one part column holds 247.54, but
not which. The standard forms print the total first, so the first figure is
the total and the others go, in order, into part columns; the default reading
fills the leftmost part columns (基本支出 before 项目支出). Where the table's
own hierarchy rules that reading out (a 项 row's parts cannot exceed what its
款 parent has left after its siblings), the one placement that fits is taken
(`hierarchy`); a reading nothing confirms is marked `guess`.

This recovers the layout only. Claims are compared with the cells as placed,
never with whichever placement agrees with a claim.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from ..numbers import ParsedNumber
from .spec import TableSpec, total_words


_ZERO = Decimal(0)


def _value(figures: dict[str, ParsedNumber | None], raw: str) -> Decimal:
    parsed = figures[raw]
    return parsed.value if parsed else _ZERO


def _parent_code(code: str) -> str | None:
    if len(code) <= 3:
        return ""          # 类 rows hang under the 合计 row
    return code[:-2]


def place_values(spec: TableSpec, raw_rows, figures: dict[str, ParsedNumber | None]) -> dict:
    """Map (id(raw_row), panel index) -> {column index: (raw, line, how)}.

    ``figures`` holds every figure the rows print, parsed: the caller parses each once,
    for the cells and for this placement.
    """
    out: dict = {}
    choices: dict[int, list[tuple[int, ...]]] = {}
    for raw in raw_rows:
        for panel_index, panel in enumerate(raw.panels):
            values = panel.values
            if not values:
                continue
            columns = spec.panels[panel_index].columns
            placed = {k: (text, line, "order") for k, (text, line) in enumerate(values)}
            identity = next((parts for total, parts in spec.identities if total == columns[0]), None)
            if identity and 1 < len(values) < len(columns):
                part_indexes = [columns.index(p) for p in identity if p in columns]
                candidates = list(combinations(part_indexes, len(values) - 1))
                if len(candidates) > 1:
                    how = "order" if panel_index == 0 and spec.panels[0].rows == "functional" else "guess"
                    placed = {0: (values[0][0], values[0][1], "order")}
                    for k, (text, line) in enumerate(values[1:]):
                        placed[candidates[0][k]] = (text, line, how)
                    if how == "order":
                        choices[id(raw)] = candidates
            out[(id(raw), panel_index)] = placed
    if choices:
        _settle_by_hierarchy(raw_rows, out, choices, figures)
    return out


def _settle_by_hierarchy(raw_rows, out, choices, figures) -> None:
    totals = total_words()
    rows_by_parent: dict[str, list] = {}
    parents: dict[str, object] = {}
    for raw in raw_rows:
        panel = raw.panels[0]
        if panel.code:
            parents.setdefault(panel.code, raw)
            rows_by_parent.setdefault(_parent_code(panel.code), []).append(raw)
        elif any(word in panel.label for word in totals):
            parents.setdefault("", raw)
    for parent_code in sorted(rows_by_parent, key=len):
        parent = parents.get(parent_code)
        if parent is None:
            continue
        remaining = {k: _value(figures, text) for k, (text, _l, _h) in out.get((id(parent), 0), {}).items() if k}
        open_rows = []
        for child in rows_by_parent[parent_code]:
            if id(child) in choices:
                open_rows.append(child)
            else:
                for k, (text, _l, _h) in out.get((id(child), 0), {}).items():
                    if k:
                        remaining[k] = remaining.get(k, _ZERO) - _value(figures, text)
        # the parts each open row prints, read once: the rows are fitted again after each one settles
        parts = {id(child): [_value(figures, text) for text, _l in child.panels[0].values[1:]] for child in open_rows}
        while open_rows:
            fits = {}
            for child in open_rows:
                values = parts[id(child)]
                fits[id(child)] = [combo for combo in choices[id(child)]
                                   if all(v <= remaining.get(col, _ZERO) for v, col in zip(values, combo))]
            # Settle the most constrained row first.
            child = min(open_rows, key=lambda r: (len(fits[id(r)]) or 99))
            fitting = fits[id(child)]
            default = choices[id(child)][0]
            if len(fitting) == 1:
                combo, how = fitting[0], ("order" if fitting[0] == default else "hierarchy")
            elif default in fitting:
                combo, how = default, "order"
            else:
                combo, how = default, "guess"
            values = child.panels[0].values
            placed = {0: (values[0][0], values[0][1], "order")}
            for (text, line), value, col in zip(values[1:], parts[id(child)], combo):
                placed[col] = (text, line, how)
                remaining[col] = remaining.get(col, _ZERO) - value
            out[(id(child), 0)] = placed
            open_rows.remove(child)
