"""The inputs people have: text in every encoding Chinese is saved in, .docx, .xlsx, .xls and .html.

The real document is the 2024 seed; the tests write it as each format
(tests/formats.py: its tables as Word or HTML tables, or one workbook sheet per
table) and require the error findings of the original. Locations are checked
the way a person would use them: the row, paragraph or block named by a
finding holds the figure it names.
"""
from __future__ import annotations

import codecs
import shutil
import zipfile

import pytest

import formats
from conftest import SEEDS
from miner.ingest.model import IngestError
from miner.ingest.read import read_document
from miner.ingest.sheet import format_number
from miner.ingest.text import decode
from miner.scan import scan_document

SEED = SEEDS / "wuchang-cyzx-2024-final.txt"
TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def _errors(result) -> list[tuple]:
    return sorted((f.rule, f.severity, f.claim_id, f.found, f.expected) for f in result.findings
                  if f.severity == "error")


@pytest.fixture(scope="module")
def original():
    result = scan_document(SEED, display="doc")
    assert _errors(result), "the seed has error findings; without them the comparisons prove nothing"
    return result


# --------------------------------------------------------------------------- text encodings


@pytest.mark.parametrize("encoding, mark", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("gb18030", b""), ("gbk", b"")])
def test_text_in_every_encoding_reads_as_the_utf8_original(tmp_path, original, encoding, mark):
    path = tmp_path / "doc.txt"
    path.write_bytes(mark + TEXT.encode(encoding))
    result = scan_document(path, display="doc")
    assert result.error == ""
    assert result.claims == original.claims and result.findings == original.findings


def test_big5_text_is_not_mistaken_for_gbk():
    # Traditional text of a disclosure: nearly every Big5 byte pair is also a valid GBK pair
    text = "二零二四年度一般公共預算財政撥款支出決算為868.11萬元，比年初預算增加4.67萬元，主要原因是人員經費增加。"
    assert decode(text.encode("cp950")) == (text, "cp950")
    assert decode(text.encode("big5")) == (text, "cp950")
    simplified = "一般公共预算财政拨款支出决算为868.11万元，主要原因是人员经费增加。"
    assert decode(simplified.encode("gbk")) == (simplified, "gb18030")
    for word in ("支出", "万元", "事业运行"):       # short texts too
        assert decode(word.encode("gbk"))[0] == word


def test_a_byte_order_mark_that_lies_is_an_ingest_error(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")      # a lone surrogate
    result = scan_document(path)
    assert [f.rule for f in result.findings] == ["IN01"] and "UTF-16" in result.findings[0].found


# --------------------------------------------------------------------------- .docx, .html, .xlsx, .xls


def test_docx_version_reads_line_for_line_and_scans_the_same(tmp_path, original):
    path = formats.write_docx(LINES, tmp_path / "doc.docx")
    doc = read_document(path, "doc")
    text = read_document(SEED, "doc")
    # a paragraph or a table row per line of the text: line N is the Nth paragraph, table rows counted
    assert [ln.text.rstrip("\t ") for ln in doc.lines] == [ln.text.rstrip("\t ") for ln in text.lines]
    assert doc.source_kind == "docx" and {ln.page for ln in doc.lines} == {1}
    result = scan_document(path, display="doc")
    assert _errors(result) == _errors(original)
    assert [(c.claim_id, c.value, c.verdict, c.line) for c in result.claims] == \
        [(c.claim_id, c.value, c.verdict, c.line) for c in original.claims]


@pytest.mark.parametrize("encoding", ["utf-8", "gb2312"])
def test_html_version_scans_the_same(tmp_path, original, encoding):
    lines = LINES if encoding == "utf-8" else [ln.encode(encoding, "replace").decode(encoding) for ln in LINES]
    path = formats.write_html(lines, tmp_path / "doc.html", encoding=encoding)
    result = scan_document(path, display="doc")
    assert _errors(result) == _errors(original)
    doc = read_document(path, "doc")
    assert not any("999.99" in ln.text for ln in doc.lines), "the page's script was read as text"
    for finding in result.findings:
        if finding.severity == "error" and finding.claim_id:
            # line N is the Nth block of the page: the finding's figure is in it
            assert finding.found.replace(" ", "") in doc.lines[finding.line - 1].text.replace(" ", "")


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_workbook_version_scans_the_same_and_points_at_sheet_and_row(tmp_path, original, suffix):
    write = formats.write_xlsx if suffix == ".xlsx" else formats.write_xls
    path = write(LINES, tmp_path / f"doc{suffix}")
    result = scan_document(path, display="doc")
    assert _errors(result) == _errors(original)
    assert not any("999.99" in c.claim_text for c in result.claims), "a hidden sheet was read"
    sheets = formats.sheets(LINES)
    for finding in result.findings:
        if finding.severity == "error" and finding.claim_id:
            # page N is the Nth sheet, line the row in it: the figure is in that row
            row = sheets[finding.page - 1][finding.line - 1]
            assert finding.found.replace(" ", "") in row.replace(" ", ""), finding


def test_a_folder_of_parts_mixes_a_narrative_and_a_workbook_of_tables(tmp_path, original):
    """part1.docx (the cover and contents), part2.xlsx (the tables, a sheet each), part3.html (the narrative)."""
    tables_at = next(i for i, line in enumerate(LINES) if line.startswith("2024 年度收入支出决算总表"))
    narrative_at = next(i for i, line in enumerate(LINES) if line.startswith("第三部分") and i > tables_at)
    folder = tmp_path / "wuchang-cyzx-2024-final"
    folder.mkdir()
    formats.write_docx(LINES[:tables_at], folder / "part1.docx")
    formats.write_xlsx(LINES[tables_at:narrative_at], folder / "part2.xlsx")
    formats.write_html(LINES[narrative_at:], folder / "part3.html")
    doc = read_document(folder, "doc")
    assert doc.files == ("part1.docx", "part2.xlsx", "part3.html") and doc.source_kind == "parts"
    result = scan_document(folder, display="doc")
    assert _errors(result) == _errors(original)
    assert {f.file for f in result.findings if f.severity == "error"} <= {"part2.xlsx", "part3.html"}


def test_merged_cells_give_their_text_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "收入"
    table.cell(0, 2).text = "支出"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "项目"
    table.cell(1, 1).text = "金额"
    table.cell(2, 1).text = "868.11"
    table.cell(2, 2).text = "一般公共服务\n支出"      # a label wrapped in its cell is one label
    document.save(tmp_path / "merged.docx")
    assert [ln.text for ln in read_document(tmp_path / "merged.docx", "d").lines] == [
        "收入\t\t支出", "项目\t金额", "\t868.11\t一般公共服务支出"]

    (tmp_path / "merged.html").write_text(
        "<table><tr><th colspan=2>收入</th><th>支出</th></tr><tr><td>项目</td><td>868.11</td></tr></table>"
        "<table><tr><td><p>版面</p><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>"
        "<div>一段<br>两行</div><p hidden>看不见</p><p style='display: none'>也看不见</p>", encoding="utf-8")
    assert [ln.text for ln in read_document(tmp_path / "merged.html", "d").lines] == [
        "收入\t\t支出", "项目\t868.11", "版面", "a\tb", "一段", "两行"]


def test_a_workbook_cell_shows_its_number_format():
    assert format_number(868.1, "0.00") == "868.10"
    assert format_number(1067.4, "#,##0.00") == "1,067.40"
    assert format_number(0.853, "0.0%") == "85.3%"
    assert format_number(2.675, "0.00") == "2.68"                   # as shown, half away from zero
    assert format_number(1234.5600000000002, "General") == "1234.56"   # a formula's float noise
    assert format_number(372.78, None) == "372.78"
    assert format_number(12, "General") == "12"
    assert format_number(-5.5, '#,##0.0_);[Red]\\(#,##0.0\\)') == "-5.5"
    assert format_number(740.45, '"¥"#,##0.00') == "740.45"


def test_an_xls_that_is_really_html_or_xlsx_is_read_as_what_it_is(tmp_path, original):
    formats.write_html(LINES, tmp_path / "page.html")
    shutil.copy(tmp_path / "page.html", tmp_path / "exported.xls")
    formats.write_xlsx(LINES, tmp_path / "renamed.xls")
    for name in ("exported.xls", "renamed.xls"):
        assert _errors(scan_document(tmp_path / name, display="doc")) == _errors(original), name


@pytest.mark.parametrize("suffix, because", [
    (".docx", "not a .docx document"), (".xlsx", "not an .xlsx workbook"), (".xls", "not an .xls workbook")])
def test_a_damaged_office_file_is_an_ingest_finding(tmp_path, suffix, because):
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 if suffix == ".xls" else b"PK\x03\x04junk")
    result = scan_document(path)
    assert [f.rule for f in result.findings] == ["IN01"]
    assert because in result.findings[0].found


def test_an_empty_workbook_or_page_is_an_ingest_error(tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "empty.xlsx")
    (tmp_path / "empty.html").write_text("<html><body><script>x = 1</script></body></html>", encoding="utf-8")
    for name in ("empty.xlsx", "empty.html"):
        with pytest.raises(IngestError):
            read_document(tmp_path / name, name)
    assert zipfile.is_zipfile(tmp_path / "empty.xlsx")


def test_readers_are_loaded_only_for_their_formats():
    """A scan of text and PDFs never imports lxml, openpyxl or python-docx (start-up time)."""
    import subprocess
    import sys

    code = ("import sys; from miner.ingest.read import read_document; "
            f"read_document({str(SEED)!r}, 'doc'); "
            "print(sorted(m for m in ('lxml', 'openpyxl', 'docx', 'xlrd') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_big5_disclosure_scans_as_the_same_text_in_utf8(tmp_path):
    """The seed in traditional script saved as Big5 (the few characters Big5 lacks become ?): the same
    claims and findings as that text saved as UTF-8, and figures still checked against the tables."""
    from test_traditional import _to_traditional

    text = _to_traditional(TEXT).encode("cp950", errors="replace").decode("cp950")
    (tmp_path / "big5.txt").write_bytes(text.encode("cp950"))
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    big5, utf8 = (scan_document(tmp_path / name, display="doc") for name in ("big5.txt", "utf8.txt"))
    assert big5.claims == utf8.claims and big5.findings == utf8.findings
    assert any(f.rule == "VC01" and f.severity == "error" for f in big5.findings)
