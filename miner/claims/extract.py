"""Claims: every number of the narrative, with its kind, subject, measure and period.

Numbers come from the regex recognizer (miner.numbers) on the raw sentence
text; spaCy (blank Chinese pipeline, jieba segmenter) provides the tokens and
clause boundaries around them, with each number added to the Doc as a span.
The words that decide kind, subject and measure are data (lexicons/), read by
the steps this module runs for each figure: its clause (clauses), its kind
(kind), its subject (subject), its measure and period (measure), and, per
sentence, the figures it is computed from (relations).
"""
from __future__ import annotations

from decimal import Decimal

from ..numbers import Mention, find_mentions
from ..prose.model import Paragraph, Sentence
from .clauses import clause_ends, clause_start, sentence_ends
from .kind import kind_of
from .measure import budget_kind, figure_measure, period_of
from .model import Claim
from .names import SubjectIndex
from .nlp import Segmenter
from .relations import relate, share_whole_words
from .respectively import respective_runs
from .subject import Heading, heading_of, sentence_subjects, subject_of
from .words import grammar, words

_ONE = Decimal(1)


def extract_claims(paragraphs: tuple[Paragraph, ...], subject_names=(), doc_id: str = "") -> tuple[Claim, ...]:
    w = words()
    w_grammar = grammar()
    scales = w_grammar.scales
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
    heading: tuple[int, Heading | None] = (-1, None)    # the paragraph whose headings were read, and what they name
    for (paragraph, sentence, mentions), start in zip(sentences, narrative.starts):
        ends = sentence_ends(start, mentions[-1].end, narrative_ends)
        if paragraph.id != heading[0]:
            heading = (paragraph.id, heading_of(paragraph.section, w))
        named = sentence_subjects(sentence, heading[1], subjects, w)
        sentence_claims: list[Claim] = []
        runs = respective_runs(sentence.text, mentions)
        places: dict[str, tuple[int, int, bool]] = {}     # claim id -> (run, place, named) in a respectively-list
        for index, mention in enumerate(mentions):
            clause_at = clause_start(sentence.text, mention.number_start, ends)
            before = sentence.text[clause_at:mention.start]
            lead = sentence.text[:mention.start]
            respective = runs.get(index)
            if respective is not None:
                # 基本支出、项目支出分别为A、B: the words of B are 项目支出为
                clause_at, before = respective.clause_start, respective.words
                lead = sentence.text[:clause_at] + before
            after = sentence.text[mention.end:mention.end + 8]
            kind, direction = kind_of(mention, lead, after, w)
            subject = subject_of(before, mention.start, kind, named, subjects, w)
            # …5356.01 万元、社会保障和就业支出796.52 万元: the clause opens after the figure before it
            item_after_figure = index > 0 and respective is None \
                and sentence.text[mentions[index - 1].end:clause_at].strip() == w_grammar.list_item_separator
            measure = figure_measure(before, kind, sentence.text, clause_at, subject, subjects, w, measures,
                                     item_after_figure)
            segment = sentence.segment_at(mention.number_start)
            claim = Claim(
                id=f"{doc_id}C{len(claims) + len(sentence_claims) + 1:04d}",
                kind=kind, text=mention.text.strip(), value=mention.value, decimals=mention.decimals,
                unit=mention.unit, scale=scales.get(mention.multiplier, _ONE), approx=mention.approx,
                sentence_id=sentence.id, sentence=sentence.text,
                start=mention.number_start, end=mention.end,
                doc_offset=segment.doc_offset_of(mention.number_start),
                page=segment.page, line=segment.line, file=segment.file,
                paragraph=paragraph.id, section=paragraph.section,
                subject=subject.name, subject_code=subject.code, subject_path=subject.path, measure=measure,
                period=period_of(before, kind, w), direction=direction,
                denominator_words=share_whole_words(before, w) if kind == "share" else "",
                context=before.strip(), budget=budget_kind(before, w),
            )
            sentence_claims.append(claim)
            if respective is not None:
                places[claim.id] = (respective.run, respective.index, respective.named)
        sentence_claims = relate(sentence_claims, claims, w, section_lead, open_lists, places)
        claims.extend(sentence_claims)
    return tuple(claims)
