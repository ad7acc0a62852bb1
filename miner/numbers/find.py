"""Find number mentions in text with the patterns of ``lexicons/numbers.yaml``."""
from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

import regex

from ..lexicon import load
from .model import Mention
from .parse import parse_number

_PLACEHOLDER = regex.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str, str, regex.Pattern, regex.Pattern | None], ...]:
    data = load("numbers")
    parts: dict[str, str] = data["parts"]

    def expand(pattern: str) -> str:
        return _PLACEHOLDER.sub(lambda m: f"(?:{parts[m.group(1)]})" if m.group(1) in parts else m.group(0), pattern)

    return tuple(
        (entry["name"], entry["numeral"], entry.get("unit", ""), regex.compile(expand(entry["pattern"]), regex.V1),
         regex.compile(expand(entry["requires"])) if entry.get("requires") else None)
        for entry in data["mentions"]
    )


@lru_cache(maxsize=1)
def _ignored() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(p) for p in load("numbers").get("ignore", ()))


def find_mentions(text: str) -> list[Mention]:
    """All number mentions in ``text``, left to right, never overlapping.

    Where patterns compete for the same characters, the earlier pattern in
    the data file wins at a given start, and the leftmost start wins overall.
    """
    candidates: list[tuple[int, int, int, regex.Match, str, str, str]] = []
    for rank, (name, numeral, unit, pattern, requires) in enumerate(_patterns()):
        if requires is not None and requires.search(text) is None:
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.start("number"), rank, -match.end(), match, name, numeral, unit))
    if not candidates:
        return []
    candidates.sort(key=itemgetter(0, 1, 2))
    # spans no number may start in
    blocked = [(m.start(), m.end()) for p in _ignored() for m in p.finditer(text)]
    mentions: list[Mention] = []
    taken_until = -1
    for number_start, _rank, neg_end, match, name, numeral, fixed_unit in candidates:
        if number_start < taken_until or (blocked and any(s <= number_start < e for s, e in blocked)):
            continue
        number_text = match.group("number")
        parsed = parse_number(number_text, numeral)
        if parsed is None:
            continue
        # the optional parts a pattern may name (numbers.yaml); a pattern without one reads ""
        parts = match.groupdict("")
        mentions.append(Mention(
            pattern=name,
            text=match.group(0),
            start=match.start(),
            end=-neg_end,
            number_text=number_text,
            number_start=number_start,
            number_end=match.end("number"),
            value=parsed.value,
            decimals=parsed.decimals,
            multiplier=parts.get("multiplier", ""),
            unit=fixed_unit or parts.get("unit", "").replace(" ", ""),
            approx=parts.get("approx_before", "") or parts.get("approx_after", ""),
        ))
        taken_until = -neg_end
    return mentions
