"""The severity policy (miner/checks/tolerance.py): a gap is measured in units of what rounding
and truncation of the printed figures allow, with no gate on its relative size; rounding tails
stay info; an uncertain reading is at most a warning."""
from __future__ import annotations

from decimal import Decimal as D

from miner.checks.policy import default_policy
from miner.checks.tolerance import Amount, ratio

TOL = default_policy().tolerance


def test_a_share_off_by_what_no_rounding_gives_is_an_error():
    """putuo-czj-2024-final p.21: 一般公共服务支出（类）2106.66万元，占71.73% where 2106.66 / 2940.05 =
    71.654%: a gap of 0.1% of the share, 7 times what rounding allows."""
    point, interval = ratio(D("2106.66"), 2, D("2940.05"), 2)
    verdict = TOL.judge(D("71.73"), 2, "", point, interval)
    assert (verdict.verdict, verdict.severity) == ("mismatch", "error")
    assert D(verdict.excess) > TOL.error_units


def test_a_share_within_the_rounding_of_its_inputs_agrees():
    # 182.92 / 28849.38 = 0.634%: the inputs' rounding cannot give 0.64, but one unit of 0.64 can
    point, interval = ratio(D("182.92"), 2, D("28849.38"), 2)
    verdict = TOL.judge(D("0.64"), 2, "", point, interval, computed=True)
    assert verdict.verdict in ("ok", "rounding") and verdict.severity in ("", "info")


def test_rounding_tails_stay_info():
    tail = TOL.judge(D("12323.46"), 2, "", D("12323.48"))
    assert (tail.verdict, tail.severity, tail.excess) == ("rounding", "info", "2.0")
    sums = TOL.compare_totals([Amount(D("2946.25"), 2)], [Amount(D("2940.05"), 2), Amount(D("6.21"), 2)])
    assert (sums.verdict, sums.severity) == ("rounding", "info")


def test_the_gap_is_measured_in_printed_units_not_against_the_size_of_the_figure():
    """0.06万元 on a figure of 12,323万元: 6 units of the last decimal, more than error_units (5),
    an error however small a part of the figure it is; 0.04 is a warning."""
    assert TOL.judge(D("12323.54"), 2, "", D("12323.48")).severity == "error"
    assert TOL.judge(D("12323.52"), 2, "", D("12323.48")).severity == "warning"
    # a table's total against its lines: 50.60 on 665,913.77 (cities, hangzhou 交通运输局 p.23)
    lines = [Amount(D(v), 2) for v in ("6651.38", "18.00", "24310.26", "9927.95", "2531.04", "437000.00",
                                         "174982.14", "10493.00")]
    assert TOL.compare_totals([Amount(D("665964.37"), 2)], lines).severity == "error"


def test_an_approximate_figure_is_at_most_a_warning():
    # 约500万元 where the evidence is 700: far outside ±5%, but the words do not say how far
    verdict = TOL.judge(D("500"), 0, "约", D("700"))
    assert (verdict.verdict, verdict.severity) == ("mismatch", "warning")


def test_every_numeric_verdict_carries_its_allowance():
    verdict = TOL.judge(D("367.67"), 2, "", D("372.78"))
    assert verdict.allowed == D("0.01") and verdict.excess == "511.0" and verdict.severity == "error"


def test_a_computed_rate_has_no_tail_of_the_last_decimal():
    """jiangsu-rd-2019-budget p.10: 增加125.62万元，增长1.98% on 6459.58; a 1.8% there (a dropped
    digit) is not a rounding of 1.98%, though it is within two units of 1.98 rounded to 2.0."""
    point, interval = ratio(D("125.62"), 2, D("6459.58") - D("125.62"), 2)
    assert TOL.judge(D("1.98"), 2, "", point, interval).verdict in ("ok", "rounding")
    verdict = TOL.judge(D("1.8"), 1, "", point, interval)
    assert verdict.verdict == "mismatch" and verdict.severity == "warning"
    # 4.3% for 4.53%: a slip, not a tail
    point, interval = ratio(D("45.3"), 1, D("1000"), 0)
    assert TOL.judge(D("4.3"), 1, "", point, interval).verdict == "mismatch"


def test_a_figure_rounded_from_a_finer_one_may_be_rounded_up():
    """jiangsu-rd-2018-budget p.22: 单位预留机动经费1685.72万元，占10.61% where 1685.72 / 15897.44 =
    10.604%: rounded up instead of to the nearest, as others cut: rounding."""
    point, interval = ratio(D("1685.72"), 2, D("15897.44"), 2)
    verdict = TOL.judge(D("10.61"), 2, "", point, interval, computed=True)
    assert (verdict.verdict, verdict.severity) == ("rounding", "info")
    # two units off is not rounding (jiangsu-jcy-2019-budget p.29: 34.38% for 34.36%)
    point, interval = ratio(D("368.97"), 2, D("1442.74") - D("368.97"), 2)
    assert TOL.judge(D("34.38"), 2, "", point, interval, computed=True).verdict == "mismatch"
    # 苏州市数据局 p.30: 减少70万元，减少10% on 630: exactly 10.00%; 11% is no rounding of it
    point, interval = ratio(D("70"), 0, D("700"), 2)
    assert TOL.judge(D("11"), 0, "", point, interval, computed=True).verdict == "mismatch"


def test_an_amount_stated_with_fewer_decimals_has_no_conversion_tail():
    # 5万元 against a cell of 6.20: the tail is a unit of the tables' 0.01万元, not of the prose's 万元
    verdict = TOL.judge(D("5"), 0, "", D("6.20"))
    assert verdict.verdict == "mismatch"
    # but the same 5 against 5.73 is the cell cut to its integer
    assert TOL.judge(D("5"), 0, "", D("5.73")).verdict == "rounding"


def test_a_figure_copied_from_a_table_is_not_rounded_up():
    # wuchang-cyzx-2024-final: 购房补贴 18.12 in 表5; 18.2万元 in the prose would be no rounding of it
    assert TOL.judge(D("18.2"), 1, "", D("18.12")).verdict == "mismatch"
    assert TOL.judge(D("18.1"), 1, "", D("18.12")).verdict in ("ok", "rounding")
