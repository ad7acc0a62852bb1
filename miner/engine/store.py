"""Per-document results on disk, and the manifest of a finished run.

``DIR/.miner/results/ab/abcdef....pickle`` holds one document's result under
its key (see ``plan``): written to a temporary file and renamed as soon as the
document is done, so a run killed at any moment (even SIGKILL) loses at most
the documents that were still being scanned, and the next run with the same
arguments picks up the rest. ``DIR/.miner/manifest.json`` lists the documents
of the last finished run in report order; ``miner merge`` reads it.

The results are pickles: they are read back only by miner, from directories
the user's own runs wrote.
"""
from __future__ import annotations

import json
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..scan import DocumentResult

STATE_DIR = ".miner"
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class StoredResult:
    """One document's result: its rows of every report table, and the result itself for the summary.

    The rows are kept as the CSV text the report files hold (encoded by the
    scan worker, so assembling a corpus's report only copies text).
    ``result`` keeps claims and findings but not the tables (they are in the
    rows already and make the summary's memory grow with the corpus).
    ``retry`` marks a result the engine made because the scan did not finish
    (timed out, crashed): the next run scans that document again.
    """

    result: DocumentResult
    text: dict[str, str]            # by file name (report/files.py): the rows as CSV text, no header
    retry: bool = False

    @property
    def identity(self):
        return self.result.facts.identity

    @property
    def failed(self) -> bool:
        return self.retry or bool(self.result.error)

    def pack(self) -> "PackedResult":
        return PackedResult(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL), self.identity, self.failed,
                            self.retry)


@dataclass(frozen=True)
class PackedResult:
    """A ``StoredResult`` pickled where it was made (the scan worker): the parent stores the
    bytes as they are instead of reading the result and writing it again, and reads only
    what the run needs to know at once."""

    data: bytes
    identity: object          # the document's corpus identity (miner.corpus), for the cross-document pass
    failed: bool
    retry: bool = False


class ResultStore:
    def __init__(self, out: str | Path):
        self.root = Path(out) / STATE_DIR / "results"

    def path_of(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> StoredResult | None:
        try:
            with open(self.path_of(key), "rb") as handle:
                stored = pickle.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError) as exc:
            # Only a file damaged outside miner gets here (writes are atomic): scan again.
            print(f"miner: ignoring damaged stored result {self.path_of(key)}: {exc}", file=sys.stderr)
            return None
        return stored if isinstance(stored, StoredResult) else None

    def reusable(self, key: str) -> StoredResult | None:
        stored = self.get(key)
        return stored if stored is not None and not stored.retry else None

    def put(self, key: str, stored: "StoredResult | PackedResult") -> None:
        path = self.path_of(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = stored.data if isinstance(stored, PackedResult) else pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(path, data)

    def copy_from(self, other: "ResultStore", key: str) -> None:
        path = self.path_of(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, other.path_of(key).read_bytes())

    def prune(self, keep: set[str]) -> int:
        """Remove results no document of the last run uses (older contents of edited documents)."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in self.root.glob("*/*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        for leftover in self.root.glob("*/.*.tmp"):     # writes a killed run did not finish
            leftover.unlink(missing_ok=True)
        return removed


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class ManifestEntry:
    index: int        # position in the whole run's document list: the report order
    doc: str
    key: str


@dataclass(frozen=True)
class Manifest:
    documents: int                    # documents of the whole run (all shards)
    shard: str                        # "i/N", or "" for an unsharded run
    arguments: tuple[str, ...]        # the scanned paths, to tell shards of different runs apart
    rules: tuple[str, ...]
    tables: tuple[str, ...]
    entries: tuple[ManifestEntry, ...]

    def write(self, out: str | Path) -> None:
        path = Path(out) / STATE_DIR / "manifest.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": MANIFEST_FORMAT, "documents": self.documents, "shard": self.shard,
                "arguments": list(self.arguments), "rules": list(self.rules), "tables": list(self.tables),
                "entries": [[e.index, e.doc, e.key] for e in self.entries]}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))

    @classmethod
    def read(cls, out: str | Path) -> "Manifest":
        path = Path(out) / STATE_DIR / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ValueError(f"{out} is not the report directory of a finished `miner scan` "
                             f"(no {STATE_DIR}/manifest.json)") from None
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"{path}: manifest format {data.get('format')}, this miner reads {MANIFEST_FORMAT}")
        return cls(data["documents"], data["shard"], tuple(data["arguments"]), tuple(data["rules"]),
                   tuple(data["tables"]), tuple(ManifestEntry(*e) for e in data["entries"]))
