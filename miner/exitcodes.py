"""Exit codes of the command line, in one place."""
OK = 0            # no finding at or above the --fail-on severity
FINDINGS = 1      # some finding at or above it
USAGE = 2         # bad usage, e.g. a path that does not exist
FAILED = 3        # the run could not finish: workers would not start, Dask scheduler unreachable
