"""Bad input: every kind of broken document is reported (an ingest-family finding) and the batch goes on.

One test per case of the matrix. Each case is first checked on the scanner
alone (``scan_document``); the last test puts all of them in one folder with
real documents and runs the whole engine over it.
"""
import csv
import errno
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

import badfiles
from miner.cli import main
from miner.scan import scan_document

from conftest import SEEDS

SEED = SEEDS / "wuchang-cyzx-2024-final.txt"


def ingest_findings(result):
    return [(f.rule, f.found) for f in result.findings if f.rule.startswith("IN")]


def assert_unreadable(result, because: str = ""):
    """One IN01 finding whose reason is the document's own defect (not 'miner does not read .pdf')."""
    [(rule, found)] = ingest_findings(result)
    assert rule == "IN01"
    assert "unsupported file type" not in found, found
    assert because in found, found
    assert result.claims == ()


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_unreadable(scan_document(tmp_path / "empty.txt"), "empty file")


def test_binary_junk_named_txt(tmp_path):
    (tmp_path / "junk.txt").write_bytes(badfiles.binary_junk())
    assert_unreadable(scan_document(tmp_path / "junk.txt"), "binary data")


def test_binary_junk_named_pdf(tmp_path):
    (tmp_path / "junk.pdf").write_bytes(badfiles.binary_junk())
    assert_unreadable(scan_document(tmp_path / "junk.pdf"), "damaged or not a PDF")


def test_truncated_pdf(tmp_path):
    (tmp_path / "truncated.pdf").write_bytes(badfiles.truncated_pdf())
    assert_unreadable(scan_document(tmp_path / "truncated.pdf"), "damaged or not a PDF")


def test_encrypted_pdf(tmp_path):
    (tmp_path / "encrypted.pdf").write_bytes(badfiles.encrypted_pdf())
    assert_unreadable(scan_document(tmp_path / "encrypted.pdf"), "encrypted")


def test_image_only_pdf(tmp_path):
    (tmp_path / "scanned.pdf").write_bytes(badfiles.image_only_pdf())
    assert_unreadable(scan_document(tmp_path / "scanned.pdf"), "no text layer")


def test_gbk_text_reads_like_utf8(tmp_path):
    (tmp_path / "gbk.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gbk"))
    gbk = scan_document(tmp_path / "gbk.txt", display="doc")
    utf8 = scan_document(SEED, display="doc")
    assert gbk.claims == utf8.claims and gbk.findings == utf8.findings


def test_ten_megabyte_single_line(tmp_path):
    one_line = SEED.read_text(encoding="utf-8").replace("\n", " ").encode("utf-8")
    data = one_line * (10_000_000 // len(one_line) + 1)
    (tmp_path / "one-line.txt").write_bytes(data[: data.rfind(b" ", 0, 10_000_000)])
    assert (tmp_path / "one-line.txt").stat().st_size > 9_900_000
    result = scan_document(tmp_path / "one-line.txt")
    # No line breaks, so no tables or paragraphs to read: nothing to claim, and no crash.
    assert result.error == "" and ingest_findings(result) == []


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    shutil.copy(SEED, path)
    path.chmod(0)
    if os.access(path, os.R_OK):
        # Root (as in CI containers) reads whatever the permission bits say:
        # make the read fail the way the kernel fails it for anyone else.
        real_read_bytes = Path.read_bytes

        def denied(self):
            if self == path:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return real_read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    assert_unreadable(scan_document(path), "Permission denied")


def test_path_that_does_not_exist_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["scan", str(SEED), str(tmp_path / "missing.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "missing.txt" in result.output and "does not exist" in result.output
    assert not (tmp_path / "claims.csv").exists()


def test_symlink_loop_in_a_scanned_folder(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "sub" / "real.txt")
    (folder / "sub" / "up").symlink_to("..")            # a directory loop: docs/sub/up/sub/up/...
    (folder / "self.txt").symlink_to("self.txt")        # a file that points at itself
    result = CliRunner().invoke(main, ["scan", str(folder), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1, result.output
    with open(tmp_path / "out" / "findings.csv", encoding="utf-8-sig") as handle:
        findings = list(csv.DictReader(handle))
    with open(tmp_path / "out" / "claims.csv", encoding="utf-8-sig") as handle:
        docs = {row["doc"] for row in csv.DictReader(handle)}
    assert docs == {str(folder / "sub" / "real.txt")}          # scanned once, not once per lap of the loop
    [loop] = [f for f in findings if f["rule"] == "IN01"]
    assert loop["doc"] == str(folder / "self.txt") and "symbolic links" in loop["found"]


def test_a_folder_mixing_bad_and_real_documents_reports_every_real_one_in_full(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    real = sorted(SEEDS.glob("*.txt"))
    for path in real:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(badfiles.binary_junk())
    (folder / "gbk.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gbk"))
    for name, make in (("junk.pdf", badfiles.binary_junk), ("truncated.pdf", badfiles.truncated_pdf),
                       ("encrypted.pdf", badfiles.encrypted_pdf), ("scanned.pdf", badfiles.image_only_pdf)):
        (folder / name).write_bytes(make())
    (folder / "self.txt").symlink_to("self.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(folder), "--out", str(out), "-j", "2", "--timeout", "120"])
    assert result.exit_code == 1, result.output
    with open(out / "claims.csv", encoding="utf-8-sig") as handle:
        claims = list(csv.DictReader(handle))
    with open(out / "findings.csv", encoding="utf-8-sig") as handle:
        findings = list(csv.DictReader(handle))
    for path in real + [folder / "gbk.txt"]:
        alone = scan_document(folder / path.name)
        rows = [r for r in claims if r["doc"] == str(folder / path.name)]
        assert [(r["claim_id"], r["value"], r["verdict"]) for r in rows] == \
            [(c.claim_id, c.value, c.verdict) for c in alone.claims], path.name
    failed = {Path(f["doc"]).name for f in findings if f["rule"] == "IN01"}
    assert failed == {"empty.txt", "junk.txt", "self.txt", "junk.pdf", "truncated.pdf", "encrypted.pdf",
                      "scanned.pdf"}
    assert not any(f["rule"] in ("IN02", "IN03") for f in findings)
