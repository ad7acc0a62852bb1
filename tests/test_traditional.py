"""Traditional characters read as simplified: a seed written in traditional script scans the same."""
from __future__ import annotations

from pathlib import Path

import miner
from miner.ingest.normalize import _traditional, normalize_line, normalize_text

SEED = Path(__file__).resolve().parent.parent / "corpora" / "seeds" / "wuchang-cyzx-2024-final.txt"


def _to_traditional(text: str) -> str:
    """The text with every simplified character that has one traditional form written in it."""
    sources: dict[str, list[str]] = {}
    for traditional, simplified in _traditional().items():
        sources.setdefault(simplified, []).append(traditional)
    table = {ord(s): t[0] for s, t in sources.items() if len(t) == 1}
    return text.translate(table)


def test_the_words_of_the_issue():
    assert normalize_line("一般公共預算財政撥款支出決算12.5萬元") == "一般公共预算财政拨款支出决算12.5万元"
    # the length never changes: offsets stay those of the source
    text = "中央一般公共預算收入100462.06億元，為預算的98.1%"
    assert len(normalize_line(text)) == len(text)


def test_a_character_both_scripts_share_is_kept():
    assert normalize_line("乾隆") == "乾隆"      # 乾 is 干 or 乾: not one-to-one, left alone


def test_a_seed_in_traditional_script_scans_as_the_seed(tmp_path):
    original = SEED.read_text(encoding="utf-8")
    converted = _to_traditional(original)
    assert sum(a != b for a, b in zip(original, converted)) > 1000    # the words changed
    assert normalize_text(converted) == normalize_text(original)
    copy = tmp_path / SEED.name
    copy.write_text(converted, encoding="utf-8")
    ours, theirs = miner.scan([copy]), miner.scan([SEED])
    assert [(c.claim_text, c.verdict, c.evidence) for c in ours.claims] == \
        [(c.claim_text, c.verdict, c.evidence) for c in theirs.claims]
    assert [(f.rule, f.line, f.severity) for f in ours.findings] == \
        [(f.rule, f.line, f.severity) for f in theirs.findings]
