"""report.html in Chinese and in English, rendered in headless Chromium: a label of the page and a
finding's message are shown in the chosen language, and their Chinese is drawn with a font that has
it (the page's glyph audit, report.js: distinct characters drawn alike are missing glyphs).

The findings come from findings.csv of each scan, never from names written here. Without a
browser the tests skip, unless MINER_REQUIRE_BROWSER is set (CI sets it)."""
from __future__ import annotations

import csv
import json
import os

import pytest
from click.testing import CliRunner

from chromium import latin_fonts_only, dump_dom, find_chromium, url_of
from conftest import SEEDS
from miner.cli import main
from miner.messages import text

if find_chromium() is None:
    if os.environ.get("MINER_REQUIRE_BROWSER"):
        raise RuntimeError("MINER_REQUIRE_BROWSER is set but chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium not found and not installed here; .ci/run installs it (apt-get install chromium)",
                allow_module_level=True)


@pytest.fixture(scope="module", params=["zh", "en"])
def scanned(request, tmp_path_factory):
    language = request.param
    out = tmp_path_factory.mktemp(language) / "report"
    result = CliRunner().invoke(main, ["scan", str(SEEDS), "--out", str(out), "-j", "1", "--lang", language])
    assert result.exit_code == 1, result.output
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        findings = list(csv.DictReader(handle))
    assert findings
    return language, out, findings


def _audit(out, env=None) -> tuple[object, dict]:
    dom = dump_dom(url_of(out / "report.html", "audit=1"), env=env)
    return dom, json.loads(dom.one("pre", id="layout-audit").attrs["data-texts"])


def test_a_label_and_a_message_are_shown_in_the_language_with_a_cjk_font(scanned):
    language, out, findings = scanned
    dom, texts = _audit(out)
    assert dom.one("html").attrs["lang"] == {"zh": "zh-Hans", "en": "en"}[language]
    label, message = texts["label"], texts["message"]
    # the label: the catalogue's, in the chosen language, on the screen
    assert label["visible"] and label["text"] == text(language, "report.overview")
    # the first finding shown: its message is findings.csv's, in the chosen language, on the screen
    first = dom.all("article", "finding")[0]
    row = next(f for f in findings if f["rule"] == first.attrs["data-rule"] and f["claim_id"] == first.attrs["data-claim"]
               and f["message"] == message["text"])
    assert message["visible"] and row["message"] == message["text"]
    severity = first.one("span", "badge").text()
    assert severity == text(language, f"label.severity.{row['severity']}")
    if language == "zh":
        assert label["han"] and label["glyphs"] == "ok", label
        assert message["text"].startswith("文中") or "，" in message["text"], message
    else:
        assert not label["han"] and not message["text"].startswith("文中")
    # a message quotes the document's Chinese in either language: drawn with real glyphs
    assert len(message["han"]) > 1 and message["glyphs"] == "ok", message
    legends = [legend.text() for legend in dom.all("legend")]
    assert legends == [text(language, "report.severity"), text(language, "report.rule")]


def test_without_a_chinese_font_the_audit_sees_the_missing_glyphs(scanned, tmp_path):
    """The same page on a machine without a CJK font: the label's and the message's Chinese are boxes,
    and the audit says so (the test above can fail)."""
    language, out, _findings = scanned
    config = latin_fonts_only(tmp_path)
    _dom, texts = _audit(out, env={"FONTCONFIG_FILE": str(config)})
    assert texts["message"]["glyphs"] in ("missing", "blank")
    if language == "zh":
        assert texts["label"]["glyphs"] in ("missing", "blank")
