"""_rfind_any: the last occurrence of any word of a list, the longer word where two start together."""
import random

from miner.claims.words import rfind_any as _rfind_any, words


def _by_rfind(text, options):
    best = (-1, "")
    for word in options:
        at = text.rfind(word)
        if at > best[0] or (at == best[0] and at >= 0 and len(word) > len(best[1])):
            best = (at, word)
    return best


def test_the_last_and_longest_as_a_search_word_by_word_finds_it():
    w = words()
    lists = [w.increase, w.decrease, w.rate, w.indicator, w.column_subjects, w.prior, w.parts, w.share]
    rng = random.Random(5)
    for options in lists:
        pieces = list(options) + list("，。的为占比万元") + ["\n", "0.5"]
        for _ in range(500):
            # words cut short and glued: a prefix of one word may start another
            text = "".join(rng.choice(pieces)[: rng.randint(1, 6)] for _ in range(rng.randint(0, 10)))
            assert _rfind_any(text, options) == _by_rfind(text, options), (text, options)


def test_examples():
    assert _rfind_any("比上年增加5万元，增长", ("增加", "增长")) == (9, "增长")
    assert _rfind_any("一般公共预算财政拨款", ("预算", "一般公共预算")) == (4, "预算")
    assert _rfind_any("没有", ("增加",)) == (-1, "")
