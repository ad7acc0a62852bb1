"""Whether a list of parts leaves nothing out, so that a sum falling short of its whole is an error.

A 其中 list or a reason's list of changes may name only the main items; a shortfall says nothing
then. A list is complete when its parts name, one each, every member of a breakdown complete by
definition (lexicons/claims.yaml complete_breakdowns: 货物/工程/服务 of 政府采购, 人员经费/公用经费
of 基本支出, the three “三公”; 基本支出/项目支出 of 支出, `certain: false` because a final account's
支出 may hold a rarer part), or when each part states its share of the whole and the shares
make 100%.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable

from ..claims.model import Claim
from ..lexicon import load
from .tolerance import rounding_spread, unit


@dataclass(frozen=True)
class Completeness:
    why: str          # the breakdown's members, or "shares make 100%"
    certain: bool     # False: a shortfall is at most a warning


@lru_cache(maxsize=1)
def _breakdowns() -> tuple[tuple[tuple[str, ...], bool], ...]:
    return tuple((tuple(b["members"]), bool(b["certain"])) for b in load("claims")["complete_breakdowns"])


def completeness(parts: list[Claim], claims: Iterable[Claim]) -> Completeness | None:
    """How the list ``parts`` is known to be complete, or None."""
    for members, certain in _breakdowns():
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
