"""An internal error, told as a user can act on it: one line on the terminal, the traceback in a file."""
from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path

from . import __version__


def crash_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "miner" / "crashes"


def save_traceback(exc: BaseException, command: list[str]) -> Path | None:
    """Write the traceback of ``exc`` to a new file (the user's cache, else the temporary folder); its path."""
    text = (f"miner {__version__}\ncommand: {' '.join(command)}\n\n"
            + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    name = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None
