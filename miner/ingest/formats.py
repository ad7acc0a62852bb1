"""The file formats miner reads: each suffix and the reader of its files (``read.reader``).

A module of its own so that finding the documents (``collect``) and reading them (``read``)
both know the formats without importing each other.
"""
from __future__ import annotations

# suffix -> "module:function" of the reader, each (path, display) -> Document
READERS = {
    ".txt": "text:read_text",
    ".pdf": "pdf:read_pdf",
    ".docx": "docx:read_docx",
    ".xlsx": "xlsx:read_xlsx",
    ".xlsm": "xlsx:read_xlsx",
    ".xls": "xls:read_xls",
    ".html": "html:read_html",
    ".htm": "html:read_html",
}
SUPPORTED = tuple(READERS)
