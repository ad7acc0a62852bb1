import os
from pathlib import Path

import pytest

# The expected results are written in English: a Chinese locale on the machine running the
# tests would turn the default language (`auto`) to Chinese; the tests of Chinese ask for it.
for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    if os.environ.get(_name, "").lower().startswith("zh"):
        os.environ[_name] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"


@pytest.fixture(scope="session")
def seed_results():
    from miner.scan import scan_document

    return {path.stem: scan_document(path, display=path.name) for path in sorted(SEEDS.glob("*.txt"))}

