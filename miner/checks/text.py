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


def next_sentence(ctx: Context, sentence_id: int) -> Sentence | None:
    """The sentence after this one in the same paragraph (where "决算数大于预算数的主要原因…" often stands)."""
    following = ctx.memo.get("next_sentence")
    if following is None:
        following = {}
        for paragraph in ctx.paragraphs:
            for current, after in zip(paragraph.sentences, paragraph.sentences[1:]):
                following[current.id] = after
        ctx.memo["next_sentence"] = following
    return following.get(sentence_id)


def lines_outside_prose(ctx: Context):
    """Lines no sentence covers: headings, titles, table lines."""
    covered = ctx.memo.get("covered_lines")
    if covered is None:
        covered = {(seg.file, seg.page, seg.line) for s in sentences(ctx) for seg in s.segments}
        ctx.memo["covered_lines"] = covered
    return [line for line in ctx.lines if (line.file, line.page, line.line) not in covered]


def line_matches(ctx: Context, name: str, lines=None):
    """(line, match) for each match of a consistency pattern in the given lines (default: all),
    table-of-contents leader dots removed first."""
    found = pattern(name)
    leader = pattern("toc_leader_pattern")
    for line in ctx.lines if lines is None else lines:
        text = leader.sub(lambda m: " " * len(m.group(0)), line.text)
        for match in found.finditer(text):
            yield line, match


def excerpt(sentence: Sentence, start: int, end: int, width: int = 20) -> str:
    return sentence.text[max(0, start - width):end + width]
