"""One document at a time in a separate process, with a time limit and a memory limit.

The parent starts a Python child running ``serve()`` and talks to it over its
stdin and stdout in length-prefixed pickles. The child loads the scanner once
(jieba's dictionary, the spaCy pipeline, the lexicons), says it is ready, then
scans the documents it is sent, one at a time. A document that raises, or
exhausts the child's address-space limit, is answered with the reason; one
that hangs is ended by the parent killing the child; one that kills the child
(a crash in a native library, the kernel's OOM killer) is seen by the parent
as the pipe closing. Either way the parent reports that document and starts a
fresh child: the batch goes on.

A plain subprocess, not ``multiprocessing``: it can be started from a Dask
worker (a daemon process, which ``multiprocessing`` refuses to fork from) and
killed without disturbing anything else.
"""
from __future__ import annotations

import gc
import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field

from ..checks.policy import Policy, default_policy

_HEADER = struct.Struct(">Q")
GC_FIRST_THRESHOLD = 20_000     # allocations between two collections of the youngest generation (warm_up)
SCAN_FUNCTION = "miner.scan:scan_document"


@dataclass(frozen=True)
class WorkerSettings:
    """What every child is started with."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    memory_limit_mb: int = 4096       # address space of a child; 0: no limit
    scan_function: str = SCAN_FUNCTION   # "module:function(path, rules, display, policy)"; tests put a hanging one here
    policy: Policy = field(default_factory=default_policy)   # the scan's policy, sent to every child


class EngineError(RuntimeError):
    """The run cannot go on, whatever the documents: the message says why, for the user."""


class WorkerStartError(EngineError):
    """A child could not start: a broken installation, not a bad document."""


def _write(stream, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read(stream):
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


# --------------------------------------------------------------------------- the child


def _load(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def warm_up() -> None:
    """Load what every document needs, once per worker, before the first document's clock starts.

    What is loaded then (spaCy's vocabulary, jieba's dictionary, the lexicons: about
    95,000 objects the collector tracks) lives as long as the worker, so it is moved out
    of the collector's reach (``gc.freeze``): a full collection traversed all of it, about
    20 ms each, six times in 80 documents of the seeds. Measured on the seeds, 40 rounds:
    mean 55.8 -> 53.3 ms per document, slowest round 77.9 -> 54.8.

    A scan then frees what it builds by reference counting: on the seeds the collector
    ran 6.6 times per document and found nothing to collect. Its first generation is
    collected after 20,000 allocations instead of 700 (``GC_FIRST_THRESHOLD``): no
    collection within a text document, and PDFs, whose parser leaves cycles (about 800
    objects per document), are still collected every few documents. Measured on the
    seeds, four runs of 40 rounds each way: mean 53.3 -> 52.0 ms per document."""
    from ..claims.nlp import pipeline
    from ..ingest import pdf  # noqa: F401 - pypdfium2's native library, loaded once
    from ..numbers import find_mentions

    pipeline()("一般公共预算财政拨款支出100万元")
    find_mentions("支出100万元，增长1.5%")
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])


def serve() -> None:
    """The child's main loop (started by ``Isolate``)."""
    # Ctrl-C reaches the whole process group: the parent decides, and ends its children.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)               # stray prints of libraries must not corrupt the channel
    try:
        _serve(sys.stdin.buffer, channel)
    except BrokenPipeError:
        os._exit(0)             # the parent is gone (killed): nobody wants the result


def _serve(requests, channel) -> None:
    # Load the scanner before the settings arrive: a child started early (``prestart``) does
    # this while the parent is still importing and planning.
    warm_up()
    settings: WorkerSettings = _read(requests)
    if settings is None:
        return                  # started early and not needed (every result was reused)
    from ..checks.registry import selected
    from .outcome import completed

    rules = selected(settings.select, settings.ignore)
    scan_document = _load(settings.scan_function)
    if settings.memory_limit_mb:
        import resource

        limit = settings.memory_limit_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _write(channel, ("ready", os.getpid()))
    while (request := _read(requests)) is not None:
        path, display = request
        try:
            reply = ("done", completed(scan_document(path, rules, display, settings.policy)).pack(), False)
        except MemoryError:
            reply = None
        except Exception as exc:  # noqa: BLE001 - any bug in one document is reported as IN03, batch goes on
            reply = ("failed", f"{type(exc).__name__}: {exc}", False)
        if reply is None:
            # The heap may be in any state now: report and make way for a fresh child.
            _write(channel, ("failed", f"memory exhausted (over --memory-limit {settings.memory_limit_mb} MB)", True))
            channel.close()
            os._exit(3)
        _write(channel, reply)


# --------------------------------------------------------------------------- the parent


def _child_environment() -> dict[str, str]:
    # The child imports what the parent can import (a test's scan function too).
    path = os.pathsep.join(p for p in sys.path if p)
    return {**os.environ, "PYTHONPATH": path}


class Isolate:
    """The parent's handle on one child."""

    def __init__(self, settings: WorkerSettings | None):
        self.proc = subprocess.Popen([sys.executable, "-c", "from miner.engine.isolate import serve; serve()"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_child_environment())
        self.settings = settings
        self.ready = False
        self.job = None            # what it is scanning now (the caller's object)
        self.started_at = 0.0
        if settings is not None:
            _write(self.proc.stdin, settings)

    @classmethod
    def take(cls, settings: WorkerSettings) -> "Isolate":
        """A child for these settings: one started early by ``prestart`` if there is one, else a new one."""
        while _PRESTARTED:
            isolate = _PRESTARTED.pop(0)
            if isolate.proc.poll() is None:
                isolate.settings = settings
                _write(isolate.proc.stdin, settings)
                return isolate
            isolate.kill()
        return cls(settings)

    def fileno(self) -> int:
        return self.proc.stdout.fileno()

    def send(self, job, path: str, display: str) -> None:
        self.job = job
        self.started_at = time.monotonic()
        _write(self.proc.stdin, (path, display))

    def receive(self):
        """The child's next message, or None when it is gone (then ``death`` says how)."""
        message = _read(self.proc.stdout)
        if message is not None and message[0] == "ready":
            self.ready = True
        return message

    def death(self) -> str:
        code = self.proc.wait()
        if code < 0:
            return f"worker process killed by signal {-code}"
        return f"worker process exited with status {code}"

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass   # a broken pipe to a dead child: nothing left to flush


# Children started before the run knew its settings (``prestart``), waiting for them.
_PRESTARTED: list[Isolate] = []


def prestart(count: int) -> None:
    """Start ``count`` children now, so that loading the scanner in them (about a second:
    spaCy's import, jieba's dictionary) overlaps the parent's own start-up; the run takes
    them with ``Isolate.take``. Children left untaken are ended by ``discard_prestarted``."""
    for _ in range(count):
        _PRESTARTED.append(Isolate(None))


def discard_prestarted() -> None:
    while _PRESTARTED:
        isolate = _PRESTARTED.pop()
        try:
            isolate.proc.stdin.close()      # the child reads no settings and ends
        except OSError:
            pass
        isolate.kill()


def wait_readable(isolate: Isolate, timeout: float | None) -> bool:
    readable, _, _ = select.select([isolate], [], [], timeout)
    return bool(readable)
