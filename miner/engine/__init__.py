"""The execution engine: scan a corpus in parallel, resumably, locally or on a Dask cluster.

``scan_corpus(paths, out, options)`` plans the documents (``plan``: report
order, shard, a key per document from its content), reuses the results an
earlier run stored under those keys (``store``), scans the rest in isolated
worker processes (``local``) or on Dask workers (``distributed``), storing
each result the moment it arrives, and finally assembles the report tables
in report order (``assemble``), whatever order the documents finished in.
``merge_reports`` assembles one report from the directories of sharded runs.

The names below are loaded on first use, so that ``miner scan`` can start its
worker processes (``isolate.prestart``) before it imports the scanner itself.
"""
from __future__ import annotations

from importlib import import_module

_WHERE = {"EngineError": "isolate", "Shard": "shard", "MergeError": "run", "RunOutcome": "run",
          "ScanOptions": "run", "merge_reports": "run", "scan_corpus": "run"}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
