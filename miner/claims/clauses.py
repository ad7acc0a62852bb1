"""Clauses of a sentence: where the clause holding a figure starts (after the last clause
punctuation token of the spaCy Doc, or inside a parenthesis still open), and whether an
offset stands inside parentheses."""
from __future__ import annotations

from bisect import bisect_right

from .words import grammar


def clause_ends(doc) -> list[int]:
    """Offsets just after each clause punctuation token of a spaCy Doc, in order."""
    punctuation = grammar().clause_punctuation
    return [token.idx + len(token.text) for token in doc if token.is_punct and token.text in punctuation]


def open_parenthesis(text: str, start: int, at: int) -> int:
    """The offset of a parenthesis opened in ``text[start:at]`` and still open at ``at``, or -1."""
    g = grammar()
    opened = max(text.rfind(mark, start, at) for mark in g.opening_parentheses)
    if opened >= 0 and max(text.rfind(mark, opened, at) for mark in g.closing_parentheses) < 0:
        return opened
    return -1


def in_parentheses(text: str, at: int) -> bool:
    """Whether ``at`` stands inside parentheses of ``text``."""
    return open_parenthesis(text, 0, at) >= 0


def aside_closes(text: str, start: int, end: int) -> bool:
    """Whether a parenthesis not opened in ``text[start:end]`` closes there: what stands before
    ``start`` belongs to an aside that ends before ``end`` (its opening may lie in the sentence
    before, where a full stop inside the aside ended it)."""
    g = grammar()
    depth = 0
    for char in text[start:end]:
        if char in g.opening_parentheses:
            depth += 1
        elif char in g.closing_parentheses:
            if depth == 0:
                return True
            depth -= 1
    return False


def clause_start(sentence: str, index: int, ends: list[int]) -> int:
    """Start of the clause holding ``index``: after the last clause punctuation token
    (``ends``: the sentence's clause ends, from clause_ends)."""
    at = bisect_right(ends, index) - 1
    # a punctuation token that ends at the figure still comes before it
    start = ends[at] if at >= 0 else 0
    # a figure inside a parenthesis still open (490,808.40万元（本年预算收入390,140.45万元）)
    # is an aside: its clause starts inside the parenthesis
    opened = open_parenthesis(sentence, start, index)
    return opened + 1 if opened >= 0 else start


def sentence_ends(sentence_start: int, last_figure_end: int, narrative_ends: list[int]) -> list[int]:
    """A sentence's clause ends, as offsets in the sentence, from the clause ends of the
    narrative it starts at ``sentence_start`` in (up to its last figure)."""
    return [end - sentence_start for end in narrative_ends[bisect_right(narrative_ends, sentence_start):
                                                            bisect_right(narrative_ends, sentence_start + last_figure_end)]]
