"""report.html of the demo corpus, rendered in headless Chromium.

Expectations come from the CSVs the scan wrote, never from document names, so
the tests follow the corpus as it grows. Without a browser the tests skip,
unless MINER_REQUIRE_BROWSER is set (CI sets it: there they must run).
"""
from __future__ import annotations

import csv
import json
import os
import struct
from collections import defaultdict
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from chromium import latin_fonts_only, audit_at_width, dump_dom, find_chromium, print_pdf, screenshot, url_of
from conftest import ROOT
from miner.cli import main
from miner.report.files import CELLS, ENCODING, EVIDENCE, FINDINGS

if find_chromium() is None:
    if os.environ.get("MINER_REQUIRE_BROWSER"):
        raise RuntimeError("MINER_REQUIRE_BROWSER is set but chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium not found and not installed here; .ci/run installs it (apt-get install chromium)",
                allow_module_level=True)


def _rows(out, table) -> list[dict[str, str]]:
    with open(out / table.name, encoding=ENCODING, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "miner-report"
    # the seeds and the 25 PDFs: few enough documents that the report details every one
    # (corpora/cities would take it past html.MAX_DETAILED)
    result = CliRunner().invoke(main, ["scan", str(ROOT / "corpora" / "seeds"), str(ROOT / "corpora" / "pdf"),
                                       "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    findings = _rows(out, FINDINGS)
    assert findings, "the demo corpus has findings; without them these tests prove nothing"
    return out, findings


@pytest.fixture(scope="module")
def page(report):
    out, _findings = report
    return dump_dom(url_of(out / "report.html"))


def _sections(dom) -> dict[str, object]:
    return {section.one("h2").text().strip(): section for section in dom.all("section", "document")}


def _cells(out) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["doc"], r["cell_id"]): r for r in _rows(out, CELLS) if r["cell_id"]}


def test_every_finding_appears_with_its_claim_and_evidence_highlighted(report, page):
    out, findings = report
    cells = _cells(out)
    cited = defaultdict(list)
    for link in _rows(out, EVIDENCE):
        cited[link["doc"], link["claim_id"]].append(cells[link["doc"], link["cell_id"]])
    sections = _sections(page)
    shown = defaultdict(int)
    for finding in findings:
        section = sections[finding["doc"]]
        matches = section.all("article", "finding", data_rule=finding["rule"], data_claim=finding["claim_id"])
        assert len(matches) >= 1, f"{finding['doc']} {finding['rule']} {finding['claim_id']} is not on the page"
        if len(matches) > 1:
            # several findings of one rule on one claim, or table- and document-level ones: the one with this text
            def same(a) -> bool:
                marks = [m.text() for m in a.all("mark", "claim")]
                sentences = [p.text() for p in a.all("p", "sentence")]
                evidence = [d.text() for d in a.all("dd", "evidence")]
                return finding["found"] in marks and (not finding["sentence"] or finding["sentence"] in sentences) \
                    and finding["evidence"] in evidence
            exact = [a for a in matches if same(a)]
            assert exact or any(finding["found"] in [m.text() for m in a.all("mark", "claim")] for a in matches), \
                f"{finding['doc']} {finding['rule']} {finding['found']} is not marked on the page"
            if not exact:
                continue    # the page shows the excerpt around another occurrence of the same text
            matches = exact
        article = matches[0]
        assert not article.hidden
        assert article.attrs["data-severity"] == finding["severity"]
        if finding["sentence"]:
            assert article.one("mark", "claim").text() == finding["found"]
            if finding["claim_id"]:
                assert finding["sentence"] == article.one("p", "sentence").text()
            else:   # document-level findings show an excerpt around their text
                assert finding["found"] in article.one("p", "sentence").text()
            assert article.one("dd", "evidence").text() == finding["evidence"]
            assert article.one("dd", "evidence-value").text() == (finding["expected"] or "—")
        highlighted = [td.text().strip() for td in article.all("td", "hit")]
        for cell in cited[finding["doc"], finding["claim_id"]]:
            assert (cell["raw"] or "blank") in highlighted, (finding, cell)
        # table-level findings (TB/XT rules) have no claim, and cells are cited per claim
        if finding["claim_id"] and "表" in finding["evidence"] and " / " in finding["evidence"]:
            assert highlighted, f"{finding['claim_id']} cites a cell but none is highlighted"
        shown[finding["doc"]] += 1
    for doc, count in shown.items():
        assert len(sections[doc].all("article", "finding")) == count


def test_a_finding_links_to_its_cell_and_the_cell_back(report, page):
    _out, findings = report
    links = 0
    for article in page.all("article", "finding"):
        for anchor in (td.one("a") for td in article.all("td", "hit")):
            target = anchor.attrs["href"][1:]
            cell = page.one("td", id=target)
            backs = [a.attrs["href"] for a in cell.all("a", "back")]
            assert f"#{article.attrs['id']}" in backs
            links += 1
    assert links, "no finding cites a table cell"


def _visible(dom) -> set[tuple[str, str]]:
    """Findings the page renders (from its audit hook), checked against the ones it marks hidden."""
    rendered = set(dom.one("pre", id="layout-audit").attrs["data-rendered"].split())
    articles = dom.all("article", "finding")
    assert {a.attrs["id"] for a in articles if not a.hidden} == rendered
    return {(a.attrs["data-rule"], a.attrs["data-claim"]) for a in articles if a.attrs["id"] in rendered}


def _filtered(url, **query: str):
    return dump_dom(url_of(url, urlencode({"audit": "1", **query})))


def test_filters_hide_and_show_findings(report):
    out, findings = report
    url = out / "report.html"
    everything = {(f["rule"], f["claim_id"]) for f in findings}
    severity = findings[0]["severity"]
    by_severity = _visible(_filtered(url, severity=severity))
    assert by_severity == {(f["rule"], f["claim_id"]) for f in findings if f["severity"] == severity}

    rule = sorted({f["rule"] for f in findings})[-1]
    assert _visible(_filtered(url, rule=rule)) == {k for k in everything if k[0] == rule}

    sentence = next(f["sentence"] for f in findings if f["sentence"])
    word = sentence[:12]
    searched = _filtered(url, q=word)
    shown = _visible(searched)
    assert {(f["rule"], f["claim_id"]) for f in findings if word.lower() in f["sentence"].lower()} <= shown
    for article in searched.all("article", "finding"):
        if (article.attrs["data-rule"], article.attrs["data-claim"]) in shown and not article.hidden:
            assert word.lower() in (article.text() + " " + article.attrs["data-search"]).lower()
    assert "of" in searched.one("output", id="shown").text()

    nothing = _filtered(url, severity="none")
    assert _visible(nothing) == set()
    for section in _sections(nothing).values():
        if section.all("article", "finding"):
            assert not section.one("p", "filtered").hidden


def test_documents_sort_by_a_column(report):
    out, _findings = report
    for sort, descending in (("claims", False), ("-claims", True)):
        dom = dump_dom(url_of(out / "report.html", f"sort={sort}"))
        table = dom.one("table", id="documents")
        counts = [int(row.all("td")[0].attrs["data-value"]) for row in table.one("tbody").all("tr")]
        assert counts == sorted(counts, reverse=descending)
        header = next(th for th in table.all("th") if th.all("button", data_key="claims"))
        assert header.attrs["aria-sort"] == ("descending" if descending else "ascending")


def test_agreeing_claims_are_collapsed_unless_asked(report, page):
    out, _findings = report
    assert page.all("details", "agreeing") and all("open" not in d.attrs for d in page.all("details", "agreeing"))
    expanded = dump_dom(url_of(out / "report.html", "agreeing=1"))
    assert all("open" in d.attrs for d in expanded.all("details", "agreeing"))
    assert expanded.all("li", "claim-item")


def test_controls_are_labelled(page):
    labels = {label.attrs.get("for") for label in page.all("label")}
    for control in page.all("input"):
        inside_label = any(control in label.walk() for label in page.all("label"))
        assert inside_label or control.attrs.get("id") in labels, control.attrs


def test_no_text_overflows_its_box_at_1280x800(report):
    out, _findings = report
    dom = dump_dom(url_of(out / "report.html", "audit=1&agreeing=1"))
    audit = dom.one("pre", id="layout-audit")
    assert audit.attrs.get("data-count") == "0", json.loads(audit.text())
    timing = json.loads(dom.one("pre", id="timing").text())
    assert timing["viewport"][0] <= 1280


def test_screenshot_is_produced(report, tmp_path):
    out, _findings = report
    shot = screenshot(url_of(out / "report.html"), tmp_path / "report.png")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 800)


def test_printing_gives_a_pdf(report, tmp_path):
    out, _findings = report
    pdf = print_pdf(url_of(out / "report.html"), tmp_path / "report.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_search_finds_an_item_by_subject_item_name_table_and_rule(report):
    """Searching 事业运行 finds the README's example, whose sentence does not name it: the subject does,
    as do the item it cites (表5 2010350 事业运行) and the message."""
    out, findings = report
    url = out / "report.html"
    [example] = [f for f in findings if f["rule"] == "VC01" and f["found"].startswith("367.67")
                 and "事业运行" in f["evidence"]]
    assert "事业运行" not in example["sentence"]
    assert (example["rule"], example["claim_id"]) in _visible(_filtered(url, q="事业运行"))
    # by the table's title, by the rule's code and by its name
    assert (example["rule"], example["claim_id"]) in _visible(_filtered(url, q="一般公共预算财政拨款支出决算表"))
    dr02 = {(f["rule"], f["claim_id"]) for f in findings if f["rule"] == "DR02"}
    assert dr02 and dr02 <= _visible(_filtered(url, q="dr02"))
    assert (example["rule"], example["claim_id"]) in _visible(_filtered(url, q="value-vs-cell"))


def test_the_page_is_usable_at_400_pixels(report):
    """A phone: nothing scrolls sideways but the tables inside their boxes, the cards stack,
    no table heading breaks letter by letter."""
    out, _findings = report
    audit = audit_at_width(out / "report.html", 400, "audit=1&agreeing=1")
    assert audit["viewport"] == "400"
    assert int(audit["pageWidth"]) <= 400, "the page scrolls sideways"
    assert audit["count"] == "0", audit["overflowing"]
    assert audit["sideBySide"] == "0", "the evidence of a finding stays beside its text"
    assert json.loads(audit["narrowHeaders"]) == []
    wide = audit_at_width(out / "report.html", 1280, "audit=1")
    assert int(wide["sideBySide"]) > 0, "at 1280 px the evidence is beside the text (the audit can see it)"


def test_chinese_is_drawn_with_a_font_that_has_it(report, tmp_path):
    out, _findings = report
    url = url_of(out / "report.html", "audit=1")
    assert dump_dom(url).one("pre", id="layout-audit").attrs["data-glyphs"] == "ok"
    # the same page on a machine without a Chinese font: the audit must see the missing glyphs
    config = latin_fonts_only(tmp_path)
    without = dump_dom(url, env={"FONTCONFIG_FILE": str(config)})
    assert without.one("pre", id="layout-audit").attrs["data-glyphs"] in ("missing", "blank")
