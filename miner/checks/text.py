"""The document's prose as rules see it: sentences with where each match lies,
and the lexicons/consistency.yaml patterns compiled once."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import load
from ..prose.model import Sentence
from .context import Context


@lru_cache(maxsize=None)
def pattern(name: str) -> regex.Pattern:
    return regex.compile(load("consistency")[name])


def words(name: str):
    return load("consistency")[name]


def sentences(ctx: Context) -> list[Sentence]:
    return [s for p in ctx.paragraphs for s in p.sentences]


def matches(ctx: Context, name: str):
    """(sentence, match, segment) for each match of a consistency pattern in the prose,
    table-of-contents leader dots and page numbers removed first."""
    found = pattern(name)
    leader = pattern("toc_leader_pattern")
    for sentence in sentences(ctx):
        text = leader.sub(lambda m: " " * len(m.group(0)), sentence.text)
        for match in found.finditer(text):
            yield sentence, match, sentence.segment_at(match.start())


def excerpt(sentence: Sentence, start: int, end: int, width: int = 20) -> str:
    return sentence.text[max(0, start - width):end + width]
