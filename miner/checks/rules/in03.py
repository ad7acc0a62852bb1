"""IN03 scanner crashed on a document.

What it checks: that scanning a document ends normally. Each document is
scanned in a separate worker process; when the scanner raises an unexpected
exception, runs out of memory (``--memory-limit``) or its process dies (a
crash in a native PDF library, the kernel's out-of-memory killer), the
document gets this finding with the reason, the worker is replaced and the
batch goes on.

Why it matters: a bug or a hostile file in one document must not take a
province's batch down with it, and must not vanish from the report either.
Unlike IN01 (the document is not a readable disclosure), IN03 points at the
scanner: the finding's ``found`` column carries the exception or signal so it
can be reproduced with ``miner scan`` on that one document. Documents that
crashed are scanned again on the next run.

Bad: a PDF whose fonts make the parser recurse until memory is exhausted;
a worker killed by signal 9.
Good: any document the scanner reads, or rejects with IN01.
"""
CODE = "IN03"
NAME = "scanner-crashed"
FAMILY = "ingest"
SEVERITY = "error"
SUMMARY = "Scanning a document raised, exhausted memory or killed its worker; reported, the batch goes on."
SCOPE = "engine"      # raised by the scan or its engine (miner.checks.findings.failure), not by a check
KINDS = ()
