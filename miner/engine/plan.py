"""What a run scans: the documents in report order, each with the key its result is stored under.

A document's key hashes its content (a multi-part directory: its parts' names
and bytes), its path as shown in the report, the selected rules and the
scanner itself (miner's code and lexicons), so an unchanged document is not
scanned twice and any change that could change its rows scans it again.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..ingest.collect import parts_of
from .shard import Shard

_CHUNK = 1 << 20


@dataclass(frozen=True)
class DocumentJob:
    index: int          # position among all documents of the run, before sharding: the report order
    path: str           # a file, or a directory holding one multi-part document
    display: str        # the document as the report names it
    key: str            # where its result is stored


@lru_cache(maxsize=1)
def scanner_fingerprint() -> str:
    """A hash of miner's own code and lexicons: results of another scanner are not reused."""
    from ..lexicon import _root

    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    files = sorted(package.rglob("*.py")) + sorted(_root().glob("*.yaml"))
    for path in files:
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_digest(path: str | Path) -> str:
    """sha256 of a file's bytes; of a multi-part directory, of its parts' names and bytes in part order."""
    path = Path(path)
    digest = hashlib.sha256()
    parts = parts_of(path) if path.is_dir() else [path]
    for part in parts:
        if path.is_dir():
            digest.update(part.name.encode("utf-8", "surrogateescape") + b"\0")
        with open(part, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def result_key(path: str | Path, display: str, rules: tuple[str, ...]) -> str:
    try:
        content = content_digest(path)
    except OSError:
        # Unreadable bytes (permissions, a symlink loop): the scan reports why
        # (IN01) under a key of its own, so a readable file never shares it.
        content = "unreadable"
    digest = hashlib.sha256()
    for part in (scanner_fingerprint(), content, display, " ".join(rules)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def plan(documents, rules: tuple[str, ...], shard: Shard | None = None) -> tuple[list[DocumentJob], int]:
    """The jobs of this run for the ``documents`` collected (``ingest.collect``), in report order,
    and how many the whole (unsharded) run has."""
    jobs = []
    for index, path in enumerate(documents):
        display = str(path)
        if shard is None or shard.holds(display):
            jobs.append(DocumentJob(index, os.fspath(path), display, result_key(path, display, rules)))
    return jobs, len(documents)
