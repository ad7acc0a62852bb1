"""What ``miner scan`` checks before it scans anything, so a run that cannot be useful stops at once.

Each check raises ``UsageProblem`` with a message a person can act on; the
command line turns it into a usage error (exit code 2).
"""
from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class UsageProblem(ValueError):
    """The run cannot do what was asked: the message says why and what to do."""


def rule_problems(prefixes: Iterable[str], option: str) -> list[str]:
    """A message per rule code or prefix that matches no rule, naming the closest known codes."""
    from .checks.registry import RULES

    codes = [rule.CODE for rule in RULES]
    known = sorted(set(codes) | {code[:2] for code in codes})
    problems = []
    for prefix in prefixes:
        if any(code.upper().startswith(prefix.upper()) for code in codes):
            continue
        closest = difflib.get_close_matches(prefix.upper(), known, n=3)
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        problems.append(f"unknown rule code {prefix!r} in {option}{hint} (`miner rules` lists them)")
    return problems


def check_rules(select: Iterable[str], ignore: Iterable[str], where: str = "") -> None:
    problems = rule_problems(select, f"{where}select") + rule_problems(ignore, f"{where}ignore")
    if problems:
        raise UsageProblem("\n".join(problems))


def check_writable(folder: Path, option: str = "--out") -> None:
    """The report folder exists or can be made, and a file can be written in it."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{option} {folder} is a file, not a folder")
    # made for the test and removed after it: a run stopped by a later usage error leaves nothing
    made: list[Path] = []
    try:
        made = [parent for parent in (folder, *folder.parents) if not parent.exists()]
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".miner-write-test-"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageProblem(f"cannot write the report in {option} {folder}: {reason}; "
                           f"choose a folder you can write to") from None
    finally:
        for parent in made:
            with contextlib.suppress(OSError):
                parent.rmdir()


def describe_skipped(skipped, limit: int = 20) -> str:
    """The files a collection passed over, one line each with the reason (the first ``limit``)."""
    lines = [f"  {item.path}: {item.reason}" for item in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  … and {len(skipped) - limit} more")
    return "\n".join(lines)


def check_found(collection, paths) -> None:
    if collection.documents:
        return
    given = ", ".join(os.fspath(p) for p in paths)
    if collection.skipped:
        from .ingest.read import SUPPORTED

        raise UsageProblem(f"no document to scan in {given}; passed over:\n{describe_skipped(collection.skipped)}\n"
                           f"miner reads {', '.join(SUPPORTED)} files, and folders of parts (part1.*, part2.*, …)")
    raise UsageProblem(f"no document to scan in {given}: the folder holds no file")
