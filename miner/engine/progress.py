"""Progress on stderr: a bar redrawn in place on a terminal, a plain line now and then otherwise.

Lines are written when documents finish and, while none does, by a heartbeat
thread: a log of a run (a non-terminal: CI, ``nohup``, a pipe) gets a line at
least every 10 s even while one slow document holds every worker, so a run
that is working is never mistaken for one that hangs.
"""
from __future__ import annotations

import sys
import threading
import time

_BAR = 28


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    """Counts documents as they finish. ``reused`` ones (from an earlier run) count as done at once."""

    def __init__(self, total: int, reused: int = 0, stream=None, interval: float | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self.total = total
        self.reused = reused
        self.done = reused
        self.failed = 0
        self.started = time.monotonic()
        self._last = self.started       # when a line was last written
        self._shown = -1                # ``done`` when last shown
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._heartbeat = None
        if total > reused and self.interval > 0:
            self._heartbeat = threading.Thread(target=self._beat, name="miner-progress", daemon=True)
            self._heartbeat.start()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        scanned = self.done - self.reused
        rate = scanned / elapsed if elapsed > 0 else 0.0
        eta = _duration((self.total - self.done) / rate) if rate > 0 else "?"
        reused = f", {self.reused} from an earlier run" if self.reused else ""
        text = (f"{self.done}/{self.total} documents{reused}, {rate:.1f}/s, ETA {eta}, "
                f"{self.failed} failed, {_duration(elapsed)} elapsed")
        if self.tty:
            filled = _BAR * self.done // self.total if self.total else _BAR
            text = f"[{'#' * filled}{'.' * (_BAR - filled)}] {text}"
        return text

    def advance(self, failed: bool) -> None:
        with self._lock:
            self.done += 1
            self.failed += int(failed)
            if time.monotonic() - self._last >= self.interval:
                self._show()

    def _beat(self) -> None:
        # wakes up at a tenth of the interval, so a line is never more than 10% late
        while not self._stopped.wait(self.interval / 10):
            with self._lock:
                if not self._stopped.is_set() and time.monotonic() - self._last >= self.interval:
                    self._show()

    def _show(self) -> None:
        self._last = time.monotonic()
        self._shown = self.done
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
        else:
            self.stream.write("scan: " + self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        self._stopped.set()
        if self._heartbeat is not None:
            self._heartbeat.join()
        with self._lock:
            if self.tty:
                self._show()
                self.stream.write("\n")
                self.stream.flush()
            elif time.monotonic() - self.started >= self.interval and self._shown != self.done:
                self._show()    # a long run ends with its final count; a short one stays quiet
