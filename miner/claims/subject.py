"""The subject of a figure: the classification item or 三公 column the words before it name
(a 类/款/项 path, a name in its clause, a column subject, the item the sentence opens with by
its code, or the heading it stands under)."""
from __future__ import annotations

from dataclasses import dataclass

from ..prose.model import Sentence
from .names import SubjectIndex, normalise_name, path, path_names
from .words import Words, grammar, rfind_any


@dataclass(frozen=True)
class Heading:
    """What a paragraph's headings name: a 类/款/项 path, and a column subject (offset, word)."""
    path: tuple[str, ...]
    subject: tuple[int, str]


@dataclass(frozen=True)
class SentenceSubjects:
    """What a sentence names for all its figures: the 类/款/项 names it writes (each with the
    offset after its level mark), the item it opens with by its code, and its heading."""
    path_names: list[tuple[int, str]]
    lead_subject: str
    lead_code: str
    heading: Heading
    shifts_topic: bool      # it opens with 此外, 另外 …: its heading's item is not its subject


@dataclass(frozen=True)
class Subject:
    """The subject of one figure, with what the measure step reads of the search."""
    name: str
    code: str
    path: tuple[str, ...]
    found: list[tuple[int, int, str]]     # the classification names in the clause (without a path)
    column_subject: tuple[int, str]       # the last column subject before the figure, or (-1, "")
    unqualified: str                      # the clause without the body, the year and the qualifiers
    from_heading: bool = False            # the 类/款/项 path is the heading's: the clause names none


def heading_of(section: tuple[str, ...], w: Words) -> Heading:
    # a heading's words may be set apart by spaces (深圳 "1.因公出国 （境） 费用")
    last = grammar().spaces.sub("", " ".join(section[-1:]))
    return Heading(path(" ".join(section[-2:])), rfind_any(last, w.column_subjects))


def _last_and_longest(found: list[tuple[int, int, str]]) -> str:
    return max(found, key=lambda f: (f[1], f[1] - f[0]))[2]


def sentence_subjects(sentence: Sentence, heading: Heading, subjects: SubjectIndex, w: Words) -> SentenceSubjects:
    g = grammar()
    lead = g.lead_end.split(sentence.text, maxsplit=1)[0]
    code = g.code_in_parentheses.search(lead) or g.code_joined_before_name.search(lead)
    lead_found = subjects.find_all(normalise_name(lead)) if code else []
    return SentenceSubjects(
        path_names=path_names(sentence.text),
        lead_subject=_last_and_longest(lead_found) if lead_found else "",
        lead_code=g.not_code_digit.sub("", code.group()) if code else "",
        heading=heading,
        shifts_topic=sentence.text.lstrip().startswith(w.topic_shift),
    )


def subject_of(before: str, figure_start: int, kind: str, sentence: SentenceSubjects,
               subjects: SubjectIndex, w: Words) -> Subject:
    """Subject: a 类/款/项 path in this sentence before the figure, else a
    classification name in the clause, else the item heading."""
    path = tuple(name for closes, name in sentence.path_names if closes <= figure_start)
    # the body publishing the report (江苏省高级人民法院2018年度…) is not a subject,
    # though its name may contain one (法院, 检察)
    unqualified = grammar().up_to_year.sub("", before)
    # 省检察院机关本级及南京、徐州铁路检察院单位预留机动经费: 检察 is the body, not a subject
    unqualified = w.body.sub("", unqualified) or unqualified
    for word in w.long_qualifiers:
        unqualified = unqualified.replace(word, " ")
    found = subjects.find_all(normalise_name(unqualified)) if not path else []
    column_subject = rfind_any(before, w.column_subjects)
    subject, subject_code = "", ""
    from_heading = False
    if path:
        subject = path[-1]
    elif found and not (column_subject[0] >= 0 and _covers(column_subject[1], found)):
        subject = _last_and_longest(found)
        if subject == sentence.lead_subject:
            # （一）2010301-行政运行3452.35万元: the code the sentence gives with the item decides
            # between rows that share its name
            subject_code = sentence.lead_code
    elif column_subject[0] >= 0:
        subject = column_subject[1]
    elif sentence.lead_subject:
        # 1.小学教育（2050202），2023年度决算数为7,970.38万元: the item the sentence opens
        # with, by its code (two rows may share a name: 高等教育 2050205 and 2059802)
        subject, subject_code = sentence.lead_subject, sentence.lead_code
    elif sentence.heading.path and not sentence.shifts_topic:
        subject = sentence.heading.path[-1]
        path = sentence.heading.path
        from_heading = True
    if not subject:
        if sentence.heading.subject[0] >= 0 and kind in ("amount", "rate", "change_amount"):
            subject = sentence.heading.subject[1]
    return Subject(subject, subject_code, path, found, column_subject, unqualified, from_heading)


def _covers(column_subject: str, found) -> bool:
    """公务用车购置费 names a 三公 column; the classification name 公务用车购置 inside it is not the subject."""
    name = normalise_name(column_subject)
    return all(f[2] in name for f in found)
