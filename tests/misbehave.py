"""A scan function for engine tests: documents named after a failure fail that way, others scan normally.

The engine runs it in its worker processes (``ScanOptions.scan_function``),
which import it because the tests' folder is on their path.
"""
import os
import signal
import time

from miner.scan import scan_document


def scan(path, rules, display, policy):
    name = os.path.basename(path)
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("raise"):
        raise RuntimeError("parser bug on purpose")
    if name.startswith("memory"):
        return bytearray(1 << 36)   # 64 GiB, far over any --memory-limit
    if name.startswith("die"):
        os.kill(os.getpid(), signal.SIGKILL)
    return scan_document(path, rules, display, policy)
