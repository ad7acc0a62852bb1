"""Plain data produced by the claim stage."""
from __future__ import annotations

from decimal import Decimal

from ..records import record



@record
class Claim:
    """A number in the narrative, with what the words around it say it is.

    ``value`` is the figure as written (``23.05`` in ``23.05万余件``) and
    ``scale`` the multiplier written with it (10000 there), so the quantity is
    ``value * scale`` in ``unit``. Relations to other claims of the same
    passage (the two figures of a completion rate, the whole of a share, the
    current figure of a change, the total a ``其中`` list breaks down) are
    claim ids, resolved from the wording, never from the values.
    """

    id: str
    kind: str              # amount | change_amount | share | rate | change_rate | count | indicator | date | threshold | number
    text: str              # the mention as written
    value: Decimal
    decimals: int
    unit: str              # 万元 | 元 | 亿元 | % | 件 ...
    scale: Decimal
    approx: str            # 余 / 约 / 近 ... or ""
    sentence_id: int
    sentence: str
    start: int             # offsets of the figure in the sentence
    end: int
    doc_offset: int
    page: int
    line: int
    file: str
    paragraph: int
    section: tuple[str, ...]
    subject: str = ""           # as the prose names it (normalised)
    subject_code: str = ""    # classification code the prose gives with the subject: 小学教育（2050202）
    subject_path: tuple[str, ...] = ()   # 类 / 款 / 项 names when the prose gives them
    measure: str = ""           # key in lexicons/measures.yaml
    budget: str = ""            # the budget the words name (年初预算, 全年预算 …; consistency.yaml budget_kinds)
    period: str = "current"     # current | prior
    direction: str = ""         # "+" | "-" | "=" | "?" (template alternative left in place)
    denominator_words: str = ""  # what 占 names ("本年支出合计")
    numerator: str = ""         # claim ids of related figures
    denominator: str = ""
    base: str = ""
    base_period: str = ""     # "prior" when the base figure is the previous year's (与2016年度相比（2016年度…为X）)
    parts_of: str = ""
    context: str = ""           # the words before the figure in its clause

    @property
    def quantity(self) -> Decimal:
        return self.value * self.scale

    @property
    def section_title(self) -> str:
        return " / ".join(self.section)
