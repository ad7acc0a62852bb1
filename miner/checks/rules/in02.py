"""IN02 document timed out.

What it checks: that each document is scanned within the time limit
(``miner scan --timeout SECONDS``, 300 by default). A document that takes
longer is stopped: its worker process is killed and replaced, and the
document gets this finding instead of claims.

Why it matters: one pathological document (a PDF whose layout makes the
table extractor search for minutes, a text of a single 10-megabyte line)
must not hold up a batch of ten thousand. Reporting it keeps it visible: a
document that silently drops out of a batch looks like a document without
problems. Documents that timed out are scanned again on the next run, so a
larger ``--timeout`` can be tried without rescanning the rest.

Bad: a scanned-image PDF of 800 pages whose every page is searched for
tables; any document still running after the limit.
Good: the disclosures of the corpus, which take well under a second each.
"""
CODE = "IN02"
NAME = "document-timed-out"
FAMILY = "ingest"
SEVERITY = "error"
SUMMARY = "A document took longer than the time limit; it was stopped and the batch went on."
SCOPE = "engine"      # raised by the scan or its engine (miner.checks.findings.failure), not by a check
KINDS = ()
