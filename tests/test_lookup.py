"""Rows found by their labels (miner.tables.lookup) and a table the extraction mis-read
(miner.tables.quality): the linker and the table rules share them."""
from __future__ import annotations

from decimal import Decimal

from miner.tables.lookup import first_named, label_variants, panel, total_row
from miner.tables.model import Cell, Row, Table
from miner.tables.quality import misread


def _row(index: int, label: str, code: str = "", group: str = "", value: str | None = "1.00") -> Row:
    cell = Cell(table="表1", row=index, column="金额", group=group, row_code=code, row_label=label,
                value=None if value is None else Decimal(value), decimals=2, raw=value or "", page=1, line=index)
    return Row(index, code, label, group, "", (cell,), 1, index)


def _table(*rows: Row, key: str = "summary") -> Table:
    return Table("表1", key, "收入支出决算总表", "收入支出决算总表", "final", "万元", 1, 0, 9,
                 (("", "金额"),), rows, "tabs")


def test_the_total_row_is_the_sum_of_the_lines_not_the_grand_total():
    """总计 adds the carry-overs: a `total` names the 合计 row, wherever the 总计 stands."""
    table = _table(_row(0, "收入总计"), _row(1, "201", "201"), _row(2, "本年收入合计"))
    assert total_row(table).label == "本年收入合计"
    assert total_row(_table(_row(0, "收入总计"), _row(1, "一般公共服务支出", "201"))) is None


def test_a_table_of_one_uncoded_row_is_its_own_total():
    assert total_row(_table(_row(0, ""))).index == 0
    assert total_row(_table(_row(0, "一般公共服务支出", "201"))) is None


def test_a_panel_is_looked_up_alone():
    table = _table(_row(0, "合计", group="收入"), _row(1, "工资福利支出", "301", group="支出"), _row(2, "合计", group="支出"))
    assert total_row(table, "支出").index == 2
    assert first_named(panel(table, "支出"), ("301",)).index == 1


def test_a_label_is_found_without_its_ordinal_and_when_cut_short():
    assert label_variants("一、一般公共预算财政拨款") == ("一般公共预算财政拨款",)
    rows = panel(_table(_row(0, "一一般公共预算财、")))
    assert first_named(rows, ("一般公共预算财政拨款",)).index == 0


def test_a_figure_in_a_label_or_a_second_copy_of_an_identity_is_a_misread_table():
    clean = _table(_row(0, "合计"), _row(1, "一般公共服务支出", "201"))
    assert not misread(clean, clean)
    figure_in_label = _table(_row(0, "合计 1,067.40"), _row(1, "一般公共服务支出", "201"))
    assert misread(figure_in_label, figure_in_label)
    assert misread(clean, _table(_row(0, "合计")))
