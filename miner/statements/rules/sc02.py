"""SC02 rate or change recomputed from the source.

What it checks: a completion rate (为预算的98.1%), a share, a change amount
or a change rate of a statement, recomputed from the statement's figure and
the source's figure it is measured against (the budget of the same item, the
earlier year's figure of the same stage), when the source does not state the
rate itself.

Why it matters: a statement often quotes the rate and not the budget it
divides by; a rate that does not follow from the published budget is wrong,
or its amount is.

Bad: "国内增值税33223.3亿元，为预算的93.1%" with the budget 36085亿元 (33223.3 / 36085 = 92.07%).
Good: the same with 92.1%.
"""
CODE = "SC02"
NAME = "recomputed-from-source"
FAMILY = "statement"
SEVERITY = "error"
SUMMARY = "A rate, share or change of a statement differs from its recomputation from the source's figures."
