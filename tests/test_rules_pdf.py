"""The table, prose and completeness rules on the real PDFs (when corpora/pdf is there):
every error they raise is one verified by hand (tests/golden/pdf/rule-errors.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from miner.scan import scan

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "pdf"
VERIFIED = Path(__file__).parent / "golden" / "pdf" / "rule-errors.yaml"
FAMILIES = ("TB", "XT", "PR", "CM")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpora/pdf not copied yet")
def test_every_rule_error_on_the_pdfs_is_verified():
    verified = {(e["doc"], e["rule"], e["page"], e["line"])
                for e in yaml.safe_load(VERIFIED.read_text(encoding="utf-8"))}
    result = scan([CORPUS], select=FAMILIES)
    raised = {(Path(f.doc).name, f.rule, f.page, f.line)
              for f in result.findings if f.severity == "error"}
    assert raised == verified
