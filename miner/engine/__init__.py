"""The execution engine: scan a corpus in parallel, resumably, locally or on a Dask cluster.

``scan_corpus(paths, out, options)`` plans the documents (``plan``: report
order, shard, a key per document from its content), reuses the results an
earlier run stored under those keys (``store``), scans the rest in isolated
worker processes (``local``) or on Dask workers (``distributed``), storing
each result the moment it arrives, and finally assembles the report tables
in report order (``assemble``), whatever order the documents finished in.
``merge_reports`` assembles one report from the directories of sharded runs.
"""
from .isolate import EngineError
from .plan import Shard
from .run import MergeError, RunOutcome, ScanOptions, merge_reports, scan_corpus

__all__ = ["EngineError", "MergeError", "RunOutcome", "ScanOptions", "Shard", "merge_reports", "scan_corpus"]
