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


def test_the_narrative_doc_holds_each_sentence_as_its_words_aligned_as_spacy_aligns_them():
    items = [(text, [(m.number_start, m.number_end) for m in find_mentions(text)]) for text in SENTENCES]
    narrative = Segmenter().narrative(items)
    doc = narrative.doc
    assert [span.text for span in doc.spans["sentences"]] == SENTENCES
    for (text, figures), start, span in zip(items, narrative.starts, doc.spans["sentences"]):
        assert doc.text[start:start + len(text)] == text and span.start_char == start
        words, spaces = get_words_and_spaces(Segmenter().words(text, figures), text)
        assert [token.text for token in span] == words
        assert [bool(token.whitespace_) for token in span] == spaces
    assert [span.text for span in doc.spans["numbers"]] \
        == [text[start:end] for text, figures in items for start, end in figures]


@pytest.mark.parametrize("words", [
    ["支出", " ", "868. 11", "万元", " ", " ", "，", "\t", "占"],   # a space, a run, a tab
    [" ", "支出", " "],                                          # leading and trailing
    ["a", "\r\n", "b"], ["a", "  ", "b"], [" "], ["a", " ", "\u3000", "b"],
])
def test_alignment_is_spacys(words):
    from miner.claims.nlp import _aligned

    assert _aligned(words) == get_words_and_spaces(words, "".join(words))


@pytest.mark.parametrize("text", SENTENCES)
def test_the_words_between_figures_are_jiebas_for_that_text(text):
    # the Segmenter keeps jieba's words per block of the text: the same words as jieba.cut of each piece
    import jieba

    Segmenter()     # loads jieba's dictionary and the domain words, as the pipeline does
    figures = [(m.number_start, m.number_end) for m in find_mentions(text)]
    expected, last = [], 0
    for start, end in [*figures, (len(text), len(text))]:
        expected += [word for word in jieba.cut(text[last:start], cut_all=False) if word]
        expected += [text[start:end]] if end > start else []
        last = end
    assert Segmenter().words(text, figures) == expected
