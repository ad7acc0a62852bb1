"""Value-preserving, length-preserving character normalisation.

Every mapping here is one character to one character, so offsets in the
normalised text are offsets in the source text too. We never NFKC the whole
text: NFKC turns the ideographic comma ``，`` into ``,``, which a number
pattern would then read as a thousands separator and silently change a value.

Traditional characters are read as their simplified forms (預算 as 预算, 萬元 as
万元), from the one-to-one characters of OpenCC's table (lexicons/traditional.tsv):
a disclosure copied from a page in traditional script, or a Big5 text, speaks
the words the lexicons know.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lexicon import data_path

# Full-width digits and the two full-width signs that occur inside numbers.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"．": ".", "％": "%", "\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " "})


@lru_cache(maxsize=1)
def _traditional() -> dict[str, str]:
    pairs = {}
    with open(data_path("traditional.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                traditional, simplified = line.rstrip("\n").split("\t")
                pairs[traditional] = simplified
    return pairs


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    mapped = _FULLWIDTH.get(ch) or _traditional().get(ch)
    if mapped is not None:
        return mapped
    code = ord(ch)
    # Kangxi radicals, CJK radicals supplement and CJK compatibility
    # ideographs: PDF fonts emit e.g. U+2F40 '⽀' where the text means '支'.
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF:
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            # a compatibility ideograph may fold to a traditional character (U+F9D3 -> 陸): one
            # pass must give what a second would (陆)
            return _traditional().get(folded, folded)
    return ch


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """_char for every character it changes, as a str.translate table."""
    changed = set(_FULLWIDTH) | set(_traditional()) | {chr(c) for c in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00))}
    return {ord(ch): _char(ch) for ch in changed if _char(ch) != ch}


def _class(codes) -> re.Pattern:
    """A character class of these code points, as runs of consecutive code points."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in runs) + "]")


@lru_cache(maxsize=1)
def _changed_chars() -> re.Pattern:
    """The characters to change that a GB2312 text may hold: the full-width forms, the
    radicals and the few traditional characters GB2312 also encodes (8 of 4,057).

    A class of a few ranges is scanned in C (the stdlib ``re`` scans a class several
    times faster than ``regex``); the 4,057 traditional characters as one class are
    scanned ten times slower than the text is encoded."""
    gb2312 = set()
    for ch in _traditional():
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        gb2312.add(ord(ch))
    return _class((set(_table()) - {ord(ch) for ch in _traditional()}) | gb2312)


@lru_cache(maxsize=1)
def _traditional_keys() -> frozenset[str]:
    return frozenset(_traditional())


def _to_change(text: str) -> set[str]:
    """The characters of ``text`` that the table changes. A text that GB2312 encodes
    (most disclosures: the check runs in C) holds no traditional character beyond the
    few the class knows; any other text is searched for them as a set."""
    found = set(_changed_chars().findall(text))
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        found |= _traditional_keys().intersection(text)
    return found


def normalize_line(text: str) -> str:
    """Normalise one line; the result has exactly the length of the input."""
    return normalize_text(text)


def normalize_text(text: str) -> str:
    """Normalise a whole text at once: what normalize_line gives for each of its lines.

    No character the table changes is a line or page break, nor becomes one, so the
    text normalised whole splits into its lines normalised one by one. One search of
    the whole text costs less than one per line, and most documents hold no
    character to change; where some do, only those are looked up (translate would
    look up every character of the text).
    """
    if text.isascii():
        return text
    found = _to_change(text)
    if not found:
        return text
    table = _table()
    return text.translate({ord(ch): table[ord(ch)] for ch in found})
