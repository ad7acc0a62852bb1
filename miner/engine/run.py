"""``miner scan`` over a corpus and ``miner merge``: plan, reuse, scan, store, assemble."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..checks.policy import Policy, default_policy
from ..checks.registry import selected
from ..checks.rules import xd01
from ..corpus.crosscheck import CorpusPass, Ledgers
from ..ingest.collect import Collection, collect
from ..report.files import CLAIMS, DOCUMENTS, FINDINGS
from ..report.csv import csv_text
from ..report.rows import document_rows
from ..report.files import TABLES
from ..scan import ScanResult
from .assemble import assemble
from .isolate import SCAN_FUNCTION, WorkerSettings, discard_prestarted
from .plan import DocumentJob, Shard, plan
from .progress import Progress
from .store import Manifest, ManifestEntry, ResultStore, StoredResult


def cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class ScanOptions:
    jobs: int = field(default_factory=cores)
    engine: str = "local"                 # local | dask
    scheduler: str | None = None          # tcp://HOST:PORT of a Dask scheduler; None: a LocalCluster
    shard: Shard | None = None
    parquet: bool = False
    timeout: float = 300.0                # seconds per document
    memory_limit_mb: int = 4096           # address space per worker process; 0: no limit
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    scan_function: str = SCAN_FUNCTION
    policy: Policy = field(default_factory=default_policy)   # tolerances, severities: every worker's and the corpus pass's


@dataclass(frozen=True)
class RunOutcome:
    result: ScanResult                    # claims and findings of every document (tables left out)
    written: tuple[Path, ...]
    scanned: int = 0                      # documents scanned by this run
    reused: int = 0                       # documents whose stored result an earlier run left


def _execute(todo: list[DocumentJob], options: ScanOptions, rule_codes: tuple[str, ...]
             ) -> Iterator[tuple[DocumentJob, StoredResult]]:
    settings = WorkerSettings(options.select, options.ignore, options.memory_limit_mb, options.scan_function,
                              options.policy)
    if options.engine == "dask":
        from .distributed import run_dask

        return run_dask(todo, settings, options.scheduler, options.jobs, options.timeout, rule_codes)
    from .local import run_local

    return run_local(todo, settings, max(1, options.jobs), options.timeout, rule_codes)


def scan_corpus(paths, out: str | Path, options: ScanOptions = ScanOptions(), progress_stream=None,
                collection: Collection | None = None) -> RunOutcome:
    """Scan the documents under ``paths`` (or those of ``collection``, collected from them
    already) into the report folder ``out``."""
    out = Path(out)
    if collection is None:
        collection = collect(paths, exclude=(out,))
    rule_codes = tuple(rule.CODE for rule in selected(options.select, options.ignore))
    # a stored result is reused only under the same rules and policy
    jobs, total = plan(collection.documents, rule_codes + options.policy.key(), options.shard)
    store = ResultStore(out)
    todo = [job for job in jobs if store.reusable(job.key) is None]
    progress = Progress(len(jobs), reused=len(jobs) - len(todo), stream=progress_stream)
    identities: dict[str, object] = {}       # what the cross-document pass needs, kept as results arrive
    try:
        for job, stored in _execute(todo, options, rule_codes):
            store.put(job.key, stored)
            identities[job.key] = stored.identity
            progress.advance(failed=stored.failed)
    finally:
        discard_prestarted()
        progress.close()
    # the cross-document pass runs here, in this process, under the workers' policy
    entries = [(job.display, job.key) for job in jobs]
    results = cross_checked(entries, lambda key: _stored(store, key, entries), rule_codes, options.policy, identities)
    documents, written = assemble(out, results, options.parquet)
    Manifest(total, str(options.shard or ""), tuple(str(p) for p in paths), rule_codes,
             tuple(t.name for t in TABLES),
             tuple(ManifestEntry(job.index, job.display, job.key) for job in jobs)).write(out)
    store.prune({job.key for job in jobs})
    return RunOutcome(ScanResult(documents), written, scanned=len(todo), reused=len(jobs) - len(todo))


def _stored(store: ResultStore, key: str, entries) -> StoredResult:
    stored = store.get(key)
    if stored is None:
        display = next((doc for doc, k in entries if k == key), key)
        raise RuntimeError(f"the result of {display} was not stored (was {store.root} changed during the run?)")
    return stored


def cross_checked(entries: list[tuple[str, str]], load, rule_codes: tuple[str, ...], policy: Policy,
                  identities: dict | None = None) -> Iterator[StoredResult]:
    """The stored results of ``entries`` ((doc, key) in report order) with the cross-document
    pass (``miner.corpus``) merged in. A result whose identity is not in ``identities`` (key ->
    identity, from results this run received) is read once more for it; the pass reads the
    ledgers of the reports asked about a few at a time."""
    if xd01.CODE not in rule_codes:
        for _doc, key in entries:
            yield load(key)
        return
    identities = identities or {}
    keys = dict(entries)
    corpus = CorpusPass(((doc, identities[key] if key in identities else load(key).result.facts.identity)
                         for doc, key in entries),
                        Ledgers(lambda doc: load(keys[doc]).result.facts.ledger), policy)
    for doc, key in entries:
        stored = load(key)
        result = stored.result
        merged = corpus.merged(doc, result.claims, result.findings, result.facts)
        if merged is not None:
            result = replace(result, claims=merged[0], findings=merged[1])   # (a stored result keeps no checks)
            fresh = document_rows(result)
            text = {**stored.text, **{t.name: csv_text(t, fresh[t.name]) for t in (DOCUMENTS, CLAIMS, FINDINGS)}}
            stored = StoredResult(result, text, stored.retry)
        yield stored


class MergeError(ValueError):
    """The directories given to ``miner merge`` do not make one report."""


def merge_reports(dirs, out: str | Path, parquet: bool = False) -> RunOutcome:
    """One report from the report directories of ``miner scan --shard i/N`` runs (or any finished runs)."""
    out = Path(out)
    manifests = []
    for directory in dirs:
        try:
            manifests.append((Path(directory), Manifest.read(directory)))
        except ValueError as exc:
            raise MergeError(str(exc)) from None
    first_dir, first = manifests[0]
    for directory, manifest in manifests[1:]:
        if (manifest.arguments, manifest.documents, manifest.rules) != (first.arguments, first.documents, first.rules):
            raise MergeError(f"{directory} and {first_dir} are not parts of the same scan "
                             f"(scanned paths, document count or rules differ)")
    chosen: dict[int, tuple[Path, ManifestEntry]] = {}
    for directory, manifest in manifests:
        for entry in manifest.entries:
            seen = chosen.get(entry.index)
            if seen is not None and seen[1].key != entry.key:
                raise MergeError(f"{entry.doc} was scanned differently in {seen[0]} and {directory} "
                                 f"(the document or miner changed between the runs): scan it again")
            chosen.setdefault(entry.index, (directory, entry))
    missing = [i for i in range(first.documents) if i not in chosen]
    if missing:
        shards = sorted({m.shard for _, m in manifests if m.shard})
        raise MergeError(f"{len(missing)} of {first.documents} documents are in none of the directories "
                         f"(shards given: {', '.join(shards) or 'none'}): merge all N shards of the scan")
    order = [chosen[i] for i in sorted(chosen)]
    target = ResultStore(out)

    for directory, entry in order:
        source = ResultStore(directory)
        stored = source.get(entry.key)
        if stored is None:
            raise MergeError(f"{directory}: the stored result of {entry.doc} is missing")
        absent = [t.name for t in TABLES if t.name not in getattr(stored, "text", {})]
        if absent:
            raise MergeError(f"{directory} was written by another version of miner (no {', '.join(absent)} "
                             f"table): scan it again")
        if source.root.resolve() != target.root.resolve():
            target.copy_from(source, entry.key)
    # the shards' documents are read against each other only now
    entries = [(entry.doc, entry.key) for _directory, entry in order]
    # (a merge has no configuration of its own: the default policy)
    results = cross_checked(entries, lambda key: _stored(target, key, entries), first.rules, default_policy())
    documents, written = assemble(out, results, parquet)
    Manifest(first.documents, "", first.arguments, first.rules, tuple(t.name for t in TABLES),
             tuple(entry for _, entry in order)).write(out)
    return RunOutcome(ScanResult(documents), written)
