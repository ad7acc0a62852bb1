from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"


@pytest.fixture(scope="session")
def seed_results():
    from miner.scan import scan_document

    return {path.stem: scan_document(path, display=path.name) for path in sorted(SEEDS.glob("*.txt"))}

