"""The PDF path on the 25 real documents of corpora/pdf.

Expected data (tests/golden/pdf/) was checked by hand against the rendered
pages: inventory.yaml lists every table a document prints, with pages, unit
and sample cells; errors.yaml the inconsistencies found by reading.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
import yaml

from miner.checks.policy import default_policy
from miner.corpus.crosscheck import cross_check
from miner.scan import scan_document
from miner.tables.spec import squash

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "corpora" / "pdf"
GOLDEN = ROOT / "tests" / "golden" / "pdf"
INVENTORY = yaml.safe_load((GOLDEN / "inventory.yaml").read_text(encoding="utf-8"))
ERRORS = yaml.safe_load((GOLDEN / "errors.yaml").read_text(encoding="utf-8"))
GAPS = yaml.safe_load((GOLDEN / "known-gaps.yaml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def known_gap(request):
    """Strict xfail for the gaps listed, with their reason, in known-gaps.yaml."""
    name = request.node.originalname
    key = request.node.callspec.params.get("key") if hasattr(request.node, "callspec") else None
    reason = GAPS.get(name, {}).get(key)
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="session")
def pdf_results():
    """Every document of the inventory scanned, then read against each other (XD01), as
    ``miner scan corpora/pdf`` does."""
    results = cross_check([scan_document(PDF / key, display=key) for key in sorted(INVENTORY)], default_policy())
    by_key = {result.path: result for result in results}
    return by_key.__getitem__


def _title(text: str) -> str:
    text = squash(text).replace("⽀", "支")
    text = regex.sub(r"^(?:[一二三四五六七八九十]+[、.]|表\d+[：:]|公开\d+表[：:]?)", "", text)
    text = regex.sub(r"^\d{4}年度?", "", text)
    return regex.sub(r"[（(][^）)]*[）)]$", "", text)


def _matches(expected: str, found: str) -> bool:
    a, b = _title(expected), _title(found)
    return a == b or a.endswith(b) or b.endswith(a)


def _pairs(expected: list[dict], found: list) -> dict[int, object]:
    """Expected table index -> the recognised table it is, closest title first
    (收支预算总表 is not 财政拨款收支预算总表), each recognised table used once."""
    candidates = sorted(((abs(len(_title(t["title"])) - len(_title(f.title))), i, j)
                         for i, t in enumerate(expected) for j, f in enumerate(found)
                         if _matches(t["title"], f.title)))
    pairs, used = {}, set()
    for _gap, i, j in candidates:
        if i not in pairs and j not in used:
            pairs[i] = found[j]
            used.add(j)
    return pairs


def _pages(table) -> list[int]:
    return list(table.pages)


@pytest.mark.parametrize("key", sorted(INVENTORY))
def test_every_table_is_found(key, pdf_results):
    result = pdf_results(key)
    assert not result.error, result.error
    expected = INVENTORY[key]["tables"]
    found = list(result.tables)
    pairs = _pairs(expected, found)
    missing = [t["title"] for i, t in enumerate(expected) if i not in pairs]
    assert not missing, f"{key}: tables not recognised: {missing}; found {[f.title for f in found]}"
    extra = [f.title for f in found if not any(f is p for p in pairs.values())]
    assert not extra, f"{key}: tables recognised that the document does not print: {extra}"


@pytest.mark.parametrize("key", sorted(INVENTORY))
def test_tables_start_on_their_page_with_their_unit(key, pdf_results):
    result = pdf_results(key)
    pairs = _pairs(INVENTORY[key]["tables"], list(result.tables))
    for i, table in enumerate(INVENTORY[key]["tables"]):
        if i not in pairs:
            continue
        first = pairs[i]
        file = table.get("file", "")
        assert (first.file, first.page) == (file if first.file else "", table["pages"][0]), \
            f"{key}: {table['title']} starts on {first.file} p.{first.page}, expected p.{table['pages'][0]}"
        printed = None if first.unit_assumed else first.unit
        assert printed == table["unit"], f"{key}: {table['title']} unit {printed} (assumed: {first.unit_assumed})"
        assert first.empty == bool(table.get("empty", False)), f"{key}: {table['title']} empty={first.empty}"


def _row_matches(row, wanted: str, rows: int) -> bool:
    if wanted.startswith("(only row)") or rows == 1:
        return True
    if " / " in wanted:
        # a row named under a group printed beside it (一般公共预算资金 / 公共财政拨款(补助)资金):
        # the label is the name, or the group and the name read together
        label, name = regex.sub(r"\s+", "", row.label), regex.sub(r"\s+", "", wanted.split(" / ")[-1])
        return bool(label) and label.endswith(name)
    wanted = regex.sub(r"\s+", "", wanted)
    code = "".join(regex.findall(r"^\d+", wanted) or [""])
    digits = regex.sub(r"\D", "", regex.match(r"^[\d\s]*", wanted).group())
    name = regex.sub(r"^[\d\s]+", "", wanted)
    label = regex.sub(r"\s+", "", row.label)
    name = regex.sub(r"^[一二三四五六七八九十]+、", "", name)
    label = regex.sub(r"^[一二三四五六七八九十]+、", "", label)
    if digits and len(digits) >= 3:
        return row.code == digits and (not name or name.startswith(label[:4]) or label.startswith(name[:4]))
    return bool(label) and (label == name or label.endswith(name) or name.endswith(label)) and not code


@pytest.mark.parametrize("key", sorted(INVENTORY))
def test_sample_cells_are_read_exactly(key, pdf_results):
    """Each sample figure is read, unchanged, into a row with that label."""
    result = pdf_results(key)
    problems = []
    pairs = _pairs(INVENTORY[key]["tables"], list(result.tables))
    for i, table in enumerate(INVENTORY[key]["tables"]):
        found = [pairs[i]] if i in pairs else []
        for sample in table.get("samples", ()):
            value = str(sample["value"]).replace(" ", "")
            rows = [r for f in found for r in f.rows if _row_matches(r, str(sample["row"]), len(f.rows))]
            if not any(c.raw.replace(" ", "") == value for r in rows for c in r.cells):
                problems.append(f"{table['title']} / {sample['row']} / {sample['column']} = {value}: "
                                f"read {[(c.column, c.raw) for r in rows for c in r.cells if c.raw]}")
    assert not problems, f"{key}: " + "; ".join(problems)


CLAIM_ERRORS = yaml.safe_load((GOLDEN / "claim-errors.yaml").read_text(encoding="utf-8"))["errors"]
CLAIM_RULES = ("VC01", "DR01", "DR02", "DR03", "DR04", "DR05", "DR06")


def test_every_claim_error_on_the_pdfs_is_a_verified_one(pdf_results):
    """Error-severity value and recomputation findings are exactly the hand-verified list:
    a false error (an extraction or linking slip) and a lost real one both fail."""
    raised = {(key, f.rule, f.page, f.line) for key in INVENTORY for f in pdf_results(key).findings
              if f.severity == "error" and f.rule in CLAIM_RULES}
    verified = {(e["doc"], e["rule"], e["page"], e["line"]) for e in CLAIM_ERRORS}
    assert raised == verified


def test_checked_share_on_the_pdfs_does_not_regress(pdf_results):
    """Narrative amounts and percentages with a verdict other than unlinked: the issue's target
    is 90% (measured 90.2% with the documents read against each other, as the scan does)."""
    financial = ("amount", "share", "rate", "change_amount", "change_rate")
    rows = [row for key in INVENTORY for row in pdf_results(key).claims if row.kind in financial]
    checked = sum(1 for row in rows if row.verdict != "unlinked")
    assert rows and checked / len(rows) >= 0.90
    assert all(row.message for row in rows if row.verdict == "unlinked")


CLAIMS = yaml.safe_load((GOLDEN / "claims.yaml").read_text(encoding="utf-8"))


def _claim_row(rows, expected: dict):
    """The scanned claim a hand-verified entry speaks about: same page, kind and value, in a
    sentence holding a fragment of the snippet (the snippet may span sentences; … elides)."""
    from decimal import Decimal

    value = Decimal(str(expected["value"]).replace(",", ""))
    fragments = [f for piece in expected["text"].split("…") for f in regex.split("[。；]", piece.replace(" ", "")) if f]
    holding = [f for f in fragments if str(expected["value"]) in f] or fragments
    for row in rows:
        if row.page != expected["page"] or row.kind != expected["kind"] or Decimal(row.value) != value:
            continue
        sentence = row.sentence.replace(" ", "").rstrip("。；;")
        if any(f in sentence or sentence in f for f in holding):
            return row
    return None


@pytest.mark.parametrize("key", sorted(CLAIMS))
def test_hand_verified_claims_get_their_verdict(key, pdf_results):
    """Each claim of claims.yaml is found, and checked with the verdict found by hand (ok and
    rounding agree; a mismatch must be reported as one). An entry with ``gap`` is a known
    limitation: it must still fail, so that a fix shows here and the entry is updated."""
    rows = pdf_results(key).claims
    wrong, fixed = [], []
    for expected in CLAIMS[key]:
        if expected["verdict"] == "unverifiable":
            continue
        row = _claim_row(rows, expected)
        got = row.verdict if row is not None else "(not found)"
        agrees = got == expected["verdict"] or {got, expected["verdict"]} <= {"ok", "rounding"}
        if expected.get("gap"):
            if agrees:
                fixed.append(expected["text"])
        elif not agrees:
            wrong.append((expected["page"], expected["text"], expected["verdict"], got))
    assert not wrong, wrong
    assert not fixed, f"known gaps now pass, remove their gap note: {fixed}"
