"""Shape of the hand-verified PDF test data (tests/golden/pdf/*.yaml, issue 3).

The data is what the PDF parser will be tested against; these checks keep it usable:
every document has a kind, page counts and tables with pages inside the file; every claim
points at a table the inventory lists; verdicts and severities come from closed sets.
"""
from pathlib import Path

import pytest
import yaml

PDF_GOLDEN = Path(__file__).parent / "golden" / "pdf"
CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "pdf"


def _load(name):
    return yaml.safe_load((PDF_GOLDEN / name).read_text(encoding="utf-8"))


INVENTORY = _load("inventory.yaml")
CLAIMS = _load("claims.yaml")
ERRORS = _load("errors.yaml")


def _page_count(doc, file):
    pages = INVENTORY[doc]["pages"]
    return pages[file] if isinstance(pages, dict) else pages


def test_inventory_covers_the_25_documents():
    assert len(INVENTORY) == 25


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpora/pdf not copied yet")
def test_inventory_matches_the_corpus_folder():
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix == ".pdf" or p.is_dir()}
    assert on_disk == set(INVENTORY)


@pytest.mark.parametrize("doc", sorted(INVENTORY))
def test_every_table_lies_inside_its_file(doc):
    entry = INVENTORY[doc]
    assert entry["kind"] in {"final", "budget"}
    multi = isinstance(entry["pages"], dict)
    for table in entry["tables"]:
        file = table.get("file")
        assert (file is not None) == multi, table["title"]
        count = _page_count(doc, file)
        assert table["pages"] == sorted(table["pages"])
        assert all(1 <= p <= count for p in table["pages"]), table["title"]
        assert table["unit"] in {"万元", "元", "千元", None}
        if not table.get("empty"):
            assert table["samples"], table["title"]


@pytest.mark.parametrize("doc", sorted(CLAIMS))
def test_claims_point_at_listed_tables(doc):
    titles = {t["title"] for t in INVENTORY[doc]["tables"]}
    for claim in CLAIMS[doc]:
        assert claim["kind"] in {"amount", "share", "rate", "change_amount", "change_rate"}
        assert claim["verdict"] in {"ok", "rounding", "mismatch", "unverifiable"}
        if claim["verdict"] == "unverifiable":
            continue
        assert claim["table"] in titles, claim["text"]
        assert 1 <= claim["page"] <= _page_count(doc, claim["file"] if isinstance(INVENTORY[doc]["pages"], dict) else None)


def test_errors_name_known_documents():
    for error in ERRORS:
        assert error["doc"] in INVENTORY
        assert error["severity"] in {"error", "rounding", "text"}
        assert error["snippet"] and error["explanation"]
