from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from miner.ingest.normalize import normalize_line
from miner.numbers import find_mentions, format_decimal, parse_number


@pytest.mark.parametrize("text, value, decimals", [
    ("1,067.40", "1067.40", 2), ("868. 11", "868.11", 2), ("0", "0", 0), ("37.7", "37.7", 1),
])
def test_parse_arabic(text, value, decimals):
    parsed = parse_number(text)
    assert parsed.value == Decimal(value) and parsed.decimals == decimals


@pytest.mark.parametrize("text, value", [("三", 3), ("两", 2), ("十二", 12), ("一百零五", 105), ("四十", 40),
                                         ("两万三千", 23000)])
def test_parse_chinese(text, value):
    assert parse_number(text, "chinese").value == value


@pytest.mark.parametrize("text, expected", [
    ("年初预算为363.82万元", [("363.82", "万元", "")]),
    ("共受理群众投诉 23.05 万余件", [("23.05", "件", "余")]),
    ("占一般公共预算项目支出总额的 42.35 %", [("42.35", "%", "")]),
    ("百分之四十", [("40", "%", "")]),
    ("共有两辆车，共三个部门", [("2", "辆", ""), ("3", "个", "")]),
    ("第一部分 一般公共服务 三公经费 高效处置一件事", []),
    ("咨询电话：027-88937157", []),
])
def test_find_mentions(text, expected):
    got = [(format_decimal(m.value), m.unit, m.approx) for m in find_mentions(text) if m.pattern != "date"]
    assert got == expected


def test_value_split_over_nothing_but_spaces_keeps_offsets():
    text = "支出决算为 1,067.40万元"
    [mention] = find_mentions(text)
    assert text[mention.number_start:mention.number_end] == "1,067.40"


@given(st.text())
def test_normaliser_keeps_length(text):
    assert len(normalize_line(text)) == len(text)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_parse_format_roundtrip(value):
    assert parse_number(format_decimal(value)).value == value


@given(st.text(max_size=200))
def test_finder_never_raises(text):
    find_mentions(text)


def test_fullwidth_digits_and_kangxi_are_normalised():
    assert normalize_line("１２．５％⽀出") == "12.5%支出"
    assert normalize_line("支出，合计") == "支出，合计"   # the ideographic comma is kept


# Properties over any input: the parser and the normaliser never raise, and
# every figure the report writes reads back as the same value and precision.

_FULLWIDTH_DIGITS = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@given(st.text(), st.sampled_from(["arabic", "chinese"]))
def test_parser_never_raises(text, numeral):
    parsed = parse_number(text, numeral)
    assert parsed is None or parsed.decimals >= 0


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点", max_size=30))
def test_chinese_numerals_never_raise(text):
    parse_number(text, "chinese")


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False)
       .filter(lambda d: -30 < d.as_tuple().exponent <= 0))
def test_parse_format_roundtrip_keeps_value_and_decimals(value):
    parsed = parse_number(format_decimal(value))
    assert parsed.value == value
    assert parsed.decimals == -value.as_tuple().exponent


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_thousands_separated_figures_parse_to_the_same_value(value):
    assert parse_number(f"{value:,.2f}").value == value


@given(st.text())
def test_normaliser_is_idempotent(text):
    once = normalize_line(text)
    assert normalize_line(once) == once


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_normaliser_leaves_ascii_alone(text):
    assert normalize_line(text) == text


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_fullwidth_figures_normalise_to_the_same_value(value):
    written = format_decimal(value)
    assert parse_number(normalize_line(written.translate(_FULLWIDTH_DIGITS))) == parse_number(written)


@pytest.mark.parametrize("text, expected", [
    # (pattern, text, start, end, number_text, number_start, number_end, multiplier, unit, approx), by hand
    ("收入约1,067.40万余元", [("arabic", "约1,067.40万余元", 2, 14, "1,067.40", 3, 11, "万", "元", "约")]),
    ("共受理群众投诉 23.05 万余件", [("arabic", "23.05 万余件", 8, 17, "23.05", 8, 13, "万", "件", "余")]),
    ("占百分之四十", [("percent_words", "百分之四十", 1, 6, "四十", 4, 6, "", "%", "")]),
    ("三个", [("chinese_count", "三个", 0, 2, "三", 0, 1, "", "个", "")]),
    ("868. 11万元", [("arabic", "868. 11万元", 0, 9, "868. 11", 0, 7, "", "万元", "")]),
])
def test_mention_parts_and_offsets(text, expected):
    got = [(m.pattern, m.text, m.start, m.end, m.number_text, m.number_start, m.number_end, m.multiplier, m.unit,
            m.approx) for m in find_mentions(text)]
    assert got == expected
    assert all(text[m.start:m.end] == m.text and text[m.number_start:m.number_end] == m.number_text
               for m in find_mentions(text))
