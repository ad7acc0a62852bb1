"""Find number mentions in text with the patterns of ``lexicons/numbers.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import regex

from ..lexicon import load
from .model import Mention
from .parse import parse_number

_PLACEHOLDER = regex.compile(r"\{(\w+)\}")


# the optional parts a mention pattern may name (numbers.yaml), read by the claim stage
_PARTS = ("multiplier", "unit", "approx_before", "approx_after")


@dataclass(frozen=True)
class _MentionPattern:
    name: str
    numeral: str
    unit: str                       # the unit of every mention it finds, or "" (read from its `unit` part)
    pattern: regex.Pattern
    requires: regex.Pattern | None
    number: int                     # the index of its `number` group
    parts: tuple[tuple[str, int], ...]   # (part, group index) of the optional parts it names


@lru_cache(maxsize=1)
def _patterns() -> tuple[_MentionPattern, ...]:
    data = load("numbers")
    parts: dict[str, str] = data["parts"]

    def expand(pattern: str) -> str:
        return _PLACEHOLDER.sub(lambda m: f"(?:{parts[m.group(1)]})" if m.group(1) in parts else m.group(0), pattern)

    found = []
    for entry in data["mentions"]:
        pattern = regex.compile(expand(entry["pattern"]), regex.V1)
        found.append(_MentionPattern(
            entry["name"], entry["numeral"], entry.get("unit", ""), pattern,
            regex.compile(expand(entry["requires"])) if entry.get("requires") else None,
            pattern.groupindex["number"],
            tuple((part, pattern.groupindex[part]) for part in _PARTS if part in pattern.groupindex)))
    return tuple(found)


@lru_cache(maxsize=1)
def _ignored() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(p) for p in load("numbers").get("ignore", ()))


def find_mentions(text: str) -> list[Mention]:
    """All number mentions in ``text``, left to right, never overlapping.

    Where patterns compete for the same characters, the earlier pattern in
    the data file wins at a given start, and the leftmost start wins overall.
    """
    # A match's spans are read by group index from Match.regs: the regex module looks a
    # group name up for every call by name (0.4 us each, groupdict 2 us, by index 0.05 us).
    candidates: list[tuple[int, int, int, tuple, _MentionPattern]] = []
    for rank, entry in enumerate(_patterns()):
        if entry.requires is not None and entry.requires.search(text) is None:
            continue
        for match in entry.pattern.finditer(text):
            spans = match.regs
            start, end = spans[0]
            if end > start:
                candidates.append((spans[entry.number][0], rank, -end, spans, entry))
    if not candidates:
        return []
    candidates.sort(key=itemgetter(0, 1, 2))
    # spans no number may start in
    blocked = [(m.start(), m.end()) for p in _ignored() for m in p.finditer(text)]
    mentions: list[Mention] = []
    taken_until = -1
    for number_start, _rank, neg_end, spans, entry in candidates:
        if number_start < taken_until or (blocked and any(s <= number_start < e for s, e in blocked)):
            continue
        number_end = spans[entry.number][1]
        number_text = text[number_start:number_end]
        parsed = parse_number(number_text, entry.numeral)
        if parsed is None:
            continue
        # an optional part the pattern does not name, or that took no part in the match, reads ""
        parts = {part: text[spans[index][0]:spans[index][1]] for part, index in entry.parts if spans[index][0] >= 0}
        start, end = spans[0]
        mentions.append(Mention(
            pattern=entry.name,
            text=text[start:end],
            start=start,
            end=end,
            number_text=number_text,
            number_start=number_start,
            number_end=number_end,
            value=parsed.value,
            decimals=parsed.decimals,
            multiplier=parts.get("multiplier", ""),
            unit=entry.unit or parts.get("unit", "").replace(" ", ""),
            approx=parts.get("approx_before", "") or parts.get("approx_after", ""),
        ))
        taken_until = end
    return mentions
