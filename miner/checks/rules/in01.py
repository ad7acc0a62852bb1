"""IN01 document cannot be read.

What it checks: that each document given to the scan can be read: the file
opens, decodes (UTF-8 or GB18030/GBK) or parses as a PDF, and has text.

Why it matters: a document that silently drops out of a batch looks like a
document without problems. It is reported as an error and the batch goes on.

Bad: an empty file, binary junk named .txt, an encrypted or damaged PDF.
Good: any readable disclosure.
"""
CODE = "IN01"
NAME = "unreadable-document"
FAMILY = "ingest"
SEVERITY = "error"
SUMMARY = "A document could not be read; it is reported and the batch goes on."
SCOPE = "engine"      # raised by the scan or its engine (miner.checks.findings.failure), not by a check
KINDS = ()
