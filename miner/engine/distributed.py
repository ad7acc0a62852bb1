"""The Dask engine (``--engine dask``): the same per-document scan, on the workers of a Dask cluster.

Each Dask worker process keeps its own isolated children (``isolate``), so a
document that hangs or crashes is contained there exactly as on the local
engine. The client only sends paths and receives results: the documents must
be readable at the same paths on every worker (a shared file system), and the
client writes the stored results and the report.

Without ``--scheduler`` a ``LocalCluster`` of ``--jobs`` single-threaded
workers is started for the run.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator

from .isolate import EngineError, Isolate, WorkerSettings, WorkerStartError, wait_readable
from .outcome import crashed, timed_out
from .plan import DocumentJob
from .store import StoredResult

INSTALL_HINT = "the Dask engine needs dask.distributed: pip install 'miner[dask]'"

# Children of this Dask worker process, shared by its threads: one per task running at once.
_idle: list[Isolate] = []
_idle_lock = threading.Lock()


def _take(settings: WorkerSettings) -> Isolate:
    with _idle_lock:
        while _idle:
            isolate = _idle.pop()
            if isolate.proc.poll() is None and isolate.settings == settings:
                return isolate
            isolate.kill()
    return Isolate(settings)


def scan_on_worker(path: str, display: str, settings: WorkerSettings, timeout: float,
                   rule_codes: tuple[str, ...]) -> StoredResult:
    """Runs on a Dask worker: one document, isolated and with its time limit."""
    isolate = _take(settings)
    while not isolate.ready:
        if isolate.receive() is None:
            reason = isolate.death()
            isolate.kill()
            raise WorkerStartError(f"scan worker cannot start: {reason}")
    isolate.send(None, path, display)
    if not wait_readable(isolate, timeout):
        isolate.kill()
        return timed_out(display, rule_codes, timeout, settings.policy)
    message = isolate.receive()
    if message is None:
        reason = isolate.death()
        isolate.kill()
        return crashed(display, rule_codes, reason, settings.policy)
    kind, payload, fatal = message
    if fatal:
        isolate.kill()
    else:
        isolate.job = None
        with _idle_lock:
            _idle.append(isolate)
    return payload if kind == "done" else crashed(display, rule_codes, payload, settings.policy)


def run_dask(jobs: list[DocumentJob], settings: WorkerSettings, scheduler: str | None, workers: int,
             timeout: float, rule_codes: tuple[str, ...]) -> Iterator[tuple[DocumentJob, StoredResult]]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise EngineError(INSTALL_HINT) from exc
    if not jobs:
        return
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=30)
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {}
        for job in jobs:
            future = client.submit(scan_on_worker, job.path, job.display, settings, timeout, rule_codes,
                                   key=f"miner-scan-{job.index}-{job.key[:16]}", pure=False)
            futures[future] = job
        for future in as_completed(futures):
            job = futures.pop(future)
            try:
                stored = future.result()
            except WorkerStartError:
                raise
            except Exception as exc:  # noqa: BLE001 - a lost Dask worker (KilledWorker) is this document's IN03
                stored = crashed(job.display, rule_codes, f"Dask task failed: {type(exc).__name__}: {exc}",
                                 settings.policy)
            future.release()
            yield job, stored
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
