"""The measure a figure states (年初预算, 支出决算, 支出合计 … keys of lexicons/measures.yaml),
its period (current or prior year) and the budget it names (年初预算, 调整预算 …)."""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import load
from .names import SubjectIndex, normalise_name
from .subject import Subject
from .words import Words, grammar, rfind_any


def figure_measure(before: str, kind: str, sentence: str, clause_start: int, subject: Subject,
                   subjects: SubjectIndex, w: Words, known: dict[tuple[str, str], str],
                   item_after_figure: bool = False) -> str:
    """The measure of a figure: its clause's measure word, else what a general noun, a column
    subject or a classification item named alone with its figure states.

    ``known``: (words before a figure, its kind) -> measure, for the document (a document
    states many figures after the same words: 本年支出决算, 比上年增加).
    ``item_after_figure``: the clause follows the list separator right after another figure
    (…一般公共服务支出5356.01 万元、社会保障和就业支出796.52 万元): an item of a list of items
    with their figures, not one figure for a list of items."""
    measure = ""
    if kind in w.measured_kinds:
        measure = known.get((before, kind))
        if measure is None:
            measure = known[(before, kind)] = _measure_of(before, subjects, w, kind)
    if not measure and kind == "amount":
        measure = _topic_measure(sentence[:clause_start], before, subjects, w)
    if not measure and kind == "amount" and subject.name in w.column_subjects and subject.column_subject[0] >= 0 \
            and not any(word in before for word in w.breakdown):
        measure = w.column_subject_measure
    if not measure and kind == "amount" and subject.path and grammar().level_mark_before_figure.search(before):
        # 一般公共服务支出（类）2106.66万元: a classification item with its figure
        measure = w.path_subject_measure
    if not measure and kind == "amount" and subject.from_heading and not grammar().spaces.sub("", before) \
            and not sentence[:clause_start].strip():
        # （3）国防支出（类）国防动员（款）交通战备（项） ⏎ 18.00万元，主要用于…: the item its heading names, the
        # figure opening the sentence under it (杭州, 湖州)
        measure = w.path_subject_measure
    if not measure and kind == "amount" and subject.found and not subject.path \
            and _bare_item(subject.unqualified, sentence, clause_start, subjects, w, item_after_figure):
        # 2. 社会保障和就业支出1890.27万元: the item named alone, with its figure
        measure = w.path_subject_measure
    return measure


def period_of(before: str, kind: str, w: Words) -> str:
    """prior when an amount's words name the previous year (上年, 去年 …), else current."""
    return "prior" if kind == "amount" and rfind_any(before, w.prior)[0] >= 0 else "current"


def budget_kind(text: str, w: Words) -> str:
    """The budget a text names (年初预算, 全年预算, 调整预算 …), the last one, or ""."""
    found = w.budget_kinds.findall(text)
    return found[-1] if found else ""


def _measure(text: str, w: Words, subjects: SubjectIndex | None = None) -> str:
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


def _measure_ending(text: str, w: Words) -> int:
    """The length of the longest measure word ``text`` ends with, or 0."""
    return next((n for n in w.measure_lengths if len(text) >= n and text[-n:] in w.measure_key), 0)


def _measure_of(before: str, subjects: SubjectIndex, w: Words, kind: str) -> str:
    """The measure a figure states, or "" when the clause is about something else.

    The measure word must be the last thing before the figure (up to linking
    words, and the change word for a change) and nothing unknown may stand
    before it: 政府采购支出总额 192.27 is not 支出合计, and 项目支出主要用于
    某项目 179.50 is not 项目支出.
    """
    g = grammar()
    # 上海市普陀区财政局2024年度收入支出总计: the body and the year before the measure are context
    text = g.up_to_year.sub("", before)
    text = g.spaces.sub("", text)
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


def _bare_item(clause: str, sentence: str, clause_start: int, subjects: SubjectIndex, w: Words,
               item_after_figure: bool = False) -> bool:
    """Whether the clause is only a classification name (with numbering and linking words):
    "2. 社会保障和就业支出1890.27万元", "…5356.01 万元、社会保障和就业支出796.52 万元" (湖州, 杭州: each
    item of the list with its figure), not "人员工资、住房公积金、提租补贴等3397.18万元"."""
    g = grammar()
    listed = sentence[:clause_start].rstrip().endswith(g.list_item_separator) and not item_after_figure
    if listed or clause.rstrip().endswith(g.list_etc):
        return False    # one figure for a list of items
    # a code joined to the name (2010301-行政运行) is part of the item's name
    leftover = subjects.item_words(w).remove_from(normalise_name(g.code_joined_before_name.sub("", clause)))
    return len(leftover) <= w.max_leftover


def _topic_measure(sentence_before: str, before: str, subjects: SubjectIndex, w: Words) -> str:
    """The measure of a figure named only by a general noun (资金 367.67万元): what the sentence named
    before, in the figure's own clause group: after a ； the sentence speaks of something else ("本部门整体
    支出纳入绩效目标管理，涉及财政性资金64,090.74万元；本部门共32个项目纳入绩效目标管理，涉及财政性资金合计
    57,195万元" (苏州): 57,195 is the 32 projects' money, not 整体支出)."""
    spaces = grammar().spaces
    text = spaces.sub("", before)
    for word in w.linkers:
        if text.endswith(word) and text[: -len(word)] in w.topic_nouns:
            text = text[: -len(word)]
    if text not in w.topic_nouns:
        return ""
    group_start = max(sentence_before.rfind(mark) for mark in _group_marks()) + 1
    return _measure(spaces.sub("", sentence_before[group_start:]), w, subjects)


@lru_cache(maxsize=1)
def _group_marks() -> tuple[str, ...]:
    return tuple(mark for mark in load("claims")["clause_ends"] if mark != "。")
