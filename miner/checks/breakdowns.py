"""Whether a list of parts leaves nothing out, so that a sum falling short of its whole is an error.

A 其中 list or a reason's list of changes may name only the main items; a shortfall says nothing
then. A list is complete when its parts name, one each, every member of a breakdown complete by
definition (lexicons/claims.yaml complete_breakdowns: 货物/工程/服务 of 政府采购, 人员经费/公用经费
of 基本支出, the three “三公”; 基本支出/项目支出 of 支出, `certain: false` because a final account's
支出 may hold a rarer part), or every part column that a table of the document prints with a
figure under a column identity (江苏's 支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费,
so a reason naming the three changes leaves nothing out; `certain: false` too, as the words do
not say that the list breaks down that table's whole), or when each part states its share of
the whole and the shares make 100%.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable

from ..claims.model import Claim
from ..lexicon import load
from ..tables.model import Table
from ..tables.spec import table_specs
from .tolerance import rounding_spread, unit


@dataclass(frozen=True)
class Completeness:
    why: str          # the breakdown's members, or "shares make 100%"
    certain: bool     # False: a shortfall is at most a warning


@lru_cache(maxsize=1)
def _breakdowns() -> tuple[tuple[tuple[str, ...], bool], ...]:
    return tuple((tuple(b["members"]), bool(b["certain"])) for b in load("claims")["complete_breakdowns"])


def _printed_parts(tables: Iterable[Table]) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The part columns each table prints with a figure under one of its column identities
    (lexicons/tables.yaml), named by the last words of their keys (本年支出·基本支出: 基本支出)."""
    specs = {(spec.kind, spec.key): spec for spec in table_specs()}
    found = []
    for table in tables:
        spec = specs.get((table.kind, table.key))
        if spec is None:
            continue
        mapped = {column for _group, column in table.columns}
        for total, part_keys in spec.identities:
            if total not in mapped:
                continue
            printed = tuple(key.split("·")[-1] for key in part_keys if key in mapped and any(
                cell.column == key and not cell.blank and cell.amount != 0 for row in table.rows for cell in row.cells))
            if len(printed) >= 2:
                found.append((printed, False))
    return tuple(found)


def list_spread(parts: list[Claim], whole: Claim) -> Decimal:
    """How far the sum of a list's printed parts may be from the truth: the figures of one list
    are written to one precision, trailing zeros dropped ("货物962.86万元；工程539万元" means 539.00,
    and a printed 0 is nothing, not anything below 0.5), half a unit of it per part."""
    precision = max(p.decimals for p in (*parts, whole))
    return rounding_spread(precision for _ in parts)


def _said_whole(whole: Claim, parts: list[Claim]) -> bool:
    """Whether the words between a whole and its first part open a list that names every part
    (包括, not 主要包括), and no 等 follows its last figure."""
    words = load("claims")
    if any(p.sentence_id != whole.sentence_id for p in parts) or parts[0].start <= whole.end:
        return False
    between = whole.sentence[whole.end:parts[0].start]
    if not any(m in between for m in words["whole_list_markers"]) or any(m in between for m in words["partial_list_markers"]):
        return False
    return not whole.sentence[parts[-1].end:].lstrip().startswith(words["grammar"]["list_etc"])


def completeness(parts: list[Claim], claims: Iterable[Claim], tables: Iterable[Table] = (),
                 whole: Claim | None = None) -> Completeness | None:
    """How the list ``parts`` (of ``whole``, when given) is known to be complete, or None."""
    if whole is not None and len(parts) >= 2 and _said_whole(whole, parts):
        return Completeness("包括", False)
    # the lexicon's breakdowns first: the tables' part columns are read only when none fits
    for found in (_breakdowns(), _printed_parts(tables)):
        for members, certain in found:
            named = [[m for m in members if m in p.context] for p in parts]
            if len(parts) == len(members) and all(len(n) == 1 for n in named) \
                    and {n[0] for n in named} == set(members):
                return Completeness("、".join(members), certain)
    if len(parts) < 2:
        return None
    ids = {p.id for p in parts}
    shares = {c.numerator: c for c in claims if c.kind == "share" and c.numerator in ids}
    if len(shares) != len(parts):
        return None
    stated = sum((s.value for s in shares.values()), Decimal(0))
    spread = rounding_spread(s.decimals for s in shares.values()) + unit(min(s.decimals for s in shares.values()))
    return Completeness("shares make 100%", True) if abs(stated - 100) <= spread else None
