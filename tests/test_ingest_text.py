"""Text ingest: pages, line numbers and offsets; a text normalised whole is its lines normalised one by one."""
from __future__ import annotations

import random

from miner.ingest.normalize import _table, normalize_line, normalize_text
from miner.ingest.text import document_from_text


def test_lines_pages_and_offsets():
    doc = document_from_text("一\r\n二\f三\n\f\f１２．５％\r五", "p", file="part1.txt")
    assert [(ln.text, ln.page, ln.line, ln.offset, ln.file) for ln in doc.lines] == [
        ("一", 1, 1, 0, "part1.txt"), ("二 三", 2, 2, 2, "part1.txt"), ("  12.5%", 4, 3, 6, "part1.txt"),
        ("五", 4, 4, 14, "part1.txt")]
    assert doc.pages == 4 and doc.files == ("part1.txt",)
    assert doc.text == "一\n二 三\n  12.5%\n五"


def test_no_form_feed_is_one_page():
    doc = document_from_text("a\n\nb", "p")
    assert doc.pages == 1 and [ln.page for ln in doc.lines] == [1, 1, 1] and doc.files == ()


def test_normalize_text_is_normalize_line_per_line():
    # no character the table changes is a break, nor becomes one
    assert not {ord(c) for c in "\n\r\f"} & set(_table()) and not set("\n\r\f") & set(_table().values())
    rng = random.Random(7)
    pool = [chr(code) for code in _table()] + list("\n\f 1,.支出") + [chr(rng.randrange(0x20, 0xD7FF)) for _ in range(50)]
    for _ in range(500):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(60)))
        assert normalize_text(text) == "\n".join(normalize_line(line) for line in text.split("\n"))
