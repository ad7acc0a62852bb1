"""`miner serve`: the page's endpoints (Flask's test client) and the page in headless Chromium.

The browser test uploads a PDF of corpora/, pastes a statement and waits for the mismatch and
its evidence; a non-PDF upload and an oversized one get their messages. Without a browser it
skips, unless MINER_REQUIRE_BROWSER is set (CI sets it).
"""
from __future__ import annotations

import io
import os
import threading
import time

import pytest
from werkzeug.serving import make_server

from chromium import find_chromium, parse
from conftest import ROOT
from miner.serve.app import create_app

PDF = ROOT / "corpora" / "pdf" / "putuo-czj-2024-final.pdf"
# 项目支出 is 603.14万元 in the report (its prose and 表): the statement says 613.14
STATEMENT = "上海市普陀区财政局2024年度部门决算显示，本年支出合计2940.05万元，其中基本支出2336.91万元，项目支出613.14万元。"


def _wait(client, job_id: str) -> dict:
    for _ in range(600):
        job = client.get(f"/jobs/{job_id}").get_json()
        if job["state"] in ("done", "error"):
            return job
        time.sleep(0.1)
    raise TimeoutError(job_id)


def test_a_check_through_the_page_endpoints(tmp_path):
    client = create_app(workdir=tmp_path).test_client()
    assert "核对陈述" in client.get("/").get_data(as_text=True)
    started = client.post("/check", data={"statement": STATEMENT, "sources": (io.BytesIO(PDF.read_bytes()), PDF.name)},
                          content_type="multipart/form-data")
    assert started.status_code == 202
    job = _wait(client, started.get_json()["id"])
    assert job["state"] == "done" and job["counts"]["mismatch"] == 1 and job["counts"]["supported"] == 2
    assert "[不符]" in job["ledger"] and "603.14" in job["ledger"]
    report = client.get(f"/jobs/{job['id']}/report.html").get_data(as_text=True)
    assert 'data-verdict="mismatch"' in report and "data:image/jpeg;base64," in report


def test_bad_uploads_get_clear_messages(tmp_path):
    client = create_app(max_upload_mb=1, workdir=tmp_path).test_client()

    def post(data):
        return client.post("/check", data=data, content_type="multipart/form-data")

    wrong_type = post({"statement": STATEMENT, "sources": (io.BytesIO(b"\xd0\xcf\x11\xe0"), "report.doc")})
    assert wrong_type.status_code == 400 and "不支持的文件类型" in wrong_type.get_json()["error"]
    renamed = post({"statement": STATEMENT, "sources": (io.BytesIO(b"not a pdf"), "report.pdf")})
    assert renamed.status_code == 400 and "不是有效的 PDF" in renamed.get_json()["error"]
    big = post({"statement": STATEMENT, "sources": (io.BytesIO(b"%PDF" + b"0" * (2 << 20)), "big.pdf")})
    assert big.status_code == 413 and "1 MB" in big.get_json()["error"]
    assert "陈述" in post({"statement": " ", "sources": (io.BytesIO(b"%PDF"), "a.pdf")}).get_json()["error"]
    assert "来源" in post({"statement": STATEMENT}).get_json()["error"]


def test_sources_can_be_picked_from_a_folder(tmp_path):
    client = create_app(library=PDF.parent, workdir=tmp_path).test_client()
    assert PDF.name in client.get("/").get_data(as_text=True)
    started = client.post("/check", data={"statement": STATEMENT, "picked": PDF.name},
                          content_type="multipart/form-data")
    assert _wait(client, started.get_json()["id"])["counts"]["mismatch"] == 1
    assert client.post("/check", data={"statement": STATEMENT, "picked": "../secret.pdf"},
                       content_type="multipart/form-data").status_code == 400


def test_serve_binds_to_the_loopback_address_by_default():
    from click.testing import CliRunner

    from miner.cli import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert CliRunner().invoke(serve, ["--help"]).exit_code == 0


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if find_chromium() is None:
        if os.environ.get("MINER_REQUIRE_BROWSER"):
            raise RuntimeError("MINER_REQUIRE_BROWSER is set but chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium not found; .ci/run installs it (apt-get install chromium)")
    app = create_app(max_upload_mb=5, workdir=tmp_path_factory.mktemp("serve"))
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}/"
    http.shutdown()


@pytest.fixture
def browser():
    from cdp import Browser

    opened = Browser()
    yield opened
    opened.close()


def _submit(browser, url, files, statement=STATEMENT):
    browser.open(url)
    browser.choose_files("#sources", files)
    browser.evaluate(f"document.getElementById('statement').value = {statement!r}; "
                     "document.getElementById('submit').click(); true")
    return browser.wait_for("['done', 'error'].includes(document.getElementById('status').dataset.state) && "
                            "document.getElementById('status').dataset.state")


def test_the_page_in_chromium_shows_the_mismatch_with_its_evidence(server, browser, tmp_path):
    # the page's limit is 5 MB in this fixture: the PDF fits
    assert PDF.stat().st_size < 5 << 20
    assert _submit(browser, server, [PDF]) == "done"
    page = parse(browser.evaluate("document.body.outerHTML"))
    assert "不符 1" in page.one("span", None, id="message").text()
    mismatch = page.one("div", "evidence", data_verdict="mismatch")
    assert "613.14万元" in mismatch.text() and "603.14万元" in mismatch.text()
    assert "第21页" in mismatch.one("div", "quote").text()
    assert mismatch.all("img"), "the PDF page beside the evidence"
    assert "[不符]" in page.one("pre", None, id="ledger").text()


def test_the_page_in_chromium_refuses_a_non_pdf_and_an_oversized_upload(server, browser, tmp_path):
    doc = tmp_path / "report.doc"     # Word 97: a type miner does not read
    doc.write_bytes(b"\xd0\xcf\x11\xe0 not a disclosure")
    assert _submit(browser, server, [doc]) == "error"
    assert "不支持的文件类型" in browser.evaluate("document.getElementById('message').textContent")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (6 << 20))
    assert _submit(browser, server, [big]) == "error"
    assert "上传的文件太大" in browser.evaluate("document.getElementById('message').textContent")
