"""The words and patterns the claim stage reads, loaded once from lexicons/ (claims.yaml,
measures.yaml), and the two ways it searches a text for a list of words: the last one
(``rfind_any``) and all of them removed (``WordSet``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..lexicon import load


@dataclass(frozen=True)
class Words:
    share: tuple[str, ...]
    rate: tuple[str, ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    flat: tuple[str, ...]
    change_word: regex.Pattern      # any increase or decrease word
    alternative: regex.Pattern
    indicator: tuple[str, ...]
    threshold_before: tuple[str, ...]
    threshold_after: tuple[str, ...]
    bound_before: tuple[str, ...]
    level_after_change: tuple[str, ...]
    list_colons: tuple[str, ...]
    target_after: tuple[str, ...]
    points: tuple[str, ...]         # units of a change in percentage points (个百分点)
    minus_signs: tuple[str, ...]    # a sign before a change's figure (增长-3.2%)
    prior: tuple[str, ...]
    change_context: tuple[str, ...]
    parts: tuple[str, ...]
    parts_continued: tuple[str, ...]
    parts_in_clause: tuple[str, ...]     # markers whose list ends with their clause when it holds no figure
    clause_group_ends: str               # what ends such a clause (；。)
    money: dict[str, Decimal]
    measures: tuple[tuple[str, str], ...]       # (word, key), longest first
    # all measure words in one pattern, longest first: at each position the longest
    # word is the one a measure search scores highest, so no shorter one is needed
    measure_pattern: regex.Pattern
    measure_key: dict[str, str]                 # word -> key (the first key listed for it)
    measure_lengths: tuple[int, ...]            # the lengths of measure words, longest first
    measure_words: dict[str, tuple[str, ...]]   # key -> its words
    column_subjects: tuple[str, ...]
    denominators: tuple[tuple[str, str], ...]
    list_wholes: tuple[str, ...]
    budget_kinds: regex.Pattern
    qualifiers: tuple[str, ...]
    # the qualifiers cut out before a subject search; a short one (部门, 单位, 类) can be part of a name
    long_qualifiers: tuple[str, ...]
    linkers: tuple[str, ...]
    comparison: tuple[str, ...]
    max_leftover: int
    breakdown: tuple[str, ...]
    budget_comparison: regex.Pattern
    topic_nouns: tuple[str, ...]
    opens_with_comparison: regex.Pattern
    reasons: tuple[str, ...]
    measured_kinds: frozenset[str]
    budget_words: tuple[str, ...]
    topic_shift: tuple[str, ...]
    body: regex.Pattern
    net: tuple[str, ...]
    budget_measure: str       # the measure keys of a completion rate's figures (operand_measures)
    actual_measure: str
    column_subject_measure: str     # what a 三公 column named alone states (measures.yaml)
    path_subject_measure: str       # what a classification item named alone states (measures.yaml)
    name_endings: tuple[str, ...]   # a subject and a row label may differ by these (支出)


@dataclass(frozen=True)
class Grammar:
    """The marks and patterns of the prose's grammar (claims.yaml ``grammar``)."""
    clause_punctuation: frozenset[str]
    spaces: regex.Pattern
    not_code_digit: regex.Pattern
    name_separators: regex.Pattern
    lead_end: regex.Pattern
    group_ends: str
    opening_parentheses: str
    closing_parentheses: str
    name_parentheses: tuple[tuple[str, str], ...]
    level_mark: regex.Pattern
    level_mark_before_figure: regex.Pattern
    item_numbering: regex.Pattern
    code_in_parentheses: regex.Pattern
    code_joined_before_name: regex.Pattern
    up_to_year: regex.Pattern
    year_named: regex.Pattern
    compared_with_year: str         # a pattern with {year} in it
    share_whole_end: regex.Pattern
    share_of_no_whole: str
    whole_name_ending: regex.Pattern
    whole_named_total: str          # the pattern after a whole's name, escaped
    date_unit_start: str
    list_item_separator: str
    list_etc: str
    scales: dict[str, Decimal]


def longest_first(words) -> tuple[str, ...]:
    """The distinct words, longest first, in code-point order among equals."""
    # two sorts, the second stable (reverse=True keeps the order of equals): the same order as
    # the key (-len(word), word), without building a tuple per word (a document's word sets
    # hold a few hundred, built per document)
    return tuple(sorted(sorted(set(words)), key=len, reverse=True))


def _first_key(pairs) -> dict[str, str]:
    keys: dict[str, str] = {}
    for word, key in pairs:
        keys.setdefault(word, key)
    return keys


@lru_cache(maxsize=1)
def words() -> Words:
    c = load("claims")
    m = load("measures")
    g = c["grammar"]
    measure_words = sorted(((w, e["key"]) for e in m["measures"] for w in e["words"]), key=lambda p: -len(p[0]))
    return Words(
        share=longest_first(c["share_markers"]), rate=longest_first(c["rate_markers"]),
        increase=longest_first(c["increase_words"]), decrease=longest_first(c["decrease_words"]),
        change_word=regex.compile("|".join(map(regex.escape,
                                                longest_first(c["increase_words"] + c["decrease_words"])))),
        flat=longest_first(c["flat_words"]), alternative=regex.compile(c["alternative_pattern"]),
        indicator=longest_first(c["indicator_words"]),
        threshold_before=longest_first(c["threshold_before"]), threshold_after=longest_first(c["threshold_after"]),
        bound_before=longest_first(c["bound_before"]), level_after_change=tuple(c["level_after_change"]),
        list_colons=tuple(c["list_colons"]),
        target_after=tuple(c["target_after"]),
        points=tuple(c["points_units"]), minus_signs=tuple(c["minus_signs"]),
        prior=longest_first(c["prior_period_words"]), change_context=tuple(c["change_context_words"]),
        parts=longest_first(c["parts_markers"]),
        parts_continued=tuple(c["parts_markers_continued"]),
        parts_in_clause=tuple(c["parts_markers_in_clause"]), clause_group_ends=c["parts_clause_ends"],
        money={k: Decimal(v) for k, v in c["money_units"].items()},
        measures=tuple(measure_words),
        measure_pattern=regex.compile("|".join(regex.escape(word) for word, _k in measure_words)),
        measure_key=_first_key(measure_words),
        measure_lengths=tuple(sorted({len(word) for word, _k in measure_words}, reverse=True)),
        measure_words={key: tuple(word for word, k in measure_words if k == key) for _w, key in measure_words},
        column_subjects=longest_first({**m["column_subjects"], **m["column_subjects_budget"]}),
        denominators=tuple(sorted(m["denominators"].items(), key=lambda p: -len(p[0]))),
        list_wholes=tuple(m["list_wholes"]),
        budget_kinds=regex.compile("|".join(map(regex.escape, longest_first(load("consistency")["budget_kinds"])))),
        qualifiers=longest_first(c["qualifiers"]),
        long_qualifiers=tuple(word for word in longest_first(c["qualifiers"]) if len(word) > 2),
        linkers=longest_first(c["linkers"]),
        comparison=longest_first(c["comparison_words"]), max_leftover=int(c["max_leftover_chars"]),
        breakdown=tuple(c.get("breakdown_words", ())),
        budget_comparison=regex.compile(c["budget_comparison"]),
        topic_nouns=longest_first(c["topic_nouns"]),
        reasons=longest_first(c["reason_words"]), net=longest_first(c["net_words"]),
        budget_measure=m["operand_measures"]["budget"], actual_measure=m["operand_measures"]["actual"],
        measured_kinds=frozenset(c["measured_kinds"]),
        budget_words=longest_first(c["budget_words"]), topic_shift=tuple(c["topic_shift_words"]),
        body=regex.compile(r"^.{0,%d}(?:" % int(g["body_within_chars"])
                           + "|".join(map(regex.escape, longest_first(c["body_suffixes"]))) + ")"),
        opens_with_comparison=regex.compile(
            r"^\s*(?:" + "|".join(map(regex.escape, longest_first(c["comparison_words"]))) + r")\s*(?:"
            + "|".join(map(regex.escape, longest_first(c["prior_period_words"]))) + ")"),
        column_subject_measure=m["column_subject_measure"], path_subject_measure=m["path_subject_measure"],
        name_endings=tuple(m["name_endings"]),
    )


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    g = load("claims")["grammar"]
    return Grammar(
        clause_punctuation=frozenset(g["clause_punctuation"]),
        spaces=regex.compile(g["spaces"]), not_code_digit=regex.compile(g["not_code_digit"]),
        name_separators=regex.compile(g["name_separators"]), lead_end=regex.compile(g["lead_end"]),
        group_ends=g["group_ends"],
        opening_parentheses=g["opening_parentheses"], closing_parentheses=g["closing_parentheses"],
        name_parentheses=tuple(g["name_parentheses"].items()),
        level_mark=regex.compile(g["level_mark"]),
        level_mark_before_figure=regex.compile(g["level_mark_before_figure"]),
        item_numbering=regex.compile(g["item_numbering"]),
        code_in_parentheses=regex.compile(g["code_in_parentheses"]),
        code_joined_before_name=regex.compile(g["code_joined_before_name"]),
        up_to_year=regex.compile(g["up_to_year"]), year_named=regex.compile(g["year_named"]),
        compared_with_year=g["compared_with_year"],
        share_whole_end=regex.compile(g["share_whole_end"]), share_of_no_whole=g["share_of_no_whole"],
        whole_name_ending=regex.compile(g["whole_name_ending"]), whole_named_total=g["whole_named_total"],
        date_unit_start=g["date_unit_start"],
        list_item_separator=g["list_item_separator"], list_etc=g["list_etc"],
        scales={k: Decimal(v) for k, v in g["scales"].items()},
    )


class WordSet:
    """Words to remove from a text, longest first, indexed by their first character:
    only the words whose first character occurs in the text are tried."""

    def __init__(self, words):
        self.words = longest_first(words)
        self._ranks: dict[str, list[int]] = {}
        for rank, word in enumerate(self.words):
            self._ranks.setdefault(word[0], []).append(rank)

    def remove_from(self, text: str) -> str:
        """``text`` without any of the words, each removed in turn, longest first.

        Removing a word never brings in a character, so a word that occurs after
        the removals starts with a character of the text given."""
        for rank in sorted(rank for char in set(text) for rank in self._ranks.get(char, ())):
            word = self.words[rank]
            if word in text:
                text = text.replace(word, "")
        return text


def rfind_any(text: str, options: tuple[str, ...]) -> tuple[int, str]:
    """(offset, word) of the last occurrence of any of ``options`` in ``text`` (the longer
    word where two start at the same offset), or (-1, "")."""
    found = _last_of(options).match(text) if options else None
    return (found.start(1), found.group(1)) if found else (-1, "")


@lru_cache(maxsize=None)    # a few dozen word lists of the lexicons
def _last_of(options: tuple[str, ...]) -> re.Pattern:
    # everything, then the words: the greedy run backs off one character at a time from
    # the end, so the words match at the last offset where one starts, the longest first
    # there. Literal words: the stdlib re reads them as regex would, and faster.
    return re.compile("(?s:.*)(" + "|".join(map(re.escape, longest_first(options))) + ")")

