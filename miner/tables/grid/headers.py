"""Value columns mapped to the identity's columns by their header words.

A key of the table's specification (a·b·c) fits a column when its words are
printed in the column's header path; the assignment that fits best overall is
chosen, each key used once; where the headers are silent and the panel shapes
match the identity's, the form's order decides.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ...lexicon import load
from ..spec import TableSpec, total_column_words
from .columns import Column


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load("tables").get("column_aliases", {}).items()}


def _words(part: str) -> tuple[str, ...]:
    return (part, *_aliases().get(part, ()))


def _score(key: str, path: list[str]) -> float:
    """How well a spec column key (a·b·c) names the column under a header path.

    The key's last word must be printed in the path (or a synonym); words of
    the path the key does not explain count against it. A 小计/合计 printed
    under a heading is that heading's total (项目支出 / 小计 is 项目支出).
    Columns under 其中 are parts: only a key naming the part fits them.
    """
    totals = total_column_words()
    items = [p for p in path if p and not _label_header().search(p)]
    if any("其中" in p for p in items):
        at = max(i for i, p in enumerate(items) if "其中" in p)
        part = "".join(items[at + 1:])
        return 1.0 if part and any(w == part or w in part for w in _words(key.split("·")[-1])) else 0.0
    if len(items) >= 2 and len(items[-1]) <= 2 and items[-1] not in totals:
        items = items[:-2] + [items[-2] + items[-1]]       # a header wrapped as 基本建设资金支 / 出
    items = _fund_joined(items)
    if len(items) >= 2 and items[-1] in _fund_columns() and not any(items[-1] in comp for comp in key.split("·")):
        return 0.0      # one fund's part of the column its heading names (深圳 三公: 公务接待费 / 一般公共预算)
    comps = key.split("·")
    # a total word a key that names no total is printed as (金额 printed 合计) is no heading's total
    had_total = len(items) >= 2 and items[-1] in totals \
        and (comps[-1] in totals or items[-1] not in _words(comps[-1]))
    if had_total:
        items = items[:-1]
    wants_total = comps[-1] in totals
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
    elif wants_total and not named and items and items[0] not in totals and not explained:
        score *= 0.9    # “三公”经费合计 is rather the total of “三公”经费 (“三公”经费·小计) than the table's
    if wants_total:
        printed = had_total or any(item in totals or item.endswith(totals) for item in items)
        if any(item in totals for item in items):
            explained.update(i for i, item in enumerate(items) if item in totals)
        # the heading over a total (项目支出 over its 小计) may go unexplained when the key names it;
        # a bare 合计 fits no column whose header prints no total (因公出国(境)费用)
        if not printed and any(i not in explained for i in range(1 if named else 0, len(items))):
            return 0.0
    if not wants_total and explained and any(items[i] not in _value_headers() for i in range(max(explained) + 1, len(items))):
        return 0.0      # 基本支出 / 人员支出: a part printed under the key's heading, not the key
    unexplained = [i for i in range(1, len(items)) if i not in explained]
    return score * (0.6 ** len(unexplained))


@lru_cache(maxsize=1)
def _value_headers() -> frozenset[str]:
    """Header words under a column's name that name no other figure (基本支出 / 金额)."""
    return frozenset(load("tables")["value_headers"]) | frozenset(total_column_words())


@lru_cache(maxsize=1)
def _fund_columns() -> frozenset[str]:
    return frozenset(load("tables").get("fund_columns", ()))


def _fund_joined(items: list[str]) -> list[str]:
    """A header path whose last two cells are a fund's name wrapped (国有资本经 / 营预算) with them joined."""
    if len(items) >= 2 and items[-2] + items[-1] in _fund_columns():
        return items[:-2] + [items[-2] + items[-1]]
    return items


@lru_cache(maxsize=1)
def _label_header() -> regex.Pattern:
    return regex.compile(load("tables")["label_header_pattern"])


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


def map_columns(spec: TableSpec, panels: list[list[Column]]) -> dict[int, tuple[str, str]]:
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
        candidates = [(p.group, key) for p in panels_here for key in p.columns + p.parts]
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


def printed_key(column: Column) -> str:
    parts = [h for h in column.header if h]
    if len(parts) > 1 and all(len(h) == 1 for h in parts):
        return "".join(parts)       # a header printed one character per line (合 / 计)
    joined = _fund_joined([p for p in parts if not _label_header().search(p)])
    if len(joined) >= 2 and joined[-1] in _fund_columns():
        return "·".join(joined)     # one fund's part of its headings' figure: 公务用车购置及运行维护费·小计·一般公共预算
    return "·".join(parts[-2:]) if parts else "金额"
