"""Claims: every number of the narrative, with its kind, subject, measure and period.

Numbers come from the regex recognizer (miner.numbers) on the raw sentence
text; spaCy (blank Chinese pipeline, jieba segmenter) provides the tokens and
clause boundaries around them, with each number added to the Doc as a span.
The words that decide kind, subject and measure are data (lexicons/).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import regex

from ..lexicon import load
from ..numbers import Mention, find_mentions
from ..prose.model import Paragraph, Sentence
from .model import Claim
from .nlp import Segmenter

_CLAUSE_PUNCT = frozenset("，,；;：:。！？、")
_LEVEL = regex.compile(r"\s*[（(]\s*([类款项])\s*[）)]\s*")
_NUMBERING = regex.compile(r"^\s*(?:[（(]?\s*[一二三四五六七八九十\d]+\s*[）)、.．]\s*)+")
_SPACES = regex.compile(r"\s+")
_CLAUSE_SPLIT = regex.compile(r"[，,；;：:。、]")
_LEAD_SPLIT = regex.compile(r"[，,：:；;]")
# 上海市普陀区财政局2024年度收入支出总计: everything up to the year is context
_UP_TO_YEAR = regex.compile(r"^.*(?:19|20)\d\d\s*年度?")
_TRAILING_DE = regex.compile(r"[的\s]+$")
_NON_DIGITS = regex.compile(r"\D")
# the multiplier written with a figure (23.05万余件, 1.2亿元): what its quantity is multiplied by
_SCALES = {"万": Decimal(10000), "亿": Decimal(100000000)}
_ONE = Decimal(1)


@dataclass(frozen=True)
class _Words:
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
    prior: tuple[str, ...]
    change_context: tuple[str, ...]
    parts: tuple[str, ...]
    parts_continued: tuple[str, ...]
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


def _longest_first(words) -> tuple[str, ...]:
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
def words() -> _Words:
    c = load("claims")
    m = load("measures")
    measure_words = sorted(((w, e["key"]) for e in m["measures"] for w in e["words"]), key=lambda p: -len(p[0]))
    return _Words(
        share=_longest_first(c["share_markers"]), rate=_longest_first(c["rate_markers"]),
        increase=_longest_first(c["increase_words"]), decrease=_longest_first(c["decrease_words"]),
        change_word=regex.compile("|".join(map(regex.escape,
                                                _longest_first(c["increase_words"] + c["decrease_words"])))),
        flat=_longest_first(c["flat_words"]), alternative=regex.compile(c["alternative_pattern"]),
        indicator=_longest_first(c["indicator_words"]),
        threshold_before=_longest_first(c["threshold_before"]), threshold_after=_longest_first(c["threshold_after"]),
        prior=_longest_first(c["prior_period_words"]), change_context=tuple(c["change_context_words"]),
        parts=_longest_first(c["parts_markers"]),
        parts_continued=tuple(c["parts_markers_continued"]),
        money={k: Decimal(v) for k, v in c["money_units"].items()},
        measures=tuple(measure_words),
        measure_pattern=regex.compile("|".join(regex.escape(word) for word, _k in measure_words)),
        measure_key=_first_key(measure_words),
        measure_lengths=tuple(sorted({len(word) for word, _k in measure_words}, reverse=True)),
        measure_words={key: tuple(word for word, k in measure_words if k == key) for _w, key in measure_words},
        column_subjects=_longest_first({**m["column_subjects"], **m["column_subjects_budget"]}),
        denominators=tuple(sorted(m["denominators"].items(), key=lambda p: -len(p[0]))),
        list_wholes=tuple(m["list_wholes"]),
        budget_kinds=regex.compile("|".join(map(regex.escape, _longest_first(load("consistency")["budget_kinds"])))),
        qualifiers=_longest_first(c["qualifiers"]),
        long_qualifiers=tuple(word for word in _longest_first(c["qualifiers"]) if len(word) > 2),
        linkers=_longest_first(c["linkers"]),
        comparison=_longest_first(c["comparison_words"]), max_leftover=int(c["max_leftover_chars"]),
        breakdown=tuple(c.get("breakdown_words", ())),
        budget_comparison=regex.compile(c["budget_comparison"]),
        topic_nouns=_longest_first(c["topic_nouns"]),
        reasons=_longest_first(c["reason_words"]), net=_longest_first(c["net_words"]),
        measured_kinds=frozenset(c["measured_kinds"]),
        budget_words=_longest_first(c["budget_words"]), topic_shift=tuple(c["topic_shift_words"]),
        body=regex.compile(r"^.{0,40}(?:" + "|".join(map(regex.escape, _longest_first(c["body_suffixes"]))) + ")"),
        opens_with_comparison=regex.compile(
            r"^\s*(?:" + "|".join(map(regex.escape, _longest_first(c["comparison_words"]))) + r")\s*(?:"
            + "|".join(map(regex.escape, _longest_first(c["prior_period_words"]))) + ")"),
    )


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """A classification name as prose and tables both write it, for matching."""
    text = _NUMBERING.sub("", text)
    text = _LEVEL.sub("", text)
    text = _SPACES.sub("", text)
    text = text.replace("(", "（").replace(")", "）")
    return text


class _WordSet:
    """Words to remove from a text, longest first, indexed by their first character:
    only the words whose first character occurs in the text are tried."""

    def __init__(self, words):
        self.words = _longest_first(words)
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


class SubjectIndex:
    """Finds classification names in prose; built from the lexicon and the document's rows."""

    def __init__(self, names):
        base = [e["name"] for e in load("classification")["functional"]]
        variants = set()
        for name in list(base) + list(names):
            norm = normalise_name(name)
            if len(norm) < 2:
                continue
            variants.add(norm)
            if norm.endswith("支出") and len(norm) > 4:
                variants.add(norm[:-2])       # 一般公共服务（类）支出 -> 一般公共服务
        self.names = _longest_first(variants)
        # names by first character, longest first: a clause is a few characters long, and
        # compiling a regex alternation of a document's hundred names (1.7-4.8 ms) cost more
        # than all the searches it served
        self._by_first: dict[str, list[str]] = {}
        for name in self.names:
            self._by_first.setdefault(name[0], []).append(name)
        self._known: dict[bool | str, _WordSet] = {}

    def known_words(self, w: "_Words", change: bool) -> "_WordSet":
        """Words that may stand before a measure word: measures, this document's
        subjects, qualifiers, linkers, and for a change its change words."""
        if change not in self._known:
            known = [word for word, _k in w.measures] + list(self.names) + list(w.qualifiers) + list(w.linkers) \
                + list(w.column_subjects) + list(w.budget_words)
            if change:
                known += list(w.increase + w.decrease + w.comparison + w.prior + w.change_context)
            self._known[change] = _WordSet(known)
        return self._known[change]

    def item_words(self, w: "_Words") -> "_WordSet":
        """Words that may stand around a classification item named alone:
        this document's subjects, qualifiers, linkers and budget words."""
        if "item" not in self._known:
            self._known["item"] = _WordSet(list(self.names) + list(w.qualifiers) + list(w.linkers)
                                           + list(w.budget_words))
        return self._known["item"]

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of the names in ``text``, left to right and not overlapping:
        at each position the longest name that starts there, as a regex alternation of
        the names, longest first, would find them."""
        found = []
        at, size = 0, len(text)
        while at < size:
            for name in self._by_first.get(text[at], ()):
                if text.startswith(name, at):
                    found.append((at, at + len(name), name))
                    at += len(name)
                    break
            else:
                at += 1
        return found


def _rfind_any(text: str, options: tuple[str, ...]) -> tuple[int, str]:
    """(offset, word) of the last occurrence of any of ``options`` in ``text`` (the longer
    word where two start at the same offset), or (-1, "")."""
    found = _last_of(options).match(text) if options else None
    return (found.start(1), found.group(1)) if found else (-1, "")


@lru_cache(maxsize=None)    # a few dozen word lists of the lexicons
def _last_of(options: tuple[str, ...]) -> re.Pattern:
    # everything, then the words: the greedy run backs off one character at a time from
    # the end, so the words match at the last offset where one starts, the longest first
    # there. Literal words: the stdlib re reads them as regex would, and faster.
    return re.compile("(?s:.*)(" + "|".join(map(re.escape, _longest_first(options))) + ")")


def clause_ends(doc) -> list[int]:
    """Offsets just after each clause punctuation token of a spaCy Doc, in order."""
    return [token.idx + len(token.text) for token in doc if token.is_punct and token.text in _CLAUSE_PUNCT]


def _clause_start(sentence: str, index: int, ends: list[int]) -> int:
    """Start of the clause holding ``index``: after the last clause punctuation token
    (``ends``: the sentence's clause ends, from clause_ends)."""
    at = bisect_right(ends, index) - 1
    # a punctuation token that ends at the figure still comes before it
    start = ends[at] if at >= 0 else 0
    # a figure inside a parenthesis still open (490,808.40万元（本年预算收入390,140.45万元）)
    # is an aside: its clause starts inside the parenthesis
    opened = max(sentence.rfind("（", start, index), sentence.rfind("(", start, index))
    if opened >= 0 and max(sentence.rfind("）", opened, index), sentence.rfind(")", opened, index)) < 0:
        return opened + 1
    return start


def _path(text: str) -> tuple[str, ...]:
    """类/款/项 names written as 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）."""
    return tuple(name for _closes, name in _path_names(text))


def _path_names(text: str) -> list[tuple[int, str]]:
    """The 类/款/项 names of a text, each with the offset just after its level mark:
    the path written before an offset is the names whose mark closes there or earlier
    (read once per sentence, for all its figures)."""
    names = []
    last = 0
    for match in _LEVEL.finditer(text):
        piece = text[last:match.start()]
        piece = _CLAUSE_SPLIT.split(piece)[-1]
        piece = normalise_name(piece)
        if piece:
            names.append((match.start() + len(match.group().rstrip()), piece))
        last = match.end()
    return names


def _kind(mention: Mention, before: str, after: str, w: _Words) -> tuple[str, str]:
    """(kind, direction) of a mention from its unit and the words before it."""
    unit = mention.unit
    if unit in ("年", "年度") or unit.startswith("年"):
        return "date", ""
    alt = w.alternative.search(before[-12:])
    direction = ""
    tail = before[-8:]
    if alt:
        direction = "?"
    elif w.change_word.search(tail):
        inc, dec = _rfind_any(tail, w.increase), _rfind_any(tail, w.decrease)
        direction = "+" if inc[0] > dec[0] else "-"
    if unit in w.money:
        if any(before.rstrip().endswith(word) or before[-6:].find(word) >= 0 for word in w.threshold_before) \
                and any(after.lstrip().startswith(word) for word in w.threshold_after):
            return "threshold", ""
        return ("change_amount", direction) if direction else ("amount", "")
    if unit == "%":
        rate_at, rate_word = _rfind_any(before, w.rate)
        indicator_at, indicator_word = _rfind_any(before, w.indicator)
        if indicator_at >= 0 and indicator_at + len(indicator_word) > max(rate_at + len(rate_word), 0):
            # 执行率(B/A) … 平台正常运行率 100%: the nearer word names the figure
            share_at = _rfind_any(before, w.share)[0]
            if not direction and share_at < indicator_at:
                return "indicator", ""
        # 完成预算的98.1%，比上年增长0.9%: a change word after the rate's words names a change rate
        changed_after_rate = direction in ("+", "-") and rate_at >= 0 and \
            w.change_word.search(before, rate_at + len(rate_word)) is not None
        if rate_at >= 0 and not changed_after_rate and \
                (indicator_at < 0 or rate_at + len(rate_word) >= indicator_at + len(indicator_word)):
            return "rate", ""
        if direction:
            return "change_rate", direction
        if _rfind_any(before, w.share)[0] >= 0:
            return "share", ""
        return "indicator", ""
    if unit:
        return "count", ""
    if mention.multiplier:
        return "count", ""
    return "number", ""


def _measure(text: str, w: _Words, subjects: "SubjectIndex | None" = None) -> str:
    """The measure whose word ends last in ``text`` (the longer word on a tie),
    outside the names of ``subjects`` when given (项目支出 inside 某项目支出 is a name).
    """
    found = list(w.measure_pattern.finditer(text, overlapped=True))
    if not found:
        return ""
    names = [(s, e) for s, e, _n in subjects.find_all(text)] if subjects is not None else []
    best = (-1, 0, "")
    for match in found:
        pos = match.start()
        if names and any(s <= pos < e for s, e in names):
            continue
        score = (match.end(), match.end() - pos)
        if score > best[:2]:
            best = (score[0], score[1], w.measure_key[match.group()])
    return best[2]


def _measure_ending(text: str, w: _Words) -> int:
    """The length of the longest measure word ``text`` ends with, or 0."""
    return next((n for n in w.measure_lengths if len(text) >= n and text[-n:] in w.measure_key), 0)


def _measure_of(before: str, subjects: "SubjectIndex", w: _Words, kind: str) -> str:
    """The measure a figure states, or "" when the clause is about something else.

    The measure word must be the last thing before the figure (up to linking
    words, and the change word for a change) and nothing unknown may stand
    before it: 政府采购支出总额 192.27 is not 支出合计, and 项目支出主要用于
    某项目 179.50 is not 项目支出.
    """
    # 上海市普陀区财政局2024年度收入支出总计: the body and the year before the measure are context
    text = _UP_TO_YEAR.sub("", before)
    text = _SPACES.sub("", text)
    if any(word in text for word in w.breakdown):
        return ""
    # 江苏省人大常委会办公厅本年收入预算合计: the body's name before the measure is context too
    without_body = w.body.sub("", text)
    if without_body != text and _measure(without_body, w):
        text = without_body
    # 政府性基金支出预算支出 0万元, 单位预留机动经费预算数为: the measure is what the budget
    # word follows (年初预算数 stays: 年初 is no measure)
    core = text
    while core.endswith(w.linkers):
        core = core[: -len(next(word for word in w.linkers if core.endswith(word)))]
    for word in w.budget_words:
        # …but not when the whole ends in a longer measure word: 支出预算总计 is one
        if core.endswith(word) and _measure_ending(core[: -len(word)], w) > _measure_ending(text, w):
            text = core[: -len(word)]
            break
    key = _measure(text, w, subjects)
    if not key:
        return ""
    # strip, from the right, linkers and change words; the measure must follow
    tail_words = w.linkers + w.budget_words \
        + (w.increase + w.decrease + w.comparison if kind in ("change_amount", "change_rate") else ())
    rest = text
    own = w.measure_words[key]
    changed = True
    while changed and rest and not rest.endswith(own):
        # (a linker may end a measure word: 收入支出总计 is not 收入支出 + 总计)
        changed = False
        if rest.endswith(tail_words):
            for word in tail_words:
                if rest.endswith(word):
                    rest, changed = rest[: -len(word)], True
                    break   # look again whether the measure word now ends the text
    if not rest.endswith(own):
        return ""
    leftover = subjects.known_words(w, kind in ("change_amount", "change_rate")).remove_from(rest)
    if len(leftover) > w.max_leftover:
        return ""
    return key


def _bare_item(clause: str, sentence: str, clause_start: int, subjects: "SubjectIndex", w: _Words) -> bool:
    """Whether the clause is only a classification name (with numbering and linking words):
    "2. 社会保障和就业支出1890.27万元", not "人员工资、住房公积金、提租补贴等3397.18万元"."""
    if sentence[:clause_start].rstrip().endswith("、") or clause.rstrip().endswith("等"):
        return False    # one figure for a list of items
    leftover = subjects.item_words(w).remove_from(normalise_name(clause))
    return len(leftover) <= w.max_leftover


def _covers(column_subject: str, found) -> bool:
    """公务用车购置费 names a 三公 column; the classification name 公务用车购置 inside it is not the subject."""
    name = normalise_name(column_subject)
    return all(f[2] in name for f in found)


def _topic_measure(sentence_before: str, before: str, subjects: "SubjectIndex", w: _Words) -> str:
    """The measure of a figure named only by a general noun (资金 367.67万元): what the sentence named before."""
    text = _SPACES.sub("", before)
    for word in w.linkers:
        if text.endswith(word) and text[: -len(word)] in w.topic_nouns:
            text = text[: -len(word)]
    if text not in w.topic_nouns:
        return ""
    return _measure(_SPACES.sub("", sentence_before), w, subjects)


def _compared_with_budget(claim: Claim, w: _Words) -> bool:
    """比年初预算增加(减少) 0.00万元: the change is 决算 - 年初预算, not a change on the previous year."""
    text = claim.sentence[:claim.start].rstrip()
    ending = w.increase + w.decrease + w.linkers
    changed = True
    while changed:
        changed = False
        found = w.alternative.search(text[-12:])
        if found and text.endswith(found.group(0)):
            text, changed = text[: len(text) - len(found.group(0))].rstrip(), True
        if text.endswith(ending):
            for word in ending:
                if text.endswith(word):
                    text, changed = text[: -len(word)].rstrip(), True
    return bool(w.budget_comparison.search(text))


def _denominator_words(before: str, w: _Words) -> str:
    pos, marker = _rfind_any(before, w.share)
    if pos < 0:
        return ""
    words_after = before[pos + len(marker):]
    words_after = _TRAILING_DE.sub("", words_after)
    # 占比3.34%: 占比 is "a share of", naming no whole
    return "" if words_after.strip() == "比" else words_after


_PATH_END = regex.compile(r"[（(]\s*[类款项]\s*[）)]\s*(?:支出)?\s*[，,：:]?\s*(?:为|是)?\s*$")
_CODE_IN_PARENS = regex.compile(r"[（(]\s*\d{3}(?:\d{2}){0,2}\s*[）)]")


def extract_claims(paragraphs: tuple[Paragraph, ...], subject_names=(), doc_id: str = "") -> tuple[Claim, ...]:
    w = words()
    subjects = SubjectIndex(subject_names)
    claims: list[Claim] = []
    sentences: list[tuple[Paragraph, Sentence, list[Mention]]] = []
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            mentions = find_mentions(sentence.text)
            if mentions:
                sentences.append((paragraph, sentence, mentions))
    # Only the words up to the last figure matter: the explanation after it is not read.
    narrative = Segmenter().narrative([(s.text[:m[-1].end], [(n.number_start, n.number_end) for n in m])
                                       for _p, s, m in sentences])
    narrative_ends = clause_ends(narrative.doc)
    section_lead: dict[tuple[str, ...], str] = {}
    measures: dict[tuple[str, str], str] = {}      # (words before a figure, its kind) -> measure
    open_lists: dict[int, tuple[int, str]] = {}   # paragraph -> (sentence id, whole) of a list of parts
    heading: tuple[int, tuple[str, ...], tuple[int, str]] = (-1, (), (-1, ""))  # what the paragraph's headings name
    for (paragraph, sentence, mentions), start in zip(sentences, narrative.starts):
        # this sentence's clause ends, as offsets in the sentence
        ends = [end - start for end in narrative_ends[bisect_right(narrative_ends, start):
                                                       bisect_right(narrative_ends, start + mentions[-1].end)]]
        if paragraph.id != heading[0]:
            heading = (paragraph.id, _path(" ".join(paragraph.section[-2:])),
                       _rfind_any(" ".join(paragraph.section[-1:]), w.column_subjects))
        _id, heading_path, heading_subject = heading
        sentence_path = _path_names(sentence.text)
        lead = _LEAD_SPLIT.split(sentence.text, maxsplit=1)[0]
        lead_found = subjects.find_all(normalise_name(lead)) if _CODE_IN_PARENS.search(lead) else []
        lead_subject = max(lead_found, key=lambda f: (f[1], f[1] - f[0]))[2] if lead_found else ""
        lead_code = _CODE_IN_PARENS.search(lead)
        lead_code = _NON_DIGITS.sub("", lead_code.group()) if lead_code else ""
        sentence_claims: list[Claim] = []
        for mention in mentions:
            clause_start = _clause_start(sentence.text, mention.number_start, ends)
            before = sentence.text[clause_start:mention.start]
            after = sentence.text[mention.end:mention.end + 8]
            kind, direction = _kind(mention, sentence.text[:mention.start], after, w)
            # Subject: a 类/款/项 path in this sentence before the figure, else a
            # classification name in the clause, else the item heading.
            path = tuple(name for closes, name in sentence_path if closes <= mention.start)
            # the body publishing the report (江苏省高级人民法院2018年度…) is not a subject,
            # though its name may contain one (法院, 检察)
            unqualified = _UP_TO_YEAR.sub("", before)
            # 省检察院机关本级及南京、徐州铁路检察院单位预留机动经费: 检察 is the body, not a subject
            unqualified = w.body.sub("", unqualified) or unqualified
            for word in w.long_qualifiers:
                unqualified = unqualified.replace(word, " ")
            found = subjects.find_all(normalise_name(unqualified)) if not path else []
            column_subject = _rfind_any(before, w.column_subjects)
            subject, subject_code = "", ""
            if path:
                subject = path[-1]
            elif found and not (column_subject[0] >= 0 and _covers(column_subject[1], found)):
                subject = max(found, key=lambda f: (f[1], f[1] - f[0]))[2]
            elif column_subject[0] >= 0:
                subject = column_subject[1]
            elif lead_subject:
                # 1.小学教育（2050202），2023年度决算数为7,970.38万元: the item the sentence opens
                # with, by its code (two rows may share a name: 高等教育 2050205 and 2059802)
                subject, subject_code = lead_subject, lead_code
            elif heading_path and not sentence.text.lstrip().startswith(w.topic_shift):
                subject = heading_path[-1]
                path = heading_path
            if not subject:
                if heading_subject[0] >= 0 and kind in ("amount", "rate", "change_amount"):
                    subject = heading_subject[1]
            measure = ""
            if kind in w.measured_kinds:
                # a document states many figures after the same words (本年支出决算, 比上年增加)
                measure = measures.get((before, kind))
                if measure is None:
                    measure = measures[(before, kind)] = _measure_of(before, subjects, w, kind)
            if not measure and kind == "amount":
                measure = _topic_measure(sentence.text[:clause_start], before, subjects, w)
            if not measure and kind == "amount" and subject in w.column_subjects and column_subject[0] >= 0 \
                    and not any(word in before for word in w.breakdown):
                measure = load("measures")["column_subject_measure"]
            if not measure and kind == "amount" and path and _PATH_END.search(before):
                # 一般公共服务支出（类）2106.66万元: a classification item with its figure
                measure = load("measures")["path_subject_measure"]
            if not measure and kind == "amount" and found and not path \
                    and _bare_item(unqualified, sentence.text, clause_start, subjects, w):
                # 2. 社会保障和就业支出1890.27万元: the item named alone, with its figure
                measure = load("measures")["path_subject_measure"]
            period = "prior" if kind == "amount" and _rfind_any(before, w.prior)[0] >= 0 else "current"
            segment = sentence.segment_at(mention.number_start)
            scale = _SCALES.get(mention.multiplier, _ONE)
            claim = Claim(
                id=f"{doc_id}C{len(claims) + len(sentence_claims) + 1:04d}",
                kind=kind, text=mention.text.strip(), value=mention.value, decimals=mention.decimals,
                unit=mention.unit, scale=scale, approx=mention.approx,
                sentence_id=sentence.id, sentence=sentence.text,
                start=mention.number_start, end=mention.end,
                doc_offset=segment.doc_offset_of(mention.number_start),
                page=segment.page, line=segment.line, file=segment.file,
                paragraph=paragraph.id, section=paragraph.section,
                subject=subject, subject_code=subject_code, subject_path=path, measure=measure, period=period, direction=direction,
                denominator_words=_denominator_words(before, w) if kind == "share" else "",
                context=before.strip(), budget=_budget_kind(before, w),
            )
            sentence_claims.append(claim)
        sentence_claims = _relate(sentence_claims, claims, w, section_lead, open_lists)
        claims.extend(sentence_claims)
    return tuple(claims)


def _budget_kind(text: str, w: _Words) -> str:
    """The budget a text names (年初预算, 全年预算, 调整预算 …), the last one, or ""."""
    found = w.budget_kinds.findall(text)
    return found[-1] if found else ""


def _explained_change(claim: Claim, before: list[Claim], earlier: list[Claim], w: _Words) -> str:
    """The change a reason's or a breakdown's change is part of: "…增加4322.77万元。主要原因是基本支出
    增加1447.63万元、…", "减少1,106.89万元，其中：财政拨款收入减少6,331.03万元，…"."""
    if claim.kind != "change_amount" or claim.direction not in ("+", "-"):
        return ""
    text = claim.sentence[:claim.start]
    # a reason (主要原因是…) or a breakdown (减少1,106.89万元，其中：财政拨款收入减少…)
    at, word = max(_rfind_any(text, w.reasons), _rfind_any(text, w.parts))
    if at < 0 or _rfind_any(text[at:], w.net)[0] >= 0:
        return ""   # no reason given, or the net change restated after 增减相抵后
    whole = next((c for c in reversed(before) if c.kind == "change_amount" and c.start < at), None)
    if whole is None and not any(c.start < at for c in before):
        # the reason opens its own sentence: the change of the sentence before
        whole = next((c for c in reversed(earlier) if c.kind == "change_amount"
                      and c.sentence_id == claim.sentence_id - 1), None)
    return whole.id if whole is not None and whole.direction in ("+", "-") else ""


def _in_parentheses(text: str, at: int) -> bool:
    opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    closed = max(text.rfind("）", 0, at), text.rfind(")", 0, at))
    return opened > closed


def _names_compared_year(base: Claim, change: Claim) -> bool:
    """（2016年度部门支出预算安排为8,648.07万元）in a sentence comparing with 2016年度:
    the figure is the previous year's, not the current one."""
    years = regex.findall(r"((?:19|20)\d\d)\s*年", base.context)
    return any(regex.search(rf"(?:与|比|较)\s*{y}\s*年", change.sentence) for y in years)


def _section_key(claim: Claim) -> tuple[str, ...]:
    return claim.section[:3]


def _relate(sentence_claims: list[Claim], earlier: list[Claim], w: _Words, section_lead,
            open_lists: dict[int, tuple[int, str]]) -> list[Claim]:
    """Tie rates, shares, changes and 其中 parts to the figures they are computed from."""
    out: list[Claim] = []
    listed = open_lists.get(sentence_claims[0].paragraph) if sentence_claims else None
    if listed and listed[0] != sentence_claims[0].sentence_id - 1:
        listed = None
    for claim in sentence_claims:
        prior_in_sentence = [c for c in out if c.kind == "amount"]
        if claim.kind == "amount" and _section_key(claim) not in section_lead:
            section_lead[_section_key(claim)] = claim.id
        if claim.kind == "rate":
            actual = next((c for c in reversed(prior_in_sentence) if c.measure == "支出决算"), None)
            budgets = [c for c in reversed(prior_in_sentence) if c.measure == "年初预算"]
            # 年初预算为0万元，全年预算为321.02万元…完成年初预算的95.89%: the budget the rate names
            budget = next((c for c in budgets if claim.budget and c.budget == claim.budget), None) \
                or next(iter(budgets), None)
            claim = replace(claim, numerator=actual.id if actual else "", denominator=budget.id if budget else "")
        elif claim.kind == "share":
            # The part is stated in the same clause group: after the last ；/。
            boundary = max(claim.sentence.rfind(mark, 0, claim.start) for mark in "；;")
            numerator = next((c for c in reversed(prior_in_sentence) if c.start > boundary), None)
            lead = ""
            names_total_only = claim.denominator_words.replace(" ", "").removesuffix("的") in w.list_wholes
            if names_total_only and numerator is not None and numerator.parts_of:
                lead = numerator.parts_of
            elif claim.denominator_words and not names_total_only and not any(words in claim.denominator_words for words, _k in w.denominators):
                # A whole the tables do not print, stated earlier in the passage.
                wanted = regex.sub(r"(金额|总额|总计|合计|的)$", "", claim.denominator_words.replace(" ", ""))
                pool = [c for c in reversed(prior_in_sentence + [e for e in earlier if e.paragraph == claim.paragraph])
                        if c.kind == "amount" and c is not numerator and wanted]
                # 占收入总额: the figure stated as 收入总计/总额/合计 first, any 收入 figure after
                lead = next((c.id for c in pool if regex.search(rf"{regex.escape(wanted)}\s*(?:总额|总计|合计)", c.context)),
                            "") or next((c.id for c in pool if wanted in c.context or c.context.endswith(wanted)), "")
            elif not claim.denominator_words or names_total_only:
                # 占3.2%, 占总支出的0.02%: the figure the passage opened with
                lead = section_lead.get(_section_key(claim), "")
                if numerator is not None and lead == numerator.id:
                    lead = ""
            claim = replace(claim, numerator=numerator.id if numerator else "", denominator=lead)
        elif claim.kind in ("change_amount", "change_rate"):
            base = next((c for c in reversed(prior_in_sentence) if c.kind == "amount"), None)
            if base is None:
                # "…预算数为3258.06万元。与上年相比增加3075.14万元": the figure of the
                # sentence just before. Further back, the figure a change speaks
                # about is a guess, and a rate recomputed from a guess is noise.
                # A sentence that opens with the comparison ("与上年相比增加…") continues the one
                # before it, also when that one stood alone as a numbered line: （一）收入预算总计X万元。
                opens = bool(w.opens_with_comparison.match(claim.sentence[:claim.start]))
                base = next((c for c in reversed(earlier) if c.kind == "amount"
                             and (c.paragraph == claim.paragraph or opens)
                             and c.sentence_id == claim.sentence_id - 1 and c.period == "current"), None)
                if base is None and opens:
                    # 1. 公共安全（类）支出16,593.12万元。主要用于…。与上年相比增加134.37万元: the
                    # item's figure, when only sentences without figures stand between
                    last = next((c for c in reversed(earlier) if c.kind != "date"), None)
                    if last is not None and last.kind == "amount" and last.period == "current" \
                            and last.paragraph == claim.paragraph:
                        base = last
            base_period = "prior" if base is not None and (
                base.period == "prior" or _names_compared_year(base, claim)) else ""
            budget = None
            if _compared_with_budget(claim, w):
                # 支出决算为X，完成年初预算的Y%，比年初预算增加Z: actual and budget of the sentence
                base_period = "budget"
                base = next((c for c in reversed(prior_in_sentence) if c.measure != "年初预算"), None)
                budget = next((c for c in reversed(prior_in_sentence) if c.measure == "年初预算"), None)
            current = None
            if base_period == "prior" and base is not None:
                # 本年支出868.11万元，比上年的1393.13万元减少525.02万元: the current figure stated too
                current = next((c for c in reversed(prior_in_sentence) if c.start < base.start
                                and c.period == "current"), None)
            change = None
            if claim.kind == "change_rate":
                change = next((c for c in reversed(out) if c.kind == "change_amount"), None)
            numerator = change.id if change else current.id if current and claim.kind == "change_amount" else ""
            claim = replace(claim, base=base.id if base else "", numerator=numerator,
                            denominator=budget.id if budget else "", base_period=base_period,
                            parts_of=_explained_change(claim, out, earlier, w))
        elif claim.kind == "amount":
            pos, marker = _rfind_any(claim.sentence[:claim.start], w.parts)
            if pos >= 0:
                # a figure in parentheses before 其中 is an aside, not the whole
                whole = next((c for c in reversed(prior_in_sentence) if c.start < pos
                              and not _in_parentheses(c.sentence, c.start)), None)
                if whole is None:
                    whole = next((c for c in reversed(earlier) if c.kind == "amount"
                                  and c.paragraph == claim.paragraph), None)
                if whole is not None:
                    claim = replace(claim, parts_of=whole.id)
                    if marker in w.parts_continued:
                        open_lists[claim.paragraph] = (claim.sentence_id, whole.id)
            elif listed and not claim.measure and not claim.subject:
                # the list of parts goes on: 接线员及督管员项目支出 191.0万元
                claim = replace(claim, parts_of=listed[1])
                open_lists[claim.paragraph] = (claim.sentence_id, listed[1])
        out.append(claim)
    return out
