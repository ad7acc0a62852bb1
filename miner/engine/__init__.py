"""The execution engine: scan a corpus in parallel, resumably, locally or on a Dask cluster.

``scan_corpus(paths, out, options)`` plans the documents (``plan``: report
order, shard, a key per document from its content), reuses the results an
earlier run stored under those keys (``store``), scans the rest in isolated
worker processes (``local``) or on Dask workers (``distributed``), storing
each result the moment it arrives, and finally assembles the report tables
in report order (``assemble``), whatever order the documents finished in.
``merge_reports`` assembles one report from the directories of sharded runs.
"""
from .run import ScanOptions, RunOutcome, merge_reports, scan_corpus
from .plan import Shard

__all__ = ["ScanOptions", "RunOutcome", "Shard", "scan_corpus", "merge_reports"]
