"""SC03 unit mixed up.

What it checks: a statement's figure that differs from the source's figure
but equals it in another money unit (亿元 written where 万元 is meant).

Why it matters: a unit slip makes a figure ten thousand times too large or
too small; it is the most visible error a reader can be misled by.

Bad: "基本支出2336.91亿元" where the source's table shows 2336.91万元.
Good: "基本支出2336.91万元".
"""
CODE = "SC03"
NAME = "unit-mixed-up"
FAMILY = "statement"
SEVERITY = "error"
SUMMARY = "A figure of a statement equals the source's figure in another unit (亿元 for 万元)."
