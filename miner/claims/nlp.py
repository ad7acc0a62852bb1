"""The spaCy pipeline: a blank Chinese pipeline segmented by jieba.

No trained Chinese model is used (none exists on the registries we reach,
and nothing is downloaded at run time). Domain words from the lexicons are
added to jieba so that 一般公共服务支出 or 年初预算 come out as one token;
jieba reads a trimmed dictionary shipped in lexicons/ (start-up time);
numbers are never left to the segmenter: each figure the regex recognizer
found is one token, put into the Doc as a span (jieba splits 1,067.40 and
868. 11), and jieba segments the words between the figures.
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import data_path, load
from ..records import record

if TYPE_CHECKING:       # spaCy is imported where the pipeline is built (start-up time)
    from spacy.tokens import Doc


def domain_words() -> list[str]:
    words: set[str] = set()
    for measure in load("measures")["measures"]:
        words.update(measure["words"])
    words.update(load("measures")["column_subjects"])
    words.update(load("measures")["column_subjects_budget"])
    words.update(load("measures")["denominators"])
    claims = load("claims")
    for key in ("share_markers", "rate_markers", "increase_words", "decrease_words", "indicator_words"):
        words.update(claims[key])
    for entry in load("classification")["functional"]:
        words.add(entry["name"])
    return sorted(w for w in words if len(w) > 1)


def _import_jieba():
    """jieba, imported without ``pkg_resources``: jieba's _compat imports it (about 0.15 s,
    and deprecated) only to open jieba's own data files, which it otherwise opens by path.
    A ``None`` in ``sys.modules`` makes that import fail, the documented way."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def pipeline():
    import spacy

    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)
    # The 50,000 most frequent words of jieba's dictionary (lexicons/segmenter.dict,
    # scripts/build_segmenter_dict.py): the full one takes over a second to load.
    jieba.set_dictionary(str(data_path("segmenter.dict")))
    for word in domain_words():
        jieba.add_word(word, freq=2000)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


class Segmenter:
    """Builds the Doc of one document's sentences: each figure is one token, and
    jieba segments the text between figures as the pipeline's tokenizer does.

    A document repeats its connecting words (万元，比上年增加, 万元，占) hundreds of
    times between different figures. jieba segments each block of a text (a run
    of Han characters, letters and digits: ``jieba.re_han_default``) alone, so
    each distinct block is segmented once per Segmenter, that is once per
    document (a longer-lived memo would make a benchmark that scans the same
    documents again look faster than a corpus)."""

    def __init__(self):
        self.nlp = pipeline()
        self._jieba = _import_jieba()
        self._blocks = self._jieba.re_han_default
        self._pieces: dict[str, list[str]] = {}
        self._cut_blocks: dict[str, list[str]] = {}

    def _cut(self, piece: str) -> list[str]:
        words = self._pieces.get(piece)
        if words is None:
            words = self._pieces[piece] = []
            for block in self._blocks.split(piece):
                if block:
                    cut = self._cut_blocks.get(block)
                    if cut is None:
                        cut = self._cut_blocks[block] = [word for word in self._jieba.cut(block, cut_all=False)
                                                         if word]
                    words += cut
        return words

    def words(self, text: str, figures) -> list[str]:
        """The tokens of ``text``, where ``figures`` are the (start, end) spans of its
        figures, in order and not overlapping."""
        words: list[str] = []
        last = 0
        for start, end in figures:
            if start > last:
                words += self._cut(text[last:start])
            words.append(text[start:end])
            last = end
        if last < len(text):
            words += self._cut(text[last:])
        return words

    def narrative(self, texts_and_figures) -> "Narrative":
        """One Doc for the sentences of a document, each ``(text, figure spans)``: the
        sentences follow each other, a line break between two, as the span group
        "sentences"; the figures are the span group "numbers". One Doc rather than
        one per sentence: a Doc and its span groups have a fixed cost, which a
        sentence of twenty words paid as a whole document does."""
        from spacy.tokens import Doc, Span

        words: list[str] = []
        spaces: list[bool] = []
        starts: list[int] = []
        token_ranges: list[tuple[int, int]] = []
        figures_at: list[tuple[int, int]] = []
        offset = 0
        for text, figures in texts_and_figures:
            if starts:
                words.append(_SEPARATOR)
                spaces.append(False)
                offset += len(_SEPARATOR)
            sentence_words, sentence_spaces = _aligned(self.words(text, figures))
            token_ranges.append((len(words), len(words) + len(sentence_words)))
            words += sentence_words
            spaces += sentence_spaces
            starts.append(offset)
            figures_at += [(offset + start, offset + end) for start, end in figures]
            offset += len(text)
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for _name, component in self.nlp.pipeline:     # none in the blank pipeline
            doc = component(doc)
        doc.spans["sentences"] = [Span(doc, first, end) for first, end in token_ranges]
        doc.spans["numbers"] = [doc.char_span(start, end, label="NUMBER") for start, end in figures_at]
        return Narrative(doc, tuple(starts))


def _aligned(words: list[str]) -> tuple[list[str], list[bool]]:
    """The words of a text that they make up end to end, as a Doc takes them: what
    spacy.util.get_words_and_spaces makes of them (one space after a word is that
    word's trailing space; any other run of whitespace is one token), in one pass."""
    tokens: list[str] = []
    spaces: list[bool] = []
    gap = ""
    for word in words:
        if word.isspace():
            if not gap and word[0] == " " and tokens and not spaces[-1]:
                spaces[-1] = True
                word = word[1:]
            gap += word
            continue
        if gap:
            tokens.append(gap)
            spaces.append(False)
            gap = ""
        tokens.append(word)
        spaces.append(False)
    if gap:
        tokens.append(gap)
        spaces.append(False)
    return tokens, spaces


_SEPARATOR = "\n"     # between two sentences of a narrative Doc: whitespace, its own token


@record
class Narrative:
    """A document's sentences in one spaCy Doc, and where each sentence starts in it."""

    doc: Doc
    starts: tuple[int, ...]     # the offset of each sentence's first character in doc.text
