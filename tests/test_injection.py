"""Error injection: the changes themselves, and the seeded run whose caught share may not drop."""
from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from miner import injection
from miner.ingest.model import Document, Line
from miner.scan import read_document

ROOT = Path(__file__).resolve().parent.parent
FLOOR = yaml.safe_load((Path(__file__).parent / "data" / "injection.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("number", ["367.67", "1,067.40", "23", "0.64", "249,977.11"])
def test_a_factor_keeps_the_printed_form_and_changes_the_value(number):
    rng = random.Random(3)
    for _ in range(30):
        new = injection.changed_figure(number, "factor", rng)
        plain, old = new.replace(",", ""), number.replace(",", "")
        if Decimal(plain) >= 1000:
            assert ("," in new) == ("," in number)
        assert len(plain.partition(".")[2]) == len(old.partition(".")[2])
        ratio = Decimal(plain) / Decimal(old)
        assert Decimal("0.59") <= ratio <= Decimal("1.41") and ratio != 1


def test_the_slips():
    rng = random.Random(1)
    assert injection.changed_figure("367.67", "swap", rng) in {"376.67", "637.67", "367.76"}
    assert injection.changed_figure("367.67", "point", rng) in {"36.767", "3676.7"}
    dropped = {injection.changed_figure("367.67", "drop", random.Random(s)) for s in range(40)}
    # no drop leaves the figure printed less precisely (367.6 or 367.7 for 367.67): the
    # tolerance rightly accepts those
    assert dropped == {"67.67", "37.67", "36.67"}
    # 868.11 -> 868.1 would be the same truncation, whichever 1 is dropped
    assert {injection.changed_figure("868.11", "drop", random.Random(s)) for s in range(40)} == {"68.11", "88.11", "86.11"}
    assert injection.changed_figure("5", "swap", rng) is None
    assert injection.changed_figure("7", "drop", rng) is None


def test_a_changed_line_moves_the_offsets_after_it():
    lines = (Line("甲100万元", 1, 1, 0), Line("乙200万元", 1, 2, 7), Line("丙", 1, 3, 14))
    doc = Document(path="x", lines=lines)
    changed = injection.with_line(doc, 1, "乙2000万元")
    assert [line.offset for line in changed.lines] == [0, 7, 15]
    assert changed.text == "甲100万元\n乙2000万元\n丙"


def test_a_claim_is_placed_on_its_line():
    path = ROOT / "corpora" / "seeds" / "wuchang-cyzx-2024-final.txt"
    doc = read_document(path, str(path))
    base, found = injection.survey(str(path), str(path), injection.selected())
    assert found, "the seed has verified figures"
    for candidate in found:
        row = candidate.row
        line = doc.lines[candidate.line_index]
        assert (line.page, line.line) == (row.page, row.line)
        assert candidate.number.replace(",", "").replace(" ", "") in row.claim_text.replace(",", "").replace(" ", "")


def test_a_seeded_run_catches_at_least_the_recorded_share():
    outcomes = injection.run([ROOT / p for p in FLOOR["paths"]], FLOOR["count"], seed=FLOOR["seed"], jobs=1)
    assert len(outcomes) == FLOOR["count"]
    caught = sum(o.caught for o in outcomes) / len(outcomes)
    missed = [f"{o.change.kind} {o.change.old}->{o.change.new} ({o.change.doc} p.{o.change.page}): {o.message}"
              for o in outcomes if not o.caught]
    assert caught >= FLOOR["caught"], "\n".join(missed)
    for tally in injection.tally(outcomes, lambda o: o.change.kind):
        assert tally.share >= FLOOR["by_kind"][tally.group], (tally, "\n".join(missed))
    collateral = sum(bool(o.collateral) for o in outcomes) / len(outcomes)
    assert collateral <= FLOOR["collateral_at_most"], [o.collateral for o in outcomes if o.collateral]
