"""The document's prose as rules see it: sentences with where each match lies,
and the lexicons/consistency.yaml patterns compiled once."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

import regex

from ..lexicon import load
from ..prose.model import Sentence
from .context import Context


@lru_cache(maxsize=None)
def pattern(name: str) -> regex.Pattern:
    return regex.compile(load("consistency")[name])


def words(name: str):
    return load("consistency")[name]


_QUOTES_BRACKETS_SPACES = regex.compile(r"[（）()“”\"'\s]")


def plain(text: str) -> str:
    """A name without brackets, quote marks and spaces, as two spellings of it are compared
    (因公出国（境）费 and 因公出国(境)费, “三公”经费 and 三公经费)."""
    return _QUOTES_BRACKETS_SPACES.sub("", text)


def sentences(ctx: Context) -> list[Sentence]:
    return [s for p in ctx.paragraphs for s in p.sentences]


def _without_leaders(text: str) -> str:
    """The text with table-of-contents leader dots and page numbers blanked (same length)."""
    return pattern("toc_leader_pattern").sub(lambda m: " " * len(m.group(0)), text)


def _prose(ctx: Context) -> list[tuple[Sentence, str]]:
    """Each sentence with its text without leaders (once per document: several rules search the prose)."""
    return ctx.remember("prose without leaders", lambda: [(s, _without_leaders(s.text)) for s in sentences(ctx)])


def matches(ctx: Context, name: str):
    """(sentence, match, segment) for each match of a consistency pattern in the prose,
    table-of-contents leader dots and page numbers removed first."""
    found = pattern(name)
    for sentence, text in _prose(ctx):
        for match in found.finditer(text):
            yield sentence, match, sentence.segment_at(match.start())


def next_sentence(ctx: Context, sentence_id: int) -> Sentence | None:
    """The sentence after this one in the same paragraph (where "决算数大于预算数的主要原因…" often stands)."""
    following = ctx.remember("next_sentence", lambda: {
        current.id: after for paragraph in ctx.paragraphs
        for current, after in zip(paragraph.sentences, paragraph.sentences[1:])})
    return following.get(sentence_id)


def lines_outside_prose(ctx: Context):
    """Lines with text that no sentence covers: headings, titles, table lines."""
    covered = ctx.remember("covered_lines",
                           lambda: {(seg.file, seg.page, seg.line) for s in sentences(ctx) for seg in s.segments})
    return [line for line in ctx.lines if line.text and (line.file, line.page, line.line) not in covered]


class Joined:
    """Texts (a document's lines) joined by newlines, to be searched once rather than one by
    one; ``index`` says which text an offset of the joined text falls in."""

    def __init__(self, texts: list[str]):
        self.text = "\n".join(texts)
        self._ends = list(accumulate(len(text) + 1 for text in texts))    # where each next text starts

    def index(self, offset: int) -> int:
        return bisect_right(self._ends, offset)


def line_matches(ctx: Context, name: str, lines=None):
    """(line, match) for each match of a consistency pattern in the given lines (default: all),
    table-of-contents leader dots removed first.

    The pattern must match within one line whatever stands before or after it, and match the
    same with or without leader dots (placeholder_pattern: none of its characters is a newline,
    a leader dot, a digit or a space, and a newline is, for its lookarounds, what a line's start or
    end is: no letter, no 年月日…). Then the lines can be searched joined, once, and only the
    lines that search finds anything on are searched one by one (most lines hold none)."""
    found = pattern(name)
    # an empty line holds nothing to find (half the lines of some documents)
    lines = [line for line in (ctx.lines if lines is None else lines) if line.text]
    joined = Joined([line.text for line in lines])
    holding = dict.fromkeys(joined.index(match.start()) for match in found.finditer(joined.text))
    for index in holding:
        line = lines[index]
        for match in found.finditer(_without_leaders(line.text)):
            yield line, match


def excerpt(sentence: Sentence, start: int, end: int, width: int = 20) -> str:
    return sentence.text[max(0, start - width):end + width]
