"""``--shard i/N``: a deterministic split of the document list (no heavy imports: the CLI parses it)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Shard:
    """``--shard i/N``: the i-th of N disjoint parts of the document list (1-based)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        try:
            left, right = text.split("/")
            shard = cls(int(left), int(right))
        except ValueError:
            raise ValueError(f"--shard takes i/N, e.g. 2/8, not {text!r}") from None
        if not 1 <= shard.index <= shard.count:
            raise ValueError(f"--shard {text}: i must be between 1 and N")
        return shard

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, display: str) -> bool:
        # By a hash of the path, not by position: adding a document to the
        # corpus moves no other document to another shard.
        digest = hashlib.sha256(display.encode("utf-8", "surrogateescape")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1
