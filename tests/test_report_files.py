"""The report directory: every table of miner/report/files.py, and report.html rebuilt from them alone."""
from __future__ import annotations

import csv
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from miner.cli import main
from miner.report.files import CELLS, ENCODING, EVIDENCE, HTML, TABLES
from miner.report.rows import cell_ids, cited_cells
from miner.tables.model import Cell, Row, Table


def _rows(path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding=ENCODING, newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 1, result.output
    return out


def test_scan_writes_every_report_table_with_its_columns(out):
    for table in TABLES:
        header, rows = _rows(out / table.name)
        assert tuple(header) == table.columns, table.name
        assert header[0] == "doc"
    assert (out / HTML).exists()


def test_cells_are_unique_and_evidence_points_at_them(out):
    _header, cells = _rows(out / CELLS.name)
    ids = [(r["doc"], r["cell_id"]) for r in cells if r["cell_id"]]
    assert len(ids) == len(set(ids))
    _header, links = _rows(out / EVIDENCE.name)
    assert links and {(r["doc"], r["cell_id"]) for r in links} <= set(ids)


def test_the_vc01_error_cites_the_cell_verified_by_hand(out):
    """wuchang-cyzx-2024 line 428 says 367.67 万元; 表5 2010350 事业运行 本年支出·小计 prints 372.78."""
    _h, cells = _rows(out / CELLS.name)
    _h, links = _rows(out / EVIDENCE.name)
    _h, claims = _rows(out / "claims.csv")
    claim = next(c for c in claims if c["doc"].endswith("wuchang-cyzx-2024-final.txt") and c["line"] == "428"
                 and c["value"] == "367.67")
    cited = [r["cell_id"] for r in links if r["doc"] == claim["doc"] and r["claim_id"] == claim["claim_id"]]
    cell = next(r for r in cells if r["doc"] == claim["doc"] and r["cell_id"] == cited[0])
    assert (cell["table"], cell["row_code"], cell["row_label"], cell["column"], cell["raw"]) == \
        ("表5", "2010350", "事业运行", "本年支出·小计", "372.78")


def test_report_command_rebuilds_the_same_html_from_the_directory(out):
    first = (out / HTML).read_bytes()
    (out / HTML).unlink()
    result = CliRunner().invoke(main, ["report", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / HTML).read_bytes() == first


def test_report_of_a_directory_without_claims_is_a_usage_error(tmp_path):
    assert CliRunner().invoke(main, ["report", str(tmp_path)]).exit_code == 2


def test_html_is_self_contained(out):
    page = (out / HTML).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script src" not in page and "@import" not in page
    assert "<svg" in page and "<style>" in page


def _cell(table, row, column, raw) -> Cell:
    return Cell(table=table, row=row, column=column, group="", row_code="2010350", row_label="事业运行",
                value=Decimal(raw), decimals=2, raw=raw, page=1, line=10)


def test_a_cited_cell_is_found_whole_not_inside_a_longer_reference():
    short, long = _cell("表5", 0, "本年支出", "1.00"), _cell("表5", 0, "本年支出·小计", "2.00")
    row = Row(0, "2010350", "事业运行", "", "", (short, long), 1, 10)
    table = Table("表5", "", "", "", "final", "万元", 1, 9, 11, (("", "本年支出"), ("", "本年支出·小计")),
                  (row,), "tabs")
    ids = cell_ids((table,))
    assert cited_cells("表5 2010350 事业运行 / 本年支出·小计", (table,), ids) == ["t1.r0.c1"]
    assert cited_cells("2.00 / 1.00 = 200% [表5 2010350 事业运行 / 本年支出·小计; 表5 2010350 事业运行 / 本年支出]",
                       (table,), ids) == ["t1.r0.c1", "t1.r0.c0"]
    assert cited_cells("附表5 2010350 事业运行 / 本年支出", (table,), ids) == []


def test_report_of_a_directory_with_only_claims_and_findings_still_lists_the_findings(out, tmp_path):
    """A directory written before cells.csv existed gets a page without tables, not an error."""
    for name in ("claims.csv", "findings.csv"):
        (tmp_path / name).write_bytes((out / name).read_bytes())
    assert CliRunner().invoke(main, ["report", str(tmp_path)]).exit_code == 0
    page = (tmp_path / HTML).read_text(encoding="utf-8")
    _h, findings = _rows(out / "findings.csv")
    assert page.count('<article class="finding') == len(findings)
    assert 'class="cells full"' not in page


PDF = SEEDS.parent / "pdf" / "putuo-czj-2024-final-v2.pdf"


@pytest.mark.skipif(not PDF.exists(), reason="corpora/pdf not copied")
def test_a_pdf_error_shows_its_printed_page_and_the_page_goes_when_the_pdf_does(tmp_path):
    """putuo-czj-2024-final-v2 p.18: 收入支出总计 0万元 vs 表1 2,995.39 (a verified error):
    report.html embeds page 18 beside it; regenerated without the PDF, no page is shown."""
    docs = tmp_path / "docs"
    docs.mkdir()
    copy = docs / PDF.name
    copy.write_bytes(PDF.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(copy), "--out", str(out), "--select", "VC01", "-j", "1"])
    assert result.exit_code == 1, result.output
    html = (out / HTML).read_text(encoding="utf-8")
    images = re.findall(r'<img src="data:image/jpeg;base64,[^"]+" alt="page (\d+) of ', html)
    assert "18" in images
    copy.unlink()
    CliRunner().invoke(main, ["report", str(out)])
    assert "data:image/jpeg" not in (out / HTML).read_text(encoding="utf-8")


@pytest.mark.skipif(not PDF.exists(), reason="corpora/pdf not copied")
def test_a_finding_against_an_empty_table_names_the_table(tmp_path):
    """putuo-czj-2024-final-v2 p.22: 三公 budget 0.95 where the 三公 table (表6) prints nothing:
    the finding points at that table instead of saying no cell is cited."""
    out = tmp_path / "out"
    CliRunner().invoke(main, ["scan", str(PDF), "--out", str(out), "--select", "VC01", "-j", "1"])
    html = (out / HTML).read_text(encoding="utf-8")
    [article] = [a for a in html.split("<article")[1:] if "0.95" in a.split("</h4>")[1][:400] and "error" in a[:200]]
    target = re.search(r'class="empty-table[^"]*"><a href="#([^"]+)">表6 ', article)
    assert target and f'id="{target.group(1)}"' in html
    assert "No table cell cited" not in article


def test_a_corpus_report_details_the_most_severe_documents_and_lists_the_rest(out, tmp_path, monkeypatch):
    """Above html.MAX_DETAILED documents, report.html gives a section only to those with the
    most severe findings; every document stays in the overview with its counts."""
    from miner.report import html

    for table in TABLES:
        (tmp_path / table.name).write_bytes((out / table.name).read_bytes())
    monkeypatch.setattr(html, "MAX_DETAILED", 1)
    html.write_html(tmp_path)
    page = (tmp_path / HTML).read_text(encoding="utf-8")
    _header, findings = _rows(out / "findings.csv")
    errors = {doc: sum(1 for f in findings if f["doc"] == doc and f["severity"] == "error")
              for doc in {f["doc"] for f in findings}}
    worst = max(errors, key=errors.get)
    sections = re.findall(r'<section class="document" id="[^"]+" aria-labelledby="[^"]+">\s*<h2 id="[^"]+">([^<]+)</h2>', page)
    assert sections == [worst]
    assert all(doc in page for doc in errors) and "1 of 2 documents are shown in full" in page


def test_report_page_reads_only_the_documents_it_shows_and_ignores_a_stale_index(tmp_path):
    """OFFSETS lets report.html read the rows of the documents it shows in full from their byte
    ranges; the rows and claim counts must be those of a full read, and a CSV changed since
    (another size) makes the index ignored."""
    from collections import Counter

    from miner.engine import ScanOptions, scan_corpus
    from miner.report.files import OFFSETS
    from miner.report.load import read_report

    out = tmp_path / "out"
    scan_corpus([SEEDS], out, ScanOptions(jobs=1))
    shown = {str(SEEDS / "wuchang-wgzx-2021-final.txt")}
    assert (out / OFFSETS).exists()

    def read():
        counts: dict[str, Counter] = {}
        return read_report(out, shown, counts), counts

    indexed, indexed_counts = read()
    (out / OFFSETS).rename(out / "offsets.json.away")
    full, full_counts = read()
    assert indexed == full and indexed_counts == full_counts
    assert indexed["claims.csv"] and {row["doc"] for row in indexed["claims.csv"]} == shown
    assert sum(full_counts[str(SEEDS / "wuchang-cyzx-2024-final.txt")].values()) > 0
    (out / "offsets.json.away").rename(out / OFFSETS)
    with open(out / "cells.csv", "a", encoding="utf-8") as handle:
        handle.write(f"{next(iter(shown))},t999,表999,added,1,,,,,,,,,\n")
    stale, _counts = read()
    assert stale["cells.csv"][-1]["table_id"] == "t999"


def test_every_row_holds_exactly_its_tables_columns(tmp_path):
    # csv_text takes the values by column name, in one itemgetter: a row without a column would fail
    from miner.report.rows import document_rows
    from miner.scan import scan_document

    unreadable = tmp_path / "broken.txt"
    unreadable.write_bytes(b"\x00\x01binary")
    for path in [*sorted(SEEDS.glob("*.txt")), unreadable]:
        rows = document_rows(scan_document(path))
        for table in TABLES:
            assert all(set(row) == set(table.columns) for row in rows[table.name]), \
                (path.name, table.name)
        assert rows[TABLES[0].name], path.name


def test_csv_text_writes_the_columns_in_order_and_a_single_column_whole():
    from miner.report.csv import csv_text
    from miner.report.files import ReportTable

    two = ReportTable("t.csv", ("b", "a"), "")
    assert csv_text(two, [{"a": "1", "b": "x,y"}]) == '"x,y",1\n'
    one = ReportTable("o.csv", ("a",), "")
    assert csv_text(one, [{"a": "一二三"}]) == "一二三\n"
