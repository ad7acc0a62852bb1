"""Which figures listed after a whole are its parts, as the sum rules use them.

The claim stage ties a figure to the whole a 其中 / 主要用于 before it names (``Claim.parts_of``).
Two shapes of the prose make that tie too wide, and a sum over them reports an error the
document does not contain:

- an aside in parentheses after one of the parts breaks that part down, not the whole:
  "其中：因公出国（境）费101.75万元；公务用车购置及运行维护费112.08万元（公务用车购置费18.2万元
  …；公务用车运行维护费93.88万元…）；公务接待费24.57万元" (广州): 18.2 and 93.88 are parts of
  112.08, and the whole 238.4 is 101.75 + 112.08 + 24.57;
- a 主要用于 belongs to one figure's clause: when
  that clause ends with no part in it, the figures after it are siblings ("基本支出113,007.22万元，
  主要用于保障…；项目支出114,947.89万元" is no breakdown of 基本支出).

The words are lexicons/claims.yaml's (parts_markers, parts_markers_continued, clause_ends).
"""
from __future__ import annotations

from functools import lru_cache

from ..claims.model import Claim
from ..lexicon import load

@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    words = load("claims")
    markers = tuple(sorted(words["parts_markers"], key=len, reverse=True))
    # 主要用于 and 包括 lists name what ONE figure holds: their clause bounds them
    bound = tuple(words["parts_markers_continued"]) + tuple(words.get("parts_markers_in_clause", ()))
    return markers, bound, tuple(words["clause_ends"])


def _open_parenthesis(text: str, at: int) -> int:
    """Where the parenthesis around `at` opens, or -1 when `at` is not inside one."""
    opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    closed = max(text.rfind("）", 0, at), text.rfind(")", 0, at))
    return opened if opened > closed else -1


def _last_marker(text: str, start: int, end: int) -> tuple[int, str]:
    markers, _continued, _ends = _words()
    found = (-1, "")
    for marker in markers:
        at = text.rfind(marker, start, end)
        if at > found[0]:
            found = (at, marker)
    return found


def _clause_end(text: str, at: int) -> int:
    _markers, _continued, ends = _words()
    found = [i for i in (text.find(mark, at) for mark in ends) if i >= 0]
    return min(found) if found else len(text)


def _aside_of_a_part(part: Claim, whole: Claim, by_sentence: list[Claim]) -> bool:
    """A part in parentheses that open after another figure than its whole."""
    opened = _open_parenthesis(part.sentence, part.start)
    if opened < 0 or (whole.sentence_id == part.sentence_id
                      and _open_parenthesis(whole.sentence, whole.start) == opened):
        return False
    before = [c for c in by_sentence if c.end <= opened and c.kind != "date"]
    return bool(before) and before[-1].id != whole.id


def _past_its_clause(part: Claim, whole: Claim, listed: list[Claim]) -> bool:
    """A part after the end of the clause its marker opened, when that clause lists none: a clause-
    bound marker (主要用于, 包括) closed that way hands over to the marker before it (其中：人员经费
    2152.26万元，主要包括：基本工资…；公用经费184.65万元: 184.65 is the 其中 list's)."""
    text = part.sentence
    start = whole.end if whole.sentence_id == part.sentence_id else 0
    _markers, bound, _ends = _words()
    at, marker = _last_marker(text, start, part.start)
    closed = False
    while at >= 0 and marker in bound:
        end = _clause_end(text, at)
        if end >= part.start or any(at < other.start < end and _open_parenthesis(text, other.start) < 0
                                    for other in listed):
            return False
        closed = True
        at, marker = _last_marker(text, start, at)
    if at < 0:
        return closed
    # 其中：A …；B …: a list that runs over its clauses; but a 其中 inside one item of a list
    # ("主要包括：…运行维护973.30万元，其中结转结余220.80万元，用于…；系统线路租用费40.00万元")
    # breaks that item down and ends with it
    return _clause_end(text, at) < part.start and _inside_a_list(whole, text, at, at + len(marker))


def _inside_a_list(whole: Claim, text: str, marker_at: int, marker_end: int) -> bool:
    """A whole that is itself an item of a list opened before it in its sentence, its 其中 written
    straight against its part (no ：) in the same clause."""
    if whole.sentence != text or text[marker_end:marker_end + 1] in ("：", ":") or _clause_end(text, whole.end) < marker_at:
        return False
    return any(word in text[:whole.start] for word in _openers())


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return tuple(load("claims")["list_openers"])


def parts_index(claims) -> dict[str, tuple[Claim, ...]]:
    """Whole claim id -> its parts, in document order."""
    claims = {c.id: c for c in claims}
    listed: dict[str, list[Claim]] = {}
    sentences: dict[int, list[Claim]] = {}
    for claim in claims.values():
        sentences.setdefault(claim.sentence_id, []).append(claim)
        if claim.parts_of:
            listed.setdefault(claim.parts_of, []).append(claim)
    kept: dict[str, tuple[Claim, ...]] = {}
    for whole_id, parts in listed.items():
        whole = claims.get(whole_id)
        if whole is not None:
            parts = [p for p in parts if not _aside_of_a_part(p, whole, sorted(sentences[p.sentence_id], key=lambda c: c.start))
                     and not _past_its_clause(p, whole, parts)]
        if parts:
            kept[whole_id] = tuple(parts)
    return kept
