"""Access to the data files in ``lexicons/`` (installed as ``miner/lexicons``).

Keyword lists, synonyms, table identities and patterns are data; code reads
them from here and never spells them inline.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@lru_cache(maxsize=1)
def _root() -> Path:
    # A wheel holds the data as miner/lexicons (pyproject: force-include); a source
    # tree or an editable install keeps it at the top level, beside miner/.
    installed = resources.files("miner").joinpath("lexicons")
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "lexicons"


def data_path(name: str) -> Path:
    """A data file of ``lexicons/`` other than the YAML lexicons (the segmenter's dictionary)."""
    return _root() / name


@lru_cache(maxsize=None)
def operand_measure(role: str) -> str:
    """The measure key (lexicons/measures.yaml) of the figure a completion rate or a change against
    the budget is computed from, by role: ``budget`` (年初预算), ``actual`` (支出决算)."""
    return load("measures")["operand_measures"][role]


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load ``lexicons/<name>.yaml``; the result is cached and must not be mutated."""
    path = _root() / f"{name}.yaml"
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
