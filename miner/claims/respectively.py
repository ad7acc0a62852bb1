"""Respectively-lists: the figures after 分别 (or 各) that pair, in order, with the names before it.

"基本支出、项目支出分别为500.44万元、367.67万元" states 500.44 for 基本支出 and 367.67 for
项目支出; "分别占本年支出的57.6%、42.4%" after it states the share of each; "收、支总计各是A、B万元"
the two totals. Read one figure at a time, the second figure would see only "分别为" before it,
and a share would take the nearest amount as its part. This step finds such runs in a sentence
and gives each figure the words that are its own (the i-th name and the words of the list), and
its place in the run, so that the relations pair a share with the amount of the same place.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lexicon import load
from ..numbers import Mention


@dataclass(frozen=True)
class Respective:
    run: int          # the run's number in its sentence (0, 1, …)
    index: int        # the figure's place in its run
    size: int
    named: bool       # the run has a name for each figure
    words: str        # the words before the figure that are its own (clause start, its name, the list's verb)
    clause_start: int


@dataclass(frozen=True)
class _Grammar:
    words: tuple[str, ...]
    separator: regex.Pattern
    name_separator: regex.Pattern
    names_start: regex.Pattern
    verb_breaks: regex.Pattern


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    spec = load("claims")["respectively"]
    return _Grammar(tuple(spec["words"]), regex.compile(spec["separator"]),
                    regex.compile(spec["name_separator"]), regex.compile(spec["names_start"]),
                    regex.compile(spec["verb_breaks"]))


def respective_runs(text: str, mentions: list[Mention]) -> dict[int, Respective]:
    """The mentions (by index) that belong to a respectively-list of the sentence ``text``."""
    g = _grammar()
    if not any(word in text for word in g.words):
        return {}
    found: dict[int, Respective] = {}
    run = 0
    for word in g.words:
        for hit in regex.finditer(regex.escape(word), text):
            at, after = hit.start(), hit.end()
            first = next((i for i, m in enumerate(mentions) if m.start >= after), None)
            # the list's verb stands between the word and the first figure (为, 占本年支出的), no other list
            if first is None or first in found or g.verb_breaks.search(text[after:mentions[first].start]):
                continue
            members = [first]
            while members[-1] + 1 < len(mentions) and \
                    g.separator.match(text[mentions[members[-1]].end:mentions[members[-1] + 1].start]):
                members.append(members[-1] + 1)
            if len(members) < 2:
                continue
            starts = [m.end() for m in g.names_start.finditer(text, 0, at)]
            clause_start = starts[-1] if starts else 0
            names = [n.strip() for n in g.name_separator.split(text[clause_start:at]) if n.strip()]
            verb = text[after:mentions[first].start]
            named = len(names) == len(members)
            for index, member in enumerate(members):
                own = names[index] + verb if named else text[clause_start:at] + verb
                found[member] = Respective(run, index, len(members), named, own, clause_start)
            run += 1
    return found
