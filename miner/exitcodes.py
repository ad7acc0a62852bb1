"""Exit codes of the command line, in one place (the README's table and `miner --help` are made from MEANINGS)."""
OK = 0             # no finding at or above the --fail-on severity
FINDINGS = 1       # some finding at or above it
USAGE = 2          # the command cannot run as given: nothing was scanned
INTERNAL = 3       # miner failed: a bug, or workers that cannot start; the traceback is saved, not shown
INTERRUPTED = 130  # stopped by Ctrl-C (SIGINT), as shells report 128 + 2; the documents done are kept

MEANINGS = (
    (OK, "no finding at or above the --fail-on severity (default: error)"),
    (FINDINGS, "some finding at or above the --fail-on severity"),
    (USAGE, "usage error, nothing scanned: a path that does not exist, an unknown rule code in "
            "--select/--ignore (the closest known codes are named), no document found (the files passed "
            "over are listed with the reason), an output folder that cannot be written"),
    (INTERNAL, "internal error: a short message, and the path of the file where the traceback is saved"),
    (INTERRUPTED, "interrupted (Ctrl-C): the documents finished so far are kept, and the same command "
                  "continues from them"),
)
