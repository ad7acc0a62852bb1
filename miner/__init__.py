"""miner: check the numbers in budget disclosures' prose against their own tables.

As a library: ``miner.scan(paths)`` scans files and folders and returns a
``ScanResult`` (its documents, claim rows and findings). ``miner.scan`` is also
the module of the scan pipeline (``miner.scan.scan_document`` …): calling the
module calls its ``scan`` function. It is loaded on first use, so importing
``miner`` stays cheap.
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "scan":
        return import_module(".scan", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
