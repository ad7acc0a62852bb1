from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"


@pytest.fixture(scope="session")
def seed_results():
    from miner.scan import scan_document

    return {path.stem: scan_document(path, display=path.name) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(autouse=True)
def _default_policy():
    """A CLI run configures the process-wide tolerance and severity policy: restore the
    defaults after each test so no test sees another's configuration."""
    yield
    from miner.checks import overrides, tolerance
    from miner.config import defaults

    tolerance.configure(defaults()["tolerance"])
    overrides.configure({})
