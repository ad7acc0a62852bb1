"""The claim stage's Docs: each figure one token, the words between them from jieba, whitespace as spaCy keeps it."""
import pytest
from spacy.util import get_words_and_spaces

from miner.claims.nlp import Segmenter
from miner.numbers import find_mentions

SENTENCES = [
    "本年支出合计1,067.40万元，比上年减少525.02万元，下降37.66%。",
    "事业运行（项）支出决算为868. 11万元",                 # a space after the point, as extracted
    "  支出 868. 11万元 ， 占\t本年支出合计的 85.3%  ",     # runs of whitespace, a tab, trailing spaces
    "共受理群众投诉23.05万余件，办结三个",
    " ",
    "没有数字的句子",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_each_figure_is_one_word_and_the_words_rebuild_the_text(text):
    figures = [(m.number_start, m.number_end) for m in find_mentions(text)]
    words = Segmenter().words(text, figures)
    assert "".join(words) == text
    starts = [sum(map(len, words[:index])) for index in range(len(words))]
    assert [(start, start + len(word)) for start, word in zip(starts, words)
            if (start, start + len(word)) in figures] == figures


@pytest.mark.parametrize("text", SENTENCES)
def test_the_docs_tokens_are_the_words_aligned_as_spacy_aligns_them(text):
    figures = [(m.number_start, m.number_end) for m in find_mentions(text)]
    doc = next(Segmenter().docs([(text, figures)]))
    words, spaces = get_words_and_spaces(Segmenter().words(text, figures), text)
    assert doc.text == text
    assert ([token.text for token in doc], [bool(token.whitespace_) for token in doc]) == (words, spaces)
    assert [(span.start_char, span.end_char) for span in doc.spans["numbers"]] == figures


def test_docs_keep_the_text_and_put_the_figures_in_the_numbers_span_group():
    text = SENTENCES[0]
    figures = [(m.number_start, m.number_end) for m in find_mentions(text)]
    doc = next(Segmenter().docs([(text, figures)]))
    assert doc.text == text
    assert [(span.start_char, span.end_char) for span in doc.spans["numbers"]] == figures
    assert [span.text for span in doc.spans["numbers"]] == ["1,067.40", "525.02", "37.66"]
