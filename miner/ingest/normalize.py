"""Value-preserving, length-preserving character normalisation.

Every mapping here is one character to one character, so offsets in the
normalised text are offsets in the source text too. We never NFKC the whole
text: NFKC turns the ideographic comma ``，`` into ``,``, which a number
pattern would then read as a thousands separator and silently change a value.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Full-width digits and the two full-width signs that occur inside numbers.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"．": ".", "％": "%", "\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " "})


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    mapped = _FULLWIDTH.get(ch)
    if mapped is not None:
        return mapped
    code = ord(ch)
    # Kangxi radicals, CJK radicals supplement and CJK compatibility
    # ideographs: PDF fonts emit e.g. U+2F40 '⽀' where the text means '支'.
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF:
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            return folded
    return ch


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """_char for every character it changes, as a str.translate table."""
    changed = set(_FULLWIDTH) | {chr(c) for c in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00))}
    return {ord(ch): _char(ch) for ch in changed if _char(ch) != ch}


@lru_cache(maxsize=1)
def _changed_chars() -> re.Pattern:
    """A character class of the table's keys, as runs of consecutive code points.

    str.translate looks every character up in the table (most lines change
    none), while a class of a few ranges is scanned in C; the stdlib ``re``
    scans a class several times faster than ``regex``.
    """
    runs: list[list[int]] = []
    for code in sorted(_table()):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in runs) + "]")


def normalize_line(text: str) -> str:
    """Normalise one line; the result has exactly the length of the input."""
    if text.isascii() or not _changed_chars().search(text):
        return text
    return text.translate(_table())


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
    return _changed_chars().sub(_mapped, text)


def _mapped(found: re.Match) -> str:
    return _table()[ord(found.group())]
