"""SubjectIndex.find_all finds what a regex alternation of the names, longest first, finds."""
import random

import regex

from miner.claims.names import SubjectIndex

ROW_NAMES = ["事业运行", "一般行政管理事务", "行政运行", "其他文化旅游体育与传媒支出", "文化和旅游",
             "群众文化", "机关事业单位基本养老保险缴费支出", "住房公积金", "基本支出", "其他"]


def _by_alternation(index: SubjectIndex, text: str):
    pattern = regex.compile("|".join(regex.escape(name) for name in index.names))
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_the_same_matches_as_the_alternation_on_generated_text():
    index = SubjectIndex(ROW_NAMES)
    alphabet = "".join(sorted({char for name in index.names for char in name})) + "，。万元0"
    pieces = list(index.names) + list(alphabet)
    rng = random.Random(11)
    for _ in range(3000):
        # names cut and glued together: prefixes and overlaps are where the two could differ
        text = "".join(rng.choice(pieces)[: rng.randint(1, 8)] for _ in range(rng.randint(0, 8)))
        assert index.find_all(text) == _by_alternation(index, text), text


def test_longest_name_at_a_position_wins_and_matches_do_not_overlap():
    index = SubjectIndex(ROW_NAMES)
    found = index.find_all("其他文化旅游体育与传媒支出事业运行")
    assert found == [(0, 13, "其他文化旅游体育与传媒支出"), (13, 17, "事业运行")]


def test_longest_first_orders_by_length_then_code_point():
    from miner.claims.words import longest_first as _longest_first

    rng = random.Random(3)
    for _ in range(500):
        words = ["".join(rng.choice("一般公共服务支出ab") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(0, 40))]
        assert _longest_first(words) == tuple(sorted(set(words), key=lambda word: (-len(word), word)))
