"""SC01 statement figure vs source figure.

What it checks: a figure of a public statement (news report, press release,
work report) against the figure the source states for the same body, year,
stage and item: the sentence of the source's prose that states it, or the
table cell its labels name.

Why it matters: a statement is read by people who will never open the
source; a figure copied wrong there is the figure the public remembers.

Bad: "国内增值税预算数为36185亿元" where 财政部's page says 国内增值税预算数为36085亿元.
Good: "中央本级支出40720.18亿元" where the 决算 page says 2024年中央本级支出决算数为40720.18亿元.
A figure of another stage (the March 执行数 against the July 决算数) is not
compared: it is `not_found`, with the source's figure of the other stage named.
"""
CODE = "SC01"
NAME = "statement-vs-source"
FAMILY = "statement"
SEVERITY = "error"
SUMMARY = "A figure of a statement differs from the source's figure for the same item, body, year and stage."
