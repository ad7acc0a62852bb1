"""Which documents the given paths hold, and which files were passed over and why.

A file given by name is a document, whatever it is (one miner cannot read is
reported as such). A folder is walked recursively, in name order, and each
file miner reads is a document, except:

- a folder whose files are named ``part1.*``, ``part2.*`` … is **one**
  document, its parts in number order. The parts may be of different formats:
  a narrative (``part1.docx``) beside its tables as a workbook
  (``part2.xlsx``), or two PDFs. This is the only way parts of one document
  are recognised: files that merely sit together in a folder are separate
  documents, since a folder of a province's disclosures holds many bodies'
  narratives and workbooks side by side;
- files and folders whose names start with a dot, Office's lock files
  (``~$name.docx``, left while a file is open) and miner's own report folders
  (they hold ``.miner``; and the ``exclude`` paths, the report being written)
  are passed over, as are files of a type miner does not read, each with the
  reason, so a run that finds nothing can say what it saw.

The same document reached twice (given twice, under another spelling of its
path, through a symbolic link, or both inside a given folder and by name) is
scanned once, under the first path it was reached by.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .formats import SUPPORTED

REPORT_MARK = ".miner"      # the folder every report directory holds (engine.store)


@lru_cache(maxsize=1)
def _part_pattern() -> regex.Pattern:
    return regex.compile(r"^part(\d+)(" + "|".join(regex.escape(s) for s in SUPPORTED) + r")$",
                         regex.IGNORECASE)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Collection:
    documents: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()


def parts_of(folder: Path) -> list[Path]:
    """The parts of a multi-file document, in order: part1.pdf, part2.xlsx, …"""
    pattern = _part_pattern()
    try:
        parts = [p for p in Path(folder).iterdir() if p.is_file() and pattern.match(p.name)]
    except OSError:
        return []
    return sorted(parts, key=lambda p: int(pattern.match(p.name).group(1)))


def _identity(path: Path) -> str:
    # realpath resolves symbolic links and "..", and does not fail on a loop
    return os.path.realpath(path)


def _why_not(path: Path, name: str) -> str | None:
    """Why a file met in a folder is not a document, or None when it is one."""
    if name.startswith("."):
        return "a hidden file"
    if name.startswith("~$"):
        return "an Office lock file (left while the document is open)"
    if not name.lower().endswith(SUPPORTED):
        suffix = Path(name).suffix
        return f"not a type miner reads ({suffix or 'no suffix'})"
    return None


def collect(paths, exclude=()) -> Collection:
    """The documents under ``paths`` (files as given, folders recursively, sorted) and the files passed over."""
    excluded = {_identity(Path(p)) for p in exclude}
    seen: set[str] = set()
    documents: list[Path] = []
    skipped: list[Skipped] = []

    def add(path: Path) -> None:
        identity = _identity(path)
        if identity not in seen:
            seen.add(identity)
            documents.append(path)

    def skip(path: Path, reason: str) -> None:
        skipped.append(Skipped(str(path), reason))

    def report_folder(folder: Path) -> bool:
        return _identity(folder) in excluded or (folder / REPORT_MARK).is_dir()

    def add_parts(folder: Path) -> None:
        add(folder)
        pattern = _part_pattern()
        for name in sorted(os.listdir(folder)):
            if not name.startswith(".") and not pattern.match(name) and not (folder / name).is_dir():
                skip(folder / name, "not a part (part1.*, part2.*, …) of the document in its folder")

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            add(path)
            continue
        if report_folder(path):
            skip(path, "a miner report folder")
            continue
        if parts_of(path):
            add_parts(path)
            continue
        for root, dirs, files in os.walk(path, followlinks=False):
            here = Path(root)
            dirs.sort()
            if here != path:
                reason = ("a hidden folder" if here.name.startswith(".")
                          else "a miner report folder" if report_folder(here) else None)
                if reason:
                    skip(here, reason)
                    dirs[:] = []
                    continue
                if parts_of(here):
                    add_parts(here)
                    dirs[:] = []
                    continue
            for name in sorted(files):
                reason = _why_not(here / name, name)
                if reason:
                    skip(here / name, reason)
                else:
                    add(here / name)
    return Collection(tuple(documents), tuple(skipped))
