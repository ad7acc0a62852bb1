"""The local engine: N isolated worker processes on this machine (``--jobs N``)."""
from __future__ import annotations

import selectors
import time
from collections import deque
from collections.abc import Iterator

from .isolate import Isolate, WorkerSettings, WorkerStartError
from .outcome import crashed, timed_out
from .plan import DocumentJob
from .store import StoredResult

# A child that dies before it is ready is an installation problem; after this
# many in a row the run stops instead of starting children forever.
_START_FAILURES = 3


def run_local(jobs: list[DocumentJob], settings: WorkerSettings, workers: int, timeout: float,
              rule_codes: tuple[str, ...]) -> Iterator[tuple[DocumentJob, StoredResult]]:
    """Scan ``jobs`` on ``workers`` children; yields each document's result as it finishes."""
    pending = deque(jobs)
    selector = selectors.DefaultSelector()
    isolates: list[Isolate] = []
    start_failures = 0

    def start() -> None:
        isolate = Isolate.take(settings)
        isolates.append(isolate)
        selector.register(isolate, selectors.EVENT_READ)

    def retire(isolate: Isolate) -> None:
        selector.unregister(isolate)
        isolates.remove(isolate)
        isolate.kill()

    try:
        for _ in range(min(workers, len(pending))):
            start()
        while isolates:
            for isolate in isolates:
                if isolate.ready and isolate.job is None and pending:
                    job = pending.popleft()
                    isolate.send(job, job.path, job.display)
            now = time.monotonic()
            wait = min((i.started_at + timeout - now for i in isolates if i.job is not None), default=1.0)
            for key, _ in selector.select(max(0.0, min(wait, 1.0))):
                isolate: Isolate = key.fileobj
                message = isolate.receive()
                if message is None:
                    reason, job = isolate.death(), isolate.job
                    retire(isolate)
                    if job is not None:
                        yield job, crashed(job.display, rule_codes, reason, settings.policy)
                    else:
                        start_failures += 1
                        if start_failures >= _START_FAILURES:
                            raise WorkerStartError(f"scan workers cannot start: {reason} (see the errors above)")
                    if pending:
                        start()
                elif message[0] == "ready":
                    start_failures = 0
                else:
                    kind, payload, fatal = message
                    job, isolate.job = isolate.job, None
                    if fatal:
                        retire(isolate)
                        if pending:
                            start()
                    elif pending:
                        # the next document first: the child scans it while this result is stored
                        following = pending.popleft()
                        isolate.send(following, following.path, following.display)
                    yield job, (payload if kind == "done"
                                else crashed(job.display, rule_codes, payload, settings.policy))
            now = time.monotonic()
            for isolate in [i for i in isolates if i.job is not None and now - i.started_at > timeout]:
                job = isolate.job
                retire(isolate)
                if pending:
                    start()
                yield job, timed_out(job.display, rule_codes, timeout, settings.policy)
            if not pending:
                for isolate in [i for i in isolates if i.job is None]:
                    retire(isolate)
        if pending:
            raise RuntimeError(f"{len(pending)} documents left with no worker to scan them")
    finally:
        for isolate in list(isolates):
            retire(isolate)
        selector.close()
